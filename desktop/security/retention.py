"""Retention: purge households that moved out long ago with every record that belongs to them or names them
(`BELONGS`), and answer a data-subject request with everything held about one person.

Purging must reach every laptop, so it goes through the write path like any change: every field of the rows
is blanked and the rows become tombstones, which sync carries to the station and the other laptops. Every field
gets a new stamp, also one already empty here: another laptop may have filled it in an edit this one has not
received, and per-field last-writer-wins blanks it there only under a newer stamp. The old
values must not linger elsewhere in the file either: the connection runs with `secure_delete`, the values
kept in the local `outbox`, `conflicts` and `refused_changes` bookkeeping for those rows are blanked too (field
names and clocks stay, so sync still has a well-formed log), the search index is rebuilt from its documents
(FTS5 deletes only add delete markers: the purged names stay in the old segments until they are merged; on a
ward of 10,000 households a rebuild takes 40-100 ms, less than merging the segments with `optimize`), and the
WAL is checkpointed. The admin sets the rule once (`retention.moved_out_years`, a local setting of the station)
and always sees a preview first.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from desktop import clock
from desktop.errors import WardbookError
from desktop.progress import Progress
from desktop.security import audit
from desktop.security.database import SIDE_FILES, kept_copies, shred
from desktop.security.session import authorize
from desktop.store import RowWrite
from desktop.store.hlc import unpack
from desktop.store.tables import SYNCED

if TYPE_CHECKING:
    from desktop.store import Store

SETTING = "retention.moved_out_years"
_CHUNK = 200


@dataclass
class PurgePreview:
    """What a purge with this rule would remove, shown to the admin before anything goes."""

    years: int
    cutoff: str
    households: list[dict[str, object]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    # The copies restores kept beside the register (`database.kept_copies`): they hold the purged households as
    # they were, so the purge shreds them too, named here before the admin says yes.
    copies: list[str] = field(default_factory=list)


def set_rule(store: Store, years: int) -> None:
    authorize(store, "purge")
    if years < 1 or years > 100:
        raise WardbookError("security.bad_years", value=years)
    store.set_setting(SETTING, str(years))


def rule(store: Store) -> int | None:
    value = store.setting(SETTING)
    return int(value) if value else None


def _cutoff(years: int, today: date) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _status_changed_on(hlc: int) -> str:
    """The ward's day a field was last written, from its hybrid logical clock: a household marked moved out at
    06:00 in Ho Chi Minh City moved out that day, not the day before (its UTC day), which a purge rule "moved
    out before the cut-off" would take a day early."""
    return clock.day_of_ms(unpack(hlc)[0]).isoformat()


# A moved-out household still has work open or recent, and is kept, while one of its cases (about it, or one of
# its people) is open or was received or resolved since the cutoff, or one of its people is still under
# reintegration support or left it since: a tip received last month about a family that left years ago is
# the police's business, not retention's.
_STILL_IN_HAND = (
    "EXISTS (SELECT 1 FROM cases c WHERE c.deleted_hlc IS NULL AND (c.household_id = h.id OR c.person_id IN "
    "(SELECT p.id FROM people p WHERE p.household_id = h.id)) AND (c.status IN ('open', 'in_progress') "
    "OR c.received_on >= :cutoff OR c.resolved_on >= :cutoff)) "
    "OR EXISTS (SELECT 1 FROM reintegration r JOIN people p ON p.id = r.person_id WHERE p.household_id = h.id "
    "AND r.deleted_hlc IS NULL AND (r.ended_on IS NULL OR r.ended_on >= :cutoff))"
)


