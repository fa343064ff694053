"""Per-field last-writer-wins merge of remote changes, by (HLC, device id).

For each field a remote change writes, its stamp is compared with the local field's stamp (the field's own
`field_clock` row, or the row's `*` creation stamp). The greater stamp wins, so applying the same changes in any
order, any number of times, gives the same result. A value that loses is kept in `conflicts` when it was
concurrent (neither side had seen the other) and different, for a person to review; nothing is dropped silently.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.store import RowWrite, Store
from desktop.store.tables import SYNCED
from desktop.store.writer import ALL_FIELDS, utc_now_iso

Stamp = tuple[int, str]
PLACEHOLDER: Stamp = (0, "")


def _local_stamps(store: Store, table: str, row_id: str) -> dict[str, Stamp]:
    return {field: (hlc, device) for field, hlc, device in store.conn.execute(
        "SELECT field, hlc, device_id FROM field_clock WHERE tbl = ? AND row_id = ?", (table, row_id))}


def _seen(vv: dict[str, int], stamp: Stamp) -> bool:
    """Had the remote device, when it published, applied the local value's write?"""
    return vv.get(stamp[1], -1) >= stamp[0]


def merge_change(store: Store, device: str, change: list[Any], vv: dict[str, int]) -> None:
    """Apply one remote change `[table, row_id, op, hlc, fields]` field by field."""
    table, row_id, op, hlc, fields = change
    if table not in SYNCED:
        return  # a newer app's table: ignored by this version, kept in the file for later
    remote: Stamp = (int(hlc), device)
    values: dict[str, Any] = {"deleted_hlc": hlc} if op == "delete" else dict(fields)
    cursor = store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    current = cursor.fetchone()
    if current is None:
        if op == "insert":
            store.writer.write([RowWrite(table, row_id, "insert", values, hlc, device)])
            return
        # An edit or delete from one laptop arrived before the row's creation from another: make an empty row
        # stamped lower than anything real, so the creation, when it comes, still wins every field it sets.
        store.writer.write([RowWrite(table, row_id, "insert", {}, PLACEHOLDER[0], PLACEHOLDER[1])])
        cursor = store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        current = cursor.fetchone()
    row = dict(zip([d[0] for d in cursor.description], current, strict=True))
    stamps = _local_stamps(store, table, row_id)
    winners: dict[str, Any] = {}
    for field, value in values.items():
        local = stamps.get(field) or stamps.get(ALL_FIELDS) or PLACEHOLDER
        if remote == local:
            continue  # the same write again: idempotent
        if remote > local:
            winners[field] = value
            if row.get(field) != value and local[1] not in (device, "") and not _seen(vv, local):
                _conflict(store, table, row_id, field, kept=(value, remote), lost=(row.get(field), local))
        elif row.get(field) != value and local[1] != device:
            _conflict(store, table, row_id, field, kept=(row.get(field), local), lost=(value, remote))
    if row["deleted_hlc"] is not None and op != "delete" and winners:
        tombstone = stamps.get("deleted_hlc") or (int(row["deleted_hlc"]), "")
        if not _seen(vv, tombstone):  # edited on one laptop while deleted on another: a person decides
            _conflict(store, table, row_id, "deleted_hlc", kept=(row["deleted_hlc"], tombstone),
                      lost=(json.dumps(winners, ensure_ascii=False), remote))
    if not winners:
        return
    deleted = winners.pop("deleted_hlc", None)
    if winners:
        store.writer.write([RowWrite(table, row_id, "update", winners, hlc, device)])
    if deleted is not None:
        store.writer.write([RowWrite(table, row_id, "delete", {}, hlc, device)])


def _conflict(store: Store, table: str, row_id: str, field: str, kept: tuple[Any, Stamp],
              lost: tuple[Any, Stamp]) -> None:
    store.conn.execute(
        "INSERT INTO conflicts (tbl, row_id, field, kept_value, kept_hlc, kept_device, lost_value, lost_hlc, "
        "lost_device, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (table, row_id, field, json.dumps(kept[0], ensure_ascii=False), kept[1][0], kept[1][1],
         json.dumps(lost[0], ensure_ascii=False), lost[1][0], lost[1][1], utc_now_iso()),
    )
