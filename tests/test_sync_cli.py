"""The station admin's sync commands, end to end on two databases and a shared folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.security.database import open_database
from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.keystore import load_keys

ROOT = Path(__file__).resolve().parents[1]


PASSPHRASE = "mật khẩu tệp khóa"
# Stored times are UTC: this one is 06:30 on 1 July in Ho Chi Minh City, the day before in UTC.
AT_0630_IN_HCMC = "2026-06-30T23:30:00.000Z"


@pytest.fixture(autouse=True)
def _passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)


def _open(db: Path, key_file: Path) -> Store:
    """A database the CLI used with `--key-file`: encrypted, its key in that file."""
    return open_database(db, PassphraseFileSecrets(key_file, PASSPHRASE))


def test_init_enroll_approve_sync_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    share = str(tmp_path / "share")
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys")]
    laptop = ["--db", str(tmp_path / "laptop.db"), "--key-file", str(tmp_path / "laptop.keys")]
    assert main(["demo", "--households", "30", "--db", station[1]]) == 0
    assert main(["init", "--db", laptop[1]]) == 0
    assert main(["share", "init", share, *station]) == 0
    assert main(["enroll", share, "--name", "may-01", *laptop]) == 0
    assert main(["sync", *laptop, "--lang", "en"]) == 2  # not approved yet
    assert "not been approved" in capsys.readouterr().err
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        device = store.device_id
    assert main(["share", "list", *station]) == 0
    assert "may-01" in capsys.readouterr().out
    assert main(["share", "approve", device, *station]) == 0
    assert main(["sync", *station]) == 0
    assert main(["sync", *laptop]) == 0
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 30
    capsys.readouterr()
    assert main(["sync", "status", *laptop, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Published" in out and "may-01" in out and "Clock (min)" in out
    assert not list((tmp_path / "share").rglob("*.db"))  # the database never goes on the share


def test_snapshot_then_bootstrap_a_new_laptop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    share = str(tmp_path / "share")
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys")]
    laptop = ["--db", str(tmp_path / "laptop.db"), "--key-file", str(tmp_path / "laptop.keys")]
    assert main(["demo", "--households", "20", "--db", station[1]]) == 0
    assert main(["init", "--db", laptop[1]]) == 0
    assert main(["share", "init", share, *station]) == 0
    assert main(["sync", *station]) == 0
    capsys.readouterr()
    # A second station from the same laptop: refused (its roster pin made every later sync look like a rollback).
    assert main(["share", "init", str(tmp_path / "second"), *station, "--lang", "en"]) == 2
    assert "already belongs to station" in capsys.readouterr().err and not (tmp_path / "second").exists()
    assert main(["share", "snapshot", *station, "--lang", "en"]) == 0
    assert "Wrote snapshot" in capsys.readouterr().out
    assert main(["enroll", share, "--name", "may-moi", *laptop]) == 0
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        device = store.device_id
    assert main(["share", "approve", device, *station]) == 0
    capsys.readouterr()
    assert main(["sync", "bootstrap", *laptop, "--lang", "en"]) == 0
    assert "Started from snapshot" in capsys.readouterr().out
    assert main(["sync", *laptop, "--lang", "en"]) == 0
    assert "0 applied" in capsys.readouterr().out  # everything was in the snapshot
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 20
    assert main(["sync", "bootstrap", *laptop, "--lang", "en"]) == 2  # only once, on an empty laptop
    assert "already holds data" in capsys.readouterr().err


def test_problems_are_told_in_words_and_a_clock_warning_is_not_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`wardbook sync` says what went wrong in the chosen language (not a code) and exits 1 only when a file was
    not applied; `sync status` lists the problems not over yet."""
    from desktop.store.hlc import wall_ms
    from desktop.sync.changeset import file_name

    share = str(tmp_path / "share")
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys")]
    laptop = ["--db", str(tmp_path / "laptop.db"), "--key-file", str(tmp_path / "laptop.keys")]
    assert main(["init", "--db", station[1]]) == 0
    assert main(["init", "--db", laptop[1]]) == 0
    assert main(["share", "init", share, *station]) == 0
    assert main(["enroll", share, "--name", "may-01", *laptop]) == 0
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        device = store.device_id
    assert main(["share", "approve", device, *station]) == 0
    with _open(tmp_path / "station.db", tmp_path / "station.keys") as store:  # a station PC two hours fast
        store.writer.clock.now_ms = lambda: wall_ms() + 2 * 60 * 60_000
        store.writer.insert("areas", {"name": "Khu phố 1"})
        sync_once(store, FolderShare(share), load_keys(PassphraseFileSecrets(tmp_path / "station.keys", PASSPHRASE)))
    capsys.readouterr()
    assert main(["sync", *laptop, "--lang", "en"]) == 0  # applied, with a warning
    out = capsys.readouterr().out
    assert "more than 10 minutes ahead" in out and "applied anyway" in out and "clock_future" not in out
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        assert store.conn.execute("SELECT name FROM areas").fetchall() == [("Khu phố 1",)]

    with _open(tmp_path / "station.db", tmp_path / "station.keys") as store:
        store.writer.insert("areas", {"name": "Khu phố 2"})
    assert main(["sync", *station]) == 0
    published = max((tmp_path / "share" / "devices").rglob("*.chg"))  # the station's second file
    assert published.name == file_name(2)
    published.write_bytes(published.read_bytes()[:-10])  # copying cut short
    assert main(["sync", *laptop]) == 1
    out = capsys.readouterr().out
    assert "bị cắt cụt" in out and "truncated" not in out
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:  # met at 06:30 in Ho Chi Minh City
        store.conn.execute("UPDATE sync_errors SET at = ?", (AT_0630_IN_HCMC,))
    assert main(["sync", "status", *laptop, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Problems not over yet (2)" in out and "cut short" in out and "more than 10 minutes ahead" in out
    problems = [line for line in out.splitlines() if "cut short" in line or "10 minutes ahead" in line]
    assert len(problems) == 2 and all(line.startswith("  01/07/2026 06:30  ") for line in problems), problems


def test_sync_without_a_share_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "x.db")
    main(["init", "--db", db])
    assert main(["sync", "--db", db, "--key-file", str(tmp_path / "k")]) == 2
    assert "--share" in capsys.readouterr().err


def test_no_keyring_names_the_alternative(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    db = str(tmp_path / "x.db")
    subprocess.run([sys.executable, "-m", "desktop.cli", "init", "--db", db], env=env, check=True)
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "share", "init", str(tmp_path / "s"), "--db", db,
                           "--lang", "en"], env=env, capture_output=True, text=True)
    assert done.returncode == 2
    assert "--key-file" in done.stderr and "never stored in plain text" in done.stderr


