"""Applying other laptops' changesets: per device in seq order, each file and its cursor all or nothing (a
savepoint), files together in transactions of about `BATCH_CHANGES` changes.

A gap in the numbering or a file that fails any check (signature, station, device folder, seq, hash chain to the
previous file, decryption) stops that device's stream and is recorded in `sync_errors`; the next sync retries.
Nothing from an invalid file is applied.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import ExitStack, suppress
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from desktop.collector import collector_paused
from desktop.progress import Progress
from desktop.security.rights import UNKNOWN_ROW, Principal
from desktop.store import Store
from desktop.store.connection import DATABASE_ERRORS
from desktop.store.hlc import too_far_ahead
from desktop.store.page_cache import SYNC_CACHE_KIB, larger_page_cache
from desktop.store.tables import SYNCED
from desktop.store.writer import utc_now_iso
from desktop.sync.audit_heads import SignedHead, checked_audit_head, keep_signed_head
from desktop.sync.changeset import Block, Changeset, InvalidChangeset, changes_of, decode, file_name, read_header
from desktop.sync.errors import failure_kind, record_error, resolve_device_errors
from desktop.sync.folder import FolderShare
from desktop.sync.grants import is_revoked, principal_for
from desktop.sync.merge import merge_changes
from desktop.sync.revoked import REPLACED, Unaccepted, accepted_hashes, cut_of, standing_problem
from desktop.sync.screen import keep_refused, screen
from desktop.sync.station import StandInRoster, SyncKeys, public_keys, verified_roster
from desktop.sync.write_back import write_back_refused

if TYPE_CHECKING:
    from desktop.sync.rollback import TakenBack

FUTURE_LIMIT_MS = 10 * 60 * 1000
# Big files are applied in transactions that end once they hold this many changes (a file holds at most
# `changeset.MAX_CHANGES`), each file in a savepoint of its own. A transaction rewrites every page its rows lie on (a
# file's rows are spread over the whole ward) and re-indexes its households' documents once
# (`Writer.search_index_deferred`): a ward's 100k edits in five files, each in its own transaction, did that five
# times, a tenth of their merge. It also bounds how long a round holds the register's lock at once: about as long
# as the laptop that made 100k changes held it to write them (seconds); an officer's save meanwhile is told the
# register is busy and kept in its form, as during an import.
BATCH_CHANGES = 100_000
# A file of fewer changes ends its transaction: the next file is read from the share (over the network, perhaps
# slowly) with the lock let go. Only a big file's applying dwarfs the reading of the next; a normal day's small files,
# or a hostile laptop's thousands of tiny ones, would otherwise hold the lock while the share is read.
BATCH_FILE_CHANGES = 5_000


@dataclass
class ApplyReport:
    applied: dict[str, int] = field(default_factory=dict)  # device → changesets applied
    errors: list[tuple[str, int, str]] = field(default_factory=list)  # (device, seq, reason)
    refused: int = 0  # changes not applied because their laptop was not allowed to make them
    own_refused: int = 0  # this laptop's own changes the station refused, found this round (`own_refused`)
    caught_up_from: str | None = None  # the base snapshot this laptop caught up from, left behind a compaction
    restored: TakenBack | None = None  # own files taken back: this database had been restored from an older copy


def clock_offset(header: dict[str, Any], read_at_ms: int) -> int | None:
    """How far the writer's clock is ahead of this laptop's (negative: behind), in ms, from one of its files.

    The header says when the file was written by the writer's clock; this laptop read it at `read_at_ms` by
    its own. The difference is the offset minus the time the file waited on the share, so it errs on the
    low side by that wait: close when laptops sync at the station one after another, and a clock off by an
    hour or a day shows plainly. Files of format 1 carry no time: None.
    """
    published = header.get("published_ms")
    return int(published) - read_at_ms if isinstance(published, int) else None


def _error(store: Store, report: ApplyReport, device: str, seq: int, reason: str, detail: str | None = None) -> None:
    report.errors.append((device, seq, reason))
    record_error(store, device, seq, reason, detail or file_name(seq))


def _existing(store: Store, inserted: dict[str, list[str]]) -> dict[str, set[str]]:
    """Which of the rows `inserted` (table → ids) are already in this database, one query per table (the ids go
    in as one JSON array: a first sync checks every row of the ward)."""
    return {
        table: {row[0] for row in store.conn.execute(
            f"SELECT t.id FROM json_each(?) k CROSS JOIN {table} t ON t.id = k.value", (json.dumps(ids),))}
        for table, ids in inserted.items()
    }


def apply_changes(store: Store, device: str, blocks: list[Block], vv: dict[str, int], *,
                  may_purge: bool = False) -> None:
    """Apply one changeset's blocks. Rows new to this laptop (most of them, on a first sync) are inserted in bulk
    by the write path, straight from the blocks' rows; the other changes are merged field by field, as one
    batch, in the blocks' order (which keeps each row's changes in order)."""
    blocks = [block for block in blocks if block[0] in SYNCED]  # a newer app's table: kept in the file only
    inserted: dict[str, list[str]] = {}
    for table, op, _names, rows in blocks:
        if op == "insert":
            inserted.setdefault(table, []).extend(row[0] for row in rows)
    known = _existing(store, inserted)
    fresh: list[Block] = []
    later: list[Block] = []
    for block in blocks:
        table, op, names, rows = block
        ids = known.get(table) if op == "insert" else None
        if ids is None:
            later.append(block)
            continue
        new_rows, again = [], []
        for row in rows:
            if row[0] in ids:
                again.append(row)
            else:
                new_rows.append(row)
                ids.add(row[0])  # a second creation of the same row in this file is merged like any other
        fresh.append([table, op, names, new_rows])
        if again:  # one block for them all, in their order: a block per row was a list per row of a huge file
            later.append([table, op, names, again])
    store.writer.insert_remote(device, fresh)
    merge_changes(store, device, list(changes_of(later)), vv, may_purge=may_purge)


class _Waiting(Exception):
    """A file edits records this laptop does not have yet, and its writer had seen files of other laptops that
    are not applied here: it is applied after those (later in this sync, or at the next one)."""


def apply_all(store: Store, share: FolderShare, keys: SyncKeys, roster: dict[str, Any] | None = None, *,
              progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> ApplyReport:
    """Apply every device's new changesets. The device keys come from `roster`, already verified by the caller,
    or from the share's roster verified here against this laptop's pin; nothing is applied with a stand-in for a
    damaged one (`station.StandInRoster`).

    Devices are applied one after another, each file in order; a device whose next file waits for other laptops'
    files (`_Waiting`) goes on in a second pass, once the others are applied.

    `progress(done, total, device)` follows the files applied; `cancelled()` is asked before each one and stops the
    round with InterruptedError. Each file is applied with its cursor all or nothing, and what was applied before a
    cancel (or any error that stops the round) is committed, so the next sync goes on from there (`_Batch`).
    """
    if roster is None:
        roster = verified_roster(store, share)
    if isinstance(roster, StandInRoster):  # the share's roster is damaged: it may hide a revocation
        return ApplyReport()
    round_ = _Round(store, share, keys, roster, progress, cancelled)
    cursors = {device: (seq, digest or "") for device, seq, digest in store.conn.execute(
        "SELECT device_id, last_seq, last_hash FROM applied")}
    _tell_revoked_divergence(store, roster, cursors)
    pending = {device: [seq for seq in share.seqs(device) if seq > cursors.get(device, (0, ""))[0]]
               for device in share.device_ids() if device != store.device_id}
    round_.total = sum(map(len, pending.values()))
    if progress is not None:
        progress(0, round_.total, "")
    if not round_.total:
        return round_.written_back()
    # The files' decoded changes and the rows read to merge them are many small objects: the cyclic collector
    # waits until the round ends (`desktop.collector`).
    with larger_page_cache(store.conn, SYNC_CACHE_KIB), collector_paused():
        try:
            waiting = [device for device, seqs in pending.items()
                       if not round_.apply_device(device, seqs, cursors.get(device, (0, "")), last_pass=False)]
            for device in waiting:
                # The batch's own changes are seen here: the same connection, inside its transaction.
                cursor = store.conn.execute("SELECT last_seq, last_hash FROM applied WHERE device_id = ?",
                                            (device,)).fetchone() or (0, "")
                round_.apply_device(device, [seq for seq in pending[device] if seq > cursor[0]],
                                    (cursor[0], cursor[1] or ""), last_pass=True)
        finally:
            round_.batch.end()
    return round_.written_back()


def _tell_revoked_divergence(store: Store, roster: dict[str, Any], cursors: dict[str, tuple[int, str]]) -> None:
    """Record, for each revoked laptop, that this laptop applied other files of it than the station accepted up
    to its revocation (`desktop.sync.revoked`): nothing can undo that here, the admin is told."""
    for device in roster.get("devices", {}):
        cut = cut_of(roster, device)
        found = standing_problem(cut, cursors.get(device, (0, ""))) if cut is not None else None
        if found is not None:
            record_error(store, device, found[0], found[1], file_name(found[0]))


class _RolledBack(Exception):
    """SQLite rolled a batch's transaction back itself (`_Batch.end`)."""


