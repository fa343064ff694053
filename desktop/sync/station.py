"""The station roster (station.json) and enrollment: which laptops may publish, and how they get the data key.

The roster lists each approved device with its Ed25519 public key (to check its changesets), its X25519 public
key, and the ward data key of each epoch wrapped for it (X25519 key agreement, HKDF-SHA256, AES-256-GCM), so the
data key reaches a new laptop without ever being on the share in the clear. A laptop asks to join by writing
`enroll/<device_id>.req` (its two public keys); an admin approves it. Revoking a lost laptop starts a new epoch
with a new data key, wrapped for the remaining laptops only: the lost one can read nothing written after that.

Anyone who can write to the share could otherwise add their own key to the roster, so the roster is signed by
the admin laptop's Ed25519 key over its canonical JSON, and carries a version raised by every change. A laptop
pins the admin key and the highest version it has seen (in its own database, at enrollment — or on its first
sync, for a laptop enrolled another way) and refuses, before reading anything else, a roster that is unsigned,
signed by another key, or older than the one it pinned: a roster rolled back to the days before a revocation
would let the lost laptop back in.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.errors import WardbookError
from desktop.register.households import CODE_LETTERS, CODE_PREFIX, code_prefix
from desktop.security.permissions import INACTIVE
from desktop.store import Store
from desktop.sync.changeset import InvalidChangeset
from desktop.sync.errors import record_error, resolve_errors_of_kind
from desktop.sync.folder import ROSTER_DAMAGED, FolderShare
from desktop.sync.grants import effective_grants, is_revoked, remember_own_grant
from desktop.sync.problems import refused

_WRAP_INFO = b"wardbook data key v1"
PINNED_ADMIN_KEY = "sync.admin_key"
PINNED_ROSTER_VERSION = "sync.roster_version"
# The digest of the roster pinned with that version: one version number is one roster. An older signed roster put
# back on the share, changed by the admin's laptop, became a new roster under the pinned number, which every
# laptop accepted (a rolled-back revocation, signed again). Databases pinned before the digest was kept have
# their accepted copy of that version (`ACCEPTED_ROSTER`), from which the digest is taken.
PINNED_ROSTER_DIGEST = "sync.roster_digest"
ACCEPTED_ROSTER = "sync.roster"  # the newest roster accepted, kept to check audit chains' signed heads offline
ROSTER_STAND_IN = "roster_list_damaged"  # the problem recorded while a laptop reads with its accepted roster


def raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> str:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


@dataclass
class SyncKeys:
    """What a laptop needs to sync: its signing and key-exchange keys and the data key of each epoch."""

    signing_key: Ed25519PrivateKey
    exchange_key: X25519PrivateKey = field(default_factory=X25519PrivateKey.generate)
    data_keys: dict[int, bytes] = field(default_factory=dict)

    def public_hex(self) -> str:
        return raw_public(self.signing_key)

    def data_key(self, epoch: int) -> bytes:
        try:
            return self.data_keys[int(epoch)]
        except KeyError:
            raise InvalidChangeset("epoch") from None


def _kek(shared: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_WRAP_INFO).derive(shared)


def wrap_key(data_key: bytes, recipient_hex: str) -> dict[str, str]:
    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(recipient_hex)))
    nonce = os.urandom(12)
    wrapped = AESGCM(_kek(shared)).encrypt(nonce, data_key, _WRAP_INFO)
    return {"ephemeral": raw_public(ephemeral), "nonce": nonce.hex(), "key": wrapped.hex()}


def unwrap_key(wrapped: dict[str, str], exchange_key: X25519PrivateKey) -> bytes:
    shared = exchange_key.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(wrapped["ephemeral"])))
    return AESGCM(_kek(shared)).decrypt(bytes.fromhex(wrapped["nonce"]), bytes.fromhex(wrapped["key"]), _WRAP_INFO)


def _signed_part(roster: dict[str, Any]) -> bytes:
    return json.dumps({k: v for k, v in roster.items() if k != "signature"}, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def roster_signature_ok(roster: dict[str, Any]) -> bool:
    """Is the roster signed by the admin key it names? (Whether that is the right admin is the pin's job.)"""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(str(roster["admin_key"])))
        key.verify(bytes.fromhex(str(roster["signature"])), _signed_part(roster))
    except (KeyError, ValueError, TypeError, InvalidSignature):
        return False
    return True


def roster_digest(roster: dict[str, Any]) -> str:
    return hashlib.sha256(_signed_part(roster)).hexdigest()


def save_roster(share: FolderShare, roster: dict[str, Any], admin_keys: SyncKeys, store: Store | None = None) -> None:
    """Write a changed roster: next version, signed by the admin. Only the admin laptop's key can do it. With the
    admin laptop's `store`, the roster it signed is pinned there at once (never the share's copy read back, which
    anyone could have swapped meanwhile)."""
    if roster.get("admin_key") != admin_keys.public_hex():
        raise WardbookError("sync.not_admin")
    roster["version"] = int(roster.get("version", 0)) + 1
    roster["signature"] = admin_keys.signing_key.sign(_signed_part(roster)).hex()
    share.write_station(roster)
    if store is not None:
        pin_roster(store, roster)


def _admin_roster(share: FolderShare, admin_keys: SyncKeys, store: Store | None) -> dict[str, Any]:
    """The roster as the admin is about to change it: never build on one it did not sign itself, nor — given the
    admin laptop's `store` — on one older than, or other than, the roster it pinned: the share can be rewritten
    between the check before an approval and the approval itself, and a roster from before a revocation, changed
    and signed again, undid the revocation on every laptop."""
    roster = share.station()
    if not roster_signature_ok(roster):
        raise refused("sync.roster_refused", "signature")
    if roster.get("admin_key") != admin_keys.public_hex():
        raise WardbookError("sync.not_admin")
    error = None if store is None else _against_pin(store, roster)
    if error is not None:
        raise error
    return roster


def _version(roster: dict[str, Any]) -> int:
    return int(roster.get("version", 0)) if str(roster.get("version", "0")).isdigit() else 0


def _pinned_digest(store: Store, version: int) -> str | None:
    """The digest of the roster pinned at `version` (None: nothing to compare with, a pin older than digests
    with no accepted copy of that version)."""
    digest = store.setting(PINNED_ROSTER_DIGEST)
    if digest:
        return digest
    accepted = accepted_roster(store)
    return roster_digest(accepted) if accepted is not None and accepted.get("version") == version else None


def _against_pin(store: Store, roster: dict[str, Any]) -> WardbookError | None:
    """Why `roster` must not be used on this laptop, judged against what it pinned; None when it may."""
    pinned_key = store.setting(PINNED_ADMIN_KEY)
    pinned_version = int(store.setting(PINNED_ROSTER_VERSION, "0") or 0)
    version = _version(roster)
    if pinned_key and roster.get("admin_key") != pinned_key:
        return refused("sync.roster_refused", "admin_key")
    if version < pinned_version:
        return WardbookError("sync.roster_rollback", found=version, pinned=pinned_version)
    if version == pinned_version and pinned_key:
        digest = _pinned_digest(store, version)
        if digest is not None and digest != roster_digest(roster):
            return WardbookError("sync.roster_forked", version=version)
    return None


def pin_roster(store: Store, roster: dict[str, Any]) -> None:
    """Remember the admin key (first time only), the highest roster version seen and that roster's digest, in this
    laptop's database."""
    new_key = not store.setting(PINNED_ADMIN_KEY)
    newer = int(roster.get("version", 0)) > int(store.setting(PINNED_ROSTER_VERSION, "0") or 0)
    if not (new_key or newer):
        return  # the usual case: no write, so an idle sync stays a few reads
    with store.transaction():
        if new_key:
            store.set_setting(PINNED_ADMIN_KEY, str(roster["admin_key"]))
        store.set_setting(PINNED_ROSTER_VERSION, str(int(roster.get("version", 0))))
        store.set_setting(PINNED_ROSTER_DIGEST, roster_digest(roster))
        store.set_setting(ACCEPTED_ROSTER, json.dumps(roster, sort_keys=True, ensure_ascii=False))


def _whole_roster(share: FolderShare) -> dict[str, Any] | None:
    """The share's roster when it is whole and signed by the key it names; None when it is damaged (cut short,
    emptied, or a byte changed): nobody can tell a flaky stick from a hand edit, and neither may be used."""
    try:
        roster = share.station()
    except WardbookError as error:
        if error.msg_id != ROSTER_DAMAGED:
            raise
        return None
    return roster if roster_signature_ok(roster) else None


class StandInRoster(dict[str, Any]):
    """The roster a laptop other than the admin's works with while the share's is damaged: the last one it
    accepted. It publishes with it, so its own work reaches the share, but applies no other laptop's files with it
    (`desktop.sync.apply.apply_all`): the holder of a revoked laptop can write station.json like anyone, and a
    damaged file hid the revocation from every laptop that had not seen it yet, which then applied what the
    revoked laptop wrote after it."""


def _instead_of_damaged(store: Store, share: FolderShare, keys: SyncKeys | None) -> dict[str, Any]:
    """What a laptop works with while the share's roster is damaged: the last one it accepted (signed by the
    admin, and no older than anything it has seen). The admin laptop, which holds the key that signed it, puts
    it back on the share; any other laptop gets it as a `StandInRoster`, and the problem is recorded until the
    admin has synced. A laptop that never accepted one is told, naming the folder."""
    accepted = accepted_roster(store)
    if accepted is None:
        raise WardbookError(ROSTER_DAMAGED, path=share.description)
    if keys is not None and accepted.get("admin_key") == keys.public_hex():
        share.write_station(accepted)
        resolve_errors_of_kind(store, "roster_")
        return accepted
    record_error(store, str(accepted.get("admin", "")), int(accepted.get("version", 0)), ROSTER_STAND_IN,
                 "station.json")
    return StandInRoster(accepted)


def _puts_back_own(store: Store, share: FolderShare, keys: SyncKeys | None) -> bool:
    """Whether this is the admin's laptop, which writes its own roster back over an older one (or another under
    the same number) its own key once signed: someone put that copy on the share, and the admin's sync was
    refused as a rollback for good, until someone restored station.json by hand."""
    accepted = accepted_roster(store)
    return keys is not None and accepted is not None and accepted.get("admin_key") == keys.public_hex() \
        and _version(accepted) == int(store.setting(PINNED_ROSTER_VERSION, "0") or 0)


def verified_roster(store: Store, share: FolderShare, keys: SyncKeys | None = None) -> dict[str, Any]:
    """The share's roster, once it is shown to be the admin's and not older than what this laptop has seen.

    A refused roster is recorded in `sync_errors` (like a bad changeset) and stops the sync before anything
    is published or applied; the pin then moves forward to the version accepted. A damaged one is replaced by
    this laptop's accepted copy (`_instead_of_damaged`; written back when `keys` are the admin's).
    """
    roster = _whole_roster(share)
    if roster is None:
        return _instead_of_damaged(store, share, keys)
    error = _against_pin(store, roster)
    if error is not None and error.msg_id in ("sync.roster_rollback", "sync.roster_forked") \
            and _puts_back_own(store, share, keys):
        return _instead_of_damaged(store, share, keys)
    if error is not None:
        kind = {"sync.roster_rollback": "roster_rollback", "sync.roster_forked": "roster_forked"}.get(
            error.msg_id) or f"roster_{error.params['reason']}"
        record_error(store, str(roster.get("admin", "")), _version(roster), kind, "station.json")
        raise error
    pin_roster(store, roster)
    remember_own_grant(store, roster)
    given = roster.get("devices", {}).get(store.device_id, {}).get("code_prefix")
    if isinstance(given, str) and given != store.setting(CODE_PREFIX):
        store.set_setting(CODE_PREFIX, given)  # the household-code letters the admin gave this laptop
    resolve_errors_of_kind(store, "roster_")
    return roster


def accepted_roster(store: Store) -> dict[str, Any] | None:
    """The newest roster this laptop accepted (None before its first), to judge audit entries offline."""
    value = store.setting(ACCEPTED_ROSTER)
    return json.loads(value) if value else None


def init_share(share: FolderShare, admin_device: str, admin_keys: SyncKeys, store: Store | None = None,
               grant: dict[str, Any] | None = None) -> str:
    """A new station folder with a first data key; the admin's own laptop is its first device (and the one
    whose key signs the roster), acting for the admin account of `grant` (`desktop.sync.grants`; none: the
    station admin laptop with no account). With `store`, the admin laptop pins its own roster at once."""
    if share.has_station():
        raise WardbookError("sync.share_exists", path=share.description)
    joined = accepted_roster(store) if store is not None else None
    if joined is not None:  # a second station would pin a roster the first one's syncs then took for a rollback
        raise WardbookError("sync.already_in_station", station=str(joined.get("station", ""))[:8])
    station_id = str(uuid.uuid4())
    admin_keys.data_keys[1] = os.urandom(32)
    share.create()
    save_roster(share, {"station": station_id, "epoch": 1, "devices": {}, "admin": admin_device,
                        "admin_key": admin_keys.public_hex(), "version": 0}, admin_keys)
    for folder in ("devices", "enroll", "snapshots"):
        share.makedirs(folder)
    _add(share, admin_device, raw_public(admin_keys.signing_key), raw_public(admin_keys.exchange_key),
         "admin", admin_keys, grant or {"from_seq": 1, "user_id": None, "username": "", "role": "admin"}, store)
    return station_id


def request_enrollment(share: FolderShare, device_id: str, keys: SyncKeys, name: str,
                       store: Store | None = None) -> None:
    """Ask to join. With `store`, the laptop pins the admin key and roster version it sees now (enrollment is
    the moment a person checks they are joining the right station)."""
    roster = share.station()  # fails clearly when the folder is not a station share
    if store is not None:
        if not roster_signature_ok(roster):
            raise refused("sync.roster_refused", "signature")
        elsewhere = _belongs_elsewhere(store, roster)
        if elsewhere is not None:
            raise elsewhere
        pin_roster(store, roster)
    share.write_request(device_id, {"device": device_id, "name": name, "public_key": keys.public_hex(),
                                    "exchange_key": raw_public(keys.exchange_key)})


def _belongs_elsewhere(store: Store, roster: dict[str, Any]) -> WardbookError | None:
    """Why this laptop may not ask to join the station of `roster`: it belongs to another one (another admin key
    pinned, or another station accepted); None when it may. Asked before anything is pinned or written: pinning
    the other station's version and roster beside the old admin key (the neighbouring ward's stick plugged in,
    "ask to join" clicked there) locked the laptop out of its own station, told as a rolled-back roster."""
    pinned_key = store.setting(PINNED_ADMIN_KEY)
    accepted = accepted_roster(store) or {}
    if (not pinned_key or roster.get("admin_key") == pinned_key) \
            and accepted.get("station", roster.get("station")) == roster.get("station"):
        return None
    return WardbookError("sync.other_station", station=str(accepted.get("station") or "?")[:8],
                         other=str(roster.get("station", ""))[:8])


def pending_requests(share: FolderShare) -> list[dict[str, str]]:
    return share.requests()


def free_code_prefix(roster: dict[str, Any], device_id: str) -> str:
    """The household-code letters a laptop joining the station gets: those drawn from its device id, unless another
    laptop of the roster has them already (1 in 13,824 per pair); then the next free ones. The admin gives them
    once, in the signed roster, so no two laptops of a station ever make the same code."""
    taken = {str(info.get("code_prefix") or code_prefix(device)) for device, info in roster["devices"].items()
             if device != device_id}
    prefix = code_prefix(device_id)
    letters = CODE_LETTERS
    while prefix in taken:
        digits = [letters.index(letter) for letter in prefix]
        number = (digits[0] + digits[1] * len(letters) + digits[2] * len(letters) ** 2 + 1) % len(letters) ** 3
        prefix = "".join(letters[(number // len(letters) ** place) % len(letters)] for place in range(3))
    return prefix


def _station_keys(roster: dict[str, Any], admin_keys: SyncKeys) -> dict[int, bytes]:
    """Every data key of the station: the epochs the roster wraps for the admin's own entry (a key holder of
    every epoch, as the laptop that makes them) and the current one, taken from the admin laptop's keys, or
    unwrapped from its entry when its key store missed one. Only the roster's epochs: a key store may hold keys
    of a station this laptop belonged to before, which are no business of this one's laptops."""
    own = roster.get("devices", {}).get(roster.get("admin"), {}).get("keys", {})
    epochs = sorted({int(epoch) for epoch in own} | {int(roster["epoch"])})
    for epoch in epochs:
        if epoch not in admin_keys.data_keys and str(epoch) in own:
            admin_keys.data_keys[epoch] = unwrap_key(own[str(epoch)], admin_keys.exchange_key)
    return {epoch: admin_keys.data_key(epoch) for epoch in epochs}


def _add(share: FolderShare, device_id: str, public_key: str, exchange_key: str, name: str,
         admin_keys: SyncKeys, grant: dict[str, Any], store: Store | None) -> None:
    """Put an approved laptop in the roster with the data key of every epoch wrapped for it, not the current one
    only: the ward's earlier files (accounts among them) are encrypted with the older keys, and a laptop approved
    after a revocation could read none of them, nor anything its officer wrote afterwards queued behind them. No
    new reader learns a key it should not: the revoked laptop had those keys already."""
    roster = _admin_roster(share, admin_keys, store)
    roster["devices"][device_id] = {
        "name": name, "public_key": public_key, "exchange_key": exchange_key,
        "keys": {str(epoch): wrap_key(key, exchange_key)
                 for epoch, key in _station_keys(roster, admin_keys).items()},
        "grants": [grant],
        "code_prefix": free_code_prefix(roster, device_id),
    }
    save_roster(share, roster, admin_keys, store)


def approve_device(share: FolderShare, device_id: str, admin_keys: SyncKeys,
                   grant: dict[str, Any] | None = None, store: Store | None = None) -> dict[str, Any]:
    """Admit a laptop that asked to join: its keys go into the roster with the data key wrapped for it, bound to
    the user and role of `grant` (`desktop.sync.grants.grant_of_user`; none: an officer with no account). With the
    admin laptop's `store` (as the app does it), the roster is checked against its pin (`_admin_roster`).
    Returns the grant the laptop is approved with: for an approval already done (`approved_already`), the one
    given then, and its request is taken away."""
    roster = _admin_roster(share, admin_keys, store)  # refuse a non-admin before anything else
    request = share.request(device_id)
    if request is None:
        raise WardbookError("sync.no_request", device=device_id)
    if approved_already(roster, request):
        _take_away_approved(share, roster)
        return effective_grants(roster, device_id)[-1]
    if device_id in roster["devices"]:
        raise id_taken(roster, device_id, str(request.get("name", "")))
    grant = grant or {"from_seq": 1, "user_id": None, "username": "", "role": "officer"}
    _add(share, device_id, request["public_key"], request["exchange_key"], request.get("name", ""), admin_keys,
         grant, store)
    share.remove_request(device_id)
    _take_away_approved(share, roster)
    return grant


def _take_away_approved(share: FolderShare, roster: dict[str, Any]) -> None:
    """Remove the requests whose approval is done already (`approved_already`), at the admin's next approval:
    the list does not show them, so nobody would take them away otherwise."""
    for request in share.requests():
        if approved_already(roster, request):
            share.remove_request(str(request["device"]))


def approved_already(roster: dict[str, Any], request: dict[str, Any]) -> bool:
    """Whether `request` is one the roster holds already: its laptop in the roster, not revoked, under the very
    keys it asks with. The approval was done and cut off before the request was removed (the network dropped):
    the request is no foreign one under that laptop's id (`id_taken`), and nothing is left to approve. A revoked
    laptop asking again with its own keys stays refused: approving it would undo the revocation."""
    info = roster.get("devices", {}).get(request.get("device"))
    return isinstance(info, dict) and not is_revoked(roster, str(request.get("device"))) \
        and info.get("public_key") == request.get("public_key") \
        and info.get("exchange_key") == request.get("exchange_key")


def id_taken(roster: dict[str, Any], device_id: str, asked_as: str) -> WardbookError:
    """A request to join under the id of a laptop already in the roster (enrolled, revoked, or the admin's own):
    never approvable. Approving it replaced that laptop's keys with the requester's, erased a revocation, or
    replaced the key the admin's laptop signs with; whoever can write the share can leave such a request."""
    info = roster["devices"][device_id]
    return WardbookError("sync.request_id_taken", request=asked_as or device_id[:8], device=device_id[:8],
                         name=str(info.get("name") or device_id[:8]))


def bind_device(share: FolderShare, device_id: str, admin_keys: SyncKeys, grant: dict[str, Any],
                store: Store) -> None:
    """Bind an enrolled laptop to an account (`desktop.sync.grants.grant_of_user`) from the file after the last one
    the admin's laptop (`store`) applied from it (like `grants.refresh_grants`; never from the share's listing,
    where its holder can put a file far ahead to keep the old account's role): for a laptop enrolled before
    laptops were bound to accounts (it acts as an officer with no account until then), or one handed to another
    user."""
    roster = _admin_roster(share, admin_keys, store)
    info = roster["devices"].get(device_id)
    if info is None or is_revoked(roster, device_id):
        raise WardbookError("sync.unknown_device", device=device_id)
    from_seq = int(revocation_cut(store, device_id)["after_seq"]) + 1
    info["grants"] = [*effective_grants(roster, device_id), {**grant, "from_seq": from_seq}]
    save_roster(share, roster, admin_keys, store)


def revocation_cut(store: Store, device_id: str) -> dict[str, Any]:
    """Where a revocation cuts a laptop's files: the last one the admin's laptop applied, with its hash.

    Not the share's listing: the holder of a stolen laptop can put any name in its own folder (a junk
    `000000000500.chg`), and a cut taken from the listing let every file it then wrote up to that number in.
    The hash fixes the file at the cut, and through each file's `prev_hash` every file before it: rewritten
    after the revocation, none of them is accepted (`desktop.sync.apply`)."""
    row = store.conn.execute("SELECT last_seq, last_hash FROM applied WHERE device_id = ?", (device_id,)).fetchone()
    return {"after_seq": int(row[0]), "after_hash": str(row[1] or "")} if row else {"after_seq": 0, "after_hash": ""}


def revoke_device(share: FolderShare, device_id: str, admin_keys: SyncKeys, store: Store) -> int:
    """Revoke a lost laptop from now on: the files the admin's laptop (`store`) had applied from it stay valid on
    every laptop (marked in the signed roster by the last one and its hash, `revocation_cut`), nothing it
    publishes beyond is accepted, and a new epoch starts whose data key only the remaining laptops can unwrap.
    The admin's own laptop cannot be revoked: it signs the roster, and the station would be locked out of its
    own sync."""
    roster = _admin_roster(share, admin_keys, store)
    info = roster["devices"].get(device_id)
    if info is None or is_revoked(roster, device_id):
        raise WardbookError("sync.unknown_device", device=device_id)
    if device_id == roster.get("admin"):
        raise WardbookError("sync.cannot_revoke_admin")
    info["revoked"] = revocation_cut(store, device_id)
    epoch = _start_epoch(roster, admin_keys)
    save_roster(share, roster, admin_keys, store)
    return epoch


def _key_holders(roster: dict[str, Any]) -> list[str]:
    """The laptops given the data key of what is published from now on: neither revoked nor bound to a disabled
    account (the newest grant `inactive`)."""
    return [device for device in roster["devices"]
            if not is_revoked(roster, device) and (effective_grants(roster, device) or [{}])[-1].get("role")
            != INACTIVE]


def _start_epoch(roster: dict[str, Any], admin_keys: SyncKeys) -> int:
    """A new data key for what is published from now on, wrapped for the key holders only."""
    epoch = int(roster["epoch"]) + 1
    new_key = os.urandom(32)
    admin_keys.data_keys[epoch] = new_key
    for device in _key_holders(roster):
        info = roster["devices"][device]
        info["keys"][str(epoch)] = wrap_key(new_key, info["exchange_key"])
    roster["epoch"] = epoch
    return epoch


def withhold_keys(roster: dict[str, Any], admin_keys: SyncKeys) -> bool:
    """On the admin laptop, once the grants follow the accounts (`desktop.sync.grants.refresh_grants`): a laptop
    whose account was disabled must stop reading the ward's new records, as its changes already stop counting.
    If it holds the current data key, a new epoch starts whose key only the others get (what it could read is on
    its disk already). Every other key holder gets the key of every epoch it lacks: a laptop whose account is
    enabled again those it missed, and a laptop approved before approvals gave every epoch (`_add`) the ones
    from before it joined, without which the ward's earlier files stayed unreadable to it for good. Returns
    whether the roster changed (the caller signs and saves it). Older versions read the added entries as they
    read any epoch's key (`unwrap_all` takes whatever the device's `keys` hold).

    Why not revoke it: a disabled account may be enabled again (leave, suspension), and its laptop then syncs
    again without being enrolled anew; revocation stays the admin's act for a lost or handed-back laptop."""
    holders = _key_holders(roster)
    current = str(roster["epoch"])
    changed = False
    if any(current in info.get("keys", {}) for device, info in roster["devices"].items()
           if device not in holders and not is_revoked(roster, device)):
        _start_epoch(roster, admin_keys)
        changed = True
    station_keys = _station_keys(roster, admin_keys)
    for device in holders:
        info = roster["devices"][device]
        for epoch, key in station_keys.items():
            if str(epoch) not in info["keys"]:
                info["keys"][str(epoch)] = wrap_key(key, info["exchange_key"])
                changed = True
    return changed


def unwrap_all(roster: dict[str, Any], device_id: str, keys: SyncKeys) -> None:
    """Learn every data key the roster holds for this laptop (after approval, and after each revocation)."""
    info = roster.get("devices", {}).get(device_id)
    if info is None:
        raise WardbookError("sync.not_enrolled", device=device_id)
    if is_revoked(roster, device_id):
        raise WardbookError("sync.revoked", device=device_id)
    for epoch, wrapped in info.get("keys", {}).items():
        if int(epoch) not in keys.data_keys:
            keys.data_keys[int(epoch)] = unwrap_key(wrapped, keys.exchange_key)


def public_keys(roster: dict[str, Any]) -> dict[str, Ed25519PublicKey]:
    return {device: Ed25519PublicKey.from_public_bytes(bytes.fromhex(info["public_key"]))
            for device, info in roster.get("devices", {}).items()}
