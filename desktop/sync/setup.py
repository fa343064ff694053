"""Setting a station's sync up, as both the CLI (`wardbook share …`, `enroll`, `sync bootstrap`) and the app's
Sync page do it: which key store holds this laptop's sync keys, creating the station share, asking to join,
approving a laptop for an account, revoking one, writing a snapshot and starting a new laptop from it, and
where this laptop stands with a folder.

Each step loads the keys, does its work through `desktop.sync.station` / `desktop.sync.snapshot`, and saves the
data keys it learned, so that a caller only chooses the folder and the key store.
"""

from __future__ import annotations

import os
import sqlite3
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from desktop import i18n
from desktop.errors import WardbookError
from desktop.failures import environment_error
from desktop.security.secrets import KeyringSecrets, SecretStore
from desktop.security.session import authorize
from desktop.store import Store
from desktop.store.in_use import Hold, hold_sync
from desktop.store.place import check_outside
from desktop.sync.folder import FolderShare
from desktop.sync.grants import Grant, effective_grants, grant_of_user, is_revoked
from desktop.sync.keystore import load_keys, save_data_keys
from desktop.sync.station import (
    SyncKeys,
    approve_device,
    approved_already,
    bind_device,
    init_share,
    pending_requests,
    request_enrollment,
    revoke_device,
    verified_roster,
)

SHARE = "sync.share"


def sync_key_store(device_id: str, key_file: SecretStore | None = None) -> SecretStore:
    """Where this laptop's sync keys live: the passphrase key file that also holds the database key when the
    laptop uses one (a station PC with no keyring), else the OS keyring under the device's own namespace."""
    return key_file if key_file is not None else KeyringSecrets(device_id)


def remembered(location: str) -> str:
    """The share as it is remembered in settings: absolute for a path; an smb:// URL without its password."""
    if location.lower().startswith("smb://"):
        parsed = urlparse(location)
        host = f"{parsed.username}@{parsed.hostname}" if parsed.username else str(parsed.hostname)
        return parsed._replace(netloc=f"{host}:{parsed.port}" if parsed.port else host).geturl()
    return str(Path(location).resolve())


def _outside(store: Store, location: str) -> None:
    """Refuse a folder (not an smb:// address) that holds this laptop's own database (`desktop.store.place`)."""
    if not location.lower().startswith("smb://"):
        check_outside(store.path, Path(location))


def create_share(store: Store, location: str, secrets: SecretStore) -> str:
    """Make `location` this station's sync folder, with this laptop as its admin laptop acting for the
    logged-in admin (none in setup mode); returns the station id."""
    actor = authorize(store, "enrollment")
    _outside(store, location)
    keys = load_keys(secrets)
    grant = grant_of_user(store, actor.username) if actor.user_id else None  # setup mode: no account yet
    station = init_share(FolderShare(location), store.device_id, keys, store, grant)
    save_data_keys(secrets, keys)
    store.set_setting(SHARE, remembered(location))
    return station


def ask_to_join(store: Store, location: str, secrets: SecretStore, name: str) -> None:
    """Leave this laptop's request to join at the station folder; the admin approves it there."""
    authorize(store, "enrollment")
    _outside(store, location)
    keys = load_keys(secrets)
    request_enrollment(FolderShare(location), store.device_id, keys, name, store)
    store.set_setting(SHARE, remembered(location))


def approve(store: Store, location: str, device: str, username: str | None, secrets: SecretStore) -> Grant:
    """Admit a laptop that asked to join, bound to the account `username` (none: an officer with no account)."""
    authorize(store, "enrollment")
    keys = load_keys(secrets)
    grant = grant_of_user(store, username)
    share = FolderShare(location)
    verified_roster(store, share, keys)  # a damaged roster: put back from this admin laptop's copy first
    approved = approve_device(share, device, keys, grant, store)
    _share_pending(store, share, keys)
    return approved


def _share_pending(store: Store, share: FolderShare, keys: SyncKeys) -> None:
    """Sync this laptop once more, so what it has not published yet — the account a laptop was just bound to,
    typically made since — is on the share for that laptop's first sync (without it, the officer's laptop had
    no account to log in with, and only the admin's password on it went on). The approval stands whatever this
    sync meets: the next one tells it."""
    from desktop.sync.engine import sync_once

    with suppress(WardbookError):
        sync_once(store, share, keys)


