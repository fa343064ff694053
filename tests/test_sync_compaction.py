"""Compaction: the admin's station makes a new base snapshot and removes the changesets every current laptop has
applied; a retention purge then leaves the share; a laptop left behind catches up from the snapshot."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from test_sync import Laptop, content, laptops

from desktop.errors import WardbookError
from desktop.security import retention
from desktop.store.migrations import LATEST
from desktop.sync.changeset import decode, read_header
from desktop.sync.compaction import compact
from desktop.sync.folder import FolderShare
from desktop.sync.snapshot import _decrypt_to
from desktop.sync.station import public_keys, unwrap_all

SECRET_STREET = "Hẻm Bí Mật 77"
SECRET_NAME = "Trịnh Thị Riêngtư"
SECRET_PHONE = "0909123457"


def _moved_out_household(laptop: Laptop) -> str:
    household = laptop.store.writer.insert("households", {"code": "HK-OLD", "street": SECRET_STREET,
                                                          "house_no": "9", "phone": SECRET_PHONE})
    laptop.store.writer.insert("people", {"household_id": household, "full_name": SECRET_NAME})
    laptop.store.writer.update("households", household, {"status": "moved_out"})
    return household


def readable_text(root: Path, reader: Laptop, scratch: Path) -> str:
    """Everything an enrolled laptop can read on the share: every file's bytes, every changeset decrypted, every
    snapshot decrypted (its database's rows and raw pages)."""
    roster = reader.share.station()
    unwrap_all(roster, reader.store.device_id, reader.keys)
    keys = public_keys(roster)
    texts: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        texts.append(raw.decode("utf-8", "replace"))
        if path.suffix == ".chg" or ".bad-" in path.name:
            header = read_header(raw)[0]
            changeset = decode(raw, keys[header["device"]], reader.keys.data_key(header["epoch"]))
            texts.append(repr(changeset.blocks))
        if path.suffix == ".snap":
            target = scratch / f"{path.stem}.db"
            with open(path, "rb") as source:
                _decrypt_to(source, roster, reader.keys, target)
            data = target.read_bytes()
            texts.append(data.decode("utf-8", "replace"))
            conn = sqlite3.connect(target)
            texts.extend(repr(line) for line in conn.iterdump())
            conn.close()
    return "\n".join(texts)


def test_after_a_purge_and_a_compaction_no_purged_value_is_readable_on_the_share(tmp_path: Path) -> None:
    root = tmp_path / "share"
    share = FolderShare(root)
    a, b, c = laptops(tmp_path, share, 3)
    _moved_out_household(b)
    kept = b.store.writer.insert("households", {"code": "HK-NOW", "street": "Lê Lợi"})
    for laptop in (b, a, c):
        laptop.sync()
    (tmp_path / "scratch").mkdir()
    before = readable_text(root, b, tmp_path / "scratch")
    assert SECRET_STREET in before and SECRET_NAME in before and SECRET_PHONE in before  # the check can fail
    a.store.writer.clock.observe(0)
    plan = retention.purge(a.store, years=1, today=date(2099, 1, 1))
    assert plan.counts["households"] == 1 and plan.counts["people"] == 1
    for laptop in (a, b, c):
        laptop.sync()
    files_before = sum(1 for p in root.rglob("*.chg"))
    a.sync()
    result = compact(a.store, share, a.keys)
    assert result.waiting_for == [] and result.files
    assert sum(1 for p in root.rglob("*.chg")) < files_before
    after = readable_text(root, b, tmp_path / "scratch")
    for value in (SECRET_STREET, SECRET_NAME, SECRET_PHONE):
        assert value not in after
    assert "HK-NOW" in after  # the register itself is still there, in the base snapshot

    # Every laptop goes on from here; a fresh laptop starts from the base without replaying anything removed.
    d = Laptop(tmp_path, "laptop3", share, a)
    b.store.writer.update("households", kept, {"house_no": "12"})
    for laptop in (b, a, c, d, a, b, c, d):
        _, report = laptop.sync()
        assert report.errors == []
    assert content(a.store) == content(b.store) == content(c.store) == content(d.store)
    assert d.store.conn.execute("SELECT house_no FROM households WHERE id = ?", (kept,)).fetchone() == ("12",)
    assert SECRET_STREET not in readable_text(root, b, tmp_path / "scratch")  # nobody wrote a removed file again


def test_nothing_a_current_laptop_still_needs_is_removed(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    for laptop in (a, b, c):
        laptop.sync()  # everyone has acknowledged (nothing yet)
    b.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    b.sync()
    a.sync()
    result = compact(a.store, share, a.keys)  # C has not applied B's file 1: it stays
    assert (b.store.device_id, 1) not in result.files
    assert share.seqs(b.store.device_id) == [1]
    _, report = c.sync()
    assert report.errors == [] and report.applied == {b.store.device_id: 1}
    b.sync()  # B acknowledges A's and C's (no files): nothing changes for B
    result = compact(a.store, share, a.keys)
    assert (b.store.device_id, 1) in result.files and share.seqs(b.store.device_id) == []
    assert content(a.store) == content(b.store) == content(c.store)


def test_a_laptop_that_never_acknowledged_keeps_everything(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b, _c = laptops(tmp_path, share, 3)  # C never syncs
    b.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    b.sync()
    a.sync()
    result = compact(a.store, share, a.keys)
    assert result.waiting_for == [_c.store.device_id] and result.files == []
    assert share.seqs(b.store.device_id) == [1]


def test_a_laptop_left_behind_publishes_its_own_changes_and_catches_up_from_the_base(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    shared = a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi", "house_no": "1"})
    for laptop in (a, b, c):
        laptop.sync()
    away = c.store.writer.insert("households", {"code": "HK-C", "street": "Trần Phú"})  # never published yet
    c.store.writer.update("households", shared, {"phone": "0901000001"})
    for number in range(3):
        b.store.writer.insert("households", {"code": f"HK-B{number}", "street": "Hai Bà Trưng"})
        b.store.writer.update("households", shared, {"house_no": f"{number + 2}"})
        b.sync()
    a.sync()
    with pytest.raises(Exception):  # noqa: B017 - not a laptop of the roster
        compact(a.store, share, a.keys, leave_behind=["no-such-laptop"])
    result = compact(a.store, share, a.keys, leave_behind=[c.store.device_id])
    assert (b.store.device_id, 3) in result.files and share.seqs(b.store.device_id) == []
    _, report = c.sync()  # publishes its own change, then catches up from the snapshot
    assert report.errors == []
    for laptop in (a, b, c, a, b):
        _, report = laptop.sync()
        assert report.errors == []
    assert content(a.store) == content(b.store) == content(c.store)
    assert a.store.conn.execute("SELECT 1 FROM households WHERE id = ?", (away,)).fetchone() == (1,)
    assert a.store.conn.execute("SELECT house_no, phone FROM households WHERE id = ?", (shared,)).fetchone() == (
        "4", "0901000001")


def test_a_dry_run_removes_nothing(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    b.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    for laptop in (b, a, b):
        laptop.sync()
    version = share.station()["version"]
    result = compact(a.store, share, a.keys, dry_run=True)
    assert result.files == [(b.store.device_id, 1)]
    assert share.seqs(b.store.device_id) == [1] and share.station()["version"] == version
    assert share.transport.listdir("snapshots") == []


def test_a_file_its_laptop_never_recorded_stays_until_it_has(tmp_path: Path) -> None:
    """B's power goes right after its file reached the share; A applies it and compacts. The file stays (B would
    otherwise write that number again with other bytes, and A's chain would break for good) until B has adopted
    it; then it goes like any other."""
    import random

    from sync_faults import Crash, FaultyTransport

    from desktop.sync.transport import LocalTransport

    faults = FaultyTransport(LocalTransport(tmp_path / "share"), random.Random(1))
    share = FolderShare(faults)
    a, b = laptops(tmp_path, share, 2)
    for laptop in (a, b):
        laptop.sync()
    b.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    faults.crash = "after_rename"
    with pytest.raises(Crash):
        b.sync()
    a.sync()
    result = compact(a.store, share, a.keys)
    assert (b.store.device_id, 1) not in result.files and share.seqs(b.store.device_id) == [1]
    later = b.store.writer.insert("households", {"code": "HK2", "street": "Lê Lợi"})
    b.sync()  # adopts its file 1, writes 2
    for laptop in (a, b, a):
        _, report = laptop.sync()
        assert report.errors == []
    result = compact(a.store, share, a.keys)
    assert share.seqs(b.store.device_id) == []
    assert a.store.conn.execute("SELECT 1 FROM households WHERE id = ?", (later,)).fetchone() == (1,)
    assert content(a.store) == content(b.store)


def test_a_laptop_that_read_the_roster_just_before_a_compaction_does_not_write_removed_files_again(
        tmp_path: Path) -> None:
    from desktop.sync.publish import publish
    from desktop.sync.rebase import floors
    from desktop.sync.station import verified_roster

    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    b.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    for laptop in (b, a, b):
        laptop.sync()
    stale = share.station()  # B's sync read the roster here; the admin compacts before B checks its files
    compact(a.store, share, a.keys)
    assert share.seqs(b.store.device_id) == []
    publish(b.store, share, b.keys, stale["station"], int(stale["epoch"]), floors(stale).get(b.store.device_id, 0),
            lambda: floors(verified_roster(b.store, share)).get(b.store.device_id, 0))
    assert share.seqs(b.store.device_id) == []


def test_status_after_a_compaction_counts_the_removed_files_as_published(tmp_path: Path) -> None:
    from desktop.sync.status import device_status

    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    for code in ("HK1", "HK2"):
        b.store.writer.insert("households", {"code": code, "street": "Lê Lợi"})
        b.sync()
    a.sync()
    b.sync()
    compact(a.store, share, a.keys)
    assert share.seqs(b.store.device_id) == []
    row = next(r for r in device_status(a.store, share) if r.device == b.store.device_id)
    assert (row.on_share, row.applied, row.lag) == (2, 2, 0)


def test_a_laptop_left_behind_learns_the_conflicts_it_won_in_files_it_never_reads(tmp_path: Path) -> None:
    from desktop.store.hlc import wall_ms

    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    household = a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    for laptop in (a, b, c):
        laptop.sync()
    c.store.writer.clock.now_ms = lambda: wall_ms() + 60 * 60_000  # C's edit wins
    b.store.writer.update("households", household, {"phone": "0901000001"})
    c.store.writer.update("households", household, {"phone": "0901000002"})
    c.sync()  # C publishes, then goes away before B's edit reaches it
    for laptop in (b, a, b):
        laptop.sync()
    result = compact(a.store, share, a.keys, leave_behind=[c.store.device_id])
    assert (b.store.device_id, 1) in result.files  # B's edit is gone from the share
    c.sync()
    lost = [(row[0], row[1]) for laptop in (a, b, c) for row in laptop.store.conn.execute(
        "SELECT lost_value, lost_device FROM conflicts")]
    assert lost == [('"0901000001"', b.store.device_id)] * 3
    assert content(a.store) == content(b.store) == content(c.store)


def test_an_acknowledgement_is_written_only_when_it_moved_or_went_missing(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    ack = tmp_path / "share" / "acks" / f"{b.store.device_id}.json"
    b.sync()
    written = ack.stat().st_ino  # each write replaces the file
    b.sync()  # nothing new: not written again
    assert ack.stat().st_ino == written
    a.store.writer.insert("areas", {"name": "Khu phố 1"})
    a.sync()
    b.sync()
    assert share.transport.read(f"acks/{b.store.device_id}.json") != b"" and ack.stat().st_ino != written
    ack.unlink()
    b.sync()
    assert ack.exists()


def _snapshot_headers(share_root: Path, reader: Laptop, scratch: Path) -> list[dict[str, object]]:
    roster = reader.share.station()
    unwrap_all(roster, reader.store.device_id, reader.keys)
    headers = []
    for path in sorted(share_root.rglob("*.snap")):
        with open(path, "rb") as source:
            headers.append(_decrypt_to(source, roster, reader.keys, scratch / f"{path.stem}.db"))
    return headers


@pytest.mark.parametrize(("admin_version", "read"), [(16, True), (15, False)])
def test_a_snapshot_is_read_across_a_migration_that_changes_nothing_it_holds(
        tmp_path: Path, admin_version: int, read: bool) -> None:
    """A station upgrades laptop by laptop. Migration 17 changes only the search index, which no snapshot holds:
    an upgraded laptop left behind catches up from the snapshot of an admin laptop still at 16 (and a snapshot of an
    upgraded laptop says 16, what one at 16 asks for). One at 15 holds other tables: refused, nothing loaded."""
    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    for laptop in (a, b, c):
        laptop.sync()
    for number in range(2):
        b.store.writer.insert("households", {"code": f"HK-B{number}", "street": "Hai Bà Trưng"})
        b.sync()
    a.sync()
    a.store.conn.execute(f"PRAGMA user_version = {admin_version}")  # the admin laptop not upgraded yet
    compact(a.store, share, a.keys, leave_behind=[c.store.device_id])
    a.store.conn.execute(f"PRAGMA user_version = {LATEST}")
    assert [header["schema"] for header in _snapshot_headers(tmp_path / "share", c, tmp_path)] == [admin_version]
    if read:
        _, report = c.sync()
        assert report.errors == []
        assert content(c.store) == content(a.store)
    else:
        with pytest.raises(WardbookError):
            c.sync()
        assert [row[0] for row in c.store.conn.execute("SELECT code FROM households ORDER BY code")] == ["HK1"]
        assert "snapshot_schema" in {row[0] for row in c.store.conn.execute("SELECT kind FROM sync_errors")}


def test_a_snapshot_of_an_upgraded_laptop_says_what_one_a_migration_behind_asks_for(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    a.sync()
    b.sync()
    a.sync()
    compact(a.store, share, a.keys)
    assert [header["schema"] for header in _snapshot_headers(tmp_path / "share", b, tmp_path)] == [16]
