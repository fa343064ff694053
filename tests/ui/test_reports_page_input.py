"""The Reports page as a careless user drives it: file names typed by hand under “Lưu thành”, a cleared name,
text typed into the review's editor or the ward settings and then closed, a team lead opening the settings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox, QPlainTextEdit

from desktop.errors import WardbookError
from desktop.reports.notes import notes_for
from tests.ui.test_security_ui import accounts, window_as  # noqa: F401  (the fixtures of a logged-in window)
from ui.pages.report_notes import NotesDialog
from ui.pages.report_settings import ReportSettingsDialog
from ui.pages.reports import ReportsPage

EMPTY_NAME = "Hãy nhập tên tệp ở ô “Lưu thành”, hoặc bấm “Chọn…” để chọn nơi lưu báo cáo."


@pytest.fixture
def page(ctx, owned, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ReportsPage]:  # type: ignore[no-untyped-def]
    """The page with its default folder, the home folder and the working folder of the process all under
    `tmp_path`, so a file landing in the wrong one is seen."""
    for folder in ("home", "cwd"):
        (tmp_path / folder).mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path / "cwd")
    made = ReportsPage(ctx)
    owned.append(made)
    made.folder = tmp_path / "Documents" / "WardBook"
    made._name_file()
    yield made


def _files(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


def _make(page: ReportsPage, qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type `text` as the file's name and press Make PDF; wait for the report when one was started."""
    page.out.clear()
    qtbot.keyClicks(page.out, text)
    page.generate.click()
    if page.progress.worker is not None:
        with qtbot.waitSignal(page.report_done, timeout=120_000):
            pass


@pytest.mark.parametrize("typed", ["", "   "])
def test_a_report_without_a_file_name_is_asked_for_and_nothing_is_written(  # type: ignore[no-untyped-def]
        page: ReportsPage, qtbot, tmp_path: Path, typed: str) -> None:
    _make(page, qtbot, typed)
    assert page.error.text() == EMPTY_NAME and page.error.isVisibleTo(page)
    assert page.progress.worker is None and page.status.text() == ""
    assert _files(tmp_path / "cwd") == [] and not page.folder.exists()