def preview(store: Store, years: int | None = None, today: date | None = None) -> PurgePreview:
    """Households moved out before the cutoff and not visited since, with no case or reintegration support still
    in hand, with the rows that would go with them."""
    authorize(store, "purge")
    years = years or rule(store)
    if not years:
        raise WardbookError("security.no_retention_rule")
    cutoff = _cutoff(years, today or clock.today()).isoformat()
    result = PurgePreview(years=years, cutoff=cutoff)
    rows = store.conn.execute(
        "SELECT h.id, h.code, h.house_no, h.street, COALESCE(s.hlc, h.created_hlc) AS status_hlc, "
        "(SELECT MAX(visited_at) FROM visits v WHERE v.household_id = h.id AND v.deleted_hlc IS NULL) "
        "FROM households h "
        "LEFT JOIN field_clock s ON s.tbl = 'households' AND s.row_id = h.id AND s.field = 'status' "
        f"WHERE h.deleted_hlc IS NULL AND h.status = 'moved_out' AND NOT ({_STILL_IN_HAND}) ORDER BY h.code",
        {"cutoff": cutoff},
    ).fetchall()
    for household_id, code, house_no, street, status_hlc, last_visit in rows:
        moved_out_on = _status_changed_on(status_hlc) if status_hlc else None
        if moved_out_on is None or moved_out_on >= cutoff or (last_visit and last_visit >= cutoff):
            continue
        result.households.append({"id": household_id, "code": code, "address": f"{house_no} {street}",
                                  "moved_out_on": moved_out_on, "last_visit": last_visit})
    rows_of = _rows_of(store, [h["id"] for h in result.households])
    result.counts = {table: len(ids) for table, ids in rows_of.items()}
    if result.households:
        result.copies = [copy.name for copy in kept_copies(store.path)]
    return result


# What a purged household takes with it: a row of `table` goes when its `column` names a purged row of
# `parent`, parents listed before the rows that hang off them. Every synced table with a household, person, visit
# or case reference is here; the other tables name only areas, officers, sweeps and models (a community model
# counts its members, it does not name them), and the audit log holds ids, no resident's text, in a hash chain.
BELONGS: tuple[tuple[str, str, str], ...] = (
    ("people", "household_id", "households"),
    ("visits", "household_id", "households"),
    ("campaign_results", "household_id", "households"),  # a sweep's status of the household
    ("campaign_answers", "household_id", "households"),
    ("cases", "household_id", "households"),  # tips, disputes and complaints about the household...
    ("cases", "person_id", "people"),  # ...or about one of its people
    ("support_items", "visit_id", "visits"),
    ("reintegration", "person_id", "people"),
    ("commendations", "person_id", "people"),
    ("case_events", "case_id", "cases"),
)
# Tables in the order the purge empties them: the rows hanging off a row before the row itself.
PURGE_ORDER: tuple[str, ...] = (*reversed(dict.fromkeys(table for table, _, _ in BELONGS)), "households")


def _rows_of(store: Store, household_ids: list[object]) -> dict[str, list[str]]:
    """Ids of the alive rows that belong to these households or name them or their rows, table by table."""
    found: dict[str, dict[str, None]] = {"households": dict.fromkeys(str(i) for i in household_ids)}
    for table, column, parent in BELONGS:
        rows = found.setdefault(table, {})
        rows.update(dict.fromkeys(_naming(store, table, column, list(found[parent]))))
    return {table: list(ids) for table, ids in found.items()}


def _naming(store: Store, table: str, column: str, ids: list[str]) -> list[str]:
    """Ids of the alive rows of `table` whose `column` is one of `ids`."""
    found: list[str] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found += [r[0] for r in store.conn.execute(
            f"SELECT id FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))}) AND deleted_hlc IS NULL",
            chunk)]
    return found


def purge(store: Store, years: int | None = None, today: date | None = None, progress: Progress | None = None,
          cancelled: Callable[[], bool] = lambda: False, confirmed: Collection[str] | None = None) -> PurgePreview:
    """Blank and tombstone what `preview` lists, in one transaction (a cancel leaves everything as it was).

    `confirmed`: the households the admin was shown and said yes to. When the list is not those any more (a sync
    or an edit moved another household out meanwhile), nothing is purged: a purge cannot be undone, and the admin
    answered for the list they saw, not for more."""
    plan = preview(store, years, today)
    if confirmed is not None and {str(h["id"]) for h in plan.households} != set(confirmed):
        raise WardbookError("security.purge_changed", count=len(plan.households), confirmed=len(set(confirmed)))
    rows = _rows_of(store, [h["id"] for h in plan.households])
    batch: list[RowWrite] = []
    for table in PURGE_ORDER:
        blank = dict.fromkeys(SYNCED[table].fields)
        for row_id in rows[table]:
            batch.append(RowWrite(table, row_id, "update", dict(blank), stamp_unchanged=True))
            batch.append(RowWrite(table, row_id, "delete"))
    with store.transaction():
        audit.record(store, "purge", "households", None,
                     {"years": plan.years, "cutoff": plan.cutoff, "counts": plan.counts})
        for start in range(0, len(batch), _CHUNK):
            if cancelled():
                raise InterruptedError("purge cancelled")
            store.writer.write(batch[start : start + _CHUNK])
            if progress:
                progress(min(len(batch), start + _CHUNK), len(batch), "rows")
        _scrub_bookkeeping(store, rows)
        store.conn.execute("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")  # even with no row
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for name in plan.copies:  # the purge is done: a copy kept by a restore would still hold what it removed
        for part in (store.path.with_name(name), *(store.path.with_name(name + side) for side in SIDE_FILES)):
            shred(part)
    return plan


