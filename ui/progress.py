"""The progress of one background job, shown the same way wherever the app runs one (reports, sync, the
import, the retention purge): a bar, a Cancel button and the job's latest message, visible only while the
job runs.

The panel owns the job's `ui.workers.Worker`, so starting, following, cancelling and ending a job is written
once, including the buttons locked while it runs; the page only says what happened next, on `finished`,
`failed` or `cancelled` (emitted after the panel has hidden itself, let go of the worker and unlocked them).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ui import workers


class JobProgress(QWidget):
    """Runs one job at a time with `start()`. `cancellable=False` leaves out the Cancel button (a job that is
    not offered a way out); `messages=False` keeps the job's progress messages off screen (jobs whose
    messages are internal words, not sentences in the user's language); `reads_only=True` marks jobs that
    only read for the screen, which the app drops without asking when the officer quits (the others, which
    write the register or a file, are asked about: see `MainWindow.closeEvent`); `start` can say otherwise for
    one job, where one panel runs both kinds."""

    progressed = Signal(int, int, str)  # done, total, the job's message
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a user-facing message
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None, *, cancellable: bool = True, messages: bool = True,
                 reads_only: bool = False) -> None:
        super().__init__(parent)
        self.worker: workers.Worker | None = None
        self.reads_only = reads_only
        self._job_reads_only = reads_only
        self._messages = messages
        self._locked: Sequence[QWidget] = ()
        self.bar = QProgressBar(self)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.clicked.connect(self.cancel)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def start(self, job: workers.Job, text: str = "", *, lock: Sequence[QWidget] = (),
              reads_only: bool | None = None) -> workers.Worker:
        """Show the panel (busy until the job's first progress, `text` as its message) and run `job` in the
        pool. The widgets in `lock` (what would start it again, or act on what it changes) are disabled until
        it ends. `reads_only` says whether this job only reads (the panel's `reads_only` when None)."""
        if self.worker is not None:
            raise RuntimeError("a job is already running in this panel")
        self._job_reads_only = self.reads_only if reads_only is None else reads_only
        self._locked = lock
        for widget in lock:
            widget.setEnabled(False)
        self.bar.setRange(0, 0)
        self.message.setText(text)
        self.cancel_button.setEnabled(True)
        self.show()
        self.worker = workers.start(
            job, progress=self._progress, finished=self._finished, failed=self._failed, cancelled=self._cancelled
        )
        return self.worker

    @property
    def writing(self) -> bool:
        """Whether a job that writes (the register or a file) runs in this panel now."""
        return self.worker is not None and not self._job_reads_only

    def cancel(self) -> None:
        """Ask the job to stop; it stops at its next check, and `cancelled` follows."""
        if self.worker is None:
            return
        self.worker.cancel()
        self.cancel_button.setEnabled(False)
        self.message.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, message: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        stopping = self.worker is not None and self.worker.is_cancelled()  # keep "Cancelling…" on screen
        if message and self._messages and not stopping:
            self.message.setText(message)
        self.progressed.emit(done, total, message)

    def _end(self) -> None:
        self.worker = None
        self.hide()
        self.bar.reset()
        self.message.clear()
        for widget in self._locked:
            widget.setEnabled(True)
        self._locked = ()

    def _finished(self, result: Any) -> None:
        self._end()
        self.finished.emit(result)

    def _failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)

    def _cancelled(self) -> None:
        self._end()
        self.cancelled.emit()
