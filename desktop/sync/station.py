"""The station roster (station.json): which devices may publish, their public keys, the key epoch.

`init_share` makes a new station folder; `approve_device` adds a laptop's public key. (Wrapping the data key for
a new laptop and signing the roster with the admin key belong to enrollment, which is not built yet: until then
the data key is handed to each laptop by the admin out of band.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from desktop.sync.folder import FolderShare


@dataclass(frozen=True)
class SyncKeys:
    """What a laptop needs to sync: its signing key and the ward data key."""

    signing_key: Ed25519PrivateKey
    data_key: bytes

    def public_hex(self) -> str:
        return self.signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def init_share(share: FolderShare) -> str:
    station_id = str(uuid.uuid4())
    share.write_station({"station": station_id, "epoch": 1, "devices": {}})
    (share.root / "devices").mkdir(exist_ok=True)
    return station_id


def approve_device(share: FolderShare, device_id: str, public_key_hex: str) -> None:
    roster = share.station()
    roster["devices"][device_id] = {"public_key": public_key_hex, "epoch": roster["epoch"]}
    share.write_station(roster)


def public_keys(roster: dict[str, object]) -> dict[str, Ed25519PublicKey]:
    devices = roster.get("devices", {})
    assert isinstance(devices, dict)
    return {device: Ed25519PublicKey.from_public_bytes(bytes.fromhex(info["public_key"]))
            for device, info in devices.items()}
