"""The write path itself checks the acting user's rights: a script using the core's writer directly cannot do
what the app refuses (make itself admin, edit another officer's visit), and setup mode never comes back."""

from __future__ import annotations

import pytest

from desktop.errors import WardbookError
from desktop.register.visits import add_visit
from desktop.security import users
from desktop.security.permissions import Actor
from desktop.security.rights import save_enrolled_as
from desktop.security.session import accounts_exist, attach, current_actor, detach
from desktop.store import RowWrite, Store


def _visit_of(store: Store, actor: Actor) -> str:
    attach(store, actor)
    household = str(store.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0])
    return add_visit(store, household_id=household, visited_on="02/06/2026", purposes=["welfare_check"],
                     outcome="met")


def _refused(reason: str) -> pytest.RaisesContext[WardbookError]:
    return pytest.raises(WardbookError, match=reason)


def test_an_officer_cannot_write_accounts_through_the_writer(demo_store: Store, accounts: dict[str, Actor]) -> None:
    officer, admin = accounts["canbo"], accounts["quantri"]
    attach(demo_store, officer)
    before = demo_store.conn.execute("SELECT id, role, active, password_hash FROM users ORDER BY id").fetchall()
    with _refused("only an admin may change accounts"):
        demo_store.writer.update("users", str(officer.user_id), {"role": "admin"})
    with _refused("only an admin"):
        demo_store.writer.update("users", str(admin.user_id), {"password_hash": "chosen-by-the-officer"})
    with _refused("only an admin"):
        demo_store.writer.insert("users", {"username": "moi", "role": "admin", "active": 1})
    assert demo_store.conn.execute("SELECT id, role, active, password_hash FROM users ORDER BY id").fetchall() \
        == before
    demo_store.writer.update("users", str(officer.user_id), {"password_hash": "own-new-hash"})  # their own: allowed
    detach(demo_store)


def test_an_officer_cannot_change_another_officers_visit_or_its_support(
        demo_store: Store, accounts: dict[str, Actor]) -> None:
    lead_visit = _visit_of(demo_store, accounts["totruong"])
    own_visit = _visit_of(demo_store, accounts["canbo"])
    with pytest.raises(WardbookError, match="belongs to another officer"):
        demo_store.writer.update("visits", lead_visit, {"findings": "sửa hộ"})
    with pytest.raises(WardbookError, match="belongs to another officer"):
        demo_store.writer.update("visits", own_visit, {"officer_id": accounts["totruong"].user_id})
    with pytest.raises(WardbookError, match="belongs to another officer"):
        demo_store.writer.insert("support_items", {"visit_id": lead_visit, "kind": "food", "quantity": 5.0})
    demo_store.writer.write([RowWrite("support_items", "own-item", "insert",
                                      {"visit_id": own_visit, "kind": "food", "quantity": 5.0})])
    demo_store.writer.update("visits", own_visit, {"findings": "Cần thêm gạo"})
    attach(demo_store, accounts["totruong"])
    demo_store.writer.update("visits", own_visit, {"findings": "Tổ trưởng bổ sung"})  # a team lead sees all
    detach(demo_store)


def test_the_user_a_laptop_is_enrolled_for_bounds_what_any_login_on_it_may_write(
        demo_store: Store, accounts: dict[str, Actor]) -> None:
    """An admin logged in on an officer's laptop would otherwise write what every other laptop then refuses."""
    officer = accounts["canbo"]
    save_enrolled_as(demo_store, {"role": "officer", "user_id": officer.user_id, "username": "canbo"})
    attach(demo_store, accounts["quantri"])
    with _refused("only an admin"):
        users.set_role(demo_store, "totruong", "officer")
    save_enrolled_as(demo_store, None)
    users.set_role(demo_store, "totruong", "officer")
    detach(demo_store)


def test_disabling_every_account_never_brings_back_setup_mode(
        demo_store: Store, accounts: dict[str, Actor], raw) -> None:  # type: ignore[no-untyped-def]
    demo_store.close()
    conn = raw(demo_store.path)
    conn.execute("UPDATE users SET active = 0")  # by hand, as an attacker holding the database key could
    conn.close()
    reopened = Store.open(demo_store.path)
    try:
        assert accounts_exist(reopened)
        with pytest.raises(WardbookError, match=r"Login required|Cần đăng nhập"):
            current_actor(reopened)
        with pytest.raises(WardbookError):
            reopened.writer.insert("households", {"code": "X1"})
    finally:
        reopened.close()


def test_an_account_changed_from_the_command_line_stops_writing_with_its_old_rights(
        demo_store: Store, accounts: dict[str, Actor], cli) -> None:  # type: ignore[no-untyped-def]
    """The team lead's window is open (`demo_store`, logged in) while the admin demotes, then disables, the account
    with `wardbook user` on the same database: the window's next writes are judged by the account as it is now."""
    officers_visit = _visit_of(demo_store, accounts["canbo"])
    attach(demo_store, accounts["totruong"])
    assert cli("--db", demo_store.path, "user", "role", "totruong", "officer", user="quantri").code == 0
    with _refused("belongs to another officer"):  # a team lead's right, gone with the role
        demo_store.writer.update("visits", officers_visit, {"findings": "Tổ trưởng bổ sung"})
    _visit_of(demo_store, accounts["totruong"])  # what an officer may do, it still may
    assert cli("--db", demo_store.path, "user", "disable", "totruong", user="quantri").code == 0
    visits = demo_store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()
    with _refused(r"Account 'totruong' \(account disabled\) has no right to edit the register"):
        _visit_of(demo_store, accounts["totruong"])
    assert demo_store.conn.execute("SELECT COUNT(*) FROM visits").fetchone() == visits
    detach(demo_store)


def test_an_account_changed_from_the_command_line_stops_reading_with_its_old_rights(
        demo_store: Store, accounts: dict[str, Actor], cli) -> None:  # type: ignore[no-untyped-def]
    """Reading went on with the rights of the login: a team lead demoted, then disabled, by the admin kept the
    reports, other officers' records and the audit log of an open window."""
    from desktop.security.session import authorize, visible_officer

    attach(demo_store, accounts["totruong"])
    assert visible_officer(demo_store) is None and authorize(demo_store, "reports.view")
    assert cli("--db", demo_store.path, "user", "role", "totruong", "officer", user="quantri").code == 0
    assert visible_officer(demo_store) == accounts["totruong"].user_id
    with _refused("view and print reports"):
        authorize(demo_store, "reports.view")
    assert cli("--db", demo_store.path, "user", "disable", "totruong", user="quantri").code == 0
    assert current_actor(demo_store).role == "inactive"
    with _refused(r"\(account disabled\) has no right to run a sync"):
        authorize(demo_store, "sync.run")
    detach(demo_store)
