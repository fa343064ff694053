"""The problems a sync met, kept in `sync_errors`: recorded where they happen, resolved when the same thing later
goes through (the missing file arrived, the roster is valid again, the own file reads back), so the status
shows what is wrong now while the table keeps what went wrong before.

Before resolving existed every error stayed counted for good, and a share that was offline for one sync left
its laptop marked in red for ever.
"""

from __future__ import annotations

from collections.abc import Collection

from desktop.failures import cause_of
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


STRAY_FOLDER = "stray_folder"  # a folder under devices/ that is no laptop's (its detail: the folder)
NOT_OF_A_FOLDER = ("roster_", "snapshot_")  # problems with a device id that are not about its folder


def note_device_folders(store: Store, present: Collection[str], stray: Collection[str]) -> None:
    """Tell each folder under devices/ that is no laptop's (`stray`) once, as a problem naming it, for as long as it
    is there; and end the problems about a folder that is no longer on the share (`present`: the laptops' folders):
    a copy deleted, a device folder removed. Before, those stayed listed for ever, as nothing of theirs could apply.
    Problems about the roster, a snapshot or this laptop's own files are not about a device folder."""
    for name in stray:
        record_error(store, None, None, STRAY_FOLDER, f"devices/{name}")
    folders = {f"devices/{name}" for name in stray}
    gone = [row_id for row_id, device, kind, detail in store.conn.execute(
        "SELECT id, device_id, kind, detail FROM sync_errors WHERE resolved_at IS NULL")
        if not kind.startswith(NOT_OF_A_FOLDER)
        and (detail not in folders if kind == STRAY_FOLDER
             else device is not None and device not in present and device != store.device_id)]
    if gone:
        with store.transaction():
            store.conn.executemany("UPDATE sync_errors SET resolved_at = ? WHERE id = ?",
                                   [(utc_now_iso(), row_id) for row_id in gone])


def failure_kind(error: BaseException) -> str:
    """What a file that could not be applied here is recorded as: "apply_failed" when its data is to blame,
    "here_<cause>" when this laptop's environment is (its disk full, read-only…; `desktop.failures`), so the
    problem says that cause in words instead of the exception's name and "unusual data"."""
    cause = cause_of(error)
    return "apply_failed" if cause is None else f"here_{cause.removeprefix('env.')}"


def open_errors(store: Store) -> dict[str, int]:
    """Unresolved problems per device."""
    return dict(store.conn.execute(
        "SELECT device_id, COUNT(*) FROM sync_errors WHERE resolved_at IS NULL GROUP BY device_id").fetchall())
