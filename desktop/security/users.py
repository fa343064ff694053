"""User accounts and login: the first admin, accounts managed by admins, and login with lockout.

Accounts are rows of the synced `users` table, so an officer can log in on any enrolled laptop (the password
hash travels, never the password). Failed attempts are counted in the local table `login_failures`, which does
not sync: each laptop defends itself. Each attempt is counted before its password is checked, in the same
write transaction that checks the lock, so attempts made at once cannot share one unlocked moment. After
`FREE_ATTEMPTS` failures the account is locked on this laptop for `BASE_LOCK` seconds, doubling with each
further failure up to `MAX_LOCK`; a right password after the lock expires resets the counter, and an admin can
clear it at once (`unlock`).

Failures for a name with no account on this laptop are counted too, under `UNKNOWN_PREFIX` + a digest of the
name: such a name locks the same way (a lock must not tell which names exist), but an account that arrives
later by sync starts with no failures, since none of them was tried against its password (an officer whose
account reached the laptop after a few wrong tries was otherwise locked out on first use). What was typed as an
unknown name is kept nowhere in clear, neither there nor in the audit log (which syncs to every laptop): it is
often a password typed into the wrong box.
"""

from __future__ import annotations

import hashlib
import re
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from desktop.errors import WardbookError
from desktop.register.validation import MAX_NAME, check_text
from desktop.security import audit
from desktop.security.passwords import check_password_policy, hash_password, needs_rehash, verify_password
from desktop.security.permissions import Actor
from desktop.security.session import accounts_exist, attach, authorize, current_actor
from desktop.store.tables import USER_ROLES
from desktop.text import nfc

if TYPE_CHECKING:
    from desktop.store import Store

FREE_ATTEMPTS = 5
BASE_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(hours=1)
UNKNOWN_PREFIX = "?"  # no username starts with it (`_USERNAME`)
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")
# What a password is checked against when the name has no account here, or one that is disabled or has no
# password: a hash of no password anyone uses, at today's cost. Refusing such a name at once (0.4 ms, against a
# quarter of a second of scrypt for an account) told which names exist by the time the answer took.
_DUMMY_HASH = "scrypt$17$8$1$AFoMB8SehtCxxQCh85UVVw==$sYRmBDzfq1VklGufIIFNLpLu18Ccv6Aqe5cmp+T17q4="


def _now() -> datetime:
    return datetime.now(UTC)


def _check_username(username: str) -> str:
    name = nfc(username).lower()
    if not _USERNAME.match(name):
        raise WardbookError("security.bad_username", value=username)
    return name


def _check_role(role: str) -> str:
    from desktop.register.validation import check_choice

    checked = check_choice(role, USER_ROLES, "role")
    assert checked is not None
    return checked


def find_user(store: Store, username: str) -> dict[str, object] | None:
    cursor = store.conn.execute(
        "SELECT id, username, full_name, role, password_hash, active FROM users "
        "WHERE username = ? AND deleted_hlc IS NULL ORDER BY created_at LIMIT 1",
        (nfc(username).lower(),),
    )
    row = cursor.fetchone()
    return None if row is None else dict(zip([d[0] for d in cursor.description], row, strict=True))


def _user(store: Store, username: str) -> dict[str, object]:
    user = find_user(store, username)
    if user is None:
        raise WardbookError("security.unknown_user", value=username)
    return user


def _insert(store: Store, username: str, full_name: str, role: str, password: str) -> str:
    name = _check_username(username)
    check_password_policy(password, name)
    existing = find_user(store, name)
    if existing is not None and existing["password_hash"]:
        raise WardbookError("security.user_exists", value=name)
    full_name = check_text(full_name, "full_name", limit=MAX_NAME) or ""  # as every other name is checked
    fields = {"username": name, "full_name": nfc(full_name) or name, "role": _check_role(role),
              "password_hash": hash_password(password), "active": 1}
    if existing is not None:  # an officer record without a login (e.g. from the demo ward) gets one
        store.writer.update("users", str(existing["id"]), fields)
        return str(existing["id"])
    return store.writer.insert("users", fields)


def create_first_admin(store: Store, username: str, full_name: str, password: str) -> Actor:
    """First run: the one account that can be made without logging in; afterwards admins add users."""
    with store.transaction():
        if accounts_exist(store):
            raise WardbookError("security.admin_exists")
        user_id = _insert(store, username, full_name, "admin", password)
    return Actor(user_id, _check_username(username), "admin")


def add_user(store: Store, username: str, full_name: str, role: str, password: str) -> str:
    authorize(store, "users.admin")
    with store.transaction():
        return _insert(store, username, full_name, role, password)


def list_users(store: Store) -> list[dict[str, object]]:
    authorize(store, "users.admin")
    cursor = store.conn.execute(
        "SELECT u.username, u.full_name, u.role, u.active, u.password_hash IS NOT NULL AS can_login, "
        "f.failures, f.locked_until FROM users u LEFT JOIN login_failures f ON f.username = u.username "
        "WHERE u.deleted_hlc IS NULL ORDER BY u.username"
    )
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def _other_admins(store: Store, user_id: object) -> int:
    return int(store.conn.execute(
        "SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1 AND password_hash IS NOT NULL "
        "AND deleted_hlc IS NULL AND id != ?", (user_id,),
    ).fetchone()[0])


def set_role(store: Store, username: str, role: str) -> None:
    authorize(store, "users.admin")
    with store.transaction():
        user = _user(store, username)
        if user["role"] == "admin" and role != "admin" and not _other_admins(store, user["id"]):
            raise WardbookError("security.last_admin")
        store.writer.update("users", str(user["id"]), {"role": _check_role(role)})


