"""The Reports and Sync pages and the import wizard driving the real core (no stand-in functions)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pdfplumber
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop import i18n
from desktop.register.visits import add_visit
from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.keystore import load_keys
from desktop.sync.station import SyncKeys, approve_device, init_share, request_enrollment
from ui.pages.reports import ReportsPage
from ui.pages.sync import SyncPage


def test_reports_page_prints_the_real_review(ctx, owned, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = ReportsPage(ctx)
    owned.append(page)
    page.out.setText(str(tmp_path / "review.pdf"))
    with qtbot.waitSignal(page.report_done, timeout=120_000):
        page.generate.click()
    assert page.progress_seen, "no progress arrived"
    with pdfplumber.open(tmp_path / "review.pdf") as pdf:
        assert "BÁO CÁO" in pdf.pages[0].extract_text()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'print'").fetchone()[0] == 1



def test_a_review_made_again_with_other_figures_says_so(ctx, owned, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A visit of the quarter entered after its review was printed: the review made again says which of its figures
    differ from the copy printed before (which may be signed and sent already), under the file's name."""
    page = ReportsPage(ctx)
    owned.append(page)
    for name in ("first.pdf", "again.pdf"):
        if name == "again.pdf":
            household = ctx.store.conn.execute("SELECT id FROM households ORDER BY code LIMIT 1").fetchone()[0]
            add_visit(ctx.store, household_id=household, visited_on="2026-05-05", purposes=["welfare_check"],
                      outcome="met")
        page.out.setText(str(tmp_path / name))
        with qtbot.waitSignal(page.report_done, timeout=120_000):
            page.generate.click()
        if name == "first.pdf":
            assert "\n" not in page.status.text()
    done, told = page.status.text().split("\n")
    assert done.endswith("again.pdf") and told.startswith("Số liệu khác với bản in lúc ")
    assert "Lượt thăm hộ trong kỳ" in told


@contextmanager
def _station_and_page(ctx, owned, tmp_path: Path) -> Iterator[tuple[SyncPage, FolderShare, Store, SyncKeys]]:  # type: ignore[no-untyped-def]
    """The app's Sync page on `ctx`'s laptop, enrolled at a station (its own database, open while in use)."""
    secrets = PassphraseFileSecrets(tmp_path / "laptop.keys", "laptop passphrase")
    page = SyncPage(ctx, secrets=secrets)
    owned.append(page)
    share = FolderShare(tmp_path / "share")
    with Store.open(tmp_path / "station.db", create=True) as station:
        station_keys = SyncKeys(Ed25519PrivateKey.generate())
        init_share(share, station.device_id, station_keys)
        request_enrollment(share, ctx.store.device_id, load_keys(secrets), "laptop")
        # As an admin's: what the demo ward holds (its accounts, every officer's visits) is the station's to take,
        # and none of it is refused (the laptop would list each of its changes the station refused).
        approve_device(share, ctx.store.device_id, station_keys,
                       {"from_seq": 1, "user_id": None, "username": "", "role": "admin"})
        yield page, share, station, station_keys


