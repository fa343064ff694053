"""Per-field last-writer-wins merge of remote changes, by (HLC, device id).

For each field a remote change writes, its stamp is compared with the local field's stamp (the field's own
`field_clock` row, or the row's creation stamp, called `*` here). The greater stamp wins, so applying the same
changes in any order, any number of times, gives the same result. A value that loses is kept in `conflicts` when it was
concurrent (neither side had seen the other) and different, for a person to review; nothing is dropped silently.
A retention purge is the exception: its blanking of a row (`retention.purge_blanking`), sent by a laptop whose
role may purge, wins every field whatever the stamps, and a purged row takes no value again, so its data leaves
every laptop in any order of the syncs.

A changeset is merged as a batch, in one transaction. Edits of rows alive here, each field at most once per row
in the file (nearly everything after a first sync), are decided in SQL as a set (`desktop.sync.merge_set`). The
rest — creations, deletes, rows missing or deleted here, a field changed twice — is merged in order: the rows and
clocks it touches are read with one query per table (over a temporary table of the incoming keys), every decision
is made in memory against that state — updated as each change is decided, so several changes to one row in one
file behave exactly as if merged one after another — and the winners go to the write path in one call, which
re-indexes search once for the households touched. Both follow the same rules; rows of one never meet the other.
After both, a loss they recorded of a value this laptop had also written, before an equal value replaced its stamp
here, is recorded under this laptop's own stamp too (`desktop.sync.own_losses`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop.security.retention import purge_blanking, purged_among, scrub_purged
from desktop.store import RowWrite, Store
from desktop.store.tables import SYNCED
from desktop.store.writer import utc_now_iso
from desktop.sync.merge_set import merge_edits, split
from desktop.sync.own_losses import last_conflict, record_own_losses

ALL_FIELDS = "*"  # the key of a row's creation stamp among its field stamps
Stamp = tuple[int, str]
PLACEHOLDER: Stamp = (0, "")
Key = tuple[str, str]


@dataclass
class _Row:
    """This laptop's current state of one row, kept up to date while a batch is decided."""

    values: dict[str, Any]
    stamps: dict[str, Stamp] = field(default_factory=dict)

    def stamp(self, name: str) -> Stamp:
        return self.stamps.get(name) or self.stamps.get(ALL_FIELDS) or PLACEHOLDER


def _seen(vv: dict[str, int], stamp: Stamp) -> bool:
    """Had the remote device, when it published, applied the local value's write?"""
    return vv.get(stamp[1], -1) >= stamp[0]


def _load(store: Store, keys: set[Key]) -> dict[Key, _Row]:
    """Current rows and field clocks of `keys`: one query per table plus one for the clocks."""
    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_keys (tbl TEXT, row_id TEXT, PRIMARY KEY (tbl, row_id))")
    conn.execute("DELETE FROM temp.merge_keys")
    conn.executemany("INSERT INTO temp.merge_keys VALUES (?, ?)", sorted(keys))
    rows: dict[Key, _Row] = {}
    for table in sorted({table for table, _ in keys}):
        cursor = conn.execute(
            f"SELECT t.* FROM temp.merge_keys k CROSS JOIN {table} t ON t.id = k.row_id WHERE k.tbl = ?", (table,))
        names = [d[0] for d in cursor.description]
        for values in cursor:
            loaded = rows[(table, values[0])] = _Row(dict(zip(names, values, strict=True)))
            if loaded.values["created_hlc"] is not None:
                loaded.stamps[ALL_FIELDS] = (loaded.values["created_hlc"], loaded.values["created_device"])
    for table, row_id, name, hlc, device in conn.execute(
        "SELECT c.tbl, c.row_id, c.field, c.hlc, c.device_id FROM temp.merge_keys k "
        "CROSS JOIN field_clock c ON c.tbl = k.tbl AND c.row_id = k.row_id"
    ):
        row = rows.get((table, row_id))
        if row is not None:
            row.stamps[name] = (hlc, device)
    conn.execute("DELETE FROM temp.merge_keys")
    return rows