@dataclass
class _Batch:
    """The transaction a round's files are applied in (`BATCH_CHANGES`): begun by the first file, ended once it
    holds enough changes or after a small file (`BATCH_FILE_CHANGES`), before a file that failed is recorded, and
    when the round ends or stops."""

    store: Store
    report: ApplyReport
    changes: int = 0
    files: list[tuple[str, int]] = field(default_factory=list)  # (device, seq) of each file applied in it
    _open: ExitStack | None = None

    def begin(self) -> None:
        if self._open is None:
            with ExitStack() as stack:
                stack.enter_context(self.store.transaction())
                stack.enter_context(self.store.writer.search_index_deferred())
                self._open = stack.pop_all()

    def applied(self, device: str, seq: int, changes: int) -> None:
        """File `seq` of `device`, holding `changes` changes, was applied in the batch."""
        self.files.append((device, seq))
        self.changes += changes
        if self.changes >= BATCH_CHANGES or changes < BATCH_FILE_CHANGES:
            self.end()

    def end(self) -> None:
        """Commit the files applied. When they cannot be (the disk is full), or SQLite has rolled the transaction
        back itself (a full disk may, in the middle of the file after them), they were not applied after all: they
        leave the report, and the next sync applies them, from the cursors that were rolled back with them. A
        commit that failed is recorded against the batch's first file, as a file that failed is, and stops the
        round: the files after the batch must wait for it."""
        stack, self._open = self._open, None
        files, self.files, self.changes = self.files, [], 0
        if stack is None:
            return
        failed: Exception | None = None
        if self.store.conn.in_transaction:
            try:
                stack.close()  # re-indexes the batch's households (`search_index_deferred`), then commits
                return
            except Exception as error:
                failed = error
                if self.store.conn.in_transaction:  # a COMMIT that failed may leave the transaction open
                    with suppress(*DATABASE_ERRORS):
                        self.store.conn.execute("ROLLBACK")
        else:
            stack.__exit__(_RolledBack, _RolledBack(), None)  # the store's depth and the deferred index let go
        for device, _seq in files:
            self.report.applied[device] -= 1
            if not self.report.applied[device]:
                del self.report.applied[device]
        if failed is not None:
            if files:
                _error(self.store, self.report, *files[0], failure_kind(failed))
            raise failed


