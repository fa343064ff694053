"""An smb:// station share that cannot be reached, logged into or found is told in words naming its address,
in Vietnamese and English — never the SMB library's exception, errno or text — by the app, the CLI and every
step that opens the share. A real Samba server on loopback plays the station for the password and share cases;
an unused loopback port and a name that never resolves play the computer that is off or elsewhere."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import samba_server

from desktop.cli import main
from desktop.errors import WardbookError
from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from desktop.sync import jobs, setup
from desktop.sync.folder import FolderShare
from desktop.sync.transport import open_transport

LIBRARY_WORDS = ("Errno", "Failed", "refused", "SMB", "Exception", "socket", "known", "ntstatus", "0xc")


@pytest.fixture
def samba_url(tmp_path: Path) -> Iterator[str]:
    """A station of its own for each test, so none starts with a session an earlier test logged in."""
    if not samba_server.available():
        pytest.skip("needs Samba's smbd and smbpasswd, as root (Debian samba)")
    (tmp_path / "samba").mkdir()
    with samba_server.samba(tmp_path / "samba") as (url, _shared):
        yield url


def unused_port() -> int:
    """A loopback port nothing listens on: a computer that refuses at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _refusal(location: str) -> WardbookError:
    with pytest.raises(WardbookError) as caught:
        FolderShare(location)
    return caught.value


def _in_words(error: WardbookError, address: str) -> tuple[str, str]:
    """Both languages of the refusal, each naming the address and none of the library's words."""
    vi, en = error.message("vi"), error.message("en")
    for text in (vi, en):
        assert address in text, text
        assert not any(word in text for word in LIBRARY_WORDS), text
    assert vi != en
    return vi, en


@pytest.mark.parametrize("host", ["127.0.0.1", "station.invalid"])
def test_a_computer_that_does_not_answer_is_told_as_unreachable(host: str) -> None:
    address = f"smb://{host}:{unused_port()}/wardbook"
    error = _refusal(address)
    assert error.msg_id == "sync.share_unreachable"
    vi, en = _in_words(error, address)
    assert "Không kết nối được với máy" in vi and "Cannot connect to the computer" in en


def test_a_wrong_password_is_told_as_refused(samba_url: str) -> None:
    wrong = samba_url.replace(f":{samba_server.PASSWORD}@", ":not-the-password@")
    error = _refusal(wrong)
    assert error.msg_id == "sync.share_login_refused"
    vi, en = _in_words(error, samba_url.split("@")[1].split("/")[0])
    assert "not-the-password" not in vi + en and samba_server.PASSWORD not in vi + en
    assert "mật khẩu" in vi and "password" in en


def test_a_wrong_password_is_refused_after_the_right_one_was_used(samba_url: str) -> None:
    """The SMB library keeps the session of an earlier login to the same computer and user: a wrong password
    typed afterwards (sync set-up on a laptop that has synced today) was accepted on the strength of it."""
    FolderShare(samba_url)
    wrong = samba_url.replace(f":{samba_server.PASSWORD}@", ":not-the-password@")
    assert _refusal(wrong).msg_id == "sync.share_login_refused"
    FolderShare(samba_url)  # and the right one still works afterwards


def test_a_share_the_computer_does_not_have_is_told_by_name(samba_url: str) -> None:
    missing = samba_url.rsplit("/", 1)[0] + "/wardbok"
    error = _refusal(missing)
    assert error.msg_id == "sync.share_not_found"
    vi, en = _in_words(error, "“wardbok”")
    assert samba_server.PASSWORD not in vi + en


def test_a_folder_inside_the_share_that_is_not_there_yet_is_not_a_missing_share(samba_url: str,
                                                                                   tmp_path: Path) -> None:
    """A station folder the admin is about to set up inside the share: reachable, just not a station yet."""
    store = Store.open(tmp_path / "laptop.db", create=True)
    try:
        assert setup.standing(store.device_id, f"{samba_url}/tram-moi") == "not_a_share"
    finally:
        store.close()


def test_an_address_without_a_share_name_says_how_to_write_one() -> None:
    error = _refusal("smb://station")
    assert error.msg_id == "sync.share_address"
    _in_words(error, "smb://station")


def test_the_station_switched_off_during_a_sync_is_told_in_the_same_words(tmp_path: Path) -> None:
    if not samba_server.available():
        pytest.skip("needs Samba's smbd and smbpasswd, as root (Debian samba)")
    (tmp_path / "samba").mkdir()
    with samba_server.samba(tmp_path / "samba") as (url, _shared):
        transport = open_transport(url)
        transport.makedirs("devices")
    for step in (lambda: transport.listdir("devices"), lambda: transport.read("station.json"),
                 lambda: transport.write_new("devices/x.chg", b"x")):
        with pytest.raises(WardbookError) as caught:
            step()
        assert caught.value.msg_id == "sync.share_unreachable"
        _in_words(caught.value, transport.description)


def test_every_step_that_opens_the_share_tells_it_in_words(tmp_path: Path) -> None:
    """Where the Sync page stands, Sync now, and the set-up steps the app and the CLI run."""
    address = f"smb://127.0.0.1:{unused_port()}/wardbook"
    store = Store.open(tmp_path / "laptop.db", create=True)
    keys = PassphraseFileSecrets(tmp_path / "keys.json", "laptop passphrase")
    try:
        steps = {
            "standing": lambda: setup.standing(store.device_id, address),
            "laptops": lambda: setup.laptops(address),
            "sync now": lambda: jobs.sync_now(store, address, secrets=keys),
            "join": lambda: setup.ask_to_join(store, address, keys, "may-2"),
            "create": lambda: setup.create_share(store, address, keys),
            "snapshot": lambda: setup.snapshot(store, address, keys),
        }
        for name, step in steps.items():
            with pytest.raises(WardbookError) as caught:
                step()
            assert caught.value.msg_id == "sync.share_unreachable", name
        assert jobs.device_status(store) == []  # nothing remembered yet; and nothing raised
    finally:
        store.close()


def test_the_cli_tells_an_unreachable_share_not_a_damaged_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", "station passphrase")
    laptop = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys")]
    assert main(["init", *laptop]) == 0
    capsys.readouterr()
    address = f"smb://127.0.0.1:{unused_port()}/wardbook"
    for command in (["sync", "--share", address], ["share", "list", "--share", address],
                    ["share", "snapshot", "--share", address], ["enroll", address], ["share", "init", address]):
        assert main([*command, *laptop]) != 0
        told = capsys.readouterr().err
        assert "Không kết nối được với máy 127.0.0.1" in told and address in told, told
        assert "hỏng" not in told and "ValueError" not in told and "Errno" not in told, told
