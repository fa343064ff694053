"""A report's PDF previewed inside the app and printed as that PDF (a real PDF printer writes the print out)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from tests.reports.pdfcheck import page_count, render
from ui.pdf_view import Printed, open_pdf, preview_pdf, print_pdf

PAGES = 3


def _report(path: Path) -> Path:
    """A three-page A4 document with a black block 30 mm from the top-left corner of each page."""
    drawing = canvas.Canvas(str(path), pagesize=A4)
    for page in range(PAGES):
        drawing.rect(30 * mm, A4[1] - 60 * mm, 40 * mm, 30 * mm, fill=1)
        drawing.drawString(30 * mm, 20 * mm, f"Trang {page + 1}")
        drawing.showPage()
    drawing.save()
    return path


def _ink_box(png: Path) -> tuple[int, int, int, int]:
    image = Image.open(png).convert("L").point(lambda value: 255 if value < 128 else 0)
    box = image.getbbox()
    assert box is not None, f"{png.name} is blank"
    return box


def test_the_preview_shows_the_pdf_itself_and_prints_it_at_its_real_size(qtbot, language, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    source = _report(tmp_path / "bao-cao.pdf")
    dialog = preview_pdf(source, "Báo cáo", parent)
    assert dialog is not None and dialog.isVisible()
    assert dialog.document.pageCount() == PAGES
    assert dialog.pages.text() == "3 trang"

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "ban-in.pdf"))
    assert dialog.print_document(printer)
    assert dialog.status.text() == "Đã gửi tới máy in."
    assert page_count(tmp_path / "ban-in.pdf") == PAGES
    original = render(source, tmp_path / "original", resolution=30)
    printed = render(tmp_path / "ban-in.pdf", tmp_path / "printed", resolution=30)
    assert len(printed) == PAGES
    for before, after in zip(original, printed, strict=True):
        # the block and the page number where the PDF has them (within 1.5 mm at 30 dpi), not shifted by the
        # printer's margins nor shrunk to fit them
        assert all(abs(a - b) <= 2 for a, b in zip(_ink_box(before), _ink_box(after), strict=True))


def test_a_file_that_is_not_a_pdf_opens_no_preview(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    broken = tmp_path / "bao-cao.pdf"
    broken.write_bytes(b"%PDF-1.4 cut short")
    assert preview_pdf(broken, "Báo cáo", parent) is None
    assert preview_pdf(tmp_path / "missing.pdf", "Báo cáo", parent) is None


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_pages_chosen_in_the_print_dialog_are_the_ones_printed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    document = open_pdf(_report(tmp_path / "bao-cao.pdf"), parent)
    assert document is not None
    printer = _pdf_printer(tmp_path / "trang-2-3.pdf")
    printer.setFromTo(2, 3)
    assert print_pdf(document, printer, parent) is Printed.DONE
    assert page_count(tmp_path / "trang-2-3.pdf") == 2


def test_printing_cancelled_in_its_progress_dialog_stops(qtbot, language, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressDialog, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = preview_pdf(_report(tmp_path / "bao-cao.pdf"), "Báo cáo", parent)
    assert dialog is not None
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _self: True)  # the user pressed Cancel
    assert dialog.print_document(_pdf_printer(tmp_path / "huy.pdf")) is False
    assert dialog.status.text() == "Đã hủy in: các trang chưa gửi đã bị bỏ."
