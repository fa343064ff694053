"""Whom each laptop acts for: grants in the admin-signed roster, so a receiving laptop knows what a change may do.

A device's roster entry carries `grants`, oldest first: `{"from_seq": n, "user_id", "username", "role"}` — from
its changeset number `n` on, its changes are that user's, with that role. The roster is signed by the station
admin's key and read before any changeset, so the role a change is judged by never depends on the order in
which files arrive (a role kept only in the synced `users` rows would: a promotion and the first edit it allows
could arrive the other way round).

The admin laptop keeps the grants in step with the accounts: at each of its syncs, a device whose user's role
changed, or whose account was disabled (role `inactive`: nothing is accepted from it), gets a new grant from
the file after the last one this admin laptop has applied. Files published before the change but not yet
applied there are judged by the new grant: a demotion takes effect a little early rather than late.

Entries of rosters written before grants existed have none: the station admin's own laptop then acts as an
admin, any other laptop as an officer with no account (it may edit the register and records with no owner).
"""

from __future__ import annotations

from typing import Any

from desktop.errors import WardbookError
from desktop.security.permissions import INACTIVE
from desktop.security.rights import Principal, save_enrolled_as
from desktop.store import Store
from desktop.store.tables import USER_ROLES

Grant = dict[str, Any]


def grant_of_user(store: Store, username: str | None, from_seq: int = 1) -> Grant:
    """The grant for a laptop enrolled for `username` (an account of this register), or, with no name, the grant
    of a laptop with no account: an officer."""
    if not username:
        return {"from_seq": from_seq, "user_id": None, "username": "", "role": "officer"}
    row = store.conn.execute(
        "SELECT id, username, role, active FROM users WHERE username = ? AND deleted_hlc IS NULL "
        "ORDER BY created_at LIMIT 1", (username.strip().lower(),)).fetchone()
    if row is None:
        raise WardbookError("security.unknown_user", value=username)
    return {"from_seq": from_seq, "user_id": row[0], "username": row[1], "role": row[2] if row[3] else INACTIVE}


def is_revoked(roster: dict[str, Any], device_id: str) -> bool:
    """Was the device revoked (its files after `revoked.after_seq` are refused; see `station.revoke_device`)?"""
    info = roster.get("devices", {}).get(device_id)
    return isinstance(info, dict) and isinstance(info.get("revoked"), dict)


def effective_grants(roster: dict[str, Any], device: str) -> list[Grant]:
    """A device's grants, oldest first; for an entry written before grants existed, the one it acts with."""
    info = roster.get("devices", {}).get(device)
    if not isinstance(info, dict):
        return []
    grants = info.get("grants")
    if isinstance(grants, list) and grants:
        return [grant for grant in grants if isinstance(grant, dict)]
    legacy_role = "admin" if device == roster.get("admin") else "officer"
    return [{"from_seq": 1, "user_id": None, "username": "", "role": legacy_role}]


def grant_for(roster: dict[str, Any], device: str, seq: int) -> Grant | None:
    """The grant a device's changeset number `seq` is judged by; None for a device not in the roster, and for a
    file a revoked device published after its revocation."""
    if is_revoked(roster, device) and seq > int(roster["devices"][device]["revoked"].get("after_seq", 0)):
        return None
    chosen = None
    for grant in effective_grants(roster, device):
        if int(grant.get("from_seq", 1)) <= seq:
            chosen = grant
    return chosen


def principal_for(roster: dict[str, Any], device: str, seq: int) -> Principal | None:
    grant = grant_for(roster, device, seq)
    if grant is None:
        return None
    role = grant.get("role")
    return Principal(device, role if role in USER_ROLES else INACTIVE, grant.get("user_id") or None,
                     str(grant.get("username") or ""))


def _own_grant(store: Store, roster: dict[str, Any]) -> Grant | None:
    """The grant this laptop's next changeset will be judged by (None: not in the roster, or revoked)."""
    return grant_for(roster, store.device_id, int(store.setting("sync.published_seq", "0") or 0) + 1)


def own_role(store: Store, roster: dict[str, Any]) -> str | None:
    grant = _own_grant(store, roster)
    return None if grant is None else str(grant.get("role"))


def remember_own_grant(store: Store, roster: dict[str, Any]) -> None:
    """Keep the grant this laptop's next changeset will be judged by, so its own write path refuses locally
    what every other laptop would refuse (`desktop.security.rights.LocalRights`)."""
    save_enrolled_as(store, _own_grant(store, roster))


def refresh_grants(store: Store, roster: dict[str, Any]) -> bool:
    """On the admin laptop: give each device bound to a user whose role or `active` changed a new grant, from the
    file after the last one applied here. Returns whether the roster changed (the caller signs and saves it)."""
    applied = dict(store.conn.execute("SELECT device_id, last_seq FROM applied").fetchall())
    applied[store.device_id] = int(store.setting("sync.published_seq", "0") or 0)
    changed = False
    for device, info in roster.get("devices", {}).items():
        grants = info.get("grants")
        if not grants or not grants[-1].get("user_id") or is_revoked(roster, device):
            continue
        latest = grants[-1]
        row = store.conn.execute("SELECT role, active, deleted_hlc FROM users WHERE id = ?",
                                 (latest["user_id"],)).fetchone()
        role = INACTIVE if row is None or not row[1] or row[2] is not None else row[0]
        if role != latest.get("role"):
            grants.append({**latest, "from_seq": int(applied.get(device, 0)) + 1, "role": role})
            changed = True
    return changed
