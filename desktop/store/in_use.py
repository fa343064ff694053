"""Is this register in use? Told by operating-system locks on two small files beside the database.

Why: SQLite lets several programs use one file, but some jobs must be alone with it. A restore replaces the
file: an app left open on it went on "saving" into the replaced file, which no longer has a name, and every
save was lost without a word. Two WardBook windows on one register undid each other's work. Two syncs of the
same laptop at once raced for the same file names on the share. So:

- `<database>.in-use` is held by the app for its whole session (kind `APP`) and by every job that replaces the
  whole file (kind `REPLACE`: a restore, the move of a plain database to an encrypted one). A second app, or a
  restore while the app is open, is refused with a sentence. Other commands (a visit added from the command
  line, an import, a sync) do not take it: SQLite's own locking lets them work beside the open app.
- `<database>.syncing` is held by a sync for its round (and by a restore): a second sync of the same laptop
  is told that one is already running.

The locks are advisory locks of the operating system (`flock` on Linux and macOS, `msvcrt.locking` on Windows,
both in the standard library): the system drops them when the process ends, however it ends, so a crash or a
power cut never leaves the register marked "in use" (a file it leaves behind is simply locked again). The
holder removes its file as it lets go, and whoever locks a file checks that it still bears the name, so that
two processes never each hold a different file of the same name. The holder writes its kind at the start of
the file, so that whoever is refused can say why; on Windows a locked byte cannot be read, so the lock is taken
on a byte far past that text.

One process may take the register lock again while it holds it (the app restoring the backup its admin chose,
as it closes); the sync lock is taken once only, so two syncs in one process are refused as well.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from desktop import files
from desktop.errors import WardbookError
from desktop.failures import environment_error

APP = "app"
REPLACE = "replace"
SYNC = "sync"
REGISTER_SUFFIX = ".in-use"
SYNC_SUFFIX = ".syncing"
_RECORD_BYTES = 64  # the holder's kind and process id, padded: rewritten in place, never truncated
_LOCK_AT = 1 << 20  # Windows: the locked byte, past the record so that the record stays readable

_held: dict[str, _Lock] = {}  # register locks this process holds, by the lock file's real path
_guard = threading.Lock()


@dataclass
class _Lock:
    fd: int
    lock_file: Path
    depth: int = 1


def _locked(fd: int) -> bool:
    """Take the lock on the open lock file `fd` without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _LOCK_AT, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        # POSIX says EWOULDBLOCK; Windows' C library EACCES ("locking violation"), or EDEADLOCK
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, getattr(errno, "EDEADLOCK", None)):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _open(lock_file: Path) -> int:
    files.private_folder(lock_file.parent)
    try:
        return os.open(lock_file, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    except OSError as error:
        raise environment_error(error, lock_file) or error from error


def holder(lock_file: Path) -> str | None:
    """The kind of whoever last held `lock_file` (None: never held, or the holder had not yet written it)."""
    try:
        with open(lock_file, "rb") as handle:
            words = handle.read(_RECORD_BYTES).decode("ascii", "replace").split()
    except OSError:
        return None
    return words[0] if words else None


def _named(fd: int, lock_file: Path) -> bool:
    """Whether the open file `fd` is still the one named `lock_file` (its holder removes it as it lets go)."""
    try:
        named = os.stat(lock_file)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino)


def _take(lock_file: Path, kind: str) -> int | None:
    """The open, locked `lock_file` with `kind` written in it; None when another process holds it."""
    while True:
        fd = _open(lock_file)
        try:
            if not _locked(fd):
                os.close(fd)
                return None
            if _named(fd, lock_file):
                _write_record(fd, lock_file, kind)
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)  # locked a file its holder removed meanwhile: the lock is the file named so now


def _write_record(fd: int, lock_file: Path, kind: str) -> None:
    """Write the holder's record into the locked `fd`. On a disk full to the last byte the write fails: the lock
    file goes (nothing is left beside the database) and the error names the register, whose disk it is."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{kind} {os.getpid()}".encode("ascii").ljust(_RECORD_BYTES))
    except OSError as error:
        with suppress(OSError):
            os.unlink(lock_file)
        raise environment_error(error, lock_file.with_suffix("")) or error from error


def _give_back(fd: int, lock_file: Path) -> None:
    """Let go of the lock and remove its file, so that nothing is left beside the database. On POSIX the file
    goes while still locked (whoever opened it meanwhile sees it is gone, see `_take`); Windows removes no open
    file, so there it goes after, and stays when another process has opened it already."""
    try:
        if sys.platform != "win32":
            lock_file.unlink(missing_ok=True)
        _unlock(fd)
    finally:
        os.close(fd)
    if sys.platform == "win32":
        with suppress(OSError):
            lock_file.unlink()


def _refusal(database: Path, asking: str, held_by: str | None) -> WardbookError:
    """Why `asking` cannot have the register now, in words that fit who holds it."""
    if held_by == REPLACE:
        return WardbookError("store.being_replaced", path=str(database))
    if asking == APP:
        return WardbookError("store.app_already_open", path=str(database))
    return WardbookError("store.app_open", path=str(database))


class Hold:
    """A lock this process holds; `release` it (or use it as a context manager) when the work is done."""

    def __init__(self, release: Callable[[], None]) -> None:
        self._release: Callable[[], None] | None = release

    def release(self) -> None:
        if self._release is not None:
            release, self._release = self._release, None
            release()

    def __enter__(self) -> Hold:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def hold_register(database: Path | str, kind: str) -> Hold:
    """Hold the register at `database` for the app's session (`APP`) or a job that replaces the whole file
    (`REPLACE`); raises a WardbookError that says who has it when another process does."""
    database = Path(database)
    lock_file = Path(str(database) + REGISTER_SUFFIX)
    key = os.path.realpath(lock_file)
    with _guard:
        if key in _held:
            _held[key].depth += 1
        else:
            fd = _take(lock_file, kind)
            if fd is None:
                raise _refusal(database, kind, holder(lock_file))
            _held[key] = _Lock(fd, lock_file)

    def release() -> None:
        with _guard:
            lock = _held[key]
            lock.depth -= 1
            if lock.depth == 0:
                del _held[key]
                _give_back(lock.fd, lock.lock_file)

    return Hold(release)


def hold_sync(database: Path | str) -> Hold:
    """Hold this laptop's sync for one round; raises a WardbookError when a sync of it is already running."""
    database = Path(database)
    lock_file = Path(str(database) + SYNC_SUFFIX)
    fd = _take(lock_file, SYNC)
    if fd is None:
        raise WardbookError("store.sync_running", path=str(database))
    return Hold(lambda: _give_back(fd, lock_file))
