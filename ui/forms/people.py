"""Forms for a new household (with its head), for correcting a household's address, and for adding or
correcting a member, with the duplicate check."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLineEdit, QMessageBox, QWidget

from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.register.duplicates import PossibleDuplicate, find_duplicate_people
from desktop.register.households import add_household, add_person, update_household
from desktop.register.labels import label
from desktop.register.members import update_person
from desktop.register.validation import check_birth_year
from desktop.store.queries import list_areas
from desktop.store.tables import GENDERS
from ui.context import AppContext
from ui.forms.base import FormDialog
from ui.widgets import SingleQuestion


def _gender_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem("", None)
    for code in GENDERS:
        combo.addItem(label("gender", code), code)
    return combo


def _relabel_genders(combo: QComboBox) -> None:
    for index in range(1, combo.count()):
        combo.setItemText(index, label("gender", combo.itemData(index)))


class DuplicateCheck:
    """Before saving a person who looks already registered: those found are listed under the form and a question
    asks whether to add them anyway. Its default answer is No, so an Enter pressed twice (a key that bounced, an
    officer who did not read) never adds the duplicate, as a second Save once did; Yes saves the form as it is."""

    def __init__(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        self._confirmed_for: tuple[object, ...] | None = None
        self._question = SingleQuestion(dialog)

    def confirmed(self, key: tuple[object, ...], found: list[PossibleDuplicate]) -> bool:
        if not found or self._confirmed_for == key:
            return True
        lines = "\n".join(
            f"• {d.full_name} ({d.birth_year or '?'}) — {d.house_no or ''} {d.street or ''}"
            for d in found[:5]
        )
        self.dialog.general_error.show_message(self.dialog.duplicate_text(lines))
        self._question.ask(*self.dialog.duplicate_question(), lambda: self._add_anyway(key))
        return False

    @property
    def question(self) -> QMessageBox | None:
        """The question on screen (None when none is)."""
        return self._question.box

    def _add_anyway(self, key: tuple[object, ...]) -> None:
        self._confirmed_for = key
        self.dialog._try_save()



class HouseholdDialog(FormDialog):
    """A new household and its head, in one save."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("householdForm")
        self.setMinimumWidth(520)
        self.area = QComboBox(self)
        for row in list_areas(ctx.store):
            self.area.addItem(str(row["name"]), row["id"])
        self.house_no = QLineEdit(self)
        self.street = QLineEdit(self)
        self.head_name = QLineEdit(self)
        self.head_year = QLineEdit(self)
        self.head_gender = _gender_combo(self)
        self.phone = QLineEdit(self)
        flags = QWidget(self)
        grid = QGridLayout(flags)
        grid.setContentsMargins(0, 0, 0, 0)
        self.flags: dict[str, QCheckBox] = {}
        for number, code in enumerate(HOUSEHOLD_FLAGS):
            box = QCheckBox(flags)
            self.flags[code] = box
            grid.addWidget(box, number // 2, number % 2)
        for name, widget in (
            ("area_id", self.area),
            ("house_no", self.house_no),
            ("street", self.street),
            ("full_name", self.head_name),
            ("birth_year", self.head_year),
            ("gender", self.head_gender),
            ("phone", self.phone),
            ("flags", flags),
        ):
            self.add_field(name, widget)
        self.duplicates = DuplicateCheck(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New household"))
        for name, text in (
            ("area_id", self.tr("Area (khu phố)")),
            ("house_no", self.tr("House number")),
            ("street", self.tr("Street / alley")),
            ("full_name", self.tr("Head of household")),
            ("birth_year", self.tr("Head's birth year")),
            ("gender", self.tr("Gender")),
            ("phone", self.tr("Phone")),
            ("flags", self.tr("Vulnerabilities")),
        ):
            self.set_label(name, text)
        for code, box in self.flags.items():
            box.setText(label("flag", code))
        _relabel_genders(self.head_gender)
        self.house_no.setPlaceholderText(self.tr("e.g. 123/45A"))

    def field_for_error(self, error):
        if error.msg_id == "register.bad_birth_year":
            return "birth_year"
        if error.msg_id == "register.bad_phone":
            return "phone"
        return super().field_for_error(error)

    def save(self) -> str | None:
        year = check_birth_year(self.head_year.text())
        key = (self.head_name.text(), year, self.house_no.text(), self.street.text())
        found = find_duplicate_people(
            self.ctx.store,
            self.head_name.text(),
            year,
            house_no=self.house_no.text(),
            street=self.street.text(),
        )
        if not self.duplicates.confirmed(key, found):
            return None
        return add_household(
            self.ctx.store,
            area_id=self.area.currentData(),
            house_no=self.house_no.text(),
            street=self.street.text(),
            head_name=self.head_name.text(),
            head_birth_year=self.head_year.text(),
            head_gender=self.head_gender.currentData(),
            phone=self.phone.text(),
            flags=[code for code, box in self.flags.items() if box.isChecked()],
        )


class HouseholdEditDialog(FormDialog):
    """Correct a household's area, address or phone (`household` = its summary, as the household page has it).
    Members, the head and the vulnerabilities are changed on the page itself."""

    def __init__(self, ctx: AppContext, household: Mapping[str, object], parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("householdEditForm")
        self.setMinimumWidth(460)
        self.household_id = str(household["id"])
        self.area = QComboBox(self)
        self.area.addItem("—", None)
        for row in list_areas(ctx.store):
            self.area.addItem(str(row["name"]), row["id"])
        self.area.setCurrentIndex(max(0, self.area.findData(household.get("area_id"))))
        self.house_no = QLineEdit(str(household.get("house_no") or ""), self)
        self.street = QLineEdit(str(household.get("street") or ""), self)
        self.phone = QLineEdit(str(household.get("phone") or ""), self)
        for name, widget in (
            ("area_id", self.area),
            ("house_no", self.house_no),
            ("street", self.street),
            ("phone", self.phone),
        ):
            self.add_field(name, widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit household"))
        for name, text in (
            ("area_id", self.tr("Area (khu phố)")),
            ("house_no", self.tr("House number")),
            ("street", self.tr("Street / alley")),
            ("phone", self.tr("Phone")),
        ):
            self.set_label(name, text)
        self.house_no.setPlaceholderText(self.tr("e.g. 123/45A"))

    def field_for_error(self, error):
        if error.msg_id == "register.bad_phone":
            return "phone"
        return super().field_for_error(error)

    def save(self) -> str | None:
        update_household(
            self.ctx.store,
            self.household_id,
            area_id=self.area.currentData(),
            house_no=self.house_no.text(),
            street=self.street.text(),
            phone=self.phone.text(),
        )
        return self.household_id


class PersonDialog(FormDialog):
    """Add a member to a household, or correct one (`person` = the member's current row)."""

    def __init__(
        self,
        ctx: AppContext,
        household_id: str,
        person: Mapping[str, object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("personForm")
        self.setMinimumWidth(460)
        self.household_id = household_id
        self.person = person
        self.full_name = QLineEdit(str(person.get("full_name") or "") if person else "", self)
        self.birth_year = QLineEdit(str(person.get("birth_year") or "") if person else "", self)
        self.gender = _gender_combo(self)
        if person:
            self.gender.setCurrentIndex(max(0, self.gender.findData(person.get("gender"))))
        self.relation = QLineEdit(str(person.get("relation_to_head") or "") if person else "", self)
        self.phone = QLineEdit(str(person.get("phone") or "") if person else "", self)
        for name, widget in (
            ("full_name", self.full_name),
            ("birth_year", self.birth_year),
            ("gender", self.gender),
            ("relation", self.relation),
            ("phone", self.phone),
        ):
            self.add_field(name, widget)
        self.duplicates = DuplicateCheck(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit member") if self.person else self.tr("New member"))
        for name, text in (
            ("full_name", self.tr("Full name")),
            ("birth_year", self.tr("Birth year")),
            ("gender", self.tr("Gender")),
            ("relation", self.tr("Relation to the head")),
            ("phone", self.tr("Phone")),
        ):
            self.set_label(name, text)
        _relabel_genders(self.gender)
        self.relation.setPlaceholderText(self.tr("e.g. con, vợ/chồng"))

    def field_for_error(self, error):
        if error.msg_id == "register.bad_birth_year":
            return "birth_year"
        if error.msg_id == "register.bad_phone":
            return "phone"
        return super().field_for_error(error)

    def save(self) -> str | None:
        values = dict(
            full_name=self.full_name.text(),
            birth_year=self.birth_year.text(),
            gender=self.gender.currentData(),
            phone=self.phone.text(),
            relation=self.relation.text().strip() or None,
        )
        if self.person:
            person_id = str(self.person["id"])
            update_person(self.ctx.store, person_id, **values)
            return person_id
        year = check_birth_year(self.birth_year.text())
        found = find_duplicate_people(
            self.ctx.store, self.full_name.text(), year, household_id=self.household_id
        )
        if not self.duplicates.confirmed((self.full_name.text(), year), found):
            return None
        return add_person(self.ctx.store, self.household_id, **values)


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    return answer == QMessageBox.StandardButton.Yes
