"""Encryption at rest: nothing readable in the file, a wrong key opens nothing, a plain database from the
previous version is migrated without losing a row, backups stay encrypted, and with no key store the app
stops with its message instead of writing anything in plain text."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.security import audit, database
from desktop.security.database import is_plain, key_name, open_database
from desktop.security.secrets import KeyringSecrets, PassphraseFileSecrets
from desktop.store import Store
from desktop.store.connection import set_write_gate
from tests.security.conftest import add_accounts, data_snapshot

ROOT = Path(__file__).resolve().parents[2]
# The last release before encryption at rest: schema v3, plain files, audit entries in the v3 layout.
PREVIOUS_VERSION = "35ecaf2771ca68de0dfb96e0e6f915fbbe3c605b"


def _names(path: Path, key: bytes | None) -> list[str]:
    from desktop.store.connection import connect

    conn = connect(path, key)
    try:
        return [row[0] for row in conn.execute("SELECT full_name FROM people ORDER BY id LIMIT 200")]
    finally:
        conn.close()


def _all_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def _assert_unreadable(path: Path, names: list[str]) -> None:
    assert not is_plain(path)
    blob = _all_bytes(path)
    for name in names:
        for encoded in (name.encode("utf-8"), name.encode("utf-16-le")):
            assert encoded not in blob, name


def test_demo_ward_file_holds_no_readable_name_and_a_wrong_key_opens_nothing(
        tmp_path: Path, key_file: Path, secrets: PassphraseFileSecrets, cli,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "ward.db"
    assert cli("--db", path, "demo", "--households", "60").code == 0
    key = secrets.get(key_name(path))
    assert key is not None and len(key) == 32
    names = _names(path, key)
    assert len(names) > 100
    _assert_unreadable(path, names)
    assert key.hex().encode() not in key_file.read_bytes() and key not in key_file.read_bytes()
    with pytest.raises(WardbookError) as error:
        Store.open(path, key=os.urandom(32))
    assert error.value.msg_id == "store.unreadable"
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM people").fetchall()
    assert cli("--db", path, "stats").code == 0
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", "not the passphrase")
    refused = cli("--db", path, "stats")
    assert refused.code == 2 and "Wrong key-file passphrase" in refused.err


def test_no_keyring_stops_with_its_message_and_writes_nothing(tmp_path: Path, monkeypatch, cli) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("WARDBOOK_UNENCRYPTED", raising=False)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    with pytest.raises(WardbookError) as error:
        KeyringSecrets("db").get("db-key:probe")
    assert error.value.msg_id == "security.no_keyring"
    result = cli("--db", tmp_path / "ward.db", "init")
    assert result.code == 2
    assert "No OS keyring works on this machine" in result.err and "--key-file" in result.err
    assert list(tmp_path.iterdir()) == []


def _previous_version_db(tmp_path: Path) -> Path:
    """A demo ward made by the previous version's own code, checked out of git into a folder."""
    source = tmp_path / "previous"
    source.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", PREVIOUS_VERSION, "desktop"],
                             capture_output=True)
    if archive.returncode != 0:
        pytest.skip(f"commit {PREVIOUS_VERSION} is not in this clone: {archive.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
    path = tmp_path / "old.db"
    env = {**os.environ, "PYTHONPATH": str(source)}
    for command in (["demo", "--households", "80"], ["export", "households", "--out", str(tmp_path / "h.csv")]):
        subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(path), *command],
                       cwd=source, check=True, capture_output=True, env=env)
    return path