@pytest.mark.skipif(shutil.which("dbus-run-session") is None or shutil.which("gnome-keyring-daemon") is None,
                    reason="needs dbus-run-session and gnome-keyring-daemon (Debian dbus, gnome-keyring)")
def test_keys_live_in_a_real_secret_service(tmp_path: Path) -> None:
    """gnome-keyring under its own D-Bus session: the device keys and data key go to the OS keyring."""
    db, share = tmp_path / "k.db", tmp_path / "share"
    script = (
        f"{sys.executable} -m desktop.cli init --db {db} >/dev/null && "
        f"{sys.executable} -m desktop.cli share init {share} --db {db} && "
        f"{sys.executable} -c 'import keyring; print(type(keyring.get_keyring()).__module__)'"
    )
    done = subprocess.run(
        ["dbus-run-session", "--", "sh", "-c",
         f"echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; {script}"],
        env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}, capture_output=True, text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "SecretService" in done.stdout
    assert (share / "station.json").exists()
    assert b"sync-" not in db.read_bytes()  # no key material in the database file


CHILD = """
import sys
from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from desktop.sync.folder import FolderShare
from desktop.sync.keystore import load_keys
from desktop.sync.publish import publish

db, keyfile, share_path = sys.argv[1:4]
store = Store.open(db)
keys = load_keys(PassphraseFileSecrets(keyfile, "child passphrase"))
share = FolderShare(share_path)
roster = share.station()
print("ready", flush=True)
for n in range(100_000):
    store.writer.insert("areas", {"name": f"Tổ {n}"})
    publish(store, share, keys, roster["station"], roster["epoch"])
"""


