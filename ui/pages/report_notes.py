"""The review's own words: one text box per section of a sơ kết / tổng kết, opened with what the team lead
wrote before or, where nothing was written, the draft the figures give, for the lead to edit and save.

Saving goes through the core (`desktop.reports.notes.set_note`: team leads and admins, audited, synced). A
section left as its draft is not stored, so the draft keeps following the figures; a section emptied is
removed and printed from the draft again.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
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
from ui.context import AppContext
from ui.widgets import FieldError


class NotesDialog(QDialog):
    def __init__(self, ctx: AppContext, period: Period, area_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period = period
        self.area_id = area_id
        figures = review_figures(ctx.store, period, area_id, today=ctx.today())
        self.drafts = drafts(figures, i18n.current_language())
        self.written = notes_for(ctx.store, period.code, area_id)
        self.tabs = QTabWidget(self)
        self.edits: dict[str, QPlainTextEdit] = {}
        for section in SECTIONS:
            edit = QPlainTextEdit(self.tabs)
            edit.setPlainText(self.written.get(section) or self.drafts[section])
            self.edits[section] = edit
            self.tabs.addTab(edit, section_title(section))
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error = FieldError(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Text of the report: %1").replace("%1", period.title()))
        self.hint.setText(
            self.tr(
                "Each section opens with what was written before or, where nothing was, a draft made from "
                "the figures. Edit it in your own words; a section left as the draft follows the figures."
            )
        )
        self.resize(760, 520)

    def save(self) -> None:
        """Store the sections the lead changed, all in one transaction: a refusal saves none of them."""
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
