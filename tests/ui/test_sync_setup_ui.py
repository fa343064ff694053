"""A station's sync set up entirely through the Sync page, between two real databases on one folder: the admin
laptop creates the share, a new laptop asks to join (its key file asked for in a dialog, as on a computer with
no keyring), the admin approves it for an account, writes a snapshot, the new laptop loads it and syncs, and
the admin revokes it."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.security.permissions import Actor
from desktop.security.secrets import PassphraseFileSecrets
from desktop.security.session import attach, detach
from desktop.store import Store
from desktop.sync.folder import FolderShare
from desktop.sync.grants import effective_grants
from tests.security.conftest import add_accounts
from tests.test_share_reach import unused_port
from tests.ui.conftest import DEMO_END
from ui.context import AppContext
from ui.crash import ERROR_LOG, install_error_hook
from ui.pages.sync import SyncPage


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.core.init_backend()
    yield
    keyring.set_keyring(previous)


def _row_of(page: SyncPage, device: str) -> tuple[int, dict[str, object]]:
    rows = [page.setup.laptops.row(i) for i in range(page.setup.laptops.rowCount())]
    number = next(i for i, row in enumerate(rows) if row["device"] == device)
    return number, rows[number]


def _checked(qtbot, page: SyncPage, act: Callable[[], object]) -> None:  # type: ignore[no-untyped-def]
    """Do `act`, then wait for the page's check of the folder it starts (run in a worker)."""
    with qtbot.waitSignal(page.setup.checked, timeout=60_000):
        act()


def _in_background(page: SyncPage, act: Callable[[], object]) -> None:
    """`act` starts a set-up step that reaches the share: it runs in the pool, the steps' buttons locked, and the
    window stays responsive (a station switched off held it still for seconds when steps ran on its thread)."""
    act()
    assert page.setup.progress.worker is not None
    assert not page.setup.create_button.isEnabled() and not page.setup.approve_button.isEnabled()


