"""Background jobs tell their outcome through one receiver and leave nothing behind (`ui.workers`).

An app kept open all week runs a job for every search, page and login: each job's worker, its signals and their
connections were kept by PySide for as long as the app ran (~6 KiB each). Letting them go must not lose the
outcome a page waits for (an earlier attempt lost one now and then: a failure never told, a page waiting for ever).
"""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from desktop.errors import WardbookError
from ui import workers


def _settled(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)


def test_a_finished_job_leaves_no_worker_and_no_handler_behind(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    answers: list[object] = []
    kept = []
    for number in range(200):
        worker = workers.start(lambda _progress, _cancelled, number=number: number, finished=answers.append)
        kept.append(weakref.ref(worker))
        del worker
    qtbot.waitUntil(lambda: len(answers) == 200, timeout=30_000)
    _settled(qtbot)
    gc.collect()
    assert sorted(answers) == list(range(200))  # type: ignore[type-var]
    assert [ref for ref in kept if ref() is not None] == []
    assert workers._receiver()._handlers == {}


def test_every_outcome_is_told_once_while_the_collector_runs(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Finished, failed and cancelled jobs in their hundreds, collections in between: each told exactly once,
    with its progress before its end."""
    told: list[tuple[str, int]] = []
    progressed: set[int] = set()

    def job_for(number: int) -> workers.Job:
        def job(progress: workers.Progress, _cancelled: workers.Cancelled) -> int:
            progress(1, 2, "")
            if number % 3 == 1:
                raise WardbookError("sync.not_admin")
            if number % 3 == 2:
                raise InterruptedError
            return number
        return job

    def ended(how: str, number: int) -> None:
        assert number in progressed, "the end came before the progress"
        told.append((how, number))

    for number in range(300):
        workers.start(job_for(number),
                      progress=lambda _done, _total, _message, number=number: progressed.add(number),
                      finished=lambda result: ended("finished", result),
                      failed=lambda _message, number=number: ended("failed", number),
                      cancelled=lambda number=number: ended("cancelled", number))
        if number % 25 == 0:
            gc.collect()
    qtbot.waitUntil(lambda: len(told) >= 300, timeout=30_000)
    _settled(qtbot)
    assert sorted(told, key=lambda item: item[1]) == [
        (("finished", "failed", "cancelled")[number % 3], number) for number in range(300)]


def test_a_label_deleted_while_its_job_ran_is_not_written_to(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A page closed while its job ran: Qt deleted its widgets; their handlers are skipped, not called into the
    deleted object (which raises in the GUI thread)."""
    label = QLabel("before")
    release = workers.threading.Event()

    def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> str:
        assert release.wait(10)
        return "after"

    seen: list[str] = []
    worker = workers.start(job, finished=label.setText)
    workers.start(lambda _progress, _cancelled: "other", finished=seen.append)
    label.deleteLater()
    qtbot.waitUntil(lambda: seen == ["other"], timeout=10_000)
    qtbot.wait(50)  # the deferred delete has run
    release.set()
    assert worker.done.wait(10)
    _settled(qtbot)
    assert workers._receiver()._handlers == {}


def test_a_page_is_not_kept_alive_by_its_running_job(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A handler that is a page's method holds the page weakly, as a signal connection did: a page dropped while
    its job runs is freed at once, and its handler is then not called."""
    called: list[object] = []

    class Page:
        def loaded(self, result: object) -> None:
            called.append(result)

    page = Page()
    gone = weakref.ref(page)
    release = workers.threading.Event()

    def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> str:
        assert release.wait(10)
        return "rows"

    worker = workers.start(job, finished=page.loaded)
    del page
    gc.collect()
    assert gone() is None
    release.set()
    assert worker.done.wait(10)
    _settled(qtbot)
    assert called == []
