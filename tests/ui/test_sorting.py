"""A click on a column header sorts a list by that column (dates by date, text without regard to accents),
a second click the other way; the order survives a refresh, and the row opened is the row shown."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.search.folding import fold


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


def _section_centre(header, section: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)
