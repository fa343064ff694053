"""The set-wise part of a merge: edits of live rows, each field at most once per row in the changeset.

Most of what a laptop receives after its first sync is such edits, and deciding them one row at a time in Python
(a SELECT and an UPDATE per row, a document rebuilt per household) made a merge of edits fifteen to twenty times
slower than writing the same rows raw. Here the incoming field changes go into a temporary table, each is decided
in SQL against its field's stamp (its `field_clock` row, else the row's creation stamp), the conflicts are written
in one statement and the winners go to the write path as a set (`Writer.write_remote_winners`).

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


def _json(value: object) -> str:
    """A conflict's value as the in-order merge writes it (Python's JSON, not SQLite's number format)."""
    return json.dumps(value, ensure_ascii=False)


def _prepare(store: Store) -> None:
    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_in (seq INTEGER PRIMARY KEY, tbl TEXT, row_id TEXT, "
                 "field TEXT, value, hlc INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_dec (seq INTEGER PRIMARY KEY, tbl TEXT, row_id TEXT, "
                 "field TEXT, value, hlc INTEGER, cur, lh INTEGER, ld TEXT)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_win (tbl TEXT, row_id TEXT, field TEXT, value, hlc INTEGER, "
                 "device TEXT, changed INTEGER)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_vv (device TEXT PRIMARY KEY, hlc INTEGER)")
    conn.create_function("wardbook_json", 1, _json, deterministic=True)


def split(changes: list[Change], may_purge: bool = False) -> tuple[list[Change], list[Change]]:
    """(changes this module may decide, changes the in-order merge must), each list in the changes' order;
    `may_purge` as `merge.merge_changes` takes it."""
    fields_of: dict[tuple[str, str], set[str]] = {}
    in_order: set[tuple[str, str]] = set()
    for table, row_id, op, _hlc, fields in changes:
        key = (table, row_id)
        if key in in_order:
            continue
        seen = fields_of.setdefault(key, set())
        if op != "update" or not fields.keys() <= SYNCED[table].fields.keys() or not seen.isdisjoint(fields) \
                or (may_purge and purge_blanking(table, fields)):
            in_order.add(key)  # unknown fields too: the write path refuses them there, as it always did
        else:
            seen.update(fields)
    return ([change for change in changes if (change[0], change[1]) not in in_order],
            [change for change in changes if (change[0], change[1]) in in_order])


def merge_edits(store: Store, device: str, changes: list[Change], vv: dict[str, int]) -> set[tuple[str, str]]:
    """Merge `changes` (from `split`) of rows alive here, in the caller's transaction; returns the keys of the rows
    that are missing or deleted here, whose changes the caller merges in order instead."""
    conn = store.conn
    _prepare(store)
    with emptied_after(conn, "merge_in", "merge_dec", "merge_win", "merge_vv"):
        # Straight into the temporary table: `desktop.bulk` stages rows bound for the register's tables, whose pages
        # a statement inside the sync's savepoint journals again; here an executemany costs what the staging did,
        # and the copy after it is saved.
        conn.executemany("INSERT INTO temp.merge_in (tbl, row_id, field, value, hlc) VALUES (?, ?, ?, ?, ?)",
                         ((table, row_id, name, value, hlc)
                          for table, row_id, _op, hlc, fields in changes for name, value in fields.items()))
        conn.executemany("INSERT INTO temp.merge_vv (device, hlc) VALUES (?, ?)", vv.items())
        for table in sorted({change[0] for change in changes}):
            current = " ".join(f"WHEN '{name}' THEN t.{name}" for name in SYNCED[table].fields)
            # A field's stamp: its own clock row, else the row's creation stamp, else a placeholder's (0, '').
            conn.execute(
                f"INSERT INTO temp.merge_dec (seq, tbl, row_id, field, value, hlc, cur, lh, ld) "
                f"SELECT m.seq, m.tbl, m.row_id, m.field, m.value, m.hlc, CASE m.field {current} END, "
                f"coalesce(c.hlc, t.created_hlc, 0), CASE WHEN c.hlc IS NOT NULL THEN c.device_id "
                f"WHEN t.created_hlc IS NOT NULL THEN t.created_device ELSE '' END "
                f"FROM temp.merge_in m CROSS JOIN main.{table} t ON t.id = m.row_id "
                f"LEFT JOIN main.field_clock c ON c.tbl = m.tbl AND c.row_id = m.row_id AND c.field = m.field "
                f"WHERE m.tbl = ? AND t.deleted_hlc IS NULL", (table,))
        # Rows missing or deleted here: those of the changes that found no live row to be decided against.
        elsewhere = {(table, row_id) for table, row_id in conn.execute(
            "SELECT DISTINCT m.tbl, m.row_id FROM temp.merge_in m "
            "WHERE NOT EXISTS (SELECT 1 FROM temp.merge_dec d WHERE d.seq = m.seq)")}
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
