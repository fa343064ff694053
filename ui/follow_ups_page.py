"""Follow-ups: visits whose follow-up is overdue, oldest first — the team lead's list of what slipped."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.register.labels import labels
from desktop.store import Store
from desktop.store.queries import list_visits
from desktop.text import format_date
from ui.rows_model import RowsTableModel


class FollowUpsPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.title = QLabel()
        self.model = RowsTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 280)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.model.set_headers(
            [self.tr("Follow-up due"), self.tr("Address"), self.tr("Purposes"), self.tr("Visit date")]
        )
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        """Read the list when the page is opened, not while the app starts."""
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Re-read now if the page is visible; otherwise `showEvent` does it when it is next shown."""
        if not self.isVisible():
            return
        visits = list_visits(self.store, overdue_on=date.today())
        self.title.setText(self.tr("%n overdue follow-up(s)", "", len(visits)))
        self.model.set_rows([
            (
                format_date(visit["follow_up_due"]),
                f"{visit['house_no'] or ''} {visit['street'] or ''}".strip(),
                labels("purpose", visit["purposes"]),  # type: ignore[arg-type]
                format_date(visit["visited_at"]),
            )
            for visit in visits
        ])