def test_a_process_killed_mid_publish_loses_nothing(tmp_path: Path) -> None:
    """SIGKILL at an arbitrary moment of a publish loop; the next run recovers and every insert arrives."""
    import signal
    import time

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.security.secrets import PassphraseFileSecrets
    from desktop.sync.apply import apply_all
    from desktop.sync.folder import FolderShare
    from desktop.sync.keystore import load_keys, save_data_keys
    from desktop.sync.publish import publish
    from desktop.sync.station import SyncKeys, approve_device, init_share, request_enrollment, unwrap_all

    share = FolderShare(tmp_path / "share")
    secrets = PassphraseFileSecrets(tmp_path / "a.keys", "child passphrase")
    with Store.open(tmp_path / "a.db", create=True) as a:
        keys_a = load_keys(secrets)
        init_share(share, a.device_id, keys_a)
        save_data_keys(secrets, keys_a)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path / "a.db"), str(tmp_path / "a.keys"),
                              str(tmp_path / "share")], env={**os.environ, "PYTHONPATH": str(ROOT)},
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(1.5)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with Store.open(tmp_path / "a.db") as a, Store.open(tmp_path / "b.db", create=True) as b:
        roster = share.station()
        publish(a, share, load_keys(secrets), roster["station"], roster["epoch"])  # recovery run
        assert a.conn.execute("SELECT COUNT(*) FROM outbox WHERE published_seq IS NULL").fetchone()[0] == 0
        leftovers = [p.name for p in (tmp_path / "share" / "devices" / a.device_id).iterdir()
                     if not p.name.endswith(".chg")]
        assert leftovers == []
        keys_b = SyncKeys(Ed25519PrivateKey.generate())
        request_enrollment(share, b.device_id, keys_b, "b")
        approve_device(share, b.device_id, load_keys(secrets))
        unwrap_all(share.station(), b.device_id, keys_b)
        report = apply_all(b, share, keys_b)
        assert report.errors == []
        written = a.conn.execute("SELECT COUNT(*) FROM areas").fetchone()[0]
        assert written > 5
        assert b.conn.execute("SELECT COUNT(*) FROM areas").fetchone()[0] == written


def test_a_laptop_approved_for_an_officer_cannot_change_accounts_and_the_admin_sees_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    share = str(tmp_path / "share")
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys")]
    laptop = ["--db", str(tmp_path / "laptop.db"), "--key-file", str(tmp_path / "laptop.keys")]
    assert main(["demo", "--households", "10", "--db", station[1]]) == 0
    assert main(["init", "--db", laptop[1]]) == 0
    assert main(["share", "init", share, *station]) == 0
    assert main(["enroll", share, "--name", "may-canbo2", *laptop]) == 0
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        device = store.device_id
    capsys.readouterr()
    assert main(["share", "approve", device, "--for", "canbo2", *station, "--lang", "en"]) == 0
    assert "for account canbo2 (officer)" in capsys.readouterr().out
    assert main(["sync", *station]) == 0
    assert main(["sync", *laptop]) == 0
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:  # its holder writes by hand
        user = store.conn.execute("SELECT id FROM users WHERE username = 'canbo2'").fetchone()[0]
        store.conn.execute("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES "
                           "('users', ?, 'update', ?, '{\"role\": \"admin\"}')", (user, store.writer.clock.tick()))
    assert main(["sync", *laptop]) == 0
    capsys.readouterr()
    assert main(["sync", *station, "--lang", "en"]) == 0
    assert "1 changes refused" in capsys.readouterr().out
    with _open(tmp_path / "station.db", tmp_path / "station.keys") as store:
        store.conn.execute("UPDATE refused_changes SET at = ?", (AT_0630_IN_HCMC,))
    assert main(["sync", "refused", *station, "--lang", "en"]) == 0
    listed = capsys.readouterr().out
    assert "canbo2" in listed and "only an admin may change accounts" in listed
    assert listed.splitlines()[2].startswith("01/07/2026 06:30 ") and "2026-06-30" not in listed
    assert main(["sync", "status", *station, "--lang", "en"]) == 0
    status = capsys.readouterr().out
    assert "Refused" in status and "Change by canbo2 not accepted (change Account)" in status
    with _open(tmp_path / "station.db", tmp_path / "station.keys") as store:
        assert store.conn.execute("SELECT role FROM users WHERE id = ?", (user,)).fetchone() == ("officer",)


