"""A station's sync over weeks: laptops replaced, revoked, moved between stations, approvals cut off halfway.

Each test follows what an admin and the officers do, on real databases and a real station folder."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from test_sync import Laptop, laptops
from test_sync_authorisation import PASSWORDS, Station
from test_sync_revocation_attacks import _key_file

from desktop.errors import WardbookError
from desktop.security import users
from desktop.security.session import attach
from desktop.store import Store
from desktop.store.in_use import hold_sync
from desktop.sync import setup
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.grants import grant_of_user, is_revoked
from desktop.sync.problems import open_problems
from desktop.sync.station import SyncKeys, approve_device, request_enrollment, revoke_device, save_roster
from tests.safety.conftest import fill_disk, mounted_disk


def _enroll(station: Station, folder: Path, name: str, username: str) -> tuple[Store, SyncKeys]:
    laptop = Store.open(folder / f"{name}.db", create=True)
    keys = SyncKeys(Ed25519PrivateKey.generate())
    request_enrollment(station.share, laptop.device_id, keys, name, laptop)
    approve_device(station.share, laptop.device_id, station.admin_keys, grant_of_user(station.admin, username),
                   station.admin)
    return laptop, keys


def _households(store: Store) -> set[str]:
    return {row[0] for row in store.conn.execute("SELECT id FROM households")}


def _station_with_a_revoked_laptop(tmp_path: Path) -> tuple[Station, str]:
    """The station of `Station`, whose officer's laptop wrote a household and was then stolen and revoked."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    written = station.laptop.writer.insert("households", {"code": "HK2", "street": "Trần Phú"})
    station.sync_laptop()
    station.sync_admin()
    revoke_device(station.share, station.laptop.device_id, station.admin_keys, station.admin)
    station.sync_admin()
    return station, written


def test_a_replacement_laptop_enrolled_after_a_revocation_syncs_the_whole_ward_and_its_officer_logs_in(
        tmp_path: Path) -> None:
    station, written = _station_with_a_revoked_laptop(tmp_path)
    replacement, keys = _enroll(station, tmp_path, "may-canbo-moi", "canbo")
    _, report = sync_once(replacement, station.share, keys)
    assert report.errors == []
    assert {station.household, written} <= _households(replacement)
    attach(replacement, users.login(replacement, "canbo", PASSWORDS["canbo"]))


def test_a_laptop_approved_with_the_current_key_only_gets_the_older_ones_at_the_admins_next_sync(
        tmp_path: Path) -> None:
    """A laptop approved by an earlier version after a revocation holds only the epoch of its approval."""
    station, written = _station_with_a_revoked_laptop(tmp_path)
    replacement, keys = _enroll(station, tmp_path, "may-canbo-moi", "canbo")
    roster = station.share.station()
    entry = roster["devices"][replacement.device_id]["keys"]
    entry.pop("1", None)
    assert list(entry) == [str(roster["epoch"])]
    save_roster(station.share, roster, station.admin_keys, station.admin)
    _, report = sync_once(replacement, station.share, keys)
    assert report.errors and written not in _households(replacement)
    station.sync_admin()
    _, report = sync_once(replacement, station.share, keys)
    assert report.errors == []
    assert {station.household, written} <= _households(replacement)


def _ward_whose_lost_laptop_wrote_this_morning(folder: Path, disk: Path | None = None) -> tuple[
        Path, list[Laptop], str]:
    """Admin A, laptop B and laptop X (databases in `folder`, the station folder on `disk` or beside them); X wrote
    a household this morning and sent it, B has applied it, A not yet."""
    root = (disk or folder) / "share"
    a, b, x = laptops(folder, FolderShare(root), 3)
    for laptop in (a, b, x, a, b, x):
        laptop.sync()
    morning = x.store.writer.insert("households", {"code": "HK-X", "street": "Nguyễn Trãi"})
    x.sync()
    b.sync()
    return root, [a, b, x], morning


