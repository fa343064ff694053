"""One sync round: publish this laptop's changes, then apply everyone else's."""

from __future__ import annotations

from collections.abc import Callable

from desktop.errors import WardbookError
from desktop.progress import Progress
from desktop.security.permissions import INACTIVE
from desktop.security.session import authorize
from desktop.store import Store
from desktop.store.in_use import hold_sync
from desktop.sync import share_clock
from desktop.sync.apply import ApplyReport, apply_all
from desktop.sync.compaction import acknowledge
from desktop.sync.errors import note_device_folders
from desktop.sync.folder import FolderShare
from desktop.sync.grants import own_role, refresh_grants
from desktop.sync.own_refused import note_own_refusals
from desktop.sync.publish import publish
from desktop.sync.rebase import behind_base, catch_up, floors
from desktop.sync.rollback import take_back_report
from desktop.sync.station import SyncKeys, save_roster, unwrap_all, verified_roster, withhold_keys


def sync_once(store: Store, share: FolderShare, keys: SyncKeys, *, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> tuple[int, ApplyReport]:
    """Returns (changesets published, what was applied). A roster that is not the admin's, or older than one
    this laptop has seen, stops the round before anything is published or applied (WardbookError).
    `progress` and `cancelled` follow the apply, file by file (`apply_all`); publishing is one quick step.

    A laptop left behind a compaction (`desktop.sync.rebase`) catches up from the base snapshot once its own
    changes are published. A laptop whose database was restored from an older copy takes its own newer files back
    from the share while publishing (`desktop.sync.rollback`), and the report says so (`restored`). The round
    ends by acknowledging what this laptop has applied (only when that moved), which is what lets the admin's
    compaction remove files.

    One round at a time per laptop (`hold_sync`): a second sync started meanwhile (the app's Sync now beside a
    scheduled `wardbook sync`) is told that one is running, instead of racing the first for the names of the
    files it publishes, or removing its temporary files as a crash's leftovers."""
    authorize(store, "sync.run")
    with hold_sync(store.path):
        return _round(store, share, keys, progress, cancelled)


def _round(store: Store, share: FolderShare, keys: SyncKeys, progress: Progress | None,
           cancelled: Callable[[], bool] | None) -> tuple[int, ApplyReport]:
    """`sync_once`'s work, with this laptop's sync held."""
    roster = verified_roster(store, share, keys)  # the admin's laptop puts back a damaged one
    share.check_layout()
    share_clock.measure(store, share)  # told by the app and the command (`clock_off_message`)
    if roster.get("admin_key") == keys.public_hex():
        unwrap_all(roster, store.device_id, keys)
        # an account's role or `active` changed here: its laptops' grants, and their data keys, follow
        if refresh_grants(store, roster) | withhold_keys(roster, keys):
            save_roster(share, roster, keys)
            roster = verified_roster(store, share, keys)
    elif own_role(store, roster) == INACTIVE:
        raise WardbookError("sync.account_disabled")
    unwrap_all(roster, store.device_id, keys)
    published = publish(store, share, keys, roster["station"], int(roster["epoch"]),
                        floors(roster).get(store.device_id, 0),
                        lambda: floors(verified_roster(store, share, keys)).get(store.device_id, 0))
    # Judged as published, before other laptops' files change the records here (a visit given to another officer
    # after this laptop's edit of it was no refusal of that edit).
    own_refused = note_own_refusals(store, roster)
    base = catch_up(store, share, keys, roster)["id"] if behind_base(store, roster) else None
    note_device_folders(store, *share.device_folders())
    report = apply_all(store, share, keys, roster, progress=progress, cancelled=cancelled)
    report.caught_up_from = base
    report.own_refused = own_refused
    report.restored = take_back_report(store)
    acknowledge(store, share, keys)
    return published, report
