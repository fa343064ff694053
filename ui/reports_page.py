"""Reports: choose the report, period and area, generate it in the background with a progress bar and a
Cancel button, then open the PDF. The documents and their figures are the core's (`desktop.reports`)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.reports.periods import Period, date_range, month, quarter, year
from desktop.reports.review import build_review
from desktop.reports.walklist import build_walk_list
from desktop.store import Store
from ui.worker import Worker


class ReportsPage(QWidget):
    finished = Signal(str)  # path of the PDF written

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.worker: Worker | None = None
        self.output_dir = Path(tempfile.gettempdir()) / "WardBook-reports"
        self.kind = QComboBox()
        self.period = QComboBox()
        self.start = QDateEdit(QDate.currentDate().addMonths(-3))
        self.end = QDateEdit(QDate.currentDate())
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        self.area = QComboBox()
        self.generate = QPushButton()
        self.cancel = QPushButton()
        self.cancel.setEnabled(False)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.generate.clicked.connect(self.start_report)
        self.cancel.clicked.connect(self.cancel_report)
        self.period.currentIndexChanged.connect(self._period_changed)

        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for text_label, widget in zip(self.labels, (self.kind, self.period, self.start, self.end, self.area),
                                      strict=True):
            self.form.addRow(text_label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self._load_areas()
        self.retranslate()

    def retranslate(self) -> None:
        for text_label, text in zip(self.labels, (self.tr("Report"), self.tr("Period"), self.tr("From"),
                                                  self.tr("To"), self.tr("Area")), strict=True):
            text_label.setText(text)
        kinds = [(self.tr("Periodic review (sơ kết / tổng kết)"), "review"), (self.tr("Walk list"), "walklist")]
        periods = [(self.tr("This month"), "month"), (self.tr("This quarter"), "quarter"),
                   (self.tr("This year"), "year"), (self.tr("Dates below"), "range")]
        for combo, items in ((self.kind, kinds), (self.period, periods)):
            current = combo.currentIndex()
            combo.blockSignals(True)
            combo.clear()
            for text, code in items:
                combo.addItem(text, code)
            combo.setCurrentIndex(max(current, 0))
            combo.blockSignals(False)
        self.area.setItemText(0, self.tr("Whole ward"))
        self.generate.setText(self.tr("Generate PDF"))
        self.cancel.setText(self.tr("Cancel"))
        self._period_changed()

    def _load_areas(self) -> None:
        self.area.addItem("", None)
        for area_id, name in self.store.conn.execute(
            "SELECT id, name FROM areas WHERE deleted_hlc IS NULL ORDER BY name"
        ):
            self.area.addItem(name, area_id)

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "range"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)

    def chosen_period(self, today: date | None = None) -> Period:
        today = today or date.today()
        code = self.period.currentData()
        if code == "month":
            return month(today.year, today.month)
        if code == "quarter":
            return quarter(today.year, (today.month - 1) // 3 + 1)
        if code == "year":
            return year(today.year)
        return date_range(self.start.date().toPython(), self.end.date().toPython())  # type: ignore[arg-type]

    def start_report(self) -> None:
        kind, area_id = self.kind.currentData(), self.area.currentData()
        if kind == "walklist" and not area_id:
            self.status.setText(self.tr("Choose a khu phố for the walk list."))
            return
        try:
            period = self.chosen_period()
        except WardbookError as error:
            self.status.setText(error.message())
            return
        self.output_dir.mkdir(parents=True, exist_ok=True)
        out = self.output_dir / f"{kind}-{date.today().isoformat()}.pdf"
        path = self.store.path

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> str:
            with Store.open(path) as store:  # the worker's own connection: see ui/worker.py
                if kind == "review":
                    build_review(store, period, out, area_id=area_id, progress=progress, cancelled=cancelled)
                else:
                    build_walk_list(store, area_id, out, progress=progress, cancelled=cancelled)
            return str(out)

        self.worker = Worker(work)
        self.worker.signals.progress.connect(self._progress)
        self.worker.signals.finished.connect(self._done)
        self.worker.signals.failed.connect(self._failed)
        self.generate.setEnabled(False)
        self.cancel.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Generating…"))
        QThreadPool.globalInstance().start(self.worker)

    def cancel_report(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.status.setText(message)

    def _finish(self) -> None:
        self.generate.setEnabled(True)
        self.cancel.setEnabled(False)
        self.worker = None

    def _done(self, path: str) -> None:
        self._finish()
        self.progress.setValue(self.progress.maximum())
        self.status.setText(self.tr("Saved: %1").replace("%1", path))
        self.finished.emit(path)
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            self.status.setText(self.tr("Saved: %1 (no PDF viewer found)").replace("%1", path))

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, WardbookError):  # includes "cancelled": the core leaves no half-written file
            self.status.setText(error.message())
        else:
            self.status.setText(self.tr("The report failed: %1").replace("%1", str(error)))
