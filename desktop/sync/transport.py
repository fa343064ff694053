"""Where the shared folder lives: a local or mounted path, or an SMB share reached with smbprotocol.

Both transports offer the same few operations on paths relative to the share, and the same promise for
`write_new`: the file appears complete under its final name or not at all, and an existing file is never
replaced (rename onto an existing name fails on both). Large files (snapshots: the whole ward) are written from
an iterable of chunks and read through a file object, so neither side holds them whole in memory.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import BinaryIO, Protocol, cast
from urllib.parse import unquote, urlparse

from desktop import files
from desktop.errors import WardbookError

# Seconds to wait for the station computer to answer. On the ward's own network it answers at once; one that is
# switched off or on another network never does, and the admin should hear so without waiting a minute (the
# library's default).
CONNECT_SECONDS = 5


class Transport(Protocol):
    description: str

    def read(self, rel: str) -> bytes: ...  # FileNotFoundError when absent, NotAFile when no regular file

    def open_read(self, rel: str) -> BinaryIO: ...  # the same, as a file to read in pieces (close it)

    def exists(self, rel: str) -> bool: ...

    def modified_ms(self, rel: str) -> int: ...  # when the file was last written, UTC ms, as the share tells it

    def listdir(self, rel: str) -> list[str]: ...  # [] when the folder is absent

    def entries(self, rel: str) -> list[tuple[str, bool]]: ...  # the same names, each with "is a folder"

    def write_new(self, rel: str, data: bytes) -> None: ...  # FileExistsError when the name is taken

    def write_new_chunks(self, rel: str, chunks: Iterable[bytes]) -> None: ...  # the same, written piece by piece

    def replace(self, rel: str, data: bytes) -> None: ...

    def delete(self, rel: str) -> None: ...

    def makedirs(self, rel: str) -> None: ...

    def remove_empty_folder(self, rel: str) -> None: ...  # OSError unless `rel` is a folder with nothing in it


class NotAFile(OSError):
    """What is under a name of the share is no regular file: a folder, a named pipe, a device or a socket, put
    there by hand or by another program. Opening a named pipe to read it waits for a writer for good: a pipe in
    place of a changeset or of station.json hung every sync of every laptop, and one among the enrollment
    requests hung the admin's list of them."""

    def __init__(self, rel: str) -> None:
        super().__init__(f"{rel} is not a regular file")
        self.filename = rel


# A named pipe opened without O_NONBLOCK waits for a writer; on a regular file the flag changes nothing. (Windows
# has neither the flag nor pipes in folders; it needs O_BINARY.)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def temp_name(rel: str) -> str:
    """A new temporary name beside `rel`, of the shape `FolderShare.clean_temporaries` removes after a crash."""
    path = PurePosixPath(rel)
    return str(path.with_name(f".{path.name}.tmp-{secrets.token_hex(4)}"))


def _name_new(temp: Path, target: Path) -> None:
    """Give the complete file `temp` the name `target`, never replacing a file that has it (FileExistsError).

    A hard link never replaces; but FAT32 and exFAT (most USB sticks) and some mounted shares have no hard
    links. There the name is checked and the file renamed instead: only this laptop writes the files of its own
    folder on the share, so no other writer can take the name in between.
    """
    try:
        os.link(temp, target)
        return
    except FileExistsError:
        raise
    except OSError:
        if target.exists():
            raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
    os.rename(temp, target)


