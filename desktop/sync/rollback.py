"""A laptop restored from an older copy of its database takes its own newer files back from the share.

A restore (`wardbook restore`, a database file or a disk image copied back) rolls back everything the database
holds: the outbox and its numbering, the clock (HLC), the number of the last file published and the household
codes given. The share keeps the files the laptop published after that copy was made, and every other laptop has
applied them. Left alone, the laptop took its next own file on the share for one it had written just before a
crash, and marked its new edits — which reuse those outbox numbers — as published although they were never sent;
it never applied its own files, so their records never came back to it; and it gave out its household codes again.

How it is told: after a crash between the rename and the bookkeeping, the file on the share *is* this database's
outbox entries (`outbox_from`…`outbox_to` of its header), and the encoding gives the same bytes for the same
inputs, so encoding the header with those entries again gives the file byte for byte (`written_here`). A file this
laptop signed, chained to its last recorded file, that does not come out of its own outbox, was written by a newer
state of this database that was then lost: the database was restored from an older copy. (Were that ever wrong —
say, a file written by an older release that encodes differently — taking it back would still lose nothing: it
re-applies changes this laptop already has and re-sends edits nobody applied twice differently, since the merge is
idempotent.) Nothing needs to mark a database as restored: the files tell, so a disk image or a database file
copied back is caught like `wardbook restore`, and a laptop restored from a copy made before it ever synced is the
same case from its file 1 on.

What is done (`take_back`), in one transaction per file, before the laptop publishes anything:
- the file's changes are applied here as another laptop's are (the same merge, so a concurrent edit made since the
  restore is decided by the same rule and a losing value goes to review), and the clock moves past the file;
- the file's changes become this laptop's outbox entries again, under the numbers its header gives, so the file is
  recorded as published and can be written again exactly as it was if it is lost or damaged on the share later;
- the edits made since the restore that used those numbers (never sent) are numbered after them, so they go out in
  a new file; an entry that is one of the file's own changes (made before the copy, sent after it) is dropped;
- a household given, since the restore, one of this laptop's automatic codes that a household of the file already
  has gets the next free code (the codes count from the highest one here, so after this none is given twice).
What was taken back is kept in the setting `TAKEN_BACK` until the sync round reports it (`take_back_report`), and
the user is told in a sentence (`sync.restored_copy`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from desktop import i18n
from desktop.register.households import CODE_PREFIX, code_prefix, new_codes
from desktop.security.audit import CHAINED_FIELDS, GENESIS, entry_hash, move_head
from desktop.store import RowWrite, Store
from desktop.sync import messages as _messages  # noqa: F401  (registers the sentences)
from desktop.sync.apply import apply_changes, checked_header
from desktop.sync.audit_heads import checked_audit_head, keep_signed_head
from desktop.sync.changeset import Change, Changeset, InvalidChangeset, changes_of, encode
from desktop.sync.station import SyncKeys

TAKEN_BACK = "sync.taken_back"  # JSON of `TakenBack`, until the sync round reports it


@dataclass
class TakenBack:
    """What a sync took back from the share after this laptop's database was restored from an older copy."""

    files: int = 0
    changes: int = 0
    recoded: list[tuple[str, str]] = field(default_factory=list)  # (code given twice, the new code)

    def message(self) -> str:
        """The sentence that tells the user, in the current language."""
        text = i18n.tr("sync.restored_copy", files=self.files, changes=self.changes)
        for old, new in self.recoded:
            text += " " + i18n.tr("sync.restored_recoded", old=old, new=new)
        return text


def outbox_changes(store: Store, outbox_from: int, outbox_to: int) -> list[Change]:
    """This laptop's outbox entries `outbox_from`…`outbox_to` as changes, in order (a file's contents)."""
    return [[tbl, row_id, op, hlc, json.loads(fields)] for tbl, row_id, op, hlc, fields in store.conn.execute(
        "SELECT tbl, row_id, op, hlc, fields FROM outbox WHERE seq BETWEEN ? AND ? ORDER BY seq",
        (outbox_from, outbox_to))]


def written_here(store: Store, keys: SyncKeys, raw: bytes, header: dict[str, Any]) -> bool:
    """Is `raw`, one of this laptop's signed files, the very file this database made from its outbox (a crash
    after the rename), rather than one a newer state of the database wrote before a restore?"""
    outbox_from, outbox_to = header.get("outbox_from"), header.get("outbox_to")
    if not (isinstance(outbox_from, int) and isinstance(outbox_to, int)):
        return False
    try:
        again = encode(header, outbox_changes(store, outbox_from, outbox_to), keys.data_key(header.get("epoch", 0)),
                       keys.signing_key)
    except (InvalidChangeset, TypeError, ValueError):
        return False
    return again == raw


def take_back(store: Store, keys: SyncKeys, changeset: Changeset) -> None:
    """Take back one own file this database does not have (see the module docstring); the caller then records it
    as published, in the same transaction. A header not as publishing writes it: InvalidChangeset."""
    header = changeset.header
    vv, hlc_max = checked_header(header)
    changes = list(changes_of(changeset.blocks))
    with store.transaction():
        unsent = _renumber_unsent(store, int(header["outbox_from"]), changes)
        # This laptop's own writes: a whole row blanked in them is its own purge, allowed when it was made.
        apply_changes(store, store.device_id, changeset.blocks, vv, may_purge=True)
        head = checked_audit_head(header, keys.signing_key.public_key(), store.device_id)
        if head is not None:
            keep_signed_head(store, store.device_id, head)
        store.writer.observe(hlc_max)
        recoded = _recode_twice_given(store, changes, unsent)
        _rechain_unsent_audit(store)
        _remember(store, len(changes), recoded)


