"""Accounts and login: scrypt hashes with their own salt, lockout with back-off, first admin, last admin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.errors import WardbookError
from desktop.security import passwords, users
from desktop.security.passwords import hash_password, verify_password
from desktop.security.rights import save_enrolled_as
from desktop.security.session import accounts_exist, attach, current_actor, detach
from desktop.store import Store
from desktop.store.tables import SYNCED
from tests.security.conftest import PASSWORDS, add_accounts


def test_hash_is_salted_scrypt_and_verifies_only_the_right_password() -> None:
    first, second = hash_password("mật khẩu dài"), hash_password("mật khẩu dài")
    assert first.startswith("scrypt$") and first != second
    assert verify_password("mật khẩu dài", first) and verify_password("mật khẩu dài", second)
    assert not verify_password("mat khau dai", first)
    assert not verify_password("anything", None) and not verify_password("anything", "md5$x")
    with pytest.raises(WardbookError) as error:
        hash_password("short")
    assert error.value.msg_id == "security.password_too_short"


def test_first_admin_ends_setup_mode_and_can_be_made_only_once(store: Store) -> None:
    assert not accounts_exist(store)
    assert current_actor(store).is_setup
    users.create_first_admin(store, "QuanTri", "Quản trị", "admin-password-1")
    assert accounts_exist(store)
    with pytest.raises(WardbookError) as error:
        current_actor(store)
    assert error.value.msg_id == "security.login_required"
    with pytest.raises(WardbookError) as error:
        users.create_first_admin(store, "other", "Other", "admin-password-2")
    assert error.value.msg_id == "security.admin_exists"
    actor = users.login(store, "quantri", "admin-password-1")
    assert (actor.username, actor.role) == ("quantri", "admin")
    hashed = store.conn.execute("SELECT password_hash FROM users WHERE username = 'quantri'").fetchone()[0]
    assert "admin-password-1" not in hashed


def test_lockout_backs_off_and_a_right_password_after_it_works(store: Store) -> None:
    add_accounts(store)
    start = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    for attempt in range(users.FREE_ATTEMPTS):
        with pytest.raises(WardbookError) as error:
            users.login(store, "canbo", "wrong", now=start + timedelta(seconds=attempt))
        assert error.value.msg_id == "security.bad_login"
    locked_at = start + timedelta(seconds=users.FREE_ATTEMPTS - 1)
    first_lock = users.locked_until(store, "canbo", locked_at)
    assert first_lock == locked_at + users.BASE_LOCK
    with pytest.raises(WardbookError) as error:  # even the right password is refused while locked
        users.login(store, "canbo", PASSWORDS["canbo"], now=locked_at + timedelta(seconds=1))
    assert error.value.msg_id == "security.locked"
    after = first_lock + timedelta(seconds=1)
    with pytest.raises(WardbookError):
        users.login(store, "canbo", "wrong again", now=after)
    assert users.locked_until(store, "canbo", after) == after + 2 * users.BASE_LOCK  # back-off doubles
    later = after + 3 * users.BASE_LOCK
    assert users.login(store, "canbo", PASSWORDS["canbo"], now=later).username == "canbo"
    assert store.conn.execute("SELECT COUNT(*) FROM login_failures").fetchone()[0] == 0
    assert "login_failures" not in SYNCED  # counters stay on this laptop


def test_a_name_not_yet_on_the_laptop_locks_alike_but_its_account_arriving_later_starts_fresh(
    store: Store,
) -> None:
    """An officer tries a few times before the laptop has synced their account: the name locks like any other
    (a lock must not tell which names exist), but the account, once here, is not locked for failures that were
    never tried against its password."""
    actors = add_accounts(store)
    start = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
    for attempt in range(users.FREE_ATTEMPTS):
        with pytest.raises(WardbookError) as error:
            users.login(store, "canbomoi", "any password", now=start + timedelta(seconds=attempt))
        assert error.value.msg_id == "security.bad_login"
    with pytest.raises(WardbookError) as error:
        users.login(store, "canbomoi", "any password", now=start + timedelta(seconds=users.FREE_ATTEMPTS))
    assert error.value.msg_id == "security.locked"  # as for an existing name
    attach(store, actors["quantri"])  # the account arrives (here made by the admin, as sync would bring it)
    users.add_user(store, "canbomoi", "Cán bộ mới", "officer", "mat-khau-cua-can-bo-moi")
    detach(store)
    in_a_moment = start + timedelta(seconds=users.FREE_ATTEMPTS + 1)
    assert users.login(store, "canbomoi", "mat-khau-cua-can-bo-moi", now=in_a_moment).username == "canbomoi"
    assert store.conn.execute("SELECT COUNT(*) FROM login_failures").fetchone()[0] == 0


def test_text_typed_as_a_name_that_is_no_account_is_kept_nowhere(store: Store) -> None:
    """It is often a password typed into the wrong box; the audit log syncs to every laptop."""
    actors = add_accounts(store)
    with pytest.raises(WardbookError):
        users.login(store, PASSWORDS["canbo"], "anything")
    with pytest.raises(WardbookError):
        users.login(store, "canbo", "wrong password")
    for table in ("audit_log", "login_failures"):
        dumped = repr(store.conn.execute(f"SELECT * FROM {table}").fetchall())
        assert PASSWORDS["canbo"].lower() not in dumped, table
    known = store.conn.execute("SELECT target_id, detail FROM audit_log WHERE action = 'login_failed' "
                               "AND detail LIKE '%username%'").fetchall()
    assert known == [(actors["canbo"].user_id, '{"failures":1,"username":"canbo"}')]
    assert store.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'login_failed' "
                              "AND detail LIKE '%unknown_name%'").fetchone()[0] == 1


def test_admin_unlocks_and_failures_are_audited(store: Store) -> None:
    add_accounts(store)
    now = datetime.now(UTC)
    for _ in range(users.FREE_ATTEMPTS):
        with pytest.raises(WardbookError):
            users.login(store, "canbo", "wrong", now=now)
    failed = store.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'login_failed'").fetchone()[0]
    assert failed == users.FREE_ATTEMPTS
    users.login(store, "quantri", PASSWORDS["quantri"])
    users.unlock(store, "canbo")
    assert users.login(store, "canbo", PASSWORDS["canbo"]).role == "officer"


def test_disabled_user_cannot_log_in_and_last_admin_stays(store: Store) -> None:
    add_accounts(store)
    users.login(store, "quantri", PASSWORDS["quantri"])
    users.set_active(store, "canbo", False)
    with pytest.raises(WardbookError) as error:
        users.set_active(store, "quantri", False)
    assert error.value.msg_id == "security.last_admin"
    with pytest.raises(WardbookError) as error:
        users.set_role(store, "quantri", "officer")
    assert error.value.msg_id == "security.last_admin"
    detach(store)
    with pytest.raises(WardbookError) as error:
        users.login(store, "canbo", PASSWORDS["canbo"])
    assert error.value.msg_id == "security.bad_login"


def test_users_change_their_own_password_but_not_others(store: Store) -> None:
    actors = add_accounts(store)
    attach(store, actors["canbo"])
    users.set_password(store, "canbo", "new-officer-pw")
    with pytest.raises(WardbookError) as error:
        users.set_password(store, "totruong", "hijacked-pw")
    assert error.value.msg_id == "security.denied"
    detach(store)
    assert users.login(store, "canbo", "new-officer-pw").username == "canbo"
    assert users.login(store, "totruong", PASSWORDS["totruong"]).username == "totruong"


def _old_hash(password: str) -> str:
    """A hash as made before the cost was raised (scrypt N=2^15): it still verifies."""
    salt = b"0123456789abcdef"
    digest = passwords._derive(password, salt, 15, 8, 1)
    return "$".join(("scrypt", "15", "8", "1", passwords._b64(salt), passwords._b64(digest)))


def _stored_hash(store: Store, username: str) -> str:
    return str(store.conn.execute("SELECT password_hash FROM users WHERE username = ?", (username,)).fetchone()[0])


def test_a_login_stores_an_older_cheaper_hash_again_at_todays_cost(demo_store: Store) -> None:
    actors = add_accounts(demo_store)
    attach(demo_store, actors["quantri"])
    for name in ("canbo", "totruong"):
        demo_store.writer.update("users", actors[name].user_id, {"password_hash": _old_hash(PASSWORDS[name])})
    detach(demo_store)
    assert passwords.needs_rehash(_stored_hash(demo_store, "canbo"))

    users.login(demo_store, "canbo", PASSWORDS["canbo"])
    renewed = _stored_hash(demo_store, "canbo")
    assert renewed.startswith(f"scrypt${passwords.LOG2_N}$") and not passwords.needs_rehash(renewed)
    assert verify_password(PASSWORDS["canbo"], renewed)
    detach(demo_store)

    # On a laptop enrolled for the officer, the team lead's password is not this laptop's to change (sync
    # would refuse it): the login works and the older hash stays.
    save_enrolled_as(demo_store, {"role": "officer", "user_id": actors["canbo"].user_id, "username": "canbo"})
    users.login(demo_store, "totruong", PASSWORDS["totruong"])
    assert _stored_hash(demo_store, "totruong") == _old_hash(PASSWORDS["totruong"])
    detach(demo_store)


@pytest.mark.parametrize("full_name", ["x" * 5000, "Lê\x00Văn", "Lê Văn\x1b[31m"])
def test_an_accounts_full_name_is_checked_as_every_name_is(store: Store, full_name: str) -> None:
    """Seen: 5,000 letters, a NUL and a terminal escape stored as an officer's name (shown in lists and reports)."""
    admin = users.create_first_admin(store, "quantri", "Quản trị", PASSWORDS["quantri"])
    attach(store, admin)
    with pytest.raises(WardbookError) as refused:
        users.add_user(store, "canbo", full_name, "officer", PASSWORDS["canbo"])
    assert refused.value.params["field"] == "full_name" and "Họ và tên" in refused.value.message("vi")
    assert users.find_user(store, "canbo") is None
    users.add_user(store, "canbo", "  Lê   Văn Tám ", "officer", PASSWORDS["canbo"])
    assert users.find_user(store, "canbo")["full_name"] == "Lê Văn Tám"
