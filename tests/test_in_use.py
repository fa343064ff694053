"""A register in use by another process: a restore refused while WardBook is open on it, one sync of a laptop
at a time, and no database in the shared sync folder. Real processes hold the locks, as the app and a second
command would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.security.database import backup, is_plain, open_database, restore
from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from desktop.store.in_use import APP, hold_register
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.keystore import load_keys

ROOT = Path(__file__).resolve().parents[1]
PASSPHRASE = "mật khẩu tệp khóa"

HOLDER = """
import sys
from desktop.store.in_use import APP, hold_register
hold = hold_register(sys.argv[1], APP)
print("held", flush=True)
sys.stdin.read()
"""


@contextmanager
def app_session_in_another_process(database: Path) -> Iterator[subprocess.Popen[str]]:
    """A process holding `database` as the app does for its session, until the block ends (it is then killed,
    as a crash would end it)."""
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(database)], env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        yield child
    finally:
        child.kill()
        child.wait()


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str]]:
    """`wardbook ARGS --lang en`: its exit status and what it printed."""

    def run(*args: object) -> tuple[int, str]:
        capsys.readouterr()
        code = main([*(str(a) for a in args), "--lang", "en"])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    return run


def _register_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    path, copy = tmp_path / "ward.db", tmp_path / "backup.db"
    with open_database(path, None, create=True) as store:
        store.set_setting("report.place", "Phường Bến Thành")
        backup(store, copy, None)
        store.set_setting("report.place", "đổi sau khi sao lưu")
    return path, copy


def test_a_restore_is_refused_while_wardbook_is_open_on_the_register(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """The restore used to rename the backup over the file the app had open: the app went on saving into the
    replaced file and every later visit was lost without a word. Once the app is gone (even killed), it works."""
    path, copy = _register_with_backup(tmp_path)
    before = path.stat().st_ino
    with app_session_in_another_process(path):
        code, said = cli("restore", copy, "--db", path)
        assert code == 2
        assert "WardBook is open with the register" in said and "Close WardBook first" in said
        assert path.stat().st_ino == before and not list(tmp_path.glob("ward.db.before-restore-*"))
        with open_database(path, None) as store:
            assert store.setting("report.place") == "đổi sau khi sao lưu"
    # The app was killed: the operating system let go of its lock, so nothing stale keeps the register "open".
    assert cli("restore", copy, "--db", path)[0] == 0
    with open_database(path, None) as store:
        assert store.setting("report.place") == "Phường Bến Thành"


def test_the_app_restores_the_register_it_holds_itself(tmp_path: Path) -> None:
    """The admin's restore runs as the app's window closes, while the app still holds the register."""
    path, copy = _register_with_backup(tmp_path)
    with hold_register(path, APP):
        restore(path, copy, None)
    with open_database(path, None) as store:
        assert store.setting("report.place") == "Phường Bến Thành"


def test_a_plain_register_is_not_encrypted_under_an_open_app(tmp_path: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Opening a plain database with a key store moves it to an encrypted file by renames: the open app would
    have gone on writing into the old file."""
    path = tmp_path / "ward.db"
    Store.open(path, create=True).close()
    monkeypatch.delenv("WARDBOOK_UNENCRYPTED")
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)
    with app_session_in_another_process(path):
        code, said = cli("stats", "--db", path, "--key-file", tmp_path / "keys.json")
        assert code == 2 and "Close WardBook first" in said
        assert is_plain(path)
    assert cli("stats", "--db", path, "--key-file", tmp_path / "keys.json")[0] == 0
    assert not is_plain(path)


def _station_and_laptop(tmp_path: Path, cli) -> list[str]:  # type: ignore[no-untyped-def]
    """A station with 30 households on a share, and an approved laptop that has not synced yet; the laptop's
    options."""
    share = tmp_path / "share"
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys")]
    laptop = ["--db", str(tmp_path / "laptop.db"), "--key-file", str(tmp_path / "laptop.keys")]
    assert cli("demo", "--households", "30", *station)[0] == 0
    assert cli("share", "init", share, *station)[0] == 0
    assert cli("init", *laptop)[0] == 0
    assert cli("enroll", share, "--name", "may-01", *laptop)[0] == 0
    with open_database(tmp_path / "laptop.db", PassphraseFileSecrets(tmp_path / "laptop.keys", PASSPHRASE)) as store:
        device = store.device_id
    assert cli("share", "approve", device, *station)[0] == 0
    assert cli("sync", *station)[0] == 0
    return laptop


def test_a_second_sync_of_the_laptop_is_told_one_is_running(tmp_path: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The app's Sync now beside a scheduled `wardbook sync`: the second one used to race the first for the
    names of the files it publishes (and remove its temporary files as a crash's) and stop naming a hidden
    temporary file. Now it is told a sync is running and touches nothing."""
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)
    laptop = _station_and_laptop(tmp_path, cli)
    secrets = PassphraseFileSecrets(tmp_path / "laptop.keys", PASSPHRASE)
    second: list[subprocess.CompletedProcess[str]] = []
    with open_database(tmp_path / "laptop.db", secrets) as store:
        own = tmp_path / "share" / "devices" / store.device_id
        own.mkdir(parents=True, exist_ok=True)
        writing = own / ".000000000001.chg.tmp-0a1b2c3d"  # as the first sync's file being written

        def meanwhile(done: int, total: int, what: str) -> None:
            if not second:
                writing.write_bytes(b"half a changeset")
                second.append(subprocess.run(
                    [sys.executable, "-m", "desktop.cli", *laptop, "--lang", "en", "sync"], capture_output=True,
                    text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120))

        _published, report = sync_once(store, FolderShare(tmp_path / "share"), load_keys(secrets),
                                        progress=meanwhile)
        assert report.errors == []
        assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 30
    [result] = second
    assert result.returncode == 2, result.stdout
    assert "A sync is already running on this laptop" in result.stderr
    assert ".tmp-" not in result.stderr
    assert writing.read_bytes() == b"half a changeset"
    assert cli("sync", *laptop)[0] == 0  # the first one over, the next sync goes ahead


def test_no_database_is_made_or_opened_inside_the_sync_folder(tmp_path: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The shared folder is reached by every laptop over the network, where SQLite's locking cannot be trusted."""
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)
    share = tmp_path / "share"
    station = tmp_path / "station.db"
    assert cli("init", "--db", station)[0] == 0
    assert cli("share", "init", share, "--db", station, "--key-file", tmp_path / "keys.json")[0] == 0
    inside = share / "wardbook.db"
    code, said = cli("init", "--db", inside)
    assert code == 2 and f"it is inside the shared sync folder {share}" in said
    assert not inside.exists()
    (share / "devices" / "old").mkdir()
    station.rename(share / "devices" / "old" / "station.db")  # a database moved into the share
    code, said = cli("stats", "--db", share / "devices" / "old" / "station.db")
    assert code == 2 and "Keep the database on this laptop's own disk" in said


def test_the_folder_holding_the_database_is_not_made_its_sync_folder(tmp_path: Path, cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "ward" / "ward.db"
    assert cli("init", "--db", path)[0] == 0
    code, said = cli("share", "init", tmp_path, "--db", path, "--key-file", tmp_path / "keys.json")
    assert code == 2 and "inside the shared sync folder" in said
    assert not (tmp_path / "station.json").exists()