@dataclass
class _Round:
    """One apply round's state: what it applies with, and what it has done so far."""

    store: Store
    share: FolderShare
    keys: SyncKeys
    roster: dict[str, Any]
    progress: Progress | None
    cancelled: Callable[[], bool] | None
    report: ApplyReport = field(default_factory=ApplyReport)
    total: int = 0
    done: int = 0

    def __post_init__(self) -> None:
        # Once per round, not per device: a sync with nothing new still walks every device of the roster.
        self.public_keys = public_keys(self.roster)
        self.batch = _Batch(self.store, self.report)

    def written_back(self) -> ApplyReport:
        """The report, once the station's admin laptop (that one laptop only) has written back the fields of the
        edits it refused (`desktop.sync.write_back`: at the round's end, not file by file)."""
        if self.roster.get("admin_key") == self.keys.public_hex():
            write_back_refused(self.store)
        return self.report

    def apply_device(self, device: str, seqs: list[int], cursor: tuple[int, str], *, last_pass: bool) -> bool:
        """Apply `device`'s files `seqs` in order from `cursor`; False when one waits for other laptops' files
        (on the last pass that is told as a warning, and the next sync tries again)."""
        store, report = self.store, self.report
        keys_by_device = self.public_keys
        last_seq, last_hash = cursor
        cut = cut_of(self.roster, device)
        accepted: dict[int, str] = {}
        if cut is not None and last_seq < cut.seq:
            try:
                accepted = accepted_hashes(self.share, device, cut, cursor)
            except Unaccepted as error:
                _error(store, report, device, error.seq, error.reason)
                return True
        for seq in seqs:
            if self.cancelled is not None and self.cancelled():
                raise InterruptedError("sync cancelled")  # `apply_all` commits the batch applied so far
            if seq != last_seq + 1:
                _error(store, report, device, last_seq + 1, "gap")
                return True
            who = principal_for(self.roster, device, seq)
            try:
                if device not in keys_by_device or who is None:
                    raise InvalidChangeset("revoked" if is_revoked(self.roster, device) else "unenrolled")
                raw = self.share.read(device, seq)
                read_at = store.writer.clock.now_ms()
                epoch = read_header(raw)[0].get("epoch", 0)
                changeset = decode(raw, keys_by_device[device], self.keys.data_key(epoch))
                header = changeset.header
                if header.get("device") != device or header.get("seq") != seq:
                    raise InvalidChangeset("renamed")
                if header.get("station") != self.roster["station"]:
                    raise InvalidChangeset("station")
                if header.get("prev_hash") != last_hash:
                    raise InvalidChangeset("chain")
                if cut is not None and changeset.digest != accepted.get(seq):
                    raise InvalidChangeset(REPLACED)  # swapped since the walk back from the revocation's cut
                vv, hlc_max = checked_header(header)
                if too_far_ahead(hlc_max, read_at):  # waits until this clock gets there (see `hlc.MAX_AHEAD_MS`)
                    raise InvalidChangeset("clock_ahead")
                audit_head = checked_audit_head(header, keys_by_device[device], device)
            except (InvalidChangeset, OSError) as error:
                _error(store, report, device, seq, getattr(error, "reason", "unreadable"))
                return True
            try:
                self.batch.begin()
                report.refused += _apply_file(store, device, seq, who, changeset, vv, hlc_max, audit_head, read_at)
            except _Waiting:
                if last_pass:
                    _error(store, report, device, seq, "waiting")
                return last_pass
            except Exception as error:
                self.batch.end()  # the files before it stay applied (unless the disk's failure undid them)
                _error(store, report, device, seq, failure_kind(error))  # this laptop's disk, or the data
                return True
            offset = clock_offset(header, read_at)
            if offset is not None and offset > FUTURE_LIMIT_MS:  # that laptop's own clock, as its file says
                _error(store, report, device, seq, "clock_future")
            last_seq, last_hash = seq, changeset.digest
            report.applied[device] = report.applied.get(device, 0) + 1
            self.batch.applied(device, seq, sum(len(block[3]) for block in changeset.blocks))
            self.done += 1
            if self.progress is not None:
                self.progress(self.done, self.total, device[:8])
        return True


