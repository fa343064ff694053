"""The Qt app driven through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.register.households import add_household
from desktop.store.queries import HouseholdFilter
from ui.household_model import HouseholdTableModel
from ui.main_window import MainWindow
from ui.rows_model import RowsTableModel
from ui.worker import Worker

ROOT = Path(__file__).resolve().parents[2]


def test_household_model_passes_the_model_tester(qtmodeltester, demo_store) -> None:  # type: ignore[no-untyped-def]
    model = HouseholdTableModel(demo_store)
    model.set_filter(HouseholdFilter())
    assert model.rowCount() == 400
    qtmodeltester.check(model)
    model.set_filter(HouseholdFilter(text="nguyen"))
    qtmodeltester.check(model)


def test_rows_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RowsTableModel(["a", "b"])
    model.set_rows([("1", "2"), ("3", "4")])
    qtmodeltester.check(model)


def test_typing_duong_finds_households_on_duong_streets(qtbot: QtBot, window: MainWindow) -> None:
    store = window.store
    wanted = add_household(store, area_id=None, house_no="7", street="Đường Số 9", head_name="Lâm Thị Ngân")
    window.households.apply_filter()
    page = window.households
    qtbot.keyClicks(page.search, "duong so 9")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert page.model.household_id(0) == wanted
    assert page.model.data(page.model.index(0, 1)) == "7 Đường Số 9"
    assert page.members.data(page.members.index(0, 0)) == "Lâm Thị Ngân"


def test_a_visit_entered_with_the_keyboard_is_saved_and_on_the_timeline(qtbot: QtBot, window: MainWindow) -> None:
    page = window.households
    page.table.selectRow(3)
    household_id = page.current_id
    assert household_id
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = next(w for w in window.children() if w.__class__.__name__ == "VisitForm" and w.isVisible())
    qtbot.waitExposed(form)
    form.purpose_buttons["scam_awareness"].setFocus()
    qtbot.keyClick(form.purpose_buttons["scam_awareness"], Qt.Key.Key_Space)
    form.findings.setFocus()
    qtbot.keyClicks(form.findings, "Da phat to roi phong chong lua dao")  # QTest types ASCII only
    with qtbot.waitSignal(form.accepted, timeout=3000):
        qtbot.keyClick(form.findings, Qt.Key.Key_Return)
    row = window.store.conn.execute(
        "SELECT household_id, purposes, findings, visited_at FROM visits WHERE id = ?", (form.saved_visit_id,)
    ).fetchone()
    assert row == (household_id, "scam_awareness", "Da phat to roi phong chong lua dao", date.today().isoformat())
    assert "Da phat to roi phong chong lua dao" in page.detail.toPlainText()


def test_invalid_visit_shows_the_message_next_to_the_field_and_saves_nothing(qtbot: QtBot, window: MainWindow) -> None:
    window.households.table.selectRow(0)
    form = window.open_visit_form(window.households.current_id)
    qtbot.waitExposed(form)
    before = window.store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    qtbot.keyClick(form.findings, Qt.Key.Key_Return)  # no purpose chosen
    assert form.isVisible()
    assert form.errors["purposes"].isVisible()
    assert "mục đích" in form.errors["purposes"].text().lower() or "purposes" in form.errors["purposes"].text()
    form.purpose_buttons["welfare_check"].setChecked(True)
    form.follow_up_enabled.setChecked(True)
    form.follow_up.setDate(form.visited_on.date().addDays(-1))
    qtbot.keyClick(form.findings, Qt.Key.Key_Return)
    assert form.errors["follow_up"].isVisible() and "Hạn theo dõi" in form.errors["follow_up"].text()
    assert window.store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == before
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()


def test_switching_to_english_changes_visible_labels(qtbot: QtBot, window: MainWindow) -> None:
    assert window.navigation.item(0).text() == "Hộ dân"
    assert window.households.model.headerData(0, Qt.Orientation.Horizontal) == "Mã hộ"
    window.english.trigger()
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Households", timeout=2000)
    assert window.households.model.headerData(0, Qt.Orientation.Horizontal) == "Code"
    assert window.households.search_label.text() == "Search:"
    window.vietnamese.trigger()
    qtbot.waitUntil(lambda: window.navigation.item(0).text() == "Hộ dân", timeout=2000)


def test_overdue_follow_ups_page_lists_what_the_core_counts(window: MainWindow) -> None:
    from desktop.store.queries import ward_stats

    overdue = ward_stats(window.store)["follow_ups_overdue"]
    window.navigation.setCurrentRow(1)
    assert window.follow_ups.model.rowCount() == overdue > 0
    first_due = window.follow_ups.model.data(window.follow_ups.model.index(0, 0))
    assert first_due.count("/") == 2


def test_background_worker_reports_progress_and_result(qtbot: QtBot) -> None:
    from PySide6.QtCore import QThreadPool

    def work(progress, cancelled):  # type: ignore[no-untyped-def]
        for step in range(1, 4):
            progress(step, 3, "bước")
        return "xong"

    worker = Worker(work)
    seen: list[tuple[int, int, str]] = []
    worker.signals.progress.connect(lambda d, t, m: seen.append((d, t, m)))
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as finished:
        QThreadPool.globalInstance().start(worker)
    assert finished.args == ["xong"]
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [(1, 3, "bước"), (2, 3, "bước"), (3, 3, "bước")]


def test_self_test_exits_zero_on_a_new_database(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "ui.launcher", "--db", str(tmp_path / "new.db"), "--self-test"],
                          capture_output=True, text=True, env=env, timeout=180)
    assert done.returncode == 0, done.stderr
    assert "self-test ok: 2000 households, PDF of" in done.stdout


def test_follow_up_dates_use_day_month_year(window: MainWindow) -> None:
    assert window.households.isVisible()
    from ui.visit_form import VisitForm

    form = VisitForm(window.store)
    assert form.visited_on.displayFormat() == "dd/MM/yyyy"
    assert form.follow_up.date().toPython() == date.today() + timedelta(days=14)  # type: ignore[operator]
    form.close()


def test_background_review_report_finishes_with_progress(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    import pdfplumber

    page = window.reports
    page.output_dir = tmp_path
    page.period.setCurrentIndex(page.period.findData("range"))
    page.start.setDate(page.start.date().fromString("01/01/2026", "dd/MM/yyyy"))
    page.end.setDate(page.end.date().fromString("30/06/2026", "dd/MM/yyyy"))
    steps: list[int] = []
    page.progress.valueChanged.connect(steps.append)
    with qtbot.waitSignal(page.finished, timeout=120_000) as done:
        qtbot.mouseClick(page.generate, Qt.MouseButton.LeftButton)
        assert page.cancel.isEnabled() and not page.generate.isEnabled()
    path = Path(done.args[0])
    assert path.exists() and len(set(steps)) > 2
    with pdfplumber.open(path) as pdf:
        assert "BÁO CÁO" in pdf.pages[0].extract_text()
    assert page.generate.isEnabled()


def test_walk_list_needs_an_area(window: MainWindow) -> None:
    page = window.reports
    page.kind.setCurrentIndex(page.kind.findData("walklist"))
    page.generate.click()
    assert "khu phố" in page.status.text()


def test_import_wizard_checks_then_imports(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    rows = ["Họ và tên,Quan hệ với chủ hộ,Năm sinh,Số nhà,Đường,Khu phố",
            "Mai Văn Tư,Chủ hộ,1950,88,Đường Số 4,Khu phố 1",
            "Mai Thị Năm,Con,1985,88,Đường Số 4,Khu phố 1"]
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join([*rows, "Lý Văn Sáu,Chủ hộ,1800,9,Đường Số 4,Khu phố 1"]), encoding="utf-8-sig")
    good = tmp_path / "good.csv"
    good.write_text("\n".join(rows), encoding="utf-8-sig")
    before = window.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    dialog = window.open_import()
    dialog.path.setText(str(bad))
    dialog.check_button.click()
    assert "Dòng 4" in dialog.report.toPlainText() and not dialog.import_button.isEnabled()
    dialog.path.setText(str(good))
    dialog.check_button.click()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    assert window.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before + 1
    assert "1 hộ mới" in dialog.summary.text()


def test_sync_page_syncs_in_the_background_and_resolves_a_conflict(qtbot: QtBot, window: MainWindow,
                                                                  tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.security.secrets import PassphraseFileSecrets
    from desktop.store import Store
    from desktop.sync.engine import sync_once
    from desktop.sync.folder import FolderShare
    from desktop.sync.keystore import load_keys
    from desktop.sync.station import SyncKeys, approve_device, init_share, request_enrollment

    share = FolderShare(tmp_path / "share")
    page = window.sync
    page.secrets = PassphraseFileSecrets(tmp_path / "ui.keys", "pw")
    with Store.open(tmp_path / "station.db", create=True) as station:
        station_keys = SyncKeys(Ed25519PrivateKey.generate())
        init_share(share, station.device_id, station_keys)
        request_enrollment(share, window.store.device_id, load_keys(page.secrets), "ui")
        approve_device(share, window.store.device_id, station_keys)
        household = station.writer.insert("households", {"code": "ST-1", "street": "Đường Trạm"})
        sync_once(station, share, station_keys)
        page.share_path.setText(str(tmp_path / "share"))
        with qtbot.waitSignal(page.synced, timeout=30_000):
            page.sync_button.click()
        assert window.store.conn.execute("SELECT COUNT(*) FROM households WHERE code = 'ST-1'").fetchone()[0] == 1
        assert page.devices.rowCount() == 2 and "Đồng bộ xong" in page.message.text()
        assert "Đồng bộ lần cuối" in window.statusBar().currentMessage()
        # The same field edited on both sides before either syncs: a conflict to review.
        station.writer.update("households", household, {"street": "Đường Trạm mới"})
        window.store.writer.update("households", household, {"street": "Đường Phường"})
        sync_once(station, share, station_keys)
        with qtbot.waitSignal(page.synced, timeout=30_000):
            page.sync_button.click()
    assert page.conflicts.rowCount() == 1
    page.conflicts_view.selectRow(0)
    current = window.store.conn.execute("SELECT street FROM households WHERE id = ?", (household,)).fetchone()[0]
    page.use_other_button.click()
    after = window.store.conn.execute("SELECT street FROM households WHERE id = ?", (household,)).fetchone()[0]
    assert page.conflicts.rowCount() == 0 and after != current
    assert {current, after} == {"Đường Trạm mới", "Đường Phường"}


def test_new_household_warns_about_a_duplicate_then_saves(qtbot: QtBot, window: MainWindow) -> None:
    from ui.household_dialogs import NewHouseholdDialog

    store = window.store
    existing = add_household(store, area_id=None, house_no="5", street="Đường Số 2", head_name="Vũ Thị Hằng",
                             head_birth_year=1970)
    dialog = NewHouseholdDialog(store, window)
    qtbot.keyClicks(dialog.house_no, "5")
    qtbot.keyClicks(dialog.street, "duong so 2")
    qtbot.keyClicks(dialog.head, "vu thi hang")
    dialog.flags["poor"].setChecked(True)
    before = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    dialog.save_button.click()
    code = store.conn.execute("SELECT code FROM households WHERE id = ?", (existing,)).fetchone()[0]
    assert code in dialog.message.text() and dialog.saved_id is None
    assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before
    dialog.save_button.click()  # the officer confirms: a different family at the same address
    assert dialog.saved_id is not None
    assert store.conn.execute("SELECT flag_poor FROM households WHERE id = ?", (dialog.saved_id,)).fetchone() == (1,)


def test_members_add_move_out_and_set_head(qtbot: QtBot, window: MainWindow) -> None:
    from ui.household_dialogs import AddMemberDialog

    page = window.households
    page.table.selectRow(0)
    household = page.current_id
    assert household
    dialog = AddMemberDialog(window.store, household, window)
    qtbot.keyClicks(dialog.full_name, "Phan Van Moi")
    dialog.birth_year.setValue(2001)
    dialog.save_button.click()
    assert dialog.saved_id
    page.show_household(household)
    names = [page.members.data(page.members.index(r, 0)) for r in range(page.members.rowCount())]
    assert "Phan Van Moi" in names
    page.members_view.selectRow(names.index("Phan Van Moi"))
    page.make_head.click()
    head = window.store.conn.execute("SELECT head_person_id FROM households WHERE id = ?", (household,)).fetchone()
    assert head == (dialog.saved_id,)
    count = page.members.rowCount()
    page.members_view.selectRow(0)
    page.move_out.click()
    assert page.members.rowCount() == count - 1
