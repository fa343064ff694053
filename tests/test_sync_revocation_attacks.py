"""A lost or stolen laptop, once revoked, changes nothing more on any laptop of the ward, whatever its holder does
with the keys it still has and with the shared folder it can still write: files put ahead in its own folder,
files rewritten after the revocation, a damaged or swapped-back station file, enrollment requests under the id of
a laptop of the station."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from test_sync import Laptop, content, laptops
from test_sync_authorisation import Station

from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from desktop.sync import setup
from desktop.sync.changeset import encode, file_name, read_header
from desktop.sync.folder import FolderShare
from desktop.sync.keystore import EXCHANGE, SIGNING, save_data_keys
from desktop.sync.problems import open_problems
from desktop.sync.publish import publish
from desktop.sync.revoked import BEYOND, DIVERGED, REPLACED
from desktop.sync.station import SyncKeys, revoke_device


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
