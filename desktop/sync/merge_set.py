"""The set-wise part of a merge: edits of live rows, each field at most once per row in the changeset.

Most of what a laptop receives after its first sync is such edits, and deciding them one row at a time in Python
(a SELECT and an UPDATE per row, a document rebuilt per household) made a merge of edits fifteen to twenty times
slower than writing the same rows raw. Here the incoming changes go into a temporary table, one row per change with
each field's value in its slot (`_SLOTS`), each field change is decided in SQL against its field's stamp (its
`field_clock` row, else the row's creation stamp), the conflicts are written in one statement and the winners go to
the write path as a set (`Writer.write_remote_winners`). A change is one row, not one per field, because reading
the row it changes once instead of once per field, and handing SQLite a third of the rows, was a fifth of deciding.

The rules are `desktop.sync.merge`'s, to the letter, and they can be decided independently per field only because
of what is left to that module's in-order merge: a creation or a delete (they change the stamp of every field
or the row's life), a row missing or deleted here (placeholders, edit-versus-delete conflicts), and a row with a
field changed twice in the file (the second change must be decided against the first), and a purge's blanking
of a row (`retention.purge_blanking`) from a laptop that may purge, which wins whatever the stamps.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.bulk import emptied_after
from desktop.security.retention import purge_blanking
from desktop.store import Store
from desktop.store.tables import SYNCED
from desktop.store.writer import utc_now_iso

Change = list[Any]  # [table, row_id, op, hlc, fields]
# Each synced field's slot in `temp.merge_rows` (`v0`, `v1`…): its place among its table's fields.
_SLOTS = {table: {name: slot for slot, name in enumerate(spec.fields)} for table, spec in SYNCED.items()}
_WIDTH = max(map(len, _SLOTS.values()))
_PER_ROW = 64  # a merge_dec row's seq is its change's seq times this plus its field's slot (`changeset.MAX_FIELDS`)


def _json(value: object) -> str:
    """A conflict's value as the in-order merge writes it (Python's JSON, not SQLite's number format)."""
    return json.dumps(value, ensure_ascii=False)


def _prepare(store: Store) -> None:
    conn = store.conn
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS merge_rows (seq INTEGER PRIMARY KEY, tbl TEXT, row_id TEXT, "
                 f"hlc INTEGER, mask INTEGER, {', '.join(f'v{slot}' for slot in range(_WIDTH))})")
    # The fields of each set of fields changed together (`mask`), so a change is joined with the fields it writes
    # only, not with every field of its table.
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_fields (tbl TEXT, mask INTEGER, slot INTEGER, name TEXT, "
                 "PRIMARY KEY (tbl, mask, slot))")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_dec (seq INTEGER PRIMARY KEY, tbl TEXT, row_id TEXT, "
                 "field TEXT, value, hlc INTEGER, cur, lh INTEGER, ld TEXT)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_win (tbl TEXT, row_id TEXT, field TEXT, value, hlc INTEGER, "
                 "device TEXT, changed INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_vv (device TEXT PRIMARY KEY, hlc INTEGER)")
    conn.create_function("wardbook_json", 1, _json, deterministic=True)


def split(changes: list[Change], may_purge: bool = False) -> tuple[list[Change], list[Change]]:
    """(changes this module may decide, changes the in-order merge must), each list in the changes' order;
    `may_purge` as `merge.merge_changes` takes it."""
    keys = [(change[0], change[1]) for change in changes]
    writable = {table: spec.fields.keys() for table, spec in SYNCED.items()}

    def set_wise(table: str, op: str, fields: dict[str, Any]) -> bool:
        # Unknown fields go in order too: the write path refuses them there, as it always did.
        return op == "update" and fields.keys() <= writable[table] \
            and not (may_purge and purge_blanking(table, fields))

    if len(set(keys)) == len(keys):  # each row changed once in the file (a ward's edits): no field twice
        in_order = {key for key, (table, _row_id, op, _hlc, fields) in zip(keys, changes, strict=True)
                    if not set_wise(table, op, fields)}
    else:
        fields_of: dict[tuple[str, str], set[str]] = {}
        in_order = set()
        for key, (table, _row_id, op, _hlc, fields) in zip(keys, changes, strict=True):
            if key in in_order:
                continue
            seen = fields_of.setdefault(key, set())
            if not set_wise(table, op, fields) or not seen.isdisjoint(fields):
                in_order.add(key)
            else:
                seen.update(fields)
    if not in_order:
        return changes, []
    return ([change for key, change in zip(keys, changes, strict=True) if key not in in_order],
            [change for key, change in zip(keys, changes, strict=True) if key in in_order])


