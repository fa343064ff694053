"""The single write path: every insert, update and soft delete of a synced table goes through `Writer.write`.

In one transaction it writes the rows, stamps each written field in `field_clock` with a hybrid logical clock
value, appends the change to `outbox` (local changes only: changes applied from other laptops are already in
their own log) and refreshes the search documents of the households concerned. SQLite itself refuses writes
to synced tables from anywhere else, on every execution (see `connection.guard_tables`).

A row's creation stamp (HLC and device) is kept in the row itself (`created_hlc`, `created_device`): it
stamps every field written then. `field_clock` keeps one row per field changed later; the clock of a field
is its own `field_clock` row, or the creation stamp when it has none (called `*` in the merge). That keeps
the clocks as small as the changes instead of ten times the data, with the same per-field merge.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from desktop.bulk import emptied_after, insert_rows
from desktop.clock import WALL_SEEN
from desktop.collector import collector_paused
from desktop.errors import WardbookError
from desktop.search.index import (
    HOUSEHOLD_INDEXED,
    HOUSEHOLD_TAGGED,
    HOUSEHOLD_TEXT,
    MEMBER_TEXT,
    Texts,
    index_new_households,
    rebuild_search_index,
    reindex_heads,
    reindex_households,
)
from desktop.store.connection import set_write_gate
from desktop.store.hlc import HybridClock
from desktop.store.page_cache import BULK_WRITE_CHANGES, SYNC_CACHE_KIB, larger_page_cache
from desktop.store.tables import APPEND_ONLY, MULTILINE_FIELDS, SYNCED, TableSpec
from desktop.text import clean, nfc_lines

if TYPE_CHECKING:
    from desktop.store.store import Store

Op = Literal["insert", "update", "delete"]
# Called inside the write's transaction with the local changes that really wrote something (fields = what was
# written); the audit log hangs here so no change escapes it, whichever module made it.
AfterWrite = Callable[[list["RowWrite"]], None]
# Called before a write with its local changes; raises when the acting user may not make one of them
# (`desktop.security.rights.LocalRights`, installed by the store).
RightsCheck = Callable[[list["RowWrite"]], None]


# The fields of an outbox entry as `json.dumps(fields, ensure_ascii=False)` writes them, without making an encoder
# for every change (a third of that call's cost, on a bulk write of a ward's households).
_OUTBOX_JSON = json.JSONEncoder(ensure_ascii=False)


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class RowWrite:
    """One row's change. `hlc`/`device_id` are set only for changes applied from another laptop.

    `stamp_unchanged` (local updates only): every field given is stamped and sent, also those whose value is
    already the one given. A retention purge needs it: a field empty here may hold a value on a laptop whose
    edit has not arrived yet, and only a newer stamp of the blank reaches it there (`security.retention`)."""

    table: str
    row_id: str
    op: Op
    fields: dict[str, object] = field(default_factory=dict)
    hlc: int | None = None
    device_id: str | None = None
    stamp_unchanged: bool = False


def _coerce(spec: TableSpec, fields: dict[str, object]) -> dict[str, object]:
    """Validate field names and normalise values: NFC text, empty text as NULL, numbers as numbers."""
    result: dict[str, object] = {}
    for name, value in fields.items():
        kind = spec.fields.get(name)
        if kind is None:
            raise ValueError(f"{spec.name}.{name} is not a writable field")
        if value is None:
            result[name] = None
        elif kind is str:
            text = nfc_lines(str(value)) if (spec.name, name) in MULTILINE_FIELDS else clean(str(value))
            result[name] = text or None
        elif kind is int:
            if isinstance(value, bool):
                result[name] = int(value)
            elif isinstance(value, int):
                result[name] = value
            else:
                raise WardbookError("store.not_a_number", field=name, value=value)
        else:
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise WardbookError("store.not_a_number", field=name, value=value)
            result[name] = float(value)
    return result


def _check_remote(spec: TableSpec, fields: dict[str, object]) -> dict[str, object]:
    """Fields of a change from another laptop: names are checked, values are taken as they are.

    The sender's own write path already normalised them (`_coerce`) before they reached its outbox, and the
    changeset is signed, so cleaning every text again here only cost time (it was most of an apply) and could
    only ever make this laptop's copy differ from the sender's.
    """
    if not fields.keys() <= spec.fields.keys():
        raise ValueError(f"{spec.name}.{min(fields.keys() - spec.fields.keys())} is not a writable field")
    return fields


class Writer:
    """Owns the HLC of this device and performs every write of synced tables."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.after_write: list[AfterWrite] = []
        self.check: RightsCheck | None = None
        row = store.conn.execute("SELECT device_id, hlc_last FROM device").fetchone()
        self.device_id: str = row[0]
        self.clock = HybridClock(last=row[1])
        # While `search_index_deferred` runs: households whose members' text may have changed, whose documents
        # the set-wise merges left to re-index at its end (those whose own fields changed: `temp.deferred_heads`).
        self._deferred: set[str] | None = None

    def _catch_up(self) -> None:
        """Take in the clock as stored, in the caller's write transaction: another connection to this database
        (a sync or import in another process, the app's own sync on its second connection) may have moved it
        past this one's, absorbing a stamp from a laptop whose clock is fast. A stamp given without it sorted
        before the edit it replaced, and the laptops kept different values for good."""
        (stored,) = self._store.conn.execute("SELECT hlc_last FROM device").fetchone()
        self.clock.last = max(self.clock.last, stored)

    def _keep_clock(self) -> None:
        """Store the clock, never lower than stored (the clock of this device is one, whichever connection)."""
        self._store.conn.execute("UPDATE device SET hlc_last = max(hlc_last, ?)", (self.clock.last,))

    def observe(self, remote: int) -> None:
        """Absorb a stamp received from another laptop (see `HybridClock.observe`) and store the clock, in the
        caller's transaction if there is one: later local edits sort after it, in every process."""
        with self._store.transaction():
            self._catch_up()
            self.clock.observe(remote)
            self._keep_clock()

    def latest(self) -> int:
        """The newest stamp this device has given or absorbed, through any connection to its database."""
        self._catch_up()
        return self.clock.last

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """While the write path runs, the table guard (`connection.guard_tables`) lets its writes through."""
        conn = self._store.conn
        set_write_gate(conn, True)
        try:
            yield
        finally:
            set_write_gate(conn, False)

    @contextmanager
    def search_index_deferred(self) -> Iterator[None]:
        """Inside the block (in the caller's transaction), the households whose documents the set-wise merges
        (`write_remote_winners`) change are re-indexed once, when it ends, instead of at each merge.

        A sync round applies a big batch of changes file by file (`desktop.sync.apply`), each file a merge of up to
        20,000 changes spread over the whole ward: re-indexing at each one read and rewrote the documents' pages
        once per file, and read each file's households one by one where the batch's whole ward is read in table
        order. Everything else written meanwhile (creations, deletes, the in-order merge) re-indexes at once, from
        the tables as they are then; the re-indexing at the end starts from the tables too, so a household
        changed both ways ends with the document of its last state. On an error nothing is re-indexed: the
        caller's transaction is rolled back with the changes."""
        conn = self._store.conn
        touched = self._deferred = set()
        # The households of a whole ward's edits, gathered in SQL: a set built in Python for each file cost more.
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS deferred_heads (household_id TEXT PRIMARY KEY)")
        with emptied_after(conn, "deferred_heads"):
            try:
                yield
            finally:
                self._deferred = None
            heads = [row[0] for row in conn.execute("SELECT household_id FROM temp.deferred_heads")]
            with self._store.transaction(), self._writing():
                reindex_households(conn, touched)
                reindex_heads(conn, set(heads) - touched)

    # Convenience entry points: each builds RowWrites and hands them to `write`.
    def insert(self, table: str, fields: dict[str, object], row_id: str | None = None) -> str:
        row_id = row_id or new_id()
        self.write([RowWrite(table, row_id, "insert", fields)])
        return row_id

    def insert_many(self, table: str, rows: Iterable[dict[str, object]]) -> list[str]:
        """Insert many rows in one transaction; each dict may carry its own `id`."""
        batch = []
        for row in rows:
            values = dict(row)
            row_id = str(values.pop("id", None) or new_id())
            batch.append(RowWrite(table, row_id, "insert", values))
        self.write(batch)
        return [item.row_id for item in batch]

    def update(self, table: str, row_id: str, fields: dict[str, object]) -> dict[str, object]:
        """Change fields of an existing row; returns the fields that really changed."""
        change = RowWrite(table, row_id, "update", fields)
        self.write([change])
        return change.fields

    def delete(self, table: str, row_id: str) -> None:
        """Soft delete: the row stays as a tombstone (`deleted_hlc`) so the deletion can sync."""
        self.write([RowWrite(table, row_id, "delete")])

    def write(self, batch: Sequence[RowWrite]) -> None:
        """Apply the batch atomically: all rows, clocks, outbox entries and index updates, or nothing."""
        if not batch:
            return
        conn = self._store.conn
        local = [change for change in batch if change.hlc is None]
        nested = self._store.in_transaction
        bulk = len(batch) >= BULK_WRITE_CHANGES
        with (larger_page_cache(conn, SYNC_CACHE_KIB) if bulk else nullcontext(),
              collector_paused() if bulk else nullcontext(), self._store.transaction(), self._writing()):
            # Both inside the write lock: another process (the CLI, a second window, the app's own sync on its
            # second connection) may have changed the account or moved the clock since this one last looked.
            if local and self.check is not None:
                self.check(local)
            self._catch_up()
            touched_households: set[str] = set()  # documents to rebuild from the tables
            touched_heads: set[str] = set()  # documents whose household's own text may have changed, only that
            clock_rows: list[tuple[str, str, str, int, str]] = []
            outbox_rows: list[tuple[str, str, str, int, str]] = []
            now = utc_now_iso()
            inserts: dict[str, list[tuple[object, ...]]] = {}
            local_changes: list[RowWrite] = []
            rows = self._rows_changed_by(batch)
            pending: dict[tuple[str, str], dict[str, object]] = {}  # row → its final values of changed fields
            for change in batch:
                spec = SYNCED.get(change.table)
                if spec is None:
                    raise ValueError(f"{change.table} is not a synced table")
                if change.table in APPEND_ONLY and change.op != "insert":
                    raise ValueError(f"{change.table} is append-only: no {change.op}")
                remote = change.hlc is not None
                hlc = change.hlc if remote else self.clock.tick()
                assert hlc is not None
                device = change.device_id if remote else self.device_id
                assert device is not None
                if change.op == "insert":
                    values = _check_remote(spec, change.fields) if remote else _coerce(spec, change.fields)
                    change.fields = values
                    get = values.get
                    inserts.setdefault(change.table, []).append(
                        (change.row_id, now, now, None, hlc, device, *[get(name) for name in spec.fields])
                    )
                    written = values
                    previous = None
                elif change.op == "update":
                    written, previous, stamped = self._update_row(spec, change, rows, pending)
                    if change.stamp_unchanged and not remote:
                        written = stamped
                    change.fields = written
                    # A remote value that wins is stamped even when equal to ours, so every laptop ends
                    # with the same stamps and later merges decide the same way everywhere.
                    clock_rows.extend((change.table, change.row_id, name, hlc, device)
                                      for name in (stamped if remote else written))
                elif change.op == "delete":
                    written, previous = self._delete_row(spec, change.row_id, hlc, rows, pending, remote)
                    clock_rows.extend((change.table, change.row_id, name, hlc, device) for name in written)
                else:
                    raise ValueError(f"unknown operation {change.op!r}")
                if written and not remote:
                    outbox_rows.append(
                        (change.table, change.row_id, change.op, hlc, _OUTBOX_JSON.encode(written))
                    )
                    local_changes.append(RowWrite(change.table, change.row_id, change.op, written))
                if change.table == "households" and change.op == "update":
                    if not written.keys().isdisjoint(HOUSEHOLD_INDEXED):
                        touched_heads.add(change.row_id)
                elif written or change.op == "insert":  # a household made empty (a placeholder) is indexed too
                    touched_households.update(_households_touched(change, written, previous))
            by_table: dict[str, list[tuple[str, dict[str, object]]]] = {}
            for (table, row_id), values in pending.items():
                by_table.setdefault(table, []).append((row_id, values))
            for table, updates in by_table.items():
                self._update_rows(SYNCED[table], updates, now, nested)
            for table, new_rows in inserts.items():
                spec = SYNCED[table]
                insert_rows(conn, f"INSERT INTO {table} ({', '.join(spec.columns)})", new_rows, nested=nested)
            insert_rows(conn, "INSERT INTO field_clock (tbl, row_id, field, hlc, device_id)", clock_rows,
                        nested=nested, tail="ON CONFLICT (tbl, row_id, field) DO UPDATE SET "
                        "hlc = excluded.hlc, device_id = excluded.device_id")
            insert_rows(conn, "INSERT INTO outbox (tbl, row_id, op, hlc, fields)", outbox_rows, nested=nested)
            self._keep_clock()
            # The latest time this laptop's own clock showed at a write (never moved back), for
            # `clock.clock_went_back`: unlike the HLC it is not carried forward by other laptops' stamps.
            conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                         "value = MAX(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
                         (WALL_SEEN, self.clock.now_ms()))
            reindex_households(conn, touched_households)
            reindex_heads(conn, touched_heads - touched_households)
            if local_changes:
                for hook in self.after_write:
                    hook(local_changes)

    def insert_remote(self, device_id: str, blocks: Sequence[list[Any]]) -> None:
        """Insert rows another laptop created, given as changeset blocks `[table, "insert", names, rows]` with each
        row `[row_id, hlc, *values in the order of names]` (`desktop.sync.changeset`, format 2).

        The bulk of a first sync: rows this laptop has never seen, so there is nothing to merge. It does what
        `write` does for such rows (row with its creation stamp, search documents, no outbox) with one bulk insert
        per block (`desktop.bulk`) and no per-row objects or calls, because on a first sync this is most of the time
        spent; the documents of new households are built from these rows rather than read back. Field names are
        checked once per block; the columns a block leaves out are NULL, as on the laptop that made the rows
        (synced columns have no defaults). The caller has checked that none of the rows exists here.
        """
        blocks = [block for block in blocks if block[3]]
        if not blocks:
            return
        conn = self._store.conn
        now = utc_now_iso()
        for table, _op, names, _rows in blocks:
            allowed = SYNCED[table].fields.keys()
            if not set(names) <= allowed:
                raise ValueError(f"{table}.{min(set(names) - allowed)} is not a writable field")
        texts, touched = _new_documents(blocks)
        with self._store.transaction(), self._writing():
            # A household new here whose members arrived earlier (from another laptop) is indexed from the tables.
            for (household_id,) in conn.execute(
                "SELECT DISTINCT p.household_id FROM json_each(?) k CROSS JOIN people p ON p.household_id = k.value",
                (json.dumps(list(texts)),),
            ):
                del texts[household_id]
                touched.add(household_id)
            for table, _op, names, rows in blocks:
                columns = ("id", "created_at", "updated_at", "created_hlc", "created_device", *names)
                insert_rows(conn, f"INSERT INTO {table} ({', '.join(columns)})",
                            [(row[0], now, now, row[1], device_id, *row[2:]) for row in rows])
            index_new_households(conn, texts)
            reindex_households(conn, touched)

    def write_remote_winners(self) -> None:
        """Write the remote field values that won a merge, as a set, in the caller's transaction.

        The merge (`desktop.sync.merge_set`) decides winners in SQL and leaves them in `temp.merge_win`
        (`tbl, row_id, field, value, hlc, device, changed`: `changed` when the value differs from the row's), one
        row per field of a live row, each field at most once per row. As `write` does for such changes: every
        winner is stamped in `field_clock` (equal values too, so stamps agree on every laptop), rows are updated
        only where a value differs, no outbox. One statement per table and group of fields written together,
        because one UPDATE and one SELECT per row were most of a merge. Only households
        whose indexed text may change are re-indexed: those whose `HOUSEHOLD_INDEXED` changed by their new head alone
        (`reindex_heads`), those whose members' text may have changed (a member's `MEMBER_TEXT`, household or
        moving out; the households a person leaves included) from the tables; inside `search_index_deferred`, at
        its end.
        """
        conn = self._store.conn
        with self._store.transaction(), self._writing():
            own_fields = (f"SELECT DISTINCT w.row_id FROM temp.merge_win w WHERE w.tbl = 'households' AND w.changed "
                          f"AND w.field IN ({_quoted(HOUSEHOLD_INDEXED)})")
            if self._deferred is None:
                heads = {row[0] for row in conn.execute(own_fields)}
            else:
                conn.execute(f"INSERT OR IGNORE INTO temp.deferred_heads (household_id) {own_fields}")
            touched = {row[0] for row in conn.execute(
                f"SELECT p.household_id FROM temp.merge_win w CROSS JOIN people p ON p.id = w.row_id "
                f"WHERE w.tbl = 'people' AND w.changed AND w.field IN ({_quoted(_MEMBER_FIELDS)}) "
                f"UNION SELECT w.value FROM temp.merge_win w "
                f"WHERE w.tbl = 'people' AND w.changed AND w.field = 'household_id'")}
            conn.execute(
                "INSERT INTO field_clock (tbl, row_id, field, hlc, device_id) "
                "SELECT tbl, row_id, field, hlc, device FROM temp.merge_win WHERE true "
                "ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, device_id = excluded.device_id")
            now = utc_now_iso()
            for (table,) in conn.execute("SELECT DISTINCT tbl FROM temp.merge_win WHERE changed").fetchall():
                spec = SYNCED[table]
                names = _updatable(spec)
                written = {row[0] for row in conn.execute(
                    "SELECT DISTINCT field FROM temp.merge_win WHERE tbl = ? AND changed", (table,))}
                if not written <= set(names):
                    raise ValueError(f"{table}.{min(written - set(names))} is not a writable field")
                # Pivot: one row per row changed, each field's value in its slot, a bit per field written.
                used = [i for i, name in enumerate(names) if name in written]
                index = " ".join(f"WHEN '{names[i]}' THEN {i}" for i in used)
                self._prepare_update_rows()
                conn.execute(
                    f"INSERT INTO temp.update_rows (row_id, mask, {', '.join(f'v{i}' for i in used)}) "
                    f"SELECT row_id, sum(1 << slot), {', '.join(f'max(iif(slot = {i}, value, NULL))' for i in used)} "
                    f"FROM (SELECT row_id, value, CASE field {index} END AS slot FROM temp.merge_win "
                    f"WHERE tbl = ? AND changed) GROUP BY row_id", (table,))
                self._update_from_slots(spec, now)
            if self._deferred is not None:
                self._deferred.update(touched)
                return
            reindex_households(conn, touched)
            reindex_heads(conn, heads - touched)

    def _prepare_update_rows(self) -> None:
        """`temp.update_rows`: rows to update, `mask` with bit i set when slot `v{i}` holds a value for the i-th
        name of `_updatable`; `_update_from_slots` writes them and empties it."""
        width = max(len(_updatable(spec)) for spec in SYNCED.values())
        self._store.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS update_rows (row_id TEXT PRIMARY KEY, "
                                 f"mask INTEGER NOT NULL, {', '.join(f'v{i}' for i in range(width))})")

    def _update_rows(self, spec: TableSpec, rows: list[tuple[str, dict[str, object]]], now: str,
                     nested: bool) -> None:
        """Set the fields `{name: value}` of each row `(row_id, fields)` (and its `updated_at`); `nested`: inside a
        savepoint (see `insert_rows`)."""
        names = _updatable(spec)
        written = {name for _row_id, values in rows for name in values}
        if not written <= set(names):
            raise ValueError(f"{spec.name}.{min(written - set(names))} is not a writable field")
        used = [name for name in names if name in written]
        bit = {name: 1 << names.index(name) for name in used}
        self._prepare_update_rows()
        insert_rows(
            self._store.conn,
            f"INSERT INTO temp.update_rows (row_id, mask, {', '.join(f'v{names.index(name)}' for name in used)})",
            [(row_id, sum(bit[name] for name in values), *[values.get(name) for name in used])
             for row_id, values in rows], nested=nested)
        self._update_from_slots(spec, now)

    def _update_from_slots(self, spec: TableSpec, now: str) -> None:
        """Write `temp.update_rows` into `spec`'s table: one UPDATE per group of fields written together.

        One statement, not one per row: inside the sync's nested transaction (a savepoint) SQLite copies the pages
        a statement changes to its statement journal again for every statement, which made an executemany of
        single-row UPDATEs about eight times slower there than at the top of a transaction.
        """
        conn = self._store.conn
        names = _updatable(spec)
        with emptied_after(conn, "update_rows"):
            for (mask,) in conn.execute("SELECT DISTINCT mask FROM temp.update_rows").fetchall():
                assignments = ", ".join(f"{name} = u.v{i}" for i, name in enumerate(names) if mask >> i & 1)
                conn.execute(f"UPDATE main.{spec.name} SET {assignments}, updated_at = ? FROM temp.update_rows u "
                             f"WHERE {spec.name}.id = u.row_id AND u.mask = ?", (now, mask))

    def write_back(self, fields: Sequence[tuple[str, str, int, Sequence[str]]]) -> int:
        """Write this laptop's own values of fields `(table, row_id, hlc, names)` back, each under the stamp `hlc`,
        in the caller's transaction: stamped in `field_clock` and sent (outbox) as an edit of their value as it is
        here, so every laptop that takes it ends with this value. Only for a live row, and only a field whose stamp
        here is below `hlc` (a later edit stays as it is). The values do not change here: nothing to re-index.

        For `desktop.sync.write_back`, which chooses the stamp (just above a refused change's), so it is not the
        clock's: the clock only absorbs it. Returns how many fields were written back."""
        conn = self._store.conn
        written = 0
        with self._store.transaction(), self._writing():
            self._catch_up()
            for table, row_id, hlc, names in fields:
                spec = SYNCED[table]
                wanted = [name for name in names if name in spec.fields]
                if not wanted or table in APPEND_ONLY:
                    continue
                row = conn.execute(f"SELECT created_hlc, {', '.join(wanted)} FROM {spec.name} "
                                   "WHERE id = ? AND deleted_hlc IS NULL", (row_id,)).fetchone()
                if row is None:
                    continue
                stamps = dict(conn.execute(
                    f"SELECT field, hlc FROM field_clock WHERE tbl = ? AND row_id = ? AND field IN "
                    f"({_quoted(wanted)})", (table, row_id)).fetchall())
                values = {name: value for name, value in zip(wanted, row[1:], strict=True)
                          if stamps.get(name, row[0] or 0) < hlc}
                if not values:
                    continue
                conn.executemany("INSERT INTO field_clock (tbl, row_id, field, hlc, device_id) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (tbl, row_id, field) DO UPDATE SET hlc = excluded.hlc, "
                                 "device_id = excluded.device_id",
                                 [(table, row_id, name, hlc, self.device_id) for name in values])
                conn.execute("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES (?, ?, 'update', ?, ?)",
                             (table, row_id, hlc, _OUTBOX_JSON.encode(values)))
                self.clock.observe(hlc)
                written += len(values)
            self._keep_clock()
        return written

    def undo_refused_delete(self, table: str, row_id: str, hlc: int) -> bool:
        """Bring back a row this laptop deleted at `hlc` where every other laptop refused the delete
        (`desktop.sync.own_refused`), in the caller's transaction: its tombstone and the tombstone's stamp go, so the
        row is as the ward has it. Only while that delete is still the row's tombstone (a later delete stays).
        Nothing is sent: no other laptop ever took the delete. Returns whether the row came back.

        Not known here: another laptop's delete of the same row stamped before this one (it lost to this one here,
        and only the winner's stamp is kept); the row then comes back on this laptop alone. Both deleting one record,
        the refused delete the later, is the rare case left."""
        conn = self._store.conn
        spec = SYNCED[table]
        with self._store.transaction(), self._writing():
            stamp = conn.execute("SELECT hlc, device_id FROM field_clock WHERE tbl = ? AND row_id = ? AND "
                                 "field = 'deleted_hlc'", (table, row_id)).fetchone()
            if stamp != (hlc, self.device_id) or conn.execute(
                    f"SELECT deleted_hlc FROM {spec.name} WHERE id = ?", (row_id,)).fetchone() != (hlc,):
                return False
            conn.execute("DELETE FROM field_clock WHERE tbl = ? AND row_id = ? AND field = 'deleted_hlc'",
                         (table, row_id))
            conn.execute(f"UPDATE {spec.name} SET deleted_hlc = NULL WHERE id = ?", (row_id,))
            if table in ("households", "people"):  # the search index holds a household and its members
                reindex_households(conn, [row_id] if table == "households" else [row[0] for row in conn.execute(
                    "SELECT household_id FROM people WHERE id = ?", (row_id,))])
        return True

    def set_creation_stamps(self, stamps: Sequence[tuple[str, str, int, str]]) -> None:
        """Give rows `(table, row_id, hlc, device)` a new creation stamp, in the caller's transaction: a row made
        here as a placeholder (an edit arrived before its creation) takes the creation's stamp when it comes,
        as it has on every other laptop. Only the stamp changes, so there is nothing to log or re-index."""
        with self._store.transaction(), self._writing():
            for table, row_id, hlc, device in stamps:
                self._store.conn.execute(
                    f"UPDATE {SYNCED[table].name} SET created_hlc = ?, created_device = ? WHERE id = ?",
                    (hlc, device, row_id))

    def relink_unsent_audit(self, links: Sequence[tuple[int, str, str, str]]) -> None:
        """Give audit entries not sent yet `(seq, prev_hash, hash, id)` a new place in this laptop's chain, with
        their outbox entries, in the caller's transaction: after a restore, entries written since it took the
        numbers of entries the laptop's files on the share had published (`desktop.sync.rollback`). The one change
        the write path makes to an audit entry, and only to one nobody has yet."""
        with self._store.transaction(), self._writing():
            conn = self._store.conn
            conn.executemany("UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?", links)
            conn.executemany(
                "UPDATE outbox SET fields = json_set(fields, '$.seq', ?, '$.prev_hash', ?, '$.hash', ?) "
                "WHERE published_seq IS NULL AND tbl = 'audit_log' AND op = 'insert' AND row_id = ?", links)

    def vacuum_into(self, path: str) -> None:
        """`VACUUM INTO path`: a consistent copy of the database, for a sync snapshot. SQLite fills the copy with
        inserts into tables of the same names, which the table guard would refuse outside the write path."""
        with self._writing():
            self._store.conn.execute("VACUUM INTO ?", (path,))

    def load_snapshot(self, schema: str) -> None:
        """Fill this laptop's synced tables and their clocks from the attached database `schema` (a snapshot
        copy), in the caller's transaction, then rebuild the search index: a bootstrap, not an edit, so no
        outbox entries. The version vector becomes the highest stamp of each device in the loaded data, which
        is what this laptop has now seen. The caller makes sure this database held no synced rows."""
        conn = self._store.conn
        with self._store.transaction(), self._writing():
            for table, spec in SYNCED.items():
                columns = ", ".join(spec.columns)
                conn.execute(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM {schema}.{table}")
            conn.execute(f"INSERT INTO main.field_clock (tbl, row_id, field, hlc, device_id) "
                         f"SELECT tbl, row_id, field, hlc, device_id FROM {schema}.field_clock")
            stamps = " UNION ALL ".join(
                ["SELECT device_id, hlc FROM main.field_clock",
                 *(f"SELECT created_device, created_hlc FROM main.{table}" for table in SYNCED)])
            conn.execute(
                f"INSERT INTO version_vector (device_id, hlc) SELECT device_id, MAX(hlc) FROM ({stamps}) "
                "WHERE device_id IS NOT NULL GROUP BY device_id "
                "ON CONFLICT (device_id) DO UPDATE SET hlc = max(hlc, excluded.hlc)")
            rebuild_search_index(conn)

    def _rows_changed_by(self, batch: Sequence[RowWrite]) -> dict[tuple[str, str], dict[str, object]]:
        """The current rows that the updates and deletes of `batch` change, read with one query per table (the ids
        go in as one JSON array); `write` keeps them up to date as it decides each change.

        Only the columns the batch's changes compare or the index needs are read (`id`, `deleted_hlc`, a person's
        household and the fields written): a bulk update of a few fields read every column of every row before.
        """
        wanted: dict[str, list[str]] = {}
        columns: dict[str, set[str]] = {}
        for change in batch:
            spec = SYNCED.get(change.table)
            if change.op != "insert" and spec is not None:
                wanted.setdefault(change.table, []).append(change.row_id)
                columns.setdefault(change.table, {"household_id"} & spec.fields.keys()).update(
                    name for name in change.fields if name in spec.fields)
        rows: dict[tuple[str, str], dict[str, object]] = {}
        for table, ids in wanted.items():
            names = ["id", "deleted_hlc", *sorted(columns[table])]
            cursor = self._store.conn.execute(
                f"SELECT {', '.join(f't.{name}' for name in names)} FROM json_each(?) k "
                f"CROSS JOIN {SYNCED[table].name} t ON t.id = k.value", (json.dumps(ids),))
            for values in cursor:
                rows[(table, values[0])] = dict(zip(names, values, strict=True))
        return rows

    @staticmethod
    def _current(spec: TableSpec, row_id: str, rows: dict[tuple[str, str], dict[str, object]]) -> dict[str, object]:
        current = rows.get((spec.name, row_id))
        if current is None:
            raise WardbookError("store.no_such_row", table=spec.name, id=row_id)
        return current

    def _update_row(
        self, spec: TableSpec, change: RowWrite, rows: dict[tuple[str, str], dict[str, object]],
        pending: dict[tuple[str, str], dict[str, object]],
    ) -> tuple[dict[str, object], dict[str, object], dict[str, object]]:
        """Decide the fields whose value differs and queue them for writing (`pending`); returns (fields written,
        the row before, all fields given)."""
        values = _check_remote(spec, change.fields) if change.hlc is not None else _coerce(spec, change.fields)
        current = self._current(spec, change.row_id, rows)
        if current["deleted_hlc"] is not None and change.hlc is None:
            raise WardbookError("store.row_deleted", table=spec.name, id=change.row_id)
        changed = {name: value for name, value in values.items() if current[name] != value}
        before = current
        if changed:
            before = dict(current)
            current.update(changed)
            pending.setdefault((spec.name, change.row_id), {}).update(changed)
        return changed, before, values

    def _delete_row(
        self, spec: TableSpec, row_id: str, hlc: int, rows: dict[tuple[str, str], dict[str, object]],
        pending: dict[tuple[str, str], dict[str, object]], remote: bool,
    ) -> tuple[dict[str, object], dict[str, object]]:
        current = self._current(spec, row_id, rows)
        # Deleting twice locally changes nothing; a remote delete that won the merge replaces the tombstone's
        # stamp, so laptops that deleted the same row concurrently end with the same one.
        if current["deleted_hlc"] is not None and (not remote or current["deleted_hlc"] == hlc):
            return {}, current
        before = dict(current)
        current["deleted_hlc"] = hlc
        pending.setdefault((spec.name, row_id), {})["deleted_hlc"] = hlc
        return {"deleted_hlc": hlc}, before


# A person's fields that decide what their household's search document holds.
_MEMBER_FIELDS = (*MEMBER_TEXT, "household_id", "moved_out_on")


def _updatable(spec: TableSpec) -> list[str]:
    """The columns an update or delete may set, in a fixed order (their slots in `temp.update_rows`)."""
    return [*spec.fields, "deleted_hlc"]


def _quoted(names: Sequence[str]) -> str:
    """`names` as a list of SQL string literals (field names of the schema: no quotes in them)."""
    return ", ".join(f"'{name}'" for name in names)


def _positions(names: list[str], wanted: tuple[str, ...]) -> list[int]:
    """Where the `wanted` fields a block carries are in its rows (`[row_id, hlc, *values]`)."""
    return [names.index(name) + 2 for name in wanted if name in names]


def _new_documents(blocks: Sequence[list[Any]]) -> tuple[dict[str, Texts], set[str]]:
    """What the search index needs from rows being inserted (changeset blocks): the document texts of the new
    households with their new members and tags (see `desktop.search.index.Texts`), and the households already
    here that new members joined, whose documents are rebuilt from the tables."""
    texts: dict[str, Texts] = {}
    for table, _op, names, rows in blocks:
        if table == "households":
            at = _positions(names, HOUSEHOLD_TEXT)
            tagged_at = [names.index(name) + 2 if name in names else None for name in HOUSEHOLD_TAGGED]
            for row in rows:
                texts[row[0]] = ([row[i] for i in at], [], [None if i is None else row[i] for i in tagged_at])
    joined: set[str] = set()
    for table, _op, names, rows in blocks:
        if table != "people" or "household_id" not in names:
            continue
        household_at = names.index("household_id") + 2
        moved_at = _positions(names, ("moved_out_on",))
        at = _positions(names, MEMBER_TEXT)
        for row in rows:
            household = row[household_at]
            if household in texts:
                if all(row[i] is None for i in moved_at):
                    texts[household][1].extend(row[i] for i in at)
            elif household:
                joined.add(household)
    return texts, joined


def _households_touched(
    change: RowWrite, written: dict[str, object], previous: dict[str, object] | None
) -> set[str]:
    """Households whose search document this change may alter (a person moving touches two); an edit of a
    person's fields that no document holds touches none."""
    if change.table == "households":
        return {change.row_id}
    if change.table != "people" or (change.op == "update" and written.keys().isdisjoint(_MEMBER_FIELDS)):
        return set()
    ids = {str(written["household_id"])} if written.get("household_id") else set()
    if previous and previous.get("household_id"):
        ids.add(str(previous["household_id"]))
    return ids
