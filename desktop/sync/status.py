"""Per-device sync status for the admin: how far each laptop's changesets have been applied here."""

from __future__ import annotations

from dataclasses import dataclass

from desktop import i18n
from desktop.store import Store
from desktop.sync.errors import open_errors
from desktop.sync.folder import FolderShare
from desktop.sync.grants import grant_for, is_revoked
from desktop.sync.rebase import floors
from desktop.sync.screen import refused_counts


@dataclass(frozen=True)
class DeviceStatus:
    device: str
    name: str
    on_share: int  # highest changeset number published (still on the share, or removed by a compaction)
    applied: int  # highest applied on this laptop
    lag: int
    clock_offset_ms: int | None  # its clock minus this laptop's, estimated at its newest file applied here
    errors: int
    conflicts: int
    user: str = ""  # the account the roster binds the laptop to
    refused: int = 0  # its changes refused here


def offset_minutes(offset_ms: int | None) -> str:
    """A clock offset as people read it: whole minutes with a sign (the estimate is not finer than that)."""
    return "—" if offset_ms is None else f"{round(offset_ms / 60_000):+d}"


def device_status(store: Store, share: FolderShare) -> list[DeviceStatus]:
    roster = share.station()
    applied = {device: (seq, offset) for device, seq, offset in store.conn.execute(
        "SELECT device_id, last_seq, clock_offset_ms FROM applied")}
    errors = open_errors(store)
    refused = refused_counts(store)
    conflicts = dict(store.conn.execute(
        "SELECT lost_device, COUNT(*) FROM conflicts WHERE resolved_at IS NULL GROUP BY lost_device").fetchall())
    removed = floors(roster)
    rows = []
    for device, info in sorted(roster.get("devices", {}).items()):
        seqs = share.seqs(device)
        on_share = max(seqs[-1] if seqs else 0, removed.get(device, 0))  # a compaction may have removed them all
        seen, offset = (on_share, 0) if device == store.device_id else applied.get(device, (0, None))
        grant = grant_for(roster, device, on_share + 1)
        name = str(info.get("name", ""))
        if is_revoked(roster, device):
            name += f" ({i18n.tr('sync.cli_revoked_mark')})"
        rows.append(DeviceStatus(device, name, on_share, int(seen), on_share - int(seen), offset,
                                 int(errors.get(device, 0)), int(conflicts.get(device, 0)),
                                 str(grant.get("username") or "") if grant else "", refused.get(device, 0)))
    return rows
