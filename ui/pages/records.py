"""The Cases and Community activities pages: a filtered list and a button to add one."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.register.activities import add_activity
from desktop.register.labels import label
from desktop.security.session import visible_officer
from desktop.store.queries import list_activities, list_areas, list_cases
from desktop.store.tables import ACTIVITY_KINDS, CASE_STATUSES
from ui.context import AppContext
from ui.forms.base import FormDialog
from ui.forms.cases import CaseDialog, CaseView, _fill
from ui.language import fmt_date
from ui.models import Column, RowsModel, address, date_of, label_of, number_of, text_of
from ui.pages.followups import _table
from ui.widgets import Page

OPEN_STATUSES = ("open", "in_progress")


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
        self.view = _table(self, self.model)
        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addWidget(self.count, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
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
        self.model.retranslate()

    def refresh(self) -> None:
        choice = self.status.currentData()
        statuses = OPEN_STATUSES if choice == "active" else (choice,) if choice else ()
        store = self.ctx.store  # an officer sees only the cases assigned to them
        self.model.set_rows(list_cases(store, statuses=statuses, assignee_id=visible_officer(store)))
        self.count.setText(self.tr("%1 case(s)").replace("%1", str(self.model.rowCount())))

    def new_case(self, household_id: str | None) -> None:
        if CaseDialog(self.ctx, household_id, self).exec():
            self.ctx.records_changed.emit()
            if household_id:
                self.ctx.households_changed.emit(household_id)

    def open_case(self, case_id: str) -> None:
        view = CaseView(self.ctx, case_id, self)
        view.exec()
        if view.changed:
            self.ctx.records_changed.emit()


class ActivityDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("activityForm")
        self.setMinimumWidth(480)
        self.kind = QComboBox(self)
        self.held_on = QLineEdit(fmt_date(ctx.today().isoformat()), self)
        self.area = QComboBox(self)
        self.area.addItem("", None)
        for row in list_areas(ctx.store):
            self.area.addItem(str(row["name"]), row["id"])
        self.topic = QLineEdit(self)
        self.attendance = QLineEdit(self)
        self.notes = QLineEdit(self)
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
        self.setWindowTitle(self.tr("New community activity"))
        _fill(self.kind, "activity", ACTIVITY_KINDS)
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
        if error.msg_id in ("register.bad_date", "register.future_activity"):
            return "held_on"
        if error.msg_id == "register.bad_attendance":
            return "attendance"
        return super().field_for_error(error)

    def save(self) -> str | None:
        return add_activity(
            self.ctx.store,
            kind=self.kind.currentData(),
            held_on=self.held_on.text(),
            topic=self.topic.text(),
            area_id=self.area.currentData(),
            attendance=self.attendance.text(),
            notes=self.notes.text().strip() or None,
            officer_id=self.ctx.user_id,
        )


class ActivitiesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.new_button = QPushButton(self)
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
        self.view = _table(self, self.model)
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.new_button.clicked.connect(self.new_activity)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Community activities")

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New activity"))
        self.count.setText(self.tr("%1 activities").replace("%1", str(self.model.rowCount())))
        self.model.retranslate()

    def refresh(self) -> None:
        store = self.ctx.store  # an officer sees only the activities they recorded
        self.model.set_rows(list_activities(store, officer_id=visible_officer(store)))
        self.retranslate()

    def new_activity(self) -> None:
        if ActivityDialog(self.ctx, self).exec():
            self.refresh()