def _renumber_unsent(store: Store, outbox_from: int, changes: list[Change]) -> set[str]:
    """Give the file's changes back their outbox numbers from `outbox_from` on, and number the entries not sent
    yet after them (dropping those that are the file's own changes); returns the ids of the households those
    unsent entries created."""
    own = {(tbl, row_id, op, hlc) for tbl, row_id, op, hlc, _fields in changes}
    unsent = [row for row in store.conn.execute(
        "SELECT seq, tbl, row_id, op, hlc, fields FROM outbox WHERE published_seq IS NULL ORDER BY seq")
        if tuple(row[1:5]) not in own]
    store.conn.execute("DELETE FROM outbox WHERE published_seq IS NULL")
    store.conn.executemany(
        "INSERT INTO outbox (seq, tbl, row_id, op, hlc, fields) VALUES (?, ?, ?, ?, ?, ?)",
        [(outbox_from + index, tbl, row_id, op, hlc, json.dumps(fields, ensure_ascii=False))
         for index, (tbl, row_id, op, hlc, fields) in enumerate(changes)])
    store.conn.executemany("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES (?, ?, ?, ?, ?)",
                           [row[1:] for row in unsent])
    return {row[2] for row in unsent if row[1] == "households" and row[3] == "insert"}


def _recode_twice_given(store: Store, changes: list[Change], unsent: set[str]) -> list[tuple[str, str]]:
    """A household created since the restore with one of this laptop's automatic codes that a household of the
    file has too: it gets the next free code (it was never sent, so no other laptop knows the old one)."""
    prefix = store.setting(CODE_PREFIX) or code_prefix(store.device_id)
    codes = {fields["code"] for tbl, _row_id, op, _hlc, fields in changes
             if tbl == "households" and op == "insert" and str(fields.get("code") or "").startswith(f"{prefix}-")}
    if not codes or not unsent:
        return []
    twice = store.conn.execute(
        "SELECT h.id, h.code FROM json_each(?) k JOIN households h ON h.id = k.value "
        "WHERE h.deleted_hlc IS NULL AND h.code IN (SELECT value FROM json_each(?)) ORDER BY h.code",
        (json.dumps(sorted(unsent)), json.dumps(sorted(codes)))).fetchall()
    recoded = []
    for row_id, old in twice:
        new = next(new_codes(store))
        store.writer.write([RowWrite("households", row_id, "update", {"code": new})])
        recoded.append((str(old), new))
    return recoded


def _rechain_unsent_audit(store: Store) -> None:
    """Number and link this laptop's audit entries not sent yet after its entries on record (those before the copy
    and those just taken back), and move the head of its chain to the last.

    The entries written since the restore were chained from the copy's head, so they carried the numbers of the
    entries the taken-back files hold: `audit verify` reported a duplicated entry and a broken link on every
    laptop, a tampering alarm for an ordinary restore. Rewriting them is not an edit of the log: nobody has them
    yet, and their outbox entries are rewritten with them, so what is sent is the chain as it now stands."""
    device = store.device_id
    conn = store.conn
    unsent_ids = json.dumps([row[0] for row in conn.execute(
        "SELECT row_id FROM outbox WHERE published_seq IS NULL AND tbl = 'audit_log' AND op = 'insert'")])
    names = ", ".join(CHAINED_FIELDS)
    unsent = [dict(zip(("id", *CHAINED_FIELDS), row, strict=True)) for row in conn.execute(
        f"SELECT id, {names} FROM audit_log WHERE device_id = ? AND id IN (SELECT value FROM json_each(?)) "
        "ORDER BY seq, at, id", (device, unsent_ids))]
    on_record = conn.execute(
        "SELECT seq, hash FROM audit_log WHERE device_id = ? AND id NOT IN (SELECT value FROM json_each(?)) "
        "ORDER BY seq DESC LIMIT 1", (device, unsent_ids)).fetchone()
    seq, prev_hash = (int(on_record[0]), str(on_record[1])) if on_record else (0, GENESIS)
    rewritten = []
    for entry in unsent:
        seq += 1
        entry.update(seq=seq, prev_hash=prev_hash)
        prev_hash = entry_hash(entry)
        rewritten.append((seq, entry["prev_hash"], prev_hash, entry["id"]))
    store.writer.relink_unsent_audit(rewritten)
    if seq:
        move_head(store, seq, prev_hash)


def _remember(store: Store, changes: int, recoded: list[tuple[str, str]]) -> None:
    so_far = pending(store) or TakenBack()
    so_far.files += 1
    so_far.changes += changes
    so_far.recoded.extend(recoded)
    store.set_setting(TAKEN_BACK, json.dumps({"files": so_far.files, "changes": so_far.changes,
                                              "recoded": so_far.recoded}, ensure_ascii=False))


def pending(store: Store) -> TakenBack | None:
    """What was taken back and not reported yet."""
    text = store.setting(TAKEN_BACK)
    if not text:
        return None
    value = json.loads(text)
    return TakenBack(int(value["files"]), int(value["changes"]), [(str(a), str(b)) for a, b in value["recoded"]])


def take_back_report(store: Store) -> TakenBack | None:
    """What was taken back since the last report, now reported (and forgotten)."""
    found = pending(store)
    if found is not None:
        store.set_setting(TAKEN_BACK, "")
    return found
