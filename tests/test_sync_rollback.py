"""A laptop whose database is restored from an older copy (a backup, a database file or disk image copied back)
while the share keeps the files it published after that copy: nothing is lost anywhere, every laptop ends with
the same records, no household code is given twice, and the user is told.

Before, its next own file on the share was taken for one written just before a crash: the edits made since the
restore, which reuse its outbox numbers, were marked published although never sent, and its newer records never
came back to it (a laptop never applies its own files)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from test_sync import Laptop, content, laptops

from desktop import i18n
from desktop.register.households import new_codes
from desktop.security import audit
from desktop.store import Store
from desktop.sync.changeset import encode
from desktop.sync.folder import FolderShare
from desktop.sync.rollback import outbox_changes


def _copy(laptop: Laptop, to: Path) -> None:
    """The laptop's database as a backup or disk image holds it."""
    laptop.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy2(laptop.store.path, to)


def _restore(laptop: Laptop, copy: Path) -> None:
    """The older copy put back in place of the laptop's database (its sync keys live outside the database)."""
    path = laptop.store.path
    laptop.store.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.copy2(copy, path)
    laptop.store = Store.open(path)


def _household(laptop: Laptop, code: str) -> str:
    return laptop.store.writer.insert("households", {"code": code, "street": "Lê Lợi"})


def _has(laptop: Laptop, row_id: str) -> bool:
    return laptop.store.conn.execute("SELECT 1 FROM households WHERE id = ?", (row_id,)).fetchone() is not None


def _converge(everyone: list[Laptop]) -> None:
    for _ in range(2):
        for laptop in everyone:
            laptop.sync()