class LocalTransport:
    """A folder on this machine: a local path, a mounted SMB/Windows share, a USB stick."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)
        self.description = str(self.root)

    def _path(self, rel: str) -> Path:
        return self.root / rel

    def read(self, rel: str) -> bytes:
        with self.open_read(rel) as handle:
            return handle.read()

    def open_read(self, rel: str) -> BinaryIO:
        """The regular file `rel`, opened without ever blocking; anything else is refused (NotAFile) unread. The
        kind is judged on the opened file itself (fstat), not on a look before opening, which a pipe put in place
        of the file between the two would pass."""
        path = self._path(rel)
        try:
            descriptor = os.open(path, _OPEN_FLAGS)
        except OSError:  # Windows refuses to open a folder at all (EACCES)
            if path.is_dir():
                raise NotAFile(rel) from None
            raise
        try:
            regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
        except BaseException:
            os.close(descriptor)
            raise
        if not regular:
            os.close(descriptor)
            raise NotAFile(rel)
        return os.fdopen(descriptor, "rb")

    def exists(self, rel: str) -> bool:
        return self._path(rel).exists()

    def modified_ms(self, rel: str) -> int:
        """By the clock of the computer the folder is on: this laptop's for a local folder or a USB stick, the
        file server's for a mounted network share (it stamps the writes it receives)."""
        return os.stat(self._path(rel)).st_mtime_ns // 1_000_000

    def listdir(self, rel: str) -> list[str]:
        try:
            return sorted(os.listdir(self._path(rel)))
        except FileNotFoundError:
            return []

    def entries(self, rel: str) -> list[tuple[str, bool]]:
        """The names in `rel`, each with whether it is a folder: the listing says so (no look at each entry)."""
        try:
            with os.scandir(self._path(rel)) as found:
                return sorted((entry.name, entry.is_dir()) for entry in found)
        except FileNotFoundError:
            return []

    def write_new(self, rel: str, data: bytes) -> None:
        self.write_new_chunks(rel, (data,))

    def write_new_chunks(self, rel: str, chunks: Iterable[bytes]) -> None:
        temp = self._path(temp_name(rel))
        try:
            _write_all(temp, self._path(rel), chunks)
            _name_new(temp, self._path(rel))
        finally:
            temp.unlink(missing_ok=True)

    def replace(self, rel: str, data: bytes) -> None:
        temp = self._path(temp_name(rel))
        try:
            _write_all(temp, self._path(rel), (data,))
            os.replace(temp, self._path(rel))
        finally:  # a full or vanished share leaves no half-written temporary file behind
            temp.unlink(missing_ok=True)

    def delete(self, rel: str) -> None:
        self._path(rel).unlink(missing_ok=True)

    def makedirs(self, rel: str) -> None:
        """Make `rel` and the folders between it and the share; "" makes the share itself (`share init` only).
        Never the share or its parents otherwise: a share unplugged or renamed during a sync would come back at
        its old path as a new, almost empty folder (or inside the empty mount point of a stick)."""
        if not rel:
            self.root.mkdir(parents=True, exist_ok=True)
            return
        folder = self.root
        for part in PurePosixPath(rel).parts:
            folder = folder / part
            folder.mkdir(exist_ok=True)  # FileNotFoundError, naming the folder, once the share is gone


    def remove_empty_folder(self, rel: str) -> None:
        os.rmdir(self._path(rel))


def _write_all(temp: Path, target: Path, chunks: Iterable[bytes]) -> None:
    """Write `chunks` to `temp` and sync it. What fails on the share names `target` (`files.naming`); what fails in
    `chunks` (this laptop's own copy being read) is left as it is."""
    with files.naming(target):
        handle = open(temp, "wb")  # noqa: SIM115  (closed by `closing_named`, whose failure is named too)
    with files.closing_named(handle, target):
        for chunk in chunks:
            with files.naming(target):
                handle.write(chunk)
        with files.naming(target):
            handle.flush()
            os.fsync(handle.fileno())


