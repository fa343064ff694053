"""The common shape of a form: fields with a message under each, Save/Cancel, Enter saves and Esc cancels.

Esc, Cancel or closing the window asks before throwing away what was typed: a form counts as filled when any
of its fields differs from what it showed when it opened. `GuardedDialog` is that rule alone, for the dialogs
laid out otherwise (the review's text, the ward settings).

Forms do not validate by themselves: they hand the typed values to a core function and, when it raises a
WardbookError, show its message under the field it names (`field=` in the error, or the msg id's field).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.failures import environment_error
from desktop.store.connection import DATABASE_ERRORS
from ui.context import AppContext
from ui.widgets import FieldError, assign_mnemonics, confirm, focus_target


class GuardedDialog(QDialog):
    """A dialog that never throws typing away unasked: Esc, Cancel and the window's close button ask first when
    any of its fields differs from what it showed when it opened (or when `mark_untouched` was last called)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._opened_with: list[object] | None = None  # the fields' values when the dialog was first shown
        self._discarding = False

    def field_values(self) -> list[object]:
        """What the fields of this dialog hold now (not those of a dialog it opened), in a stable order."""
        values: list[object] = []
        for widget in self.findChildren(QWidget):
            if widget.window() is not self:
                continue
            if isinstance(widget, QLineEdit):
                values.append(widget.text())
            elif isinstance(widget, QPlainTextEdit):
                values.append(widget.toPlainText())
            elif isinstance(widget, QComboBox):
                values.append(widget.currentIndex())
            elif isinstance(widget, QAbstractButton) and widget.isCheckable():
                values.append(widget.isChecked())
        return values

    def is_filled(self) -> bool:
        """True when something was typed or chosen since the dialog opened (or was last marked untouched)."""
        return self._opened_with is not None and self.field_values() != self._opened_with

    def mark_untouched(self) -> None:
        """What the fields hold now loses nothing when closed: it was saved, or filled in by the program."""
        self._opened_with = self.field_values()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._opened_with is None:
            self.mark_untouched()

    def reject(self) -> None:
        """Esc, Cancel and the window's close button: a filled dialog asks first (No keeps it open)."""
        if self._discarding or not self.is_filled():
            super().reject()
            return
        self.ask_discard()

    def ask_discard(self) -> QMessageBox:
        """The question before a filled dialog is thrown away; returned so a test can answer it."""
        return confirm(self, self.tr("Discard changes?"),
                       self.tr("What you typed in this form has not been saved. Close it and lose it?"),
                       self.discard)

    def discard(self) -> None:
        """Close without saving and without asking (after the officer said yes, or at logout)."""
        self._discarding = True
        super().reject()


class FormDialog(GuardedDialog):
    """Subclasses add rows with `add_field`, implement `save()` (raise WardbookError to refuse) and
    `retranslate()`; `field_for_error` maps an error to one of their field names."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_id: str | None = None
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, QLabel] = {}
        self.errors: dict[str, FieldError] = {}
        self.general_error = FieldError(self)
        self.general_error.setObjectName("generalError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.setAutoDefault(True)
        self.buttons.accepted.connect(self._try_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    def add_field(self, name: str, widget: QWidget) -> QWidget:
        """A labelled row with its error label below the widget."""
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = FieldError(holder)
        error.setObjectName(f"error_{name}")
        column.addWidget(error)
        label = QLabel(self)
        target = focus_target(widget)
        if target is not None:  # Alt+letter of the label puts the cursor in the field
            label.setBuddy(target)
        self._labels[name] = label
        self.errors[name] = error
        self.form.addRow(label, holder)
        return widget

    def set_label(self, name: str, text: str) -> None:
        self._labels[name].setText(text)

    def clear_errors(self) -> None:
        for error in (*self.errors.values(), self.general_error):
            error.clear_message()

    def field_for_error(self, error: WardbookError) -> str | None:
        field = error.params.get("field")
        return str(field) if field is not None else None

    def show_error(self, error: WardbookError) -> None:
        name = self.field_for_error(error)
        target = self.errors.get(name or "", self.general_error)
        target.show_message(error.message())

    def duplicate_text(self, lines: str) -> str:
        """Under the form while it looks like someone already registered (`ui.forms.people.DuplicateCheck`)."""
        return self.tr("Possible duplicate — already registered:\n%1").replace("%1", lines)

    def duplicate_question(self) -> tuple[str, str]:
        """The title and text of the question before adding someone who looks already registered."""
        return (self.tr("Possible duplicate"),
                self.tr("This person looks already registered (listed under the form). Add them anyway?"))

    def save(self) -> str | None:
        """Write through the core; return the new or changed record's id, or None to keep the form open."""
        raise NotImplementedError

    def _try_save(self) -> None:
        self.clear_errors()
        try:
            self.saved_id = self.save()
        except WardbookError as error:
            self.show_error(error)
            return
        except DATABASE_ERRORS as error:  # the register busy with an import or a sync, a full disk
            told = environment_error(error, self.ctx.store.path)
            if told is None:
                raise
            self.general_error.show_message(told.message())  # the form stays open with what was typed
            return
        if self.saved_id is not None:  # None: the form stays open (e.g. the officer reviews a duplicate)
            self.accept()

    def first_empty_field(self) -> QWidget | None:
        """Where typing starts: the first enabled text field of the form that is still empty."""
        for label in self._labels.values():
            field = label.buddy()
            if field is None or not field.isEnabled():
                continue
            if (isinstance(field, QLineEdit) and not field.text()) or (
                    isinstance(field, QPlainTextEdit) and not field.toPlainText()):
                return field
        return None

    def showEvent(self, event: QShowEvent) -> None:
        if self._opened_with is None:  # first shown: keyboard set-up, then what "untouched" means
            assign_mnemonics(self, list(self._labels.values()))
            for field in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
                field.installEventFilter(self)
            focused = self.focusWidget()
            if focused is None or isinstance(focused, QAbstractButton):
                (self.first_empty_field() or self).setFocus()
        super().showEvent(event)  # GuardedDialog: what "untouched" means

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An Alt+letter that is no field's shortcut (in this language) must not type its letter into the field.
        if event.type() == QEvent.Type.KeyPress:
            modifiers = event.modifiers()  # type: ignore[attr-defined]
            if modifiers & Qt.KeyboardModifier.AltModifier and not modifiers & Qt.KeyboardModifier.ControlModifier \
                    and event.text().isalpha():  # type: ignore[attr-defined]
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        """Set the dialog's texts (called at construction and on LanguageChange)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            assign_mnemonics(self, list(self._labels.values()))
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:
        # Enter anywhere (except multi-line text, which keeps Shift+Enter for new lines) saves; Esc cancels.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._try_save()
            return
        super().keyPressEvent(event)