def bind(store: Store, location: str, device: str, username: str, secrets: SecretStore) -> Grant:
    """Bind an enrolled laptop to the account `username` from its next file on."""
    authorize(store, "enrollment")
    keys = load_keys(secrets)
    grant = grant_of_user(store, username)
    share = FolderShare(location)
    verified_roster(store, share, keys)  # a damaged roster: put back from this admin laptop's copy first
    bind_device(share, device, keys, grant, store)
    _share_pending(store, share, keys)
    return grant


# How long a revocation waits for a sync already running on this laptop (the app's scheduled one, a `wardbook
# sync` beside it) before it is refused: such a round is usually over in seconds. See `revoke`.
REVOKE_WAIT_SECONDS = 30.0
_POLL_SECONDS = 0.2


class Unsent(WardbookError):
    """A revocation done, but the sync before it did not go through: what the admin's laptop had not sent stays on
    it (sent at its next sync), and whatever the lost laptop sent that this laptop had not applied is cut off."""

    def __init__(self, device: str, cause: WardbookError) -> None:
        super().__init__("sync.revoke_unsent", device=device[:8])
        self.cause = cause

    def message(self, lang: str | None = None) -> str:
        return i18n.tr(self.msg_id, lang, device=self.params["device"], cause=self.cause.message(lang))


@dataclass(frozen=True)
class Revocation:
    """A revocation done: the new key epoch (whose key this laptop keeps), and why the sync before it did not go
    through (None when it did), to be told to the admin."""

    epoch: int
    unsent: Unsent | None = None


def _told(error: OSError | sqlite3.Error, share: FolderShare, store: Store) -> WardbookError:
    """An environment error in words, naming the file on the share (a full share, a network folder gone) or this
    laptop's register (its own disk full); anything else is a bug and goes on as it is."""
    named = (getattr(error, "filename", None) or share.description) if isinstance(error, OSError) else store.path
    told = environment_error(error, named)
    if told is None:
        raise error
    return told


def _sync_running(error: WardbookError, deadline: float) -> bool:
    """Whether `error` is a sync running on this laptop that is worth waiting for still (a short sleep taken)."""
    if error.msg_id != "store.sync_running":
        return False
    if time.monotonic() >= deadline:
        raise WardbookError("sync.revoke_sync_running") from error
    time.sleep(_POLL_SECONDS)
    return True


def _apply_before_revoking(store: Store, share: FolderShare, keys: SyncKeys, deadline: float) -> WardbookError | None:
    """Sync this laptop first: a revocation keeps the files of the lost laptop that the admin's laptop has applied
    (`station.revocation_cut`), so what it sent before it was lost (often that very morning) stays the ward's.
    Returns why that sync did not go through (None when it did): a failing sync, or the share's environment (a
    full share, a network gone), does not stop the revocation, since a stolen laptop must be shut out whatever
    the share is like. A sync already running is waited for instead (`_sync_running`): it may be applying the
    lost laptop's last file right then."""
    from desktop.sync.engine import sync_once

    while True:
        try:
            sync_once(store, share, keys)
            return None
        except WardbookError as error:
            if not _sync_running(error, deadline):
                return error
        except (OSError, sqlite3.Error) as error:
            return _told(error, share, store)


def _hold_sync(store: Store, deadline: float) -> Hold:
    """This laptop's sync, held for the revocation itself: a round started after the one above would apply the
    lost laptop's files beyond the cut the revocation takes from the cursor."""
    while True:
        try:
            return hold_sync(store.path)
        except WardbookError as error:
            if not _sync_running(error, deadline):
                raise


def revoke(store: Store, location: str, device: str, secrets: SecretStore) -> Revocation:
    """Revoke a lost laptop (`station.revoke_device`), cut where this laptop's sync has brought it.

    A sync already running on this laptop (the app's scheduled one) is waited for, up to `REVOKE_WAIT_SECONDS`,
    then the revocation is refused ("a sync is running; try again in a moment"); never taken meanwhile: its cut
    was this laptop's cursor from before that sync, and the lost laptop's last file — applied by other laptops
    already — was then refused here for good, while those laptops were told they had applied files written after
    the revocation. Waiting rather than refusing at once, because such a round is usually over in seconds and the
    admin has a stolen laptop to shut out; the step runs in the background (Sync page, CLI), so nothing waits on
    the window. A share that cannot take the new roster is told in words (`desktop.failures`)."""
    authorize(store, "enrollment")
    keys = load_keys(secrets)
    share = FolderShare(location)
    deadline = time.monotonic() + REVOKE_WAIT_SECONDS
    try:
        verified_roster(store, share, keys)  # a damaged roster: put back from this admin laptop's copy first
        failed = _apply_before_revoking(store, share, keys, deadline)
        with _hold_sync(store, deadline):
            epoch = revoke_device(share, device, keys, store)
    except (OSError, sqlite3.Error) as error:
        raise _told(error, share, store) from error
    save_data_keys(secrets, keys)
    return Revocation(epoch, None if failed is None else Unsent(device, failed))