def test_plain_database_of_the_previous_version_is_migrated_keeping_every_row(
        tmp_path: Path, key_file: Path, secrets: PassphraseFileSecrets, cli) -> None:  # type: ignore[no-untyped-def]
    path = _previous_version_db(tmp_path)
    assert is_plain(path)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 3
    before = data_snapshot(path)
    names = _names(path, None)
    assert sum(len(rows) for rows in before.values()) > 500
    result = cli("--db", path, "stats")
    assert result.code == 0, result.err
    key = secrets.get(key_name(path))
    assert key is not None
    assert data_snapshot(path, key) == before
    _assert_unreadable(path, names)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("old.db")) == ["old.db"]
    with Store.open(path, key=key) as migrated:
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] >= 4
        assert migrated.conn.execute("SELECT COUNT(*) FROM search_doc").fetchone()[0] == 80
        # the export the previous version audited (v3 layout) still verifies, and the chain goes on from it
        assert migrated.conn.execute("SELECT action, target FROM audit_log").fetchall() == [
            ("export", "households: 80 → h.csv")]
        assert audit.verify(migrated) == []
        audit.record(migrated, "view", "households", "x")
        assert audit.verify(migrated) == []
        set_write_gate(migrated.conn, True)  # as a tool writing the file by hand would
        migrated.conn.execute("UPDATE audit_log SET target = 'households: 1 → h.csv' WHERE seq = 1")
        assert [p.kind for p in audit.verify(migrated)] == ["edited"]


