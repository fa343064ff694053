"""The Cases and Community activities pages: a filtered list, a button to add one, and (activities)
correcting one by opening it or taking it back after a confirmation."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.register.activities import add_activity, count_others_activities, delete_activity, update_activity
from desktop.register.cases import count_others_cases
from desktop.register.labels import label
from desktop.security.session import visible_officer
from desktop.store.queries import list_activities, list_areas, list_cases
from desktop.store.tables import ACTIVITY_KINDS, CASE_STATUSES
from ui.context import AppContext
from ui.date_edit import DateEdit
from ui.forms.base import FormDialog
from ui.forms.cases import CaseDialog, CaseView, _fill, case_outcome
from ui.language import fmt_date
from ui.models import Column, RowsModel, address, date_of, label_of, number_of, text_of
from ui.widgets import Page, chosen, confirm, hidden_text, is_refusal, record_table, run_once, show_error

OPEN_STATUSES = ("open", "in_progress")


def hidden_note(parent: QWidget) -> QLabel:
    """Under a list an officer sees narrowed to their own entries: how many of other officers' it leaves out."""
    note = QLabel(parent)
    note.setObjectName("hiddenEntries")
    note.setStyleSheet("color: #555; font-style: italic;")
    note.hide()
    return note


def show_hidden(note: QLabel, count: int) -> None:
    note.setText(hidden_text(count))
    note.setVisible(count > 0)


class CasesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.status = QComboBox(self)
        self.new_button = QPushButton(self)
        self.count = QLabel(self)
        self.model = RowsModel(
            [
                Column("received_on", lambda: self.tr("Received"), date_of("received_on")),
                Column("kind", lambda: self.tr("Kind"), label_of("case_kind", "kind")),
                Column("title", lambda: self.tr("Title"), text_of("title")),
                Column("status", lambda: self.tr("Status"), label_of("case_status", "status")),
                Column("outcome", lambda: self.tr("Outcome"), case_outcome),
                Column("due_on", lambda: self.tr("Due"), date_of("due_on")),
                Column("address", lambda: self.tr("Household"), address),
                Column("assignee", lambda: self.tr("Assignee"), text_of("assignee")),
            ],
            self,
        )
        today = ctx.today
        self.model.alert = lambda row: (
            row.get("status") in OPEN_STATUSES
            and bool(row.get("due_on"))
            and str(row["due_on"]) < today().isoformat()
        )
        self.view = record_table(self, self.model)
        self.hidden = 0  # cases of this status assigned to other officers, left out for an officer
        self.hidden_note = hidden_note(self)
        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addWidget(self.count, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hidden_note)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(lambda: self.new_case(None))
        self.view.activated.connect(lambda index: self.open_case(str(self.model.row(index.row())["id"])))
        ctx.records_changed.connect(self.refresh)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Cases")

    def retranslate(self) -> None:
        self.status.blockSignals(True)
        current = self.status.currentData()
        self.status.clear()
        self.status.addItem(self.tr("Open and in progress"), "active")
        self.status.addItem(self.tr("All cases"), None)
        for code in CASE_STATUSES:
            self.status.addItem(label("case_status", code), code)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.blockSignals(False)
        self.new_button.setText(self.tr("New case"))
        self.count.setText(self.tr("%1 case(s)").replace("%1", str(self.model.rowCount())))
        show_hidden(self.hidden_note, self.hidden)
        self.model.retranslate()

    def refresh(self) -> None:
        choice = self.status.currentData()
        statuses = OPEN_STATUSES if choice == "active" else (choice,) if choice else ()
        store = self.ctx.store  # an officer sees only the cases assigned to them
        mine = visible_officer(store)
        self.model.set_rows(list_cases(store, statuses=statuses, assignee_id=mine))
        self.hidden = count_others_cases(store, mine, statuses)
        self.count.setText(self.tr("%1 case(s)").replace("%1", str(self.model.rowCount())))
        show_hidden(self.hidden_note, self.hidden)

    def new_case(self, household_id: str | None) -> None:
        if run_once(CaseDialog(self.ctx, household_id, self)):
            self.ctx.records_changed.emit()
            if household_id:
                self.ctx.households_changed.emit(household_id)

    def open_case(self, case_id: str) -> None:
        try:
            view = CaseView(self.ctx, case_id, self)
        except WardbookError as error:
            # Another officer's case, in a list read before the role changed; or a case a sync deleted meanwhile,
            # said in words and taken off the list.
            show_error(self, error, self.tr("Not allowed") if is_refusal(error) else "")
            if not is_refusal(error):
                self.ctx.records_changed.emit()
            return
        run_once(view)
        if view.changed:
            self.ctx.records_changed.emit()


