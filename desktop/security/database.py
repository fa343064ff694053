"""Opening the laptop's database encrypted at rest, migrating a plain one in place, backups and restores.

The database is a SQLCipher file keyed with 32 random bytes. The key lives in a `SecretStore` (the OS keyring,
or a passphrase-protected key file chosen explicitly), under the name `db-key:<salt>`, where the salt is the
first 16 bytes of the file that SQLCipher draws at random: the key follows the file when it is moved or
renamed, and a backup (which gets its own salt) has its own entry holding the same key.

A plain database made by an earlier version is migrated in place: `sqlcipher_export` into a new file beside
it, every table's row count compared, the key saved, then two renames (plain → `.plain-old`, new → the name),
and the plain file overwritten with zeros and removed. Each step can be interrupted: `_recover` finishes the
job on the next open, and the plain data is never removed before the encrypted copy is in place.

A restore takes back only a backup of this register (or goes onto a register not used yet) and keeps the
database it replaces in a copy beside it; see `restore`.

A laptop that had to keep its keys in a key file goes back to the OS keyring with `copy_keys`: every database
key of the file reaches the keyring, checked, before the caller stops using the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlcipher3

from desktop import files
from desktop.errors import WardbookError
from desktop.failures import cause_of, environment_error
from desktop.progress import Cancelled, Progress
from desktop.security import audit
from desktop.security.secrets import PassphraseFileSecrets, SecretStore
from desktop.security.session import attach, attached_actor, authorize
from desktop.store import Store, identity, place
from desktop.store.connection import DATABASE_ERRORS, connect
from desktop.store.in_use import REPLACE, hold_register, hold_sync
from desktop.store.tables import SYNCED

PLAIN_HEADER = b"SQLite format 3\x00"
SIDE_FILES = ("-wal", "-shm", "-journal")


def is_plain(path: Path) -> bool:
    """True for an unencrypted SQLite file (its first 16 bytes are SQLite's well-known header)."""
    with open(path, "rb") as handle:
        return handle.read(16) == PLAIN_HEADER


def key_name(path: Path) -> str:
    with open(path, "rb") as handle:
        salt = handle.read(16)
    if len(salt) < 16:
        raise WardbookError("store.unreadable", path=str(path), reason="too short")
    return f"db-key:{salt.hex()}"


def _encrypting(path: Path) -> Path:
    return path.with_name(path.name + ".encrypting")


def _plain_old(path: Path) -> Path:
    return path.with_name(path.name + ".plain-old")


def shred(path: Path) -> None:
    """Overwrite a file with zeros, flush it to disk and remove it (missing files are fine).

    On SSDs and copy-on-write filesystems the old blocks may survive the overwrite; full-disk encryption is
    the answer there. This still keeps the plain data out of reach of anyone who just reads files.
    """
    if not path.exists():
        return
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        chunk = b"\0" * 1024 * 1024
        # Exactly the file's own bytes: whole chunks past its end made it grow, which a nearly full disk refused,
        # and every later open of the register failed on the same shred until room was made.
        for start in range(0, size, len(chunk)):
            handle.write(chunk[:size - start])
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def _recover(path: Path) -> None:
    """Finish a migration to encryption that was interrupted (see the module docstring)."""
    encrypting, plain_old = _encrypting(path), _plain_old(path)
    if not path.exists() and plain_old.exists():
        if encrypting.exists():  # both renames were due; the encrypted copy was complete before the first
            os.replace(encrypting, path)
        else:
            os.replace(plain_old, path)
        files.fsync_dir(path.parent)
    if path.exists() and not is_plain(path):
        for leftover in (plain_old, *(Path(str(plain_old) + s) for s in SIDE_FILES)):
            shred(leftover)
    if encrypting.exists() and path.exists():
        encrypting.unlink()  # an unfinished export: the plain database is still the real one


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
    )]
    return {name: int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]) for name in names}