def test_compact_on_the_station_then_a_new_laptop_just_syncs(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    share = str(tmp_path / "share")
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys")]
    laptop = ["--db", str(tmp_path / "laptop.db"), "--key-file", str(tmp_path / "laptop.keys")]
    late = ["--db", str(tmp_path / "late.db"), "--key-file", str(tmp_path / "late.keys")]
    assert main(["demo", "--households", "15", "--db", station[1]]) == 0
    for other in (laptop, late):
        assert main(["init", "--db", other[1]]) == 0
    assert main(["share", "init", share, *station]) == 0
    assert main(["enroll", share, "--name", "may-01", *laptop]) == 0
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        device = store.device_id
    assert main(["share", "approve", device, *station]) == 0
    for who in (station, laptop):
        assert main(["sync", *who]) == 0
    capsys.readouterr()
    assert main(["share", "compact", "--dry-run", *station, "--lang", "en"]) == 0
    assert "Would remove 1 sync files" in capsys.readouterr().out
    assert main(["share", "compact", *station, "--lang", "en"]) == 0
    assert "removed 1 sync files" in capsys.readouterr().out
    assert not list((tmp_path / "share" / "devices").rglob("*.chg"))
    assert main(["share", "compact", *laptop, "--lang", "en"]) == 2  # the admin's laptop only
    capsys.readouterr()
    assert main(["enroll", share, "--name", "may-02", *late]) == 0
    with _open(tmp_path / "late.db", tmp_path / "late.keys") as store:
        late_device = store.device_id
    assert main(["share", "approve", late_device, *station]) == 0
    capsys.readouterr()
    assert main(["sync", *late, "--lang", "en"]) == 0  # no file to replay: it starts from the base snapshot
    assert "caught up from base snapshot" in capsys.readouterr().out
    with _open(tmp_path / "late.db", tmp_path / "late.keys") as store:
        assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 15


def test_an_approved_laptop_finds_its_account_at_its_first_sync(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """As the enrolment's own words say: the admin approves, the laptop syncs. The account it was bound to, made on
    the admin's laptop since its last sync, was not on the share: the officer's laptop had no account to log in
    with, and only typing the admin's password on it went on. Approving now shares it."""
    share = str(tmp_path / "share")
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys")]
    laptop = ["--db", str(tmp_path / "laptop.db"), "--key-file", str(tmp_path / "laptop.keys")]
    assert main(["demo", "--households", "5", "--db", station[1]]) == 0  # its accounts: never synced yet
    assert main(["init", "--db", laptop[1]]) == 0
    assert main(["share", "init", share, *station]) == 0
    assert main(["enroll", share, "--name", "may-canbo2", *laptop]) == 0
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        device = store.device_id
    assert main(["share", "approve", device, "--for", "canbo2", *station]) == 0
    assert main(["sync", *laptop]) == 0  # no sync of the station in between
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        assert store.conn.execute("SELECT role FROM users WHERE username = 'canbo2'").fetchone() == ("officer",)


def test_a_damaged_sync_folder_is_told_naming_the_remembered_folder_in_words(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """station.json cut short, the share remembered (no --share): each laptop is told which folder and what to do,
    never a Python exception's name; the admin's sync writes the file again."""
    share = tmp_path / "share"
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys"), "--lang", "en"]
    laptop = ["--db", str(tmp_path / "laptop.db"), "--key-file", str(tmp_path / "laptop.keys"), "--lang", "en"]
    assert main(["init", *station]) == 0 and main(["init", *laptop]) == 0
    assert main(["share", "init", str(share), *station]) == 0
    assert main(["enroll", str(share), "--name", "may-01", *laptop]) == 0
    with _open(tmp_path / "laptop.db", tmp_path / "laptop.keys") as store:
        device = store.device_id
    assert main(["share", "approve", device, *station]) == 0
    assert main(["sync", *laptop]) == 0
    good = (share / "station.json").read_bytes()
    (share / "station.json").write_bytes(good[: len(good) // 2])
    capsys.readouterr()
    assert main(["sync", *laptop]) == 1
    told = capsys.readouterr()
    assert f"shared folder {share} is damaged" in told.out and "Ask the admin to sync" in told.out, told
    assert main(["share", "list", *laptop]) == 2
    err = capsys.readouterr().err
    assert str(share) in err and "Decode" not in err and "  " not in err, err
    (share / "enroll" / "abc.req").write_text('{"no": "keys"}', "utf-8")
    assert main(["share", "approve", "abc", *station]) == 2  # the admin's laptop put the roster back first
    err = capsys.readouterr().err
    assert f"sync folder {share} holds a damaged" in err and "Error(" not in err and "KeyError" not in err, err
    assert (share / "station.json").read_bytes() == good
    (share / "station.json").write_bytes(b"")
    assert main(["sync", *station]) == 0
    assert (share / "station.json").read_bytes() == good
    assert main(["sync", *laptop]) == 0
