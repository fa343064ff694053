"""The audit log: append-only, hash-chained entries of who viewed, exported, printed, changed or deleted what.

Entries are rows of the synced table `audit_log`, written only through the single write path (which refuses
to update or delete them), so they travel to the station like every other record. Each device keeps its own
chain (`seq` 1, 2, 3… and `prev_hash`), because laptops write offline at the same time; `verify` recomputes
every chain and reports an entry that was edited, removed, duplicated or moved. The head of this device's
chain is also kept in the local table `audit_head`, which catches the removal of the newest entries.

Every local change made through the write path is logged by a hook on the writer (`install`), with the ids
and the names of the fields changed — never their values: the log must not become a copy of personal data.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.security.permissions import Actor
from desktop.security.session import attached_actor, authorize
from desktop.store import RowWrite, new_id
from desktop.store.queries import fetch_dicts
from desktop.store.writer import utc_now_iso
from desktop.text import clean

if TYPE_CHECKING:
    from desktop.store import Store

GENESIS = "0" * 64
ACTIONS = ("view", "export", "print", "create", "change", "delete", "purge", "import", "login", "login_failed",
           "logout", "backup", "restore", "encrypt")
CHAINED_FIELDS = ("device_id", "seq", "at", "user_id", "username", "action", "target", "target_table", "target_id",
                  "detail", "prev_hash")
MAX_IDS = 500
_OP_ACTION = {"insert": "create", "update": "change", "delete": "delete"}


def entry_hash(entry: dict[str, object]) -> str:
    """SHA-256 over the chained fields in a fixed order (values as stored: NFC text, NULL as null)."""
    values = [entry.get(name) for name in CHAINED_FIELDS]
    canonical = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def legacy_hash(entry: dict[str, object]) -> str:
    """The hash of an entry written by schema v3 (free-text `target`, no user name or detail); such entries
    stay verifiable after the upgrade, and only entries with none of the newer fields may use it."""
    values = [entry.get(name) for name in ("device_id", "seq", "at", "user_id", "action", "target", "prev_hash")]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()


def _hash_matches(entry: dict[str, object]) -> bool:
    if entry_hash(entry) == entry["hash"]:
        return True
    is_legacy = all(entry.get(name) is None for name in ("username", "target_table", "target_id", "detail"))
    return is_legacy and legacy_hash(entry) == entry["hash"]


def record(store: Store, action: str, target_table: str | None = None, target_id: str | None = None,
           detail: dict[str, object] | None = None, actor: Actor | None = None) -> str:
    """Append one entry to this device's chain, in the caller's transaction if there is one."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    who = actor or attached_actor(store)
    device = store.device_id
    with store.transaction():
        head = store.conn.execute(
            "SELECT seq, hash FROM audit_head WHERE device_id = ?", (device,)
        ).fetchone()
        seq, prev_hash = (head[0] + 1, head[1]) if head else (1, GENESIS)
        entry: dict[str, object] = {
            "device_id": device,
            "seq": seq,
            "at": utc_now_iso(),
            "user_id": who.user_id if who else None,
            "username": (who.username or None) if who else None,
            "action": action,
            "target_table": target_table,
            "target_id": target_id,
            "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            if detail else None,
            "prev_hash": prev_hash,
        }
        entry = {name: (clean(value) or None) if isinstance(value, str) else value
                 for name, value in entry.items()}
        entry["hash"] = entry_hash(entry)
        entry_id = new_id()
        store.writer.write([RowWrite("audit_log", entry_id, "insert", entry)])
        move_head(store, seq, str(entry["hash"]))
    return entry_id


def move_head(store: Store, seq: int, head_hash: str) -> None:
    """Record this device's newest entry as the head of its chain (the next entry follows it, and `verify` catches
    the removal of entries after it)."""
    store.conn.execute(
        "INSERT INTO audit_head (device_id, seq, hash) VALUES (?, ?, ?) "
        "ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        (store.device_id, seq, head_hash),
    )


