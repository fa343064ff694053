"""The common shape of a form: fields with a message under each, Save/Cancel, Enter saves and Esc cancels.

Forms do not validate by themselves: they hand the typed values to a core function and, when it raises a
WardbookError, show its message under the field it names (`field=` in the error, or the msg id's field).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from ui.context import AppContext
from ui.widgets import FieldError


class FormDialog(QDialog):
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
        label.setBuddy(widget)
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
        return self.tr(
            "Possible duplicate — already registered:\n%1\nCheck, then press Save again to add anyway."
        ).replace("%1", lines)

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
        if self.saved_id is not None:  # None: the form stays open (e.g. the officer reviews a duplicate)
            self.accept()

    def retranslate(self) -> None:
        """Set the dialog's texts (called at construction and on LanguageChange)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event) -> None:
        # Enter anywhere (except multi-line text, which keeps Shift+Enter for new lines) saves; Esc cancels.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._try_save()
            return
        super().keyPressEvent(event)
