"""Local users: creation (the first one is the admin), login with lockout and back-off.

Login works offline against the users table (which syncs, so a user enrolled at the station can log in on any
laptop of the ward). Failed attempts are counted per laptop in `login_attempts` (not synced): after
`FREE_ATTEMPTS` failures each further failure locks the name for twice as long as the previous one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.errors import WardbookError
from desktop.register.validation import check_choice, require_text
from desktop.security.passwords import hash_password, verify_password
from desktop.security.roles import Actor, require
from desktop.store import Store
from desktop.store.tables import USER_ROLES

FREE_ATTEMPTS = 3
FIRST_LOCK = timedelta(seconds=30)
MIN_PASSWORD = 8


def has_users(store: Store) -> bool:
    return store.conn.execute("SELECT 1 FROM users WHERE deleted_hlc IS NULL AND password_hash IS NOT NULL"
                              ).fetchone() is not None


def create_user(store: Store, by: Actor | None, username: str, password: str, role: str,
                full_name: str | None = None) -> str:
    """Add a user. Without an actor this is only allowed for the very first user, who must be the admin."""
    if by is None:
        if has_users(store):
            raise WardbookError("security.login_required")
        if role != "admin":
            raise WardbookError("security.first_user_admin")
    else:
        require(by, "users.manage")
    name = require_text(username, "username").strip().lower()
    check_choice(role, USER_ROLES, "role")
    if len(password) < MIN_PASSWORD:
        raise WardbookError("security.weak_password", minimum=MIN_PASSWORD)
    if store.conn.execute("SELECT 1 FROM users WHERE username = ? AND deleted_hlc IS NULL", (name,)).fetchone():
        raise WardbookError("security.user_exists", user=name)
    return store.writer.insert("users", {"username": name, "full_name": full_name, "role": role,
                                         "password_hash": hash_password(password), "active": 1})


def _now() -> datetime:
    return datetime.now(UTC)


def login(store: Store, username: str, password: str, now: datetime | None = None) -> Actor:
    """The actor for a correct password; otherwise a clear error, counting the failure towards a lockout."""
    now = now or _now()
    name = username.strip().lower()
    row = store.conn.execute("SELECT failures, locked_until FROM login_attempts WHERE username = ?",
                             (name,)).fetchone()
    failures, locked_until = (row[0], row[1]) if row else (0, None)
    if locked_until and datetime.fromisoformat(locked_until) > now:
        seconds = int((datetime.fromisoformat(locked_until) - now).total_seconds()) + 1
        raise WardbookError("security.locked", user=name, seconds=seconds)
    user = store.conn.execute(
        "SELECT id, role, password_hash, active FROM users WHERE username = ? AND deleted_hlc IS NULL", (name,)
    ).fetchone()
    if user is None or not user[3] or not verify_password(password, user[2]):
        failures += 1
        lock = None
        if failures > FREE_ATTEMPTS:
            lock = (now + FIRST_LOCK * 2 ** (failures - FREE_ATTEMPTS - 1)).isoformat()
        with store.transaction():
            store.conn.execute(
                "INSERT INTO login_attempts (username, failures, locked_until) VALUES (?, ?, ?) "
                "ON CONFLICT (username) DO UPDATE SET failures = excluded.failures, "
                "locked_until = excluded.locked_until", (name, failures, lock))
        raise WardbookError("security.bad_login")
    with store.transaction():
        store.conn.execute("DELETE FROM login_attempts WHERE username = ?", (name,))
    return Actor(user[0], name, user[1])
