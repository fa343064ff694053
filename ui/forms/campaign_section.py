"""The sweep section of the visit form: when the household is in an open door-to-door sweep assigned to the
officer, the sweep's questions appear under the visit, each as a keyboard field (yes/no and one choice as a
list to type into, several choices as boxes, numbers, short text and dates as text), with the household's
status in the sweep following the visit's outcome. Saved with the visit, in the same transaction."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.campaigns import answers
from desktop.campaigns.definition import Campaign, Question
from desktop.errors import WardbookError
from desktop.numbers import read_number
from desktop.store.tables import SWEEP_STATUSES
from ui.context import AppContext
from ui.date_edit import DateEdit
from ui.language import fmt_date, fmt_number_exact
from ui.widgets import FieldError

# The household's status in the sweep that a visit's outcome suggests.
STATUS_OF_OUTCOME = {"met": "reached", "not_home": "not_home", "refused": "refused"}


class CampaignRefused(Exception):
    """A sweep refused an answer; its message is already shown under the question."""


class QuestionField(QWidget):
    """One question: the widget its kind needs and the message under it."""

    def __init__(self, question: Question, stored: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        self.input: QWidget
        self.boxes: list[QCheckBox] = []
        if question.kind in ("yes_no", "one_choice"):
            combo = QComboBox(self)
            combo.addItem("", None)
            options = ("yes", "no") if question.kind == "yes_no" else question.choices
            for option in options:
                combo.addItem(answers.shown(question, option), option)
            combo.setCurrentIndex(max(0, combo.findData(stored)))
            self.input = combo
        elif question.kind == "several_choices":
            self.input = QWidget(self)
            row = QHBoxLayout(self.input)
            row.setContentsMargins(0, 0, 0, 0)
            chosen = set(answers.shown(question, stored).split("; ")) if stored else set()
            for choice in question.choices:
                box = QCheckBox(choice, self.input)
                box.setChecked(choice in chosen)
                row.addWidget(box)
                self.boxes.append(box)
            row.addStretch(1)
        else:
            line = DateEdit("", self) if question.kind == "date" else QLineEdit(self)
            if question.kind == "date" and stored:
                shown = fmt_date(stored)
            elif question.kind == "number" and stored:  # as it is typed ("1.234,5"): read back the same
                number = answers.number_value(stored)
                shown = stored if number is None else fmt_number_exact(number)
            else:
                shown = stored or ""
            line.setText(shown)
            self.input = line
        if question.help:
            self.input.setToolTip(question.help)
        column.addWidget(self.input)
        self.error = FieldError(self)
        column.addWidget(self.error)

    def value(self) -> object:
        """What was typed or chosen, as the core's check takes it (None: no answer)."""
        if isinstance(self.input, QComboBox):
            return self.input.currentData()
        if self.boxes:
            return [box.text() for box in self.boxes if box.isChecked()]
        text = self.input.text().strip() if isinstance(self.input, QLineEdit) else ""
        if self.question.kind == "number" and text:
            number = read_number(text)  # "1.000" a thousand, "1,5" one and a half
            return text if number is None else number  # no number: the core refuses it by name
        return text


class CampaignBox(QGroupBox):
    """One open sweep the household is in: whether to record it now, the status and the questions."""

    def __init__(self, ctx: AppContext, campaign: Campaign, household_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignBox")
        self.ctx = ctx
        self.campaign = campaign
        self.household_id = household_id
        self.setCheckable(True)  # unticked: the visit is saved without recording the sweep
        self.setChecked(True)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long question goes above its field
        self.status = QComboBox(self)
        for status in SWEEP_STATUSES:
            self.status.addItem(str(i18n.render(i18n.Ref(f"sweep.{status}"))), status)
        self.status_label = QLabel(self)
        self.status_label.setBuddy(self.status)
        form.addRow(self.status_label, self.status)
        self.status_note = QLabel(self)
        self.status_note.setStyleSheet("color: #555;")
        form.addRow(self.status_note)
        stored = answers.household_answers(ctx.store, campaign.id, household_id)
        self.fields: list[QuestionField] = []
        for question in campaign.questions:
            if question.retired:
                continue
            field = QuestionField(question, stored.get(question.id), self)
            label = QLabel(f"{question.position}. {question.label}{' *' if question.required else ''}"
                           + (f" ({question.unit})" if question.unit else ""), self)
            if question.help:
                label.setToolTip(question.help)
            if not field.boxes:
                label.setBuddy(field.input)
            form.addRow(label, field)
            self.fields.append(field)
        self.current = answers.household_status(ctx.store, campaign.id, household_id)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sweep: %1").replace("%1", self.campaign.name))
        self.status_label.setText(self.tr("Status in the sweep"))
        for index, status in enumerate(SWEEP_STATUSES):
            self.status.setItemText(index, str(i18n.render(i18n.Ref(f"sweep.{status}"))))
        if self.current:
            self.status_note.setText(self.tr("Before: %1, %n attempt(s)", "", int(str(self.current["attempts"] or 0)))
                                     .replace("%1", str(i18n.render(i18n.Ref(f"sweep.{self.current['status']}")))))
        else:
            self.status_note.setText(self.tr("Not visited in this sweep yet."))

    def follow_outcome(self, outcome: str) -> None:
        status = STATUS_OF_OUTCOME.get(outcome)
        if status:
            self.status.setCurrentIndex(self.status.findData(status))

    def record(self, on: str) -> None:
        """Write the status and answers; an answer the core refuses is shown under its question (and raised)."""
        if not self.isChecked():
            return
        for field in self.fields:
            field.error.clear_message()
        values = {field.question.id: field.value() for field in self.fields}
        try:
            answers.record(self.ctx.store, self.campaign.id, self.household_id, status=self.status.currentData(),
                           answers=values, on=on)
        except WardbookError as error:
            code = error.params.get("field")
            for field in self.fields:
                if code == field.question.code:
                    field.error.show_message(error.message())
                    field.input.setFocus()
            raise


class CampaignSection(QWidget):
    """The boxes of the open sweeps the household is in (none: the section takes no room)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignSection")
        self.ctx = ctx
        self.boxes: list[CampaignBox] = []
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def set_household(self, household_id: str | None, outcome: str = "met") -> None:
        for box in self.boxes:
            box.deleteLater()
        self.boxes = []
        if household_id:
            for campaign in answers.open_campaigns_of(self.ctx.store, household_id, scoped=True):
                box = CampaignBox(self.ctx, campaign, household_id, self)
                box.follow_outcome(outcome)
                self.column.addWidget(box)
                self.boxes.append(box)
        self.setVisible(bool(self.boxes))

    def follow_outcome(self, outcome: str) -> None:
        for box in self.boxes:
            box.follow_outcome(outcome)

    def record(self, on: str, household_id: str | None) -> None:
        """Record every ticked sweep of `household_id` (the visit's household: the section may still show the
        sweeps of one picked before); raises `CampaignRefused` (the message shown) when one refuses, so the
        caller's transaction, holding the visit, is rolled back."""
        try:
            for box in self.boxes:
                if box.household_id == household_id:
                    box.record(on)
        except WardbookError as error:
            if not any(error.params.get("field") == f.question.code for box in self.boxes for f in box.fields):
                raise  # not about an answer (the sweep closed meanwhile…): the form shows it
            raise CampaignRefused from error
