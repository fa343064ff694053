"""Reports: choose the report, the period and the area; write the review's text; make the PDF, the Word
copy or the figures (XLSX, CSV) in the background; preview and print.

The documents are made by the jobs of `desktop.reports.jobs` (see `report_function`); each is called in a
worker thread as `fn(store, *, out, start, end, area_id, progress, cancelled)` (plus `fmt=` for a Word copy
or the figures) and returns the path of the file it wrote. Files go to Documents/WardBook by default, named
after the report, the period and the area, and an existing file is never replaced without asking. A name the
user types or chooses is kept when the choices change; only its extension follows the file type made.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import files
from desktop.errors import WardbookError
from desktop.register.validation import parse_date
from desktop.reports.periods import Period, date_range, last_complete, running
from desktop.reports.settings import missing_ward_name
from desktop.search.folding import fold
from desktop.security import audit
from desktop.security.database import reopen
from desktop.store.queries import list_areas
from ui import workers
from ui.context import AppContext
from ui.language import fmt_date
from ui.progress import JobProgress
from ui.widgets import FieldError, Page, kind_suffix, with_chosen_suffix

if TYPE_CHECKING:
    from ui.pdf_view import PdfPreview  # Qt PDF: loaded when a report is previewed or printed

REPORTS = ("review", "walklist")
PERIODS = ("quarter", "last_quarter", "month", "last_month", "half", "year", "last_year", "custom")
FORMATS = ("pdf", "docx", "xlsx", "csv")


def report_function(kind: str) -> Callable[..., Any]:
    """The core job that makes the report `kind`. Imported when a report is made, not when the window opens:
    the jobs bring in reportlab and the report modules, a visible part of the start's budget."""
    from desktop.reports import jobs

    functions: dict[str, Callable[..., Any]] = {"review": jobs.periodic_review, "walklist": jobs.walk_list}
    return functions[kind]


def period_bounds(period: str, today: date) -> tuple[date, date]:
    """The current month / quarter / half-year / year up to its last day, or the last complete one."""
    chosen = last_complete(period[5:], today) if period.startswith("last_") else running(period, today)
    return chosen.start, chosen.end