def test_typed_file_names_land_where_the_user_meant(page: ReportsPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """`~` is the home folder; a name without a folder goes to the page's folder (Documents/WardBook), never to
    whatever folder the app was started from; a dot in the name is not an extension; a folder is refused."""
    page.kind.setCurrentIndex(page.kind.findData("walklist"))
    page.area.setCurrentIndex(1)  # the walk list of one khu phố: a real report, quickly made
    _make(page, qtbot, "~/so-ket.pdf")
    assert (tmp_path / "home" / "so-ket.pdf").is_file()
    assert page.out.text() == str(tmp_path / "home" / "so-ket.pdf")

    _make(page, qtbot, "Bao cao so ket 30.06")
    assert (page.folder / "Bao cao so ket 30.06.pdf").is_file()
    assert page.out.text() == str(page.folder / "Bao cao so ket 30.06.pdf")

    folder = tmp_path / "bao-cao"
    folder.mkdir()
    _make(page, qtbot, str(folder))
    assert page.error.text() == WardbookError("files.is_directory", path=str(folder)).message("vi")
    assert page.progress.worker is None and not (tmp_path / "bao-cao.pdf").exists()
    assert _files(tmp_path / "cwd") == [] and _files(folder) == []


def test_a_name_typed_by_hand_is_kept_when_the_choices_change(page: ReportsPage, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    typed = str(tmp_path / "bao-cao-gui-phuong-ban-ky.pdf")
    page.out.clear()
    qtbot.keyClicks(page.out, typed)
    page.area.setCurrentIndex(1)
    page.period.setCurrentIndex(page.period.findData("last_year"))
    page.kind.setCurrentIndex(page.kind.findData("walklist"))
    assert page.out.text() == typed
    page.out.selectAll()
    qtbot.keyClick(page.out, Qt.Key.Key_Backspace)  # emptied by the user: the page names the file again
    page.area.setCurrentIndex(2)
    assert Path(page.out.text()).parent == page.folder and Path(page.out.text()).name.startswith("danh-sach")


def test_a_page_left_open_across_a_year_end_offers_the_new_period(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    now = [date(2026, 12, 31)]
    window.ctx.today = lambda: now[0]
    window.show_page("reports")
    page = window.reports
    assert (page.period.currentData(), page.start.text(), page.end.text()) == ("quarter", "01/10/2026", "31/12/2026")
    now[0] = date(2027, 1, 2)  # the laptop slept over the New Year with the window open
    window.show_page("households")
    window.show_page("reports")
    assert (page.start.text(), page.end.text()) == ("01/01/2027", "31/03/2027")
    assert Path(page.out.text()).name == "bao-cao-so-ket-2027-Q1.pdf"
    typed = str(tmp_path / "so-ket-gui-phuong.pdf")  # a name typed by hand stays, the period still moves on
    page.out.clear()
    qtbot.keyClicks(page.out, typed)
    now[0] = date(2027, 4, 1)
    window.show_page("households")
    window.show_page("reports")
    assert (page.start.text(), page.end.text(), page.out.text()) == ("01/04/2027", "30/06/2027", typed)


def test_dates_typed_for_a_report_stay_when_the_page_is_shown_again(window) -> None:  # type: ignore[no-untyped-def]
    window.ctx.today = lambda: date(2026, 12, 31)
    window.show_page("reports")
    page = window.reports
    page.period.setCurrentIndex(page.period.findData("custom"))
    page.start.setText("01/02/2026")
    page.end.setText("15/02/2026")
    window.ctx.today = lambda: date(2027, 1, 2)
    window.show_page("households")
    window.show_page("reports")
    assert (page.period.currentData(), page.start.text(), page.end.text()) == ("custom", "01/02/2026", "15/02/2026")


def _answer(dialog, button: QMessageBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    (box,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    box.button(button).click()


def test_the_reviews_text_is_not_thrown_away_unasked(page: ReportsPage, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    page.period.setCurrentIndex(page.period.findData("last_quarter"))
    dialog = page.open_notes()
    assert isinstance(dialog, NotesDialog)
    with qtbot.waitSignal(dialog.drafts_ready, timeout=60_000):
        pass
    qtbot.keyClick(dialog.edits["lessons"], Qt.Key.Key_Escape)  # the drafts are in, nothing typed: closes
    assert not dialog.isVisible()

    dialog = page.open_notes()
    assert isinstance(dialog, NotesDialog)
    with qtbot.waitSignal(dialog.drafts_ready, timeout=60_000):
        pass
    edit = dialog.edits["lessons"]
    edit.selectAll()
    qtbot.keyClicks(edit, "Bam sat dia ban")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    _answer(dialog, QMessageBox.StandardButton.No)  # No: the editor and what was typed stay
    assert dialog.isVisible() and edit.toPlainText() == "Bam sat dia ban"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()  # Cancel asks the same
    _answer(dialog, QMessageBox.StandardButton.Yes)
    assert not dialog.isVisible() and notes_for(ctx.store, "2026-Q2", None) == {}


def test_ward_settings_typed_are_not_thrown_away_unasked(page: ReportsPage, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = page.open_settings()
    name = dialog.edits["report.signer_name"]
    qtbot.keyClicks(name, "Nguyen Thi Huong")
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    _answer(dialog, QMessageBox.StandardButton.No)
    assert dialog.isVisible() and name.text() == "Nguyen Thi Huong"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert ctx.store.setting("report.signer_name") == "Nguyen Thi Huong"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()  # saved: closes without a question
    assert not dialog.isVisible()


def test_a_team_lead_sees_the_ward_settings_read_only(window_as) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    lead = window_as("totruong")
    lead.show_page("reports")
    dialog = lead.reports.open_settings()
    assert isinstance(dialog, ReportSettingsDialog)
    fields = dialog.findChildren(QLineEdit) + dialog.findChildren(QPlainTextEdit)
    assert fields and all(field.isReadOnly() for field in fields)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None
    assert dialog.hint.text() == ("Chỉ quản trị viên được thay đổi các thông tin này. Báo cáo in đúng như dưới "
                                 "đây; ô để trống in giá trị mặc định (chữ màu xám).")
    dialog.close()
    admin = window_as("quantri")
    admin.show_page("reports")
    dialog = admin.reports.open_settings()
    assert not any(field.isReadOnly() for field in dialog.findChildren(QLineEdit))
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is not None
    dialog.close()


@pytest.mark.parametrize("typed", ["Báo cáo " * 60, "bao\x00cao"])
def test_a_name_the_system_refuses_is_told_in_a_sentence(page: ReportsPage, qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         typed: str) -> None:
    """Seen: a name over 255 bytes (OSError) or with a NUL pasted in (ValueError) raised out of the click."""
    page.kind.setCurrentIndex(page.kind.findData("walklist"))
    page.area.setCurrentIndex(1)
    page.out.setText(typed)  # pasted: QTest cannot type a NUL
    page.generate.click()
    if page.progress.worker is not None:  # refused by the job's own check of its output
        qtbot.waitUntil(lambda: page.progress.worker is None, timeout=60_000)
    assert page.error.isVisibleTo(page)
    assert page.error.text().endswith(("tên tệp quá dài.", "hãy gõ lại tên.")), page.error.text()
    assert _files(tmp_path / "cwd") == []
