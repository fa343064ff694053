"""Users, roles, login with lockout, and the hash-chained audit log."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.errors import WardbookError
from desktop.security import audit
from desktop.security.passwords import hash_password, verify_password
from desktop.security.roles import PERMISSIONS, Actor, require
from desktop.security.users import create_user, login
from desktop.store import Store

PASSWORD = "mat-khau-8"


def test_password_hash_is_salted_and_verifies() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second and first.startswith("scrypt$")
    assert verify_password(PASSWORD, first) and not verify_password("sai", first)
    assert not verify_password(PASSWORD, None) and not verify_password(PASSWORD, "scrypt$bad")


def test_first_user_must_be_admin_then_only_admins_add_users(store: Store) -> None:
    with pytest.raises(WardbookError):
        create_user(store, None, "lan", PASSWORD, "officer")
    create_user(store, None, "Admin", PASSWORD, "admin")
    with pytest.raises(WardbookError) as caught:
        create_user(store, None, "lan", PASSWORD, "officer")
    assert caught.value.msg_id == "security.login_required"
    admin = login(store, "admin", PASSWORD)
    create_user(store, admin, "lan", PASSWORD, "officer")
    officer = login(store, "lan", PASSWORD)
    with pytest.raises(WardbookError) as caught:
        create_user(store, officer, "minh", PASSWORD, "officer")
    assert caught.value.msg_id == "security.forbidden"
    assert store.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 2
    with pytest.raises(WardbookError):
        create_user(store, admin, "short", "1234", "officer")


@pytest.mark.parametrize("role", ["officer", "team_lead", "admin"])
@pytest.mark.parametrize("permission", ["visit.log", "report.print", "users.manage", "import", "audit.view"])
def test_each_role_on_each_guarded_permission(role: str, permission: str) -> None:
    actor = Actor("u", "someone", role)
    if permission in PERMISSIONS[role]:
        require(actor, permission)
    else:
        with pytest.raises(WardbookError) as caught:
            require(actor, permission)
        assert permission in caught.value.message("en") and role in caught.value.message("vi")


def test_lockout_with_back_off(store: Store) -> None:
    create_user(store, None, "admin", PASSWORD, "admin")
    now = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    for _ in range(4):
        with pytest.raises(WardbookError) as caught:
            login(store, "admin", "wrong", now)
        assert caught.value.msg_id == "security.bad_login"
    with pytest.raises(WardbookError) as caught:  # locked: even the right password waits
        login(store, "admin", PASSWORD, now + timedelta(seconds=10))
    assert caught.value.msg_id == "security.locked"
    with pytest.raises(WardbookError):
        login(store, "admin", "wrong", now + timedelta(seconds=31))
    with pytest.raises(WardbookError) as caught:  # second lock lasts twice as long
        login(store, "admin", PASSWORD, now + timedelta(seconds=31 + 45))
    assert caught.value.msg_id == "security.locked"
    assert login(store, "admin", PASSWORD, now + timedelta(seconds=31 + 61)).role == "admin"


def _entries(store: Store) -> Actor:
    create_user(store, None, "admin", PASSWORD, "admin")
    actor = login(store, "admin", PASSWORD)
    for action, target in (("view", "HK000001"), ("export", "people.xlsx"), ("print", "review"), ("delete", "x")):
        audit.record(store, actor, action, target)
    return actor


def test_intact_chain_verifies(store: Store) -> None:
    _entries(store)
    assert audit.verify(store) == []


def _raw(store: Store, sql: str) -> None:
    """Tampering as an attacker with the file would: straight SQL, around the write path."""
    conn = sqlite3.connect(store.path)
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE audit_log SET target = 'HK999999' WHERE seq = 1", "edited"),
        ("DELETE FROM audit_log WHERE seq = 2", "missing"),
        ("UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 3 WHEN 3 THEN 2 END WHERE seq IN (2, 3)", "reordered"),
    ],
)
def test_tampered_chain_is_detected(store: Store, sql: str, reason: str) -> None:
    _entries(store)
    _raw(store, sql)
    assert reason in {item.reason for item in audit.verify(store)}


def test_cli_user_add_and_audit_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "w.db")
    main(["init", "--db", db])
    monkeypatch.setenv("WARDBOOK_NEW_PASSWORD", PASSWORD)
    assert main(["user", "add", "admin", "--role", "admin", "--db", db]) == 0
    monkeypatch.setenv("WARDBOOK_PASSWORD", PASSWORD)
    assert main(["user", "add", "lan", "--role", "officer", "--db", db, "--user", "admin"]) == 0
    assert main(["user", "add", "minh", "--role", "officer", "--db", db]) == 2  # login required now
    assert main(["audit", "verify", "--user", "admin", "--db", db, "--lang", "en"]) == 0
    assert "Audit log intact: 2 entries" in capsys.readouterr().out
    assert main(["audit", "verify", "--user", "lan", "--db", db]) == 2  # officers may not read the audit
    assert "audit.view" in capsys.readouterr().err
    _raw_path = Path(db)
    conn = sqlite3.connect(_raw_path)
    conn.execute("UPDATE audit_log SET action = 'view' WHERE seq = 1")
    conn.commit()
    conn.close()
    assert main(["audit", "verify", "--user", "admin", "--db", db]) == 1
