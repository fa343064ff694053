"""Import wizard: pick the ward's Excel/CSV list, check every row, then import all rows or none.

Both steps are the core's (`desktop.io.importer`): the check is its dry run (the real import, rolled back),
whose problems (by row and column, in the user's language) and counts are listed here; the import runs in the
background with a progress bar and a Cancel button (a large spreadsheet takes minutes). The import is one
transaction, so a cancelled one leaves nothing behind and the same checked file can be imported again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

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

from desktop.errors import WardbookError
from desktop.io.importer import import_file, run_import
from desktop.io.plan import ImportPlan, ImportResult
from desktop.security.database import reopen
from desktop.store import Store
from ui.progress import JobProgress


class ImportDialog(QDialog):
    imported = Signal(object)  # ImportResult

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
        self.progress.finished.connect(self._done)
        self.progress.failed.connect(self.summary.setText)
        self.progress.cancelled.connect(self._cancelled)
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
        """The dry run: nothing is written; every problem is listed with its row and column."""
        self.import_button.setEnabled(False)
        self.plan = None
        try:
            plan, rehearsal = import_file(self.store, Path(self.path.text()), dry_run=True,
                                          create_areas=self.create_areas.isChecked(),
                                          mark_moved_out=self.mark_moved_out.isChecked(),
                                          all_sheets=self.all_sheets.isChecked(),
                                          area=self.area.text().strip() or None)
        except WardbookError as error:
            self.report.setPlainText(error.message())
            self.summary.setText("")
            return
        self.report.setPlainText("\n".join([*(notice.message() for notice in plan.notices),
                                             *(problem.message() for problem in plan.problems)]))
        if plan.blocking or rehearsal is None:
            self.summary.setText(self.tr("%1 problem(s): fix the file and check again. Nothing was imported.")
                                 .replace("%1", str(len(plan.blocking))))
            return
        self.summary.setText(rehearsal.summary())
        self.plan = plan
        self.import_button.setEnabled(True)

    def start_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        main = self.store

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> ImportResult:
            with reopen(main) as store:  # the worker's own connection with the key and user: see ui/workers.py
                return run_import(store, plan, progress, cancelled)

        self.import_button.setEnabled(False)  # until the next check: the plan is used once
        self.summary.setText("")
        self.progress.start(work, lock=(self.check_button,))

    def _cancelled(self) -> None:
        self.summary.setText(self.tr("Import cancelled: nothing was imported."))
        self.import_button.setEnabled(self.plan is not None)  # rolled back whole: the checked plan still holds

    def _done(self, result: ImportResult) -> None:
        self.plan = None
        self.summary.setText(result.summary())
        self.imported.emit(result)
