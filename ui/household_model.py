"""Table model of households: holds only ids and fetches the visible rows' summaries in blocks.

50k households open instantly because nothing but the ordered ids is read up front; a block of summaries is
read from the core when the view first asks for a row in it.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.register.labels import labels
from desktop.store import Store
from desktop.store.queries import HouseholdFilter, household_summaries, list_household_ids
from desktop.text import format_date

BLOCK = 200
Index = QModelIndex | QPersistentModelIndex


class HouseholdTableModel(QAbstractTableModel):
    COLUMNS = ("code", "address", "area", "head", "members", "last_visit", "flags")

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self._ids: list[str] = []
        self._rows: dict[str, dict[str, object]] = {}
        self.headers: dict[str, str] = {}
        self._set_headers()

    def retranslate(self) -> None:
        """Header texts in the newly chosen language (and coded values, which the view redraws)."""
        self._set_headers()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        self.refresh()

    def _set_headers(self) -> None:
        self.headers = {
            "code": self.tr("Code"), "address": self.tr("Address"), "area": self.tr("Area"),
            "head": self.tr("Head of household"), "members": self.tr("Members"),
            "last_visit": self.tr("Last visit"), "flags": self.tr("Vulnerabilities"),
        }

    def set_filter(self, flt: HouseholdFilter) -> None:
        self.beginResetModel()
        self._ids = list_household_ids(self._store, flt)
        self._rows.clear()
        self.endResetModel()

    def household_id(self, row: int) -> str:
        return self._ids[row]

    def refresh(self) -> None:
        """Forget cached rows (after an edit) so the view reads them again."""
        self._rows.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.COLUMNS) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def _summary(self, row: int) -> dict[str, object]:
        household_id = self._ids[row]
        if household_id not in self._rows:
            start = row - row % BLOCK
            block = self._ids[start : start + BLOCK]
            for summary in household_summaries(self._store, block):
                self._rows[str(summary["id"])] = summary
        return self._rows.get(household_id, {})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        summary = self._summary(index.row())
        column = self.COLUMNS[index.column()]
        if column == "address":
            return f"{summary.get('house_no') or ''} {summary.get('street') or ''}".strip()
        if column == "last_visit":
            return format_date(summary.get("last_visit"))
        if column == "flags":
            return labels("flag", list(summary.get("flags") or []))  # type: ignore[call-overload]
        value = summary.get(column)
        return None if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return self.headers[self.COLUMNS[section]]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