def merge_edits(store: Store, device: str, changes: list[Change], vv: dict[str, int]) -> set[tuple[str, str]]:
    """Merge `changes` (from `split`) of rows alive here, in the caller's transaction; returns the keys of the rows
    that are missing or deleted here, whose changes the caller merges in order instead."""
    conn = store.conn
    _prepare(store)
    with emptied_after(conn, "merge_rows", "merge_fields", "merge_dec", "merge_win", "merge_vv"):
        # Straight into the temporary table: `desktop.bulk` stages rows bound for the register's tables, whose pages
        # a statement inside the sync's savepoint journals again; here an executemany costs what the staging did,
        # and the copy after it is saved. One statement per table and set of fields changed together (a ward's
        # edits have a handful).
        together: dict[tuple[str, tuple[str, ...]], list[tuple[Any, ...]]] = {}
        for seq, (table, row_id, _op, hlc, fields) in enumerate(changes):
            together.setdefault((table, tuple(fields)), []).append((seq, table, row_id, hlc, *fields.values()))
        for (table, names), rows in together.items():
            slots = [_SLOTS[table][name] for name in names]
            mask = sum(1 << slot for slot in slots)
            conn.executemany(
                f"INSERT INTO temp.merge_rows (seq, tbl, row_id, hlc, mask, {', '.join(f'v{slot}' for slot in slots)}) "
                f"VALUES (?, ?, ?, ?, {mask}{', ?' * len(slots)})", rows)
            conn.executemany("INSERT OR IGNORE INTO temp.merge_fields (tbl, mask, slot, name) VALUES (?, ?, ?, ?)",
                             [(table, mask, slot, name) for slot, name in zip(slots, names, strict=True)])
        conn.executemany("INSERT INTO temp.merge_vv (device, hlc) VALUES (?, ?)", vv.items())
        incoming = " ".join(f"WHEN {slot} THEN m.v{slot}" for slot in range(_WIDTH))
        for table in sorted({change[0] for change in changes}):
            current = " ".join(f"WHEN {slot} THEN t.{name}" for name, slot in _SLOTS[table].items())
            # Each field a change writes (a bit of its mask), decided against its stamp: its own clock row, else
            # the row's creation stamp, else a placeholder's (0, '').
            conn.execute(
                f"INSERT INTO temp.merge_dec (seq, tbl, row_id, field, value, hlc, cur, lh, ld) "
                f"SELECT m.seq * {_PER_ROW} + f.slot, m.tbl, m.row_id, f.name, CASE f.slot {incoming} END, m.hlc, "
                f"CASE f.slot {current} END, coalesce(c.hlc, t.created_hlc, 0), "
                f"CASE WHEN c.hlc IS NOT NULL THEN c.device_id WHEN t.created_hlc IS NOT NULL THEN t.created_device "
                f"ELSE '' END "
                f"FROM temp.merge_rows m CROSS JOIN main.{table} t ON t.id = m.row_id "
                f"CROSS JOIN temp.merge_fields f ON f.tbl = m.tbl AND f.mask = m.mask "
                f"LEFT JOIN main.field_clock c ON c.tbl = m.tbl AND c.row_id = m.row_id AND c.field = f.name "
                f"WHERE m.tbl = ? AND t.deleted_hlc IS NULL", (table,))
        # Rows missing or deleted here: those of the changes that found no live row to be decided against.
        elsewhere = {(table, row_id) for table, row_id in conn.execute(
            f"SELECT DISTINCT m.tbl, m.row_id FROM temp.merge_rows m WHERE NOT EXISTS (SELECT 1 FROM temp.merge_dec d "
            f"WHERE d.seq BETWEEN m.seq * {_PER_ROW} AND m.seq * {_PER_ROW} + {_PER_ROW - 1})")}
        # `wins`: the remote stamp (hlc, device) is greater than the local one. A concurrent value that differs is
        # kept in conflicts: the local one it replaces unless the sender had seen it (or it is the sender's own or
        # a placeholder's), the remote one that lost unless it is the sender's own value coming back.
        decided = ("SELECT *, (hlc > lh OR (hlc = lh AND :device > ld)) AS wins FROM temp.merge_dec")
        conn.execute(
            "INSERT INTO conflicts (tbl, row_id, field, kept_value, kept_hlc, kept_device, lost_value, lost_hlc, "
            "lost_device, detected_at) "
            "SELECT tbl, row_id, field, wardbook_json(iif(wins, value, cur)), iif(wins, hlc, lh), "
            "iif(wins, :device, ld), wardbook_json(iif(wins, cur, value)), iif(wins, lh, hlc), "
            f"iif(wins, ld, :device), :now FROM ({decided}) "
            "WHERE value IS NOT cur AND ld != :device AND (NOT wins OR (ld != '' AND "
            "coalesce((SELECT v.hlc FROM temp.merge_vv v WHERE v.device = ld), -1) < lh)) ORDER BY seq",
            {"device": device, "now": utc_now_iso()})
        conn.execute(
            "INSERT INTO temp.merge_win (tbl, row_id, field, value, hlc, device, changed) "
            f"SELECT tbl, row_id, field, value, hlc, :device, value IS NOT cur FROM ({decided}) WHERE wins",
            {"device": device})
        store.writer.write_remote_winners()
        return elsewhere
