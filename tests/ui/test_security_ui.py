"""The security layer in the app: the key store at start, login and lockout, what each role is offered and
sees, audited household views, the audit viewer, and retention — on real widgets and real database files."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import keyring
import keyring.core
import pytest
import shiboken6
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.cases import add_case, update_case
from desktop.security import users
from desktop.security.database import is_plain, open_database
from desktop.security.permissions import Actor
from desktop.security.secrets import KeyringSecrets, PassphraseFileSecrets
from desktop.security.session import attach, attached_actor, detach
from desktop.store import Store
from tests.secret_service import missing_tools, secret_service
from tests.security.conftest import PASSWORDS, add_accounts
from tests.ui.conftest import DEMO_END
from ui.main_window import NAV

LATER = date(clock.today().year + 6, 1, 15)  # six years on: today's move-outs are past a five-year rule


def drive_modal(kind: type[QWidget], action: Callable[[QWidget], None]) -> None:
    """Run `action` on the next modal dialog of `kind` once its exec() loop shows it (polled, not timed)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            action(widget)
        else:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)


@pytest.fixture
def accounts(demo_store: Store) -> dict[str, Actor]:
    """quantri (admin), totruong (team lead), canbo (officer), and canbo1 — a demo officer with visits — given
    a login as officer; the store is left without a session."""
    actors = add_accounts(demo_store)
    attach(demo_store, actors["quantri"])
    user_id = users.add_user(demo_store, "canbo1", "", "officer", "officer1-password")
    actors["canbo1"] = Actor(user_id, "canbo1", "officer")
    detach(demo_store)
    return actors


@pytest.fixture
def window_as(ctx, accounts, qtbot, owned) -> Iterator[Callable[[str], QWidget]]:  # type: ignore[no-untyped-def]
    """The main window with `name` logged in (attached exactly as users.login does)."""
    from ui.main_window import MainWindow

    def make(name: str) -> MainWindow:
        attach(ctx.store, accounts[name])
        ctx.set_actor(accounts[name])
        main = MainWindow(ctx)
        owned.append(main)
        main.show()
        qtbot.waitUntil(lambda: main.households.model.rowCount() > 0, timeout=10_000)
        return main

    yield make
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QDialog):
            dialog.close()


def _status(window) -> str:  # type: ignore[no-untyped-def]
    return str(window.user_label.text())