def _edits_lost_to_delete(row: _Row, device: str, remote: Stamp, vv: dict[str, int], conflict: Any, table: str,
                          row_id: str) -> None:
    """A delete reaches a row alive here with edits its writer had not seen: each such edit (the fields written
    at one stamp) lost to the delete, and is kept in conflicts as the laptop that deleted records it when the
    edit reaches it (`lost` the edit's fields as JSON, at the edit's stamp). So the laptop whose edit lost
    records it too, and so does every other laptop whichever of the two it applies first."""
    unseen: dict[Stamp, dict[str, Any]] = {}
    for name, stamp in row.stamps.items():
        if name not in (ALL_FIELDS, "deleted_hlc") and stamp[1] not in (device, "") and not _seen(vv, stamp):
            unseen.setdefault(stamp, {})[name] = row.values.get(name)
    for stamp, fields in sorted(unseen.items()):
        conflict(table, row_id, "deleted_hlc", kept=(remote[0], remote),
                 lost=(json.dumps(fields, ensure_ascii=False), stamp))


def _purged(table: str, row: _Row) -> bool:
    """Whether `row` is a purged tombstone (`desktop.security.retention.purged_among`, as decided in memory)."""
    return row.values["deleted_hlc"] is not None and row.stamp(ALL_FIELDS) != PLACEHOLDER \
        and all(row.values.get(name) is None for name in SYNCED[table].fields)


def merge_changes(store: Store, device: str, changes: list[list[Any]], vv: dict[str, int], *,
                  may_purge: bool = False) -> None:
    """Merge remote changes `[table, row_id, op, hlc, fields]`, in order, into rows that may exist here.

    `may_purge`: the sender's role holds the permission to purge, so a blanking of a whole row is a purge (it
    wins whatever the stamps); from anyone else the same change is an ordinary edit, decided field by field."""
    changes = [change for change in changes if change[0] in SYNCED]  # a newer app's table: kept in the file only
    if not changes:
        return
    set_wise, in_order = split(changes, may_purge)
    with store.transaction():
        before = last_conflict(store)
        if set_wise:
            elsewhere = merge_edits(store, device, set_wise, vv)
            if elsewhere:  # the in-order merge takes those rows' changes too, keeping the file's order
                keys = elsewhere | {(change[0], change[1]) for change in in_order}
                in_order = [change for change in changes if (change[0], change[1]) in keys]
        if in_order:
            _merge_in_order(store, device, in_order, vv, may_purge)
        record_own_losses(store, device, vv, before)
        # A purge from another laptop: its values leave this laptop's outbox, conflicts and search index too.
        scrub_purged(store, purged_among(store, {(change[0], change[1]) for change in in_order
                                                 if change[2] == "delete"}))


