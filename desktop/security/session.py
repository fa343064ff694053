"""Who is logged in on an open store, and the one-call guard other modules use: `authorize(store, perm)`.

The session is kept beside the `Store` (not in the database) because it belongs to this process: the Qt
app attaches the user after its login dialog, the CLI after `--user`. A module that adds a guarded action
(reports, import, sync settings…) needs one line at the top of its core function:

    actor = authorize(store, "reports.view")

On a database with no login account yet (first run, demo ward) every call passes as `SETUP`; once an account
exists, an unattached store raises `security.login_required`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from desktop.errors import WardbookError
from desktop.security.permissions import INACTIVE, SETUP, Actor, can, require

if TYPE_CHECKING:
    from desktop.store import Store

_sessions: WeakKeyDictionary[Store, Actor] = WeakKeyDictionary()
# The password hash the session's account had when it was attached: the account's credential version. A change
# or reset of the password (here, from another window, or through sync) ends every other session opened with
# the old one: a leaked password reset by an admin must not leave the intruder's window writing.
_credentials: WeakKeyDictionary[Store, str | None] = WeakKeyDictionary()


def accounts_exist(store: Store) -> bool:
    """True once any account with a password has ever existed here; from then on every action needs a login.

    Disabled or deleted accounts count too: setup mode (everything allowed without login) is for a register
    that never had an account, and must never come back by disabling them (through sync or by hand)."""
    row = store.conn.execute("SELECT 1 FROM users WHERE password_hash IS NOT NULL LIMIT 1").fetchone()
    return row is not None


def _password_hash(store: Store, user_id: str | None) -> str | None:
    row = store.conn.execute("SELECT password_hash FROM users WHERE id = ?", (user_id,)).fetchone()
    return None if row is None else row[0]


def attach(store: Store, actor: Actor) -> None:
    """Make `actor` the session of `store`, with the password the account has now (see `_credentials`); attached
    again after the session's own password change, which must not end it."""
    _sessions[store] = actor
    _credentials[store] = None if actor.is_setup else _password_hash(store, actor.user_id)


def detach(store: Store) -> None:
    _sessions.pop(store, None)
    _credentials.pop(store, None)


def attached_actor(store: Store) -> Actor | None:
    """The logged-in actor, or None; never raises (the audit log uses it to name whoever is there)."""
    return _sessions.get(store)


def current_actor(store: Store) -> Actor:
    """Who is acting, with the role their account has in the database now (one query by primary key).

    An admin may have disabled the account or changed its role since the login, from the command line, another
    window or through sync: an open window must not go on reading or writing with the rights it had then. A
    disabled or deleted account acts as `INACTIVE`, which may do nothing (`security.denied` names it so). A session
    whose account's password changed since (`_credentials`) is ended: `security.session_ended`."""
    actor = _sessions.get(store)
    if actor is None:
        if accounts_exist(store):
            raise WardbookError("security.login_required")
        return SETUP
    if actor.is_setup:
        return actor
    row = store.conn.execute("SELECT role, active, password_hash FROM users WHERE id = ? AND deleted_hlc IS NULL",
                             (actor.user_id,)).fetchone()
    if row is not None and row[2] != _credentials.get(store):
        raise WardbookError("security.session_ended", user=actor.username)
    role = str(row[0]) if row is not None and row[1] else INACTIVE
    return actor if role == actor.role else replace(actor, role=role)


def authorize(store: Store, permission: str) -> Actor:
    """The current actor if it holds `permission`; raises `security.denied` / `security.login_required`."""
    return require(current_actor(store), permission)


def authorize_owner(store: Store, permission: str, owner_id: str | None) -> Actor:
    """Like `authorize`, and the record must be the actor's own unless it may see everyone's."""
    actor = authorize(store, permission)
    if owner_id != actor.user_id and not actor.is_setup:
        require(actor, "records.view_all")
    return actor


def visible_officer(store: Store) -> str | None:
    """The officer whose records alone the actor may list (None: all records)."""
    actor = current_actor(store)
    return None if can(actor, "records.view_all") else actor.user_id
