"""Reports: choose the report, the period and the area; generate in the background; open the PDF.

The documents are made by `desktop.reports` (see `REPORTS`); each function is called in a worker thread as
`fn(store, *, out, start, end, area_id, progress, cancelled)` and returns the path of the PDF it wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.register.validation import parse_date
from desktop.reports.periods import Period, date_range
from desktop.security.database import reopen
from desktop.store.queries import list_areas
from ui import workers
from ui.context import AppContext
from ui.core_link import resolve
from ui.language import fmt_date
from ui.progress import JobProgress
from ui.widgets import FieldError, Page

REPORTS: dict[str, str] = {
    "review": "desktop.reports.jobs:periodic_review",
    "walklist": "desktop.reports.jobs:walk_list",
}
PERIODS = ("month", "quarter", "half", "year", "custom")


def period_bounds(period: str, today: date) -> tuple[date, date]:
    """The current month / quarter / half-year / year up to its last day."""
    if period == "month":
        start = today.replace(day=1)
    elif period == "quarter":
        start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    elif period == "half":
        start = date(today.year, 1 if today.month <= 6 else 7, 1)
    else:
        start = date(today.year, 1, 1)
    months = {"month": 1, "quarter": 3, "half": 6}.get(period, 12)
    end_month = start.month + months
    end = date(start.year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1) - timedelta(days=1)
    return start, end


class ReportsPage(Page):
    report_done = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        functions: Mapping[str, str | Callable[..., Any]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.functions: dict[str, str | Callable[..., Any]] = dict(
            REPORTS if functions is None else functions
        )
        self.pdf: Path | None = None
        self.progress_seen: list[tuple[int, int]] = []
        self.kind = QComboBox(self)
        self.period = QComboBox(self)
        self.start = QLineEdit(self)
        self.end = QLineEdit(self)
        self.area = QComboBox(self)
        self.out = QLineEdit(self)
        self.browse = QPushButton(self)
        self.generate = QPushButton(self)
        self.generate.setObjectName("generateReport")
        self.open_pdf = QPushButton(self)
        self.open_pdf.setEnabled(False)
        self.commendations = QPushButton(self)
        self.progress = JobProgress(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = FieldError(self)

        dates = QHBoxLayout()
        dates.addWidget(self.period)
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.end)
        dates.addStretch(1)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(4)]
        self.form.addRow(self.labels[0], self.kind)
        self.form.addRow(self.labels[1], dates)
        self.form.addRow(self.labels[2], self.area)
        self.form.addRow(self.labels[3], out_row)
        actions = QHBoxLayout()
        for button in (self.generate, self.open_pdf):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.commendations)
        for field in (self.start, self.end):
            field.setMaximumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.period.currentIndexChanged.connect(lambda _i: self._apply_period())
        self.generate.clicked.connect(self.start_report)
        self.progress.progressed.connect(lambda done, total, _message: self.progress_seen.append((done, total)))
        self.progress.finished.connect(self._finished)
        self.progress.failed.connect(self.error.show_message)
        self.progress.cancelled.connect(lambda: self.status.setText(self.tr("Cancelled.")))
        self.open_pdf.clicked.connect(
            lambda: self.pdf and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf)))
        )
        self.browse.clicked.connect(self._browse)
        self.commendations.clicked.connect(self.open_commendations)
        self.out.setText(str(ctx.db_path.parent / "bao-cao.pdf"))
        self.retranslate()
        self._apply_period()

    def title(self) -> str:
        return self.tr("Reports")

    def retranslate(self) -> None:
        names = {"review": self.tr("Periodic review (sơ kết / tổng kết)"), "walklist": self.tr("Walk list")}
        current = self.kind.currentData()
        self.kind.clear()
        for key in self.functions:
            self.kind.addItem(names.get(key, key), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        period_names = {
            "month": self.tr("This month"),
            "quarter": self.tr("This quarter"),
            "half": self.tr("This half-year"),
            "year": self.tr("This year"),
            "custom": self.tr("Dates…"),
        }
        current = self.period.currentData()
        self.period.blockSignals(True)
        self.period.clear()
        for key in PERIODS:
            self.period.addItem(period_names[key], key)
        self.period.setCurrentIndex(max(0, self.period.findData(current or "quarter")))
        self.period.blockSignals(False)
        area = self.area.currentData()
        self.area.clear()
        self.area.addItem(self.tr("Whole ward"), None)
        for row in list_areas(self.ctx.store):
            self.area.addItem(str(row["name"]), row["id"])
        self.area.setCurrentIndex(max(0, self.area.findData(area)))
        for label_widget, text in zip(
            self.labels,
            (self.tr("Report"), self.tr("Period"), self.tr("Area"), self.tr("Save as")),
            strict=True,
        ):
            label_widget.setText(text)
        self.browse.setText(self.tr("Choose…"))
        self.generate.setText(self.tr("Generate"))
        self.open_pdf.setText(self.tr("Open PDF"))
        self.commendations.setText(self.tr("Commendations of this period…"))

    def _apply_period(self) -> None:
        key = self.period.currentData()
        custom = key == "custom"
        self.start.setReadOnly(not custom)
        self.end.setReadOnly(not custom)
        if not custom and key:
            start, end = period_bounds(key, self.ctx.today())
            self.start.setText(fmt_date(start.isoformat()))
            self.end.setText(fmt_date(end.isoformat()))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save report as"), self.out.text(), "PDF (*.pdf)"
        )
        if path:
            self.out.setText(path)

    def _chosen_period(self) -> Period | None:
        """The period in the date fields (a calendar month, quarter, half or year gets its name)."""
        try:
            start = parse_date(self.start.text(), required=True, field="start")
            end = parse_date(self.end.text(), required=True, field="end")
        except WardbookError as error:
            self.error.show_message(error.message())
            return None
        assert start and end
        return date_range(date.fromisoformat(start), date.fromisoformat(end))

    def open_commendations(self) -> QDialog | None:
        """The proposals the review of the chosen period will print, to add to or decide on."""
        from ui.commendations_dialog import CommendationsDialog  # opened from here only: not loaded at start

        self.error.clear_message()
        period = self._chosen_period()
        if period is None:
            return None
        dialog = CommendationsDialog(self.ctx, period, self)
        dialog.open()
        return dialog

    def start_report(self) -> None:
        self.error.clear_message()
        function = resolve(self.functions.get(self.kind.currentData() or ""))
        if function is None:
            self.error.show_message(self.tr("This report is not available in this build."))
            return
        period = self._chosen_period()
        if period is None:
            return
        out, area_id, store = Path(self.out.text()), self.area.currentData(), self.ctx.store

        def job(progress: workers.Progress, cancelled: workers.Cancelled) -> Any:
            with reopen(store) as reader:  # same key and user: the report's permission check and audit follow
                return function(
                    reader,
                    out=out,
                    start=period.start,
                    end=period.end,
                    area_id=area_id,
                    progress=progress,
                    cancelled=cancelled,
                )

        self.progress_seen = []
        self.status.setText("")
        self.open_pdf.setEnabled(False)
        self.progress.start(job, self.tr("Generating…"), lock=(self.generate,))

    def _finished(self, result: Any) -> None:
        self.pdf = Path(result) if result else Path(self.out.text())
        self.open_pdf.setEnabled(True)
        self.status.setText(self.tr("Done: %1").replace("%1", str(self.pdf)))
        self.report_done.emit(str(self.pdf))
