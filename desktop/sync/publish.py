"""Publishing: this laptop's unpublished outbox entries become its next changeset on the share.

The outbox range a changeset carries is in its header, so a crash between writing the file and marking the
outbox is repaired on the next run: the file already on the share is recognised and the range marked.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from desktop.store import Store
from desktop.sync.audit_heads import sign_own_head
from desktop.sync.changeset import InvalidChangeset, decode, encode, file_name, read_header
from desktop.sync.errors import record_error, resolve_device_errors
from desktop.sync.folder import FolderShare
from desktop.sync.problems import refused
from desktop.sync.station import SyncKeys

MAX_CHANGES = 20_000


def _last_published(store: Store) -> tuple[int, str]:
    seq = int(store.setting("sync.published_seq", "0") or 0)
    return seq, store.setting("sync.published_hash", "") or ""


def _mark(store: Store, seq: int, digest: str, outbox_from: int, outbox_to: int) -> None:
    with store.transaction():
        store.conn.execute("UPDATE outbox SET published_seq = ? WHERE seq BETWEEN ? AND ?",
                           (seq, outbox_from, outbox_to))
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
    vector[store.device_id] = store.writer.clock.last
    return vector


def publish(store: Store, share: FolderShare, keys: SyncKeys, station: str, epoch: int) -> int:
    """Publish what is pending; returns the number of changesets written."""
    device = store.device_id
    share.clean_temporaries(device)
    written = 0
    while True:
        seq, prev_hash = _last_published(store)
        if share.exists(device, seq + 1):  # a crash after the rename: adopt the file already there
            raw = share.read(device, seq + 1)
            try:
                found = decode(raw, keys.signing_key.public_key(), keys.data_key(read_header(raw)[0].get("epoch", 0)))
            except InvalidChangeset as error:
                # Read back damaged (a flaky network read, as the simulation found: it used to stop with a
                # KeyError): nothing is marked, the error is recorded and shown, and the next sync reads it again.
                record_error(store, device, seq + 1, f"own_{error.reason}", file_name(seq + 1))
                raise refused("sync.own_file_unreadable", error.reason, file=file_name(seq + 1)) from None
            if not _is_next(store, found.header, seq + 1, prev_hash):
                # One of this laptop's files copied under the next number: signed by this laptop, but not the file
                # it wrote there. Adopting it broke the chain for every other laptop for good; it is set aside.
                share.set_aside(device, seq + 1)
                continue
            _mark(store, seq + 1, found.digest, found.header["outbox_from"], found.header["outbox_to"])
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
        share.publish(device, seq + 1, data)
        _mark(store, seq + 1, hashlib.sha256(data).hexdigest(), rows[0][0], rows[-1][0])
        written += 1
