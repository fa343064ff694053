"""The conflicts inbox: values that lost a merge while they were concurrent with the winner.

A person decides: keep the current value (the conflict is closed), or use the other one — which is written as
a new local edit through the write path, so it wins everywhere on the next sync.

Every laptop records the conflicts of every record it merges, other officers' visits and cases, accounts and
sweep definitions included. The inbox shows the logged-in user only those on records they may change (the
rights of `desktop.security.rights`, the same ones the write path and sync apply): an officer sees the register
and their own records, never another officer's visit findings, an account or a team lead's sweep.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop.errors import WardbookError
from desktop.security.rights import RowView, actor_principal, refusal
from desktop.security.session import current_actor
from desktop.store import Store
from desktop.store.writer import utc_now_iso

DELETION = "deleted_hlc"  # the field of a conflict between a delete and an edit


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


def _recorded(store: Store) -> list[Conflict]:
    """Every open conflict this laptop recorded, whoever's record it concerns (newest first)."""
    return [
        Conflict(row[0], row[1], row[2], row[3], json.loads(row[4]) if row[4] else None,
                 json.loads(row[5]) if row[5] else None, row[6], row[7])
        for row in store.conn.execute(
            "SELECT id, tbl, row_id, field, kept_value, lost_value, lost_device, detected_at FROM conflicts "
            "WHERE resolved_at IS NULL ORDER BY detected_at DESC, id DESC"
        )
    ]


def open_conflicts(store: Store) -> list[Conflict]:
    """The open conflicts the logged-in user may see and decide: those on records they may change (newest first).

    The question asked of each is the write path's own: may this user change this field of this record (a
    deletion: delete it)? So an officer's inbox holds the register and the records they own (a support item or
    case event through its visit or case), and a team lead's everything but accounts."""
    who = actor_principal(current_actor(store), store.device_id)
    rows = RowView(store)
    return [conflict for conflict in _recorded(store)
            if refusal(who, conflict.table, *_as_change(conflict), rows) is None]


def _as_change(conflict: Conflict) -> tuple[str, str, dict[str, object]]:
    """The change a decision on `conflict` stands for (op, row id, fields), as the rights judge it: the field
    set to the value kept (an owner field keeps its owner), or the record's deletion."""
    if conflict.field == DELETION:
        return "delete", conflict.row_id, {DELETION: conflict.kept}
    return "update", conflict.row_id, {conflict.field: conflict.kept}


def resolve(store: Store, conflict_id: int, use_other: bool) -> None:
    """Close the conflict; with `use_other`, the losing value becomes the current one (synced as a new edit).
    A conflict on a record the logged-in user may not see is refused as if it did not exist for them."""
    chosen = next((c for c in open_conflicts(store) if c.id == conflict_id), None)
    if chosen is None:
        if any(c.id == conflict_id for c in _recorded(store)):
            raise WardbookError("sync.conflict_not_yours", id=conflict_id)
        raise WardbookError("sync.no_conflict", id=conflict_id)
    with store.transaction():
        if use_other:
            if chosen.field == DELETION:
                raise WardbookError("sync.cannot_restore")
            store.writer.update(chosen.table, chosen.row_id, {chosen.field: chosen.lost})
        store.conn.execute("UPDATE conflicts SET resolved_at = ? WHERE id = ?", (utc_now_iso(), conflict_id))
