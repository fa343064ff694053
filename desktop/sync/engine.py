"""One sync round: publish this laptop's changes, then apply everyone else's."""

from __future__ import annotations

from desktop.security.session import authorize
from desktop.store import Store
from desktop.sync.apply import ApplyReport, apply_all
from desktop.sync.folder import FolderShare
from desktop.sync.publish import publish
from desktop.sync.station import SyncKeys, unwrap_all, verified_roster


def sync_once(store: Store, share: FolderShare, keys: SyncKeys) -> tuple[int, ApplyReport]:
    """Returns (changesets published, what was applied). A roster that is not the admin's, or older than one
    this laptop has seen, stops the round before anything is published or applied (WardbookError)."""
    authorize(store, "sync.run")
    roster = verified_roster(store, share)
    unwrap_all(roster, store.device_id, keys)
    published = publish(store, share, keys, roster["station"], int(roster["epoch"]))
    return published, apply_all(store, share, keys, roster)
