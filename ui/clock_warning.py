"""The bar at the top of the main window that says this computer's date or clock looks wrong.

A laptop whose clock went back (a dead CMOS battery boots it at 01/01/2020) would otherwise fill a new visit
with the wrong year, refuse the real day as "in the future" and show a quarter of years ago, with no sign why.
The register knows the last day it was written on this computer (`desktop.clock.clock_went_back`), so the
window says so at start. It warns and does not block: the officer can still work (and may know the date is
right, after a clock that had been set ahead was put right), and can hide the bar; it comes back at the next
start while the date still looks wrong.

It also says when the last sync found this laptop's clock an hour or more off the station's
(`desktop.sync.share_clock`: a clock ahead wins merges against newer edits made elsewhere), in the core's words,
from the start and again after each sync, until a sync finds the clock right.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui.language import fmt_date


class ClockWarning(QFrame):
    """Shown when `last_written` (the day the register was last written here) is given, or `share_clock` (the
    core's sentence about the clock against the station's, in the current language) has something to say."""

    def __init__(self, last_written: date | None, today: Callable[[], date], parent: QWidget | None = None,
                 share_clock: Callable[[], str | None] = lambda: None) -> None:
        super().__init__(parent)
        self.setObjectName("clockWarning")
        self.setStyleSheet("QFrame#clockWarning { background: #fff4ce; border-bottom: 1px solid #d9a400; }"
                           "QFrame#clockWarning QLabel { color: #4a3800; }")
        self.last_written = last_written
        self.today = today
        self.share_clock = share_clock
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.hide_button = QPushButton(self)
        self.hide_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.message, 1)
        row.addWidget(self.hide_button)
        self.refresh()

    def refresh(self) -> None:
        """Show the bar when there is something to say, hide it when not (at start, and after each sync)."""
        self.setVisible(self.retranslate())

    def retranslate(self) -> bool:
        """Say what there is to say in the current language; whether there is anything."""
        told = []
        if self.last_written is not None:
            told.append(
                self.tr("This computer's date looks wrong: it says %1, but the register was written on this computer "
                        "up to %2. Please set the right date and time, then start WardBook again. Until then the "
                        "dates filled in for you (a new visit's day, due today, this quarter) follow the wrong date: "
                        "check them before saving.")
                .replace("%1", fmt_date(self.today().isoformat()))
                .replace("%2", fmt_date(self.last_written.isoformat())))
        share_clock = self.share_clock()
        if share_clock:
            told.append(share_clock)
        self.message.setText("\n\n".join(told))
        self.hide_button.setText(self.tr("Hide"))
        return bool(told)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