def test_interrupted_migration_finishes_on_next_open(tmp_path: Path, demo_db_template: Path,
                                                     secrets: PassphraseFileSecrets, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "ward.db"
    shutil.copy(demo_db_template, path)
    before = data_snapshot(path)
    real_replace = os.replace

    def crash_after_first_rename(src, dst):  # type: ignore[no-untyped-def]
        real_replace(src, dst)
        if str(dst).endswith(".plain-old"):  # the plain file moved aside, the encrypted one not yet in place
            raise KeyboardInterrupt("power cut")

    monkeypatch.setattr(database.os, "replace", crash_after_first_rename)
    with pytest.raises(KeyboardInterrupt):
        database.encrypt_in_place(path, secrets)
    monkeypatch.setattr(database.os, "replace", real_replace)
    assert not path.exists() and Path(str(path) + ".plain-old").exists()
    with open_database(path, secrets) as store:
        assert data_snapshot(path, store.key) == before
    assert not Path(str(path) + ".plain-old").exists() and not Path(str(path) + ".encrypting").exists()


def test_backup_stays_encrypted_and_restores(tmp_path: Path, key_file: Path, secrets: PassphraseFileSecrets,
                                             cli) -> None:  # type: ignore[no-untyped-def]
    path, copy = tmp_path / "ward.db", tmp_path / "backup.wardbook"
    assert cli("--db", path, "demo", "--households", "40").code == 0
    key = secrets.get(key_name(path))
    names = _names(path, key)
    before = data_snapshot(path, key)
    assert cli("--db", path, "backup", copy).code == 0
    _assert_unreadable(copy, names)
    assert secrets.get(key_name(copy)) == key
    assert data_snapshot(copy, key) == before
    again = cli("--db", path, "backup", copy)
    assert again.code == 2 and "exists" in again.err
    with open_database(path, secrets) as store:  # a change after the backup, which the restore undoes
        from desktop.register.households import add_household

        add_household(store, area_id=None, house_no="1", street="Nguyễn Huệ", head_name="Người Sau Sao Lưu")
    assert cli("--db", path, "restore", copy).code == 0
    with open_database(path, secrets) as restored:
        assert data_snapshot(path, restored.key) == before
        assert restored.conn.execute(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'restore'").fetchone()[0] == 1
    _assert_unreadable(path, names)
    fresh = tmp_path / "new-laptop.db"  # restoring where no database exists yet
    assert cli("--db", fresh, "restore", copy).code == 0
    with open_database(fresh, secrets) as restored:
        assert data_snapshot(fresh, restored.key) == before


def test_secret_service_keeps_the_database_key(tmp_path: Path) -> None:
    """A real Secret Service: gnome-keyring-daemon on a private D-Bus session, started here."""
    missing = [tool for tool in ("dbus-run-session", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"no Secret Service to test against: {', '.join(missing)} not installed")
    script = tmp_path / "check.py"
    script.write_text(
        "import sys\n"
        "from desktop.security.database import key_name, open_database\n"
        "from desktop.security.secrets import KeyringSecrets\n"
        "import keyring\n"
        "path = sys.argv[1]\n"
        "from desktop.cli import main\n"
        "assert main(['--db', path, 'demo', '--households', '30']) == 0\n"
        "secrets = KeyringSecrets('db')\n"
        "key = secrets.get(key_name(__import__('pathlib').Path(path)))\n"
        "assert key is not None and len(key) == 32\n"
        "with open_database(path, KeyringSecrets('db')) as store:\n"
        "    print('households', store.conn.execute('SELECT COUNT(*) FROM households').fetchone()[0])\n"
        "print('backend', type(keyring.get_keyring()).__module__)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARDBOOK_")}
    env["PYTHONPATH"] = str(ROOT)
    command = (f"echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; "
               f"'{sys.executable}' '{script}' '{tmp_path / 'ward.db'}'")
    done = subprocess.run(["dbus-run-session", "--", "sh", "-c", command], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "households 30" in done.stdout
    assert "SecretService" in done.stdout
    assert not is_plain(tmp_path / "ward.db")


def test_restore_needs_an_admin_of_the_current_database(tmp_path: Path, key_file: Path,
                                                        secrets: PassphraseFileSecrets, cli) -> None:  # type: ignore[no-untyped-def]
    from tests.security.conftest import add_accounts

    path, copy = tmp_path / "ward.db", tmp_path / "b.db"
    assert cli("--db", path, "demo", "--households", "20").code == 0
    with open_database(path, secrets) as store:
        add_accounts(store)
    assert cli("--db", path, "backup", copy, user="quantri").code == 0
    with open_database(path, secrets) as store:
        store.set_setting("report.place", "đã đổi sau khi sao lưu")
        before = data_snapshot(path, store.key)
    lead = cli("--db", path, "restore", copy, user="totruong")
    assert lead.code == 2 and "has no right to back up or restore" in lead.err
    with open_database(path, secrets) as store:
        assert data_snapshot(path, store.key) == before
        assert store.setting("report.place") == "đã đổi sau khi sao lưu"
    assert cli("--db", path, "restore", copy, user="quantri").code == 0
    with open_database(path, secrets) as store:
        assert store.setting("report.place") != "đã đổi sau khi sao lưu"


def test_a_reopened_store_keeps_key_user_and_audit(tmp_path: Path, secrets: PassphraseFileSecrets) -> None:
    """Background jobs open their own connection: it must decrypt, act as the same user and stay audited."""
    from desktop.register.households import add_area
    from desktop.security.session import attach, attached_actor

    store = open_database(tmp_path / "ward.db", secrets, create=True)
    officer = add_accounts(store)["canbo"]
    attach(store, officer)
    with database.reopen(store) as worker:
        assert worker.key == store.key and attached_actor(worker) == officer
        add_area(worker, "Khu phố 9")
        assert worker.conn.execute("SELECT action, user_id FROM audit_log WHERE target_table = 'areas'").fetchall() \
            == [("create", officer.user_id)]
    store.close()
    with pytest.raises(WardbookError):
        Store.open(tmp_path / "ward.db")  # the file itself stays unreadable without the key


def test_an_encrypted_database_opened_without_its_key_store_is_told_to_need_its_key(
        tmp_path: Path, secrets: PassphraseFileSecrets) -> None:
    """Forgetting `--key-file` must say the key is missing, not call the ward's own database a stranger's file;
    and the file stays as it was."""
    path = tmp_path / "ward.db"
    open_database(path, secrets, create=True).close()
    before = path.read_bytes()
    with pytest.raises(WardbookError) as error:
        open_database(path, None)
    assert error.value.msg_id == "security.needs_key"
    assert path.read_bytes() == before
