"""Run long core work (demo generation, reports, sync, import) off the GUI thread.

The core's long functions take `progress(done, total, message)` and `cancelled()`; `Worker` adapts them to Qt
signals so a progress bar can follow and a Cancel button can stop the work, and the GUI thread never blocks.

A worker opens its own `Store` on the same file instead of sharing the window's: one SQLite connection used from
two threads deadlocks (the store's authorizer callback needs the GIL while SQLite holds the connection's mutex),
and WAL lets the window keep reading while the worker writes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal


class WorkerSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Worker(QRunnable):
    """`Worker(fn)` runs `fn(progress=…, cancelled=…)` in the thread pool and reports through `signals`."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self.fn(progress=self.signals.progress.emit, cancelled=self._cancel.is_set)
        except BaseException as error:  # reported to the GUI, which shows it; nothing is swallowed
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)
