"""One household: who lives there, its vulnerabilities, and the timeline of visits and cases.

Opening the page goes through `desktop.security.access.view_household`, which logs the view in the audit log
and leaves out other officers' visits for an officer. Team leads and admins get "Access history": the audit
log filtered to this household.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.register.households import move_out_person, set_flags, set_head
from desktop.register.labels import label, labels
from desktop.security.access import view_household
from desktop.security.session import visible_officer
from desktop.store.queries import household_detail
from ui.context import AppContext
from ui.date_edit import ask_date
from ui.language import fmt_date, fmt_number
from ui.models import Column, RowsModel, date_of, label_of, text_of
from ui.widgets import Page, chosen, error_text, hidden_text, record_table, run_once, show_error


def timeline_rows(detail: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Visits and cases of the household in one list, newest first."""
    rows = [{"id": v["id"], "kind": "visit", "on": v["visited_at"], "visit": v} for v in detail["visits"]]
    rows += [{"id": c["id"], "kind": "case", "on": c["received_on"], "case": c} for c in detail["cases"]]
    return sorted(rows, key=lambda row: str(row["on"] or ""), reverse=True)


class HouseholdPage(Page):
    back = Signal()
    new_visit = Signal(str)
    new_case = Signal(str)
    open_case = Signal(str)
    open_visit = Signal(str)  # double-click or Enter on a visit of the timeline
    access_history = Signal(str)  # household id: show the audit log filtered to it

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.household_id: str | None = None
        self.detail: Mapping[str, Any] = {}
        self.back_button = QPushButton(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("householdHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.visit_button = QPushButton(self)
        self.case_button = QPushButton(self)
        self.history_button = QPushButton(self)
        self.history_button.setObjectName("accessHistory")
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("editHousehold")

        self.flags_box = QGroupBox(self)
        grid = QGridLayout(self.flags_box)
        self.flags: dict[str, QCheckBox] = {}
        for number, code in enumerate(HOUSEHOLD_FLAGS):
            box = QCheckBox(self.flags_box)
            box.toggled.connect(self._flags_toggled)
            self.flags[code] = box
            grid.addWidget(box, number // 4, number % 4)

        self.members_box = QGroupBox(self)
        self.members = RowsModel(
            [
                Column("full_name", lambda: self.tr("Full name"), self._member_name),
                Column("gender", lambda: self.tr("Gender"), label_of("gender", "gender")),
                Column("birth_year", lambda: self.tr("Born"), text_of("birth_year"), align_right=True),
                Column("relation_to_head", lambda: self.tr("Relation"), text_of("relation_to_head")),
                Column("phone", lambda: self.tr("Phone"), text_of("phone")),
                Column("moved_out_on", lambda: self.tr("Moved out"), date_of("moved_out_on")),
            ],
            self,
        )
        self.members.alert = lambda row: bool(row.get("moved_out_on"))
        self.members_view = record_table(self, self.members)
        self.add_member = QPushButton(self)
        self.edit_member = QPushButton(self)
        self.move_out = QPushButton(self)
        self.make_head = QPushButton(self)
        buttons = QHBoxLayout()
        for button in (self.add_member, self.edit_member, self.move_out, self.make_head):
            buttons.addWidget(button)
        buttons.addStretch(1)
        members_layout = QVBoxLayout(self.members_box)
        members_layout.addWidget(self.members_view)
        members_layout.addLayout(buttons)

        self.timeline_box = QGroupBox(self)
        self.timeline = RowsModel(
            [
                Column("on", lambda: self.tr("Date"), date_of("on")),
                Column("kind", lambda: self.tr("Record"), self._record_kind),
                Column("what", lambda: self.tr("What"), self._record_what),
                Column("result", lambda: self.tr("Result"), self._record_result),
                Column("support", lambda: self.tr("Support given"), self._record_support),
                Column("follow", lambda: self.tr("Follow-up / due"), self._record_due),
            ],
            self,
        )
        self.timeline_view = record_table(self, self.timeline)
        self.hidden_note = QLabel(self)  # an officer is told that other officers' visits are left out
        self.hidden_note.setObjectName("hiddenEntries")
        self.hidden_note.setStyleSheet("color: #555; font-style: italic;")
        self.hidden_note.hide()
        timeline_layout = QVBoxLayout(self.timeline_box)
        timeline_layout.addWidget(self.timeline_view)
        timeline_layout.addWidget(self.hidden_note)

        head = QHBoxLayout()
        head.addWidget(self.back_button)
        head.addWidget(self.heading, 1)
        head.addWidget(self.edit_button)
        head.addWidget(self.visit_button)
        head.addWidget(self.case_button)
        head.addWidget(self.history_button)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addWidget(self.flags_box)
        layout.addWidget(self.members_box, 2)
        layout.addWidget(self.timeline_box, 3)

        self.back_button.clicked.connect(self.back.emit)
        self.visit_button.clicked.connect(lambda: self.new_visit.emit(self.household_id or ""))
        self.case_button.clicked.connect(lambda: self.new_case.emit(self.household_id or ""))
        self.history_button.clicked.connect(lambda: self.access_history.emit(self.household_id or ""))
        self.edit_button.clicked.connect(self._edit_household)
        self.add_member.clicked.connect(self._add_member)
        self.edit_member.clicked.connect(self._edit_member)
        self.members_view.activated.connect(lambda _i: self._edit_member())
        self.move_out.clicked.connect(self._move_out)
        self.make_head.clicked.connect(self._make_head)
        self.timeline_view.activated.connect(self._timeline_activated)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Household")

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("← Households"))
        self.edit_button.setText(self.tr("Edit address…"))
        self.visit_button.setText(self.tr("New visit"))
        self.case_button.setText(self.tr("New case"))
        self.history_button.setText(self.tr("Access history"))
        self.flags_box.setTitle(self.tr("Vulnerabilities"))
        for code, box in self.flags.items():
            box.setText(label("flag", code))
        self.members_box.setTitle(self.tr("Members"))
        self.add_member.setText(self.tr("Add member"))
        self.edit_member.setText(self.tr("Edit"))
        self.move_out.setText(self.tr("Moved out…"))
        self.make_head.setText(self.tr("Make head of household"))
        self.timeline_box.setTitle(self.tr("Visits and cases"))
        self.members.retranslate()
        self.timeline.retranslate()
        self._show_facts()

    # --- content -------------------------------------------------------------------------------------------
    def apply_role(self) -> None:
        self.history_button.setVisible(self.ctx.can("audit.view"))

    def show_household(self, household_id: str) -> None:
        """Open a household: one audited `view` (refreshes after an edit on the page are not new views)."""
        detail = view_household(self.ctx.store, household_id)
        self.household_id = household_id
        self._show_detail(detail)

    def refresh(self) -> None:
        if not self.household_id:
            return
        store = self.ctx.store
        try:
            detail = household_detail(store, self.household_id, officer_id=visible_officer(store))
        except WardbookError as error:  # deleted meanwhile (a sync, another window): said, and back to the list
            self.household_id = None
            show_error(self, error)
            self.ctx.households_changed.emit("")
            self.back.emit()
            return
        self._show_detail(detail)

    def _show_detail(self, detail: Mapping[str, Any]) -> None:
        self.detail = dict(detail)
        self.members.set_rows(self.detail["people"])
        self.timeline.set_rows(timeline_rows(self.detail))
        for code, box in self.flags.items():
            box.blockSignals(True)
            box.setChecked(code in self.detail["flags"])
            box.blockSignals(False)
        self._show_facts()

    def _show_facts(self) -> None:
        d = self.detail
        if not d:
            return
        hidden = int(d.get("hidden_visits") or 0) + int(d.get("hidden_cases") or 0)
        self.hidden_note.setText(hidden_text(hidden))
        self.hidden_note.setVisible(hidden > 0)
        self.heading.setText(f"{d.get('house_no') or ''} {d.get('street') or ''}")
        facts = [
            self.tr("Code: %1").replace("%1", str(d.get("code") or "")),
            self.tr("Area: %1").replace("%1", str(d.get("area") or "—")),
            self.tr("Head: %1").replace("%1", str(d.get("head") or "—")),
            self.tr("Phone: %1").replace("%1", str(d.get("phone") or "—")),
            self.tr("Members: %1").replace("%1", fmt_number(d.get("members") or 0)),
            self.tr("Last visit: %1").replace("%1", fmt_date(d.get("last_visit")) or "—"),
        ]
        if d.get("overdue"):
            facts.append(self.tr("Overdue follow-ups: %1").replace("%1", fmt_number(d["overdue"])))
        self.facts.setText("   ·   ".join(facts))

    def _member_name(self, row: Mapping[str, Any]) -> str:
        name = str(row.get("full_name") or "")
        return f"★ {name}" if row.get("id") == self.detail.get("head_id") else name

    def _record_kind(self, row: Mapping[str, Any]) -> str:
        return self.tr("Visit") if row["kind"] == "visit" else self.tr("Case")

    def _record_what(self, row: Mapping[str, Any]) -> str:
        if row["kind"] == "visit":
            return labels("purpose", row["visit"]["purposes"])
        case = row["case"]
        return f"{label('case_kind', case['kind'])}: {case['title']}"

    def _record_result(self, row: Mapping[str, Any]) -> str:
        if row["kind"] == "case":
            return label("case_status", row["case"]["status"])
        visit = row["visit"]
        text = label("outcome", visit["outcome"])
        if visit.get("voided"):
            text += " — " + self.tr("voided: %1").replace("%1", str(visit.get("void_reason") or ""))
        if visit.get("findings"):
            text += f" — {visit['findings']}"
        return text

    def _record_support(self, row: Mapping[str, Any]) -> str:
        """What was given, item by item: "Lương thực 10 kg (200.000 đ)"."""
        if row["kind"] != "visit":
            return ""
        items = []
        for item in row["visit"].get("support") or ():
            words = [label("support", item["kind"]), fmt_number(item["quantity"]), str(item["unit"] or "")]
            text = " ".join(word for word in words if word)
            if item["value_vnd"]:
                text += f" ({fmt_number(item['value_vnd'])} đ)"
            items.append(text)
        return "; ".join(items)

    def _record_due(self, row: Mapping[str, Any]) -> str:
        if row["kind"] == "case":
            return fmt_date(row["case"].get("due_on"))
        visit = row["visit"]
        if not visit.get("follow_up_due"):
            return ""
        if visit.get("follow_up_done_at"):
            return (
                self.tr("%1 (done %2)")
                .replace("%1", fmt_date(visit["follow_up_due"]))
                .replace("%2", fmt_date(visit["follow_up_done_at"]))
            )
        return fmt_date(visit["follow_up_due"])

    # --- actions -------------------------------------------------------------------------------------------
    def _selected_member(self) -> Mapping[str, Any] | None:
        index = chosen(self.members_view)
        return self.members.row(index.row()) if index.isValid() else None

    def _changed(self) -> None:
        self.refresh()
        self.ctx.households_changed.emit(self.household_id or "")

    def _edit_household(self) -> None:
        from ui.forms.people import HouseholdEditDialog  # imported when opened, not at start

        if self.household_id and self.detail and run_once(HouseholdEditDialog(self.ctx, self.detail, self)):
            self._changed()

    def _add_member(self) -> None:
        from ui.forms.people import PersonDialog  # the member form is imported when opened, not at start

        if self.household_id and run_once(PersonDialog(self.ctx, self.household_id, parent=self)):
            self._changed()

    def _edit_member(self) -> None:
        from ui.forms.people import PersonDialog

        person = self._selected_member()
        if person and self.household_id and run_once(PersonDialog(self.ctx, self.household_id, person, self)):
            self._changed()

    def _move_out(self) -> None:
        person = self._selected_member()
        if not person:
            return
        if ask_date(self, self.tr("Moved out"),
                    self.tr("Date %1 moved out (dd/mm/yyyy):").replace("%1", str(person["full_name"])),
                    fmt_date(self.ctx.today().isoformat()),
                    lambda text: move_out_person(self.ctx.store, str(person["id"]), text)):
            self._changed()

    def _make_head(self) -> None:
        person = self._selected_member()
        if person and self.household_id:
            household_id = self.household_id
            self._apply(lambda: set_head(self.ctx.store, household_id, str(person["id"])))

    def _flags_toggled(self, _on: bool) -> None:
        if self.household_id:
            household_id = self.household_id
            chosen = [code for code, box in self.flags.items() if box.isChecked()]
            self._apply(lambda: set_flags(self.ctx.store, household_id, chosen))

    def _apply(self, action: Any) -> None:
        try:
            action()
        except WardbookError as error:
            QMessageBox.warning(self, self.tr("Not saved"), error_text(error))
            return
        self._changed()

    def _timeline_activated(self, index: Any) -> None:
        row = self.timeline.row(index.row())
        (self.open_case if row["kind"] == "case" else self.open_visit).emit(str(row["id"]))
