"""Fixtures of the security tests: a passphrase key file as the key store, accounts of every role, and a CLI
runner that captures what the user would see."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.security import users
from desktop.security.permissions import Actor
from desktop.security.secrets import PassphraseFileSecrets
from desktop.security.session import attach, detach
from desktop.store import Store

PASSPHRASE = "key-file passphrase for tests"
PASSWORDS = {"quantri": "admin-password-1", "totruong": "lead-password-1", "canbo": "officer-password-1"}
ROLES = {"quantri": "admin", "totruong": "team_lead", "canbo": "officer"}


@pytest.fixture
def key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """CLI runs in this test keep the database key in a passphrase-protected key file."""
    path = tmp_path / "keys.json"
    monkeypatch.delenv("WARDBOOK_UNENCRYPTED", raising=False)
    monkeypatch.setenv("WARDBOOK_KEY_FILE", str(path))
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)
    return path


@pytest.fixture
def secrets(key_file: Path) -> PassphraseFileSecrets:
    return PassphraseFileSecrets(key_file, PASSPHRASE)


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run `wardbook ARGS` in English, optionally logged in as `user` (password from the environment)."""

    def run(*args: object, user: str | None = None, new_password: str | None = None) -> Result:
        capsys.readouterr()
        with monkeypatch.context() as env:
            if user:
                env.setenv("WARDBOOK_PASSWORD", PASSWORDS[user])
            if new_password:
                env.setenv("WARDBOOK_NEW_PASSWORD", new_password)
            argv = ["--lang", "en", *(str(a) for a in args)] + (["--user", user] if user else [])
            code = main(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def add_accounts(store: Store) -> dict[str, Actor]:
    """An admin, a team lead and an officer with passwords; the store is left without a session."""
    admin = users.create_first_admin(store, "quantri", "Quản trị", PASSWORDS["quantri"])
    attach(store, admin)
    actors = {"quantri": admin}
    for name in ("totruong", "canbo"):
        user_id = users.add_user(store, name, name, ROLES[name], PASSWORDS[name])
        actors[name] = Actor(user_id, name, ROLES[name])
    detach(store)
    return actors


@pytest.fixture
def accounts(demo_store: Store) -> dict[str, Actor]:
    return add_accounts(demo_store)


def data_snapshot(path: Path, key: bytes | None = None) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every synced table except the audit log, read through its own connection: the columns every
    schema version has, so databases of two versions compare (clocks are compared where a test is about them)."""
    from desktop.store.connection import connect
    from desktop.store.tables import SYNCED

    conn = connect(path, key)
    try:
        columns = {table: ", ".join(("id", "created_at", "updated_at", "deleted_hlc", *spec.fields))
                   for table, spec in SYNCED.items() if table != "audit_log"}
        present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # a table a later version added is empty in an older file
        return {table: sorted(conn.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)
                if table in present else [] for table, names in columns.items()}
    finally:
        conn.close()


@pytest.fixture
def raw() -> Iterator[Callable[[Path], sqlite3.Connection]]:
    """A raw connection without the write-path guard: what someone editing the file with a tool would do."""
    opened: list[sqlite3.Connection] = []

    def connect(path: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(str(path), isolation_level=None)
        opened.append(conn)
        return conn

    yield connect
    for conn in opened:
        conn.close()
