"""Applying other laptops' changesets: per device in seq order, each file and its cursor in one transaction.

A gap in the numbering or a file that fails any check (signature, station, device folder, seq, hash chain to the
previous file, decryption) stops that device's stream and is recorded in `sync_errors`; the next sync retries.
Nothing from an invalid file is applied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.store import Store
from desktop.store.tables import SYNCED
from desktop.store.writer import utc_now_iso
from desktop.sync.changeset import InvalidChangeset, decode, file_name, read_header
from desktop.sync.folder import FolderShare
from desktop.sync.merge import merge_changes
from desktop.sync.station import SyncKeys, public_keys, verified_roster

FUTURE_LIMIT_MS = 10 * 60 * 1000


@dataclass
class ApplyReport:
    applied: dict[str, int] = field(default_factory=dict)  # device → changesets applied
    errors: list[tuple[str, int, str]] = field(default_factory=list)  # (device, seq, reason)


def _cursor(store: Store, device: str) -> tuple[int, str]:
    row = store.conn.execute("SELECT last_seq, last_hash FROM applied WHERE device_id = ?", (device,)).fetchone()
    return (row[0], row[1] or "") if row else (0, "")


def _error(store: Store, report: ApplyReport, device: str, seq: int, reason: str) -> None:
    report.errors.append((device, seq, reason))
    with store.transaction():
        store.conn.execute("INSERT INTO sync_errors (at, device_id, seq, kind, detail) VALUES (?, ?, ?, ?, ?)",
                           (utc_now_iso(), device, seq, reason, file_name(seq)))


def _existing(store: Store, changes: list[list[Any]]) -> set[tuple[str, str]]:
    """Which of the rows these changes touch are already in this database (one query per table and chunk)."""
    by_table: dict[str, set[str]] = {}
    for table, row_id, *_ in changes:
        if table in SYNCED:
            by_table.setdefault(table, set()).add(row_id)
    found: set[tuple[str, str]] = set()
    for table, ids in by_table.items():
        ordered = sorted(ids)
        for start in range(0, len(ordered), 500):
            chunk = ordered[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update((table, row[0]) for row in store.conn.execute(
                f"SELECT id FROM {table} WHERE id IN ({marks})", chunk))
    return found


def apply_changes(store: Store, device: str, changes: list[list[Any]], vv: dict[str, int]) -> None:
    """Apply one changeset's changes in order. Rows new to this laptop (most of them, on a first sync) are
    inserted in bulk by the write path; the others are merged field by field, as one batch."""
    existing = _existing(store, changes)
    fresh: list[list[Any]] = []
    later: list[list[Any]] = []
    for change in changes:
        table, row_id, op = change[0], change[1], change[2]
        if op == "insert" and table in SYNCED and (table, row_id) not in existing:
            fresh.append(change)
            existing.add((table, row_id))
        else:
            later.append(change)
    store.writer.insert_remote(device, fresh)
    merge_changes(store, device, later, vv)


def apply_all(store: Store, share: FolderShare, keys: SyncKeys, roster: dict[str, Any] | None = None) -> ApplyReport:
    """Apply every device's new changesets. The device keys come from `roster`, already verified by the caller,
    or from the share's roster verified here against this laptop's pin."""
    if roster is None:
        roster = verified_roster(store, share)
    keys_by_device = public_keys(roster)
    report = ApplyReport()
    for device in share.device_ids():
        if device == store.device_id:
            continue
        last_seq, last_hash = _cursor(store, device)
        for seq in share.seqs(device):
            if seq <= last_seq:
                continue
            if seq != last_seq + 1:
                _error(store, report, device, last_seq + 1, "gap")
                break
            try:
                if device not in keys_by_device:
                    raise InvalidChangeset("unenrolled")
                raw = share.read(device, seq)
                epoch = read_header(raw)[0].get("epoch", 0)
                changeset = decode(raw, keys_by_device[device], keys.data_key(epoch))
                header = changeset.header
                if header.get("device") != device or header.get("seq") != seq:
                    raise InvalidChangeset("renamed")
                if header.get("station") != roster["station"]:
                    raise InvalidChangeset("station")
                if header.get("prev_hash") != last_hash:
                    raise InvalidChangeset("chain")
            except (InvalidChangeset, OSError) as error:
                _error(store, report, device, seq, getattr(error, "reason", "unreadable"))
                break
            with store.transaction():
                apply_changes(store, device, changeset.changes, header.get("vv", {}))
                store.writer.clock.observe(int(header["hlc_max"]))
                store.conn.execute(
                    "INSERT INTO applied (device_id, last_seq, last_hash, applied_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (device_id) DO UPDATE SET last_seq = excluded.last_seq, "
                    "last_hash = excluded.last_hash, applied_at = excluded.applied_at",
                    (device, seq, changeset.digest, utc_now_iso()),
                )
                store.conn.execute("UPDATE device SET hlc_last = ?", (store.writer.clock.last,))
            if store.writer.clock.drift_ms(int(header["hlc_max"])) > FUTURE_LIMIT_MS:
                _error(store, report, device, seq, "clock_future")
            last_seq, last_hash = seq, changeset.digest
            report.applied[device] = report.applied.get(device, 0) + 1
    return report
