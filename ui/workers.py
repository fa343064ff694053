"""Background work: a core function run in the QThreadPool, its progress and outcome told to the GUI thread.

Core functions take `progress(done, total, message)` and a `cancelled()` callable; `Worker` adapts both to Qt
(progress → a queued signal to the GUI thread, cancel → a flag the GUI sets), so the GUI thread never runs
long work. A job that needs the database opens its own connection in the worker thread with
`desktop.security.database.reopen(ctx.store)` — same key, same logged-in user, same audit hook (SQLite
connections belong to one thread at a time; WAL lets the two read and write side by side).

Every job's progress and outcome travel through one receiver that lives as long as the app (`_Outcomes`), not
through signals of the job's own: PySide keeps a QRunnable handed to the pool, with its signals and their
connections, for as long as the app runs (~6 KiB per job, one job per search, page and login of the day), and a
job's own signals dropped with it could lose the queued outcome a page waits for. Here the pool is handed a plain
callable (nothing kept once it ran) and the receiver drops a job's handlers once it has told its outcome.
"""

from __future__ import annotations

import itertools
import threading
import traceback
import weakref
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QThreadPool, Signal

from desktop.collector import collector_paused
from desktop.errors import WardbookError
from desktop.memory import release_freed_memory
from desktop.progress import Cancelled, Progress
from ui.crash import job_failure_text
from ui.widgets import error_text

Job = Callable[[Progress, Cancelled], Any]
Handler = Callable[..., None]

# The workers started and not yet ended, so that the app can stop them all before it closes (`stop_all`).
_running: set[Worker] = set()
_running_lock = threading.Lock()
_numbers = itertools.count(1)

# How a job ended: the handler of `start` each of these calls.
FINISHED, FAILED, CANCELLED = "finished", "failed", "cancelled"


class _Held:
    """A handler as a job's signal connection held it: a bound method weakly (a page closed while its job ran is
    not kept alive for it, nor called once Qt deleted it), any other callable strongly until the job ends."""

    def __init__(self, handler: Handler) -> None:
        self._method: weakref.WeakMethod[Handler] | None = None
        self._function: Handler | None = None
        if hasattr(handler, "__self__") and hasattr(handler, "__func__"):
            self._method = weakref.WeakMethod(handler)
        else:
            self._function = handler  # a function, or a method of Qt's or a builtin (no weak reference to those)

    def __call__(self, *args: object) -> None:
        handler = self._function if self._method is None else self._method()
        if handler is None:
            return
        owner = getattr(handler, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the page (or label) was closed and deleted while the job ran
        handler(*args)


@dataclass
class _Handlers:
    progress: _Held | None
    ended: dict[str, _Held]


class _Outcomes(QObject):
    """The one receiver of every job's progress and outcome, living in the GUI thread for as long as the app:
    signals emitted from pool threads reach it queued, in the order they were emitted, and it calls the handlers
    `start` was given for that job, then forgets them once the job has ended."""

    progress = Signal(int, int, int, str)  # job number, done, total, message
    ended = Signal(int, str, object)  # job number, how it ended (FINISHED…), the handler's arguments

    def __init__(self) -> None:
        super().__init__()
        self._handlers: dict[int, _Handlers] = {}
        self.progress.connect(self._told_progress)
        self.ended.connect(self._told_end)

    def expect(self, number: int, handlers: _Handlers) -> None:
        self._handlers[number] = handlers

    def _told_progress(self, number: int, done: int, total: int, message: str) -> None:
        handlers = self._handlers.get(number)
        if handlers is not None and handlers.progress is not None:
            handlers.progress(done, total, message)

    def _told_end(self, number: int, how: str, args: tuple[object, ...]) -> None:
        handlers = self._handlers.pop(number, None)
        handler = None if handlers is None else handlers.ended.get(how)
        if handler is not None:
            handler(*args)


_outcomes: _Outcomes | None = None


def _receiver() -> _Outcomes:
    """The receiver, made on first use and placed in the GUI thread whichever thread asked first."""
    global _outcomes
    if _outcomes is None or not shiboken6.isValid(_outcomes):
        _outcomes = _Outcomes()
        app = QCoreApplication.instance()
        if app is not None and QThread.currentThread() is not app.thread():
            _outcomes.moveToThread(app.thread())
    return _outcomes


class Worker:
    """Runs `job(progress, cancelled)` once in a pool thread; its outcome goes to the handlers `start` was given."""

    def __init__(self, job: Job, number: int, outcomes: _Outcomes) -> None:
        self.number = number  # the job's number at the receiver
        self._job: Job | None = job
        self._outcomes = outcomes
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, message: str = "") -> None:
        self._tell(self._outcomes.progress, self.number, int(done), int(total), str(message or ""))

    def run(self) -> None:
        try:
            how, args = self._outcome()
            # The job's connection, temporary tables and rows are freed by now; without this the process keeps
            # their memory (the Overview of a 50k ward: ~45 MiB) for as long as the app runs. Before the page is
            # told, so that a finished job has nothing left to do in its thread.
            release_freed_memory()
            self._tell(self._outcomes.ended, self.number, how, args)
        finally:
            with _running_lock:
                _running.discard(self)
            self.done.set()

    def _outcome(self) -> tuple[str, tuple[object, ...]]:
        """Run the job: how it ended, with the handler's arguments. The worker lets go of its job as it starts it,
        so what the job holds (a page's query, the households a filter kept) goes as soon as it returns."""
        job, self._job = self._job, None
        try:
            if job is None:
                raise RuntimeError("a worker runs its job once")
            with collector_paused():  # the rows a job reads stay alive until it returns (`desktop.collector`)
                result = job(self._progress, self.is_cancelled)
        except InterruptedError:
            return CANCELLED, ()
        except WardbookError as error:
            return FAILED, (error_text(error),)
        except Exception as error:  # the environment's failure, or a bug: told, never lost in a pool thread
            traceback.print_exc()
            return FAILED, (job_failure_text(error),)
        # A job that returns has done its work, even if Cancel was pressed as it ended: saying "cancelled" then
        # would make the officer believe an import or a sync that was committed did not happen.
        return FINISHED, (result,)

    @staticmethod
    def _tell(signal: Any, *args: object) -> None:
        """Tell the GUI thread, unless the receiver is gone: the app quit while the job ran."""
        with suppress(RuntimeError):  # "Signal source has been deleted"
            signal.emit(*args)


def start(
    job: Job,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    finished: Callable[[Any], None] | None = None,
    failed: Callable[[str], None] | None = None,
    cancelled: Callable[[], None] | None = None,
) -> Worker:
    """Start `job` in the pool, its handlers registered first (a fast job could finish before a late one)."""
    outcomes = _receiver()
    worker = Worker(job, next(_numbers), outcomes)
    ended = {how: _Held(handler) for how, handler in ((FINISHED, finished), (FAILED, failed),
                                                       (CANCELLED, cancelled)) if handler is not None}
    outcomes.expect(worker.number, _Handlers(None if progress is None else _Held(progress), ended))
    with _running_lock:
        _running.add(worker)
    QThreadPool.globalInstance().start(worker.run)
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