def test_a_revocation_clicked_while_the_scheduled_sync_runs_waits_for_it_and_keeps_the_lost_laptops_last_file(
        tmp_path: Path) -> None:
    root, (a, b, x), morning = _ward_whose_lost_laptop_wrote_this_morning(tmp_path)
    running = hold_sync(a.store.path)  # the app's scheduled sync, at that moment
    ends = threading.Timer(1.0, running.release)
    ends.start()
    revocation = setup.revoke(a.store, str(root), x.store.device_id, _key_file(tmp_path / "admin.keys", a.keys))
    ends.join()
    for laptop in (a, b, a, b):
        laptop.sync()
    assert morning in {row[0] for row in a.store.conn.execute("SELECT id FROM households")}
    assert open_problems(a.store) == [] and open_problems(b.store) == []
    assert revocation.unsent is None


def test_a_revocation_while_a_long_sync_runs_is_refused_in_words_and_revokes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, (a, _b, x), _morning = _ward_whose_lost_laptop_wrote_this_morning(tmp_path)
    monkeypatch.setattr(setup, "REVOKE_WAIT_SECONDS", 0.5, raising=False)
    with hold_sync(a.store.path), pytest.raises(WardbookError) as refused:
        setup.revoke(a.store, str(root), x.store.device_id, _key_file(tmp_path / "admin.keys", a.keys))
    assert refused.value.msg_id == "sync.revoke_sync_running"
    assert refused.value.message("vi") == "Máy này đang đồng bộ nên chưa thu hồi máy nào. Hãy thử lại sau giây lát."
    assert not is_revoked(FolderShare(root).station(), x.store.device_id)


@pytest.fixture
def small_share(tmp_path: Path) -> Iterator[Path]:
    """A 2 MiB disk holding the station folder (needs root and a kernel that lets us mount; skipped otherwise)."""
    with mounted_disk(tmp_path / "small", "2m") as folder:
        yield folder


def _ward_on(disk: Path, folder: Path) -> tuple[Path, list[Laptop], str]:
    """The ward of `_ward_whose_lost_laptop_wrote_this_morning` on `disk`, the admin's laptop with a day of work
    not sent yet (too much for what the disk will have left)."""
    root, (a, b, x), morning = _ward_whose_lost_laptop_wrote_this_morning(folder, disk)
    with a.store.transaction():
        for number in range(600):
            a.store.writer.insert("households", {"code": f"HK-{number:04d}", "street": os.urandom(150).hex()})
    return root, [a, b, x], morning


def test_a_revocation_on_a_share_too_full_for_the_admins_work_still_shuts_the_laptop_out_and_says_what_was_not_sent(
        small_share: Path, tmp_path: Path) -> None:
    root, (a, b, x), morning = _ward_on(small_share, tmp_path)
    fill_disk(small_share, 48_000)
    revocation = setup.revoke(a.store, str(root), x.store.device_id, _key_file(tmp_path / "admin.keys", a.keys))
    assert is_revoked(FolderShare(root).station(), x.store.device_id)
    assert revocation.unsent is not None
    told = revocation.unsent.message("en")
    assert told.startswith(f"Device {x.store.device_id[:8]} was revoked. The sync just before it did not go through: "
                           f"Cannot use {root / 'devices' / a.store.device_id}/")
    assert "the disk is full." in told
    (small_share / "ballast").unlink()
    a.sync()
    b.sync()
    got = {row[0] for row in b.store.conn.execute("SELECT id FROM households")}
    assert morning in got and len(got) == 601  # X's household, and the admin's day of work


def test_a_revocation_whose_roster_cannot_be_written_is_told_in_words(small_share: Path, tmp_path: Path) -> None:
    root, (a, _b, x), _morning = _ward_on(small_share, tmp_path)
    fill_disk(small_share, 0)
    with pytest.raises(WardbookError) as told:
        setup.revoke(a.store, str(root), x.store.device_id, _key_file(tmp_path / "admin.keys", a.keys))
    assert told.value.message("en").startswith("Cannot use ")
    assert told.value.message("en").endswith(": the disk is full.")
    assert not is_revoked(FolderShare(root).station(), x.store.device_id)


