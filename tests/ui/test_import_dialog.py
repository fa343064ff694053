"""The import dialog's check is the core's dry run: its notices (encoding, skipped rows) and counts are shown,
and its options (khu phố for the whole file, members left out) reach the import."""

from __future__ import annotations

from pathlib import Path


def test_check_shows_the_dry_run_and_the_options_reach_the_import(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tcvn3.csv"  # "Họ và tên, Quan hệ với chủ hộ, Số nhà, Đường" / "Trần Kim Xuân, Chủ hộ, …"
    path.write_bytes(b"H\xe4 v\xb5 t\xaan,Quan h\xd6 v\xedi ch\xf1 h\xe9,S\xe8 nh\xb5,\xa7\xad\xeang\r\n"
                     b"Tr\xc7n Kim Xu\xa9n,Ch\xf1 h\xe9,7,Ph\xf3 Th\xe4\r\n")
    store = window.ctx.store
    dialog = window.open_import()
    dialog.path.setText(str(path))
    dialog.area.setText("KP 2")
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert "Tệp dùng mã TCVN3 (ABC), đã chuyển sang Unicode." in dialog.report.toPlainText()
    assert dialog.summary.text().startswith("Kiểm tra xong, không có lỗi: sẽ nhập 1 hộ mới")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert store.conn.execute(
        "SELECT p.full_name, h.street, a.name FROM people p JOIN households h ON h.id = p.household_id "
        "JOIN areas a ON a.id = h.area_id WHERE h.house_no = '7'").fetchall() == [
        ("Trần Kim Xuân", "Phú Thọ", "Khu phố 2")]


def test_a_list_of_other_families_under_the_registers_codes_cannot_be_imported(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Another ward's list numbered from HK-00001 too: the check names each household, the import stays off."""
    from desktop.demo import DemoSize, generate_demo_ward
    from desktop.io.exporter import export
    from desktop.store import Store

    path = tmp_path / "other_ward.csv"
    with Store.open(tmp_path / "other.db", create=True) as other:
        generate_demo_ward(other, DemoSize(households=3, seed=2))
        export(other, "people", path)
    store = window.ctx.store
    before = store.conn.execute("SELECT COUNT(*), MAX(updated_at) FROM people").fetchone()
    dialog = window.open_import()
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert dialog.report.toPlainText().count("có thể là một hộ khác trùng mã") == 3
    assert dialog.summary.text().startswith("3 ") and not dialog.import_button.isEnabled()
    assert store.conn.execute("SELECT COUNT(*), MAX(updated_at) FROM people").fetchone() == before


def _big_list(tmp_path: Path, rows: int) -> Path:
    lines = ["Họ và tên,Quan hệ với chủ hộ,Năm sinh,Số nhà,Đường,Khu phố"]
    lines += [f"Hồ Văn Số {n},Chủ hộ,1960,{n},Đường Số 8,Khu phố 2" for n in range(1, rows + 1)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    return path


def _stop_question(dialog):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    boxes = [box for box in dialog.findChildren(QMessageBox, "confirmBox") if box.isVisible()]
    return boxes[0] if boxes else None


def test_the_check_runs_in_the_background_and_the_window_answers_meanwhile(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A large workbook's check took seconds on the window's own thread (frozen, no progress); it is a job now."""
    dialog = window.open_import()
    dialog.path.setText(str(_big_list(tmp_path, 3000)))
    dialog.check_button.click()
    assert dialog.progress.isVisible() and not dialog.check_button.isEnabled() and not dialog.path.isEnabled()
    assert dialog.progress.message.text() == "Đang kiểm tra tệp…"
    assert not dialog.progress.writing  # a rehearsal: quitting the app meanwhile asks nothing
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=60_000)
    assert dialog.summary.text().startswith("Kiểm tra xong, không có lỗi: sẽ nhập 3.000 hộ mới")
    assert dialog.check_button.isEnabled() and dialog.path.isEnabled() and dialog.progress.isHidden()


def test_a_check_that_fails_says_why_in_a_sentence(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_import()
    dialog.path.setText(str(tmp_path / "gone.xlsx"))
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    text = dialog.report.toPlainText()
    assert "gone.xlsx" in text and "Traceback" not in text and "Error" not in text
    assert not dialog.import_button.isEnabled()


def _checked_dialog(window, qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The import dialog with a list of 3,000 new households checked, ready to import."""
    dialog = window.open_import()
    dialog.path.setText(str(_big_list(tmp_path, 3000)))
    with qtbot.waitSignal(dialog.checked, timeout=60_000):
        dialog.check_button.click()
    return dialog


def test_closing_during_the_import_asks_and_no_lets_it_finish(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    before = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    dialog = _checked_dialog(window, qtbot, tmp_path)
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.import_button.click()
        assert dialog.progress.writing
        dialog.reject()  # Esc
        box = _stop_question(dialog)
        assert box is not None and dialog.isVisible()
        dialog.reject()  # again: the same question, not a second one
        assert len([b for b in dialog.findChildren(type(box), "confirmBox") if b.isVisible()]) == 1
        box.button(box.StandardButton.No).click()
    assert dialog.isVisible() and "3.000 hộ mới" in dialog.summary.text()
    assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before + 3000


def test_closing_during_the_import_and_yes_stops_it_with_nothing_imported(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    before = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    dialog = _checked_dialog(window, qtbot, tmp_path)
    dialog.import_button.click()
    dialog.reject()
    with qtbot.waitSignal(dialog.progress.cancelled, timeout=60_000):
        box = _stop_question(dialog)
        box.button(box.StandardButton.Yes).click()
    assert not dialog.isVisible()
    assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before


def test_closing_during_the_check_stops_it_without_asking(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = window.open_import()
    dialog.path.setText(str(_big_list(tmp_path, 3000)))
    dialog.check_button.click()
    worker = dialog.progress.worker
    dialog.reject()
    assert not dialog.isVisible() and _stop_question(dialog) is None and worker.is_cancelled()
    qtbot.waitUntil(worker.done.is_set, timeout=60_000)


def test_a_path_pasted_with_quotes_or_spaces_is_read_and_none_is_asked_for(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Windows' "Copy as path" pastes the name between quotes (seen: "cannot open the file clean.csv\\"")."""
    dialog = window.open_import()
    dialog.path.setText(f'  "{_big_list(tmp_path, 3)}"  ')
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert dialog.import_button.isEnabled() and "3 hộ mới" in dialog.summary.text()
    dialog.path.setText("   ")
    dialog.check_button.click()
    assert dialog.progress.worker is None and dialog.report.toPlainText() == (
        "Hãy chọn danh sách cần nhập trước (Chọn tệp…).")
