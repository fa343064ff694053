"""A whole day in one window: what an officer repeats many times leaves nothing behind that grows with it.

WardBook stays open all day on 4 GB laptops. Each test repeats one ordinary operation on the real window and
counts what is alive afterwards (objects, widgets), never how long it took: a count that grows with the number
of repetitions would grow all day.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog

from ui import workers

ROUNDS = 30


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let the event loop deliver what is queued and delete what was closed, then collect Python's cycles."""
    for _ in range(3):
        qtbot.wait(5)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def alive(kind: type) -> int:
    return sum(isinstance(thing, kind) for thing in gc.get_objects())


def test_the_background_jobs_of_a_day_of_searches_do_not_pile_up(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Emptying the search lists the whole ward again in a background job (as the Overview, the Sync page and
    each login read theirs): once answered, a job and everything it held are let go."""
    page = window.households
    settle(qtbot)
    before = alive(workers.Worker), alive(workers.WorkerSignals)
    for round_no in range(ROUNDS):
        page.search.setText("nguyen" if round_no % 2 else "tran")
        page.search.flush()
        page.search.clear()
        page.search.flush()
        qtbot.waitUntil(lambda: page._worker is None, timeout=10_000)
    settle(qtbot)
    assert page.model.rowCount() > 0
    assert alive(workers.Worker) - before[0] <= 1 and alive(workers.WorkerSignals) - before[1] <= 1


def test_the_forms_of_a_day_of_visits_and_imports_are_let_go_once_closed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A visit form (new, saved, or a recorded visit opened to correct it), the new household form and the import
    dialog each hold some hundred widgets: a closed one is deleted, not kept under the window all day."""
    from desktop.register.visits import add_visit

    store = window.ctx.store
    household = window.households.model.household_id(0)
    visit = add_visit(store, household_id=household, visited_on="20/06/2026", purposes=["welfare_check"],
                      outcome="met")
    settle(qtbot)
    before = len(window.findChildren(QDialog)), len(QApplication.allWidgets())
    for round_no in range(ROUNDS):
        window.new_visit(household).discard()
        opened = window.open_visit(visit)
        opened.findings.setPlainText(f"Gặp chủ hộ, lần {round_no}")
        opened._try_save()
        assert not opened.isVisible()  # saved and closed
        window.new_household().discard()
        window.open_import().reject()
        settle(qtbot)
    assert len(window.findChildren(QDialog)) == before[0]
    assert len(QApplication.allWidgets()) <= before[1]


def test_the_overviews_figure_lists_and_the_reports_dialogs_are_let_go_once_closed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A team lead clicks the Overview's figures and opens the review's text, commendations and settings many
    times a day: each opens a new dialog, which is deleted once closed."""
    overview, reports = window.overview, window.reports
    qtbot.waitUntil(lambda: overview.current is not None, timeout=10_000)
    settle(qtbot)
    before = len(window.findChildren(QDialog))
    for _ in range(ROUNDS):
        overview.open_list("visits").reject()
        for opened in (reports.open_commendations(), reports.open_notes(), reports.open_settings()):
            assert opened is not None
            opened.done(0)
        settle(qtbot)
    assert len(window.findChildren(QDialog)) == before
