"""A person put under reintegration support, or the correction or end of a period of support.

A new record picks the household (the same search as everywhere) and then the member; the officer responsible
is the logged-in officer, or anyone for a team lead or an admin (the core checks it again).
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop.register.reintegration import (
    add_reintegration,
    household_members,
    officers,
    update_reintegration,
)
from ui.context import AppContext
from ui.date_edit import DateEdit
from ui.forms.base import FormDialog
from ui.language import fmt_date
from ui.picker import HouseholdPicker


class ReintegrationDialog(FormDialog):
    """New (`record` None) or an existing record as the register lists it, to correct or to end."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 record: Mapping[str, object] | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reintegrationForm")
        self.setMinimumWidth(560)
        self.record = record
        given = record or {}
        self.picker: HouseholdPicker | None = None
        self.person = QComboBox(self)
        self.person.setObjectName("reintegrationPerson")
        if record is None:
            self.picker = HouseholdPicker(ctx, self)
            self.picker.picked.connect(self._fill_people)
            self.add_field("household", self.picker)
            self.add_field("person", self.person)
        else:  # whom a record is about does not change: a mistake is a new record
            self.person.hide()
            self.add_field("person", QLabel(str(given.get("person") or ""), self))
        self.started_on = DateEdit(fmt_date(str(given.get("started_on") or ctx.today().isoformat())), self)
        self.ended_on = DateEdit(fmt_date(given.get("ended_on")), self)
        self.officer = QComboBox(self)
        for row in officers(ctx.store):
            self.officer.addItem(str(row["name"]), row["id"])
        self.officer.setCurrentIndex(max(0, self.officer.findData(given.get("officer_id") or ctx.user_id)))
        self.officer.setEnabled(ctx.can("records.view_all"))  # an officer's records are their own
        self.notes = QLineEdit(str(given.get("notes") or ""), self)
        for name, widget in (("started_on", self.started_on), ("ended_on", self.ended_on),
                             ("officer", self.officer), ("notes", self.notes)):
            self.add_field(name, widget)
        self.retranslate()

    def _fill_people(self, household_id: str) -> None:
        self.person.clear()
        for row in household_members(self.ctx.store, household_id):
            year = f" ({row['birth_year']})" if row.get("birth_year") else ""
            self.person.addItem(f"{row['full_name']}{year}", row["id"])
        self.person.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reintegration support") if self.record else
                            self.tr("New person under reintegration support"))
        for name, text in (
            ("household", self.tr("Household")),
            ("person", self.tr("Person")),
            ("started_on", self.tr("Support from")),
            ("ended_on", self.tr("Support until")),
            ("officer", self.tr("Officer responsible")),
            ("notes", self.tr("Notes")),
        ):
            if name in self._labels:
                self.set_label(name, text)
        self.ended_on.setPlaceholderText(self.tr("dd/mm/yyyy, empty while the support goes on"))
        self.notes.setPlaceholderText(self.tr("Personal data: write only what the support needs"))

    def field_for_error(self, error):
        if error.msg_id in ("register.unknown_person", "register.reintegration_open",
                            "register.record_kept_by_other"):
            return "person"
        return super().field_for_error(error)

    def save(self) -> str | None:
        officer_id = self.officer.currentData() or self.ctx.user_id
        if self.record is not None:
            record_id = str(self.record["id"])
            update_reintegration(self.ctx.store, record_id, started_on=self.started_on.text(),
                                 ended_on=self.ended_on.text(), officer_id=officer_id,
                                 notes=self.notes.text().strip() or None)
            return record_id
        if self.picker is not None and self.picker.has_pending_text():
            self.errors["household"].show_message(self.tr("Pick the household from the search results (↓, Enter)."))
            return None
        if self.person.currentData() is None:
            self.errors["person"].show_message(self.tr("Pick the household, then the person."))
            return None
        return add_reintegration(self.ctx.store, person_id=self.person.currentData(),
                                 started_on=self.started_on.text(), ended_on=self.ended_on.text(),
                                 officer_id=officer_id, notes=self.notes.text().strip() or None)