def snapshot(store: Store, location: str, secrets: SecretStore) -> str:
    """Write a snapshot of this laptop's data to the share for new laptops; returns its id."""
    from desktop.sync.snapshot import write_snapshot

    keys = load_keys(secrets)
    snapshot_id = write_snapshot(store, FolderShare(location), keys)
    save_data_keys(secrets, keys)
    return snapshot_id


def bootstrap_from(store: Store, location: str, secrets: SecretStore, snapshot_id: str | None = None) -> str:
    """Start this approved, still empty laptop from the share's newest snapshot (or `snapshot_id`); returns the
    id of the snapshot loaded."""
    from desktop.sync.snapshot import bootstrap

    _outside(store, location)
    keys = load_keys(secrets)
    header = bootstrap(store, FolderShare(location), keys, snapshot_id)
    save_data_keys(secrets, keys)
    store.set_setting(SHARE, remembered(location))
    return str(header["id"])


@dataclass(frozen=True)
class Laptop:
    """One laptop as the station folder knows it. `state`: "admin" (the laptop that signs the roster),
    "enrolled", "revoked", "waiting" (asked to join, not approved yet) or "id_taken" (a request under the id of
    a laptop of the roster, named by `same_as`: never approvable, `remove_request` takes it away);
    `username`/`role` of its newest grant (empty for a request)."""

    device: str
    name: str
    state: str
    username: str
    role: str
    same_as: str = ""


def laptops(location: str) -> list[Laptop]:
    """The station's laptops, then the requests waiting for approval (not one whose approval is done already,
    `station.approved_already`: the admin's next approval of it takes it away)."""
    share = FolderShare(location)
    roster = share.station()
    rows: list[Laptop] = []
    for device, info in roster.get("devices", {}).items():
        grants = effective_grants(roster, device)
        newest: dict[str, Any] = grants[-1] if grants else {}
        state = "revoked" if is_revoked(roster, device) else "admin" if device == roster.get("admin") else "enrolled"
        rows.append(Laptop(device, str(info.get("name", "")), state, str(newest.get("username") or ""),
                           str(newest.get("role") or "")))
    devices = roster.get("devices", {})
    rows += [Laptop(r["device"], str(r.get("name", "")), "id_taken" if r["device"] in devices else "waiting", "",
                    "", str(devices[r["device"]].get("name") or r["device"][:8]) if r["device"] in devices else "")
             for r in pending_requests(share) if not approved_already(roster, r)]
    return rows


def remove_request(store: Store, location: str, device: str) -> None:
    """Take away a request to join that will not be approved (one under the id of a laptop of the station: the
    admin's list names that laptop)."""
    authorize(store, "enrollment")
    share = FolderShare(location)
    if share.request(device) is None:
        raise WardbookError("sync.no_request", device=device)
    share.remove_request(device)


def standing(device: str, location: str) -> str:
    """Where the laptop `device` stands with the folder: "not_a_share" (reachable, but no station was set up
    there), "not_joined", "waiting", "enrolled", "admin" (it signs the roster) or "revoked". Raises the share's
    error when the folder cannot be reached. Takes no database, so the app can ask it in a background thread."""
    check_local_folder(location)
    share = FolderShare(location)
    if not share.has_station():
        return "not_a_share"
    for laptop in laptops(location):
        if laptop.device == device:
            return laptop.state
    return "not_joined"


def require_location(location: str | None) -> str:
    """The folder to work on; the core's `sync.no_share_set` when none was chosen."""
    if not location:
        raise WardbookError("sync.no_share_set")
    check_local_folder(location, must_exist=False)
    return location


def check_local_folder(location: str, *, must_exist: bool = True) -> None:
    """A folder path (not an smb:// address) that names a folder: a whole path (a bare name was made a folder in
    whatever folder the app ran in), and, when `must_exist`, one that is there and is a folder. Each is told as
    what it is, never as "not a station folder yet", which offered to set up a station there."""
    if location.lower().startswith("smb://"):
        return
    if not (os.path.isabs(location) or location.startswith(("\\\\", "//"))):
        raise WardbookError("sync.share_relative", path=location)
    if not must_exist:
        return
    folder = Path(location)
    if folder.exists() and not folder.is_dir():
        raise WardbookError("sync.share_not_folder", path=location)
    if not folder.exists():
        raise WardbookError("sync.share_missing", path=location)
