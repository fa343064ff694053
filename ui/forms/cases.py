"""A new case, and one case's view: its facts, its timeline of events and the form to add an event — a note, a
new status and, for a tip or a mediation, a new outcome (what became of the tip, how the mediation ended)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, cast

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from desktop.register.cases import add_case, outcome_field, update_case
from desktop.register.labels import label
from desktop.store.queries import case_detail
from desktop.store.tables import CASE_KINDS, CASE_STATUSES, MEDIATION_RESULTS, TIP_STATUSES
from ui.context import AppContext
from ui.date_edit import DateEdit
from ui.forms.base import FormDialog
from ui.language import fmt_date
from ui.models import Column, RowsModel, date_of, text_of
from ui.picker import HouseholdPicker


def case_outcome(row: Mapping[str, Any]) -> str:
    """A case's outcome as a list shows it: a tip's status (received until set), a mediation's result (blank
    while there is none); other kinds have none."""
    field = outcome_field(str(row.get("kind")))
    value = row.get(field) if field else None
    return label(field, str(value or "received")) if field == "tip_status" else label(field, value) if field else ""


def _fill(combo: QComboBox, group: str, codes: tuple[str, ...], blank: bool = False) -> None:
    current = combo.currentData()
    combo.clear()
    if blank:
        combo.addItem("", None)
    for code in codes:
        combo.addItem(label(group, code), code)
    combo.setCurrentIndex(max(0, combo.findData(current)))


class CaseDialog(FormDialog):
    """Open a new case (optionally about a household)."""

    def __init__(
        self, ctx: AppContext, household_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("caseForm")
        self.setMinimumWidth(560)
        self.kind = QComboBox(self)
        self.title_edit = QLineEdit(self)
        self.picker = HouseholdPicker(ctx, self)
        self.picker.set_household(household_id or None)
        self.received_on = DateEdit(fmt_date(ctx.today().isoformat()), self)
        self.due_on = DateEdit("", self)
        self.source = QLineEdit(self)
        for name, widget in (
            ("kind", self.kind),
            ("title", self.title_edit),
            ("household", self.picker),
            ("received_on", self.received_on),
            ("due_on", self.due_on),
            ("source", self.source),
        ):
            self.add_field(name, widget)
        self.retranslate()
        self.title_edit.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New case"))
        _fill(self.kind, "case_kind", CASE_KINDS)
        for name, text in (
            ("kind", self.tr("Kind")),
            ("title", self.tr("Title")),
            ("household", self.tr("Household (optional)")),
            ("received_on", self.tr("Received on")),
            ("due_on", self.tr("Due on")),
            ("source", self.tr("Source")),
        ):
            self.set_label(name, text)
        self.due_on.setPlaceholderText(self.tr("dd/mm/yyyy, empty if none"))
        self.source.setPlaceholderText(self.tr("e.g. người dân, tổ dân phố, đường dây nóng"))

    def field_for_error(self, error):
        if error.msg_id == "register.due_before_received":
            return "due_on"
        if error.msg_id == "register.unknown_household":
            return "household"
        return super().field_for_error(error)

    def save(self) -> str | None:
        if self.picker.has_pending_text():
            self.errors["household"].show_message(
                self.tr("Pick the household from the search results (↓, Enter).")
            )
            return None
        return add_case(
            self.ctx.store,
            kind=self.kind.currentData(),
            title=self.title_edit.text(),
            received_on=self.received_on.text(),
            household_id=self.picker.household_id,
            source=self.source.text().strip() or None,
            due_on=self.due_on.text(),
            assignee_id=self.ctx.user_id,
            officer_id=self.ctx.user_id,
        )


class CaseView(FormDialog):
    """A case's facts and timeline; Save adds an event (a note and/or a status change)."""

    def __init__(self, ctx: AppContext, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("caseView")
        self.setMinimumSize(640, 480)
        self.case_id = case_id
        self.changed = False
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.events = RowsModel(
            [
                Column("at", lambda: self.tr("Date"), date_of("at")),
                Column(
                    "new_status",
                    lambda: self.tr("Status"),
                    lambda row: label("case_status", row.get("new_status")),
                ),
                Column("new_outcome", lambda: self.tr("Outcome"), self._event_outcome),
                Column("note", lambda: self.tr("Note"), text_of("note")),
                Column("officer", lambda: self.tr("Officer"), text_of("officer")),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.events)
        self.view.verticalHeader().hide()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the timeline for the form (a table keeps it for cells)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.form.insertRow(0, self.facts)
        self.form.insertRow(1, self.view)
        self.on = DateEdit(fmt_date(ctx.today().isoformat()), self)
        self.status = QComboBox(self)
        self.outcome = QComboBox(self)
        self.outcome.setObjectName("caseOutcome")
        self.note = QLineEdit(self)
        self.resolution = QLineEdit(self)
        for name, widget in (
            ("on", self.on),
            ("new_status", self.status),
            ("outcome", self.outcome),
            ("note", self.note),
            ("resolution", self.resolution),
        ):
            self.add_field(name, widget)
        self.load()
        self.set_field_visible("outcome", self.outcome_group is not None)
        self.retranslate()
        self.show_recorded()
        self.note.setFocus()

    def load(self) -> None:
        self.detail: dict[str, Any] = case_detail(self.ctx.store, self.case_id)
        # A tip has a status of its own, a dispute or complaint a mediation result; other kinds have neither.
        self.outcome_group = outcome_field(str(self.detail["kind"]))
        self.events.set_rows(cast(list[dict[str, Any]], self.detail["events"]))

    def _event_outcome(self, row: Mapping[str, Any]) -> str:
        return label(self.outcome_group, row.get("new_outcome")) if self.outcome_group else ""

    def current_outcome(self) -> str | None:
        """The case's outcome now (a tip recorded before outcomes existed counts as received)."""
        if self.outcome_group == "tip_status":
            return str(self.detail.get("tip_status") or "received")
        return str(self.detail["mediation_result"]) if self.detail.get("mediation_result") else None

    def show_recorded(self) -> None:
        """Preselect the case's status and outcome and fill in its resolution as recorded, so a correction of the
        resolution is made over the one shown, not blind. Done once when the view opens, not in `retranslate`: a
        language switch mid-form put back the recorded values over what the officer had chosen."""
        self.status.setCurrentIndex(max(0, self.status.findData(self.detail["status"])))
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(self.current_outcome())))
        self.resolution.setText(str(self.detail.get("resolution") or ""))

    def set_field_visible(self, name: str, visible: bool) -> None:
        self.form.setRowVisible(self._labels[name], visible)

    def retranslate(self) -> None:
        d = self.detail
        self.setWindowTitle(self.tr("Case: %1").replace("%1", str(d["title"])))
        _fill(self.status, "case_status", CASE_STATUSES)
        if self.outcome_group == "tip_status":
            _fill(self.outcome, "tip_status", TIP_STATUSES)
        elif self.outcome_group == "mediation_result":
            _fill(self.outcome, "mediation_result", MEDIATION_RESULTS, blank=True)
        outcome_text = label(self.outcome_group, self.current_outcome()) if self.outcome_group else ""
        where = " ".join(str(part) for part in (d.get("house_no"), d.get("street")) if part) or "—"
        # The line is rich text (the kind in bold): what people typed is escaped, or "<khu trọ số 5>" in a title
        # vanished, and an unclosed "<" took the status and dates with it.
        self.facts.setText(
            " · ".join(
                html.escape(part) if number else part for number, part in enumerate((
                    f"<b>{html.escape(label('case_kind', d['kind']))}</b>",
                    str(d["title"]),
                    self.tr("Status: %1").replace("%1", label("case_status", d["status"])),
                    *((self.tr("Outcome: %1").replace("%1", outcome_text or self.tr("none yet")),)
                      if self.outcome_group else ()),
                    self.tr("Received: %1").replace("%1", fmt_date(d["received_on"])),
                    self.tr("Due: %1").replace("%1", fmt_date(d.get("due_on")) or "—"),
                    self.tr("Household: %1").replace("%1", where),
                    *((self.tr("Resolution: %1").replace("%1", str(d["resolution"])),)
                      if d.get("resolution") else ()),
                ))
            )
        )
        for name, text in (
            ("on", self.tr("Date")),
            ("new_status", self.tr("Status")),
            ("outcome", self.tr("Mediation result") if self.outcome_group == "mediation_result"
             else self.tr("Tip status")),
            ("note", self.tr("Note")),
            ("resolution", self.tr("Resolution")),
        ):
            self.set_label(name, text)
        self.resolution.setPlaceholderText(self.tr("When resolving or closing"))
        self.events.retranslate()


    def _changed_resolution(self) -> str | None:
        """The resolution typed, when it is not the one recorded (shown in the field): an unchanged one is no news
        for the timeline."""
        typed = self.resolution.text().strip() or None
        return None if typed == (self.detail.get("resolution") or None) else typed

    def save(self) -> str | None:
        event_id = update_case(
            self.ctx.store,
            self.case_id,
            on=self.on.text(),
            note=self.note.text().strip() or None,
            new_status=self.status.currentData(),
            resolution=self._changed_resolution(),
            outcome=self.outcome.currentData() if self.outcome_group else None,
            officer_id=self.ctx.user_id,
        )
        self.changed = True
        return event_id
