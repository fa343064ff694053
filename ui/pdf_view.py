"""A report's PDF shown inside the app, and printed as that very PDF.

A team lead checks the review before signing it: the preview is the file itself (Qt PDF), not a look-alike,
and so is what the printer gets — each page rendered at the printer's resolution and placed on the paper at
its real size, so the Decree 30 margins survive. No PDF program is needed on the laptop for either.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressDialog, QPushButton, QVBoxLayout, QWidget

from ui.widgets import run_once

POINTS_PER_INCH = 72
# A page is rendered at no more than this (an A4 page: 2480 × 3508 pixels, 35 MB) and scaled to the printer's
# resolution when drawn: a 1200 dpi printer would otherwise need over 500 MB per page.
RENDER_DPI = 300


def _render_size(points: QSizeF) -> QSize:
    return QSize(round(points.width() * RENDER_DPI / POINTS_PER_INCH),
                 round(points.height() * RENDER_DPI / POINTS_PER_INCH))


def open_pdf(path: Path, parent: QWidget) -> QPdfDocument | None:
    """The document, or None when the file is not a PDF Qt can read (damaged, removed, not a PDF)."""
    document = QPdfDocument(parent)
    if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() == 0:
        document.deleteLater()
        return None
    return document


class Printed(Enum):
    DONE = "done"
    NOT_PRINTED = "not_printed"  # the user closed the print dialog without printing
    CANCELLED = "cancelled"  # by the user, in the progress dialog: the pages not yet sent are dropped
    FAILED = "failed"  # the printer could not start (no paper size, an unwritable output file)


def print_pdf(document: QPdfDocument, printer: QPrinter, parent: QWidget | None = None) -> Printed:
    """The pages of `document` chosen in the print dialog (all by default) on `printer`, each at its real size
    from the paper's corner (the PDF has its own margins). With `parent`, a progress dialog follows a long
    document page by page and can cancel it."""
    first, last = printer.fromPage(), printer.toPage()  # 1-based; 0 when the user chose every page
    pages = range(first - 1 if first else 0, min(last, document.pageCount()) if last else document.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        return Printed.FAILED
    progress = _progress(parent, len(pages)) if parent is not None and len(pages) > 1 else None
    try:
        dpi_x, dpi_y = printer.logicalDpiX(), printer.logicalDpiY()
        for done, page in enumerate(pages):
            if progress is not None:
                progress.setValue(done)
                if progress.wasCanceled():
                    printer.abort()
                    return Printed.CANCELLED
            if done:
                printer.newPage()
            points = document.pagePointSize(page)
            on_paper = QSize(round(points.width() * dpi_x / POINTS_PER_INCH),
                             round(points.height() * dpi_y / POINTS_PER_INCH))
            image = document.render(page, on_paper if max(dpi_x, dpi_y) <= RENDER_DPI else _render_size(points))
            # the printable area starts inside the paper's edge: draw from the paper's corner instead
            offset = printer.pageLayout().paintRectPixels(printer.resolution()).topLeft()
            painter.drawImage(QRect(-offset.x(), -offset.y(), on_paper.width(), on_paper.height()), image)
    finally:
        painter.end()
        if progress is not None:
            progress.close()
            progress.deleteLater()  # a new one for each print: the page that printed stays open all day
    return Printed.DONE


def _progress(parent: QWidget, pages: int) -> QProgressDialog:
    title = QCoreApplication.translate("PdfPrinting", "Printing…")
    progress = QProgressDialog(title, QCoreApplication.translate("PdfPrinting", "Cancel"), 0, pages, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(500)
    return progress


def printing_message(outcome: Printed) -> str:
    """What the user reads once a print has ended, one way or the other."""
    if outcome is Printed.DONE:
        return QCoreApplication.translate("PdfPrinting", "Sent to the printer.")
    if outcome is Printed.NOT_PRINTED:
        return QCoreApplication.translate("PdfPrinting", "Not printed.")
    if outcome is Printed.CANCELLED:
        return QCoreApplication.translate("PdfPrinting", "Printing cancelled: the pages not yet sent were dropped.")
    return QCoreApplication.translate(
        "PdfPrinting", "The printer could not start. Check that it is connected and has paper.")


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The printer and settings the user chooses in the system's print dialog; None when they cancel."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)  # the PDF carries its own margins
    return printer if run_once(QPrintDialog(printer, parent)) else None


def send_to_printer(document: QPdfDocument, parent: QWidget, printer: QPrinter | None = None) -> Printed:
    """Print `document` on the printer chosen in the print dialog, or on `printer` as given (tests pass one
    writing a PDF file): the one way both the preview and the Reports page print."""
    printer = printer or ask_printer(parent)
    return Printed.NOT_PRINTED if printer is None else print_pdf(document, printer, parent)


class PdfPreview(QDialog):
    """The PDF, page after page, fitted to the width, with its page count and a Print button."""

    printed = Signal()

    def __init__(self, document: QPdfDocument, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.document = document
        document.setParent(self)
        self.view = QPdfView(self)
        self.view.setDocument(document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printPdf")
        self.print_button.clicked.connect(lambda: self.print_document())
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        self.status = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.pages)
        row.addWidget(self.status, 1)
        row.addWidget(self.print_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(900, 700)
        self.retranslate()

    def retranslate(self) -> None:
        self.pages.setText(self.tr("%n page(s)", "", self.document.pageCount()))
        self.print_button.setText(self.tr("&Print…"))
        self.close_button.setText(self.tr("&Close"))

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Through the print dialog, or on `printer` as given (tests pass one writing a PDF file)."""
        outcome = send_to_printer(self.document, self, printer)
        self.status.setText(printing_message(outcome))
        if outcome is not Printed.DONE:
            return False
        self.printed.emit()
        return True


def preview_pdf(path: Path, title: str, parent: QWidget) -> PdfPreview | None:
    """The preview of `path`, opened (not modal: the officer may keep working beside it); None when the file
    cannot be read as a PDF."""
    document = open_pdf(path, parent)
    if document is None:
        return None
    dialog = PdfPreview(document, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
