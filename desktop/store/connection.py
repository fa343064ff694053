"""Opening the local database: the pragmas every connection needs, and the guard on synced tables.

The database stays on the laptop's own disk (never on the share: SQLite's locking is unreliable over network
filesystems). WAL lets the UI read while a sync or import writes; the busy timeout rides over the moment the
two meet. With a key the file is opened through SQLCipher (`sqlcipher3`): every page, the WAL included, is
encrypted, so a stolen laptop's disk shows nothing readable (`desktop.security.database` decides the key).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import cast

import sqlcipher3

from desktop.failures import is_register_busy

# How long a write waits for another connection's write lock before it fails with "database is locked". Other
# writers' ordinary transactions last milliseconds; an import or a sync can hold the lock for minutes, and each
# program decides how its user waits for that: the app's window briefly (`set_busy_wait`), a command until the
# job is done (`writer_active`, asked again and again).
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
    return cast(sqlite3.Connection, conn)  # sqlcipher3 has the sqlite3 API and ships no type hints


def connect(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A connection in autocommit mode: the store opens transactions itself (BEGIN IMMEDIATE / SAVEPOINT)."""
    if key is None:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    else:
        conn = open_encrypted(path, key)
    try:
        conn.execute("PRAGMA secure_delete = ON")  # deleted (purged) rows leave no readable trace in free pages
        conn.execute("PRAGMA temp_store = MEMORY")  # temporary tables (the write gate, merge keys) never touch disk
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


def set_busy_wait(conn: sqlite3.Connection, milliseconds: int) -> None:
    """Let a write on `conn` wait this long for another connection's write lock (instead of `BUSY_TIMEOUT_MS`)."""
    conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


def writer_active(conn: sqlite3.Connection) -> bool:
    """Whether another connection holds the write lock right now, asked without waiting for it.

    Only for telling the user that a wait begins: the lock may be taken or released just after. Not inside a
    transaction of `conn`."""
    wait = int(conn.execute("PRAGMA busy_timeout").fetchone()[0])
    set_busy_wait(conn, 0)
    try:
        conn.execute("BEGIN IMMEDIATE")
    except DATABASE_ERRORS as error:
        if not is_register_busy(error):
            raise
        return True
    finally:
        set_busy_wait(conn, wait)
    conn.execute("ROLLBACK")
    return False


def guard_tables(conn: sqlite3.Connection, guarded: frozenset[str]) -> None:
    """Make SQLite refuse every INSERT/UPDATE/DELETE of a `guarded` table unless the write path has opened the
    gate (`set_write_gate`), on every execution of every statement.

    This turns "nothing else writes synced tables" from a convention into a rule the database enforces: a stray
    raw write to `households` anywhere else fails with "not authorized", and a change can never reach a synced
    table without its outbox entry (it would silently never sync). Temporary triggers on this connection check a
    flag in a temporary table, row by row: an authorizer, which SQLite consults only when a statement is
    prepared, let a statement with the writer's own SQL text through when it came back from the statement cache.
    """
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS write_gate (open INTEGER NOT NULL)")
    conn.execute("DELETE FROM temp.write_gate")
    conn.execute("INSERT INTO temp.write_gate (open) VALUES (0)")
    for table in sorted(guarded):
        for operation in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS guard_{table}_{operation.lower()} BEFORE {operation} "
                f"ON main.{table} WHEN (SELECT open FROM temp.write_gate) = 0 "
                f"BEGIN SELECT RAISE(ABORT, 'not authorized: {table} is written only by the write path'); END")


def set_write_gate(conn: sqlite3.Connection, opening: bool) -> None:
    """Open (or close again) the guard of `guard_tables` for the write path; nests."""
    conn.execute("UPDATE temp.write_gate SET open = open + ?", (1 if opening else -1,))
