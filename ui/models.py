"""Qt item models over the core's queries. They hold what the view needs and no SQL.

`HouseholdTableModel` keeps only the ids of the listed households (50k ids are ~4 MB) and asks the core
for the summaries of a block of rows when the view first paints them, so the list opens instantly whatever
its size.
`RowsModel` is a plain table of dict rows for the short lists (members, timeline, cases, activities…).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.register.labels import label, labels
from desktop.search.folding import fold
from ui.language import fmt_date, fmt_number, fmt_time

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ALERT = QColor("#b3261e")


@dataclass(frozen=True)
class Column:
    """One column: the row key it shows, its header (translated at call time) and how to format the value."""

    key: str
    title: Callable[[], str]
    format: Callable[[Mapping[str, Any]], str] = lambda row: ""
    align_right: bool = False


def text_of(key: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda row: "" if row.get(key) is None else str(row[key])


def date_of(key: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda row: fmt_date(row.get(key))


def time_of(key: str) -> Callable[[Mapping[str, Any]], str]:
    """A stored UTC time, shown as the ward's date and time (sorted by the stored value, which orders alike)."""
    return lambda row: fmt_time(row.get(key))


def number_of(key: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda row: fmt_number(row.get(key))


def label_of(group: str, key: str, many: bool = False) -> Callable[[Mapping[str, Any]], str]:
    if many:
        return lambda row: labels(group, row.get(key))
    return lambda row: label(group, row.get(key))


def address(row: Mapping[str, Any]) -> str:
    return " ".join(str(part) for part in (row.get("house_no"), row.get("street")) if part)


class RowsModel(QAbstractTableModel):
    """A read-only table of dict rows; each row's `id` is available under `ID_ROLE`."""

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Mapping[str, Any]] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None  # a header clicked: kept across refreshes
        self.alert: Callable[[Mapping[str, Any]], bool] = lambda row: False

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sorted_by is not None:
            self._sort_rows(*self._sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by a column (a click on its header): dates and numbers by value, text without
        regard to accents or case, empty cells last. Rows keep their dicts, so `row(n)` follows the view.

        The views' chosen rows are persistent indexes: each is moved to where its record went (Qt's contract
        for a sort), so a button acts on the record the user picked, not on the one now at its row number."""
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sorted_by = (column, order)
        moved_to = self._sort_rows(column, order)
        before = self.persistentIndexList()
        self.changePersistentIndexList(before, [self.index(moved_to[old.row()], old.column()) for old in before])
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Sort `_rows` in place; answer where each row went (its new number, by its number before)."""
        spec = self._columns[column]

        def key(row: Mapping[str, Any]) -> tuple[int, int, Any]:
            value = row.get(spec.key) if spec.key in row else spec.format(row)
            if value is None or value == "":
                return (1, 0, "")
            if isinstance(value, int | float):
                return (0, 0, value)
            return (0, 1, fold(str(value)))

        keys = [key(row) for row in self._rows]
        filled = [number for number, k in enumerate(keys) if k[0] == 0]
        filled.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        new_order = filled + [number for number, k in enumerate(keys) if k[0] == 1]
        self._rows = [self._rows[number] for number in new_order]
        moved_to = [0] * len(new_order)
        for new, old in enumerate(new_order):
            moved_to[old] = new
        return moved_to

    def row(self, number: int) -> Mapping[str, Any]:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default argument)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self._columns):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.format(row)
        if role == ID_ROLE:
            return row.get("id")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self.alert(row):
            return QBrush(ALERT)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title()
        return None

    def retranslate(self) -> None:
        """Headers and coded labels follow the language: repaint everything."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))


Fetch = Callable[[list[str]], Sequence[Mapping[str, Any]]]


class HouseholdTableModel(QAbstractTableModel):
    """The households list: ids up front, summaries fetched one block of rows at a time when first shown."""

    BLOCK = 100
    MAX_BLOCKS = 64  # ~6,400 summaries kept; older blocks are dropped and fetched again if scrolled back to

    def __init__(self, fetch: Fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[str] = []
        self._blocks: OrderedDict[int, list[Mapping[str, Any] | None]] = OrderedDict()
        self.fetches = 0  # how many blocks were read (the tests and the bench look at it)
        self._columns = [
            Column("code", lambda: self.tr("Code"), text_of("code")),
            Column("address", lambda: self.tr("Address"), address),
            Column("area", lambda: self.tr("Area"), text_of("area")),
            Column("head", lambda: self.tr("Head of household"), text_of("head")),
            Column("members", lambda: self.tr("Members"), number_of("members"), align_right=True),
            Column("flags", lambda: self.tr("Vulnerabilities"), label_of("flag", "flags", many=True)),
            Column("last_visit", lambda: self.tr("Last visit"), date_of("last_visit")),
            Column(
                "overdue",
                lambda: self.tr("Overdue"),
                lambda row: fmt_number(row["overdue"]) if row.get("overdue") else "",
                align_right=True,
            ),
        ]

    # --- content -------------------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._blocks.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def household_id(self, row: int) -> str:
        return self._ids[row]

    def refresh(self, household_id: str) -> None:
        """Forget the cached summary of one household (after an edit) and repaint its row."""
        try:
            row = self._ids.index(household_id)
        except ValueError:
            return
        self._blocks.pop(row // self.BLOCK, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._columns) - 1))

    def _summary(self, row: int) -> Mapping[str, Any] | None:
        block_no = row // self.BLOCK
        block = self._blocks.get(block_no)
        if block is None:
            start = block_no * self.BLOCK
            wanted = self._ids[start : start + self.BLOCK]
            by_id = {summary["id"]: summary for summary in self._fetch(wanted)}
            block = [by_id.get(household_id) for household_id in wanted]
            self.fetches += 1
            self._blocks[block_no] = block
            while len(self._blocks) > self.MAX_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block_no)
        return block[row % self.BLOCK]

    # --- Qt model interface --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids) or index.column() >= len(self._columns):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return (
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column.align_right
                else None
            )
        summary = self._summary(index.row())
        if summary is None:  # removed since the list was made
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(ALERT) if summary.get("overdue") else None
        return column.format(summary)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].title()
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self._columns) - 1))
