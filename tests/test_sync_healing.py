"""Sync heals itself from what happens to files on a share: a file copied under the next number, a laptop whose
clock is wrong (and whose fast clock other laptops' stamps carry forward)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_sync import content, laptops

from desktop.store.hlc import wall_ms
from desktop.sync.changeset import file_name
from desktop.sync.folder import FolderShare
from desktop.sync.problems import explained, open_problems


def test_a_file_copied_under_the_next_number_is_set_aside_by_its_laptop_and_nobody_is_stuck(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    for code in ("HK1", "HK2"):
        b.store.writer.insert("households", {"code": code, "street": "Lê Lợi"})
        b.sync()
    folder = tmp_path / "share" / "devices" / b.store.device_id
    shutil.copy(folder / file_name(1), folder / file_name(3))  # signed by B, but not B's file 3
    _, report = a.sync()
    assert [reason for _, _, reason in report.errors] == ["renamed"]
    later = b.store.writer.insert("households", {"code": "HK3", "street": "Trần Phú"})
    b.sync()  # B finds the copy at its next number, sets it aside and writes its own file 3
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == [
        file_name(1), file_name(2), file_name(3)]
    assert [p.name for p in folder.iterdir() if p.name.startswith(".bad-")]  # kept for whoever looks into it
    for laptop in (a, c):
        _, report = laptop.sync()
        assert report.errors == []
        assert laptop.store.conn.execute("SELECT 1 FROM households WHERE id = ?", (later,)).fetchone() == (1,)
    assert open_problems(a.store) == [] and content(a.store) == content(b.store) == content(c.store)


def test_the_clock_warning_names_the_laptop_whose_clock_is_wrong(tmp_path: Path) -> None:
    """C is a day fast; B, with the right clock, carries C's stamps forward in its own edits. Only C is named,
    and once C's clock is right its new files are in time again."""
    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    c.store.writer.clock.now_ms = lambda: wall_ms() + 26 * 60 * 60_000
    c.store.writer.insert("areas", {"name": "Khu phố 9"})
    c.sync()
    b.sync()
    b.store.writer.insert("areas", {"name": "Khu phố 10"})  # stamped after C's fast HLC, by B's right clock
    b.sync()
    _, report = a.sync()
    assert {(device, reason) for device, _, reason in report.errors} == {(c.store.device_id, "clock_future")}
    c.store.writer.clock.now_ms = wall_ms
    c.store.writer.insert("areas", {"name": "Khu phố 11"})
    c.sync()
    _, report = a.sync()
    assert report.errors == []


def test_revocation_takes_effect_from_the_revocation_onward(tmp_path: Path) -> None:
    """C's files published before its revocation stay valid on every laptop (A had applied them, B had not:
    they must not differ for good); what C writes after is refused; C is told; the admin's laptop stays."""
    import pytest

    from desktop.errors import WardbookError
    from desktop.sync.publish import publish
    from desktop.sync.station import revoke_device

    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    before = c.store.writer.insert("households", {"code": "HK-C1", "street": "Lê Lợi"})
    c.sync()
    a.sync()
    revoke_device(share, c.store.device_id, a.keys, a.store)
    a.sync()
    _, report = b.sync()  # B had not applied C's file yet
    assert report.errors == []
    assert b.store.conn.execute("SELECT 1 FROM households WHERE id = ?", (before,)).fetchone() == (1,)
    assert content(a.store) == content(b.store)
    c.store.writer.insert("households", {"code": "HK-C2", "street": "Lê Lợi"})
    with pytest.raises(WardbookError) as told:
        c.sync()
    assert told.value.msg_id == "sync.revoked"
    publish(c.store, share, c.keys, share.station()["station"], 1)  # its holder publishes anyway, by hand
    _, report = b.sync()
    assert report.errors == [(c.store.device_id, 2, "revoked")]
    assert b.store.conn.execute("SELECT COUNT(*) FROM households WHERE code = 'HK-C2'").fetchone() == (0,)
    with pytest.raises(WardbookError) as refused:
        revoke_device(share, a.store.device_id, a.keys, a.store)
    assert refused.value.msg_id == "sync.cannot_revoke_admin"


