"""Per-device sync status for the admin: how far each laptop's changesets have been applied here."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.store import Store
from desktop.sync.folder import FolderShare


@dataclass(frozen=True)
class DeviceStatus:
    device: str
    name: str
    on_share: int  # highest changeset number published
    applied: int  # highest applied on this laptop
    lag: int
    errors: int
    conflicts: int


def device_status(store: Store, share: FolderShare) -> list[DeviceStatus]:
    roster = share.station()
    applied = dict(store.conn.execute("SELECT device_id, last_seq FROM applied").fetchall())
    errors = dict(store.conn.execute("SELECT device_id, COUNT(*) FROM sync_errors GROUP BY device_id").fetchall())
    conflicts = dict(store.conn.execute(
        "SELECT lost_device, COUNT(*) FROM conflicts WHERE resolved_at IS NULL GROUP BY lost_device").fetchall())
    rows = []
    for device, info in sorted(roster.get("devices", {}).items()):
        seqs = share.seqs(device)
        on_share = seqs[-1] if seqs else 0
        done = on_share if device == store.device_id else int(applied.get(device, 0))
        rows.append(DeviceStatus(device, info.get("name", ""), on_share, done, on_share - done,
                                 int(errors.get(device, 0)), int(conflicts.get(device, 0))))
    return rows
