"""A lost or stolen laptop, once revoked, changes nothing more on any laptop of the ward, whatever its holder does
with the keys it still has and with the shared folder it can still write: files put ahead in its own folder,
files rewritten after the revocation, a damaged or swapped-back station file, enrollment requests under the id of
a laptop of the station."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from test_sync import Laptop, content, laptops
from test_sync_authorisation import Station

from desktop.errors import WardbookError
from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from desktop.sync import setup
from desktop.sync.changeset import encode, file_name, read_header
from desktop.sync.folder import FolderShare
from desktop.sync.grants import is_revoked
from desktop.sync.keystore import EXCHANGE, SIGNING, save_data_keys
from desktop.sync.problems import open_problems
from desktop.sync.publish import publish
from desktop.sync.revoked import BEYOND, DIVERGED, REPLACED
from desktop.sync.station import (
    PINNED_ROSTER_DIGEST,
    PINNED_ROSTER_VERSION,
    SyncKeys,
    approve_device,
    raw_public,
    revoke_device,
    save_roster,
)


def _phone(store: Store, household: str) -> Any:
    return store.conn.execute("SELECT phone FROM households WHERE id = ?", (household,)).fetchone()[0]


def _rewrite(folder: Path, laptop: Laptop, seq: int, household: str, phone: str) -> None:
    """What the holder of `laptop` can do with its keys: sign other contents under a number it already used,
    with the same header (same place in the chain)."""
    path = folder / "devices" / laptop.store.device_id / file_name(seq)
    header = read_header(path.read_bytes())[0]
    header.pop("format", None)
    change = ["households", household, "update", header["hlc_max"], {"phone": phone}]
    path.write_bytes(encode(header, [change], laptop.keys.data_key(header["epoch"]), laptop.keys.signing_key))


def _key_file(path: Path, keys: SyncKeys) -> PassphraseFileSecrets:
    """The admin laptop's key store, holding `keys` (what the app's set-up steps load them from)."""
    secrets = PassphraseFileSecrets(path, "admin laptop passphrase")
    for name, key in ((SIGNING, keys.signing_key), (EXCHANGE, keys.exchange_key)):
        secrets.set(name, key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))
    save_data_keys(secrets, keys)
    return secrets


def _problem_kinds(store: Store) -> set[str]:
    return {problem.kind for problem in open_problems(store)}


def _ward(tmp_path: Path) -> tuple[FolderShare, Laptop, Laptop, Laptop, str]:
    """The admin's laptop A, laptops B and X (the one to be lost), one household every laptop has."""
    share = FolderShare(tmp_path / "share")
    a, b, x = laptops(tmp_path, share, 3)
    household = a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    for laptop in (a, b, x):
        laptop.sync()
    return share, a, b, x, household


def test_a_file_put_far_ahead_before_the_revocation_lets_nothing_in_after_it(tmp_path: Path) -> None:
    share, a, b, x, household = _ward(tmp_path)
    x.store.writer.update("households", household, {"house_no": "5"})  # an honest edit: X's file 1
    x.sync()
    a.sync()
    (tmp_path / "share" / "devices" / x.store.device_id / file_name(500)).write_bytes(b"junk")
    revoke_device(share, x.store.device_id, a.keys, a.store)
    revoked = share.station()["devices"][x.store.device_id]["revoked"]
    assert revoked["after_seq"] == 1 and revoked["after_hash"] == a.store.conn.execute(
        "SELECT last_hash FROM applied WHERE device_id = ?", (x.store.device_id,)).fetchone()[0]
    a.sync()
    x.store.writer.update("households", household, {"phone": "0999999999"})  # its holder, by hand, old key
    publish(x.store, share, x.keys, share.station()["station"], 1)
    for laptop in (a, b):
        _, report = laptop.sync()
        assert (x.store.device_id, 2, "revoked") in report.errors
        assert _phone(laptop.store, household) is None
    assert content(a.store) == content(b.store)


def test_a_file_rewritten_after_the_revocation_is_refused_by_a_laptop_that_had_not_read_it(tmp_path: Path) -> None:
    share, a, b, x, household = _ward(tmp_path)
    x.store.writer.update("households", household, {"house_no": "5"})
    x.sync()
    a.sync()  # the station applied X's file 1; B has not synced since
    revoke_device(share, x.store.device_id, a.keys, a.store)
    a.sync()
    _rewrite(tmp_path / "share", x, 1, household, "0999999999")
    _, report = b.sync()
    assert report.errors == [(x.store.device_id, 1, REPLACED)]
    assert _phone(b.store, household) is None
    assert REPLACED in _problem_kinds(b.store)


