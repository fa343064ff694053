"""Screening a changeset before it is applied: each change is checked against what the laptop that signed it may
do (`desktop.security.rights`, with the role its roster grant gives it for that file) and against the values this
laptop's own write path would store; a change that fails is kept in `refused_changes`, never applied, and the
rest of the file applies as usual.

Why a signed file is not enough: each laptop's holder has its keys and the core, so a file can carry anything
its database holds, including rows written into it by hand (`users.role = 'admin'`, another device's audit
entries, a value of the wrong type that used to stop every laptop's sync with a traceback).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from desktop.security.retention import purged_among
from desktop.security.rights import PARENTS, REGISTER, Principal, RowView, refusal
from desktop.store import Store
from desktop.store.tables import SYNCED, invalid_rows
from desktop.store.writer import utc_now_iso

if TYPE_CHECKING:
    from desktop.sync.changeset import Block

HLC_RANGE = (0, 2**63 - 1)
PARENT_TABLES = frozenset(parent for _link, parent in PARENTS.values())


@dataclass(frozen=True)
class Refused:
    table: str
    row_id: str
    op: str
    hlc: int
    fields: dict[str, object]
    reason: str


def _needs_row_checks(who: Principal, table: str) -> bool:
    """Whether each change of `table` must be judged on its own (ownership, accounts, the audit chain), or the
    whole block by its table, operation and field names (the usual case, kept fast for a first sync)."""
    if table in REGISTER:
        return False
    if table in ("users", "audit_log", "campaign_questions"):  # a question's kind: see `rights.refusal`
        return True
    return "records.view_all" not in who.permissions


def screen(store: Store, who: Principal, blocks: list[Block], newest: int = HLC_RANGE[1]) -> tuple[
        list[Block], list[Refused]]:
    """The blocks with only the changes `who` may make, and the changes refused (with why). `newest`: the file's
    newest stamp as its header says (what a receiving laptop's clock absorbs); a change stamped later is refused:
    hand-made with a stamp near the top of the range, it could never be corrected on any laptop."""
    low, high = HLC_RANGE[0], min(HLC_RANGE[1], newest)
    rows = RowView(store)
    kept_by_block: dict[int, list[list[Any]]] = {}
    refused: list[Refused] = []
    # Visits and cases are decided first: a support item or case event is judged by its parent's owner, and the
    # blocks of a file keep each row's changes in order but not the order between a parent and its children.
    for number in sorted(range(len(blocks)), key=lambda index: blocks[index][0] not in PARENT_TABLES):
        table, op, names, block_rows = blocks[number]
        spec = SYNCED.get(table)
        fields_ok = spec is not None and set(names) <= (spec.fields.keys() if op != "delete" else {"deleted_hlc"})
        bad_values = invalid_rows(table, names, block_rows) if fields_ok else {}
        block_code = None if fields_ok else ("unknown_table" if spec is None else "unknown_field")
        if block_code is None and not _needs_row_checks(who, table):
            block_code = refusal(who, table, op, "", {}, rows)
            per_row = False
        else:
            per_row = block_code is None
        if block_code is None and not per_row and not bad_values \
                and all(low < row[1] <= high for row in block_rows):
            kept_by_block[number] = block_rows  # the usual block: nothing to look at row by row
            continue
        kept = []
        for index, row in enumerate(block_rows):
            code = block_code
            if code is None and (index in bad_values or not low < row[1] <= high):
                code = "bad_value"
            fields = dict(zip(names, row[2:], strict=True)) if per_row or code is not None else {}
            if code is None and per_row:
                code = refusal(who, table, op, row[0], fields, rows, row[1])
            if code is None:
                kept.append(row)
                if per_row:
                    rows.note(table, row[0], fields)
            else:
                refused.append(Refused(table, row[0], op, row[1], fields, code))
        kept_by_block[number] = kept
    accepted = [[table, op, names, kept_by_block[number]]
                for number, (table, op, names, _rows) in enumerate(blocks) if kept_by_block[number]]
    return accepted, refused


KEPT_CHARS = 200  # of a refused text value (or a name): enough to tell what it was
KEPT_FIELDS = 60  # more than any table has: a change naming more was made up


def _kept(fields: dict[str, object]) -> dict[str, object]:
    """A refused change's fields as kept: long texts cut, with their length. A refused 10 MB text was stored whole
    on every laptop (a file can carry 256 MB of such text once unpacked)."""
    return {name[:KEPT_CHARS]: f"{value[:KEPT_CHARS]}… ({len(value):,} chars)" if isinstance(value, str) and
            len(value) > KEPT_CHARS else value for name, value in list(fields.items())[:KEPT_FIELDS]}


def fields_of(text: str) -> dict[str, object]:
    """A change's fields from their JSON (an outbox entry's, a kept refused change's: `_kept`), none when the text
    is no JSON object: a hand-edited database can hold anything there, and reading it must not stop a sync."""
    try:
        values = json.loads(text)
    except ValueError:
        return {}
    return values if isinstance(values, dict) else {}


def keep_refused(store: Store, device: str, seq: int, who: Principal | None, refused: list[Refused]) -> None:
    """Record the refused changes of one file (in the caller's transaction, with the file's cursor). A change of a
    row purged here is kept with its field names only: the purge scrubbed what was refused before it
    (`retention.scrub_purged`), and a change arriving later must not bring the purged person's data back."""
    now = utc_now_iso()
    purged = purged_among(store, {(item.table, item.row_id) for item in refused if item.table in SYNCED})
    refused = [replace(item, fields=dict.fromkeys(item.fields)) if item.row_id in purged.get(item.table, ())
               else item for item in refused]
    store.conn.executemany(
        "INSERT INTO refused_changes (at, device_id, seq, user_id, username, role, tbl, row_id, op, hlc, fields, "
        "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(now, device, seq, who.user_id if who else None, who.username if who else None, who.role if who else None,
          str(item.table)[:KEPT_CHARS], str(item.row_id)[:KEPT_CHARS], item.op, item.hlc,
          json.dumps(_kept(item.fields), ensure_ascii=False, default=str), item.reason) for item in refused])


def refused_counts(store: Store) -> dict[str, int]:
    """Changes refused per device, for the status table."""
    return dict(store.conn.execute("SELECT device_id, COUNT(*) FROM refused_changes GROUP BY device_id").fetchall())


def list_refused(store: Store, limit: int = 200, device: str | None = None) -> list[dict[str, object]]:
    """The newest refused changes, for the admin (or those of one laptop, `device`: this one's own for its user,
    `desktop.sync.own_refused`): when, which laptop and user, which record, what and why."""
    cursor = store.conn.execute(
        "SELECT at, device_id, seq, username, role, tbl, row_id, op, fields, reason FROM refused_changes "
        "WHERE ? IS NULL OR device_id = ? ORDER BY id DESC LIMIT ?", (device, device, limit))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]
