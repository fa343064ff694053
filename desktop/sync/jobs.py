"""Sync as the app calls it: Sync now, each laptop's status, and a decision in the conflicts inbox.

Keys come from the OS keyring (the app's default); a caller may pass another SecretStore, such as the
passphrase key file a station PC without a keyring uses.

The app looks this module up while its window opens, so the crypto, keyring and SMB modules are imported
inside the functions that use them (together they cost about a tenth of a second at start).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.errors import WardbookError
from desktop.security.session import authorize
from desktop.store import Store
from desktop.store.writer import utc_now_iso

if TYPE_CHECKING:
    from desktop.security.secrets import SecretStore
    from desktop.sync.apply import ApplyReport

LAST_SYNC = "sync.last_at"
SHARE = "sync.share"


def sync_now(store: Store, share: str, *, progress: Callable[[int, int, str], None] | None = None,
             cancelled: Callable[[], bool] | None = None, secrets: SecretStore | None = None) -> ApplyReport:
    from desktop.sync.engine import sync_once
    from desktop.sync.folder import FolderShare
    from desktop.sync.keystore import load_keys, save_data_keys
    from desktop.sync.setup import sync_key_store

    secrets = sync_key_store(store.device_id, secrets)
    keys = load_keys(secrets)
    try:
        _published, report = sync_once(store, FolderShare(share), keys, progress=progress, cancelled=cancelled)
    finally:
        save_data_keys(secrets, keys)  # keys unwrapped before a cancel are kept too
    store.set_setting(SHARE, share)
    store.set_setting(LAST_SYNC, utc_now_iso())
    return report


def device_status(store: Store) -> list[dict[str, object]]:
    """One row per laptop of the station, as far as this laptop knows; empty before the first sync."""
    share = store.setting(SHARE)
    if not share:
        return []
    from desktop.sync.folder import FolderShare
    from desktop.sync.status import device_status as share_status
    from desktop.sync.status import offset_minutes

    try:
        rows = share_status(store, FolderShare(share))
    except (WardbookError, OSError, ValueError):
        return []
    applied_at = dict(store.conn.execute("SELECT device_id, applied_at FROM applied").fetchall())
    return [{"device_id": r.device, "name": r.name, "last_seq": r.applied, "lag": r.lag,
             "clock_offset": offset_minutes(r.clock_offset_ms), "errors": r.errors,
             "last_sync": applied_at.get(r.device)} for r in rows]


def resolve_conflict(store: Store, conflict_id: int, keep: str) -> None:
    """`keep` is "kept" (the current value stays) or "lost" (the other laptop's value becomes current)."""
    authorize(store, "register.edit")
    from desktop.sync.conflicts import resolve

    resolve(store, conflict_id, use_other=keep == "lost")