def test_an_earlier_file_rewritten_after_the_revocation_is_refused_through_the_chain(tmp_path: Path) -> None:
    """The roster fixes the file at the cut; the file at the cut fixes the one before it, and so on."""
    share, a, b, x, household = _ward(tmp_path)
    x.store.writer.update("households", household, {"house_no": "5"})
    x.sync()
    x.store.writer.update("households", household, {"street": "Trần Phú"})
    x.sync()
    a.sync()  # the station applied X's files 1 and 2
    revoke_device(share, x.store.device_id, a.keys, a.store)
    a.sync()
    _rewrite(tmp_path / "share", x, 1, household, "0999999999")
    _, report = b.sync()
    assert report.errors == [(x.store.device_id, 1, REPLACED)]
    assert _phone(b.store, household) is None


def test_a_laptop_that_applied_another_version_or_files_beyond_the_cut_is_told(tmp_path: Path) -> None:
    share, a, b, x, household = _ward(tmp_path)
    c = Laptop(tmp_path, "laptop3", share, a)
    c.sync()
    x.store.writer.update("households", household, {"house_no": "5"})
    x.sync()
    b.sync()  # B applies X's file 1 as X first wrote it
    _rewrite(tmp_path / "share", x, 1, household, "0911111111")
    a.sync()  # the station applies the other version
    x.store.writer.update("households", household, {"house_no": "7"})
    x.sync()  # X's file 2, which C applies before the revocation reaches it
    c.sync()
    revoke_device(share, x.store.device_id, a.keys, a.store)  # cut: file 1 as the station has it
    a.sync()
    b.sync()
    c.sync()
    assert DIVERGED in _problem_kinds(b.store) and BEYOND in _problem_kinds(c.store)
    assert not {DIVERGED, BEYOND} & _problem_kinds(a.store)
    texts = [problem.text for problem in open_problems(b.store) if problem.kind == DIVERGED]
    assert texts and "quản trị viên" in texts[0] and DIVERGED not in texts[0]


def test_revoking_keeps_what_the_lost_laptop_sent_before_the_admin_revoked_it(tmp_path: Path) -> None:
    """The officer synced in the morning, the laptop was lost at noon: the admin's laptop applies its files
    before cutting, so that work stays the ward's."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    station.laptop.writer.update("households", station.household, {"phone": "0903123456"})
    station.sync_laptop()
    device = station.laptop.device_id
    setup.revoke(station.admin, str(tmp_path / "share"), device, _key_file(tmp_path / "k.json", station.admin_keys))
    assert station.share.station()["devices"][device]["revoked"]["after_seq"] == 1
    assert _phone(station.admin, station.household) == "0903123456"


def test_a_damaged_station_file_hides_no_revocation(tmp_path: Path) -> None:
    """The revoked laptop's holder publishes, then cuts station.json short, before B has seen the revocation: B
    sends its own work but takes no other laptop's files until the admin's laptop has written the file again."""
    share, a, b, x, household = _ward(tmp_path)
    revoke_device(share, x.store.device_id, a.keys, a.store)
    a.store.writer.update("households", household, {"house_no": "12"})
    a.sync()
    x.store.writer.update("households", household, {"phone": "0999999999"})
    publish(x.store, share, x.keys, share.station()["station"], 1)
    station_file = tmp_path / "share" / "station.json"
    good = station_file.read_bytes()
    station_file.write_bytes(good[:-20])
    b.store.writer.insert("households", {"code": "HK-B1", "street": "Trần Phú"})
    published, report = b.sync()
    assert published == 1 and report.applied == {} and report.errors == []
    assert _phone(b.store, household) is None
    (problem,) = open_problems(b.store)
    assert "quản trị viên" in problem.text and "máy khác" in problem.text
    _, report = a.sync()  # the admin's laptop writes its own copy back, and takes B's work
    assert station_file.read_bytes() == good and report.applied == {b.store.device_id: 1}
    _, report = b.sync()
    assert report.errors == [(x.store.device_id, 1, "revoked")] and _phone(b.store, household) is None
    assert open_problems(b.store)[0].kind == "revoked" and content(a.store) == content(b.store)


def _revoked_then_old_roster_back(tmp_path: Path) -> tuple[FolderShare, Laptop, Laptop, Laptop, Path, bytes]:
    """X revoked and everyone synced; then the share's station.json is the signed roster from before (anyone with
    the share can keep a copy)."""
    share, a, b, x, _household = _ward(tmp_path)
    station_file = tmp_path / "share" / "station.json"
    before = station_file.read_bytes()
    revoke_device(share, x.store.device_id, a.keys, a.store)
    a.sync()
    b.sync()
    station_file.write_bytes(before)
    return share, a, b, x, station_file, before


def test_the_admins_laptop_builds_no_roster_on_one_older_than_it_pinned(tmp_path: Path) -> None:
    """Right after the approval checked the share's roster, the old one is put back: the admin's laptop refuses to
    sign a roster built on it (that roster had the pinned number, and the revocation undone)."""
    share, a, _b, _x, station_file, before = _revoked_then_old_roster_back(tmp_path)
    newcomer = Laptop.__new__(Laptop)
    newcomer.store = Store.open(tmp_path / "new.db", create=True)
    newcomer.keys = SyncKeys(Ed25519PrivateKey.generate())
    share.write_request(newcomer.store.device_id, {
        "device": newcomer.store.device_id, "name": "máy mới", "public_key": newcomer.keys.public_hex(),
        "exchange_key": raw_public(newcomer.keys.exchange_key)})
    with pytest.raises(WardbookError) as refused:
        approve_device(share, newcomer.store.device_id, a.keys, None, a.store)
    assert refused.value.msg_id == "sync.roster_rollback"
    assert station_file.read_bytes() == before


def test_the_admins_laptop_puts_its_own_roster_back_over_an_older_one_and_everyone_goes_on(tmp_path: Path) -> None:
    """The admin's own sync was refused as a rollback for good once an older roster was put back, and every laptop
    with it, until someone restored station.json by hand: the admin's laptop holds the newest roster it signed."""
    share, a, b, x, station_file, before = _revoked_then_old_roster_back(tmp_path)
    a.sync()
    assert station_file.read_bytes() != before
    assert share.station()["version"] == int(a.store.setting(PINNED_ROSTER_VERSION))
    assert is_revoked(share.station(), x.store.device_id)
    b.sync()
    assert open_problems(b.store) == []


