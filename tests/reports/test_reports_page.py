"""The app's Reports page: files named per report and period in Documents/WardBook, never replaced without
asking; the review as PDF, Word, XLSX and CSV; the narrative editor pre-filled with the drafts; every ward
setting with its default; the PDF previewed in the app and printed as itself (to a PDF printer here)."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from PySide6.QtPrintSupport import QPrinter

from desktop import i18n
from desktop.errors import WardbookError
from desktop.reports.figures import review_figures
from desktop.reports.narrative import drafts
from desktop.reports.notes import notes_for, set_note
from desktop.reports.periods import quarter
from desktop.store import Store
from tests.reports.pdfcheck import page_count
from ui.pages import report_notes
from ui.pages.report_notes import NotesDialog
from ui.pages.reports import ReportsPage, file_name, period_bounds

TODAY = date(2026, 7, 5)


@pytest.fixture
def page(demo_store: Store, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    import shiboken6

    from ui.context import AppContext
    from ui.language import LanguageManager

    language = LanguageManager()
    language.set_language("vi")
    ctx = AppContext(demo_store, language, today=lambda: TODAY)
    made = ReportsPage(ctx)
    made.folder = tmp_path / "Documents" / "WardBook"
    made._name_file()
    yield made
    made.close()
    shiboken6.delete(made)
    from PySide6.QtCore import QCoreApplication

    for translator in language._installed:  # leave the application's language as the next test expects it
        QCoreApplication.removeTranslator(translator)
    i18n.set_language("vi")


def _choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(data))


def test_periods_and_file_names(page: ReportsPage) -> None:
    assert period_bounds("last_quarter", TODAY) == (date(2026, 4, 1), date(2026, 6, 30))
    assert period_bounds("last_month", TODAY) == (date(2026, 6, 1), date(2026, 6, 30))
    assert period_bounds("last_year", TODAY) == (date(2025, 1, 1), date(2025, 12, 31))
    assert Path(page.out.text()) == page.folder / "bao-cao-so-ket-2026-Q3.pdf"
    _choose(page.period, "last_quarter")
    assert Path(page.out.text()).name == "bao-cao-so-ket-2026-Q2.pdf"
    _choose(page.area, page.area.itemData(1))
    assert page.area.currentText() == "Khu phố 1"
    assert Path(page.out.text()).name == "bao-cao-so-ket-2026-Q2-khu-pho-1.pdf"
    _choose(page.period, "last_year")
    assert Path(page.out.text()).name.startswith("bao-cao-tong-ket-2025")
    assert file_name("walklist", None, None, "pdf", TODAY) == "danh-sach-tham-ho-toan-phuong-2026-07-05.pdf"


def test_every_format_and_never_replacing_unasked(page: ReportsPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _choose(page.period, "last_quarter")
    made = {}
    for fmt, button in (("pdf", page.generate), ("docx", page.docx), ("xlsx", page.xlsx), ("csv", page.csv)):
        with qtbot.waitSignal(page.report_done, timeout=120_000) as done:
            button.click()
        made[fmt] = Path(done.args[0])
        assert made[fmt].suffix == f".{fmt}" and made[fmt].parent == page.folder and made[fmt].exists()
    with pdfplumber.open(made["pdf"]) as pdf:
        assert "BÁO CÁO" in pdf.pages[0].extract_text()
    assert any(p.text == "III. ĐÁNH GIÁ CHUNG" for p in docx.Document(str(made["docx"])).paragraphs)
    assert "Các chỉ tiêu chính" in openpyxl.load_workbook(made["xlsx"]).sheetnames
    assert made["csv"].read_text(encoding="utf-8-sig").count("2026-Q2") > 10
    before = made["pdf"].stat().st_mtime_ns
    asked: list[Path] = []
    page.confirm_overwrite = lambda path: asked.append(path) or False  # type: ignore[method-assign]
    _choose(page.period, "last_quarter")
    page.generate.click()
    assert asked == [made["pdf"]] and made["pdf"].stat().st_mtime_ns == before
    assert page.progress.worker is None


def test_whole_ward_walk_list(page: ReportsPage, qtbot) -> None:  # type: ignore[no-untyped-def]
    _choose(page.kind, "walklist")
    _choose(page.area, None)
    assert Path(page.out.text()).name == "danh-sach-tham-ho-toan-phuong-2026-07-05.pdf"
    with qtbot.waitSignal(page.report_done, timeout=120_000) as done:
        page.generate.click()
    with pdfplumber.open(done.args[0]) as pdf:
        assert "toàn phường" in pdf.pages[0].extract_text()
        assert "NGƯỜI LẬP" in pdf.pages[-1].extract_text()


def _notes(page: ReportsPage, qtbot) -> NotesDialog:  # type: ignore[no-untyped-def]
    """The narrative editor of the chosen period, once its drafts are in."""
    dialog = page.open_notes()
    assert isinstance(dialog, NotesDialog)
    with qtbot.waitSignal(dialog.drafts_ready, timeout=60_000):
        pass
    return dialog


def test_narrative_editor_starts_from_the_drafts(page: ReportsPage, demo_store: Store, qtbot) -> None:  # type: ignore[no-untyped-def]
    _choose(page.period, "last_quarter")
    dialog = _notes(page, qtbot)
    expected = drafts(review_figures(demo_store, quarter(2026, 2), today=TODAY), "vi")
    assert dialog.edits["tasks"].toPlainText() == expected["tasks"]
    dialog.edits["lessons"].setPlainText("Bám sát địa bàn.\nPhối hợp với tổ dân phố.")
    dialog.edits["proposals"].setPlainText("")
    dialog.save()
    assert notes_for(demo_store, "2026-Q2", None) == {"lessons": "Bám sát địa bàn.\nPhối hợp với tổ dân phố."}
    again = _notes(page, qtbot)
    assert again.edits["lessons"].toPlainText().startswith("Bám sát địa bàn.")
    assert again.edits["tasks"].toPlainText() == expected["tasks"]
    again.close()


def test_narrative_drafts_are_made_off_the_ui_thread(  # type: ignore[no-untyped-def]
    page: ReportsPage, demo_store: Store, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While the worker computes the figures, the dialog shows what was written, read-only, a busy bar and
    no usable Save; then the drafts fill the other sections."""
    set_note(demo_store, "2026-Q2", "lessons", "Bám sát địa bàn.")
    threads: list[threading.Thread] = []
    real = report_notes.review_figures

    def figures(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(report_notes, "review_figures", figures)
    _choose(page.period, "last_quarter")
    dialog = page.open_notes()
    assert isinstance(dialog, NotesDialog)
    # nothing the worker sends is handled before the event loop runs again: this is the dialog as it opens
    assert dialog.progress.isVisibleTo(dialog) and dialog.progress.bar.maximum() == 0  # busy
    assert not dialog.save_button.isEnabled() and all(edit.isReadOnly() for edit in dialog.edits.values())
    assert dialog.edits["lessons"].toPlainText() == "Bám sát địa bàn."
    assert dialog.edits["tasks"].toPlainText() == "" and dialog.edits["tasks"].placeholderText()
    with qtbot.waitSignal(dialog.drafts_ready, timeout=60_000):
        pass
    assert threads and threading.main_thread() not in threads
    assert not dialog.progress.isVisibleTo(dialog) and dialog.save_button.isEnabled()
    assert not any(edit.isReadOnly() for edit in dialog.edits.values())
    assert dialog.edits["lessons"].toPlainText() == "Bám sát địa bàn."  # what was written stays
    assert dialog.edits["tasks"].toPlainText().strip()
    dialog.close()


@pytest.mark.parametrize("how", ["closed", "deleted"])
def test_closing_the_editor_while_drafting_cancels_it(  # type: ignore[no-untyped-def]
    page: ReportsPage, demo_store: Store, qtbot, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    import shiboken6

    gate = threading.Event()
    asked: list[bool] = []
    real = report_notes.review_figures

    def figures(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(30)  # the lead closes the dialog while the figures are read
        asked.append(kwargs["cancelled"]())
        return real(*args, **kwargs)

    monkeypatch.setattr(report_notes, "review_figures", figures)
    _choose(page.period, "last_quarter")
    dialog = page.open_notes()
    assert isinstance(dialog, NotesDialog)
    worker = dialog.progress.worker
    assert worker is not None
    if how == "closed":
        dialog.reject()
        assert worker.is_cancelled()
    else:
        shiboken6.delete(dialog)  # gone with its page, the worker still running
    gate.set()
    qtbot.waitUntil(worker.done.is_set, timeout=60_000)
    qtbot.wait(50)  # let what the worker sent arrive
    if how == "closed":
        assert asked == [True] and dialog.drafts is None
        # Closed, the dialog is deleted (a team lead opens it many times a day): nothing of the drafts reached it.
        assert not shiboken6.isValid(dialog)
    assert notes_for(demo_store, "2026-Q2", None) == {}


def test_ward_settings_show_defaults_and_save(page: ReportsPage, demo_store: Store) -> None:
    dialog = page.open_settings()
    assert dialog.edits["report.signer_capacity"].placeholderText() == "TM. ỦY BAN NHÂN DÂN"
    assert dialog.edits["report.signer_post"].placeholderText() == "CHỦ TỊCH"
    assert dialog.edits["report.issuing_body"].placeholderText().startswith("ỦY BAN NHÂN DÂN")
    dialog.edits["report.addressee"].setText("Ủy ban nhân dân Quận 1")
    dialog.edits["report.target.coverage"].setText("chín mươi")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and demo_store.setting("report.addressee") is None  # nothing half saved
    dialog.edits["report.target.coverage"].setText("90")
    dialog.save()
    assert dialog.notice.text() and not dialog.error.isVisibleTo(dialog)
    assert demo_store.setting("report.addressee") == "Ủy ban nhân dân Quận 1"
    assert demo_store.setting("report.target.coverage") == "90"
    dialog.close()


def test_the_pdf_is_previewed_in_the_app_and_printed_as_itself(  # type: ignore[no-untyped-def]
    page: ReportsPage, demo_store: Store, qtbot, tmp_path
) -> None:
    _choose(page.period, "last_quarter")
    with qtbot.waitSignal(page.report_done, timeout=120_000):
        page.generate.click()
    made = page.pdf
    assert made is not None
    preview = page.preview()
    assert preview is not None and preview.document.pageCount() == page_count(made)
    preview.done(0)

    printed_before = demo_store.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'print'").fetchone()[0]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(page.printed, timeout=120_000):
        page.print_review(printer)  # the PDF just made: printed as it is, not made again
    assert page_count(tmp_path / "printed.pdf") == page_count(made)
    assert page.status.text() == "Đã gửi tới máy in."
    assert demo_store.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'print'").fetchone()[0] == (
        printed_before + 1)

    made.unlink()  # moved away behind the app's back: a sentence, no preview, no crash
    assert page.preview() is None
    assert "không còn đọc được" in page.error.text() and not page.open_pdf.isEnabled()


def test_print_never_prints_a_pdf_made_for_other_choices(page: ReportsPage, qtbot, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The user's own file name stays when the period changes: Print must make that period's PDF, not print the
    one made before for the last period."""
    _choose(page.period, "last_quarter")
    page.out.setText(str(tmp_path / "cua-toi.pdf"))
    page.custom_out = True
    with qtbot.waitSignal(page.report_done, timeout=120_000):
        page.generate.click()
    last_quarter = (tmp_path / "cua-toi.pdf").read_bytes()
    _choose(page.period, "last_year")
    monkeypatch.setattr(page, "confirm_overwrite", lambda _path: True)  # the user agrees to replace the file
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(page.printed, timeout=120_000):
        page.print_review(printer)
    assert (tmp_path / "cua-toi.pdf").read_bytes() != last_quarter  # made again, for the year
    with pdfplumber.open(tmp_path / "cua-toi.pdf") as pdf:
        assert "NĂM" in (pdf.pages[0].extract_text() or "").upper()


def test_print_makes_the_pdf_first_when_none_is_made(page: ReportsPage, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _choose(page.period, "last_quarter")
    page.out.setText(str(tmp_path / "in-ngay.pdf"))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(page.printed, timeout=120_000):
        page.print_review(printer)
    assert (tmp_path / "in-ngay.pdf").exists()
    assert page_count(tmp_path / "printed.pdf") == page_count(tmp_path / "in-ngay.pdf") > 1


def test_drafts_that_cannot_be_made_leave_the_editor_closed_to_saving(  # type: ignore[no-untyped-def]
    page: ReportsPage, demo_store: Store, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def figures(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise WardbookError("reports.no_such_officer", value="x")

    monkeypatch.setattr(report_notes, "review_figures", figures)
    _choose(page.period, "last_quarter")
    dialog = page.open_notes()
    assert isinstance(dialog, NotesDialog)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog), timeout=60_000)
    assert dialog.error.text() == WardbookError("reports.no_such_officer", value="x").message()
    assert not dialog.save_button.isEnabled() and all(edit.isReadOnly() for edit in dialog.edits.values())
    assert not dialog.progress.isVisibleTo(dialog)
    dialog.close()


def test_a_file_of_another_kind_is_not_replaced_even_when_agreed(page: ReportsPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The user agrees to replace the name chosen, but the file there is a spreadsheet renamed .pdf: it stays,
    and the page says why in words."""
    _choose(page.period, "last_quarter")
    target = Path(page.out.text())
    target.parent.mkdir(parents=True)
    book = openpyxl.Workbook()
    book.save(target)
    kept = target.read_bytes()
    page.confirm_overwrite = lambda _path: True  # type: ignore[method-assign]
    page.generate.click()
    qtbot.waitUntil(lambda: bool(page.error.text()), timeout=120_000)
    assert page.error.text() == WardbookError("files.other_kind", path=str(target), kind="PDF").message("vi")
    assert target.read_bytes() == kept


def test_the_page_says_before_printing_when_the_ward_has_no_name(store: Store) -> None:
    """A register set up by import has no ward name: the page says the heading will carry a line to fill in by
    hand and where the name is entered; once it is saved in the ward settings, the warning goes."""
    import shiboken6

    from desktop.register.households import add_area
    from ui.context import AppContext
    from ui.language import LanguageManager

    add_area(store, "Khu phố 1")
    page = ReportsPage(AppContext(store, LanguageManager(), today=lambda: TODAY))
    try:
        page.show()
        assert page.ward_warning.isVisible() and "………………" in page.ward_warning.text()
        dialog = page.open_settings()
        assert dialog.edits["report.ward_name"].placeholderText() == ""
        dialog.edits["report.ward_name"].setText("Phường Chợ Lớn")
        dialog.save()
        assert store.setting("report.ward_name") == "Phường Chợ Lớn"
        dialog.close()
        assert not page.ward_warning.isVisible()
    finally:
        page.close()
        shiboken6.delete(page)  # not left to answer a later test's change of language on a closed register


def test_the_demo_ward_is_named_and_no_warning_shows(page: ReportsPage) -> None:
    page.show()
    assert not page.ward_warning.isVisible()
    dialog = page.open_settings()
    assert dialog.edits["report.ward_name"].placeholderText() == "Phường Demo"  # the areas' ward name, as default
    dialog.close()