class SmbTransport:
    """`smb://[user[:password]@]host[:port]/share/folder` through smbprotocol, for machines that cannot mount.

    Credentials may also come from WARDBOOK_SMB_USER / WARDBOOK_SMB_PASSWORD so they stay out of shell history.
    """

    def __init__(self, url: str) -> None:
        import smbclient

        self._smb = smbclient
        parsed = urlparse(url)
        parts = [unquote(p) for p in parsed.path.split("/") if p]
        if parsed.scheme != "smb" or not parsed.hostname or not parts:
            raise WardbookError("sync.share_address",  # never with the password typed
                                path=parsed._replace(netloc=parsed.netloc.rpartition("@")[2]).geturl())
        self.host = parsed.hostname
        self.port = parsed.port or 445
        self.base = "\\\\" + "\\".join([self.host, *parts])
        # The address as the admin writes it (the port only when one was given), never with the password.
        self.description = f"smb://{self.host}{f':{parsed.port}' if parsed.port else ''}/{'/'.join(parts)}"
        username = unquote(parsed.username) if parsed.username else os.environ.get("WARDBOOK_SMB_USER")
        password = unquote(parsed.password) if parsed.password else os.environ.get("WARDBOOK_SMB_PASSWORD")
        self._kwargs = {"port": self.port, "username": username, "password": password,
                        "connection_timeout": CONNECT_SECONDS}
        self.share = parts[0]
        self._connect()

    def _connect(self) -> None:
        """Reach the computer, log in and open the share now: each way that fails is told in its own words
        (computer not answering, password refused, no such share), never as a folder that looks empty."""
        from smbprotocol.header import NtStatus

        where = {"host": self.host, "path": self.description}
        try:
            with self._reaching():
                self._log_in()
                self._smb.stat("\\\\" + "\\".join([self.host, self.share]), **self._kwargs)
        except OSError as error:  # the share itself, refused or absent, as the computer answered
            if isinstance(_as_missing(error, self.share), FileNotFoundError):
                raise WardbookError("sync.share_not_found", share=self.share, **where) from error
            refused = (NtStatus.STATUS_LOGON_FAILURE, NtStatus.STATUS_ACCESS_DENIED)
            if isinstance(error, PermissionError) or getattr(error, "ntstatus", None) in refused:
                raise WardbookError("sync.share_login_refused", **where) from error
            raise WardbookError("sync.share_unreachable", **where) from error

    def _log_in(self) -> None:
        """Log in to the computer with this address's name and password, never on an earlier login's strength.

        The library keeps one connection per computer and hands back a session logged in earlier by the same
        user (any user when none is named) whatever password is given now: a wrong password typed at sync set-up
        on a laptop that had synced that day was taken as right. A session logged in with other words is closed
        and the login made again with these."""
        session = self._smb.register_session(self.host, **self._kwargs)
        if session.username != self._kwargs["username"] or session.password != self._kwargs["password"]:
            self._smb.delete_session(self.host, port=self.port)
            self._smb.register_session(self.host, **self._kwargs)

    def _refusal(self, error: Exception) -> WardbookError | None:
        """What the SMB library raises when the computer cannot be reached or refuses the login, in words
        naming the share (never its errno or exception text); None for a file's own error (missing, in use):
        an OSError that the folder share handles as it does for a local folder."""
        from smbprotocol.exceptions import AccessDenied, LogonFailure, SMBAuthenticationError, SMBException

        where = {"host": self.host, "path": self.description}
        if isinstance(error, (LogonFailure, SMBAuthenticationError, AccessDenied)):
            return WardbookError("sync.share_login_refused", **where)
        if isinstance(error, OSError) and not isinstance(error, (ConnectionError, TimeoutError)):
            return None
        if isinstance(error, (SMBException, ValueError, OSError)):  # ValueError: "Failed to connect to …"
            return WardbookError("sync.share_unreachable", **where)
        return None

    @contextmanager
    def _reaching(self) -> Iterator[None]:
        """The connection failing, at the start or part way (the station switched off during a sync), is told
        in words; a file's own error stays the OSError the folder share handles."""
        try:
            yield
        except WardbookError:
            raise
        except Exception as error:
            told = self._refusal(error)
            if told is None:
                raise
            raise told from error

    def _path(self, rel: str) -> str:
        return self.base + ("\\" + rel.replace("/", "\\") if rel else "")

    def read(self, rel: str) -> bytes:
        with self.open_read(rel) as handle:
            return bytes(handle.read())

    def open_read(self, rel: str) -> BinaryIO:
        """The file `rel`; a folder under its name is refused (NotAFile). A named pipe on the station computer
        does not block here: Samba serves it as an empty file, refused like any file that is not WardBook's."""
        try:
            with self._reaching():
                return cast(BinaryIO, _Reading(self._smb.open_file(self._path(rel), mode="rb", **self._kwargs),
                                               self._reaching))
        except OSError as error:
            if error.errno == errno.EISDIR:
                raise NotAFile(rel) from error
            raise _as_missing(error, rel) from error

    def exists(self, rel: str) -> bool:
        try:
            with self._reaching():
                self._smb.stat(self._path(rel), **self._kwargs)
        except OSError as error:
            if isinstance(_as_missing(error, rel), FileNotFoundError):
                return False
            raise
        return True

    def modified_ms(self, rel: str) -> int:
        """By the station computer's clock: the SMB server stamps the writes it receives."""
        with self._reaching():
            return int(self._smb.stat(self._path(rel), **self._kwargs).st_mtime_ns) // 1_000_000

    def listdir(self, rel: str) -> list[str]:
        try:
            with self._reaching():
                return sorted(self._smb.listdir(self._path(rel), **self._kwargs))
        except OSError as error:
            if isinstance(_as_missing(error, rel), FileNotFoundError):
                return []
            raise

    def entries(self, rel: str) -> list[tuple[str, bool]]:
        """The names in `rel`, each with whether it is a folder, from the one listing the computer answers."""
        try:
            with self._reaching():
                return sorted((entry.name, entry.is_dir())
                              for entry in self._smb.scandir(self._path(rel), **self._kwargs))
        except OSError as error:
            if isinstance(_as_missing(error, rel), FileNotFoundError):
                return []
            raise

    def _write(self, rel: str, chunks: Iterable[bytes]) -> str:
        temp = temp_name(rel)
        try:
            with self._reaching(), self._smb.open_file(self._path(temp), mode="wb", **self._kwargs) as handle:
                for chunk in chunks:
                    handle.write(chunk)
                handle.flush()
        except BaseException:
            self.delete(temp)
            raise
        return temp

    def write_new(self, rel: str, data: bytes) -> None:
        self.write_new_chunks(rel, (data,))

    def write_new_chunks(self, rel: str, chunks: Iterable[bytes]) -> None:
        temp = self._write(rel, chunks)
        try:
            with self._reaching():
                self._smb.rename(self._path(temp), self._path(rel), **self._kwargs)  # fails if rel exists
        except OSError as error:
            self.delete(temp)
            if self.exists(rel):
                raise FileExistsError(rel) from error
            raise

    def replace(self, rel: str, data: bytes) -> None:
        temp = self._write(rel, (data,))
        with self._reaching():
            self._smb.replace(self._path(temp), self._path(rel), **self._kwargs)

    def delete(self, rel: str) -> None:
        try:
            with self._reaching():
                self._smb.remove(self._path(rel), **self._kwargs)
        except OSError as error:
            if not isinstance(_as_missing(error, rel), FileNotFoundError):
                raise

    def makedirs(self, rel: str) -> None:
        with self._reaching():
            self._smb.makedirs(self._path(rel), exist_ok=True, **self._kwargs)

    def remove_empty_folder(self, rel: str) -> None:
        with self._reaching():
            self._smb.rmdir(self._path(rel), **self._kwargs)


class _Reading:
    """A file being read from the share whose connection failing part way (a snapshot read over a minute) is
    told in words, like the open before it."""

    def __init__(self, handle: BinaryIO, reaching: Callable[[], AbstractContextManager[None]]) -> None:
        self._handle = handle
        self._reaching = reaching

    def read(self, size: int = -1) -> bytes:
        with self._reaching():
            return self._handle.read(size)

    def close(self) -> None:
        with self._reaching():
            self._handle.close()

    def __enter__(self) -> _Reading:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def _as_missing(error: OSError, rel: str) -> OSError:
    """smbprotocol reports a missing file or folder as SMBOSError with errno ENOENT: make it FileNotFoundError."""
    if isinstance(error, FileNotFoundError) or error.errno == errno.ENOENT:
        return FileNotFoundError(errno.ENOENT, "not found", rel)
    return error


def open_transport(location: str | Path) -> LocalTransport | SmbTransport:
    text = str(location)
    return SmbTransport(text) if text.lower().startswith("smb://") else LocalTransport(text)
