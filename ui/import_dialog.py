"""Import wizard: pick the ward's Excel/CSV list, check every row, then import all rows or none.

Both steps are the core's (`desktop.io.importer`): the check is its dry run (the real import, rolled back),
whose problems (by row and column, in the user's language) and counts are listed here. Both run in the
background with a progress bar and a Cancel button (a large spreadsheet takes minutes), so the window never
freezes. The import is one transaction, so a cancelled one leaves nothing behind and the same checked file can be
imported again; closing the dialog while it runs asks first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.io.importer import import_file, run_import
from desktop.io.plan import ImportPlan, ImportResult
from desktop.security.database import reopen
from desktop.store import Store
from ui.progress import JobProgress
from ui.widgets import SingleQuestion

_Checked = tuple[ImportPlan, ImportResult | None]  # a check's plan, and what the import would do (None: problems)


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult
    checked = Signal()  # a check's outcome is on screen

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan: ImportPlan | None = None
        self.resize(720, 480)
        self.path = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.create_areas = QCheckBox()
        self.mark_moved_out = QCheckBox()
        self.all_sheets = QCheckBox()
        self.area_label = QLabel()
        self.area = QLineEdit()
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton()
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.progress = JobProgress(self, messages=False)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._importing = False  # which of the two jobs the progress panel runs
        self._close_when_stopped = False  # the officer asked to close while the import ran, and said Yes
        self._stop_question = SingleQuestion(self)
        self.progress.finished.connect(self._finished)
        self.progress.failed.connect(self._failed)
        self.progress.cancelled.connect(self._cancelled)
        for ended in (self.finished, self.progress.finished, self.progress.failed, self.progress.cancelled):
            ended.connect(self._delete_once_closed)  # after the handlers above
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.create_areas)
        layout.addWidget(self.mark_moved_out)
        layout.addWidget(self.all_sheets)
        area_row = QHBoxLayout()
        area_row.addWidget(self.area_label)
        area_row.addWidget(self.area, 1)
        layout.addLayout(area_row)
        layout.addLayout(buttons)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import households from Excel / CSV"))
        self.browse.setText(self.tr("Choose file…"))
        self.create_areas.setText(self.tr("Create the khu phố named in the file when missing"))
        self.mark_moved_out.setText(self.tr("Mark members the list no longer names as moved out"))
        self.all_sheets.setText(self.tr("Read every visible sheet (one sheet per khu phố)"))
        self.area_label.setText(self.tr("Khu phố of rows that name none:"))
        self.check_button.setText(self.tr("1. Check the file"))
        self.import_button.setText(self.tr("2. Import"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Household list"), "",
                                                self.tr("Spreadsheets (*.xlsx *.csv *.txt)"))
        if chosen:
            self.path.setText(chosen)

    def check(self) -> None:
        """The dry run, in the background (reading a large workbook takes a while): nothing is written; every
        problem is listed with its row and column."""
        if self.progress.worker is not None:
            return
        self.import_button.setEnabled(False)
        self.plan = None
        self.report.clear()
        self.summary.setText("")
        # Windows' "Copy as path" pastes the name between quotes; spaces come with a paste too
        typed = self.path.text().strip().strip('"').strip()
        if not typed:
            self.report.setPlainText(self.tr("Choose the list to import first (Choose file…)."))
            return
        main, path = self.store, Path(typed)
        create_areas, mark_moved_out = self.create_areas.isChecked(), self.mark_moved_out.isChecked()
        all_sheets, area = self.all_sheets.isChecked(), self.area.text().strip() or None

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> _Checked:
            with reopen(main) as store:  # the worker's own connection with the key and user: see ui/workers.py
                return import_file(store, path, dry_run=True, create_areas=create_areas,
                                   mark_moved_out=mark_moved_out, all_sheets=all_sheets, area=area,
                                   progress=progress, cancelled=cancelled)

        self._importing = False
        self.progress.start(work, self.tr("Checking the file…"), lock=self._locked_while_busy(),
                            reads_only=True)  # a rehearsal, rolled back: stopping it loses nothing

    def _checked(self, checked: _Checked) -> None:
        plan, rehearsal = checked
        self.report.setPlainText("\n".join([*(notice.message() for notice in plan.notices),
                                             *(problem.message() for problem in plan.problems)]))
        if plan.blocking or rehearsal is None:
            self.summary.setText(self.tr("%1 problem(s): fix the file and check again. Nothing was imported.")
                                 .replace("%1", str(len(plan.blocking))))
        else:
            self.summary.setText(rehearsal.summary())
            self.plan = plan
            self.import_button.setEnabled(True)
        self.checked.emit()

    def start_import(self) -> None:
        plan = self.plan
        if plan is None or self.progress.worker is not None:
            return
        main = self.store

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> ImportResult:
            with reopen(main) as store:  # the worker's own connection with the key and user: see ui/workers.py
                return run_import(store, plan, progress, cancelled)

        self.import_button.setEnabled(False)  # until the next check: the plan is used once
        self.summary.setText("")
        self._importing = True
        self.progress.start(work, lock=self._locked_while_busy(), reads_only=False)

    def _locked_while_busy(self) -> tuple[QWidget, ...]:
        """What would start another job or change what the running one was asked to do."""
        return (self.check_button, self.browse, self.path, self.create_areas, self.mark_moved_out,
                self.all_sheets, self.area)

    def _finished(self, result: object) -> None:
        if self._importing:
            self._done(cast(ImportResult, result))
        else:
            self._checked(cast(_Checked, result))

    def _failed(self, message: str) -> None:
        if self._importing:
            self.summary.setText(message)
        else:
            self.report.setPlainText(message)
            self.checked.emit()

    def _cancelled(self) -> None:
        if self._close_when_stopped:
            super().reject()
        if self._importing:
            self.summary.setText(self.tr("Import cancelled: nothing was imported."))
            self.import_button.setEnabled(self.plan is not None)  # rolled back whole: the checked plan still holds
        else:
            self.summary.setText(self.tr("Check cancelled."))

    def _done(self, result: ImportResult) -> None:
        self.plan = None
        self.summary.setText(result.summary())  # stays open even when closing was asked: it was imported
        self._close_when_stopped = False
        self.imported.emit(result)

    def reject(self) -> None:
        """Esc, or the window's close button. While the import writes, the officer is asked first (Yes stops it
        as Cancel does, and the dialog closes once nothing was imported; an import that ended meanwhile stays on
        screen with what it did). A check is stopped without asking: it writes nothing."""
        if self._close_when_stopped or not self.progress.writing:
            self.progress.cancel()
            super().reject()
            return
        self._stop_question.ask(self.tr("Stop the import?"), self.tr(
            "The import is still running. Stop it? Nothing will be imported; the checked file can be imported "
            "again later."), self._stop_and_close)

    def _stop_and_close(self) -> None:
        self._close_when_stopped = True
        self.progress.cancel()

    def _delete_once_closed(self, *_ended: object) -> None:
        """A closed dialog is deleted (a day of imports and checks would otherwise keep every one, with its
        report), but not before its job has ended: an import left running at logout still tells the lists."""
        if not self.isVisible() and self.progress.worker is None:
            self.deleteLater()

    def discard(self) -> None:
        """Close without asking (at logout): a check stops, an import goes on to its end, which still refreshes
        the lists (`imported`): the officer who started it meant it."""
        if not self.progress.writing:
            self.progress.cancel()
        super().reject()
