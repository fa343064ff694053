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
    dialog.check_button.click()
    assert "Tệp dùng mã TCVN3 (ABC), đã chuyển sang Unicode." in dialog.report.toPlainText()
    assert dialog.summary.text().startswith("Kiểm tra xong, không có lỗi: sẽ nhập 1 hộ mới")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert store.conn.execute(
        "SELECT p.full_name, h.street, a.name FROM people p JOIN households h ON h.id = p.household_id "
        "JOIN areas a ON a.id = h.area_id WHERE h.house_no = '7'").fetchall() == [
        ("Trần Kim Xuân", "Phú Thọ", "Khu phố 2")]


def test_a_list_of_other_families_under_the_registers_codes_cannot_be_imported(window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
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
    dialog.check_button.click()
    assert dialog.report.toPlainText().count("có thể là một hộ khác trùng mã") == 3
    assert dialog.summary.text().startswith("3 ") and not dialog.import_button.isEnabled()
    assert store.conn.execute("SELECT COUNT(*), MAX(updated_at) FROM people").fetchone() == before
