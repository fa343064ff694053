"""The audit log: who viewed, exported, printed, changed or deleted what — append-only and hash-chained.

Each laptop keeps its own chain: entry `seq` of a device stores the hash of the device's previous entry and its
own hash over (device, seq, at, user, action, target, previous hash). Editing, deleting or reordering an entry
breaks the chain, which `verify` reports. Entries are written through the single write path, so they sync to
the station with everything else and the station can verify every laptop's chain.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from desktop.security.roles import Actor
from desktop.store import Store
from desktop.store.writer import utc_now_iso

GENESIS = "0" * 64
ACTIONS = ("view", "export", "print", "change", "delete", "login", "import", "purge")


def _digest(device_id: str, seq: int, at: str, user_id: str | None, action: str, target: str | None,
            prev_hash: str) -> str:
    payload = json.dumps([device_id, seq, at, user_id, action, target, prev_hash], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record(store: Store, actor: Actor | None, action: str, target: str | None = None) -> str:
    """Append one entry to this laptop's chain (in the caller's transaction, if any)."""
    if action not in ACTIONS:
        raise ValueError(action)
    with store.transaction():
        last = store.conn.execute(
            "SELECT seq, hash FROM audit_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1", (store.device_id,)
        ).fetchone()
        seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
        at = utc_now_iso()
        user_id = actor.user_id if actor else None
        entry = {"device_id": store.device_id, "seq": seq, "at": at, "user_id": user_id, "action": action,
                 "target": target, "prev_hash": prev_hash,
                 "hash": _digest(store.device_id, seq, at, user_id, action, target, prev_hash)}
        return store.writer.insert("audit_log", entry)


@dataclass(frozen=True)
class ChainBreak:
    device_id: str
    seq: int
    reason: str  # "edited", "missing", "reordered"


def verify(store: Store) -> list[ChainBreak]:
    """Every break in every device's chain; an empty list means the log is intact."""
    breaks: list[ChainBreak] = []
    devices = [row[0] for row in store.conn.execute("SELECT DISTINCT device_id FROM audit_log")]
    for device_id in devices:
        expected_prev, expected_seq = GENESIS, 1
        for seq, at, user_id, action, target, prev_hash, stored, deleted in store.conn.execute(
            "SELECT seq, at, user_id, action, target, prev_hash, hash, deleted_hlc FROM audit_log "
            "WHERE device_id = ? ORDER BY seq", (device_id,)
        ):
            if deleted is not None:
                breaks.append(ChainBreak(device_id, seq, "deleted"))
            if seq != expected_seq:
                breaks.append(ChainBreak(device_id, expected_seq, "missing"))
            if prev_hash != expected_prev:
                breaks.append(ChainBreak(device_id, seq, "reordered"))
            if _digest(device_id, seq, at, user_id, action, target, prev_hash) != stored:
                breaks.append(ChainBreak(device_id, seq, "edited"))
            expected_prev, expected_seq = stored, seq + 1
    return breaks