def test_sync_page_syncs_and_resolves_a_conflict(ctx, owned, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with _station_and_page(ctx, owned, tmp_path) as (page, share, station, station_keys):
        household = station.writer.insert("households", {"code": "ST-1", "street": "Đường Trạm"})
        sync_once(station, share, station_keys)
        page.share.setText(str(tmp_path / "share"))
        with qtbot.waitSignal(page.synced, timeout=60_000):
            page.sync_button.click()
        assert ctx.store.conn.execute("SELECT COUNT(*) FROM households WHERE code = 'ST-1'").fetchone()[0] == 1
        qtbot.waitUntil(lambda: page.devices_loading is None, timeout=60_000)  # the share is read in a worker
        assert page.devices.rowCount() == 2
        station.writer.update("households", household, {"street": "Đường Trạm mới"})
        ctx.store.writer.update("households", household, {"street": "Đường Phường"})
        sync_once(station, share, station_keys)
        with qtbot.waitSignal(page.synced, timeout=60_000):
            page.sync_button.click()
    assert page.conflicts.rowCount() == 1
    page.conflicts_view.selectRow(0)
    before = ctx.store.conn.execute("SELECT street FROM households WHERE id = ?", (household,)).fetchone()[0]
    page.keep_lost.click()
    after = ctx.store.conn.execute("SELECT street FROM households WHERE id = ?", (household,)).fetchone()[0]
    assert page.conflicts.rowCount() == 0 and {before, after} == {"Đường Trạm mới", "Đường Phường"}


def test_sync_page_tells_each_problem_in_words_until_it_is_over(  # type: ignore[no-untyped-def]
        ctx, owned, qtbot, language, tmp_path) -> None:
    """A file missing from the share: the status says files were not applied, the problems box says why in the
    chosen language, and once the file is back the next sync empties and hides the box."""
    from desktop.sync.changeset import file_name

    with _station_and_page(ctx, owned, tmp_path) as (page, share, station, station_keys):
        for code in ("ST-1", "ST-2"):
            station.writer.insert("households", {"code": code, "street": "Đường Trạm"})
            sync_once(station, share, station_keys)
        first = tmp_path / "share" / "devices" / station.device_id / file_name(1)
    first.rename(first.with_name("away"))
    page.share.setText(str(tmp_path / "share"))
    with qtbot.waitSignal(page.synced, timeout=60_000):
        page.sync_button.click()
    assert "chưa áp dụng được" in page.status.text()
    assert not page.problems_box.isHidden() and page.problems.rowCount() == 1
    what = page.problems.index(0, 3)
    assert page.problems.data(what) == i18n.tr("sync.reason.gap", "vi")
    language.set_language("en")
    assert page.problems.data(what) == i18n.tr("sync.reason.gap", "en")
    qtbot.waitUntil(lambda: page.problems_box.title() == "Problems not over yet (1)")  # the title follows too
    first.with_name("away").rename(first)
    with qtbot.waitSignal(page.synced, timeout=60_000):
        page.sync_button.click()
    assert page.problems.rowCount() == 0 and page.problems_box.isHidden()
    assert "not be applied" not in page.status.text()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM households WHERE code LIKE 'ST-%'").fetchone()[0] == 2


def test_sync_page_shows_changes_refused_from_a_laptop_without_the_right(  # type: ignore[no-untyped-def]
        ctx, owned, qtbot, tmp_path) -> None:
    """A laptop enrolled for no account writes an account into its outbox by hand: the Sync page of a laptop that
    manages the station's laptops lists the change as not accepted, saying why in words."""
    with _station_and_page(ctx, owned, tmp_path) as (page, share, _station, station_keys):
        with Store.open(tmp_path / "other.db", create=True) as other:
            other_keys = SyncKeys(Ed25519PrivateKey.generate())
            request_enrollment(share, other.device_id, other_keys, "other")
            approve_device(share, other.device_id, station_keys)
            sync_once(other, share, other_keys)
            other.conn.execute("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES "
                               "('users', 'u1', 'insert', ?, '{\"username\": \"ke-gian\", \"role\": \"admin\"}')",
                               (other.writer.clock.tick(),))
            sync_once(other, share, other_keys)
        page.share.setText(str(tmp_path / "share"))
        with qtbot.waitSignal(page.synced, timeout=60_000):
            page.sync_button.click()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM users WHERE username = 'ke-gian'").fetchone() == (0,)
    assert not page.problems_box.isHidden() and page.problems.rowCount() == 1
    assert page.problems.data(page.problems.index(0, 3)) == i18n.tr("security.refusal.accounts", "vi")


def test_import_wizard_checks_then_imports(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = ["Họ và tên,Quan hệ với chủ hộ,Năm sinh,Số nhà,Đường,Khu phố",
            "Mai Văn Tư,Chủ hộ,1950,88,Đường Số 4,Khu phố 1",
            "Mai Thị Năm,Con,1985,88,Đường Số 4,Khu phố 1"]
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([*rows, "Lý Văn Sáu,Chủ hộ,1800,9,Đường Số 4,Khu phố 1"]), encoding="utf-8-sig")
    good = tmp_path / "good.csv"
    good.write_text("\n".join(rows), encoding="utf-8-sig")
    store = window.ctx.store
    before = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    dialog = window.open_import()
    dialog.path.setText(str(bad))
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert "Dòng 4" in dialog.report.toPlainText() and not dialog.import_button.isEnabled()
    dialog.path.setText(str(good))
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before + 1
    assert "1 hộ mới" in dialog.summary.text()
    qtbot.waitUntil(lambda: window.households.model.rowCount() == before + 1, timeout=10_000)  # list refreshed


def test_import_can_be_cancelled_and_then_run_again(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A large spreadsheet takes minutes: Cancel stops it with nothing imported, and the checked file can be
    imported afterwards without checking it again. The dialog also follows a language switch while open."""
    lines = ["Họ và tên,Quan hệ với chủ hộ,Năm sinh,Số nhà,Đường,Khu phố"]
    lines += [f"Hồ Văn Số {n},Chủ hộ,1960,{n},Đường Số 8,Khu phố 2" for n in range(1, 3001)]
    big = tmp_path / "big.csv"
    big.write_text("\n".join(lines), encoding="utf-8-sig")
    store = window.ctx.store
    before = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    dialog = window.open_import()
    assert dialog.check_button.text() == "1. Kiểm tra tệp"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: dialog.check_button.text() == "1. Check the file", timeout=2000)
    assert dialog.windowTitle() == "Import households from Excel / CSV"
    window.language_actions["vi"].trigger()
    dialog.path.setText(str(big))
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.check_button.click()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.progress.cancelled, timeout=20_000):
        dialog.import_button.click()
        assert dialog.progress.cancel_button.isVisible()
        dialog.progress.cancel_button.click()
    assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before
    assert "không có gì được nhập" in dialog.summary.text() and dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.import_button.click()
    assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before + 3000
    qtbot.waitUntil(lambda: window.households.model.rowCount() == before + 3000, timeout=10_000)  # list refreshed


def test_an_activity_is_corrected_by_opening_it_and_deleted_after_a_confirmation(  # type: ignore[no-untyped-def]
        window, qtbot, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from desktop.register.activities import add_activity
    from ui.pages.records import ActivityDialog

    store = window.ctx.store
    activity = add_activity(store, kind="meeting", held_on="03/06/2026", topic="Họp tổ 7", attendance=20)
    page = window.activities
    page.refresh()
    row = next(n for n in range(page.model.rowCount()) if page.model.row(n)["id"] == activity)

    def correct(dialog: ActivityDialog) -> int:
        assert dialog.topic.text() == "Họp tổ 7" and dialog.attendance.text() == "20"  # the form starts filled
        dialog.attendance.setText("35")
        qtbot.keyClick(dialog.topic, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(ActivityDialog, "exec", correct)  # modal exec would wait for a human
    page.view.setCurrentIndex(page.model.index(row, 0))
    page.view.activated.emit(page.model.index(row, 0))
    assert store.conn.execute("SELECT attendance FROM activities WHERE id = ?", (activity,)).fetchone() == (35,)
    row = next(n for n in range(page.model.rowCount()) if page.model.row(n)["id"] == activity)
    page.view.setCurrentIndex(page.model.index(row, 0))
    box = page.delete_activity()
    assert "Họp tổ 7" in box.text()
    box.button(QMessageBox.StandardButton.No).click()  # No: nothing happens
    assert store.conn.execute("SELECT deleted_hlc FROM activities WHERE id = ?", (activity,)).fetchone() == (None,)
    page.delete_activity().button(QMessageBox.StandardButton.Yes).click()
    assert store.conn.execute("SELECT deleted_hlc FROM activities WHERE id = ?", (activity,)).fetchone()[0]
    assert activity not in {page.model.row(n)["id"] for n in range(page.model.rowCount())}


def test_commendations_of_the_period_are_proposed_and_decided_from_the_reports_page(  # type: ignore[no-untyped-def]
        window, qtbot) -> None:
    store = window.ctx.store
    window.show_page("reports")
    page = window.reports
    page.period.setCurrentIndex(page.period.findData("quarter"))
    dialog = page.open_commendations()
    assert dialog.period.kind == "quarter" and dialog.period.code in dialog.windowTitle()
    dialog.reason.setText("Hoàn thành xuất sắc nhiệm vụ")
    dialog.propose.click()
    assert dialog.model.rowCount() == 1 and dialog.model.row(0)["status"] == "proposed"
    dialog.resident_choice.setChecked(True)
    assert dialog.resident_name.isVisible() and not dialog.officer.isVisible()
    dialog.reason.setText("Tố giác kịp thời lừa đảo")
    dialog.propose.click()  # no resident chosen yet: refused, nothing written
    assert dialog.error.text() and store.conn.execute("SELECT COUNT(*) FROM commendations").fetchone()[0] == 1
    name = store.conn.execute("SELECT full_name FROM people WHERE deleted_hlc IS NULL LIMIT 1").fetchone()[0]
    dialog.resident_name.setText(name)
    assert dialog.find_residents() >= 1
    dialog.propose.click()
    assert dialog.model.rowCount() == 2
    row = next(n for n in range(2) if dialog.model.row(n)["whom"] == "resident")
    dialog.view.setCurrentIndex(dialog.model.index(row, 0))
    dialog.status.setCurrentIndex(dialog.status.findData("approved"))
    dialog.decide.click()
    assert dialog.model.index(row, 3).data() == "Được duyệt"
    assert store.conn.execute("SELECT status FROM commendations WHERE person_id IS NOT NULL").fetchone() == (
        "approved",)
