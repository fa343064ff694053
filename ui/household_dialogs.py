"""Forms to add a household (with its head) and to add a member, each warning about a likely duplicate.

The warning lists the existing matches (folded name, birth year, address) and asks for a second click; the
rules and the writing are the core's (`desktop.register`).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.register.duplicates import similar_households, similar_people
from desktop.register.households import add_household, add_person
from desktop.register.labels import label
from desktop.store import Store
from desktop.store.tables import GENDERS, HOUSEHOLD_FLAGS


class _Form(QDialog):
    """Shared frame: a form, a message line, Save (a second time to confirm a duplicate) and Cancel."""

    def __init__(self, store: Store, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.store = store
        self.saved_id: str | None = None
        self._confirmed_duplicate = False
        self.form = QFormLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _birth_year(self, spin: QSpinBox) -> int | None:
        return spin.value() or None

    def warn_duplicates(self, lines: list[str]) -> bool:
        """True when saving may go on: no match, or the officer already saw the warning and clicked again."""
        if not lines or self._confirmed_duplicate:
            return True
        self._confirmed_duplicate = True
        self.message.setText(self.tr("Possible duplicate of:") + "\n" + "\n".join(lines) + "\n"
                             + self.tr("Click Save again to add it anyway."))
        return False


def _year_spin() -> QSpinBox:
    spin = QSpinBox(minimum=0, maximum=2100)
    spin.setSpecialValueText("—")
    return spin


def _gender_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem("—", None)
    for code in GENDERS:
        combo.addItem(label("gender", code), code)
    return combo


class NewHouseholdDialog(_Form):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.setWindowTitle(self.tr("New household"))
        self.save_button.clicked.connect(self.save)
        self.area = QComboBox()
        self.area.addItem("—", None)
        for area_id, name in store.conn.execute("SELECT id, name FROM areas WHERE deleted_hlc IS NULL ORDER BY name"):
            self.area.addItem(name, area_id)
        self.house_no, self.street, self.head = QLineEdit(), QLineEdit(), QLineEdit()
        self.birth_year, self.gender, self.phone = _year_spin(), _gender_combo(), QLineEdit()
        self.flags = {flag: QCheckBox(label("flag", flag)) for flag in HOUSEHOLD_FLAGS}
        flags = QWidget()
        flag_layout = QVBoxLayout(flags)
        flag_layout.setContentsMargins(0, 0, 0, 0)
        for box in self.flags.values():
            flag_layout.addWidget(box)
        for text, widget in ((self.tr("Area"), self.area), (self.tr("House number"), self.house_no),
                             (self.tr("Street"), self.street), (self.tr("Head of household"), self.head),
                             (self.tr("Birth year"), self.birth_year), (self.tr("Gender"), self.gender),
                             (self.tr("Phone"), self.phone), (self.tr("Vulnerabilities"), flags)):
            self.form.addRow(text, widget)

    def save(self) -> None:
        matches = similar_households(self.store, self.head.text(), self.house_no.text(), self.street.text())
        if not self.warn_duplicates([f"{m['code']} — {m['house_no']} {m['street']} — {m['head']}"
                                     for m in matches]):
            return
        try:
            self.saved_id = add_household(
                self.store, area_id=self.area.currentData(), house_no=self.house_no.text(),
                street=self.street.text(), head_name=self.head.text(),
                head_birth_year=self._birth_year(self.birth_year), head_gender=self.gender.currentData(),
                phone=self.phone.text(), flags=[f for f, box in self.flags.items() if box.isChecked()],
            )
        except WardbookError as error:
            self.message.setText(error.message())
            return
        self.accept()


class AddMemberDialog(_Form):
    def __init__(self, store: Store, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.household_id = household_id
        self.setWindowTitle(self.tr("Add member"))
        self.save_button.clicked.connect(self.save)
        self.full_name, self.relation, self.phone = QLineEdit(), QLineEdit(), QLineEdit()
        self.birth_year, self.gender = _year_spin(), _gender_combo()
        for text, widget in ((self.tr("Full name"), self.full_name), (self.tr("Birth year"), self.birth_year),
                             (self.tr("Gender"), self.gender), (self.tr("Relation to head"), self.relation),
                             (self.tr("Phone"), self.phone)):
            self.form.addRow(text, widget)

    def save(self) -> None:
        year = self._birth_year(self.birth_year)
        matches = similar_people(self.store, self.full_name.text(), year) if self.full_name.text().strip() else []
        if not self.warn_duplicates([f"{m['full_name']} ({m['birth_year'] or '—'}) — {m['code']} "
                                     f"{m['house_no']} {m['street']}" for m in matches]):
            return
        try:
            self.saved_id = add_person(self.store, self.household_id, self.full_name.text(), birth_year=year,
                                       gender=self.gender.currentData(), phone=self.phone.text(),
                                       relation=self.relation.text() or None)
        except WardbookError as error:
            self.message.setText(error.message())
            return
        self.accept()