class ActivityDialog(FormDialog):
    """A new activity, or the correction of one (`activity` = its row as the Activities page lists it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 activity: Mapping[str, object] | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("activityForm")
        self.setMinimumWidth(480)
        self.activity = activity
        given = activity or {}
        self.kind = QComboBox(self)
        self.held_on = DateEdit(fmt_date(str(given.get("held_on") or ctx.today().isoformat())), self)
        self.area = QComboBox(self)
        self.area.addItem("", None)
        for row in list_areas(ctx.store):
            self.area.addItem(str(row["name"]), row["id"])
        self.area.setCurrentIndex(max(0, self.area.findData(given.get("area_id"))))
        self.topic = QLineEdit(str(given.get("topic") or ""), self)
        attendance = given.get("attendance")
        self.attendance = QLineEdit("" if attendance is None else str(attendance), self)
        self.notes = QLineEdit(str(given.get("notes") or ""), self)
        for name, widget in (
            ("kind", self.kind),
            ("held_on", self.held_on),
            ("area", self.area),
            ("topic", self.topic),
            ("attendance", self.attendance),
            ("notes", self.notes),
        ):
            self.add_field(name, widget)
        self.retranslate()
        self.topic.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit community activity") if self.activity else self.tr("New community activity"))
        chosen = self.kind.currentData() or (self.activity or {}).get("kind")
        _fill(self.kind, "activity", ACTIVITY_KINDS)
        self.kind.setCurrentIndex(max(0, self.kind.findData(chosen)))
        for name, text in (
            ("kind", self.tr("Kind")),
            ("held_on", self.tr("Held on")),
            ("area", self.tr("Area")),
            ("topic", self.tr("Topic")),
            ("attendance", self.tr("Attendance")),
            ("notes", self.tr("Notes")),
        ):
            self.set_label(name, text)

    def field_for_error(self, error):
        if error.msg_id == "register.future_activity":
            return "held_on"
        if error.msg_id == "register.bad_attendance":
            return "attendance"
        return super().field_for_error(error)

    def save(self) -> str | None:
        fields = dict(kind=self.kind.currentData(), held_on=self.held_on.text(), topic=self.topic.text(),
                      area_id=self.area.currentData(), attendance=self.attendance.text(),
                      notes=self.notes.text().strip() or None)
        if self.activity:
            activity_id = str(self.activity["id"])
            update_activity(self.ctx.store, activity_id, **fields)
            return activity_id
        return add_activity(self.ctx.store, **fields, officer_id=self.ctx.user_id)


class ActivitiesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.new_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.count = QLabel(self)
        self.model = RowsModel(
            [
                Column("held_on", lambda: self.tr("Held on"), date_of("held_on")),
                Column("kind", lambda: self.tr("Kind"), label_of("activity", "kind")),
                Column("topic", lambda: self.tr("Topic"), text_of("topic")),
                Column("area", lambda: self.tr("Area"), text_of("area")),
                Column(
                    "attendance", lambda: self.tr("Attendance"), number_of("attendance"), align_right=True
                ),
            ],
            self,
        )
        self.view = record_table(self, self.model)
        self.hidden = 0  # activities other officers recorded, left out for an officer
        self.hidden_note = hidden_note(self)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.delete_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hidden_note)
        self.new_button.clicked.connect(self.new_activity)
        self.view.activated.connect(lambda _index: self.edit_activity())
        self.delete_button.clicked.connect(self.delete_activity)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Community activities")

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New activity"))
        self.delete_button.setText(self.tr("Delete…"))
        self.count.setText(self.tr("%1 activities").replace("%1", str(self.model.rowCount())))
        show_hidden(self.hidden_note, self.hidden)
        self.model.retranslate()

    def refresh(self) -> None:
        store = self.ctx.store  # an officer sees only the activities they recorded
        mine = visible_officer(store)
        self.model.set_rows(list_activities(store, officer_id=mine))
        self.hidden = count_others_activities(store, mine)
        self.count.setText(self.tr("%1 activities").replace("%1", str(self.model.rowCount())))
        show_hidden(self.hidden_note, self.hidden)

    def new_activity(self) -> None:
        if run_once(ActivityDialog(self.ctx, self)):
            self.refresh()

    def _selected(self) -> Mapping[str, object] | None:
        index = chosen(self.view)
        return self.model.row(index.row()) if index.isValid() else None

    def edit_activity(self) -> None:
        activity = self._selected()
        if activity and run_once(ActivityDialog(self.ctx, self, activity)):
            self.refresh()

    def delete_activity(self) -> QMessageBox | None:
        """Ask first (No is the default); the box is returned so a test can answer it."""
        activity = self._selected()
        if activity is None:
            return None
        return confirm(self, self.tr("Delete activity"), self.tr(
            "Delete the activity “%1” of %2 from the register, on every laptop after the next sync? It will no "
            "longer be listed or counted in reviews.").replace("%1", str(activity["topic"]))
            .replace("%2", fmt_date(str(activity["held_on"]))), lambda: self._delete(str(activity["id"])))

    def _delete(self, activity_id: str) -> None:
        try:
            delete_activity(self.ctx.store, activity_id)
        except WardbookError as error:
            show_error(self, error, self.tr("Delete activity"))
            return
        self.refresh()