def test_edits_made_after_a_restore_before_syncing_reach_everyone_and_the_newer_records_come_back(
        tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    station, a, b = laptops(tmp_path, share, 3)
    first = _household(a, "A-BEFORE")
    a.sync()
    _copy(a, tmp_path / "backup.db")
    lost = _household(a, "A-AFTER-BACKUP")
    a.sync()
    _restore(a, tmp_path / "backup.db")
    new = _household(a, "A-AFTER-RESTORE")  # reuses the outbox number of A-AFTER-BACKUP's file
    published, report = a.sync()
    assert published == 1  # the new edit goes out in a new file, never marked as sent
    assert report.restored is not None and report.restored.files == 1
    _converge([station, a, b])
    for laptop in (station, a, b):
        assert all(_has(laptop, row) for row in (first, lost, new)), laptop.store.path
    assert content(station.store) == content(a.store) == content(b.store)


def test_a_laptop_synced_right_after_a_restore_gets_its_newer_records_back_and_is_told(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    station, a, b = laptops(tmp_path, share, 3)
    _household(a, "A-BEFORE")
    a.sync()
    _copy(a, tmp_path / "backup.db")
    lost = _household(a, "A-AFTER-BACKUP")
    a.sync()
    _restore(a, tmp_path / "backup.db")
    _, report = a.sync()
    assert _has(a, lost)
    assert report.restored is not None
    i18n.set_language("en")
    assert "restored from an older copy" in report.restored.message()
    i18n.set_language("vi")
    assert "khôi phục từ một bản cũ hơn" in report.restored.message()
    assert a.sync()[1].restored is None  # told once
    new = _household(a, "A-AFTER-RESTORE")
    a.sync()
    _converge([station, a, b])
    assert _has(b, new) and _has(station, new)
    assert content(station.store) == content(a.store) == content(b.store)


def test_a_taken_back_file_is_written_again_as_it_was_when_lost_from_the_share(tmp_path: Path) -> None:
    """The taken-back file's changes are this laptop's outbox entries again, under the numbers its header gives:
    the file can be made again byte for byte (what heals a file deleted or damaged on the share)."""
    share = FolderShare(tmp_path / "share")
    _station, a = laptops(tmp_path, share, 2)
    a.sync()
    _copy(a, tmp_path / "backup.db")
    for number in range(3):
        _household(a, f"A-{number}")
    a.store.writer.insert("areas", {"name": "Khu phố 2"})
    a.sync()
    _restore(a, tmp_path / "backup.db")
    _household(a, "A-AFTER-RESTORE")
    a.sync()
    for seq, digest, header_text in a.store.conn.execute("SELECT seq, sha256, header FROM published_files"):
        header = json.loads(header_text)
        again = encode(header, outbox_changes(a.store, header["outbox_from"], header["outbox_to"]),
                       a.keys.data_key(header["epoch"]), a.keys.signing_key)
        assert hashlib.sha256(again).hexdigest() == digest, seq


def test_no_household_code_is_given_twice_after_a_restore(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    station, a, b = laptops(tmp_path, share, 3)
    a.sync()
    _copy(a, tmp_path / "backup.db")
    given = next(new_codes(a.store))
    before = _household(a, given)
    a.sync()
    _restore(a, tmp_path / "backup.db")
    a.sync()  # synced once after the restore, then used
    after = _household(a, next(new_codes(a.store)))
    a.sync()
    _converge([station, a, b])
    for laptop in (station, a, b):
        assert laptop.store.conn.execute(
            "SELECT code, COUNT(*) FROM households GROUP BY code HAVING COUNT(*) > 1").fetchall() == []
        assert _has(laptop, before) and _has(laptop, after)


def test_a_code_given_again_before_the_first_sync_after_a_restore_is_replaced_and_told(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    station, a, b = laptops(tmp_path, share, 3)
    a.sync()
    _copy(a, tmp_path / "backup.db")
    code = next(new_codes(a.store))
    _household(a, code)
    a.sync()
    _restore(a, tmp_path / "backup.db")
    again = _household(a, next(new_codes(a.store)))
    assert a.store.conn.execute("SELECT code FROM households WHERE id = ?", (again,)).fetchone() == (code,)
    _, report = a.sync()
    assert report.restored is not None and [old for old, _ in report.restored.recoded] == [code]
    _converge([station, a, b])
    for laptop in (station, a, b):
        assert laptop.store.conn.execute(
            "SELECT code, COUNT(*) FROM households GROUP BY code HAVING COUNT(*) > 1").fetchall() == []
    assert content(station.store) == content(a.store) == content(b.store)


def test_a_laptop_restored_from_a_copy_made_before_it_ever_synced(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    station, a, b = laptops(tmp_path, share, 3)
    early = _household(a, "A-OFFLINE")  # recorded before its first sync
    _copy(a, tmp_path / "backup.db")
    a.sync()
    later = _household(a, "A-LATER")
    a.sync()
    _restore(a, tmp_path / "backup.db")
    new = _household(a, "A-AFTER-RESTORE")
    a.sync()
    _converge([station, a, b])
    for laptop in (station, a, b):
        assert all(_has(laptop, row) for row in (early, later, new)), laptop.store.path
    assert content(station.store) == content(a.store) == content(b.store)


def test_the_audit_chain_of_a_restored_laptop_stays_whole_on_every_laptop(tmp_path: Path) -> None:
    """The entries written since the restore (the new household's) took the numbers of entries the lost file had
    published: `audit verify` reported a duplicated entry and a broken link on every laptop, a tampering alarm
    for an ordinary restore. They are numbered and linked after the entries taken back, as the outbox is."""
    share = FolderShare(tmp_path / "share")
    everyone = laptops(tmp_path, share, 3)
    station, a, _other = everyone
    for laptop in everyone:
        audit.install(laptop.store)
    _household(a, "A-BEFORE")
    a.sync()
    _copy(a, tmp_path / "backup.db")
    _household(a, "A-AFTER-BACKUP")
    a.sync()
    _restore(a, tmp_path / "backup.db")
    audit.install(a.store)
    audit.record(a.store, "restore")
    _household(a, "A-AFTER-RESTORE")
    a.sync()
    _converge(everyone)
    for laptop in everyone:
        assert audit.verify(laptop.store) == [], laptop.store.path
    actions = [row[0] for row in station.store.conn.execute(
        "SELECT action FROM audit_log WHERE device_id = ? ORDER BY seq", (a.store.device_id,))]
    assert actions[-4:] == ["create", "create", "restore", "create"]  # before the copy, lost, since the restore
    _household(a, "A-LATER")  # and the chain goes on from there
    _converge(everyone)
    assert all(audit.verify(laptop.store) == [] for laptop in everyone)
