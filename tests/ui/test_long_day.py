"""A whole day in one window: what an officer repeats many times leaves nothing behind that grows with it.

WardBook stays open all day on 4 GB laptops. Each test repeats one ordinary operation on the real window and
counts what is alive afterwards (objects, widgets), never how long it took: a count that grows with the number
of repetitions would grow all day.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

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

