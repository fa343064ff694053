"""The visit form, made for speed at the door: household by search, purposes as toggles (Alt+1…8), outcome,
findings, support items and the follow-up date; Enter saves, Esc cancels.

The same form opens a recorded visit: filled in, saved through `correct_visit` (the same checks), with Void…
(a reason is asked) or, on a voided visit, Restore. Only the fields the officer changed in the form are sent:
a correction made meanwhile elsewhere (the other window, the CLI, a sync) to another field is kept, and one to
the same field is not overwritten unasked."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.errors import WardbookError
from desktop.numbers import read_number, read_whole
from desktop.register.labels import label
from desktop.register.validation import field_name, parse_date
from desktop.register.visits import (
    SupportItem,
    add_visit,
    correct_visit,
    open_visit,
    restore_visit,
    void_visit,
)
from desktop.store.tables import SUPPORT_KINDS, VISIT_OUTCOMES, VISIT_PURPOSES
from ui.context import AppContext
from ui.date_edit import DateEdit
from ui.forms.base import FormDialog
from ui.forms.campaign_section import CampaignRefused, CampaignSection
from ui.language import fmt_date, fmt_number_exact
from ui.picker import HouseholdPicker

# Which field a core error belongs to when the error does not name one.
_ERROR_FIELDS = {
    "register.future_visit": "visited_on",
    "register.follow_up_before_visit": "follow_up_due",
    "register.unknown_household": "household",
}


class SupportRow(QWidget):
    """One support item: kind, quantity, unit, value in VND."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox(self)
        self.quantity = QLineEdit(self)
        self.unit = QLineEdit(self)
        self.value = QLineEdit(self)
        self.remove = QPushButton("×", self)
        self.remove.setFixedWidth(28)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((self.kind, 2), (self.quantity, 1), (self.unit, 1), (self.value, 2)):
            row.addWidget(widget, stretch)
        row.addWidget(self.remove)
        self.retranslate()

    def retranslate(self) -> None:
        current = self.kind.currentData()
        self.kind.clear()
        for code in SUPPORT_KINDS:
            self.kind.addItem(label("support", code), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.quantity.setPlaceholderText(self.tr("Quantity"))
        self.unit.setPlaceholderText(self.tr("Unit (kg, bag…)"))
        self.value.setPlaceholderText(self.tr("Value (VND)"))

    def set_item(self, item: SupportItem) -> None:
        """Show a recorded item (numbers written the Vietnamese way, as they are typed)."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind)))
        self.quantity.setText(fmt_number_exact(item.quantity))  # saved unchanged, the same number comes back
        self.unit.setText(item.unit or "")
        self.value.setText(fmt_number_exact(item.value_vnd))

    def item(self) -> SupportItem:
        """The typed values; text that is not a number is passed on for the core to refuse by name."""
        return SupportItem(
            kind=self.kind.currentData(),
            # not-a-number text goes through as typed: the core refuses it with its own message
            quantity=_number(self.quantity.text(), whole=False),  # type: ignore[arg-type]
            unit=self.unit.text().strip() or None,
            value_vnd=_number(self.value.text(), whole=True),  # type: ignore[arg-type]
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _number(text: str, *, whole: bool) -> object:
    """The number typed the Vietnamese way (`read_number`: "1.000" is a thousand, "1,5" one and a half; a value in
    đồng by `read_whole`: "200,000" is two hundred thousand too); None when empty; the text itself when it is no
    number, or no whole number where one is needed, for the core to refuse by name."""
    typed = text.strip()
    if not typed:
        return None
    number = read_whole(typed) if whole else read_number(typed)
    return typed if number is None else number


class VisitDialog(FormDialog):
    """A new visit, or with `visit_id` a recorded one to correct, void or restore."""

    recorded = Signal(str)  # something was written: the sentence to show in the status bar

    def __init__(
        self,
        ctx: AppContext,
        household_id: str | None = None,
        parent: QWidget | None = None,
        visit_id: str | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("visitForm")
        self.visit_id = visit_id
        self.seen: dict[str, object] = {}  # the recorded visit as the form loaded it
        self.loaded: dict[str, object] = {}  # what the form showed for it, as `typed()` reads the fields
        self.overwrite = False  # the officer chose to save over a correction made meanwhile elsewhere
        self.voided = False
        self.voided_now = False  # this dialog voided the visit: the window offers to undo it
        self.void_reason = ""
        self.done_message = ""
        self.void_note = QLabel(self)
        self.void_note.setObjectName("voidNote")
        self.void_note.setWordWrap(True)
        self.void_note.setStyleSheet("color: #b3261e; font-weight: 600;")
        self.void_note.hide()
        self.form.addRow(self.void_note)
        self.void_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.void_button.setObjectName("voidVisit")
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreVisit")
        for button in (self.void_button, self.restore_button):
            button.setAutoDefault(False)
            button.hide()
        self.void_button.clicked.connect(lambda: self.ask_void_reason())
        self.restore_button.clicked.connect(self.restore)
        self.accepted.connect(lambda: self.recorded.emit(self.done_message))
        self.setMinimumWidth(660)
        # Toggles must read as on/off at a glance, in any Qt style.
        self.setStyleSheet(
            "QPushButton:checkable { padding: 4px 8px; }"
            "QPushButton:checked { background: #2f6ea5; color: white; border: 1px solid #1f4f7a;"
            " border-radius: 3px; }"
        )
        self.picker = HouseholdPicker(ctx, self)
        self.picker.set_household(household_id or None)
        self.visited_on = DateEdit(fmt_date(ctx.today().isoformat()), self)
        self.purposes: dict[str, QPushButton] = {}
        purposes = QWidget(self)
        grid = QGridLayout(purposes)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, code in enumerate(VISIT_PURPOSES, start=1):
            button = QPushButton(purposes)
            button.setCheckable(True)
            button.setAutoDefault(False)
            self.purposes[code] = button
            grid.addWidget(button, (number - 1) // 4, (number - 1) % 4)
        self.outcomes: dict[str, QPushButton] = {}
        self.outcome_group = QButtonGroup(self)
        outcomes = QWidget(self)
        outcome_row = QHBoxLayout(outcomes)
        outcome_row.setContentsMargins(0, 0, 0, 0)
        for code in VISIT_OUTCOMES:
            button = QPushButton(outcomes)
            button.setCheckable(True)
            button.setAutoDefault(False)
            self.outcome_group.addButton(button)
            self.outcomes[code] = button
            outcome_row.addWidget(button)
        self.outcomes["met"].setChecked(True)
        self.person_met = QLineEdit(self)
        self.findings = QPlainTextEdit(self)
        self.findings.setFixedHeight(70)
        self.findings.setTabChangesFocus(True)
        self.findings.installEventFilter(self)
        support = QWidget(self)
        self.support_rows = QVBoxLayout(support)
        self.support_rows.setContentsMargins(0, 0, 0, 0)
        self.add_support = QPushButton(support)
        self.add_support.setAutoDefault(False)
        self.support_rows.addWidget(self.add_support, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: list[SupportRow] = []
        follow = QWidget(self)
        follow_row = QHBoxLayout(follow)
        follow_row.setContentsMargins(0, 0, 0, 0)
        self.follow_up = DateEdit("", follow)
        follow_row.addWidget(self.follow_up, 1)
        self.quick_dates: list[tuple[QPushButton, int]] = []
        for days in (7, 14, 30):
            button = QPushButton(follow)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, d=days: self._follow_in(d))
            follow_row.addWidget(button)
            self.quick_dates.append((button, days))
        self.follow_done = QLabel(follow)  # a recorded visit's follow-up marked done: when
        self.follow_done.setObjectName("followUpDone")
        self.follow_done.hide()
        follow_row.addWidget(self.follow_done)

        self.add_field("household", self.picker)
        self.add_field("visited_on", self.visited_on)
        self.add_field("purposes", purposes)
        self.add_field("outcome", outcomes)
        self.add_field("person_met", self.person_met)
        self.add_field("findings", self.findings)
        self.add_field("support", support)
        self.add_field("follow_up_due", follow)
        self.campaign = CampaignSection(ctx, self)  # a new visit to a household in an open sweep: its questions
        self.form.addRow(self.campaign)
        if visit_id is None:
            self.picker.picked.connect(lambda chosen: self.campaign.set_household(chosen, self._outcome()))
            self.outcome_group.buttonClicked.connect(lambda _b: self.campaign.follow_outcome(self._outcome()))
            self.campaign.set_household(household_id or None)
        self.add_support.clicked.connect(self.add_support_row)
        for field in (
            self.picker.box,
            self.visited_on,
            self.person_met,
            self.follow_up,
            *self.purposes.values(),
            *self.outcomes.values(),
        ):
            field.installEventFilter(self)
        if visit_id:
            self._load(open_visit(ctx.store, visit_id))
        self.retranslate()
        (self.visited_on if household_id or visit_id else self.picker.box).setFocus()

    def _load(self, visit: dict[str, object]) -> None:
        """Fill the form with a recorded visit; a voided one is shown read-only until it is restored."""
        self.picker.set_household(str(visit["household_id"] or "") or None)
        self.visited_on.setText(fmt_date(visit["visited_at"]))
        chosen = str(visit["purposes"] or "").split(",")
        for code, button in self.purposes.items():
            button.setChecked(code in chosen)
        self.outcomes[str(visit["outcome"])].setChecked(True)
        self.person_met.setText(str(visit["person_met"] or ""))
        self.findings.setPlainText(str(visit["findings"] or ""))
        self.follow_up.setText(fmt_date(visit["follow_up_due"]))
        for item in visit["support"]:  # type: ignore[attr-defined]
            self.add_support_row().set_item(item)
        self.follow_done.setVisible(bool(visit["follow_up_done_at"]))
        self.voided = bool(visit["voided"])
        self.void_reason = str(visit["void_reason"] or "")
        for holder in self.findChildren(QWidget):
            if holder.parentWidget() is self and holder not in (self.buttons, self.void_note, self.general_error):
                holder.setEnabled(not self.voided)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setVisible(not self.voided)
        self.void_button.setVisible(not self.voided)
        self.restore_button.setVisible(self.voided)
        self.void_note.setVisible(self.voided)
        self.seen = visit
        self.loaded = self.typed()

    def reload(self) -> None:
        """Show the visit as it is recorded now, dropping what was typed (after a void's undo, or when the
        officer chose to see a correction made elsewhere meanwhile)."""
        assert self.visit_id is not None
        for row in list(self.rows):
            self._remove_support(row)
        self._load(open_visit(self.ctx.store, self.visit_id))
        self.retranslate()
        self.mark_untouched()
        self.visited_on.setFocus()

    def ask_void_reason(self, typed: str = "", problem: str = "") -> QInputDialog:
        """Ask why the visit is voided (opened without blocking; returned so a test can answer it). After a
        refusal it asks again with the reason as typed and the refusal under the question: nothing typed is lost."""
        dialog = QInputDialog(self)
        dialog.setObjectName("voidReason")
        dialog.setWindowTitle(self.tr("Void visit"))
        question = self.tr(
            "Why is this visit voided? (for example: wrong household)\n"
            "It stays in the register, marked voided, and is no longer counted.")
        dialog.setLabelText(f"{question}\n\n{problem}" if problem else question)
        dialog.setTextValue(typed)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self._void)
        dialog.open()
        return dialog

    def _void(self, reason: str) -> None:
        assert self.visit_id is not None
        try:
            void_visit(self.ctx.store, self.visit_id, reason)
        except WardbookError as error:
            self.ask_void_reason(reason, error.message())
            return
        self.voided_now = True
        self.saved_id = self.visit_id
        self.done_message = self.tr("Visit voided.")
        self.accept()

    def restore(self) -> None:
        """Undo the void and keep the form open, filled and editable, for a correction."""
        assert self.visit_id is not None
        try:
            restore_visit(self.ctx.store, self.visit_id)
        except WardbookError as error:
            self.general_error.show_message(error.message())
            return
        self.reload()
        self.recorded.emit(self.tr("Visit restored."))

    def retranslate(self) -> None:
        if self.visit_id is None:
            self.setWindowTitle(self.tr("New visit"))
        else:
            self.setWindowTitle(self.tr("Voided visit") if self.voided else self.tr("Correct visit"))
        self.void_button.setText(self.tr("Void…"))
        self.restore_button.setText(self.tr("Restore"))
        if self.voided:
            self.void_note.setText(self.tr("Voided: %1").replace("%1", self.void_reason))
        self.set_label("household", self.tr("&Household"))
        self.set_label("visited_on", self.tr("&Date (dd/mm/yyyy)"))
        self.set_label("purposes", self.tr("Purposes (Alt+1…8)"))
        self.set_label("outcome", self.tr("Outcome"))
        self.set_label("person_met", self.tr("Person &met"))
        self.set_label("findings", self.tr("&Findings"))
        self.set_label("support", self.tr("Support given"))
        self.set_label("follow_up_due", self.tr("F&ollow-up due"))
        for number, (code, button) in enumerate(self.purposes.items(), start=1):
            button.setText(f"{number}. {label('purpose', code)}")
        for code, button in self.outcomes.items():
            button.setText(label("outcome", code))
        self.findings.setPlaceholderText(self.tr("Personal data: write only what the follow-up needs."))
        self.follow_up.setPlaceholderText(self.tr("dd/mm/yyyy, empty if none"))
        self.add_support.setText(self.tr("+ Support item"))
        for button, days in self.quick_dates:
            button.setText(self.tr("+%n day(s)", "", days))
        self.follow_done.setText(self.tr("Done on %1 (a later date opens it again)").replace(
            "%1", fmt_date(self.seen.get("follow_up_done_at"))))

    def add_support_row(self) -> SupportRow:
        row = SupportRow(self)
        row.remove.clicked.connect(lambda: self._remove_support(row))
        self.support_rows.insertWidget(len(self.rows), row)
        # A widget made later goes to the end of the Tab order: Tab from the row's × jumped past the follow-up
        # date. Its fields go where they are shown, after the row above (or the findings) and before "+ Support".
        chain = [self.rows[-1].remove if self.rows else self.findings,
                 row.kind, row.quantity, row.unit, row.value, row.remove, self.add_support]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)
        self.rows.append(row)
        for field in (row.kind, row.quantity, row.unit, row.value):
            field.installEventFilter(self)
        row.kind.setFocus()
        return row

    def _remove_support(self, row: SupportRow) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def _follow_in(self, days: int) -> None:
        base = self._visit_date() or self.ctx.today()
        self.follow_up.setText(fmt_date((base + timedelta(days=days)).isoformat()))

    def _visit_date(self) -> date | None:
        try:
            parsed = parse_date(self.visited_on.text())
        except WardbookError:
            return None
        return date.fromisoformat(parsed) if parsed else None

    def field_for_error(self, error: WardbookError) -> str | None:
        return _ERROR_FIELDS.get(error.msg_id) or super().field_for_error(error)

    def typed(self) -> dict[str, object]:
        """The fields as typed, by `add_visit`'s and `correct_visit`'s argument names."""
        return {
            "household_id": self.picker.household_id,
            "visited_on": self.visited_on.text(),
            "purposes": [code for code, button in self.purposes.items() if button.isChecked()],
            "outcome": next((code for code, b in self.outcomes.items() if b.isChecked()), ""),
            "person_met": self.person_met.text().strip() or None,
            "findings": self.findings.toPlainText().strip() or None,
            "follow_up_due": self.follow_up.text(),
            "support": [row.item() for row in self.rows],
        }

    def save(self) -> str | None:
        if self.picker.has_pending_text():
            self.errors["household"].show_message(
                self.tr("Pick the household from the search results (↓, Enter).")
            )
            return None
        if self.voided:
            return None
        typed = self.typed()
        if self.visit_id is not None:
            return self._correct(typed)
        self.done_message = self.tr("Visit saved.")
        try:
            with self.ctx.store.transaction():  # the visit and the sweep's answers: both or neither
                visit_id = add_visit(self.ctx.store, officer_id=self.ctx.user_id, **typed)  # type: ignore[arg-type]
                self.campaign.record(self.visited_on.text(), self.picker.household_id)
        except CampaignRefused:
            return None
        return visit_id

    def _correct(self, typed: dict[str, object]) -> str | None:
        """Send only what the officer changed here; ask when someone else changed the same field meanwhile."""
        assert self.visit_id is not None
        changes = {name: value for name, value in typed.items() if value != self.loaded[name]}
        overwrite, self.overwrite = self.overwrite, False
        try:
            saved = correct_visit(self.ctx.store, self.visit_id, changes, self.seen, overwrite=overwrite)
        except WardbookError as error:
            if error.msg_id != "register.visit_changed_meanwhile":
                raise
            self.ask_about_change_elsewhere(error.params["changed"])  # type: ignore[arg-type]
            return None
        self.done_message = self.tr("Visit corrected.")
        return saved

    def ask_about_change_elsewhere(self, changed: tuple[str, ...]) -> QMessageBox:
        """Both the officer and someone else (another window, a sync) changed these fields: save the form's
        over theirs, or reload the visit as it is now. Esc goes back to the form. Returned for tests."""
        names = ", ".join(str(i18n.render(field_name(name))) for name in changed)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Changed elsewhere"), self.tr(
            "While this form was open, this visit was changed elsewhere (in another window or by a sync): %1.\n\n"
            "Save what you typed over that change, or reload the visit as it is now (what you typed in this form "
            "is then dropped)?").replace("%1", names), QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("changedElsewhere")
        mine = box.addButton(self.tr("Save mine"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.DestructiveRole).setObjectName("reload")
        mine.setObjectName("saveMine")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: self._after_change_elsewhere(button.objectName()))
        box.open()
        return box

    def _after_change_elsewhere(self, answer: str) -> None:
        if answer == "saveMine":
            self.overwrite = True
            self._try_save()
        elif answer == "reload":
            self.reload()
            self.general_error.show_message(self.tr("This is the visit as it is recorded now."))

    def _outcome(self) -> str:
        return next((code for code, b in self.outcomes.items() if b.isChecked()), "")

    def _purpose_key(self, event) -> bool:
        """Alt+1…8 toggles a purpose wherever the focus is in the form."""
        digit = event.key() - Qt.Key.Key_1
        if event.modifiers() & Qt.KeyboardModifier.AltModifier and 0 <= digit < len(self.purposes):
            list(self.purposes.values())[digit].toggle()
            return True
        return False

    def keyPressEvent(self, event) -> None:
        if not self._purpose_key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self._purpose_key(event):
            return True
        # In the findings box Enter saves like everywhere else; Shift+Enter starts a new line.
        if watched is self.findings and event.type() == QEvent.Type.KeyPress:
            key, mods = event.key(), event.modifiers()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & Qt.KeyboardModifier.ShiftModifier:
                self._try_save()
                return True
        return super().eventFilter(watched, event)
