"""The loser's own edit behind an equal value: recorded as lost when that value loses.

A laptop edits a field; another laptop, not having seen that edit, writes the same value at a later stamp. Merging
it here is no conflict (the values are equal), but it replaces the field's stamp: the local edit is no longer in
`field_clock`. When a third laptop's concurrent value then wins over it, the merge records the loss of the value
under the stamp it finds (the other laptop's) — while the winner, which meets this laptop's edit itself, records
it under this laptop's stamp. Without this step the laptop that made the edit would never list its own loss.

So after a batch is merged, each loss it recorded here of another laptop's value is checked against this
laptop's own last edit of that field (its outbox): if that edit wrote the same value at a lower stamp and the
sender had not seen it, it lost too, and is recorded as well. A laptop's own edit later replaced knowingly and
then written back by someone else is indistinguishable here and is recorded too (one extra line to review,
never a loss left out).
"""

from __future__ import annotations

import json
from typing import Any

from desktop.store import Store
from desktop.store.tables import SYNCED


def last_conflict(store: Store) -> int:
    """The id of the newest conflict, so `record_own_losses` looks only at those a batch adds after it."""
    return int(store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM conflicts").fetchone()[0])


def record_own_losses(store: Store, device: str, vv: dict[str, int], after: int) -> None:
    """Add, in the caller's transaction, this laptop's own edits that lost with the conflicts recorded since the
    conflict `after` in a merge of `device`'s changes (sent with version vector `vv`)."""
    me = store.device_id
    conn = store.conn
    losses = [row for row in conn.execute(
        "SELECT tbl, row_id, field, kept_value, kept_hlc, kept_device, lost_value, lost_hlc, lost_device, "
        "detected_at FROM conflicts WHERE id > ? AND kept_device = ? AND lost_device NOT IN (?, '') "
        "AND lost_hlc > ? ORDER BY id", (after, device, me, vv.get(me, -1)))
        if row[0] in SYNCED and row[2] in SYNCED[row[0]].fields]
    if not losses:
        return
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS own_loss_keys (tbl TEXT, row_id TEXT, PRIMARY KEY (tbl, row_id))")
    conn.execute("DELETE FROM temp.own_loss_keys")
    conn.executemany("INSERT OR IGNORE INTO temp.own_loss_keys VALUES (?, ?)", [row[:2] for row in losses])
    last: dict[tuple[str, str, str], tuple[int, Any]] = {}  # this laptop's last edit of each field: (hlc, value)
    for table, row_id, hlc, fields in conn.execute(
        "SELECT o.tbl, o.row_id, o.hlc, o.fields FROM outbox o JOIN temp.own_loss_keys k "
        "ON k.tbl = o.tbl AND k.row_id = o.row_id WHERE o.op = 'update' ORDER BY o.seq"
    ):
        for name, value in json.loads(fields).items():
            last[(table, row_id, name)] = (hlc, value)
    conn.execute("DELETE FROM temp.own_loss_keys")
    added = []
    for table, row_id, name, kept, kept_hlc, kept_device, lost, lost_hlc, _lost_device, detected in losses:
        own = last.get((table, row_id, name))
        if own is None or not vv.get(me, -1) < own[0] < lost_hlc or own[1] != json.loads(lost):
            continue
        added.append((table, row_id, name, kept, kept_hlc, kept_device, lost, own[0], me, detected))
    conn.executemany(
        "INSERT INTO conflicts (tbl, row_id, field, kept_value, kept_hlc, kept_device, lost_value, lost_hlc, "
        "lost_device, detected_at) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10 WHERE NOT EXISTS "
        "(SELECT 1 FROM conflicts WHERE tbl = ?1 AND row_id = ?2 AND field = ?3 AND lost_hlc = ?8 "
        "AND lost_device = ?9)", added)
