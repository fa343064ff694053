"""Commendations of a review period (opened from the Reports page): the proposals the review will print, a new
proposal for an officer or a resident, and the decision on one. The rules are the core's
(`desktop.reports.commendations`); a refusal is shown under the form, nothing is half written."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.register.labels import label
from desktop.reports.commendations import list_commendations, propose_commendation, set_commendation_status
from desktop.reports.periods import Period
from desktop.store.queries import find_people, list_users
from desktop.store.tables import COMMENDATION_STATUSES
from ui.context import AppContext
from ui.models import Column, RowsModel, label_of, text_of
from ui.widgets import FieldError, chosen, record_table


class CommendationsDialog(QDialog):
    def __init__(self, ctx: AppContext, period: Period, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = period
        self.resize(760, 520)
        self.model = RowsModel(
            [
                Column("period", lambda: self.tr("Period"), text_of("period")),
                Column("name", lambda: self.tr("Proposed for"), text_of("name")),
                Column("reason", lambda: self.tr("Achievement"), text_of("reason")),
                Column("status", lambda: self.tr("Status"), label_of("commendation_status", "status")),
            ],
            self,
        )
        self.view = record_table(self, self.model)
        self.status = QComboBox(self)
        self.decide = QPushButton(self)
        self.officer_choice, self.resident_choice = QRadioButton(self), QRadioButton(self)
        whom = QButtonGroup(self)
        for button in (self.officer_choice, self.resident_choice):
            whom.addButton(button)
        self.officer_choice.setChecked(True)
        self.officer = QComboBox(self)
        for user in list_users(ctx.store):
            self.officer.addItem(str(user["full_name"] or user["username"]), user["id"])
        self.resident_name = QLineEdit(self)
        self.find_button = QPushButton(self)
        self.resident = QComboBox(self)
        self.reason = QLineEdit(self)
        self.propose = QPushButton(self)
        self.propose.setObjectName("proposeCommendation")
        self.error = FieldError(self)

        decision = QHBoxLayout()
        decision.addStretch(1)
        decision.addWidget(self.status)
        decision.addWidget(self.decide)
        choice = QHBoxLayout()
        choice.addWidget(self.officer_choice)
        choice.addWidget(self.resident_choice)
        choice.addStretch(1)
        search = QHBoxLayout()
        search.addWidget(self.resident_name, 1)
        search.addWidget(self.find_button)
        self.form = QFormLayout()
        self.form.addRow(choice)
        self.form.addRow(self.officer)
        self.form.addRow(search)
        self.form.addRow(self.resident)
        self.form.addRow(self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(decision)
        layout.addLayout(self.form)
        layout.addWidget(self.propose)
        layout.addWidget(self.error)

        self.find_button.clicked.connect(self.find_residents)
        self.resident_name.returnPressed.connect(self.find_residents)
        self.propose.clicked.connect(self.propose_one)
        self.decide.clicked.connect(self.record_decision)
        self.officer_choice.toggled.connect(self._whom_changed)
        self.retranslate()
        self._whom_changed()
        self.refresh()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Commendations proposed for %1").replace("%1", self.period.code))
        current = self.status.currentData()
        self.status.clear()
        for code in COMMENDATION_STATUSES:
            self.status.addItem(label("commendation_status", code), code)
        self.status.setCurrentIndex(max(0, self.status.findData(current or "approved")))
        self.decide.setText(self.tr("Record decision"))
        self.officer_choice.setText(self.tr("An officer"))
        self.resident_choice.setText(self.tr("A resident"))
        self.resident_name.setPlaceholderText(self.tr("Resident's name (accents optional)"))
        self.find_button.setText(self.tr("Find"))
        self.reason.setPlaceholderText(self.tr("Achievement, e.g. reported a phone scam in time"))
        self.propose.setText(self.tr("Propose for %1").replace("%1", self.period.code))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        self.model.set_rows(list_commendations(self.ctx.store, self.period.code))

    def _whom_changed(self) -> None:
        officer = self.officer_choice.isChecked()
        self.officer.setVisible(officer)
        for widget in (self.resident_name, self.find_button, self.resident):
            widget.setVisible(not officer)

    def find_residents(self) -> int:
        self.error.clear_message()
        self.resident.clear()
        for person in find_people(self.ctx.store, self.resident_name.text()):
            self.resident.addItem(f"{person['full_name']} ({person['birth_year'] or '?'}) — "
                                  f"{person['house_no'] or ''} {person['street'] or ''}", person["id"])
        if not self.resident.count():
            self.error.show_message(self.tr("Nobody with that name."))
        return self.resident.count()

    def propose_one(self) -> str | None:
        self.error.clear_message()
        officer = self.officer_choice.isChecked()
        try:
            made = propose_commendation(
                self.ctx.store, period=self.period.code, reason=self.reason.text(),
                officer_id=self.officer.currentData() if officer else None,
                person_id=None if officer else self.resident.currentData(),
            )
        except WardbookError as error:
            self.error.show_message(error.message())
            return None
        self.reason.clear()
        self.refresh()
        return made

    def record_decision(self) -> None:
        self.error.clear_message()
        index = chosen(self.view)
        if not index.isValid():
            self.error.show_message(self.tr("Choose a proposal in the list first."))
            return
        try:
            set_commendation_status(self.ctx.store, str(self.model.row(index.row())["id"]), self.status.currentData())
        except WardbookError as error:
            self.error.show_message(error.message())
            return
        self.refresh()