def _households(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM households WHERE deleted_hlc IS NULL").fetchone()[0])


def test_sync_is_set_up_through_the_sync_page_alone(  # type: ignore[no-untyped-def]
        demo_store, language, owned, qtbot, tmp_path: Path, no_keyring) -> None:
    folder = str(tmp_path / "share")
    (tmp_path / "share").mkdir()
    actors = add_accounts(demo_store)
    attach(demo_store, actors["quantri"])
    admin_ctx = AppContext(demo_store, language, today=lambda: DEMO_END,
                           secrets=PassphraseFileSecrets(tmp_path / "admin-keys.json", "admin laptop passphrase"))
    admin = SyncPage(admin_ctx)
    new_store = Store.open(tmp_path / "new.db", create=True)
    try:
        new_ctx = AppContext(new_store, language, today=lambda: DEMO_END)
        laptop = SyncPage(new_ctx)
        owned.extend((admin, laptop))
        admin.show()
        laptop.show()

        # An empty folder: a sentence that says what to do, and the button that does it.
        admin.share.setText(folder)
        _checked(qtbot, admin, admin.setup.refresh)
        assert admin.setup.state == "not_a_share"
        assert "Thiết lập thư mục này" in admin.setup.standing.text()
        assert admin.setup.create_button.isVisible()
        _checked(qtbot, admin, lambda: _in_background(admin, admin.setup.create_button.click))
        assert admin.setup.state == "admin", admin.setup.error.text()
        assert FolderShare(folder).has_station()

        # The new laptop has no keyring and a plain database: its sync keys go to a key file asked for here.
        laptop.share.setText(folder)
        _checked(qtbot, laptop, laptop.setup.refresh)
        assert laptop.setup.state == "not_joined" and laptop.setup.join_button.isVisible()
        laptop.setup.join_button.click()
        dialog = laptop.keys.dialog
        assert dialog is not None and dialog.isVisible() and dialog.explain.isVisible()
        for text in (dialog.explain.text(), laptop.setup.standing.text()):
            assert "--" not in text and "WARDBOOK" not in text and "Error" not in text
        dialog.path.setText(str(tmp_path / "laptop-keys.json"))
        dialog.passphrase.setText("new laptop passphrase")
        dialog.again.setText("new laptop passphrase")
        _checked(qtbot, laptop, dialog.try_accept)
        assert laptop.setup.state == "waiting", laptop.setup.error.text()
        assert laptop.setup.check_button.isVisible()

        # The admin approves it for the account "canbo".
        _checked(qtbot, admin, admin.setup.refresh)
        states = {admin.setup.laptops.row(i)["state"] for i in range(admin.setup.laptops.rowCount())}
        assert states == {"admin", "waiting"}
        admin.setup.laptops_view.selectRow(_row_of(admin, new_store.device_id)[0])
        admin.setup.approve_button.click()
        approve = admin.setup.approve_dialog
        assert approve is not None and approve.isVisible()
        approve.account.setCurrentIndex(approve.account.findData("canbo"))
        _checked(qtbot, admin, lambda: _in_background(
            admin, approve.buttons.button(approve.buttons.StandardButton.Ok).click))
        approved = _row_of(admin, new_store.device_id)[1]
        assert (approved["state"], approved["username"], approved["role"]) == ("enrolled", "canbo", "officer")
        roster = FolderShare(folder).station()
        assert effective_grants(roster, new_store.device_id)[-1]["user_id"] == actors["canbo"].user_id

        # A snapshot for new laptops, then the new laptop loads it.
        with qtbot.waitSignal(admin.setup.checked, timeout=60_000):
            admin.setup.snapshot_button.click()
        assert not admin.setup.error.text() and admin.setup.standing.text().endswith("Xong.")
        _checked(qtbot, laptop, laptop.setup.check_button.click)
        assert laptop.setup.state == "enrolled" and laptop.setup.bootstrap_button.isVisible()
        with qtbot.waitSignal(laptop.setup.checked, timeout=60_000):
            laptop.setup.bootstrap_button.click()
        assert not laptop.setup.error.text()
        assert _households(new_store) == _households(demo_store) > 0

        # Both laptops sync from the page: a household made on the admin laptop reaches the new one.
        demo_store.writer.insert("households", {"code": "MOI-1", "street": "Đường Mới"})
        with qtbot.waitSignal(admin.synced, timeout=60_000):
            admin.sync_button.click()
        attach(new_store, Actor(actors["canbo"].user_id, "canbo", "officer"))
        with qtbot.waitSignal(laptop.synced, timeout=60_000):
            laptop.sync_button.click()
        assert new_store.conn.execute("SELECT COUNT(*) FROM households WHERE code = 'MOI-1'").fetchone()[0] == 1

        # The laptop is handed to the team lead: bound to that account from its next file on.
        _checked(qtbot, admin, admin.setup.refresh)
        admin.setup.laptops_view.selectRow(_row_of(admin, new_store.device_id)[0])
        admin.setup.approve_button.click()
        bind = admin.setup.approve_dialog
        assert bind is not None and bind is not approve
        bind.account.setCurrentIndex(bind.account.findData("totruong"))
        _checked(qtbot, admin, bind.buttons.button(bind.buttons.StandardButton.Ok).click)
        bound = _row_of(admin, new_store.device_id)[1]
        assert (bound["state"], bound["username"], bound["role"]) == ("enrolled", "totruong", "team_lead")

        # The admin revokes it, after a question.
        _checked(qtbot, admin, admin.setup.refresh)
        admin.setup.laptops_view.selectRow(_row_of(admin, new_store.device_id)[0])
        admin.setup.revoke_button.click()
        box = next(b for b in admin.findChildren(QMessageBox) if b.isVisible())
        _checked(qtbot, admin, box.button(QMessageBox.StandardButton.Yes).click)
        assert _row_of(admin, new_store.device_id)[1]["state"] == "revoked"
        _checked(qtbot, laptop, laptop.setup.refresh)
        assert laptop.setup.state == "revoked"
    finally:
        detach(demo_store)
        for page in owned:  # gone before the new laptop's database closes (a language switch would reach them)
            page.close()
            shiboken6.delete(page)
        owned.clear()
        new_store.close()


def test_a_folder_that_cannot_be_used_is_told_in_words(ctx, owned, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Sync now on an empty folder says what to do, with no file, flag or setting name."""
    page = SyncPage(ctx, secrets=PassphraseFileSecrets(tmp_path / "k.json", "laptop passphrase"))
    owned.append(page)
    page.share.setText(str(tmp_path))
    page.sync_now()
    qtbot.waitUntil(lambda: page.progress.worker is None and bool(page.error.text()), timeout=60_000)
    text = page.error.text()
    assert "station.json" not in text and "--" not in text
    assert "Thiết lập thư mục này" in text


@pytest.mark.qt_no_exception_capture
def test_an_smb_share_that_cannot_be_reached_is_told_without_the_window_waiting(  # type: ignore[no-untyped-def]
        window, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The station's address typed as the field suggests (smb://computer/share) while that computer is off:
    Enter starts the check in the background (the page says at once that it is checking), then the page says
    the folder cannot be reached and why, naming it — never the crash box. Again each time the page opens."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook(tmp_path)
    address = f"smb://127.0.0.1:{unused_port()}/wardbook"
    window.show_page("sync")
    page = window.sync
    page.share.setFocus()
    qtbot.keyClicks(page.share, address)
    for open_page in (lambda: qtbot.keyClick(page.share, Qt.Key.Key_Return),
                      lambda: (window.show_page("households"), window.show_page("sync"))):
        open_page()
        assert page.setup.state == "checking", page.setup.state  # the GUI thread did not wait for the answer
        assert page.setup.standing.text() == "Đang kiểm tra thư mục dùng chung…"
        qtbot.waitUntil(lambda: page.setup.state != "checking", timeout=60_000)
        assert page.setup.state == "unreachable"
        assert "Không truy cập được thư mục dùng chung" in page.setup.standing.text()
        told = page.setup.error.text()
        assert "Không kết nối được với máy 127.0.0.1" in told and address in told, told
        assert not any(word in told for word in ("Errno", "Failed", "refused", "ValueError")), told
        assert page.setup.check_button.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if w.objectName() == "crashBox" and w.isVisible()]
    assert not (tmp_path / ERROR_LOG).read_text("utf-8")


def test_a_file_or_a_damaged_station_is_told_as_such_not_as_a_network_problem(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Seen: a file chosen as the folder, or a station.json garbled, told "cannot be reached, check the network"."""
    a_file = tmp_path / "tep.txt"
    a_file.write_text("x")
    window.show_page("sync")
    page = window.sync
    page.share.setText(str(a_file))
    page.share.editingFinished.emit()
    qtbot.waitUntil(lambda: page.setup.state not in ("", "checking"), timeout=30_000)
    assert page.setup.state == "unusable"
    assert page.setup.standing.text().startswith("Thư mục dùng chung này chưa dùng được")
    assert "là một tệp, không phải thư mục" in page.setup.error.text()
    assert not page.setup.create_button.isVisible()


def test_a_refused_sync_leaves_the_remembered_folder_as_it_was(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Seen: Sync now with another ward's folder refused, yet that folder remembered for the next sync."""
    store = window.ctx.store
    store.set_setting("sync.share", "/mnt/tram-cua-phuong")
    window.show_page("sync")
    page = window.sync
    page.share.setText(str(tmp_path))  # a folder with no station
    page.keys.with_secrets = lambda go: go(None)  # type: ignore[method-assign]  # plain test register: no keys
    page.sync_now()
    qtbot.waitUntil(lambda: page.progress.worker is None and page.error.text() != "", timeout=30_000)
    assert store.setting("sync.share") == "/mnt/tram-cua-phuong"


def test_a_request_that_cannot_be_approved_is_removed_from_the_page(  # type: ignore[no-untyped-def]
        demo_store, language, owned, qtbot, tmp_path: Path, no_keyring) -> None:
    """A request under the number of a laptop of the station is never approved: it stayed in the admin's list for
    good, with no way to take it away in the app."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.sync.station import SyncKeys, raw_public

    folder = str(tmp_path / "share")
    (tmp_path / "share").mkdir()
    actors = add_accounts(demo_store)
    attach(demo_store, actors["quantri"])
    try:
        admin = SyncPage(AppContext(demo_store, language, today=lambda: DEMO_END, secrets=PassphraseFileSecrets(
            tmp_path / "admin-keys.json", "admin laptop passphrase")))
        owned.append(admin)
        admin.show()
        admin.share.setText(folder)
        _checked(qtbot, admin, admin.setup.refresh)
        _checked(qtbot, admin, admin.setup.create_button.click)
        keys = SyncKeys(Ed25519PrivateKey.generate())
        FolderShare(folder).write_request(demo_store.device_id, {  # the admin laptop's own number
            "device": demo_store.device_id, "name": "máy lạ", "public_key": keys.public_hex(),
            "exchange_key": raw_public(keys.exchange_key)})
        _checked(qtbot, admin, admin.setup.refresh)
        number = next(n for n in range(admin.setup.laptops.rowCount())
                      if admin.setup.laptops.row(n)["state"] == "id_taken")
        admin.setup.laptops_view.selectRow(number)
        admin.setup.remove_button.click()
        box = next(b for b in admin.findChildren(QMessageBox) if b.isVisible())
        assert "máy lạ" in box.text()
        _checked(qtbot, admin, box.button(QMessageBox.StandardButton.Yes).click)
        assert not admin.setup.error.text()
        states = [admin.setup.laptops.row(n)["state"] for n in range(admin.setup.laptops.rowCount())]
        assert states == ["admin"] and FolderShare(folder).requests() == []
    finally:
        detach(demo_store)


def test_changes_the_station_refused_from_this_laptop_are_told_after_the_sync(window) -> None:  # type: ignore[no-untyped-def]
    """The sync's own summary says so (each change, with what was written, is among the problems below it)."""
    from desktop.sync.apply import ApplyReport

    window.show_page("sync")
    page = window.sync
    page._finished(ApplyReport(own_refused=2))
    assert "Trạm không nhận 2 thay đổi của máy này" in page.status.text()
    page._finished(ApplyReport())
    assert "Trạm không nhận" not in page.status.text()