def purge_blanking(table: str, fields: Mapping[str, object]) -> bool:
    """Whether a change's `fields` are a purge's blanking of a row: every synced field of its table, each blank.

    `purge` stamps every field, also those already empty on the admin's laptop (`RowWrite.stamp_unchanged`),
    so a laptop receiving it can tell it from an edit, which sends only the fields it changed. The merge lets it
    blank the row whatever the stamps there: an edit made on a laptop whose clock ran ahead of the admin's, before
    the purge reached it, must not keep the purged person's data there (`desktop.sync.merge`)."""
    names = SYNCED[table].fields
    return len(fields) == len(names) and all(name in names and value is None for name, value in fields.items())


def purged_among(store: Store, keys: Collection[tuple[str, str]]) -> dict[str, list[str]]:
    """The rows of `keys` that are purged tombstones: deleted, every field blank, made by a real creation (a
    placeholder waiting for its creation is blank too, and must still take it).

    That is how a purge marks a row, on the laptop that purged and on every laptop its changes reach: an ordinary
    delete keeps the row's values (an edit that lost to it can still be reviewed against them)."""
    found: dict[str, list[str]] = {}
    for table, row_id in keys:
        blank = " AND ".join(f"{name} IS NULL" for name in SYNCED[table].fields)
        if store.conn.execute(f"SELECT 1 FROM {table} WHERE id = ? AND deleted_hlc IS NOT NULL AND "
                              f"created_hlc > 0 AND {blank}", (row_id,)).fetchone() is not None:
            found.setdefault(table, []).append(row_id)
    return found


def scrub_purged(store: Store, rows: dict[str, list[str]]) -> None:
    """Leave no copy of the purged `rows`' values in this laptop's bookkeeping (in the caller's transaction): the
    purge itself and the merge of a purge from another laptop both call it, so the values leave every laptop's
    file, not only the admin's."""
    if not rows:
        return
    _scrub_bookkeeping(store, rows)
    if rows.keys() & {"households", "people"}:  # FTS5 keeps deleted words in its segments until a rebuild
        store.conn.execute("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")


def _scrub_bookkeeping(store: Store, rows: dict[str, list[str]]) -> None:
    """Blank the values that the outbox, the conflict list and the list of changes refused from other laptops
    still hold for the purged rows."""
    conn = store.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS purged (tbl TEXT, row_id TEXT, PRIMARY KEY (tbl, row_id))")
    conn.execute("DELETE FROM temp.purged")
    conn.executemany("INSERT OR IGNORE INTO temp.purged VALUES (?, ?)",
                     ((table, row_id) for table, ids in rows.items() for row_id in ids))
    for log, key in (("outbox", "seq"), ("refused_changes", "id")):
        _blank_logged_fields(store, log, key)
    conn.execute("UPDATE conflicts SET kept_value = NULL, lost_value = NULL WHERE EXISTS "
                 "(SELECT 1 FROM temp.purged p WHERE p.tbl = conflicts.tbl AND p.row_id = conflicts.row_id)")
    conn.execute("DELETE FROM temp.purged")


def _blank_logged_fields(store: Store, log: str, key: str) -> None:
    """Blank the values in the `fields` JSON of `log`'s changes of the rows in `temp.purged`, keeping the names
    (what was changed stays told, and the outbox stays a well-formed log)."""
    scrubbed = []
    for row_key, fields in store.conn.execute(
        f"SELECT l.{key}, l.fields FROM {log} l JOIN temp.purged p ON p.tbl = l.tbl AND p.row_id = l.row_id"
    ).fetchall():
        values = json.loads(fields)
        blank = dict.fromkeys(values)
        if "deleted_hlc" in values:  # the tombstone's clock is no personal data, and sync needs it
            blank["deleted_hlc"] = values["deleted_hlc"]
        scrubbed.append((json.dumps(blank), row_key))
    store.conn.executemany(f"UPDATE {log} SET fields = ? WHERE {key} = ?", scrubbed)
