"""Publishing: this laptop's unpublished outbox entries become its next changeset on the share.

The outbox range a changeset carries is in its header, so a crash between writing the file and marking the
outbox is repaired on the next run: the file already on the share is recognised and the range marked — only
when it is the very file this database makes from those entries (`rollback.written_here`). An own file there
that this database did not write means the database was restored from an older copy: the file is taken back
(`desktop.sync.rollback`), never marked over edits that reuse its outbox numbers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from desktop.store import Store
from desktop.sync.audit_heads import sign_own_head
from desktop.sync.changeset import MAX_CHANGES, InvalidChangeset, decode, encode, file_name, read_header
from desktop.sync.errors import record_error, resolve_device_errors
from desktop.sync.folder import NOT_A_FILE, FolderShare
from desktop.sync.problems import refused
from desktop.sync.rollback import outbox_changes, take_back, written_here
from desktop.sync.station import SyncKeys

VERIFY_PER_SYNC = 3  # own files read back and hashed at each sync, in turn
VERIFY_CURSOR = "sync.verify_cursor"
# The header of the file this laptop is about to write, kept before the file reaches the share: if a crash then
# keeps the file from being recorded and its copy on the share is damaged for good, header included, the file is
# made again exactly as it was (another laptop may have applied it in between), never afresh.
INTENDED = "sync.intended_header"


def _last_published(store: Store) -> tuple[int, str]:
    seq = int(store.setting("sync.published_seq", "0") or 0)
    return seq, store.setting("sync.published_hash", "") or ""


def _mark(store: Store, seq: int, data: bytes, header: dict[str, Any]) -> None:
    """The file `seq` is on the share: its outbox entries are published, and the file is remembered (hash and
    header) so it can be checked and written again (`heal_own_files`)."""
    digest = hashlib.sha256(data).hexdigest()
    with store.transaction():
        store.conn.execute("UPDATE outbox SET published_seq = ? WHERE seq BETWEEN ? AND ?",
                           (seq, header["outbox_from"], header["outbox_to"]))
        store.conn.execute("INSERT OR REPLACE INTO published_files (seq, sha256, header) VALUES (?, ?, ?)",
                           (seq, digest, json.dumps(header, sort_keys=True, ensure_ascii=False)))
        store.set_setting("sync.published_seq", str(seq))
        store.set_setting("sync.published_hash", digest)
        resolve_device_errors(store, store.device_id, seq)


def _is_next(store: Store, header: dict[str, Any], seq: int, prev_hash: str) -> bool:
    """Is this the file this laptop wrote as number `seq`: its own device, that number, chained to the file before
    it, carrying the outbox entries after those already published?"""
    published_to = store.conn.execute("SELECT MAX(seq) FROM outbox WHERE published_seq IS NOT NULL").fetchone()[0]
    return (header.get("device") == store.device_id and header.get("seq") == seq
            and header.get("prev_hash") == prev_hash
            and isinstance(header.get("outbox_from"), int) and header["outbox_from"] > (published_to or 0))


def version_vector(store: Store) -> dict[str, int]:
    """Highest HLC applied from each device (this one included): what this laptop had seen."""
    vector = dict(store.conn.execute("SELECT device_id, hlc FROM version_vector").fetchall())
    vector[store.device_id] = store.writer.latest()
    return vector


def _forget_compacted(store: Store, recorded: dict[int, tuple[str, str]], floor: int) -> dict[int, tuple[str, str]]:
    """Forget the own files a compaction removed (up to `floor`)."""
    if recorded and min(recorded) <= floor:
        store.conn.execute("DELETE FROM published_files WHERE seq <= ?", (floor,))
        return {seq: entry for seq, entry in recorded.items() if seq > floor}
    return recorded


def heal_own_files(store: Store, share: FolderShare, keys: SyncKeys, floor: int = 0,
                   floor_now: Callable[[], int] | None = None) -> int:
    """Write again this laptop's own files that are missing from the share, or damaged: every file's presence is
    checked at each sync, and the contents of a few (`VERIFY_PER_SYNC`, in turn, so all are read over time).

    A file is rebuilt from its remembered header and its outbox entries; the encoding gives the same bytes for the
    same inputs, so the rebuilt file is the original (checked against its recorded hash) and the next file's
    chain still holds. A file whose entries have changed since (purged under retention) cannot be rebuilt: that is
    recorded for the admin. Files up to `floor` were removed by a compaction (the signed roster says so): they
    are forgotten, never written again; when files are missing, `floor_now()` reads the roster again first, in case
    a compaction removed them since this sync read it. Returns the number of files written again."""
    device = store.device_id
    recorded = {seq: (digest, header) for seq, digest, header in store.conn.execute(
        "SELECT seq, sha256, header FROM published_files ORDER BY seq")}
    recorded = _forget_compacted(store, recorded, floor)
    if not recorded:
        return 0
    present = set(share.seqs(device))
    suspects = {seq for seq in recorded if seq not in present}
    if suspects and floor_now is not None:
        recorded = _forget_compacted(store, recorded, max(floor, floor_now()))
        suspects &= set(recorded)
        if not recorded:
            return 0
    order = sorted(recorded)
    cursor = int(store.setting(VERIFY_CURSOR, "0") or 0)
    window = ([seq for seq in order if seq > cursor] + order)[:VERIFY_PER_SYNC]
    for seq in window:
        if seq in present and _damaged(share, device, seq, recorded[seq][0]):
            suspects.add(seq)
    store.set_setting(VERIFY_CURSOR, str(window[-1]))
    repaired = 0
    for seq in sorted(suspects):
        digest, header_text = recorded[seq]
        header = json.loads(header_text)
        data = encode(header, outbox_changes(store, header["outbox_from"], header["outbox_to"]),
                      keys.data_key(header["epoch"]), keys.signing_key)
        if hashlib.sha256(data).hexdigest() != digest:
            record_error(store, device, seq, "own_unrepairable", file_name(seq))
            continue
        if share.exists(device, seq):
            share.set_aside(device, seq)
        share.publish(device, seq, data)
        repaired += 1
    return repaired


def _damaged(share: FolderShare, device: str, seq: int, digest: str) -> bool:
    try:
        return hashlib.sha256(share.read(device, seq)).hexdigest() != digest
    except InvalidChangeset:  # replaced by a file too big to be one of ours
        return True


def _intended(store: Store, keys: SyncKeys, seq: int, prev_hash: str) -> tuple[bytes, dict[str, Any]] | None:
    """File `seq` as this laptop meant to write it before a crash (`INTENDED`), when that is the file chained
    next; the same inputs give the same bytes, so it is the very file another laptop may have applied."""
    text = store.setting(INTENDED)
    if not text:
        return None
    header = json.loads(text)
    if header.get("seq") != seq or header.get("prev_hash") != prev_hash:
        return None
    changes = outbox_changes(store, header["outbox_from"], header["outbox_to"])
    return encode(header, changes, keys.data_key(header["epoch"]), keys.signing_key), header


def _rebuilt(store: Store, keys: SyncKeys, damaged: bytes, seq: int,
             prev_hash: str) -> tuple[bytes, dict[str, Any]] | None:
    """This laptop's file `seq`, written before a crash that kept it from being recorded and damaged since on the
    share, made again from its header (when that is still readable) and its outbox entries: the same inputs give
    the same bytes, so the result is the original when it differs from the damaged copy only where a few bytes
    were altered or the copy was cut short. None when it cannot be told to be the original (the damage hit the
    header): the number is then written afresh, as if the file had never been written."""
    try:
        header = read_header(damaged)[0]
    except InvalidChangeset:
        return None
    if not (_is_next(store, header, seq, prev_hash) and isinstance(header.get("outbox_to"), int)
            and isinstance(header.get("epoch"), int)):
        return None
    try:
        data = encode(header, outbox_changes(store, header["outbox_from"], header["outbox_to"]),
                      keys.data_key(header["epoch"]), keys.signing_key)
    except (InvalidChangeset, TypeError, ValueError):
        return None
    altered = sum(a != b for a, b in zip(data, damaged, strict=False))
    if data.startswith(damaged) or (len(data) == len(damaged) and altered <= 8):
        return data, header
    return None


def publish(store: Store, share: FolderShare, keys: SyncKeys, station: str, epoch: int, floor: int = 0,
            floor_now: Callable[[], int] | None = None) -> int:
    """Publish what is pending, after writing again any own file missing or damaged on the share (above `floor`,
    the number up to which a compaction removed this laptop's files; see `heal_own_files` for `floor_now`);
    returns the number of changesets written."""
    device = store.device_id
    share.clean_temporaries(device)
    written = heal_own_files(store, share, keys, floor, floor_now)
    while True:
        seq, prev_hash = _last_published(store)
        if share.exists(device, seq + 1):  # already there: a crash after the rename, or a restored database
            try:
                raw = share.read(device, seq + 1)
            except InvalidChangeset as error:  # far too big to be the file this laptop wrote, or no file: told
                if error.reason == NOT_A_FILE:  # an empty folder goes; anything else is told at each sync
                    share.clear_own_name(device, seq + 1)
                    continue
                record_error(store, device, seq + 1, f"own_{error.reason}", file_name(seq + 1))
                raise refused("sync.own_file_unreadable", error.reason, file=file_name(seq + 1)) from None
            try:
                found = decode(raw, keys.signing_key.public_key(), keys.data_key(read_header(raw)[0].get("epoch", 0)))
            except InvalidChangeset as error:
                if share.read(device, seq + 1) == raw:  # the same bytes twice: damaged on the share for good
                    rebuilt = _intended(store, keys, seq + 1, prev_hash) or _rebuilt(store, keys, raw, seq + 1,
                                                                                     prev_hash)
                    share.set_aside(device, seq + 1)
                    if rebuilt is not None:
                        share.publish(device, seq + 1, rebuilt[0])
                        _mark(store, seq + 1, rebuilt[0], rebuilt[1])
                    continue  # else this number is written afresh below
                # Read back damaged (a flaky network read, as the simulation found: it used to stop with a
                # KeyError): nothing is marked, the error is recorded and shown, and the next sync reads it again.
                record_error(store, device, seq + 1, f"own_{error.reason}", file_name(seq + 1))
                raise refused("sync.own_file_unreadable", error.reason, file=file_name(seq + 1)) from None
            if not _is_next(store, found.header, seq + 1, prev_hash):
                # One of this laptop's files copied under the next number: signed by this laptop, but not the file
                # it wrote there. Adopting it broke the chain for every other laptop for good; it is set aside.
                share.set_aside(device, seq + 1)
                continue
            if written_here(store, keys, raw, found.header):
                _mark(store, seq + 1, raw, found.header)  # a crash after the rename
                continue
            try:
                with store.transaction():  # written before this database was restored from an older copy
                    take_back(store, keys, found)
                    _mark(store, seq + 1, raw, found.header)
            except InvalidChangeset as error:
                record_error(store, device, seq + 1, f"own_{error.reason}", file_name(seq + 1))
                raise refused("sync.own_file_unreadable", error.reason, file=file_name(seq + 1)) from None
            continue
        rows = store.conn.execute(
            "SELECT seq, tbl, row_id, op, hlc, fields FROM outbox WHERE published_seq IS NULL ORDER BY seq LIMIT ?",
            (MAX_CHANGES,),
        ).fetchall()
        if not rows:
            return written
        changes = [[tbl, row_id, op, hlc, json.loads(fields)] for _, tbl, row_id, op, hlc, fields in rows]
        header = {
            "station": station, "device": device, "seq": seq + 1, "epoch": epoch, "prev_hash": prev_hash,
            "hlc_min": min(c[3] for c in changes), "hlc_max": max(c[3] for c in changes),
            "vv": version_vector(store), "outbox_from": rows[0][0], "outbox_to": rows[-1][0], "count": len(rows),
            "published_ms": store.writer.clock.now_ms(),
        }
        audit_head = sign_own_head(store, keys.signing_key)
        if audit_head is not None:
            header["audit_head"] = audit_head
        data = encode(header, changes, keys.data_key(epoch), keys.signing_key)
        store.set_setting(INTENDED, json.dumps(header, sort_keys=True, ensure_ascii=False))
        share.publish(device, seq + 1, data)
        _mark(store, seq + 1, data, header)
        written += 1
