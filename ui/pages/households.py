"""The households list: lazy table, search as you type, filters."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.register.labels import label
from desktop.security.database import reopen
from desktop.store.queries import (
    HouseholdFilter,
    HouseholdMatches,
    VisitDocuments,
    find_households,
    household_summaries,
    list_areas,
    visit_filtered_documents,
)
from desktop.store.visit_filter_cache import VisitFilterCache, VisitFilterKey, visit_filter_key
from desktop.text import is_blank
from ui import workers
from ui.context import AppContext
from ui.language import fmt_number
from ui.models import HouseholdTableModel
from ui.widgets import Page, SearchBox, chosen

SEARCH_LIMIT = 500  # best matches shown for a text search (the core ranks them)
# A worker's answer: its query's generation, the households found, and the visit filters' documents it read with
# the key they were read for (None, None when it read none).
_Answer = tuple[int, HouseholdMatches, VisitFilterKey | None, VisitDocuments | None]


class HouseholdsPage(Page):
    """Every household of the ward; typing narrows the list, Enter or double-click opens one."""

    open_household = Signal(str)
    new_household = Signal()
    new_visit = Signal(str)
    loaded = Signal(int)  # number of households listed, after each (re)load

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._generation = 0
        self._worker: workers.Worker | None = None
        self._total = 0  # households matching the current search and filters (the list may show fewer)
        self._keep_choice = False  # reloaded under the officer (sync, import): keep their household, not row 0
        self._kept_id: str | None = None
        self._visit_sets = VisitFilterCache()  # what the visit filters keep, read once while the user types
        self.model = HouseholdTableModel(lambda ids: household_summaries(ctx.store, ids, ctx.today()), self)

        self.search = SearchBox(self)
        self.search.setObjectName("householdSearch")
        self.add_button = QPushButton(self)
        self.visit_button = QPushButton(self)
        self.area = QComboBox(self)
        self.flag = QComboBox(self)
        self.not_visited = QCheckBox(self)
        self.days = QSpinBox(self)
        self.days.setRange(1, 3650)
        self.days.setValue(90)
        self.overdue = QCheckBox(self)
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._widths = (80, 195, 80, 170, 85, 180, 125)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.visit_button)
        top.addWidget(self.add_button)
        filters = QHBoxLayout()
        filters.addWidget(self.area)
        filters.addWidget(self.flag)
        filters.addWidget(self.not_visited)
        filters.addWidget(self.days)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.search.search.connect(lambda _text: self.reload())
        for combo in (self.area, self.flag):
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.not_visited.toggled.connect(lambda _on: self.reload())
        self.days.valueChanged.connect(self._days_changed)
        self.overdue.toggled.connect(lambda _on: self.reload())
        self.table.activated.connect(self._open)
        self.add_button.clicked.connect(self.new_household.emit)
        self.visit_button.clicked.connect(lambda: self.new_visit.emit(self.current_id() or ""))
        ctx.households_changed.connect(self._changed)
        self._fill_combos()
        self.retranslate()

    def title(self) -> str:
        return self.tr("Households")

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Search a name, address or phone — accents optional (e.g. duong)")
        )
        self.add_button.setText(self.tr("New household"))
        self.visit_button.setText(self.tr("New visit"))
        self.not_visited.setText(self.tr("Not visited in (days)"))
        self.overdue.setText(self.tr("Overdue follow-up"))
        self._fill_combos()
        self.model.retranslate()
        self._show_count()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each column at least as wide as its header in the language shown: no title is cut."""
        header = self.table.horizontalHeader()
        for column, width in enumerate(self._widths):
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))

    def _fill_combos(self) -> None:
        area, flag = self.area.currentData(), self.flag.currentData()
        for combo in (self.area, self.flag):
            combo.blockSignals(True)
            combo.clear()
        self.area.addItem(self.tr("All areas"), None)
        for row in list_areas(self.ctx.store):
            self.area.addItem(str(row["name"]), row["id"])
        self.flag.addItem(self.tr("Any vulnerability"), None)
        for code in HOUSEHOLD_FLAGS:
            self.flag.addItem(label("flag", code), code)
        self.area.setCurrentIndex(max(0, self.area.findData(area)))
        self.flag.setCurrentIndex(max(0, self.flag.findData(flag)))
        for combo in (self.area, self.flag):
            combo.blockSignals(False)

    def _days_changed(self, _days: int) -> None:
        if self.not_visited.isChecked():
            self.reload()

    def current_filter(self) -> HouseholdFilter:
        flag = self.flag.currentData()
        return HouseholdFilter(
            area_id=self.area.currentData(),
            flags=(flag,) if flag else (),
            not_visited_days=self.days.value() if self.not_visited.isChecked() else None,
            has_overdue_follow_up=self.overdue.isChecked(),
            # invisible characters only (a zero-width space pasted) are no search: the box looks empty
            text=None if is_blank(self.search.text()) else self.search.text().strip(),
        )

    def current_id(self) -> str | None:
        index = chosen(self.table)
        return self.model.household_id(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        if not self.model.rowCount() and self._worker is None:
            self.reload()

    def reload(self, keep_choice: bool = False) -> None:
        """Text searches are answered at once (ranked, ≤500 rows, a few ms on a 50k ward, a khu phố or flag chosen
        too: they are words of the index); whole-ward lists and the first search with filters on visits (tens of ms,
        more without a text) run in a worker with their own connection, so typing and scrolling never wait for them.
        The households those filters keep are read once, in the worker, when a filter is chosen, and kept while the
        register is unchanged (`VisitFilterCache`): the keystrokes after it are answered at once too.

        A new search or filter shows its first row chosen (Enter opens it); with `keep_choice` (the same
        search, reloaded because the register changed) the household chosen stays chosen, or none is."""
        self._keep_choice, self._kept_id = keep_choice, self.current_id()
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        today = self.ctx.today()
        if self._worker is not None:
            self._worker.cancel()
            self._worker = None
        limit = SEARCH_LIMIT if flt.text else None
        store = self.ctx.store
        key = visit_filter_key(store, flt, today)
        kept = self._visit_sets.documents(key)
        if flt.text and (key is None or kept is not None):
            found = find_households(store, flt, today=today, limit=limit, visit_documents=kept)
            self._show(generation, found.ids, found.total)
            return
        self.count.setText(self.tr("Loading…"))

        def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> _Answer:
            with reopen(store) as reader:  # own connection, same key and user (see ui/workers.py)
                # Read with the whole list too (it is read in one query of its own): the user who chose the filter
                # types next, and the first keystroke is then answered at once as well.
                documents = kept
                if documents is None and key is not None:
                    documents = visit_filtered_documents(reader, flt, today)
                found = find_households(reader, flt, today=today, limit=limit, visit_documents=documents)
                return generation, found, key, documents

        # Bound methods, not lambdas: Qt drops them if the page is gone before the worker answers.
        self._worker = workers.start(job, finished=self._loaded, failed=self.count.setText)

    def _loaded(self, answer: _Answer) -> None:
        generation, found, key, documents = answer
        if key is not None and documents is not None:
            self._visit_sets.keep(key, documents)
        self._show(generation, found.ids, found.total)

    def _show(self, generation: int, ids: list[str], total: int | None = None) -> None:
        if generation != self._generation:
            return  # an older query answered after a newer one was asked
        self._worker = None
        self._total = len(ids) if total is None else total
        self.model.set_ids(ids)
        row = self._chosen_row(ids)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._show_count()
        self.loaded.emit(len(ids))

    def _chosen_row(self, ids: list[str]) -> int | None:
        if not self._keep_choice:
            return 0 if ids else None
        return ids.index(self._kept_id) if self._kept_id in ids else None

    def _show_count(self) -> None:
        if self._worker is not None:
            return
        shown = self.model.rowCount()
        if self._total > shown:  # a capped text search says it shows the best part of more
            text = self.tr("showing %1 of %n household(s)", "", self._total)
            self.count.setText(text.replace(str(self._total), fmt_number(self._total)).replace("%1", fmt_number(shown)))
        else:
            self.count.setText(self.tr("%n household(s)", "", shown).replace(str(shown), fmt_number(shown)))

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_household.emit(self.model.household_id(index.row()))

    def _changed(self, household_id: str) -> None:
        if household_id:
            self.model.refresh(household_id)
        else:
            self.reload(keep_choice=True)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and self.search.hasFocus():
            self.table.setFocus()
        super().keyPressEvent(event)
