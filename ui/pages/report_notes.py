"""The review's own words: one text box per section of a sơ kết / tổng kết, opened with what the team lead
wrote before or, where nothing was written, the draft the figures give, for the lead to edit and save.

The drafts need the period's figures, which take seconds on a large ward: they are computed in a worker (its
own database connection) while the dialog shows what was written before, read-only, and a busy bar. The
sections become editable, and Save usable, once the drafts are in. Closing the dialog first cancels the
work; whatever it still delivers is dropped. Once the drafts are in, Esc, Cancel or the window's close button
ask before throwing away what the lead typed (`GuardedDialog`).

Saving goes through the core (`desktop.reports.notes.set_note`: team leads and admins, audited, synced). A
section left as its draft is not stored, so the draft keeps following the figures; a section emptied is
removed and printed from the draft again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.errors import WardbookError
from desktop.reports.figures import review_figures
from desktop.reports.narrative import drafts, section_title
from desktop.reports.notes import SECTIONS, notes_for, set_note
from desktop.reports.periods import Period
from desktop.security.database import reopen
from ui import workers
from ui.context import AppContext
from ui.forms.base import GuardedDialog
from ui.progress import JobProgress
from ui.widgets import FieldError


class NotesDialog(GuardedDialog):
    drafts_ready = Signal()  # the sections are filled and editable

    def __init__(self, ctx: AppContext, period: Period, area_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = period
        self.area_id = area_id
        self.drafts: dict[str, str] | None = None  # until the worker has made them
        self.closed = False
        self.written = notes_for(ctx.store, period.code, area_id)
        self.tabs = QTabWidget(self)
        self.edits: dict[str, QPlainTextEdit] = {}
        for section in SECTIONS:
            edit = QPlainTextEdit(self.tabs)
            edit.setPlainText(self.written.get(section, ""))
            edit.setReadOnly(True)
            self.edits[section] = edit
            self.tabs.addTab(edit, section_title(section))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        # the dialog's Cancel stops it; the drafts are only read from the period's figures
        self.progress = JobProgress(self, cancellable=False, messages=False, reads_only=True)
        self.error = FieldError(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.progress.finished.connect(self._drafts_made)
        self.progress.failed.connect(self._drafts_failed)
        self.setWindowTitle(self.tr("Text of the report: %1").replace("%1", period.title()))
        self.hint.setText(
            self.tr(
                "Each section opens with what was written before or, where nothing was, a draft made from "
                "the figures. Edit it in your own words; a section left as the draft follows the figures."
            )
        )
        self.resize(760, 520)
        self._make_drafts()

    def _make_drafts(self) -> None:
        """Compute the figures and their drafts in the background; the sections wait read-only meanwhile."""
        store, period, area_id, today = self.ctx.store, self.period, self.area_id, self.ctx.today()
        lang = i18n.current_language()

        def job(progress: workers.Progress, cancelled: workers.Cancelled) -> dict[str, str]:
            with reopen(store) as own:  # same key and user: the figures' scope and rights follow
                figures = review_figures(own, period, area_id, today=today, progress=progress, cancelled=cancelled)
            return drafts(figures, lang)

        for edit in self.edits.values():
            edit.setPlaceholderText(self.tr("Making a draft from the figures…"))
        self.save_button.setEnabled(False)
        self.progress.start(job, self.tr("Making the drafts from the period's figures…"))

    def _drafts_made(self, made: dict[str, str]) -> None:
        if self.closed:
            return
        self.drafts = made
        for section, edit in self.edits.items():
            edit.setPlaceholderText("")
            if not self.written.get(section):
                edit.setPlainText(made[section])
            edit.setReadOnly(False)
        self.save_button.setEnabled(True)
        self.mark_untouched()  # the drafts are the program's: closing now loses nothing the lead typed
        self.drafts_ready.emit()

    def _drafts_failed(self, message: str) -> None:
        if not self.closed:
            self.error.show_message(message)

    def done(self, result: int) -> None:
        """Closed (saved, cancelled or by the window's button): stop the drafts if they are still being made."""
        self.closed = True
        if self.progress.worker is not None:
            self.progress.worker.cancel()
        super().done(result)

    def save(self) -> None:
        """Store the sections the lead changed, all in one transaction: a refusal saves none of them."""
        if self.drafts is None:
            return  # Save is enabled only once the drafts are in
        self.error.clear_message()
        try:
            with self.ctx.store.transaction():
                for section, edit in self.edits.items():
                    value = edit.toPlainText().strip()
                    before = self.written.get(section, "")
                    if value == before or (not before and value == self.drafts[section].strip()):
                        continue
                    set_note(self.ctx.store, self.period.code, section, value, area=self.area_id)
        except WardbookError as error:
            self.error.show_message(error.message())
            return
        self.accept()
