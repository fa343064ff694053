"""The Overview: the first page of team leads and admins, its figures equal to the printed review's for the
same period (and the period before), each figure and bar opening the list behind it; officers start on their
households and are not offered it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from desktop.reports.figures import review_figures
from desktop.reports.overview import key_figures, previous_period
from desktop.reports.periods import quarter
from tests.ui.conftest import DEMO_END
from ui.language import fmt_number
from ui.pages.overview import FigureList


def _lines(window, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    return window.overview.cards[key].text().split("\n")


def test_the_overview_shows_the_review_s_figures_and_opens_the_lists_behind_them(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.stack.currentWidget() is window.overview
    page = window.overview
    if page.overview is None:
        with qtbot.waitSignal(page.loaded, timeout=30_000):
            pass
    period = quarter(2026, 2)
    review = review_figures(window.ctx.store, period, today=DEMO_END, names=True)  # its lists, by address
    before = review_figures(window.ctx.store, previous_period(period), today=DEMO_END)
    assert previous_period(period) == quarter(2026, 1)
    now, then = key_figures(review), key_figures(before)
    assert now.visits > 0 and then.visits > 0
    assert _lines(window, "visits")[1] == fmt_number(review.visits)
    assert _lines(window, "visits")[2] == f"Kỳ trước: {fmt_number(before.visits)}"
    change = now.visits - then.visits
    assert _lines(window, "visits")[3] == ("▲ +" if change > 0 else "▼ −" if change < 0 else "= ") + \
        fmt_number(abs(change))
    assert window.overview.minimumSizeHint().width() < 1366 - window.nav.width()
    assert _lines(window, "reached")[1] == fmt_number(review.coverage_percent) + " %"
    assert _lines(window, "overdue")[1] == fmt_number(now.overdue_follow_ups)
    assert now.overdue_follow_ups == sum(line.open_count for line in review.overdue) > 0
    assert page.overview is not None and page.overview.now == now and page.overview.before == then
    assert _lines(window, "cases")[1] == fmt_number(now.open_cases)
    assert _lines(window, "support")[1] == fmt_number(review.support_value_vnd)
    assert page.heading.text().startswith("Quý II năm 2026, so với quý I năm 2026")
    # By khu phố and by officer: one bar each, as in the review.
    assert [bar[0] for bar in page.areas_chart.bars] == [line.name for line in review.coverage]
    assert [bar[1] for bar in page.officers_chart.bars] == [line.visits for line in review.officers]

    # A figure opens the list behind it; a household in it opens the household.
    with qtbot.waitSignal(page.list_opened, timeout=30_000):
        page.cards["reached"].click()  # a long list on a large ward: read in the background
    dialog = page.list_dialog
    assert isinstance(dialog, FigureList) and dialog.isVisible()
    assert dialog.model.rowCount() == len(review.not_visited) > 0
    dialog.view.setCurrentIndex(dialog.model.index(0, 0))
    dialog.view.activated.emit(dialog.model.index(0, 0))
    assert window.stack.currentWidget() is window.household
    assert window.household.household_id == review.not_visited[0].household_id
    dialog.close()
    # The households with overdue follow-ups: read with their names when asked for (the figures hold none).
    assert not [line for line in page.current.overdue if line.code or line.head]
    window.show_page("overview")
    with qtbot.waitSignal(page.list_opened, timeout=30_000):
        page.cards["overdue"].click()
    dialog = page.list_dialog
    assert dialog is not None and dialog.model.rowCount() == len(review.overdue) > 0
    assert [dialog.model.index(row, 0).data() for row in range(dialog.model.rowCount())] == [
        line.code for line in review.overdue]  # by first day due, then address, as the review lists them
    dialog.close()
    window.show_page("overview")
    page.cards["support"].click()
    assert page.list_dialog is not None and page.list_dialog.model.rowCount() == len(review.support)
    page.list_dialog.close()

    # A khu phố's bar opens its households.
    window.show_page("overview")
    bar = page.areas_chart.bar_rect(1)
    qtbot.mouseClick(page.areas_chart, Qt.MouseButton.LeftButton, pos=QPoint(bar.left() + 4, bar.center().y()))
    assert window.stack.currentWidget() is window.households
    assert window.households.area.currentData() == review.coverage[1].area_id


def test_the_overview_follows_the_period_chosen(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.overview
    if page.overview is None:
        with qtbot.waitSignal(page.loaded, timeout=30_000):
            pass
    # This period's figures first, the previous period's next.
    with qtbot.waitSignals([page.first_figures, page.loaded], order="strict", timeout=30_000):
        page.period.setCurrentIndex(page.period.findData("month"))
    review = review_figures(window.ctx.store, page._chosen_period(), today=DEMO_END)
    assert page.overview is not None and page.overview.current.period.kind == "month"
    assert _lines(window, "visits")[1] == fmt_number(review.visits)
    window.set_language("en")
    qtbot.waitUntil(lambda: _lines(window, "visits")[0] == "Visits", timeout=3000)
    assert _lines(window, "visits")[2].startswith("Previous period")
    assert window.minimumSizeHint().width() <= 1366  # the English cards still fit a ward laptop's screen
    window.set_language("vi")


def test_both_periods_are_read_at_once_and_compared_whichever_comes_first(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """This period's figures and the previous period's are read side by side: the comparison shows once both are
    there, in either order, and figures of a khu phố or period no longer chosen are never compared."""
    from desktop.reports.overview import period_figures

    page = window.overview
    if page.overview is None:
        with qtbot.waitSignal(page.loaded, timeout=30_000):
            pass
    store, period = window.ctx.store, page._chosen_period()
    current = period_figures(store, period, today=DEMO_END)
    previous = period_figures(store, previous_period(period), today=DEMO_END, details=False)
    area = str(store.conn.execute("SELECT id FROM areas ORDER BY name LIMIT 1").fetchone()[0])
    elsewhere = period_figures(store, previous_period(period), area, today=DEMO_END, details=False)

    page.overview, page.current = None, None
    page._previous_read(previous)  # the previous period first
    page._previous_read(elsewhere)  # then another khu phố's (a choice since changed): not this page's
    assert page.overview is None  # nothing to compare with yet
    with qtbot.waitSignals([page.first_figures, page.loaded], order="strict", timeout=1000):
        page._show(current)
    assert page.overview is not None and page.overview.previous == previous and page.overview.current == current
    assert _lines(window, "visits")[2].endswith(fmt_number(previous.visits))

    page.overview, page.current, page._previous = None, None, None
    with qtbot.waitSignal(page.first_figures, timeout=1000):
        page._show(current)  # this period first
    assert page.overview is None and _lines(window, "visits")[2].endswith("…")
    with qtbot.waitSignal(page.loaded, timeout=1000):
        page._previous_read(previous)
    assert page.overview is not None and page.overview.previous == previous