def set_active(store: Store, username: str, active: bool) -> None:
    authorize(store, "users.admin")
    with store.transaction():
        user = _user(store, username)
        if not active and user["role"] == "admin" and not _other_admins(store, user["id"]):
            raise WardbookError("security.last_admin")
        store.writer.update("users", str(user["id"]), {"active": int(active)})


def set_password(store: Store, username: str, new_password: str) -> None:
    """Users change their own password; admins set anyone's (e.g. a forgotten or leaked one).

    The change ends every other session opened with the old password (`session._credentials`), the changer's own
    excepted, and clears the account's failed logins: a reset password must open at once, not be told "locked"."""
    actor = current_actor(store)
    user = _user(store, username)
    if user["id"] != actor.user_id:
        authorize(store, "users.admin")
    check_password_policy(new_password, str(user["username"]))
    hashed = hash_password(new_password)  # a third of a second of scrypt, outside the write lock
    with store.transaction():
        store.writer.update("users", str(user["id"]), {"password_hash": hashed})
        _forget_failures(store, str(user["username"]))
    if user["id"] == actor.user_id:
        attach(store, actor)


def unlock(store: Store, username: str) -> None:
    authorize(store, "users.admin")
    name = nfc(username).lower()
    with store.transaction():
        store.conn.execute("DELETE FROM login_failures WHERE username IN (?, ?)", (name, _unknown_key(name)))


def locked_until(store: Store, username: str, now: datetime | None = None) -> datetime | None:
    row = store.conn.execute(
        "SELECT locked_until FROM login_failures WHERE username = ?", (nfc(username).lower(),)
    ).fetchone()
    if row is None or row[0] is None:
        return None
    until = datetime.fromisoformat(row[0])
    return until if until > (now or _now()) else None


def _lock_for(failures: int) -> timedelta | None:
    if failures < FREE_ATTEMPTS:
        return None
    lock: timedelta = BASE_LOCK * 2 ** (failures - FREE_ATTEMPTS)
    return min(lock, MAX_LOCK)


def _unknown_key(name: str) -> str:
    """Where failures for `name`, not an account here, are counted: a digest, not the text typed."""
    return UNKNOWN_PREFIX + hashlib.sha256(name.encode("utf-8")).hexdigest()[:32]


def _count_attempt(store: Store, counted_as: str, now: datetime) -> int:
    """Refuse a login while `counted_as` is locked, else count this attempt as a failure now, before its password
    is checked, and return the count.

    Reading the lock, checking the password (scrypt, a third of a second) and only then writing the failure let
    every attempt started meanwhile (other windows, a shell loop of `wardbook` commands) pass the same unlocked
    check: twelve guesses at once were all tried. One write transaction (BEGIN IMMEDIATE) makes the check and the
    count one step for every connection to the register, so at most `FREE_ATTEMPTS` passwords are tried before
    the lock, whatever the number of processes; a right password then clears the count (`_forget_failures`)."""
    with store.transaction():
        row = store.conn.execute(
            "SELECT failures, locked_until FROM login_failures WHERE username = ?", (counted_as,)
        ).fetchone()
        if row is not None and row[1] is not None:
            until = datetime.fromisoformat(row[1])
            if until > now:
                raise WardbookError("security.locked", seconds=int((until - now).total_seconds()) + 1)
        failures = (row[0] if row else 0) + 1
        lock = _lock_for(failures)
        store.conn.execute(
            "INSERT INTO login_failures (username, failures, last_failure_at, locked_until) "
            "VALUES (?, ?, ?, ?) "
            "ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, "
            "last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until",
            (counted_as, failures, now.isoformat(), (now + lock).isoformat() if lock else None),
        )
    return failures


def _audit_failure(store: Store, counted_as: str, user_id: str | None, failures: int) -> None:
    """Audit a failed login: for an account, its id and name; for any other name, only that it was unknown."""
    detail: dict[str, object] = {"failures": failures}
    detail.update({"username": counted_as} if user_id is not None else {"unknown_name": True})
    audit.record(store, "login_failed", "users", user_id, detail)


def _forget_failures(store: Store, name: str) -> None:
    """Clear `name`'s count of failed logins after a good one (in the caller's transaction)."""
    store.conn.execute("DELETE FROM login_failures WHERE username IN (?, ?)", (name, _unknown_key(name)))


def login(store: Store, username: str, password: str, now: datetime | None = None) -> Actor:
    """Check the password (with lockout), attach the user to the store and log the login."""
    now = now or _now()
    name = nfc(username).lower()
    user = find_user(store, name)
    counted_as = name if user is not None else _unknown_key(name)
    failures = _count_attempt(store, counted_as, now)
    stored = str(user["password_hash"]) if user is not None and user["active"] and user["password_hash"] else None
    if not verify_password(password, stored or _DUMMY_HASH) or stored is None or user is None:
        _audit_failure(store, counted_as, None if user is None else str(user["id"]), failures)
        raise WardbookError("security.bad_login")
    actor = Actor(str(user["id"]), name, str(user["role"]))
    with store.transaction():
        _forget_failures(store, name)
        audit.record(store, "login", "users", actor.user_id, actor=actor)
    attach(store, actor)
    if needs_rehash(str(user["password_hash"])):
        _rehash(store, str(user["id"]), password)
        attach(store, actor)  # the session goes on with the hash stored again
    return actor


def _rehash(store: Store, user_id: str, password: str) -> None:
    """Store an older, cheaper hash again at today's cost. Only where this laptop may change the user's password
    (its own user's, or an admin's laptop: the same rule sync applies); elsewhere the old hash stays valid."""
    with suppress(WardbookError):
        store.writer.update("users", user_id, {"password_hash": hash_password(password)})
