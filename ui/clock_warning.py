"""The bar at the top of the main window that says this computer's date looks wrong.

A laptop whose clock went back (a dead CMOS battery boots it at 01/01/2020) would otherwise fill a new visit
with the wrong year, refuse the real day as "in the future" and show a quarter of years ago, with no sign why.
The register knows the last day it was written on this computer (`desktop.clock.clock_went_back`), so the
window says so at start. It warns and does not block: the officer can still work (and may know the date is
right, after a clock that had been set ahead was put right), and can hide the bar; it comes back at the next
start while the date still looks wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.language import fmt_date


class ClockWarning(QFrame):
    """Shown only when `last_written` (the day the register was last written here) is given."""

    def __init__(self, last_written: date | None, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clockWarning")
        self.setStyleSheet("QFrame#clockWarning { background: #fff4ce; border-bottom: 1px solid #d9a400; }"
                           "QFrame#clockWarning QLabel { color: #4a3800; }")
        self.last_written = last_written
        self.today = today
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.hide_button = QPushButton(self)
        self.hide_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.message, 1)
        row.addWidget(self.hide_button)
        self.setVisible(last_written is not None)
        self.retranslate()

    def retranslate(self) -> None:
        if self.last_written is None:
            return
        self.message.setText(
            self.tr("This computer's date looks wrong: it says %1, but the register was written on this computer "
                    "up to %2. Please set the right date and time, then start WardBook again. Until then the "
                    "dates filled in for you (a new visit's day, due today, this quarter) follow the wrong date: "
                    "check them before saving.")
            .replace("%1", fmt_date(self.today().isoformat()))
            .replace("%2", fmt_date(self.last_written.isoformat()))
        )
        self.hide_button.setText(self.tr("Hide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
