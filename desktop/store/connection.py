"""Opening the local database: the pragmas every connection needs, and the guard on synced tables.

The database stays on the laptop's own disk (never on the share: SQLite's locking is unreliable over network
filesystems). WAL lets the UI read while a sync or import writes; the busy timeout rides over the moment the
two meet. With a key the file is opened through SQLCipher (`sqlcipher3`): every page, the WAL included, is
encrypted, so a stolen laptop's disk shows nothing readable (`desktop.security.database` decides the key).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

BUSY_TIMEOUT_MS = 5000
# sqlite3 and sqlcipher3 each have their own exception classes: catch both where a database error is expected.
DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def open_encrypted(path: Path, key: bytes) -> sqlite3.Connection:
    """SQLCipher connection keyed with a raw 256-bit key (no passphrase derivation: the key is random)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is our error to report, not a log line
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails here on a wrong key
    except sqlcipher3.DatabaseError:
        conn.close()
        raise
    return conn


def connect(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A connection in autocommit mode: the store opens transactions itself (BEGIN IMMEDIATE / SAVEPOINT)."""
    if key is None:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    else:
        conn = open_encrypted(path, key)
    try:
        conn.execute("PRAGMA secure_delete = ON")  # deleted (purged) rows leave no readable trace in free pages
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")  # fails on a full disk: the connection must not stay open
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # As sqlite-utils' view of a connection (`Store.db`) sets it: the same on every connection, whether a
        # migration made that view or not.
        conn.execute("PRAGMA recursive_triggers = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def guard_tables(conn: sqlite3.Connection, guarded: frozenset[str], allowed: Callable[[], bool]) -> None:
    """Make SQLite refuse INSERT/UPDATE/DELETE on `guarded` tables unless `allowed()` says the write path runs.

    This turns "nothing else writes synced tables" from a convention into a rule the database enforces: a
    stray raw write to `households` anywhere else fails with `sqlite3.DatabaseError: not authorized`.
    """
    writes = (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE)

    def authorize(action: int, table: str | None, _2: str | None, _db: str | None, _src: str | None) -> int:
        if action in writes and table in guarded and not allowed():
            return sqlite3.SQLITE_DENY
        return sqlite3.SQLITE_OK

    conn.set_authorizer(authorize)
