"""The problems a sync met, kept in `sync_errors`: recorded where they happen, resolved when the same thing later
goes through (the missing file arrived, the roster is valid again, the own file reads back), so the status
shows what is wrong now while the table keeps what went wrong before.

Before resolving existed every error stayed counted for good, and a share that was offline for one sync left
its laptop marked in red for ever.
"""

from __future__ import annotations

from desktop.store import Store
from desktop.store.writer import utc_now_iso


def record_error(store: Store, device: str | None, seq: int | None, kind: str, detail: str) -> None:
    """Record a problem, once while it lasts: a file that waits or fails is met again at every sync, and the same
    problem recorded each time made one file read as a growing list of them."""
    with store.transaction():
        store.conn.execute(
            "INSERT INTO sync_errors (at, device_id, seq, kind, detail) SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS "
            "(SELECT 1 FROM sync_errors WHERE resolved_at IS NULL AND device_id IS ? AND seq IS ? AND kind = ? "
            "AND detail IS ?)", (utc_now_iso(), device, seq, kind, detail, device, seq, kind, detail))


def resolve_device_errors(store: Store, device: str, up_to_seq: int) -> None:
    """A file of `device` numbered `up_to_seq` went through: its earlier problems are over."""
    store.conn.execute("UPDATE sync_errors SET resolved_at = ? WHERE resolved_at IS NULL AND device_id = ? "
                       "AND seq <= ?", (utc_now_iso(), device, up_to_seq))


def resolve_errors_of_kind(store: Store, prefix: str) -> None:
    """The roster or a snapshot was accepted: the problems recorded about them (kinds `prefix…`) are over.
    Looked up first, so a sync with nothing to resolve (each one checks the roster) writes nothing."""
    pattern = prefix + "%"
    if store.conn.execute("SELECT 1 FROM sync_errors WHERE resolved_at IS NULL AND kind LIKE ? LIMIT 1",
                          (pattern,)).fetchone():
        with store.transaction():
            store.conn.execute("UPDATE sync_errors SET resolved_at = ? WHERE resolved_at IS NULL AND kind LIKE ?",
                               (utc_now_iso(), pattern))


def open_errors(store: Store) -> dict[str, int]:
    """Unresolved problems per device."""
    return dict(store.conn.execute(
        "SELECT device_id, COUNT(*) FROM sync_errors WHERE resolved_at IS NULL GROUP BY device_id").fetchall())
