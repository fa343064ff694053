"""A station's sync over weeks: laptops replaced, revoked, moved between stations, approvals cut off halfway.

Each test follows what an admin and the officers do, on real databases and a real station folder."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from test_sync_authorisation import PASSWORDS, Station

from desktop.security import users
from desktop.security.session import attach
from desktop.store import Store
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.grants import grant_of_user
from desktop.sync.station import SyncKeys, approve_device, request_enrollment, revoke_device, save_roster


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