def _two_stations(tmp_path: Path) -> tuple[list[Laptop], list[Laptop]]:
    """Station 1 (admin A1, officer B1, in sync) and the neighbouring ward's station 2, with more laptops (its
    roster's version is higher than station 1's)."""
    (tmp_path / "p1").mkdir()
    (tmp_path / "p2").mkdir()
    own = laptops(tmp_path / "p1", FolderShare(tmp_path / "s1"), 2)
    for laptop in (*own, own[0]):
        laptop.sync()
    return own, laptops(tmp_path / "p2", FolderShare(tmp_path / "s2"), 5)


def test_asking_to_join_the_neighbouring_wards_folder_is_refused_in_words_and_the_laptop_still_syncs_at_home(
        tmp_path: Path) -> None:
    (a1, b1), (a2, *_) = _two_stations(tmp_path)
    written = b1.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    with pytest.raises(WardbookError) as refused:
        request_enrollment(a2.share, b1.store.device_id, b1.keys, "may-b", b1.store)
    assert refused.value.msg_id == "sync.other_station"
    home, other = a1.share.station()["station"][:8], a2.share.station()["station"][:8]
    assert refused.value.message("vi").startswith(f"Máy này thuộc trạm {home}, còn thư mục này là của một trạm khác "
                                                  f"({other}): chưa ghi gì vào đây")
    assert a2.share.request(b1.store.device_id) is None
    b1.sync()
    a1.sync()
    assert written in _households(a1.store)


def test_an_officer_asking_to_join_a_station_set_up_again_after_the_admin_laptop_was_lost_is_told_up_front(
        tmp_path: Path) -> None:
    """Nothing is pinned at the new station (whose sync would then fail on every round with "not validly signed
    by the admin laptop"), and the officer's laptop keeps its unsent work and its old station."""
    (_lost_admin, officer), _ = _two_stations(tmp_path)
    unsent = officer.store.writer.insert("households", {"code": "HK7", "street": "Lê Lợi"})
    new_station = Laptop(tmp_path, "may-quan-tri-moi", FolderShare(tmp_path / "s3"))
    pins = officer.store.conn.execute("SELECT key, value FROM settings WHERE key LIKE 'sync.%'").fetchall()
    with pytest.raises(WardbookError) as refused:
        request_enrollment(new_station.share, officer.store.device_id, officer.keys, "may-b", officer.store)
    assert "If the old station's admin laptop is really lost" in refused.value.message("en")
    assert officer.store.conn.execute("SELECT key, value FROM settings WHERE key LIKE 'sync.%'").fetchall() == pins
    assert new_station.share.request(officer.store.device_id) is None
    assert unsent in _households(officer.store)


def _asks(root: Path, name: str, folder: Path) -> Store:
    laptop = Store.open(folder / f"{name}.db", create=True)
    request_enrollment(FolderShare(root), laptop.device_id, SyncKeys(Ed25519PrivateKey.generate()), name, laptop)
    return laptop


def test_an_approval_cut_off_before_its_request_was_removed_is_shown_once_and_approving_again_is_no_foreign_request(
        tmp_path: Path) -> None:
    root = tmp_path / "share"
    (a,) = laptops(tmp_path, FolderShare(root), 1)
    a.sync()
    secrets = _key_file(tmp_path / "admin.keys", a.keys)
    b = _asks(root, "may-lan", tmp_path)
    request = root / "enroll" / f"{b.device_id}.req"
    asked = request.read_bytes()
    setup.approve(a.store, str(root), b.device_id, None, secrets)
    request.write_bytes(asked)  # the network dropped after the roster was written, before the request was removed
    assert [row.state for row in setup.laptops(str(root)) if row.device == b.device_id] == ["enrolled"]
    assert setup.approve(a.store, str(root), b.device_id, None, secrets)["role"] == "officer"
    assert not request.exists()

    request.write_bytes(asked)  # cut off again: the admin's next approval of any laptop takes it away
    c = _asks(root, "may-hoa", tmp_path)
    setup.approve(a.store, str(root), c.device_id, None, secrets)
    assert not request.exists()
    assert {row.device: row.state for row in setup.laptops(str(root))} == {
        a.store.device_id: "admin", b.device_id: "enrolled", c.device_id: "enrolled"}
