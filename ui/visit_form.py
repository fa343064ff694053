"""The visit form, made for speed on a doorstep: household by search, purposes as toggles, Enter saves, Esc
cancels. Validation is the core's (`add_visit`); its message is shown next to the field it is about and
nothing is saved."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.register.labels import label
from desktop.register.visits import SupportItem, add_visit
from desktop.store import Store
from desktop.store.queries import HouseholdFilter, household_summaries, list_household_ids
from desktop.store.tables import SUPPORT_KINDS, VISIT_OUTCOMES, VISIT_PURPOSES

DATE_FORMAT = "dd/MM/yyyy"
PURPOSES_PER_ROW = 4

# Which field a core validation message is about, so it is shown next to that field.
ERROR_FIELDS = {
    "register.unknown_household": "household",
    "register.bad_date": "date",
    "register.future_visit": "date",
    "register.follow_up_before_visit": "follow_up",
    "register.bad_quantity": "support",
    "register.bad_choice": "purposes",
    "register.required": "purposes",
}


def _date_edit(value: QDate) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class VisitForm(QDialog):
    def __init__(self, store: Store, household_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.saved_visit_id: str | None = None
        self.setWindowTitle(self.tr("New visit"))
        self.setMinimumWidth(560)

        self.household_search = QLineEdit()
        self.household_search.setPlaceholderText(self.tr("Type a name, street or phone (accents optional)"))
        self.household_choice = QComboBox()
        self._search_timer = QTimer(self, singleShot=True, interval=150)
        self._search_timer.timeout.connect(self._search_households)
        self.household_search.textChanged.connect(self._search_timer.start)

        self.purpose_buttons: dict[str, QPushButton] = {}
        purposes = QWidget()
        purpose_layout = QGridLayout(purposes)
        purpose_layout.setContentsMargins(0, 0, 0, 0)
        for number, code in enumerate(VISIT_PURPOSES):
            button = QPushButton(label("purpose", code))
            button.setCheckable(True)
            button.setAutoDefault(False)
            self.purpose_buttons[code] = button
            purpose_layout.addWidget(button, number // PURPOSES_PER_ROW, number % PURPOSES_PER_ROW)
        self.outcome = QComboBox()
        for code in VISIT_OUTCOMES:
            self.outcome.addItem(label("outcome", code), code)
        self.visited_on = _date_edit(QDate.currentDate())
        self.person_met = QLineEdit()
        self.findings = QLineEdit()
        self.findings.setPlaceholderText(self.tr("Personal data: write only what the work needs"))
        self.follow_up_enabled = QCheckBox(self.tr("Follow up by"))
        self.follow_up = _date_edit(QDate.currentDate().addDays(14))
        self.follow_up.setEnabled(False)
        self.follow_up_enabled.toggled.connect(self.follow_up.setEnabled)
        follow_up_row = QWidget()
        follow_layout = QHBoxLayout(follow_up_row)
        follow_layout.setContentsMargins(0, 0, 0, 0)
        follow_layout.addWidget(self.follow_up_enabled)
        follow_layout.addWidget(self.follow_up, 1)

        self.support_kind = QComboBox()
        self.support_kind.addItem(self.tr("No support"), None)
        for code in SUPPORT_KINDS:
            self.support_kind.addItem(label("support", code), code)
        self.support_quantity = QDoubleSpinBox(maximum=1_000_000, decimals=1)
        self.support_unit = QLineEdit()
        self.support_unit.setPlaceholderText(self.tr("unit"))
        self.support_value = QSpinBox(maximum=2_000_000_000, singleStep=50_000)
        self.support_value.setGroupSeparatorShown(True)
        self.support_value.setSuffix(" ₫")
        support_row = QWidget()
        support_layout = QHBoxLayout(support_row)
        support_layout.setContentsMargins(0, 0, 0, 0)
        support_widgets: tuple[QWidget, ...] = (
            self.support_kind, self.support_quantity, self.support_unit, self.support_value)
        for support_widget in support_widgets:
            support_layout.addWidget(support_widget)

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        rows: list[tuple[str, str, QWidget]] = [
            ("household", self.tr("Household"), self.household_search),
            ("", "", self.household_choice),
            ("date", self.tr("Visit date"), self.visited_on),
            ("purposes", self.tr("Purposes"), purposes),
            ("outcome", self.tr("Outcome"), self.outcome),
            ("", self.tr("Person met"), self.person_met),
            ("", self.tr("Findings"), self.findings),
            ("support", self.tr("Support given"), support_row),
            ("follow_up", self.tr("Follow-up"), follow_up_row),
        ]
        for key, text, widget in rows:
            form.addRow(text, widget)
            if key:
                error = QLabel()
                error.setObjectName(f"error_{key}")
                error.setStyleSheet("color: #b71c1c;")
                error.setWordWrap(True)
                error.hide()
                self.errors[key] = error
                form.addRow("", error)

        self.save_button = QPushButton(self.tr("Save (Enter)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)

        if household_id:
            self._show_households([household_id])
            self.visited_on.setFocus()
        else:
            self.household_search.setFocus()

    def _search_households(self) -> None:
        text = self.household_search.text()
        ids = list_household_ids(self.store, HouseholdFilter(text=text), limit=30) if text.strip() else []
        self._show_households(ids)

    def _show_households(self, ids: list[str]) -> None:
        self.household_choice.clear()
        for summary in household_summaries(self.store, ids):
            self.household_choice.addItem(
                f"{summary['code']} — {summary['house_no']} {summary['street']} — {summary['head'] or ''}",
                summary["id"],
            )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter saves from any field (QLineEdit would otherwise swallow it); Esc cancels (QDialog default)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)

    def _support(self) -> list[SupportItem]:
        kind = self.support_kind.currentData()
        if not kind:
            return []
        return [SupportItem(kind, self.support_quantity.value() or None, self.support_unit.text() or None,
                            self.support_value.value() or None)]

    def save(self) -> None:
        for error in self.errors.values():
            error.hide()
        if not self.household_choice.currentData():
            self.errors["household"].setText(self.tr("Choose the household visited."))
            self.errors["household"].show()
            return
        try:
            self.saved_visit_id = add_visit(
                self.store,
                household_id=self.household_choice.currentData(),
                visited_on=self.visited_on.date().toPython(),  # type: ignore[arg-type]
                purposes=[code for code, button in self.purpose_buttons.items() if button.isChecked()],
                outcome=self.outcome.currentData(),
                person_met=self.person_met.text(),
                findings=self.findings.text(),
                follow_up_due=self.follow_up.date().toPython() if self.follow_up_enabled.isChecked() else None,  # type: ignore[arg-type]
                support=self._support(),
            )
        except WardbookError as error:
            field = ERROR_FIELDS.get(error.msg_id, "purposes")
            self.errors[field].setText(error.message())
            self.errors[field].show()
            return
        self.accept()
