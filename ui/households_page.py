"""Households: the register as a searchable table, and the page of the selected household."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.register.households import move_out_person, set_head
from desktop.register.labels import label, labels
from desktop.store import Store
from desktop.store.queries import HouseholdFilter, household_detail
from desktop.text import format_date
from ui.household_dialogs import AddMemberDialog, NewHouseholdDialog
from ui.household_model import HouseholdTableModel
from ui.rows_model import RowsTableModel

SEARCH_DELAY_MS = 150


def _escape(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class HouseholdsPage(QWidget):
    visit_requested = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.model = HouseholdTableModel(store)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.area = QComboBox()
        self.not_visited = QSpinBox(minimum=0, maximum=3650, singleStep=30)
        self.overdue = QCheckBox()
        self.count = QLabel()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.area.currentIndexChanged.connect(self.apply_filter)
        self.not_visited.valueChanged.connect(self._timer.start)
        self.overdue.toggled.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 230, 90, 180, 80, 100)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = QTextBrowser()
        self.members = RowsTableModel()
        self._member_ids: list[str] = []
        self.members_view = QTableView()
        self.members_view.setModel(self.members)
        self.members_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members_view.horizontalHeader().setStretchLastSection(True)
        self.members_view.setMaximumHeight(170)
        self.add_member, self.move_out, self.make_head = QPushButton(), QPushButton(), QPushButton()
        self.add_member.clicked.connect(self._add_member)
        self.move_out.clicked.connect(self._move_out)
        self.make_head.clicked.connect(self._make_head)
        self.new_household = QPushButton()
        self.new_household.clicked.connect(self._new_household)
        self.new_visit = QPushButton()
        self.new_visit.setEnabled(False)
        self.new_visit.clicked.connect(lambda: self.visit_requested.emit(self.current_id or ""))
        self.current_id: str | None = None

        self.search_label = QLabel()
        self.area_label = QLabel()
        self.not_visited_label = QLabel()
        filters = QHBoxLayout()
        for widget in (self.search_label, self.search):
            filters.addWidget(widget)
        filters.setStretchFactor(self.search, 3)
        filter_widgets: tuple[QWidget, ...] = (
            self.area_label, self.area, self.not_visited_label, self.not_visited, self.overdue, self.count)
        for filter_widget in filter_widgets:
            filters.addWidget(filter_widget)
        filters.addWidget(self.new_household)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.members_view)
        member_buttons = QHBoxLayout()
        for button in (self.add_member, self.move_out, self.make_head):
            member_buttons.addWidget(button)
        right_layout.addLayout(member_buttons)
        right_layout.addWidget(self.new_visit)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([760, 420])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        self._load_areas()
        self.retranslate()
        self.apply_filter()

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("Search:"))
        self.search.setPlaceholderText(self.tr("name, street, house number or phone — accents optional"))
        self.area_label.setText(self.tr("Area:"))
        self.area.setItemText(0, self.tr("All areas"))
        self.not_visited_label.setText(self.tr("Not visited in (days):"))
        self.not_visited.setSpecialValueText(self.tr("any"))
        self.overdue.setText(self.tr("Overdue follow-up"))
        self.new_visit.setText(self.tr("New visit… (Ctrl+N)"))
        self.new_household.setText(self.tr("New household…"))
        self.add_member.setText(self.tr("Add member…"))
        self.move_out.setText(self.tr("Moved out today"))
        self.make_head.setText(self.tr("Make head of household"))
        self.members.set_headers([self.tr("Full name"), self.tr("Birth year"), self.tr("Relation to head")])
        self.model.retranslate()
        self._update_count()
        self.show_household(self.current_id)

    def _load_areas(self) -> None:
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem("", None)
        for area_id, name in self.store.conn.execute(
            "SELECT id, name FROM areas WHERE deleted_hlc IS NULL ORDER BY name"
        ):
            self.area.addItem(name, area_id)
        self.area.blockSignals(False)

    def current_filter(self) -> HouseholdFilter:
        return HouseholdFilter(
            area_id=self.area.currentData(),
            not_visited_days=self.not_visited.value() or None,
            has_overdue_follow_up=self.overdue.isChecked(),
            text=self.search.text().strip() or None,
        )

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())
        self._update_count()
        if self.model.rowCount():
            self.table.selectRow(0)
        else:
            self.show_household(None)

    def _selected_member(self) -> str | None:
        rows = self.members_view.selectionModel().selectedRows()
        return self._member_ids[rows[0].row()] if rows else None

    def _changed(self) -> None:
        self.model.refresh()
        self.show_household(self.current_id)

    def _new_household(self) -> None:
        dialog = NewHouseholdDialog(self.store, self)
        if dialog.exec() and dialog.saved_id:
            self.search.setText("")
            self.apply_filter()
            self.current_id = dialog.saved_id
            self.show_household(dialog.saved_id)

    def _add_member(self) -> None:
        if self.current_id and AddMemberDialog(self.store, self.current_id, self).exec():
            self._changed()

    def _move_out(self) -> None:
        person = self._selected_member()
        if person:
            move_out_person(self.store, person, date.today().isoformat())
            self._changed()

    def _make_head(self) -> None:
        person = self._selected_member()
        if person and self.current_id:
            set_head(self.store, self.current_id, person)
            self._changed()

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n household(s)", "", self.model.rowCount()))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        self.show_household(self.model.household_id(rows[0].row()) if rows else None)

    def show_household(self, household_id: str | None) -> None:
        """The household page: address, flags, members, visit and case timeline."""
        self.current_id = household_id
        for button in (self.new_visit, self.add_member, self.move_out, self.make_head):
            button.setEnabled(household_id is not None)
        nothing_selected = self.tr("No household selected.")
        phone, visits_title = self.tr("Phone"), self.tr("Visits")
        cases_title, follow_up_by = self.tr("Cases"), self.tr("Follow up by")
        if household_id is None:
            self.detail.setHtml(f"<p>{_escape(nothing_selected)}</p>")
            self.members.set_rows([])
            self._member_ids = []
            return
        d = household_detail(self.store, household_id)
        present = [p for p in d["people"] if not p["moved_out_on"]]  # type: ignore[attr-defined]
        self._member_ids = [str(p["id"]) for p in present]
        self.members.set_rows([(str(p["full_name"]), str(p["birth_year"] or ""), str(p["relation_to_head"] or ""))
                               for p in present])
        visits = "".join(
            f"<li><b>{format_date(v['visited_at'])}</b> — {_escape(labels('purpose', v['purposes']))} "
            f"({_escape(label('outcome', v['outcome']))})"
            + (f"<br><i>{_escape(v['findings'])}</i>" if v["findings"] else "")
            + (f"<br>{_escape(follow_up_by)} {format_date(v['follow_up_due'])}"
               if v["follow_up_due"] and not v["follow_up_done_at"] else "")
            + "</li>"
            for v in d["visits"]  # type: ignore[attr-defined]
        )
        cases = "".join(
            f"<li>{format_date(c['received_on'])} — {_escape(label('case_kind', c['kind']))}: {_escape(c['title'])} "
            f"({_escape(label('case_status', c['status']))})</li>"
            for c in d["cases"]  # type: ignore[attr-defined]
        )
        flags = labels("flag", list(d["flags"]))  # type: ignore[call-overload]
        self.detail.setHtml(
            f"<h3>{_escape(d['code'])} — {_escape(d['house_no'])} {_escape(d['street'])}</h3>"
            f"<p>{_escape(d['area'] or '')} · {_escape(phone)}: {_escape(d['phone'] or '—')}</p>"
            + (f"<p style='color:#b71c1c'><b>{_escape(flags)}</b></p>" if flags else "")
            + f"<h4>{_escape(visits_title)}</h4><ul>{visits or '<li>—</li>'}</ul>"
            + f"<h4>{_escape(cases_title)}</h4><ul>{cases or '<li>—</li>'}</ul>"
        )
