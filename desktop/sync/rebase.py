"""A laptop left behind a compaction catches up from the station's base snapshot instead of removed changesets.

After a compaction (`desktop.sync.compaction`) the signed roster names the base snapshot and, per device, the
number up to which its changesets may be gone from the share. A laptop whose cursor of some device is below that
number cannot apply that device's files any more: it is behind the base. It has already published its own
unpublished changes (a sync publishes before it applies, and publishing needs no earlier file), so nothing of its
own is lost; it then merges the base snapshot into its database by the same per-field rule as any changeset
(the snapshot keeps every field's stamp), takes the conflicts the snapshot's maker recorded that it won or lost,
moves its cursors up to the snapshot's, and applies the files after it as usual. An empty laptop loads the
snapshot as it is (a bootstrap).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from desktop.store import Store
from desktop.store.tables import SYNCED
from desktop.store.writer import utc_now_iso
from desktop.sync.folder import FolderShare
from desktop.sync.merge import merge_changes
from desktop.sync.snapshot import attached_snapshot, is_empty, load_snapshot, set_cursors
from desktop.sync.station import SyncKeys


def floors(roster: dict[str, Any]) -> dict[str, int]:
    """Per device, the number up to which its changesets may be gone from the share (none before compaction)."""
    base = roster.get("base")
    return {str(device): int(seq) for device, seq in base.get("floors", {}).items()} if isinstance(base, dict) else {}


def behind_base(store: Store, roster: dict[str, Any]) -> bool:
    """Does this laptop miss changesets a compaction removed? Read from the roster and its cursors only (no
    access to the share), so a sync with nothing new stays as cheap as before."""
    removed = floors(roster)
    if not removed:
        return False
    cursors = dict(store.conn.execute("SELECT device_id, last_seq FROM applied").fetchall())
    return any(seq > cursors.get(device, 0) for device, seq in removed.items() if device != store.device_id)


def catch_up(store: Store, share: FolderShare, keys: SyncKeys, roster: dict[str, Any]) -> dict[str, Any]:
    """Bring this laptop up to the roster's base snapshot (see the module docstring); returns its header."""
    snapshot_id = str(roster["base"]["snapshot"])
    if is_empty(store):
        return load_snapshot(store, share, keys, roster, snapshot_id)
    with attached_snapshot(store, share, keys, roster, snapshot_id) as header, store.transaction():
        seen = _stamps_seen(store)
        for device, changes in _changes_of_snapshot(store).items():
            merge_changes(store, device, changes, seen)
        store.conn.executemany(
            "INSERT INTO version_vector (device_id, hlc) VALUES (?, ?) "
            "ON CONFLICT (device_id) DO UPDATE SET hlc = max(hlc, excluded.hlc)", seen.items())
        _take_conflicts(store)
        set_cursors(store, header)
    return header


def _take_conflicts(store: Store) -> None:
    """The conflicts the snapshot's maker recorded that this laptop won or lost, and does not have: the value it
    lost to, or the one that lost to it, may be in a file it will never read. A snapshot of an earlier version
    carries none."""
    if not store.conn.execute("SELECT 1 FROM snap.sqlite_master WHERE name = 'conflicts'").fetchone():
        return
    store.conn.execute(
        "INSERT INTO main.conflicts (tbl, row_id, field, kept_value, kept_hlc, kept_device, lost_value, lost_hlc, "
        "lost_device, detected_at) SELECT s.tbl, s.row_id, s.field, s.kept_value, s.kept_hlc, s.kept_device, "
        "s.lost_value, s.lost_hlc, s.lost_device, ? FROM snap.conflicts s "
        "WHERE ? IN (s.kept_device, s.lost_device) AND NOT EXISTS (SELECT 1 FROM main.conflicts c "
        "WHERE c.tbl = s.tbl AND c.row_id = s.row_id AND c.field = s.field AND c.lost_hlc = s.lost_hlc "
        "AND c.lost_device = s.lost_device)", (utc_now_iso(), store.device_id))


def _stamps_seen(store: Store) -> dict[str, int]:
    """The highest stamp of each device in the attached snapshot: what its maker had seen of each laptop."""
    stamps = " UNION ALL ".join(["SELECT device_id, hlc FROM snap.field_clock",
                                 *(f"SELECT created_device, created_hlc FROM snap.{table}" for table in SYNCED)])
    return {device: int(hlc) for device, hlc in store.conn.execute(
        f"SELECT device_id, MAX(hlc) FROM ({stamps}) WHERE device_id IS NOT NULL AND device_id != '' "
        "GROUP BY device_id")}


def _changes_of_snapshot(store: Store) -> dict[str, list[list[Any]]]:
    """The attached snapshot as changes, grouped by the device of their stamp: each row's creation (with the
    fields still as created), each later field write at its own stamp, and each deletion. The merge is the same
    in any order, so grouping by device loses nothing; a field is sent once, at its stamp, so no value is ever
    offered at a stamp it did not have. A write this laptop has already applied (its device's stamp is not
    above what this laptop has seen of that device: each device's files are applied in order) or made itself
    is left out: merging it again would change nothing, but could report a value replaced knowingly here as a
    conflict."""
    conn = store.conn
    seen: dict[str, int] = dict(conn.execute("SELECT device_id, hlc FROM version_vector").fetchall())
    seen[store.device_id] = 2**63

    def new(device: str, hlc: int) -> bool:
        return hlc > seen.get(device, 0)

    grouped: dict[str, list[list[Any]]] = defaultdict(list)
    for table, spec in SYNCED.items():
        clocks: dict[str, dict[str, tuple[int, str]]] = defaultdict(dict)
        for row_id, name, hlc, device in conn.execute(
                "SELECT row_id, field, hlc, device_id FROM snap.field_clock WHERE tbl = ?", (table,)):
            clocks[row_id][name] = (int(hlc), str(device))
        names = list(spec.fields)
        cursor = conn.execute(
            f"SELECT id, created_hlc, created_device, deleted_hlc, {', '.join(names)} FROM snap.{table}")
        for row_id, created_hlc, created_device, deleted_hlc, *values in cursor:
            stamped = clocks.get(row_id, {})
            row = dict(zip(names, values, strict=True))
            if created_hlc and created_device and new(created_device, created_hlc):
                grouped[created_device].append(
                    [table, row_id, "insert", int(created_hlc),
                     {name: value for name, value in row.items() if name not in stamped}])
            for name, (hlc, device) in stamped.items():
                if not new(device, hlc):
                    continue
                if name == "deleted_hlc":
                    if deleted_hlc is not None:
                        grouped[device].append([table, row_id, "delete", hlc, {}])
                elif name in row:
                    grouped[device].append([table, row_id, "update", hlc, {name: row[name]}])
    return grouped
