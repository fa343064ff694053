"""Choosing a household by typing: the same accent-insensitive search as the list, in a compact widget."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from desktop.store.queries import HouseholdFilter, household_summaries, list_household_ids
from ui.context import AppContext
from ui.models import ID_ROLE, Column, RowsModel, address, text_of
from ui.widgets import SearchBox

MAX_RESULTS = 8


class HouseholdPicker(QWidget):
    """Type part of a name, address or phone; ↓ / Enter picks a match. `household_id` is the choice."""

    picked = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.household_id: str | None = None
        self.box = SearchBox(self)
        self.results = RowsModel(
            [
                Column("label", lambda: "", lambda row: f"{address(row)} — {text_of('head')(row)}"),
            ],
            self,
        )
        self.list = QListView(self)
        self.list.setModel(self.results)
        self.list.setMaximumHeight(150)
        self.list.hide()
        self.chosen = QLabel(self)
        self.chosen.setObjectName("pickedHousehold")
        self.chosen.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        self.box.search.connect(self._search)
        self.box.textEdited.connect(self._typed)
        self.list.activated.connect(self._pick_index)
        self.box.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Type a name, address or phone (accents optional)…"))

    def set_household(self, household_id: str | None) -> None:
        self.household_id = household_id
        if household_id is None:
            self.chosen.setText("")
            return
        summary = household_summaries(self.ctx.store, [household_id])
        if summary:
            self.chosen.setText(f"{summary[0]['code']} · {address(summary[0])} — {summary[0]['head'] or ''}")
        self.list.hide()

    def has_pending_text(self) -> bool:
        """Text typed but nothing picked: the form must not silently save a visit without its household."""
        return self.household_id is None and bool(self.box.text().strip())

    def _typed(self, _text: str) -> None:
        self.household_id = None
        self.chosen.setText("")

    def _search(self, text: str) -> None:
        if not text.strip() or self.household_id is not None:
            self.results.set_rows([])
            self.list.hide()
            return
        ids = list_household_ids(
            self.ctx.store, HouseholdFilter(text=text), today=self.ctx.today(), limit=MAX_RESULTS
        )
        self.results.set_rows(household_summaries(self.ctx.store, ids, self.ctx.today()))
        self.list.setVisible(bool(ids))
        if ids:
            self.list.setCurrentIndex(self.results.index(0, 0))

    def _pick_index(self, index) -> None:
        household_id = index.data(ID_ROLE)
        if household_id:
            self.set_household(str(household_id))
            self.picked.emit(str(household_id))
            self.focusNextChild()

    def pick_current(self) -> bool:
        """Pick the highlighted match; False when there is nothing to pick."""
        self.box.flush()
        if self.household_id is not None or not self.list.isVisible():
            return False
        index = self.list.currentIndex()
        if not index.isValid():
            return False
        self._pick_index(index)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.list.isVisible():
                row = self.list.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                if 0 <= row < self.results.rowCount():
                    self.list.setCurrentIndex(self.results.index(row, 0))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.pick_current():
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