def encrypt_in_place(path: Path, secrets: SecretStore) -> None:
    """Turn the plain database at `path` into a SQLCipher one with a new random key, keeping every row."""
    path = Path(path)
    _recover(path)
    if not is_plain(path):
        return
    secrets.get("db-key:probe")  # fails now, with its message, if the key store cannot work
    key = os.urandom(32)
    encrypting = _encrypting(path)
    if encrypting.exists():
        encrypting.unlink()
    plain = sqlcipher3.connect(str(path), isolation_level=None)  # no key: reads the plain file
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = int(plain.execute("PRAGMA user_version").fetchone()[0])
        before = _table_counts(plain)
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY \"x'{key.hex()}'\"", (str(encrypting),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute(f"PRAGMA encrypted.user_version = {version}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    check = connect(encrypting, key)
    try:
        after = _table_counts(check)
        check.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        check.close()
    if after != before:
        encrypting.unlink()
        raise WardbookError("security.migration_mismatch", path=str(path))
    secrets.set(key_name(encrypting), key)
    # The closed plain connection left no side file behind; a stale one must not be replayed on the new file.
    for suffix in SIDE_FILES:
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(path, _plain_old(path))
    os.replace(encrypting, path)
    files.fsync_dir(path.parent)
    _recover(path)


def open_database(path: Path | str, secrets: SecretStore | None, *, create: bool = False) -> Store:
    """Open (or create) the encrypted database, migrating a plain one first; audit every change made with it.

    `secrets=None` is the explicit choice of a plain database (development and tests only: the CLI's
    `WARDBOOK_UNENCRYPTED=1`); it still opens an encrypted file only with its key, so nothing is ever
    decrypted silently.
    """
    path = Path(path)
    place.check_place(path)
    # Before any step below may write to it. A file that may be encrypted passes here even without a key store:
    # it is then told to need its key (below), not called a stranger's file.
    identity.check_file(path, encrypted_ok=True)
    _recover(path)
    if not path.exists() or path.stat().st_size == 0:
        if not create:
            raise WardbookError("store.missing", path=str(path))
        store = Store.open(path, create=True) if secrets is None else _create_encrypted(path, secrets)
    elif is_plain(path):
        if secrets is not None:
            with hold_register(path, REPLACE):  # the file is renamed: never under an open app
                encrypt_in_place(path, secrets)
            store = _open_encrypted(path, secrets)
        else:
            store = Store.open(path)
    else:
        if secrets is None:
            raise WardbookError("security.needs_key", path=str(path))
        store = _open_encrypted(path, secrets)
    audit.install(store)
    return store


def reopen(store: Store) -> Store:
    """A second connection to the same database, for a background job: same key, same logged-in user, same
    audit hook. (A SQLite connection must not be shared across threads while another thread uses it.)"""
    other = Store.open(store.path, key=store.key)
    actor = attached_actor(store)
    if actor is not None:
        attach(other, actor)
    if any(isinstance(hook, audit.ChangeLogger) for hook in store.writer.after_write):
        audit.install(other)
    return other


def copy_keys(store: Store, source: PassphraseFileSecrets, target: SecretStore) -> list[str]:
    """Copy the open database's key, and every other database key of the key file `source` (those of backups
    made with it), into `target`, each read back to check; returns the names copied.

    Only once all of them are in `target` may the caller forget the key file, or a database or a backup
    would no longer open. The key file itself is left as it is: what becomes of it is the user's choice.
    """
    own = key_name(store.path)
    if store.key is None or source.get(own) != store.key:
        raise WardbookError("security.no_db_key", path=str(store.path))
    target.get("db-key:probe")  # fails now, with its message, if the target store cannot work
    copied = []
    for name in [own, *(name for name in source.names() if name.startswith("db-key:") and name != own)]:
        value = source.get(name)
        if value is None:
            continue  # removed from the file since it was listed: nothing to keep
        target.set(name, value)
        if target.get(name) != value:
            raise WardbookError("security.key_not_kept", name=name)
        copied.append(name)
    return copied


def _create_encrypted(path: Path, secrets: SecretStore) -> Store:
    secrets.get("db-key:probe")  # no database file is made when the key cannot be kept
    key = os.urandom(32)
    store = Store.open(path, create=True, key=key)
    try:
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        secrets.set(key_name(path), key)
    except BaseException:
        store.close()
        for leftover in (path, *(Path(str(path) + s) for s in SIDE_FILES)):
            leftover.unlink(missing_ok=True)
        raise
    return store


def _open_encrypted(path: Path, secrets: SecretStore) -> Store:
    return Store.open(path, key=_key_of(path, secrets))


def _key_of(path: Path, secrets: SecretStore | None) -> bytes | None:
    """The key of the database file at `path` from the key store (None for a plain file), or why there is none."""
    if is_plain(path):
        return None
    if secrets is None:
        raise WardbookError("security.needs_key", path=str(path))
    key = secrets.get(key_name(path))
    if key is None:
        raise WardbookError("security.no_db_key", path=str(path))
    return key


def backup(store: Store, destination: Path, secrets: SecretStore | None, progress: Progress | None = None,
           cancelled: Cancelled | None = None) -> None:
    """Copy the open database to `destination` with SQLite's backup API; the copy has the same key.

    The copy is written beside the destination and renamed into place (`desktop.files`), so a failed or
    cancelled backup never leaves a half-written file that looks like a good one. `progress(done, total, "")`
    follows the pages copied (a ward's register is hundreds of megabytes, and a USB stick is slow); `cancelled()`
    is asked between steps and stops the copy with InterruptedError.
    """
    actor = authorize(store, "backup")
    destination = Path(destination)
    files.check_target(destination)
    if destination.exists():
        raise WardbookError("security.backup_exists", path=str(destination))
    if store.key is not None and secrets is None:
        raise WardbookError("security.needs_key", path=str(destination))
    audit.record(store, "backup", None, None, {"file": destination.name}, actor=actor)
    _write_copy(store.conn, destination, store.key, secrets, progress, cancelled)


# Pages copied per step of a backup: 8 MiB of 4 KiB pages, a few dozen steps for a large ward's register.
BACKUP_STEP_PAGES = 2048


def _copy_pages(conn: sqlite3.Connection, target: sqlite3.Connection, progress: Progress | None,
                cancelled: Cancelled | None) -> None:
    """SQLite's backup API, `BACKUP_STEP_PAGES` at a time, telling its progress and stopping when cancelled.

    The steps run inside one read transaction of `conn`, so the copy is the database as it was when it began:
    between two steps SQLite lets go of the source, and a write by another connection (a sync, a visit saved
    meanwhile) would make it start the copy over, again and again while the writes go on."""
    def step(_status: int, remaining: int, total: int) -> None:
        if progress is not None:
            progress(total - remaining, total, "")
        if cancelled is not None and cancelled():
            raise InterruptedError("backup cancelled")

    reading = not conn.in_transaction
    if reading:
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot begins with the first read
    try:
        conn.backup(target, pages=BACKUP_STEP_PAGES, progress=step)
    finally:
        if reading:
            conn.execute("ROLLBACK")  # only read


def _write_copy(conn: sqlite3.Connection, destination: Path, key: bytes | None, secrets: SecretStore | None,
                progress: Progress | None = None, cancelled: Cancelled | None = None) -> None:
    """Write the database open on `conn` to `destination` as one self-contained file with the same key (its own
    key-store entry, the copy having its own salt), renamed into place only once complete."""
    with files.atomic_output(destination) as temp:
        try:
            target = connect(temp, key)
            try:
                _copy_pages(conn, target, progress, cancelled)
                target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            finally:
                target.close()
        except DATABASE_ERRORS as error:  # the copy's disk is full or gone: name the copy, not the database
            raise environment_error(error, destination) or error from error
        if key is not None:
            assert secrets is not None
            secrets.set(key_name(temp), key)


@dataclass(frozen=True)
class _Register:
    """What a restore must know of a database: which register it is, and who can run it."""

    device_id: str | None  # drawn when the database was made; a backup (SQLite's backup API) keeps it
    accounts: bool  # an account with a password has existed: the register is out of setup mode for good
    active_admin: bool  # an enabled admin with a password, who can run the register after the restore
    records: bool  # any ward record (or its deletion) in a synced table, the accounts and audit log aside

    @property
    def blank(self) -> bool:
        """Made and never used (a first start, `wardbook init` without an admin): nothing here to protect."""
        return not self.records and not self.accounts


def _register(conn: sqlite3.Connection) -> _Register:
    """Read on a raw connection: the tables and columns used here exist in every schema version."""
    present = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    device = conn.execute("SELECT device_id FROM device").fetchone() if "device" in present else None
    users = "users" in present
    accounts = users and conn.execute("SELECT 1 FROM users WHERE password_hash IS NOT NULL LIMIT 1").fetchone()
    admin = users and conn.execute(
        "SELECT 1 FROM users WHERE role = 'admin' AND active = 1 AND password_hash IS NOT NULL "
        "AND deleted_hlc IS NULL LIMIT 1").fetchone()
    records = any(conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone()
                  for table in SYNCED if table not in ("users", "audit_log") and table in present)
    return _Register(None if device is None else str(device[0]), bool(accounts), bool(admin), records)


def _check_restore(current: _Register | None, restored: _Register, source: Path) -> None:
    """Refuse a restore that would lose this register or its protection (`current` None: no database yet).

    A backup must be of this register (same device id): restoring another laptop's or another ward's database
    would put its people's records where this ward's were, under accounts nobody here knows. Where there is
    no database yet, or a blank one (`_Register.blank`), any backup is taken: that is how a replacement laptop
    gets the register of the one it replaces (its first start made a blank register). And the register must
    keep an admin who can run it: a backup without an active admin is refused, unless it and the register it
    replaces are both still in setup mode (a restore then opens nothing that was closed).
    """
    if current is not None and not current.blank and restored.device_id != current.device_id:
        raise WardbookError("security.restore_other_register", path=str(source))
    if not restored.active_admin and (restored.accounts or (current is not None and current.accounts)):
        raise WardbookError("security.restore_no_admin", path=str(source))


@contextmanager
def _open_backup(source: Path, secrets: SecretStore | None) -> Iterator[tuple[sqlite3.Connection, bytes | None]]:
    """The backup `source`, checked to be a WardBook database and opened with its key, and that key."""
    source = Path(source)
    if not source.is_file():
        raise WardbookError("security.backup_missing", path=str(source))
    if _blank_file(source):  # empty, or zeros where any database has its header (SQLite's, or SQLCipher's salt)
        raise WardbookError("security.not_a_backup", path=str(source))
    identity.check_file(source, encrypted_ok=True)
    key = _key_of(source, secrets)
    try:
        conn = connect(source, key)
    except DATABASE_ERRORS as error:
        raise WardbookError("security.backup_damaged", path=str(source)) from error
    try:
        try:
            identity.check_connection(conn, source)
        except DATABASE_ERRORS as error:
            raise WardbookError("security.backup_damaged", path=str(source)) from error
        yield conn, key
    finally:
        conn.close()


def _blank_file(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(100)
    return len(head) < 100 or not head.strip(b"\0")


def _same_file(one: Path, other: Path) -> bool:
    """Whether both paths name the very same file (a restore of the register onto itself)."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False


def check_restore(store: Store, source: Path, secrets: SecretStore | None) -> None:
    """Raise now, while the register is still open, the refusal `restore` would give for `source` (the app asks
    before it closes to restore; `restore` checks again)."""
    if _same_file(Path(source), store.path):
        raise WardbookError("security.restore_self", path=str(source))
    with _open_backup(source, secrets) as (conn, _key):
        try:
            restored = _register(conn)
        except DATABASE_ERRORS as error:
            raise WardbookError("security.backup_damaged", path=str(source)) from error
    _check_restore(_register(store.conn), restored, Path(source))


def _current(path: Path, secrets: SecretStore | None) -> tuple[_Register, bytes | None] | None:
    """The (closed) database at `path` as a restore finds it, and its key; None when there is none yet."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    key = _key_of(path, secrets)
    try:
        conn = connect(path, key)
        try:
            return _register(conn), key
        finally:
            conn.close()
    except DATABASE_ERRORS as error:
        raise WardbookError("store.unreadable", path=str(path), reason=str(error)) from error


KEPT_MARK = ".before-restore-"


def kept_copies(path: Path) -> list[Path]:
    """The copies restores kept beside the register at `path` (`_kept_name`), oldest first."""
    return sorted(found for found in path.parent.glob(f"{path.name}{KEPT_MARK}*")
                  if found.is_file() and not found.name.endswith(SIDE_FILES))


def _kept_name(path: Path) -> Path:
    """`<name>.before-restore-<local date and time>` beside `path`, numbered if a restore in the same second
    already took the name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}{KEPT_MARK}{stamp}")
    number = 1
    while kept.exists():
        number += 1
        kept = path.with_name(f"{path.name}{KEPT_MARK}{stamp}-{number}")
    return kept


def _keep_aside(path: Path, key: bytes | None, secrets: SecretStore | None, progress: Progress | None = None) -> Path:
    """Copy the database at `path`, with its key and encryption, to a new `_kept_name` beside it."""
    kept = _kept_name(path)
    try:
        conn = connect(path, key)
        try:
            _write_copy(conn, kept, key, secrets, progress)
        finally:
            conn.close()
    except DATABASE_ERRORS as error:
        raise WardbookError("store.unreadable", path=str(path), reason=str(error)) from error
    return kept


def restore(path: Path, source: Path, secrets: SecretStore | None, progress: Progress | None = None) -> Path | None:
    """Replace the (closed) database at `path` by the backup `source`; returns where the replaced database is
    kept (None when there was none). `progress(done, total, "")` follows the two copies it makes, as per mille
    of the whole (a ward's register is hundreds of megabytes: the app shows it while its window is gone).

    Only a backup of this register, with an admin, is taken (`_check_restore`; a blank register takes any).
    The caller checks who may restore (an admin of the current database when there is one, see the CLI).
    The restored file keeps the backup's key. It is made and opened (an older backup migrated, a newer one
    refused) beside the database before anything else happens; then the current database is copied, with
    its own key and encryption, to `<name>.before-restore-<date-time>` — a restore of the wrong backup loses
    nothing — and only then is the restored file renamed over it. Until that rename the database is untouched.

    Refused while WardBook is open on the database (or a sync of it runs) in another process: that process
    would go on writing into the replaced file, which has no name any more, and every later save of it would
    be lost without a word. The app restoring as it closes holds the register itself, which is allowed.
    """
    path, source = Path(path), Path(source)
    with hold_register(path, REPLACE), hold_sync(path):
        return _replace(path, source, secrets, progress)


def _part(progress: Progress | None, part: int, parts: int) -> Progress | None:
    """`progress` of one of `parts` equal parts of a job, told as per mille of the whole."""
    if progress is None:
        return None
    report = progress

    def told(done: int, total: int, message: str = "") -> None:
        report((1000 * part + 1000 * done // max(total, 1)) // parts, 1000, message)

    return told


_WRITING_CAUSES = {"env.disk_full", "env.quota", "env.too_big", "env.read_only", "env.not_writable"}


def _replace(path: Path, source: Path, secrets: SecretStore | None, progress: Progress | None) -> Path | None:
    """The restore itself (see `restore`), with the register held."""
    if _same_file(source, path):
        raise WardbookError("security.restore_self", path=str(source))
    current = _current(path, secrets)
    copies = 1 if current is None else 2
    temp = path.with_name(path.name + ".restoring")
    temp.unlink(missing_ok=True)
    kept = None
    try:
        with _open_backup(source, secrets) as (origin, key):
            _check_restore(None if current is None else current[0], _register(origin), source)
            target = connect(temp, key)
            try:
                _copy_pages(origin, target, _part(progress, 0, copies), None)
                target.execute("PRAGMA journal_mode = WAL")
                # Every page read back before anything is replaced: a backup damaged on its stick (pages zeroed,
                # cut short) copies without a word and would put a register that fails on first use in place.
                if target.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
                    raise WardbookError("security.backup_damaged", path=str(source))
            finally:
                target.close()
        if key is not None:
            assert secrets is not None
            secrets.set(key_name(temp), key)
        with Store.open(temp, key=key) as restored:
            audit.install(restored)
            audit.record(restored, "restore", None, None, {"file": source.name})
        if current is not None:
            kept = _keep_aside(path, current[1], secrets, _part(progress, 1, copies))
    except BaseException as error:
        for leftover in (temp, *(Path(str(temp) + s) for s in SIDE_FILES)):
            leftover.unlink(missing_ok=True)
        if isinstance(error, DATABASE_ERRORS):
            # Writing the copy beside the register can fail for want of room or of the right to write: that is
            # this disk's, and the same backup restores once there is room; anything else SQLite says is the backup's.
            if cause_of(error) in _WRITING_CAUSES:
                raise environment_error(error, path) or error from error
            raise WardbookError("security.backup_damaged", path=str(source)) from error
        raise
    # The current database is closed and copied: a side file left by a crash must not be replayed on the new one.
    for suffix in SIDE_FILES:
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(temp, path)
    files.fsync_dir(path.parent)
    return kept