def default_folder() -> Path:
    """Documents/WardBook: where a user looks for what they printed."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents or Path.home()) / "WardBook"


def _slug(value: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in fold(value)).split())


def file_name(kind: str, period: Period | None, area: str | None, fmt: str, today: date) -> str:
    """ "bao-cao-so-ket-2026-Q2-khu-pho-1.pdf", "danh-sach-tham-ho-toan-phuong-2026-07-05.pdf": one name per
    report, period and area, so reports of different periods never share a file."""
    if kind == "walklist":
        return f"danh-sach-tham-ho-{_slug(area) if area else 'toan-phuong'}-{today.isoformat()}.{fmt}"
    code = period.code.replace("..", "-den-") if period else today.isoformat()
    review = "tong-ket" if period is not None and period.kind == "year" else "so-ket"
    return f"bao-cao-{review}-{code}{'-' + _slug(area) if area else ''}.{fmt}"


def typed_path(text: str, fmt: str, folder: Path) -> Path | None:
    """The file a name typed under "Save as" stands for (None: no name). `~` is the home folder. A name without
    its folder goes to `folder`, the page's (Documents/WardBook), where its own names go: the folder the app
    happens to run in depends on how it was started, and nobody looks there. The name ends in `.fmt`: the
    extension of another report kind is replaced (one name serves the PDF and its Word copy), any other dot is
    part of the name. A folder stays as typed, for `files.check_target` to refuse in words."""
    if not text.strip():
        return None
    path = Path(os.path.expanduser(text.strip()))
    if not path.is_absolute():
        path = folder / path
    with suppress(OSError, ValueError):  # a name the system refuses (too long, a NUL): `check_target` says why
        if path.is_dir():
            return path
    return path.with_suffix(f".{fmt}") if kind_suffix(path) else path.with_name(f"{path.name}.{fmt}")


class ReportsPage(Page):
    report_done = Signal(str)
    printed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        functions: Mapping[str, Callable[..., Any]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`functions`: the report jobs by kind, in place of the core's (`report_function`)."""
        super().__init__(ctx, parent)
        self.functions: Mapping[str, Callable[..., Any]] | None = functions
        self.pdf: Path | None = None
        # What the PDF was made for (report, period, area, file): Print prints it only for the same choices.
        self._pdf_for: tuple[object, ...] | None = None
        self._making: tuple[object, ...] | None = None
        self.progress_seen: list[tuple[int, int]] = []
        self.kind = QComboBox(self)
        self.period = QComboBox(self)
        self.start = QLineEdit(self)
        self.end = QLineEdit(self)
        self.area = QComboBox(self)
        self.out = QLineEdit(self)
        self.custom_out = False  # the user typed or chose the file: keep it when the report, period or area changes
        self.browse = QPushButton(self)
        self.generate = QPushButton(self)
        self.generate.setObjectName("generateReport")
        self.docx = QPushButton(self)
        self.xlsx = QPushButton(self)
        self.csv = QPushButton(self)
        self.open_pdf = QPushButton(self)
        self.open_pdf.setEnabled(False)
        self.print_button = QPushButton(self)
        self.notes = QPushButton(self)
        self.settings = QPushButton(self)
        self.commendations = QPushButton(self)
        self.fmt = "pdf"
        self._printer: Any = None
        self._print_next = False  # the PDF being made is to be printed when done
        self.progress = JobProgress(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = FieldError(self)
        self.ward_warning = QLabel(self)  # said before printing: the heading would name no ward
        self.ward_warning.setObjectName("wardNameMissing")
        self.ward_warning.setWordWrap(True)

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
        for button in (self.generate, self.docx, self.xlsx, self.csv, self.open_pdf, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        extras = QHBoxLayout()
        for button in (self.notes, self.commendations, self.settings):
            extras.addWidget(button)
        extras.addStretch(1)
        for field in (self.start, self.end):
            field.setMaximumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addLayout(self.form)
        layout.addWidget(self.ward_warning)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addLayout(extras)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.period.currentIndexChanged.connect(lambda _i: self._apply_period())
        self.kind.currentIndexChanged.connect(lambda _i: self._name_file())
        self.area.currentIndexChanged.connect(lambda _i: self._name_file())
        self.end.editingFinished.connect(self._name_file)
        self.out.textEdited.connect(self._typed_name)
        self.generate.clicked.connect(lambda: self.start_report("pdf"))
        self.docx.clicked.connect(lambda: self.start_report("docx"))
        self.xlsx.clicked.connect(lambda: self.start_report("xlsx"))
        self.csv.clicked.connect(lambda: self.start_report("csv"))
        self.print_button.clicked.connect(self.print_review)
        self.notes.clicked.connect(self.open_notes)
        self.settings.clicked.connect(self.open_settings)
        self.progress.progressed.connect(lambda done, total, _message: self.progress_seen.append((done, total)))
        self.progress.finished.connect(self._finished)
        self.progress.failed.connect(self.error.show_message)
        self.progress.cancelled.connect(lambda: self.status.setText(self.tr("Cancelled.")))
        self.open_pdf.clicked.connect(self.preview)
        self.browse.clicked.connect(self._browse)
        self.commendations.clicked.connect(self.open_commendations)
        self.folder = default_folder()
        self.retranslate()
        self._apply_period()

    def title(self) -> str:
        return self.tr("Reports")

    def retranslate(self) -> None:
        names = {"review": self.tr("Periodic review (sơ kết / tổng kết)"), "walklist": self.tr("Walk list")}
        self.kind.blockSignals(True)
        current = self.kind.currentData()
        self.kind.clear()
        for key in REPORTS if self.functions is None else self.functions:
            self.kind.addItem(names.get(key, key), key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.blockSignals(False)
        period_names = {
            "month": self.tr("This month"),
            "last_month": self.tr("Last month"),
            "quarter": self.tr("This quarter"),
            "last_quarter": self.tr("Last quarter"),
            "half": self.tr("This half-year"),
            "year": self.tr("This year"),
            "last_year": self.tr("Last year"),
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
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("Whole ward"), None)
        for row in list_areas(self.ctx.store):
            self.area.addItem(str(row["name"]), row["id"])
        self.area.setCurrentIndex(max(0, self.area.findData(area)))
        self.area.blockSignals(False)
        for label_widget, text in zip(
            self.labels,
            (self.tr("Report"), self.tr("Period"), self.tr("Area"), self.tr("Save as")),
            strict=True,
        ):
            label_widget.setText(text)
        self.browse.setText(self.tr("Choose…"))
        self.generate.setText(self.tr("Make PDF"))
        self.docx.setText(self.tr("Word copy (DOCX)"))
        self.xlsx.setText(self.tr("Figures to Excel (XLSX)"))
        self.csv.setText(self.tr("Figures to CSV"))
        self.open_pdf.setText(self.tr("Preview"))
        self.print_button.setText(self.tr("Print…"))
        self.notes.setText(self.tr("Write the report's text…"))
        self.settings.setText(self.tr("Ward settings…"))
        self.commendations.setText(self.tr("Commendations of this period…"))
        self.ward_warning.setText(self.tr(
            "The ward's name is not set: reports print “ỦY BAN NHÂN DÂN PHƯỜNG ………………” for it to be written in by "
            "hand. An administrator enters it once under “Ward settings…”."))
        self._show_ward_warning()

    def _show_ward_warning(self) -> None:
        self.ward_warning.setVisible(missing_ward_name(self.ctx.store))

    def refresh(self) -> None:
        """Shown again: a period that runs from today ("This quarter", "Last month") is worked out from today
        again, so a page left open across a month, quarter or year end does not offer the last period's dates
        and file name. Dates typed in "Dates…" and a file name typed or chosen stay as they are."""
        self._apply_period()
        self._show_ward_warning()

    def _apply_period(self) -> None:
        key = self.period.currentData()
        custom = key == "custom"
        self.start.setReadOnly(not custom)
        self.end.setReadOnly(not custom)
        if not custom and key:
            start, end = period_bounds(key, self.ctx.today())
            self.start.setText(fmt_date(start.isoformat()))
            self.end.setText(fmt_date(end.isoformat()))
        self._name_file()

    def _name_file(self, fmt: str = "pdf") -> None:
        """The file's default name from the report, the period and the area, in the default folder."""
        if self.custom_out:
            return
        period = self._chosen_period(quiet=True)
        name = file_name(
            self.kind.currentData() or "review", period, self.area.currentText() if self.area.currentData() else None,
            fmt, self.ctx.today(),
        )
        self.out.setText(str(self.folder / name))

    def _typed_name(self, text: str) -> None:
        """A name typed by hand is chosen, as one picked with Choose… is; emptied, the page names the file again
        at the next change of report, period or area."""
        self.custom_out = bool(text.strip())

    def _browse(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Save report as"), self.out.text(), "PDF (*.pdf);;Word (*.docx);;Excel (*.xlsx);;CSV (*.csv)"
        )
        path = with_chosen_suffix(path, chosen)
        if path:
            self.out.setText(path)
            self.custom_out = True

    def _chosen_period(self, quiet: bool = False) -> Period | None:
        """The period in the date fields (a calendar month, quarter, half or year gets its name)."""
        try:
            start = parse_date(self.start.text(), required=True, field="start")
            end = parse_date(self.end.text(), required=True, field="end")
            assert start and end
            return date_range(date.fromisoformat(start), date.fromisoformat(end))
        except WardbookError as error:
            if not quiet:
                self.error.show_message(error.message())
            return None

    def open_commendations(self) -> QDialog | None:
        """The proposals the review of the chosen period will print, to add to or decide on."""
        from ui.commendations_dialog import CommendationsDialog  # opened from here only: not loaded at start

        self.error.clear_message()
        period = self._chosen_period()
        if period is None:
            return None
        dialog = CommendationsDialog(self.ctx, period, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # opened again and again: not kept
        dialog.open()
        return dialog

    def open_notes(self) -> QDialog | None:
        """The review's text for the chosen period and area, sections pre-filled with the draft."""
        from ui.pages.report_notes import NotesDialog

        self.error.clear_message()
        period = self._chosen_period()
        if period is None:
            return None
        try:
            dialog = NotesDialog(self.ctx, period, self.area.currentData(), self)
        except WardbookError as error:
            self.error.show_message(error.message())
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_settings(self) -> QDialog:
        from ui.pages.report_settings import ReportSettingsDialog

        dialog = ReportSettingsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._show_ward_warning())
        dialog.open()
        return dialog

    def confirm_overwrite(self, path: Path) -> bool:
        """Ask before replacing a file that is already there (a signed copy may be in that folder)."""
        answer = QMessageBox.question(
            self,
            self.tr("Replace file?"),
            self.tr("%1 already exists. Replace it?").replace("%1", str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _target(self, fmt: str) -> Path | None:
        """The file the report is to be written to, refused before any work when it cannot be (no name, a folder,
        a database, a file of another kind: the core's `check_target` says why); None once the page said why."""
        out = typed_path(self.out.text(), fmt, self.folder)
        if out is None:
            self.error.show_message(self.tr("Type a file name under “Save as”, or press “Choose…” to choose where "
                                            "the report is saved."))
            return None
        try:
            return files.check_target(out, fmt)
        except WardbookError as error:
            self.error.show_message(error.message())
            return None

    def start_report(self, fmt: str = "pdf") -> None:
        self.error.clear_message()
        kind = self.kind.currentData() or ""
        if kind != "review" and fmt != "pdf":
            self.error.show_message(self.tr("A walk list is made as a PDF only."))
            return
        period = self._chosen_period()
        if period is None:
            return
        if fmt != "pdf" and not self.custom_out:
            self._name_file(fmt)
        out = self._target(fmt)
        if out is None:
            return
        self.out.setText(str(out))
        if out.exists() and not self.confirm_overwrite(out):
            self.status.setText(self.tr("Not replaced: %1").replace("%1", str(out)))
            return
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.error.show_message(self.tr("The folder %1 cannot be made.").replace("%1", str(out.parent)))
            return
        area_id, store = self.area.currentData(), self.ctx.store
        extra: dict[str, Any] = {"fmt": fmt} if fmt != "pdf" else {}
        function = report_function(kind) if self.functions is None else self.functions[kind]

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
                    **extra,
                )

        self.fmt = fmt
        self._making = (kind, period.code, area_id, out)
        self.progress_seen = []
        self.status.setText("")
        self.open_pdf.setEnabled(False)
        self.progress.start(job, self.tr("Generating…"),
                            lock=(self.generate, self.docx, self.xlsx, self.csv, self.print_button))

    def preview(self) -> PdfPreview | None:
        """The PDF made last, inside the app (Qt PDF), with its own Print button; a sentence when the file can no
        longer be read (moved, deleted, damaged)."""
        from ui.pdf_view import preview_pdf

        if self.pdf is None:
            return None
        dialog = preview_pdf(self.pdf, self.pdf.name, self)
        if dialog is None:
            self._unreadable(self.pdf)
            return None
        dialog.printed.connect(lambda path=self.pdf: self._record_printed(path))
        return dialog

    def print_review(self, printer: Any = None) -> None:
        """Print the report as its PDF: the one just made for these choices, or made first (as Generate does);
        through the print dialog, or on `printer` (tests pass one writing a PDF)."""
        self.error.clear_message()
        self._printer = printer
        period = self._chosen_period(quiet=True)
        out = typed_path(self.out.text(), "pdf", self.folder)
        chosen = (self.kind.currentData() or "", period.code if period else None, self.area.currentData(), out)
        if out is not None and self.pdf is not None and self._pdf_for == chosen and out.exists():
            self._print_pdf(out)
            return
        self._print_next = True
        self.start_report("pdf")
        if self.progress.worker is None:  # refused before it started (a bad period, a file not replaced)
            self._print_next = False

    def _print_pdf(self, path: Path) -> None:
        from ui.pdf_view import Printed, open_pdf, printing_message, send_to_printer

        document = open_pdf(path, self)
        if document is None:
            self._unreadable(path)
            return
        try:
            outcome = send_to_printer(document, self, self._printer)
            if outcome is Printed.DONE:
                self._record_printed(path)
            else:
                self.status.setText(printing_message(outcome))
        finally:
            document.deleteLater()

    def _record_printed(self, path: Path) -> None:
        from ui.pdf_view import Printed, printing_message

        audit.record(self.ctx.store, "print", None, None, {"report": self.kind.currentData() or "",
                                                           "file": path.name})
        self.status.setText(printing_message(Printed.DONE))
        self.printed.emit()

    def _unreadable(self, path: Path) -> None:
        self.open_pdf.setEnabled(False)
        self.error.show_message(self.tr("The PDF %1 can no longer be read (moved, deleted or damaged). Make it "
                                        "again.").replace("%1", str(path)))

    def _finished(self, result: Any) -> None:
        from desktop.reports.jobs import Made  # loaded with the report's job already

        made = result if isinstance(result, Made) else Made(str(result or self.out.text()))
        path = Path(made.path)
        if self.fmt == "pdf":
            self.pdf, self._pdf_for = path, self._making
        self.open_pdf.setEnabled(self.pdf is not None)
        done = self.tr("Done: %1").replace("%1", str(path))
        self.status.setText(f"{done}\n{made.note}" if made.note else done)  # figures unlike a print signed before
        self.report_done.emit(str(path))
        if self._print_next and self.fmt == "pdf":
            self._print_next = False
            self._print_pdf(path)