class ChangeLogger:
    """The writer hook: one entry per (table, operation) of a write, naming the rows and changed fields."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __call__(self, changes: list[RowWrite]) -> None:
        groups: dict[tuple[str, str], list[RowWrite]] = {}
        for change in changes:
            if change.table != "audit_log":
                groups.setdefault((change.table, change.op), []).append(change)
        for (table, op), rows in groups.items():
            fields = sorted({name for row in rows for name in row.fields}) if op == "update" else []
            detail: dict[str, object] = {"count": len(rows), "ids": [row.row_id for row in rows[:MAX_IDS]]}
            if fields:
                detail["fields"] = fields
            record(self.store, _OP_ACTION[op], table, rows[0].row_id if len(rows) == 1 else None, detail)


def install(store: Store) -> None:
    """Log every local change made through this store's write path (idempotent)."""
    if not any(isinstance(hook, ChangeLogger) for hook in store.writer.after_write):
        store.writer.after_write.append(ChangeLogger(store))


@dataclass(frozen=True)
class AuditProblem:
    device_id: str
    seq: int | None
    kind: str  # edited | missing | duplicate | broken_link | truncated | rewritten | bad_signature | unknown_device
    entry_id: str | None = None


def verify(store: Store) -> list[AuditProblem]:
    """Every chain recomputed; an empty list means no entry was edited, removed, duplicated or moved."""
    authorize(store, "audit.view")
    cursor = store.conn.execute(
        f"SELECT id, hash, target, {', '.join(CHAINED_FIELDS)} FROM audit_log ORDER BY device_id, seq, at, id"
    )
    columns = [d[0] for d in cursor.description]
    chains: dict[str, list[dict[str, object]]] = {}
    for row in cursor:
        entry = dict(zip(columns, row, strict=True))
        chains.setdefault(str(entry["device_id"]), []).append(entry)
    problems: list[AuditProblem] = []
    for device, entries in chains.items():
        problems.extend(_verify_chain(device, entries))
    for device, seq, head_hash in store.conn.execute("SELECT device_id, seq, hash FROM audit_head"):
        entries = chains.get(device, [])
        last = entries[-1] if entries else None
        if last is None or last["seq"] != seq or last["hash"] != head_hash:
            problems.append(AuditProblem(device, seq, "truncated"))
    from desktop.sync.audit_heads import head_problems  # signed heads come with sync, which builds on this module
    from desktop.sync.station import accepted_roster

    hashes = {device: {entry["seq"]: str(entry["hash"]) for entry in entries if isinstance(entry["seq"], int)}
              for device, entries in chains.items()}
    problems.extend(AuditProblem(device, seq, kind)
                    for device, seq, kind in head_problems(store, accepted_roster(store), hashes))
    return problems


def _verify_chain(device: str, entries: list[dict[str, object]]) -> list[AuditProblem]:
    problems: list[AuditProblem] = []
    expected_seq, prev_hash = 1, GENESIS
    for entry in entries:
        seq = entry["seq"]
        entry_id = str(entry["id"])
        if not _hash_matches(entry):
            problems.append(AuditProblem(device, seq, "edited", entry_id))  # type: ignore[arg-type]
        if not isinstance(seq, int) or seq < expected_seq:
            problems.append(AuditProblem(device, seq, "duplicate", entry_id))  # type: ignore[arg-type]
        elif seq > expected_seq:
            problems.append(AuditProblem(device, expected_seq, "missing"))
        if entry["prev_hash"] != prev_hash:
            problems.append(AuditProblem(device, seq, "broken_link", entry_id))  # type: ignore[arg-type]
        expected_seq = (seq if isinstance(seq, int) else expected_seq) + 1
        prev_hash = str(entry["hash"])
    return problems


def list_entries(store: Store, *, target_table: str | None = None, target_id: str | None = None,
                 limit: int = 100) -> list[dict[str, object]]:
    """Newest entries first, for the audit viewer of team leads and admins."""
    authorize(store, "audit.view")
    where, params = ["1"], []
    if target_table:
        where.append("target_table = ?")
        params.append(target_table)
    if target_id:
        where.append("target_id = ?")
        params.append(target_id)
    return fetch_dicts(
        store,
        "SELECT at, username, action, COALESCE(target_table, target) AS target_table, target_id, detail, "
        "device_id, seq FROM audit_log "
        f"WHERE {' AND '.join(where)} ORDER BY at DESC, seq DESC LIMIT ?", (*params, limit),
    )