def _merge_in_order(store: Store, device: str, changes: list[list[Any]], vv: dict[str, int],
                    may_purge: bool = False) -> None:
    """Merge `changes` one after another against the state of their rows (see the module's docstring)."""
    rows = _load(store, {(change[0], change[1]) for change in changes})
    creations: list[RowWrite] = []  # rows new here, placeholders included
    writes: list[RowWrite] = []
    conflicts: list[tuple[Any, ...]] = []
    creation_stamps: list[tuple[str, str, int, str]] = []
    now = utc_now_iso()

    def conflict(table: str, row_id: str, name: str, kept: tuple[Any, Stamp], lost: tuple[Any, Stamp]) -> None:
        conflicts.append((table, row_id, name, json.dumps(kept[0], ensure_ascii=False), kept[1][0], kept[1][1],
                          json.dumps(lost[0], ensure_ascii=False), lost[1][0], lost[1][1], now))

    for table, row_id, op, hlc, fields in changes:
        remote: Stamp = (int(hlc), device)
        row = rows.get((table, row_id))
        if row is None:
            if op == "insert":  # new here (the caller inserts most such rows in bulk before merging the rest)
                creations.append(RowWrite(table, row_id, "insert", dict(fields), int(hlc), device))
                rows[(table, row_id)] = _Row({**dict.fromkeys(SYNCED[table].columns), **fields, "id": row_id},
                                             {ALL_FIELDS: remote})
                continue
            # An edit or delete from one laptop arrived before the row's creation from another: make an empty row
            # stamped lower than anything real, so the creation, when it comes, still wins every field it sets.
            creations.append(RowWrite(table, row_id, "insert", {}, PLACEHOLDER[0], PLACEHOLDER[1]))
            row = rows[(table, row_id)] = _Row(dict.fromkeys(SYNCED[table].columns), {ALL_FIELDS: PLACEHOLDER})
        current = row.values
        if op != "delete" and _purged(table, row):
            continue  # a purged row takes no value from anywhere again, nor keeps one as a conflict
        values: dict[str, Any] = {"deleted_hlc": hlc} if op == "delete" else dict(fields)
        # A purge blanks every field, also one written here later than the purge's stamp (an edit made before the
        # purge arrived, on a clock ahead of the admin's): the row ends blank on every laptop, as on the admin's.
        purging = may_purge and op == "update" and purge_blanking(table, values)
        winners: dict[str, Any] = {}
        for name, value in values.items():
            local = row.stamp(name)
            if remote == local:
                continue  # the same write again: idempotent
            # Two laptops deleting the same record wanted the same thing: which tombstone stays is no conflict.
            both_deleted = name == "deleted_hlc" and value is not None and current.get(name) is not None
            if remote > local or purging:
                winners[name] = value
                if current.get(name) != value and local[1] not in (device, "") and not _seen(vv, local) \
                        and not both_deleted:
                    conflict(table, row_id, name, kept=(value, remote), lost=(current.get(name), local))
            elif current.get(name) != value and local[1] != device and not both_deleted:
                conflict(table, row_id, name, kept=(current.get(name), local), lost=(value, remote))
        if op == "insert" and remote > row.stamp(ALL_FIELDS):
            # The creation reached a row made earlier as a placeholder: it also set every field it left out (to
            # nothing), so from now on it is the stamp of those fields here too, as on every other laptop.
            row.stamps[ALL_FIELDS] = remote
            creation_stamps.append((table, row_id, remote[0], remote[1]))
        if current["deleted_hlc"] is not None and op != "delete" and winners:
            tombstone = row.stamps.get("deleted_hlc") or (int(current["deleted_hlc"]), "")
            if not _seen(vv, tombstone):  # edited on one laptop while deleted on another: a person decides
                conflict(table, row_id, "deleted_hlc", kept=(current["deleted_hlc"], tombstone),
                         lost=(json.dumps(winners, ensure_ascii=False), remote))
        if op == "delete" and current["deleted_hlc"] is None and "deleted_hlc" in winners:
            _edits_lost_to_delete(row, device, remote, vv, conflict, table, row_id)
        if not winners:
            continue
        deleted = winners.pop("deleted_hlc", None)
        if winners:
            writes.append(RowWrite(table, row_id, "update", winners, int(hlc), device))
            current.update(winners)
            row.stamps.update(dict.fromkeys(winners, remote))
        if deleted is not None:
            writes.append(RowWrite(table, row_id, "delete", {}, int(hlc), device))
            if current["deleted_hlc"] != deleted:  # the write path leaves an identical tombstone as it is
                current["deleted_hlc"] = deleted
                row.stamps["deleted_hlc"] = remote
    with store.transaction():
        store.writer.write(creations)  # first: the updates below read the rows they change
        store.writer.write(writes)
        store.conn.executemany(
            "INSERT INTO conflicts (tbl, row_id, field, kept_value, kept_hlc, kept_device, lost_value, lost_hlc, "
            "lost_device, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", conflicts)
        store.writer.set_creation_stamps(creation_stamps)
