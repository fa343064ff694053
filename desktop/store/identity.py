"""Is this file a WardBook database? Decided before anything writes to it.

A WardBook database carries SQLite's `application_id` (`APPLICATION_ID`, "WBK1"). Files made before the mark
existed are recognised by their schema (a `user_version` of at least 1 and WardBook's own `device` and
`households` tables) and get the mark when opened. Anything else that is not empty — another program's SQLite
file, a text file, a folder — is refused untouched: opening it in WAL mode, migrating it or encrypting it in
place would damage a file the user never meant to give us (`--db` pointing at the wrong file).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.errors import WardbookError

APPLICATION_ID = 0x57424B31  # "WBK1" in ASCII
PLAIN_HEADER = b"SQLite format 3\x00"
_OWN_TABLES = {"device", "households"}


def is_ours(conn: sqlite3.Connection) -> bool:
    """True when the open database is WardBook's (marked, or an unmarked one of an older version) or blank."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id == APPLICATION_ID:
        return True
    if app_id != 0:
        return False
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    return (version == 0 and not names) or (version >= 1 and names >= _OWN_TABLES)


def check_connection(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse an open database that is not WardBook's (for encrypted files, which only the key can read)."""
    if not is_ours(conn):
        raise WardbookError("store.not_wardbook", path=str(path))


def check_file(path: Path, *, encrypted_ok: bool) -> None:
    """Refuse `path` unless it is missing, empty, a WardBook database, or (with `encrypted_ok`) possibly an
    encrypted one; reads the file only, through a read-only connection, so a refused file is left as it was.
    """
    path = Path(path)
    if path.is_dir():
        raise WardbookError("store.is_directory", path=str(path))
    if not path.exists():
        return
    if not path.is_file():  # a device, a pipe: opening it as a database would chmod it and write beside it
        raise WardbookError("store.not_a_file", path=str(path))
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header:
        return
    if header[:16] != PLAIN_HEADER:
        if encrypted_ok and path.stat().st_size % 512 == 0:
            return  # a SQLCipher file looks like random bytes, whole pages; its key decides (`check_connection`)
        raise WardbookError("store.not_wardbook", path=str(path))
    if int.from_bytes(header[68:72], "big") == APPLICATION_ID:
        return
    try:
        # immutable: no lock, no -wal or -shm created beside someone else's file; the schema read here (table
        # names, user_version) was written long before and checkpointed.
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            ours = is_ours(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        ours = False
    if not ours:
        raise WardbookError("store.not_wardbook", path=str(path))


def mark(conn: sqlite3.Connection) -> None:
    """Put WardBook's mark on an open database (new, or made before the mark existed)."""
    if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