def checked_header(header: dict[str, Any]) -> tuple[dict[str, int], int]:
    """The version vector and newest HLC of a file's header, refused unless they are what publishing writes."""
    vv, hlc_max = header.get("vv", {}), header.get("hlc_max")
    if not (isinstance(hlc_max, int) and 0 < hlc_max < 2**63 and isinstance(vv, dict)
            and all(isinstance(key, str) and type(value) is int for key, value in vv.items())):
        raise InvalidChangeset("format")
    return vv, hlc_max


def _saw_more(store: Store, device: str, vv: dict[str, int]) -> bool:
    """Had `device`, when it wrote a file with version vector `vv`, seen changes of a third laptop not applied here?"""
    here = dict(store.conn.execute("SELECT device_id, hlc FROM version_vector").fetchall())
    return any(hlc > here.get(other, 0) for other, hlc in vv.items() if other not in (device, store.device_id))


def _apply_file(store: Store, device: str, seq: int, who: Principal, changeset: Changeset, vv: dict[str, int],
                hlc_max: int, audit_head: SignedHead | None, read_at: int) -> int:
    """Apply one verified file with its cursor, all or nothing; returns how many of its changes were refused.

    A change of a record not here (or under a parent not here) cannot be judged by its owner: while the writer had
    seen files not applied here yet, the file waits (`_Waiting`); once this laptop has seen all the writer had,
    such a record was never theirs to change, and the change is refused."""
    header = changeset.header
    with store.transaction():
        blocks, refused = screen(store, who, changeset.blocks, hlc_max)
        if any(item.reason == UNKNOWN_ROW for item in refused) and _saw_more(store, device, vv):
            raise _Waiting
        refused = [replace(item, reason="not_owner") if item.reason == UNKNOWN_ROW else item for item in refused]
        # Only a role that may purge sends a purge: a whole row blanked by anyone else is decided like any edit.
        apply_changes(store, device, blocks, vv, may_purge="purge" in who.permissions)
        keep_refused(store, device, seq, who, refused)
        if audit_head is not None:
            keep_signed_head(store, device, audit_head)
        store.writer.observe(hlc_max)
        store.conn.execute(
            "INSERT INTO applied (device_id, last_seq, last_hash, applied_at, clock_offset_ms) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET last_seq = excluded.last_seq, "
            "last_hash = excluded.last_hash, applied_at = excluded.applied_at, "
            "clock_offset_ms = coalesce(excluded.clock_offset_ms, applied.clock_offset_ms)",
            (device, seq, changeset.digest, utc_now_iso(), clock_offset(header, read_at)),
        )
        resolve_device_errors(store, device, seq)
        store.conn.execute(
            "INSERT INTO version_vector (device_id, hlc) VALUES (?, ?) "
            "ON CONFLICT (device_id) DO UPDATE SET hlc = max(hlc, excluded.hlc)", (device, hlc_max))
    return len(refused)
