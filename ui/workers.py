"""Background work: a QRunnable that runs a core function in the QThreadPool and reports through Qt signals.

Core functions take `progress(done, total, message)` and a `cancelled()` callable; `Worker` adapts both to Qt
(progress → a queued signal to the GUI thread, cancel → a flag the GUI sets), so the GUI thread never runs
long work. A job that needs the database opens its own connection in the worker thread with
`desktop.security.database.reopen(ctx.store)` — same key, same logged-in user, same audit hook (SQLite
connections belong to one thread at a time; WAL lets the two read and write side by side).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.collector import collector_paused
from desktop.errors import WardbookError
from desktop.memory import release_freed_memory
from desktop.progress import Cancelled, Progress
from ui.crash import job_failure_text
from ui.widgets import error_text

Job = Callable[[Progress, Cancelled], Any]

# The workers started and not yet ended, so that the app can stop them all before it closes (`stop_all`).
_running: set[Worker] = set()
_running_lock = threading.Lock()


class WorkerSignals(QObject):
    """Signals live on a QObject (a QRunnable cannot emit); they are delivered queued to the GUI thread."""

    progress = Signal(int, int, str)
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a sentence for the user: the core's refusal, the environment's cause, or "a bug" (logged)
    cancelled = Signal()


class Worker(QRunnable):
    """Runs `job(progress, cancelled)` once in a pool thread."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the page keeps the worker to cancel it; Python owns its lifetime
        self._job: Job | None = job
        self._cancel = threading.Event()
        self.signals = WorkerSignals()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, message: str = "") -> None:
        self.signals.progress.emit(int(done), int(total), str(message or ""))

    def run(self) -> None:
        try:
            signal, args = self._outcome()
            # The job's connection, temporary tables and rows are freed by now; without this the process keeps
            # their memory (the Overview of a 50k ward: ~45 MiB) for as long as the app runs. Before the page is
            # told, so that a finished job has nothing left to do in its thread.
            release_freed_memory()
            self._emit(signal, *args)
        finally:
            with _running_lock:
                _running.discard(self)
            self.done.set()

    def _outcome(self) -> tuple[Any, tuple[object, ...]]:
        """Run the job: the signal that tells its outcome, with its arguments.

        The worker lets go of its job as it starts it: PySide keeps a worker handed to the pool for as long as the
        app runs, and with it the job and all it holds (a page's query, the households a filter kept), one more for
        every search, page and login of the day."""
        job, self._job = self._job, None
        try:
            if job is None:
                raise RuntimeError("a worker runs its job once")
            with collector_paused():  # the rows a job reads stay alive until it returns (`desktop.collector`)
                result = job(self._progress, self.is_cancelled)
        except InterruptedError:
            return self.signals.cancelled, ()
        except WardbookError as error:
            return self.signals.failed, (error_text(error),)
        except Exception as error:  # the environment's failure, or a bug: told, never lost in a pool thread
            traceback.print_exc()
            return self.signals.failed, (job_failure_text(error),)
        # A job that returns has done its work, even if Cancel was pressed as it ended: saying "cancelled" then
        # would make the officer believe an import or a sync that was committed did not happen.
        return self.signals.finished, (result,)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        """Tell the page, unless it is gone: a window closed (or the app quit) while the job ran."""
        with suppress(RuntimeError):  # "Signal source has been deleted"
            signal.emit(*args)


def start(
    job: Job,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    finished: Callable[[Any], None] | None = None,
    failed: Callable[[str], None] | None = None,
    cancelled: Callable[[], None] | None = None,
    pool: QThreadPool | None = None,
) -> Worker:
    """Start `job` in the pool, handlers connected first (a fast job could finish before a late connect)."""
    worker = Worker(job)
    for signal, handler in (
        (worker.signals.progress, progress),
        (worker.signals.finished, finished),
        (worker.signals.failed, failed),
        (worker.signals.cancelled, cancelled),
    ):
        if handler is not None:
            signal.connect(handler)
    with _running_lock:
        _running.add(worker)
    (pool or QThreadPool.globalInstance()).start(worker)
    return worker


def running() -> list[Worker]:
    """The workers started and not yet ended (queued ones included)."""
    with _running_lock:
        return list(_running)


def stop_all() -> None:
    """Cancel every job still running and wait until each has returned.

    Called as the app ends, before it closes its store and before Qt and Python tear themselves down: a job
    left running in a pool thread would go on writing through a register being closed and call into objects
    already freed (seen as a crash of the whole process as it ended). A cancelled job stops at its next check,
    as with its Cancel button; a queued one still runs, sees that it is cancelled and returns."""
    for worker in running():
        worker.cancel()
    for worker in running():
        worker.done.wait()