# --- login --------------------------------------------------------------------------------------------------
def test_login_dialog_logs_in_and_the_status_bar_shows_the_user(demo_store, accounts, language, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.app import build_window, open_and_log_in
    from ui.login import LoginDialog

    path = demo_store.path

    def log_in(dialog: QWidget) -> None:
        assert isinstance(dialog, LoginDialog)
        qtbot.keyClicks(dialog.username, "totruong")
        qtbot.keyClicks(dialog.password, PASSWORDS["totruong"])
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # Enter logs in

    drive_modal(LoginDialog, log_in)
    store = open_and_log_in(path, None, interactive=True, self_test=False)
    assert store is not None
    try:
        actor = attached_actor(store)
        assert actor is not None and actor.username == "totruong" and actor.role == "team_lead"
        window = build_window(store, language, today=lambda: DEMO_END)
        try:
            assert _status(window) == "Người dùng: totruong (tổ trưởng)"
            assert not window.nav.item(NAV.index("reports")).isHidden()  # team leads see Reports
            assert not window.nav.item(NAV.index("overview")).isHidden()  # and start on the Overview
            assert window.stack.currentWidget() is window.overview
            assert window.nav.item(NAV.index("admin")).isHidden()  # but not Admin
        finally:
            window.close()
            window.deleteLater()
    finally:
        store.close()


def test_escape_on_the_login_dialog_quits(demo_store, accounts, language) -> None:  # type: ignore[no-untyped-def]
    from ui.app import open_and_log_in
    from ui.login import LoginDialog

    drive_modal(LoginDialog, lambda dialog: dialog.reject())
    assert open_and_log_in(demo_store.path, None, interactive=True, self_test=False) is None


def test_wrong_password_shows_the_message_and_stays(demo_store, accounts, language, qtbot, owned) -> None:  # type: ignore[no-untyped-def]
    from ui.login import LoginDialog

    dialog = LoginDialog(demo_store)
    owned.append(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.username, "canbo")
    qtbot.keyClicks(dialog.password, "not-the-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khoá."
    assert dialog.password.text() == "" and attached_actor(demo_store) is None


def test_lockout_after_repeated_failures(demo_store, accounts, language, qtbot, owned) -> None:  # type: ignore[no-untyped-def]
    from ui.login import LoginDialog

    dialog = LoginDialog(demo_store)
    owned.append(dialog)
    dialog.open()
    dialog.username.setText("canbo")
    for _ in range(users.FREE_ATTEMPTS):
        dialog.password.setText("wrong-password")
        dialog.login_button.click()
    dialog.password.setText(PASSWORDS["canbo"])  # even the right password waits for the lock to end
    dialog.login_button.click()
    assert dialog.isVisible() and attached_actor(demo_store) is None
    found = re.fullmatch(r"Đăng nhập sai quá nhiều lần: thử lại sau (\d+) giây hoặc nhờ quản trị mở khoá\.",
                         dialog.error.text())
    assert found and 0 < int(found.group(1)) <= users.BASE_LOCK.seconds + 1


def test_log_out_returns_to_the_login_dialog(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    assert _status(window) == "Người dùng: quantri (quản trị)"
    dialog = window.log_out()
    assert not window.isVisible() and dialog.isVisible()
    assert attached_actor(window.ctx.store) is None and not window.ctx.can("register.edit")
    dialog.username.setText("canbo")
    dialog.password.setText(PASSWORDS["canbo"])
    dialog.login_button.click()
    assert window.isVisible() and _status(window) == "Người dùng: canbo (cán bộ)"
    assert window.nav.item(NAV.index("admin")).isHidden()
    assert window.stack.currentWidget() is window.households  # officers start on their households
    actions = [row[0] for row in window.ctx.store.conn.execute(
        "SELECT action FROM audit_log WHERE action IN ('login', 'logout') ORDER BY seq")]
    assert actions[-2:] == ["logout", "login"]


def _as_admin_elsewhere(path: Path, change: Callable[[Store], None]) -> None:
    """What an admin does to accounts from another process (the command line, a sync): its own connection."""
    with Store.open(path) as other:
        attach(other, Actor(*_admin_row(other)))
        change(other)


def _admin_row(store: Store) -> tuple[str, str, str]:
    row = store.conn.execute("SELECT id, username, role FROM users WHERE username = 'quantri'").fetchone()
    return str(row[0]), str(row[1]), str(row[2])


def test_an_account_disabled_while_its_window_is_open_is_logged_out(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window went on showing the register and the team lead's pages to an account an admin had disabled (the
    core already refused its writes): it is logged out at the next look, and the login dialog says why."""
    window = window_as("totruong")
    _as_admin_elsewhere(window.ctx.store.path, lambda other: users.set_role(other, "totruong", "officer"))
    window.check_account()
    assert window.isVisible() and window.nav.item(NAV.index("reports")).isHidden()
    assert _status(window) == "Người dùng: totruong (cán bộ)"
    window.account_timer.setInterval(100)  # the half-minute look, sooner
    _as_admin_elsewhere(window.ctx.store.path, lambda other: users.set_active(other, "totruong", False))
    with pytest.raises(WardbookError, match=r"\(account disabled\)"):
        window.ctx.store.writer.update("households", window.ctx.store.conn.execute(
            "SELECT id FROM households LIMIT 1").fetchone()[0], {"phone": "0909000111"})
    qtbot.waitUntil(lambda: window.login_dialog is not None, timeout=5_000)
    assert not window.isVisible() and window.login_dialog.isVisible()
    assert "totruong đã bị quản trị khoá" in window.login_dialog.error.text()
    assert attached_actor(window.ctx.store) is None


def test_a_password_reset_while_the_window_is_open_logs_it_out(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    """An admin resets a leaked password: the window opened with the old one stayed open (every action refused)."""
    window = window_as("canbo")
    window.account_timer.setInterval(100)
    _as_admin_elsewhere(window.ctx.store.path, lambda other: users.set_password(other, "canbo", "Mật khẩu mới 2026"))
    qtbot.waitUntil(lambda: window.login_dialog is not None, timeout=5_000)
    assert not window.isVisible() and window.login_dialog.isVisible()
    assert "canbo đã được đổi" in window.login_dialog.error.text()
    assert attached_actor(window.ctx.store) is None


# --- roles --------------------------------------------------------------------------------------------------
def test_officer_is_not_offered_admin_import_or_reports(window_as) -> None:  # type: ignore[no-untyped-def]
    window = window_as("canbo1")
    hidden = {key for row, key in enumerate(NAV) if window.nav.item(row).isHidden()}
    assert hidden == {"overview", "reports", "admin"}
    assert not window.import_action.isVisible()
    assert window.logout_action.isVisible()
    assert not window.household.history_button.isVisibleTo(window.household)


def test_officer_sees_only_their_own_visits_and_cases(window_as, accounts, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_as("canbo1")
    store = window.ctx.store
    officer = accounts["canbo1"].user_id
    own = {row[0] for row in store.conn.execute("SELECT id FROM visits WHERE officer_id = ?", (officer,))}
    others = store.conn.execute("SELECT COUNT(*) FROM visits WHERE officer_id != ?", (officer,)).fetchone()[0]
    assert own and others
    window.show_page("followups")
    shown = {str(window.followups.models["recent"].row(r)["id"])
             for r in range(window.followups.models["recent"].rowCount())}
    assert shown and shown <= own
    # each list says how many of other officers' entries it leaves out
    note = window.followups.hidden_notes["recent"]
    assert note.isVisible() and note.text() == f"{others:,} mục của cán bộ khác không hiển thị".replace(",", ".")
    overdue_others = store.conn.execute(
        "SELECT COUNT(*) FROM visits WHERE officer_id != ? AND follow_up_due < '2026-06-30' AND voided = 0 "
        "AND follow_up_done_at IS NULL AND deleted_hlc IS NULL", (officer,)).fetchone()[0]
    assert overdue_others > 0 and window.followups.hidden["overdue"] == overdue_others
    assert window.followups.hidden_notes["overdue"].text().startswith(f"{overdue_others} mục")
    window.show_page("cases")
    window.cases.status.setCurrentIndex(window.cases.status.findData(None))  # all cases
    assert window.cases.model.rowCount() == store.conn.execute(
        "SELECT COUNT(*) FROM cases WHERE assignee_id = ? AND deleted_hlc IS NULL", (officer,)).fetchone()[0] > 0
    assignees = {row[0] for row in store.conn.execute(
        "SELECT assignee_id FROM cases WHERE id IN ({})".format(",".join("?" * window.cases.model.rowCount())),
        [str(window.cases.model.row(r)["id"]) for r in range(window.cases.model.rowCount())])}
    assert assignees <= {officer}
    household = store.conn.execute(
        "SELECT household_id FROM visits WHERE household_id IN "
        "(SELECT household_id FROM visits WHERE officer_id = ?) AND officer_id != ? LIMIT 1",
        (officer, officer)).fetchone()[0]
    window.open_household(household)
    timeline = window.household.timeline
    visits = [row["visit"] for row in map(timeline.row, range(timeline.rowCount())) if row["kind"] == "visit"]
    assert visits and {v["id"] for v in visits} <= own
    hidden = store.conn.execute("SELECT COUNT(*) FROM visits WHERE household_id = ? AND officer_id != ? "
                                "AND deleted_hlc IS NULL", (household, officer)).fetchone()[0]
    assert hidden > 0 and window.household.hidden_note.isVisible()
    assert window.household.hidden_note.text() == f"{hidden} mục của cán bộ khác không hiển thị"
    window.ctx.language.set_language("en")
    qtbot.waitUntil(lambda: window.household.hidden_note.text() == f"Entries by other officers not shown: {hidden}")


def test_officer_sees_only_the_activities_they_recorded(window_as, accounts) -> None:  # type: ignore[no-untyped-def]
    window = window_as("canbo1")
    store = window.ctx.store
    officer = accounts["canbo1"].user_id
    own = {row[0] for row in store.conn.execute(
        "SELECT id FROM activities WHERE officer_id = ? AND deleted_hlc IS NULL", (officer,))}
    assert own and store.conn.execute("SELECT COUNT(*) FROM activities WHERE officer_id != ?", (officer,)).fetchone()[0]
    window.show_page("activities")
    model = window.activities.model
    assert {str(model.row(r)["id"]) for r in range(model.rowCount())} == own


def test_team_lead_sees_everyones_activities(window_as) -> None:  # type: ignore[no-untyped-def]
    window = window_as("totruong")
    window.show_page("activities")
    alive = window.ctx.store.conn.execute("SELECT COUNT(*) FROM activities WHERE deleted_hlc IS NULL").fetchone()[0]
    assert window.activities.model.rowCount() == alive > 0


def test_team_lead_sees_everyones_visits(window_as, accounts) -> None:  # type: ignore[no-untyped-def]
    window = window_as("totruong")
    window.show_page("followups")
    recent = window.followups.models["recent"]
    ids = [str(recent.row(r)["id"]) for r in range(recent.rowCount())]
    officers = {row[0] for row in window.ctx.store.conn.execute(
        "SELECT DISTINCT officer_id FROM visits WHERE id IN ({})".format(",".join("?" * len(ids))), ids)}
    assert len(officers) > 1
    assert not any(note.isVisible() for note in window.followups.hidden_notes.values())  # nothing is hidden


def test_opening_a_household_page_writes_a_view_entry(window_as, accounts) -> None:  # type: ignore[no-untyped-def]
    window = window_as("canbo1")
    store = window.ctx.store
    household = window.households.model.household_id(3)

    def views() -> list[tuple[object, ...]]:
        return store.conn.execute("SELECT username, user_id FROM audit_log WHERE action = 'view' "
                                  "AND target_table = 'households' AND target_id = ?", (household,)).fetchall()

    assert views() == []
    window.open_household(household)
    assert window.stack.currentWidget() is window.household
    assert views() == [("canbo1", accounts["canbo1"].user_id)]
    window.household.refresh()  # reloading the open page is not another view
    assert len(views()) == 1


def test_a_refusal_of_the_core_is_a_message_not_a_crash(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_as("canbo")
    assert window.guarded(lambda: users.list_users(window.ctx.store)) is False
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and boxes[0].text() == "Tài khoản 'canbo' (cán bộ) không có quyền quản lý tài khoản."
    boxes[0].close()


# --- the key store ------------------------------------------------------------------------------------------
@pytest.fixture
def failing_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No OS keyring works (keyring's own `fail` backend), and the plain test mode is off."""
    monkeypatch.delenv("WARDBOOK_UNENCRYPTED", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.core.init_backend()
    yield
    keyring.set_keyring(previous)


def test_no_keyring_offers_a_key_file_that_opens_an_encrypted_database(failing_keyring, tmp_path, language,
                                                                        qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.keys import KEY_FILE_SETTING, KeyFileDialog, app_secrets

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    key_path = tmp_path / "keys" / "wardbook-keys.json"
    seen: dict[str, object] = {}

    def create(dialog: QWidget) -> None:
        assert isinstance(dialog, KeyFileDialog)
        seen["explained"] = dialog.explain.isVisibleTo(dialog) and "Error" not in dialog.explain.text()
        dialog.path.setText(str(key_path))
        seen["asks_twice"] = dialog.again.isVisibleTo(dialog)
        dialog.passphrase.setText("cụm mật khẩu dài")
        dialog.again.setText("cụm mật khẩu khác")
        dialog.try_accept()
        seen["mismatch"] = dialog.error.text()
        dialog.again.setText("cụm mật khẩu dài")
        dialog.try_accept()

    drive_modal(KeyFileDialog, create)
    secrets = app_secrets(settings, interactive=True)
    assert seen == {"explained": True, "asks_twice": True, "mismatch": "Hai cụm mật khẩu không khớp."}
    assert settings.value(KEY_FILE_SETTING) == str(key_path) and key_path.exists()
    assert "cụm mật khẩu dài" not in Path(settings.fileName()).read_text("utf-8")
    db = tmp_path / "ward.db"
    with open_database(db, secrets, create=True) as store:
        store.set_setting("x", "1")
    assert not is_plain(db)

    def reopen_with_passphrase(dialog: QWidget) -> None:  # next start: the remembered file, passphrase only
        assert isinstance(dialog, KeyFileDialog)
        seen["path"] = dialog.path.text()
        seen["asks_twice_again"] = dialog.again.isVisibleTo(dialog)
        dialog.passphrase.setText("cụm mật khẩu dài")
        dialog.try_accept()

    drive_modal(KeyFileDialog, reopen_with_passphrase)
    again = app_secrets(settings, interactive=True)
    assert seen["path"] == str(key_path) and seen["asks_twice_again"] is False
    with open_database(db, again) as store:
        assert store.setting("x") == "1"


def test_without_a_screen_no_keyring_is_an_error_not_a_plain_database(failing_keyring, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.keys import app_secrets

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    with pytest.raises(WardbookError) as caught:
        app_secrets(settings, interactive=False)
    assert caught.value.msg_id == "security.no_keyring"


def test_plain_mode_only_when_asked_for(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.keys import app_secrets

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert app_secrets(settings, interactive=False) is None  # the suite's conftest sets WARDBOOK_UNENCRYPTED=1



@pytest.fixture
def key_file_window(demo_db_template, tmp_path, language, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    """Builds the main window on an encrypted copy of the demo ward whose key is in a remembered key file, as on
    a laptop that had no keyring at its first start; returns (window, settings, key file)."""
    import shutil

    from ui.context import AppContext
    from ui.keys import KEY_FILE_SETTING
    from ui.main_window import MainWindow

    monkeypatch.delenv("WARDBOOK_UNENCRYPTED", raising=False)
    db = tmp_path / "ward.db"
    shutil.copy(demo_db_template, db)
    key_file = PassphraseFileSecrets(tmp_path / "wardbook-keys.json", "cụm mật khẩu dài")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(KEY_FILE_SETTING, str(key_file.path))
    opened: list[tuple[MainWindow, Store]] = []

    def make() -> tuple[MainWindow, QSettings, PassphraseFileSecrets]:
        store = open_database(db, key_file)  # encrypted in place, its key in the key file
        window = MainWindow(AppContext(store, language, lambda: DEMO_END, secrets=key_file, settings=settings))
        opened.append((window, store))
        window.show()
        return window, settings, key_file

    yield make
    for dialog in QApplication.topLevelWidgets():
        if isinstance(dialog, QDialog | QMessageBox):
            dialog.close()
    for window, store in opened:  # the window goes before its database closes
        window.close()
        shiboken6.delete(window)
        store.close()


def test_back_to_the_system_keyring_once_it_works(key_file_window, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop.security.database import key_name
    from ui.keys import KEY_FILE_SETTING, app_secrets

    if missing_tools():
        pytest.skip(f"no Secret Service to test against: {', '.join(missing_tools())} not installed")
    with secret_service(tmp_path / "secret-service"):
        window, settings, key_file = key_file_window()
        assert window.keyring_action.isVisible()
        assert window.keyring_action.text() == "Dùng lại &kho khóa của hệ điều hành…"
        window.keyring_action.trigger()
        asked = [box for box in window.findChildren(QMessageBox) if box.objectName() == "confirmBox"]
        assert len(asked) == 1 and str(key_file.path) in asked[0].text()
        asked[0].button(QMessageBox.StandardButton.No).click()
        assert settings.value(KEY_FILE_SETTING) == str(key_file.path) and window.ctx.secrets is key_file
        _click_yes(window.use_keyring_again())
        db = window.ctx.db_path
        assert KeyringSecrets("db").get(key_name(db)) == window.ctx.store.key is not None
        assert settings.value(KEY_FILE_SETTING) is None and isinstance(window.ctx.secrets, KeyringSecrets)
        assert not window.keyring_action.isVisible()
        assert window.statusBar().currentMessage() == (
            "Khóa mã hoá sổ địa bàn nay được cất trong kho khóa của hệ điều hành.")
        next_start = app_secrets(settings, interactive=False)  # no key file, no passphrase asked
        assert isinstance(next_start, KeyringSecrets)
        with open_database(db, next_start) as reopened:
            assert reopened.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 400
    assert key_file.path.exists(), "the key file is the user's to delete"


def test_keyring_not_offered_while_none_works(failing_keyring, key_file_window) -> None:  # type: ignore[no-untyped-def]
    from ui.keys import KEY_FILE_SETTING, use_keyring

    window, settings, key_file = key_file_window()
    assert not window.keyring_action.isVisible()
    with pytest.raises(WardbookError) as refused:  # asked anyway: the key file stays remembered
        use_keyring(window.ctx.store, key_file, settings)
    assert refused.value.msg_id == "security.no_keyring" and settings.value(KEY_FILE_SETTING) == str(key_file.path)


def test_keyring_not_offered_on_the_keyring_already(window) -> None:  # type: ignore[no-untyped-def]
    assert not window.keyring_action.isVisible() and window.use_keyring_again() is None


# --- the audit viewer ---------------------------------------------------------------------------------------
def test_audit_viewer_lists_entries_and_verify_reports_a_tampered_one(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_as("totruong")
    assert window.audit_action.isVisible()
    household = window.households.model.household_id(0)
    window.open_household(household)
    dialog = window.open_audit()
    assert dialog.model.rowCount() > 0
    newest = dialog.model.row(0)
    assert (newest["action"], newest["username"], newest["target_id"]) == ("view", "totruong", household)
    with qtbot.waitSignal(dialog.verified, timeout=30_000) as verified:
        assert dialog.verify() is not None  # in the background: a year of entries takes seconds
        assert not dialog.verify_button.isEnabled() and not dialog.progress.isHidden()
        assert dialog.verify() is None  # asked again meanwhile: the one running answers
    assert verified.args == [[]] and dialog.verdict.toPlainText() == \
        "Nguyên vẹn: không mục nào bị sửa, xoá hay đổi chỗ."
    assert dialog.verify_button.isEnabled()
    path = window.ctx.store.path
    raw = sqlite3.connect(str(path), isolation_level=None)  # no write-path guard: someone editing the file
    try:
        raw.execute("UPDATE audit_log SET username = 'nguoi-khac' WHERE action = 'view' AND target_id = ?",
                    (household,))
    finally:
        raw.close()
    with qtbot.waitSignal(dialog.verified, timeout=30_000) as verified:
        dialog.verify()
    assert [p.kind for p in verified.args[0]] == ["edited"]
    text = dialog.verdict.toPlainText()
    assert text.startswith("Phát hiện 1 vấn đề:") and "mục đã bị sửa" in text
    dialog.close()


def test_access_history_opens_the_viewer_filtered_to_the_household(window_as) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    first, second = window.households.model.household_id(0), window.households.model.household_id(1)
    window.open_household(second)
    window.open_household(first)
    assert window.household.history_button.isVisible()
    window.household.history_button.click()
    dialog = next(d for d in window.findChildren(QDialog) if d.objectName() == "auditDialog" and d.isVisible())
    ids = {dialog.model.row(r)["target_id"] for r in range(dialog.model.rowCount())}
    assert ids == {first} and dialog.model.rowCount() >= 1
    assert dialog.heading.text().startswith("Lịch sử truy cập của ")
    dialog.close()


def test_officers_cannot_open_the_audit_log(window_as) -> None:  # type: ignore[no-untyped-def]
    window = window_as("canbo")
    assert not window.audit_action.isVisible()
    dialog = window.open_audit()  # even if reached: the core refuses, the dialog says so
    assert dialog.model.rowCount() == 0
    assert dialog.error.text() == "Tài khoản 'canbo' (cán bộ) không có quyền xem nhật ký truy cập."
    dialog.close()


# --- admin --------------------------------------------------------------------------------------------------
def _click_yes(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Yes).click()


def test_retention_preview_confirm_and_purge(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    store = window.ctx.store
    moved = [row[0] for row in store.conn.execute("SELECT id FROM households ORDER BY code LIMIT 3")]
    with store.transaction():
        for household_id in moved:
            store.writer.update("households", household_id, {"status": "moved_out"})
    tip = add_case(store, kind="tip", title="Tin báo về hộ đã chuyển đi", received_on=clock.today(),
                   household_id=moved[0])
    update_case(store, tip, on=clock.today(), new_status="closed")  # an open case would keep its household
    window.ctx.today = lambda: LATER
    window.show_page("admin")
    box = window.admin.retention_box
    box.years.setValue(5)
    assert box.save_rule()
    plan = box.preview()
    assert plan is not None and {h["id"] for h in plan.households} == set(moved)
    assert box.model.rowCount() == 3 and box.purge_button.isEnabled()
    cases = store.conn.execute("SELECT COUNT(*) FROM cases WHERE household_id IN (?, ?, ?)", moved).fetchone()[0]
    assert plan.counts["cases"] == cases and f"{cases} vụ việc sẽ bị xoá" in box.summary.text()
    question = box.ask_purge()
    assert f"{cases} vụ việc liên quan" in question.text()
    assert "3 hộ" in question.text() and store.conn.execute(
        "SELECT COUNT(*) FROM households WHERE id IN (?, ?, ?) AND deleted_hlc IS NULL", moved).fetchone()[0] == 3
    with qtbot.waitSignal(box.purged, timeout=20_000):
        _click_yes(question)
    rows = store.conn.execute("SELECT deleted_hlc, house_no, street FROM households WHERE id IN (?, ?, ?)",
                              moved).fetchall()
    assert len(rows) == 3 and all(deleted and house is None and street is None for deleted, house, street in rows)
    assert store.conn.execute("SELECT COUNT(*) FROM people WHERE household_id IN (?, ?, ?) AND deleted_hlc IS NULL",
                              moved).fetchone()[0] == 0
    assert store.conn.execute("SELECT deleted_hlc IS NOT NULL FROM cases WHERE id = ?", (tip,)).fetchone() == (1,)
    assert box.summary.text() == "Đã xoá vĩnh viễn: 3 hộ."
    assert store.conn.execute("SELECT username FROM audit_log WHERE action = 'purge'").fetchall() == [("quantri",)]


def test_purge_is_not_run_when_the_question_is_declined(window_as) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    store = window.ctx.store
    household = window.households.model.household_id(0)
    store.writer.update("households", household, {"status": "moved_out"})
    window.ctx.today = lambda: LATER
    box = window.admin.retention_box
    box.preview()
    question = box.ask_purge()
    question.button(QMessageBox.StandardButton.No).click()
    assert box.progress.worker is None
    assert store.conn.execute("SELECT deleted_hlc FROM households WHERE id = ?", (household,)).fetchone()[0] is None


def test_admin_manages_accounts(window_as) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    window.show_page("admin")
    box = window.admin.users_box
    dialog = box.add_user()
    dialog.username.setText("canbo9")
    dialog.full_name.setText("Cán bộ Chín")
    dialog.password.setText("mat-khau-dai-9")
    dialog.again.setText("mat-khau-dai-9")
    dialog.role.setCurrentIndex(dialog.role.findData("team_lead"))
    dialog.try_save()
    assert not dialog.isVisible()
    rows = {box.model.row(r)["username"]: box.model.row(r) for r in range(box.model.rowCount())}
    assert rows["canbo9"]["role"] == "team_lead" and rows["canbo9"]["can_login"]
    box.select("canbo9")
    assert box.change_role("officer") and users.find_user(window.ctx.store, "canbo9")["role"] == "officer"
    box.toggle_active().button(QMessageBox.StandardButton.Yes).click()
    assert not users.find_user(window.ctx.store, "canbo9")["active"]
    box.select("quantri")  # the last admin cannot be disabled: the core's message, no crash
    box.toggle_active().button(QMessageBox.StandardButton.Yes).click()
    shown = [b for b in box.findChildren(QMessageBox) if b.isVisible()]
    assert shown and shown[0].text() == "Không thể bỏ quyền hoặc khoá quản trị cuối cùng."
    shown[0].close()
    for _ in range(users.FREE_ATTEMPTS):
        with pytest.raises(WardbookError):
            users.login(window.ctx.store, "canbo", "sai-mat-khau")
    attach(window.ctx.store, _admin(window))  # failed logins above left the admin's session alone
    box.refresh()
    box.select("canbo")
    assert box.unlock() and users.locked_until(window.ctx.store, "canbo") is None
    reset = box.reset_password()
    reset.password.setText("mat-khau-moi-1")
    reset.again.setText("mat-khau-moi-1")
    reset.try_save()
    assert not reset.isVisible()
    assert users.login(window.ctx.store, "canbo", "mat-khau-moi-1").username == "canbo"


def test_the_account_disabled_is_the_one_chosen_before_a_sort_and_named_first(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A header clicked between choosing an account and pressing Disable moves the account, not the choice;
    the question names the account, and No leaves every account as it was."""
    window = window_as("quantri")
    window.show_page("admin")
    box = window.admin.users_box
    view, model = box.view, box.model
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(model.index(2, 0)).center())
    chosen = model.row(2)["username"]
    header = view.horizontalHeader()
    full_name = next(n for n in range(model.columnCount())
                     if model.headerData(n, Qt.Orientation.Horizontal) == "Họ và tên")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(full_name) + 5, header.height() // 2))
    assert model.row(2)["username"] != chosen  # the sort moved the chosen account
    qtbot.mouseClick(box.buttons["active"], Qt.MouseButton.LeftButton)
    question = next(b for b in box.findChildren(QMessageBox) if b.isVisible())
    assert question.text().startswith(f"Khoá tài khoản “{chosen} (")  # its full name follows
    question.button(QMessageBox.StandardButton.No).click()
    assert all(user["active"] for user in users.list_users(window.ctx.store))
    qtbot.mouseClick(box.buttons["active"], Qt.MouseButton.LeftButton)
    next(b for b in box.findChildren(QMessageBox) if b.isVisible()).button(QMessageBox.StandardButton.Yes).click()
    assert [user["username"] for user in users.list_users(window.ctx.store) if not user["active"]] == [chosen]


def test_account_dialogs_follow_a_language_switch_while_open(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    box = window.admin.users_box
    dialog = box.add_user()
    assert dialog.isVisible() and dialog.windowTitle() == "Tài khoản mới"
    assert dialog.labels["full_name"].text() == "Họ và tên" and dialog.role.currentText() == "cán bộ"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: dialog.labels["full_name"].text() == "Full name", timeout=2000)
    assert dialog.windowTitle() == "New account" and dialog.role.currentText() == "officer"
    dialog.close()
    box.refresh()
    box.select("canbo")
    reset = box.reset_password()
    assert reset.windowTitle() == "New password for canbo" and reset.labels["password"].text() == "Password"
    assert not reset.full_name.isVisible() and not reset.labels["role"].isVisible()  # not part of a new password
    window.language_actions["vi"].trigger()
    qtbot.waitUntil(lambda: reset.labels["password"].text() == "Mật khẩu", timeout=2000)
    assert reset.windowTitle() == "Mật khẩu mới cho canbo"


def _admin(window) -> Actor:  # type: ignore[no-untyped-def]
    return Actor(str(users.find_user(window.ctx.store, "quantri")["id"]), "quantri", "admin")


def test_backup_and_restore_request(window_as, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    box = window.admin.backup_box
    target = tmp_path / "sao-luu.db"
    with qtbot.waitSignal(box.backed_up, timeout=30_000):
        assert box.back_up(target)
        assert not box.backup_button.isEnabled() and not box.restore_button.isEnabled()
    assert target.exists() and box.backup_button.isEnabled()
    assert box.status.text().startswith("Đã ghi bản sao lưu: ")
    question = box.restore(target)
    assert "khởi động lại" in question.text() or "mở lại" in question.text()
    _click_yes(question)
    assert window.ctx.pending_restore == target and not window.isVisible()


def test_a_backup_runs_in_the_background_and_cancel_leaves_no_file(window_as, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A ward's register is hundreds of megabytes and a USB stick slow: the window is never frozen by the copy."""
    from desktop.security import database

    monkeypatch.setattr(database, "BACKUP_STEP_PAGES", 1)  # many steps: Cancel lands before the copy ends
    window = window_as("quantri")
    box = window.admin.backup_box
    (tmp_path / "usb").mkdir()
    target = tmp_path / "usb" / "sao-luu.db"
    with qtbot.waitSignal(box.progress.cancelled, timeout=30_000):
        assert box.back_up(target)
        assert not box.progress.isHidden() and box.progress.writing
        box.progress.cancel_button.click()
    assert list(target.parent.iterdir()) == []
    assert box.status.text() == "Đã hủy sao lưu: không tệp nào được ghi."
    assert box.backup_button.isEnabled() and box.restore_button.isEnabled()


def test_a_backup_refused_is_told_in_a_box(window_as, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    window = window_as("quantri")
    box = window.admin.backup_box
    target = tmp_path / "co-roi.db"
    target.write_bytes(b"an earlier backup")
    assert box.back_up(target)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in box.findChildren(QMessageBox, "errorBox")), timeout=30_000)
    shown = next(b for b in box.findChildren(QMessageBox, "errorBox") if b.isVisible())
    assert str(target) in shown.text() and "Error" not in shown.text()
    assert target.read_bytes() == b"an earlier backup"
    shown.close()


def test_another_wards_database_is_refused_before_the_app_closes(window_as, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    other = tmp_path / "phuong-khac.db"
    with open_database(other, None, create=True) as store:
        add_accounts(store)
    refused = window.admin.backup_box.restore(other)
    assert refused.objectName() == "errorBox"
    assert refused.text() == f"{other} không phải bản sao lưu của sổ này (đó là cơ sở dữ liệu của một máy hoặc " \
                             "một phường khác); không khôi phục gì cả."
    refused.close()
    assert window.ctx.pending_restore is None and window.isVisible()


def test_a_persons_data_is_exported_only_under_a_json_name(window_as, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Seen: the JSON written as x.pdf (opened by the wrong program, or replacing a report)."""
    window = window_as("quantri")
    box = window.admin.subject_box
    box.name.setText("a")
    assert box.search() >= 1
    assert box.export(tmp_path / "nguoi.pdf") is None and box.error.text().endswith("phải có tên kết thúc bằng .json.")
    assert not (tmp_path / "nguoi.pdf").exists()
    assert box.export(tmp_path / "nguoi.json") is not None


def test_data_subject_export(window_as, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    window = window_as("quantri")
    store = window.ctx.store
    person_id, name = store.conn.execute("SELECT id, full_name FROM people ORDER BY full_name LIMIT 1").fetchone()
    box = window.admin.subject_box
    from desktop.search.folding import fold

    box.name.setText(fold(name))  # typed without accents
    assert box.search() >= 1
    box.people.setCurrentIndex(box.people.findData(person_id))
    out = box.export(tmp_path / "nguoi.json")
    assert out is not None and json.loads(out.read_text("utf-8"))["person"]["id"] == person_id
    withheld = json.loads(out.read_text("utf-8"))["withheld"]
    # A household of several: the admin is told what free text was left out, as the file says.
    assert withheld["free_texts"] > 0 and box.status.text().endswith(withheld["why"])
    assert "người khác" in box.status.text()
    assert store.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target_id = ?",
                              (person_id,)).fetchone()[0] == 1

    # The database itself chosen as the file to save to: refused in words, the register untouched (the export
    # is written by the core's writer, as in the CLI, not straight over whatever file was picked).
    database = window.ctx.db_path
    before = database.read_bytes()
    assert box.export(database) is None
    assert not box.error.isHidden() and "cơ sở dữ liệu" in box.error.text()
    assert database.read_bytes() == before
    assert store.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] > 0


def test_a_refusal_escaping_a_slot_is_shown_as_a_message(window_as, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import sys

    from ui.crash import install_error_hook

    window = window_as("canbo")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook(tmp_path)
    window.activateWindow()
    try:
        users.list_users(window.ctx.store)
    except WardbookError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    boxes = list({box for box in QApplication.topLevelWidgets() + window.findChildren(QMessageBox)
                  if isinstance(box, QMessageBox) and box.isVisible()})
    assert len(boxes) == 1 and "không có quyền quản lý tài khoản" in boxes[0].text()
    boxes[0].close()


def test_admin_tabs_follow_the_language(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = window_as("quantri")
    tabs = window.admin.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Người dùng", "Thông tin phường", "Sao lưu và dữ liệu cá nhân", "Thời hạn lưu trữ"]
    window.set_language("en")
    try:
        qtbot.waitUntil(lambda: tabs.tabText(3) == "Retention", timeout=2000)  # LanguageChange is posted
        assert window.admin.users_box.buttons["add"].text() == "Add account…"
        assert window.admin.retention_box.purge_button.text() == "Purge…"
    finally:
        window.set_language("vi")


def test_first_start_offers_the_first_admin_who_is_then_logged_in(tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    from desktop.security.session import accounts_exist
    from ui.app import open_and_log_in
    from ui.first_start import FirstStartDialog
    from ui.login import FirstAdminDialog

    seen: list[str] = []

    def create_admin(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstAdminDialog)
        dialog.username.setText("quantri")
        dialog.full_name.setText("Quản trị viên")
        dialog.password.setText("mat-khau-quan-tri")
        dialog.again.setText("mat-khau-khac-han")
        dialog.try_create()
        seen.append(dialog.error.text())
        dialog.again.setText("mat-khau-quan-tri")
        dialog.try_create()

    def choose_empty(dialog: QWidget) -> None:
        assert isinstance(dialog, FirstStartDialog)
        drive_modal(FirstAdminDialog, create_admin)
        dialog._choose("empty")

    drive_modal(FirstStartDialog, choose_empty)
    store = open_and_log_in(tmp_path / "new.db", None, interactive=True, self_test=False)
    assert store is not None
    try:
        assert seen == ["Hai lần nhập mật khẩu không khớp."]
        actor = attached_actor(store)
        assert actor is not None and (actor.username, actor.role) == ("quantri", "admin")
        assert accounts_exist(store)
    finally:
        store.close()


def test_skipping_the_first_admin_keeps_setup_mode(tmp_path, language) -> None:  # type: ignore[no-untyped-def]
    from desktop.security.session import accounts_exist, current_actor
    from ui.app import open_and_log_in
    from ui.first_start import FirstStartDialog
    from ui.login import FirstAdminDialog

    def choose_empty(dialog: QWidget) -> None:
        drive_modal(FirstAdminDialog, lambda admin: admin.skip_button.click())
        dialog._choose("empty")  # type: ignore[attr-defined]

    drive_modal(FirstStartDialog, choose_empty)
    store = open_and_log_in(tmp_path / "new.db", None, interactive=True, self_test=False)
    assert store is not None
    try:
        assert not accounts_exist(store) and current_actor(store).is_setup
    finally:
        store.close()


def test_restore_after_the_window_closed_brings_the_backup_back(tmp_path, capsys, language) -> None:  # type: ignore[no-untyped-def]
    from desktop.security.database import backup
    from ui.app import finish_restore

    path, copy = tmp_path / "ward.db", tmp_path / "backup.db"
    with open_database(path, None, create=True) as store:
        store.set_setting("report.place", "Phường Bến Thành")
        backup(store, copy, None)
        store.set_setting("report.place", "đã đổi sau khi sao lưu")
    finish_restore(path, copy, None, interactive=False)
    with open_database(path, None) as restored:
        assert restored.setting("report.place") == "Phường Bến Thành"
        assert restored.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'restore'").fetchone()[0] == 1
    [kept] = tmp_path.glob("ward.db.before-restore-*")
    with open_database(kept, None) as replaced:
        assert replaced.setting("report.place") == "đã đổi sau khi sao lưu"
    assert capsys.readouterr().out == f"Đã khôi phục bản sao lưu; sổ bị thay thế được giữ tại {kept}. " \
                                      "Hãy mở lại WardBook.\n"


def test_a_row_made_current_by_tabbing_into_a_list_is_not_acted_on(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tabbing into a list with nothing chosen makes its first row current without highlighting it; Disable
    then asked about (and could disable) an account the admin never chose."""
    from PySide6.QtCore import QModelIndex, Qt

    window = window_as("quantri")
    window.show_page("admin")
    box = window.admin.users_box
    box.view.selectionModel().clearSelection()
    box.view.setCurrentIndex(QModelIndex())
    box.view.selectionModel().clearSelection()
    box.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.wait(20)
    if not box.view.currentIndex().isValid():  # as Qt does on focus by Tab, on the platforms where it does
        box.view.selectionModel().setCurrentIndex(box.model.index(0, 0),
                                                  box.view.selectionModel().SelectionFlag.NoUpdate)
    assert box.view.currentIndex().isValid() and not box.view.selectionModel().hasSelection()
    assert box.toggle_active() is None and box.selected() is None


def test_the_apps_restore_runs_behind_a_progress_dialog_and_tells_a_refusal(tmp_path, qapp, language) -> None:  # type: ignore[no-untyped-def]
    """The window is gone when the restore runs: the copies run in the background while a dialog shows them."""
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from desktop.security.database import backup
    from ui.app import _restore_shown

    path, copy, other = tmp_path / "ward.db", tmp_path / "backup.db", tmp_path / "other.db"
    with open_database(path, None, create=True) as store:
        attach(store, add_accounts(store)["quantri"])  # a register in use: only its own backups come back
        store.set_setting("report.place", "Phường Bến Thành")
        backup(store, copy, None)
        store.set_setting("report.place", "đã đổi sau khi sao lưu")
    with open_database(other, None, create=True) as store:
        add_accounts(store)
    kept, failure = _restore_shown(path, copy, None)
    assert failure is None and kept is not None and kept.name.startswith("ward.db.before-restore-")
    with open_database(path, None) as restored:
        assert restored.setting("report.place") == "Phường Bến Thành"
    kept_again, refused = _restore_shown(path, other, None)
    assert kept_again is None and refused is not None
    assert refused.startswith(f"{other} không phải bản sao lưu của sổ này") and "Error" not in refused
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_ward_settings_are_saved_all_or_none_and_say_so(window_as) -> None:  # type: ignore[no-untyped-def]
    """Seen: one setting saved while the box said "not saved" for another, named by its key."""
    from PySide6.QtWidgets import QMessageBox

    window = window_as("quantri")
    page = window.admin
    store = window.ctx.store
    before = {key: store.setting(key) for key in page.setting_edits}
    page.setting_edits["report.superior_body"].setText("ỦY BAN NHÂN DÂN QUẬN 1 (mới)")
    page.setting_edits["report.issuing_body"].setText("CÔNG AN\x01PHƯỜNG")
    page.save_settings()
    box = next(b for b in page.findChildren(QMessageBox, "errorBox") if b.isVisible())
    assert "Cơ quan ban hành" in box.text() and "report." not in box.text()
    box.close()
    assert {key: store.setting(key) for key in page.setting_edits} == before  # neither was saved
    assert page.settings_notice.text() == ""
    page.setting_edits["report.issuing_body"].setText("CÔNG AN PHƯỜNG")
    page.save_settings()
    assert page.settings_notice.text() == "Đã lưu."
    assert (store.setting("report.superior_body"), store.setting("report.issuing_body")) == (
        "ỦY BAN NHÂN DÂN QUẬN 1 (mới)", "CÔNG AN PHƯỜNG")
    page.save_settings()
    assert page.settings_notice.text() == "Không có gì thay đổi để lưu."


def test_a_lead_made_officer_with_the_cases_open_sees_their_own_and_is_refused_the_others(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The role is changed by an admin elsewhere while the Cases list (everyone's) is on screen: the list is read
    again as the officer's, and a case of another officer asked for anyway is refused in words, not a crash."""
    window = window_as("totruong")
    store = window.ctx.store
    window.show_page("cases")
    window.cases.status.setCurrentIndex(window.cases.status.findData(None))  # all cases
    others = [str(window.cases.model.row(r)["id"]) for r in range(window.cases.model.rowCount())]
    assert others and store.conn.execute("SELECT COUNT(*) FROM cases WHERE assignee_id = ?",
                                         (window.ctx.user_id,)).fetchone()[0] == 0
    _as_admin_elsewhere(store.path, lambda other: users.set_role(other, "totruong", "officer"))
    window.check_account()
    assert window.cases.model.rowCount() == 0 and window.cases.hidden == len(others)
    window.cases.open_case(others[0])
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert [box.text() for box in boxes] == [
        "Tài khoản 'totruong' (cán bộ) không có quyền xem hồ sơ của cán bộ khác."]
    boxes[0].close()