def test_a_share_whose_devices_folder_is_gone_is_an_error_not_an_empty_sync(tmp_path: Path) -> None:
    import pytest

    from desktop.errors import WardbookError

    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    a.store.writer.insert("areas", {"name": "Khu phố 1"})
    a.sync()
    shutil.rmtree(tmp_path / "share" / "devices")
    for laptop in (a, b):
        with pytest.raises(WardbookError) as error:
            laptop.sync()
        assert error.value.msg_id == "sync.share_incomplete"
    assert not (tmp_path / "share" / "devices").exists()  # nobody published into a fresh, empty folder


def test_a_damaged_or_lost_file_is_written_again_by_its_laptop_and_the_others_catch_up(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    for code in ("HK1", "HK2", "HK3"):
        b.store.writer.insert("households", {"code": code, "street": "Lê Lợi"})
        b.sync()
    folder = tmp_path / "share" / "devices" / b.store.device_id
    original = (folder / file_name(1)).read_bytes()
    damaged = bytearray(original)
    damaged[22] ^= 0x10  # inside the header
    (folder / file_name(1)).write_bytes(bytes(damaged))
    (folder / file_name(3)).unlink()
    _, report = a.sync()
    assert [(seq, reason) for _, seq, reason in report.errors] == [(1, "damaged")]
    assert "writes it again" in open_problems(a.store)[0].text or "ghi lại" in open_problems(a.store)[0].text
    b.sync()  # B finds file 3 gone and file 1 changed, and writes both again, byte for byte
    assert (folder / file_name(1)).read_bytes() == original
    for laptop in (a, c):
        _, report = laptop.sync()
        assert report.errors == []
    assert content(a.store) == content(b.store) == content(c.store)
    assert open_problems(a.store) == []


def test_an_edit_lost_to_a_delete_is_in_every_laptops_conflicts_the_losers_too(tmp_path: Path) -> None:
    """B edits a household while C (a day fast) deletes it, neither having seen the other: B's edit lost. C
    records it when B's edit reaches the tombstone; B, and A whichever file it applies first, record it too."""
    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    household = a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    for laptop in (a, b, c):
        laptop.sync()
    c.store.writer.clock.now_ms = lambda: wall_ms() + 26 * 60 * 60_000
    b.store.writer.update("households", household, {"phone": "0901000002"})
    c.store.writer.delete("households", household)
    for laptop in (c, a, b, c, a, b):
        laptop.sync()
    recorded = [sorted(laptop.store.conn.execute(
        "SELECT tbl, row_id, field, kept_hlc, kept_device, lost_value, lost_hlc, lost_device FROM conflicts"))
        for laptop in (a, b, c)]
    assert recorded[0] == recorded[1] == recorded[2]
    assert [(row[4], row[5], row[7]) for row in recorded[1]] == [
        (c.store.device_id, '"{\\"phone\\": \\"0901000002\\"}"', b.store.device_id)]


def test_an_own_file_not_yet_recorded_and_damaged_for_good_is_written_again(tmp_path: Path) -> None:
    """B's power goes right after its file reached the share, before B recorded it; the file is then damaged on
    the share. B's next sync does not stop at it for good: it writes the original again (damage in the body) or
    writes that number afresh (damage in the header, which nobody could have applied)."""
    import random

    from sync_faults import Crash, FaultyTransport

    from desktop.sync.transport import LocalTransport

    faults = FaultyTransport(LocalTransport(tmp_path / "share"), random.Random(1))
    share = FolderShare(faults)
    a, b = laptops(tmp_path, share, 2)
    folder = tmp_path / "share" / "devices" / b.store.device_id
    for offset in (-100, 22):  # in the body, then in the header
        household = b.store.writer.insert("households", {"code": f"HK{offset}", "street": "Lê Lợi"})
        faults.crash = "after_rename"
        with pytest.raises(Crash):
            b.sync()
        newest = max(folder.glob("*.chg"))
        damaged = bytearray(newest.read_bytes())
        damaged[offset] ^= 0x20
        newest.write_bytes(bytes(damaged))
        b.sync()
        _, report = a.sync()
        assert report.errors == []
        assert a.store.conn.execute("SELECT 1 FROM households WHERE id = ?", (household,)).fetchone() == (1,)
    assert content(a.store) == content(b.store)


def test_the_same_record_deleted_on_two_laptops_is_no_conflict(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    household = a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    for laptop in (a, b):
        laptop.sync()
    a.store.writer.delete("households", household)
    b.store.writer.delete("households", household)
    for laptop in (a, b, a):
        laptop.sync()
    assert content(a.store) == content(b.store)
    assert [laptop.store.conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0] for laptop in (a, b)] == [0, 0]


@pytest.mark.parametrize("merged", ["set-wise", "in order"])
def test_an_edit_superseded_here_by_an_equal_value_that_then_lost_is_in_its_laptops_conflicts(
        tmp_path: Path, merged: str) -> None:
    """A writes a phone number; B, not having seen it, writes the same number a minute later: merging B's equal
    value at A is no conflict but takes the field's stamp. C, having seen neither, writes another number later
    still and wins. C records both losses when their files reach it; A, meeting only B's stamp in its field, must
    record its own edit's loss too. C's file is merged as a set, or in order (the field changed twice in it)."""
    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    household = a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    for laptop in (a, b, c):
        laptop.sync()
    b.store.writer.clock.now_ms = lambda: wall_ms() + 60_000
    c.store.writer.clock.now_ms = lambda: wall_ms() + 2 * 60_000
    a.store.writer.update("households", household, {"phone": "0901000001"})
    b.store.writer.update("households", household, {"phone": "0901000001"})
    if merged == "in order":
        c.store.writer.update("households", household, {"phone": "0901000009"})
    c.store.writer.update("households", household, {"phone": "0902000002"})
    for laptop in (a, b, a, c, a, b):
        laptop.sync()
    assert content(a.store) == content(b.store) == content(c.store)
    edits = {laptop: laptop.store.conn.execute(
        "SELECT hlc FROM outbox WHERE op = 'update' AND tbl = 'households'").fetchone()[0] for laptop in (a, b)}
    lost = [{(row[0], row[1]) for row in laptop.store.conn.execute(
        "SELECT lost_hlc, lost_device FROM conflicts WHERE field = 'phone' AND kept_device = ? AND lost_value = ?",
        (c.store.device_id, '"0901000001"'))}
        for laptop in (a, b, c)]
    a_edit, b_edit = (edits[a], a.store.device_id), (edits[b], b.store.device_id)
    assert lost == [{a_edit, b_edit}, {b_edit}, {a_edit, b_edit}]


def test_an_unrecorded_file_another_laptop_applied_is_made_again_exactly_when_its_header_is_damaged(
        tmp_path: Path) -> None:
    """Found by a long simulation run: a crash keeps file 1 from being recorded, another laptop applies it, then
    its header is damaged for good on the share. Written afresh, it covered the later edit too, which the other
    laptop (already past number 1) never got. Now the header kept before writing makes the very same file."""
    from desktop.sync import publish as publishing
    from desktop.sync.changeset import file_name
    from tests.test_sync import content, laptops

    share = FolderShare(tmp_path / "share")
    admin, officer = laptops(tmp_path, share, 2)
    household = officer.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    marked = publishing._mark
    publishing._mark = lambda *args: (_ for _ in ()).throw(KeyboardInterrupt())  # power cut before marking
    try:
        with pytest.raises(KeyboardInterrupt):
            officer.sync()
    finally:
        publishing._mark = marked
    admin.sync()  # applies the officer's file 1 before it is damaged
    path = tmp_path / "share" / "devices" / officer.store.device_id / file_name(1)
    path.write_bytes(b"X" + path.read_bytes()[1:])  # the magic bytes: no header can be read any more
    officer.store.writer.update("households", household, {"phone": "0903000000"})
    officer.sync()
    admin.sync()
    assert admin.store.conn.execute("SELECT phone FROM households").fetchall() == [("0903000000",)]
    assert content(admin.store) == content(officer.store)


def _cut_short(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _emptied(data: bytes) -> bytes:
    return b""


def _one_byte_changed(data: bytes) -> bytes:
    return data.replace(b'"epoch": 1', b'"epoch": 3')


@pytest.mark.parametrize("damage", [_cut_short, _emptied, _one_byte_changed])
def test_a_damaged_roster_is_put_back_by_the_admin_and_nobody_is_stuck_meanwhile(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    """station.json cut short, emptied (a stick pulled out, a half-finished copy) or altered: the other laptops
    go on with the roster they accepted and are told the admin should sync; the admin's sync writes it again
    from its own accepted copy (signed by its key), and the problem is over everywhere."""
    from desktop.sync.station import ROSTER_STAND_IN, roster_signature_ok

    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    for laptop in (a, b):
        laptop.sync()
    roster = tmp_path / "share" / "station.json"
    good = roster.read_bytes()
    roster.write_bytes(damage(good))
    edit = b.store.writer.insert("households", {"code": "HK-B1", "street": "Lê Lợi"})
    published, _ = b.sync()
    assert published == 1
    (problem,) = open_problems(b.store)
    assert problem.kind == ROSTER_STAND_IN and problem.file == "station.json"
    assert problem.text == explained(ROSTER_STAND_IN) and "quản trị viên" in problem.text
    _, report = a.sync()
    assert report.applied == {b.store.device_id: 1} and report.errors == []
    assert roster_signature_ok(share.station()) and share.station() == json.loads(good)
    b.sync()
    assert open_problems(b.store) == [] and open_problems(a.store) == []
    assert a.store.conn.execute("SELECT 1 FROM households WHERE id = ?", (edit,)).fetchone() == (1,)
    assert content(a.store) == content(b.store)


def test_a_device_folder_copied_in_place_is_told_once_and_blocks_nobody(tmp_path: Path) -> None:
    """Explorer's "<id> - Copy" of a laptop's folder is no laptop's: read as one, it failed every sync of every
    laptop and blamed the laptop it was copied from. It is told once, naming the folder, and once deleted the
    problem is over, like any problem about a folder that is gone."""
    from desktop.sync.errors import STRAY_FOLDER, record_error

    share = FolderShare(tmp_path / "share")
    a, b, c = laptops(tmp_path, share, 3)
    b.store.writer.insert("households", {"code": "HK-B1", "street": "Lê Lợi"})
    b.sync()
    devices = tmp_path / "share" / "devices"
    copy = f"{b.store.device_id} - Copy"
    shutil.copytree(devices / b.store.device_id, devices / copy)
    record_error(c.store, copy, 1, "unenrolled", file_name(1))  # as an earlier release recorded it
    for laptop in (a, c, a, c):
        _, report = laptop.sync()
        assert report.errors == []
    for laptop in (a, c):
        (problem,) = open_problems(laptop.store)
        assert (problem.kind, problem.device, problem.file) == (STRAY_FOLDER, None, f"devices/{copy}")
        assert problem.text == explained(STRAY_FOLDER)
    assert content(a.store) == content(b.store) == content(c.store)
    shutil.rmtree(devices / copy)
    for laptop in (a, c):
        laptop.sync()
        assert open_problems(laptop.store) == []


def test_a_share_that_goes_away_during_a_sync_is_never_made_again_at_its_old_path(tmp_path: Path) -> None:
    """The share is renamed (or its stick pulled) after this laptop applied and before it acknowledges: nothing
    is written at the old path, which used to come back as a new, almost empty folder that blocked renaming the
    real share back (or filled the stick's empty mount point)."""
    from desktop.errors import WardbookError
    from desktop.sync.apply import apply_all
    from desktop.sync.compaction import acknowledge

    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    for laptop in (a, b):
        laptop.sync()
    a.store.writer.insert("households", {"code": "HK-A1", "street": "Lê Lợi"})
    a.sync()
    assert apply_all(b.store, share, b.keys).applied == {a.store.device_id: 1}
    (tmp_path / "share").rename(tmp_path / "share-renamed")
    assert acknowledge(b.store, share, b.keys) is False
    with pytest.raises(FileNotFoundError):
        share.makedirs("acks")
    with pytest.raises(WardbookError):
        b.sync()
    assert not (tmp_path / "share").exists()
    (tmp_path / "share-renamed").rename(tmp_path / "share")
    b.sync()
    assert (tmp_path / "share" / "acks" / f"{b.store.device_id}.json").exists()
