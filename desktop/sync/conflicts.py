"""The conflicts inbox: values that lost a merge while they were concurrent with the winner.

A person decides: keep the current value (the conflict is closed), or use the other one — which is written as
a new local edit through the write path, so it wins everywhere on the next sync.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.errors import WardbookError
from desktop.store import Store
from desktop.store.writer import utc_now_iso


@dataclass(frozen=True)
class Conflict:
    id: int
    table: str
    row_id: str
    field: str
    kept: object
    lost: object
    lost_device: str
    detected_at: str


def open_conflicts(store: Store) -> list[Conflict]:
    return [
        Conflict(row[0], row[1], row[2], row[3], json.loads(row[4]) if row[4] else None,
                 json.loads(row[5]) if row[5] else None, row[6], row[7])
        for row in store.conn.execute(
            "SELECT id, tbl, row_id, field, kept_value, lost_value, lost_device, detected_at FROM conflicts "
            "WHERE resolved_at IS NULL ORDER BY id"
        )
    ]


def resolve(store: Store, conflict_id: int, use_other: bool) -> None:
    """Close the conflict; with `use_other`, the losing value becomes the current one (synced as a new edit)."""
    chosen = next((c for c in open_conflicts(store) if c.id == conflict_id), None)
    if chosen is None:
        raise WardbookError("sync.no_conflict", id=conflict_id)
    with store.transaction():
        if use_other:
            if chosen.field == "deleted_hlc":
                raise WardbookError("sync.cannot_restore")
            store.writer.update(chosen.table, chosen.row_id, {chosen.field: chosen.lost})
        store.conn.execute("UPDATE conflicts SET resolved_at = ? WHERE id = ?", (utc_now_iso(), conflict_id))
