"""`Store`: the one object that owns the database connection of this laptop.

It opens (or creates) the file, runs the migrations, knows this device's id, gives out transactions that nest
(BEGIN IMMEDIATE outside, SAVEPOINT inside) and carries the `Writer`, the only code allowed to write synced
tables.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import files
from desktop.errors import WardbookError
from desktop.failures import environment_error
from desktop.paths import default_db_path
from desktop.store import (
    identity,
    messages,  # noqa: F401  (registers the store's messages)
    place,
)
from desktop.store.connection import DATABASE_ERRORS, connect, guard_tables
from desktop.store.migrations import LATEST, migrate, schema_version
from desktop.store.tables import SYNCED
from desktop.store.writer import Writer, new_id, utc_now_iso

if TYPE_CHECKING:
    import sqlite_utils


def _forget_unmade(path: Path, made: bool) -> None:
    """Remove a database this very call began to create and could not finish (a full disk): left behind, a file
    with no tables was refused for ever after as "not a WardBook database", even once there was room."""
    if made:
        for own in (path, *(Path(str(path) + suffix) for suffix in files.SIDE_SUFFIXES)):
            with suppress(OSError):
                own.unlink()


class Store:
    """The laptop's database. Use `Store.open(path)`; close it (or use it as a context manager) when done."""

    def __init__(self, path: Path, conn: sqlite3.Connection, key: bytes | None = None) -> None:
        self.path = path
        self.conn = conn
        self.key = key  # the SQLCipher key (None: a plain file); backups are written with it
        self._depth = 0
        self._lock = threading.RLock()
        self._protected = False
        identity.check_connection(conn, path)
        if schema_version(conn) != LATEST:  # a file of an older version (or a newer one, which migrate refuses)
            migrate(self.db)
        self._ensure_device()
        identity.mark(conn)
        self.writer = Writer(self)
        # The rights module builds on the store's tables: imported here, not at the top, to keep the import order free.
        from desktop.security.rights import LocalRights

        self.writer.check = LocalRights(self)
        guard_tables(conn, frozenset(SYNCED))

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, key: bytes | None = None) -> Store:
        """Open the database at `path`; with `create`, make a new one when none exists.

        With `key` the file is SQLCipher-encrypted; choosing and keeping the key is `desktop.security`'s job.
        """
        path = Path(path)
        place.check_place(path)
        identity.check_file(path, encrypted_ok=key is not None)
        made = not path.exists()
        if made:
            if not create:
                raise WardbookError("store.missing", path=str(path))
            files.create_private(path)
        for own in (path, *(Path(str(path) + suffix) for suffix in files.SIDE_SUFFIXES)):
            if own.exists():
                files.keep_private(own)  # a database (and its WAL) made 0644 by an older version
        if path.parent == default_db_path().parent:
            files.keep_private(path.parent)  # WardBook's own data folder; a folder the user chose stays theirs
        try:
            conn = connect(path, key)
        except DATABASE_ERRORS as error:
            _forget_unmade(path, made)
            raise environment_error(error, path) or WardbookError(
                "store.unreadable", path=str(path), reason=str(error)) from error
        try:
            store = cls(path, conn, key)
        except BaseException as error:
            conn.close()
            _forget_unmade(path, made)
            if isinstance(error, DATABASE_ERRORS):
                raise environment_error(error, path) or WardbookError(
                    "store.unreadable", path=str(path), reason=str(error)) from error
            raise
        files.protect(path)  # no report, export or backup may be written over it while it is open
        store._protected = True
        return store

    def close(self) -> None:
        self.conn.close()
        if self._protected:
            self._protected = False
            files.release(self.path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils' view of the connection, which the migrations use.

        Made on first use: importing sqlite-utils costs ~30 ms (it looks for plugins in the installed packages'
        metadata), and opening a database that is already up to date does not need it.
        """
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    @property
    def device_id(self) -> str:
        return self.writer.device_id

    def _ensure_device(self) -> None:
        if self.conn.execute("SELECT 1 FROM device").fetchone() is None:
            with self.transaction():
                self.conn.execute(
                    "INSERT INTO device (one, device_id, hlc_last, created_at) VALUES (1, ?, 0, ?)",
                    (new_id(), utc_now_iso()),
                )

    @property
    def in_transaction(self) -> bool:
        """Whether a `transaction()` block is open: a new one would be a savepoint (see `Writer.write`)."""
        return self._depth > 0

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing block; nested blocks become savepoints so an inner failure can be caught."""
        with self._lock:
            depth = self._depth
            savepoint = f"sp{depth}"
            self.conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                # SQLite may have rolled back already (a full disk does): the error to report is the one
                # that got us here, never "cannot rollback - no transaction is active".
                with suppress(*DATABASE_ERRORS):
                    if depth == 0:
                        self.conn.execute("ROLLBACK")
                    else:
                        self.conn.execute(f"ROLLBACK TO {savepoint}")
                        self.conn.execute(f"RELEASE {savepoint}")
                raise
            self._depth -= 1
            self.conn.execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
