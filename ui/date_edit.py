"""The one date field of the app's forms: typed the Vietnamese way (dd/mm/yyyy, or short: d/m/yy), or picked
from a calendar (the button at its end, or Alt+↓ / F4).

It stays a line edit, so a form reads `text()` and hands it to the core, which parses and checks it
(`desktop.register.validation.parse_date`); an empty field means "no date" where the form allows it. A date
the core understands is rewritten in full (dd/mm/yyyy) when the field is left, so what the officer sees is
what is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.validation import parse_date
from ui.language import fmt_date
from ui.widgets import FieldError, error_text, run_once


def _calendar_icon() -> QIcon:
    """A small calendar page, drawn (no theme icon is sure to exist on a ward laptop)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#555555"), 1))
    painter.drawRect(QRect(1, 2, 13, 12))
    painter.fillRect(QRect(2, 3, 12, 3), QColor("#b3261e"))
    for row in range(2):
        for column in range(3):
            painter.fillRect(QRect(3 + 4 * column, 8 + 3 * row, 2, 2), QColor("#555555"))
    painter.end()
    return QIcon(pixmap)


class DateEdit(QLineEdit):
    """A date typed or picked. `date()` is the date shown (None when empty or not a date)."""

    picked = Signal(str)  # the ISO date chosen in the calendar

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.calendar: QCalendarWidget | None = None
        self.pick_action = QAction(_calendar_icon(), "", self)
        self.pick_action.triggered.connect(self.open_calendar)
        self.addAction(self.pick_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self.tidy)
        self.retranslate()

    def retranslate(self) -> None:
        self.pick_action.setToolTip(self.tr("Pick from a calendar (Alt+↓)"))
        if not self.placeholderText():
            self.setPlaceholderText(self.tr("dd/mm/yyyy"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def date(self) -> dt.date | None:
        try:
            parsed = parse_date(self.text())
        except WardbookError:
            return None
        return dt.date.fromisoformat(parsed) if parsed else None

    def set_date(self, value: dt.date | None) -> None:
        self.setText(fmt_date(value.isoformat()) if value else "")

    def tidy(self) -> None:
        """Rewrite a date typed short (5/6/26) in full (05/06/2026); leave anything else for the core to refuse."""
        value = self.date()
        if value is not None and self.text() != fmt_date(value.isoformat()):
            self.set_date(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt_down or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> QCalendarWidget:
        """A calendar popup under the field, on the date shown (or today); a click or Enter picks, Esc closes."""
        calendar = QCalendarWidget(self)
        calendar.setWindowFlags(Qt.WindowType.Popup)
        calendar.setObjectName("datePopup")
        calendar.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        calendar.setGridVisible(True)
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        # Month and day names follow QLocale's default, which the language manager switches with the language.
        shown = self.date() or clock.today()
        calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        calendar.activated.connect(self._pick)
        calendar.clicked.connect(self._pick)
        calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar = calendar
        calendar.show()
        calendar.setFocus()
        return calendar

    def _pick(self, chosen: QDate) -> None:
        value = dt.date(chosen.year(), chosen.month(), chosen.day())
        self.set_date(value)
        self.picked.emit(value.isoformat())
        if self.calendar is not None:
            self.calendar.close()
            self.calendar = None
        self.setFocus()
        self.editingFinished.emit()



class DateDialog(QDialog):
    """Ask for one date (a follow-up done on, a member moved out on) with the same field as the forms. OK hands
    the date to `save` (the core's check and write); a date it refuses keeps the dialog open with the reason
    under the field, for the officer to correct the date they typed."""

    def __init__(self, title: str, text: str, value: str, parent: QWidget | None = None,
                 save: Callable[[str], object] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateDialog")
        self.setWindowTitle(title)
        self.save = save
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.field = DateEdit(value, self)
        self.label.setBuddy(self.field)
        self.error = FieldError(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)
        self.field.selectAll()

    def accept(self) -> None:
        if self.save is not None:
            self.error.clear_message()
            try:
                self.save(self.field.text())
            except WardbookError as error:
                self.error.show_message(error_text(error))
                self.field.setFocus()
                self.field.selectAll()
                return
        super().accept()


def ask_date(parent: QWidget, title: str, text: str, value: str, save: Callable[[str], object]) -> bool:
    """Ask for a date and `save` it (as typed, for the core to check); False when cancelled."""
    return run_once(DateDialog(title, text, value, parent, save))
