"""A click on a column header sorts a list by that column (dates by date, text without regard to accents),
a second click the other way; the order survives a refresh, and the row opened is the row shown. The row
chosen before a sort stays chosen after it, wherever it moved, so a button acts on the record the officer
picked and never on the one that took its place."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTableView, QWidget

from desktop.search.folding import fold
from desktop.store import Store
from tests.ui.test_security_ui import drive_modal
from ui.date_edit import DateDialog
from ui.models import ID_ROLE, Column, RowsModel, text_of
from ui.widgets import record_table


def _column(model, title: str) -> int:  # type: ignore[no-untyped-def]
    return next(n for n in range(model.columnCount()) if model.headerData(n, Qt.Orientation.Horizontal) == title)


def test_the_follow_ups_sort_by_a_clicked_header_and_stay_sorted(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page("followups")
    page = window.followups
    view, model = page.views["overdue"], page.models["overdue"]
    assert model.rowCount() > 3
    due = [model.row(n)["follow_up_due"] for n in range(model.rowCount())]
    assert due == sorted(due)  # the core's order: most overdue first
    header = view.horizontalHeader()
    address = _column(model, "Địa chỉ")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, address))
    shown = [model.index(n, address).data() for n in range(model.rowCount())]
    assert [fold(text) for text in shown] == sorted(fold(text) for text in shown)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, address))
    reverse = [model.index(n, address).data() for n in range(model.rowCount())]
    assert [fold(t) for t in reverse] == sorted((fold(t) for t in reverse), reverse=True)
    page.refresh()  # new rows from the core come in the chosen order
    assert [model.index(n, address).data() for n in range(model.rowCount())] == reverse
    # Enter opens the visit of the row shown first
    view.setFocus()
    view.setCurrentIndex(model.index(0, 0))
    with qtbot.waitSignal(page.open_visit) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [model.row(0)["id"]]


def test_the_timeline_sorts_by_date_as_dates(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    household = store.conn.execute("SELECT household_id FROM visits GROUP BY household_id "
                                   "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    window.open_household(household)
    timeline, view = window.household.timeline, window.household.timeline_view
    dates = [timeline.row(n)["on"] for n in range(timeline.rowCount())]
    assert len(set(dates)) > 2 and dates == sorted(dates, reverse=True)  # newest first
    header = view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0))
    assert [timeline.row(n)["on"] for n in range(timeline.rowCount())] == sorted(dates)  # oldest first, as dates


def test_a_follow_up_chosen_before_a_sort_is_the_one_marked_done(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page("followups")
    page = window.followups
    view, model = page.views["overdue"], page.models["overdue"]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(2, 1)).center())
    chosen = model.row(2)["id"]
    header, address = view.horizontalHeader(), _column(model, "Địa chỉ")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, address))
    assert model.row(2)["id"] != chosen  # the sort moved the chosen visit away from the third row
    assert _chosen_ids(view) == [chosen]
    done_before = _done_follow_ups(window.ctx.store)
    drive_modal(DateDialog, lambda dialog: dialog.accept())  # done on the date offered (today)
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert _done_follow_ups(window.ctx.store) - done_before == {chosen}


def test_every_list_keeps_its_chosen_row_across_sorts(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The shared model moves the view's chosen row with its record, both ways and with empty cells last."""
    parent = QWidget()
    qtbot.addWidget(parent)
    model = RowsModel([Column("name", lambda: "Name", text_of("name"))], parent)
    view = record_table(parent, model)
    model.set_rows([{"id": str(n), "name": name} for n, name in enumerate(["Đào", "", "an", "Bình", "Châu"])])
    parent.show()
    for chosen in ("0", "1", "3"):
        view.setCurrentIndex(model.index(next(n for n in range(5) if model.row(n)["id"] == chosen), 0))
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
            view.sortByColumn(0, order)
            assert _chosen_ids(view) == [chosen]
            assert view.currentIndex().data(ID_ROLE) == chosen


def test_a_refresh_never_leaves_the_choice_on_another_record(qtbot) -> None:  # type: ignore[no-untyped-def]
    """New rows from the core (after an edit, a sync) in another order: the chosen row is the same record or
    none, never the record that arrived at its row number."""
    parent = QWidget()
    qtbot.addWidget(parent)
    model = RowsModel([Column("name", lambda: "Name", text_of("name"))], parent)
    view = record_table(parent, model)
    model.set_rows([{"id": str(n), "name": name} for n, name in enumerate(["a", "b", "c"])])
    parent.show()
    view.setCurrentIndex(model.index(1, 0))
    model.set_rows([{"id": str(n), "name": name} for n, name in reversed(list(enumerate(["a", "b", "c", "d"])))])
    assert _chosen_ids(view) in (["1"], [])
    assert view.currentIndex().data(ID_ROLE) in ("1", None)


def _done_follow_ups(store: Store) -> set[str]:
    return {row[0] for row in store.conn.execute("SELECT id FROM visits WHERE follow_up_done_at IS NOT NULL")}


def _chosen_ids(view: QTableView) -> list[str]:
    """The ids of the rows shown selected."""
    return [index.data(ID_ROLE) for index in view.selectionModel().selectedRows()]


def _section_centre(header, section: int) -> QPoint:  # type: ignore[no-untyped-def]
    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)
