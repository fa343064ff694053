"""The station roster (station.json) and enrollment: which laptops may publish, and how they get the data key.

The roster lists each approved device with its Ed25519 public key (to check its changesets), its X25519 public
key, and the ward data key of each epoch wrapped for it (X25519 key agreement, HKDF-SHA256, AES-256-GCM), so the
data key reaches a new laptop without ever being on the share in the clear. A laptop asks to join by writing
`enroll/<device_id>.req` (its two public keys); an admin approves it. Revoking a lost laptop starts a new epoch
with a new data key, wrapped for the remaining laptops only: the lost one can read nothing written after that.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.errors import WardbookError
from desktop.sync.changeset import InvalidChangeset
from desktop.sync.folder import FolderShare

_WRAP_INFO = b"wardbook data key v1"


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


def init_share(share: FolderShare, admin_device: str, admin_keys: SyncKeys) -> str:
    """A new station folder with a first data key; the admin's own laptop is its first device."""
    if share.has_station():
        raise WardbookError("sync.share_exists", path=share.description)
    station_id = str(uuid.uuid4())
    admin_keys.data_keys[1] = os.urandom(32)
    share.write_station({"station": station_id, "epoch": 1, "devices": {}})
    for folder in ("devices", "enroll", "snapshots"):
        share.makedirs(folder)
    _add(share, admin_device, raw_public(admin_keys.signing_key), raw_public(admin_keys.exchange_key),
         "admin", admin_keys)
    return station_id


def request_enrollment(share: FolderShare, device_id: str, keys: SyncKeys, name: str) -> None:
    share.station()  # fails clearly when the folder is not a station share
    share.write_request(device_id, {"device": device_id, "name": name, "public_key": keys.public_hex(),
                                    "exchange_key": raw_public(keys.exchange_key)})


def pending_requests(share: FolderShare) -> list[dict[str, str]]:
    return share.requests()


def _add(share: FolderShare, device_id: str, public_key: str, exchange_key: str, name: str,
         admin_keys: SyncKeys) -> None:
    roster = share.station()
    epoch = int(roster["epoch"])
    roster["devices"][device_id] = {
        "name": name, "public_key": public_key, "exchange_key": exchange_key,
        "keys": {str(epoch): wrap_key(admin_keys.data_key(epoch), exchange_key)},
    }
    share.write_station(roster)


def approve_device(share: FolderShare, device_id: str, admin_keys: SyncKeys) -> None:
    """Admit a laptop that asked to join: its keys go into the roster with the data key wrapped for it."""
    request = share.request(device_id)
    if request is None:
        raise WardbookError("sync.no_request", device=device_id)
    _add(share, device_id, request["public_key"], request["exchange_key"], request.get("name", ""), admin_keys)
    share.remove_request(device_id)


def revoke_device(share: FolderShare, device_id: str, admin_keys: SyncKeys) -> int:
    """Remove a lost laptop and start a new epoch whose data key only the remaining laptops can unwrap."""
    roster = share.station()
    if device_id not in roster["devices"]:
        raise WardbookError("sync.unknown_device", device=device_id)
    del roster["devices"][device_id]
    epoch = int(roster["epoch"]) + 1
    new_key = os.urandom(32)
    admin_keys.data_keys[epoch] = new_key
    for info in roster["devices"].values():
        info["keys"][str(epoch)] = wrap_key(new_key, info["exchange_key"])
    roster["epoch"] = epoch
    share.write_station(roster)
    return epoch


def unwrap_all(roster: dict[str, Any], device_id: str, keys: SyncKeys) -> None:
    """Learn every data key the roster holds for this laptop (after approval, and after each revocation)."""
    info = roster.get("devices", {}).get(device_id)
    if info is None:
        raise WardbookError("sync.not_enrolled", device=device_id)
    for epoch, wrapped in info.get("keys", {}).items():
        if int(epoch) not in keys.data_keys:
            keys.data_keys[int(epoch)] = unwrap_key(wrapped, keys.exchange_key)


def public_keys(roster: dict[str, Any]) -> dict[str, Ed25519PublicKey]:
    return {device: Ed25519PublicKey.from_public_bytes(bytes.fromhex(info["public_key"]))
            for device, info in roster.get("devices", {}).items()}