@pytest.mark.parametrize("pinned_before_digests", [False, True])
def test_a_roster_under_the_pinned_number_that_is_not_the_pinned_one_is_refused(
        tmp_path: Path, pinned_before_digests: bool) -> None:
    """A roster built on the old one by an admin's laptop of the previous release carries the pinned number: a
    laptop that pinned the revocation refuses it (a database pinned before the digest was kept compares with its
    accepted copy)."""
    share, a, b, x, _station_file, _before = _revoked_then_old_roster_back(tmp_path)
    if pinned_before_digests:
        with b.store.transaction():
            b.store.conn.execute("DELETE FROM settings WHERE key = ?", (PINNED_ROSTER_DIGEST,))
    roster = share.station()
    roster["devices"][x.store.device_id]["name"] = "đổi tên"
    save_roster(share, roster, a.keys)  # signed by the admin's key, numbered as the pinned one
    assert share.station()["version"] == int(b.store.setting(PINNED_ROSTER_VERSION))
    with pytest.raises(WardbookError) as refused:
        b.sync()
    assert refused.value.msg_id == "sync.roster_forked"
    (problem,) = open_problems(b.store)
    assert problem.kind == "roster_forked" and "đặt lại" in problem.text


def _request_under(share: FolderShare, device: str, name: str) -> None:
    """A request to join under `device`'s id, with keys of its writer's own (anyone can write the share)."""
    keys = SyncKeys(Ed25519PrivateKey.generate())
    share.write_request(device, {"device": device, "name": name, "public_key": keys.public_hex(),
                                 "exchange_key": raw_public(keys.exchange_key)})


@pytest.mark.parametrize("whose", ["enrolled", "revoked", "admin"])
def test_a_request_under_the_id_of_a_laptop_of_the_station_is_never_approved(tmp_path: Path, whose: str) -> None:
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    location = str(tmp_path / "share")
    device = station.admin.device_id if whose == "admin" else station.laptop.device_id
    if whose == "revoked":
        revoke_device(station.share, device, station.admin_keys, station.admin)
    roster = station.share.station()
    _request_under(station.share, device, "máy lạ")
    (row,) = [laptop for laptop in setup.laptops(location) if laptop.state not in ("admin", "enrolled", "revoked")]
    assert (row.device, row.state, row.same_as) == (device, "id_taken", roster["devices"][device]["name"])
    with pytest.raises(WardbookError) as refused:
        setup.approve(station.admin, location, device, None, _key_file(tmp_path / "k.json", station.admin_keys))
    assert refused.value.msg_id == "sync.request_id_taken"
    assert roster["devices"][device]["name"] in refused.value.message() and "máy lạ" in refused.value.message()
    assert station.share.station()["devices"] == roster["devices"]
    setup.remove_request(station.admin, location, device)
    assert [laptop.state for laptop in setup.laptops(location) if laptop.device == device] == [
        "admin" if whose == "admin" else whose]
