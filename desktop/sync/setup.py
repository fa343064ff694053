"""Setting a station's sync up, as both the CLI (`wardbook share …`, `enroll`, `sync bootstrap`) and the app's
Sync page do it: which key store holds this laptop's sync keys, creating the station share, asking to join,
approving a laptop for an account, revoking one, writing a snapshot and starting a new laptop from it, and
where this laptop stands with a folder.

Each step loads the keys, does its work through `desktop.sync.station` / `desktop.sync.snapshot`, and saves the
data keys it learned, so that a caller only chooses the folder and the key store.
"""

from __future__ import annotations

import os
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from desktop.errors import WardbookError
from desktop.security.secrets import KeyringSecrets, SecretStore
from desktop.security.session import authorize
from desktop.store import Store
from desktop.store.place import check_outside
from desktop.sync.folder import FolderShare
from desktop.sync.grants import Grant, effective_grants, grant_of_user, is_revoked
from desktop.sync.keystore import load_keys, save_data_keys
from desktop.sync.station import (
    SyncKeys,
    approve_device,
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
    approve_device(share, device, keys, grant, store)
    _share_pending(store, share, keys)
    return grant


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


def _apply_before_revoking(store: Store, share: FolderShare, keys: SyncKeys) -> None:
    """Sync this laptop first: a revocation keeps the files of the lost laptop that the admin's laptop has applied
    (`station.revocation_cut`), so what it sent before it was lost (often that very morning) stays the ward's. A
    sync that fails does not stop the revocation: a stolen laptop must be shut out whatever the share is like."""
    from desktop.sync.engine import sync_once

    with suppress(WardbookError):
        sync_once(store, share, keys)


def revoke(store: Store, location: str, device: str, secrets: SecretStore) -> int:
    """Revoke a lost laptop; returns the new key epoch (whose key this laptop keeps)."""
    authorize(store, "enrollment")
    keys = load_keys(secrets)
    share = FolderShare(location)
    verified_roster(store, share, keys)  # a damaged roster: put back from this admin laptop's copy first
    _apply_before_revoking(store, share, keys)
    epoch = revoke_device(share, device, keys, store)
    save_data_keys(secrets, keys)
    return epoch


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
    """The station's laptops, then the requests waiting for approval."""
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
             for r in pending_requests(share)]
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
