"""A plain horizontal bar chart drawn with QPainter (the app ships PySide6-Essentials, which has no Qt Charts):
one bar per row with its label and value, the longest bar filling the width. A click or Enter on a bar emits
its index, so a chart opens the list behind the bar it shows."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR = QColor("#2f6ea5")
BAR_CURRENT = QColor("#1f3b57")
BAR_HEIGHT = 18
GAP = 6


class BarChart(QWidget):
    """`set_bars([(label, value, shown text), ...])`; `activated(index)` on a click or Enter."""

    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, float, str]] = []
        self.current = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_bars(self, bars: list[tuple[str, float, str]]) -> None:
        self.bars = bars
        self.current = min(self.current, len(bars) - 1)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self.bars)) * (BAR_HEIGHT + GAP) + GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(label) for label, _v, _t in self.bars), default=0)
        return min(widest + 8, self.width() // 3)

    def bar_rect(self, index: int) -> QRect:
        """Where the bar of row `index` is drawn at full length (for clicks, and for tests)."""
        top = GAP + index * (BAR_HEIGHT + GAP)
        left = self._label_width()
        value_width = self.fontMetrics().horizontalAdvance("000.000.000.000") + 8
        return QRect(left, top, max(10, self.width() - left - value_width), BAR_HEIGHT)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        highest = max((value for _l, value, _t in self.bars), default=0) or 1
        metrics = self.fontMetrics()
        for index, (label, value, text) in enumerate(self.bars):
            full = self.bar_rect(index)
            painter.setPen(self.palette().text().color())
            shown_label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, full.left() - 8)
            painter.drawText(QRect(0, full.top(), full.left() - 6, BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, shown_label)
            length = max(2, int(full.width() * value / highest)) if value > 0 else 0
            painter.fillRect(QRect(full.left(), full.top(), length, BAR_HEIGHT),
                             BAR_CURRENT if index == self.current else BAR)
            painter.drawText(QRect(full.left() + length + 6, full.top(), self.width(), BAR_HEIGHT),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        if self.hasFocus() and 0 <= self.current < len(self.bars):
            painter.setPen(self.palette().highlight().color())
            painter.drawRect(self.bar_rect(self.current).adjusted(-2, -2, 2, 2))
        painter.end()

    def index_at(self, y: int) -> int:
        index = (y - GAP) // (BAR_HEIGHT + GAP)
        return index if 0 <= index < len(self.bars) else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(int(event.position().y()))
        if index >= 0:
            self.current = index
            self.update()
            self.activated.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.bars:
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            self.current = max(0, min(len(self.bars) - 1, self.current + step))
            self.update()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current >= 0:
            self.activated.emit(self.current)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current < 0 and self.bars:
            self.current = 0
        self.update()
        super().focusInEvent(event)
