"""Errors that are the environment's (disk full, permission denied, file gone, read-only disk, share offline),
told as one line that names the file and the cause, in the user's language.

Why here and not at each `open()`: the same few causes come out of Python's file calls (`OSError` with an
errno) and out of SQLite (its own messages, no errno), from anywhere in the core; the CLI and the app turn
whatever reaches them into a `WardbookError` with this one function, so the user reads "the disk is full"
instead of a traceback, and never a secondary error instead of the real cause.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from desktop import i18n
from desktop.errors import WardbookError

i18n.register(
    {
        "env.failed": {
            "vi": "Không dùng được {path}: {cause}.",
            "en": "Cannot use {path}: {cause}.",
        },
        "env.disk_full": {"vi": "ổ đĩa đã đầy", "en": "the disk is full"},
        "env.quota": {"vi": "đã hết hạn mức dung lượng", "en": "the disk quota is used up"},
        "env.too_big": {"vi": "tệp vượt quá cỡ cho phép", "en": "the file is larger than allowed"},
        "env.denied": {"vi": "không có quyền truy cập", "en": "permission denied"},
        "env.missing": {"vi": "tệp hoặc thư mục không còn tồn tại", "en": "the file or folder does not exist"},
        "env.read_only": {"vi": "ổ đĩa chỉ cho phép đọc", "en": "the disk is read-only"},
        "env.not_writable": {
            "vi": "tệp hoặc thư mục chứa nó chỉ cho phép đọc (kiểm tra quyền ghi vào thư mục)",
            "en": "the file or its folder may only be read (check that the folder may be written to)",
        },
        "env.not_folder": {"vi": "một phần của đường dẫn không phải thư mục", "en": "part of the path is not a folder"},
        "env.is_folder": {"vi": "đó là một thư mục", "en": "it is a folder"},
        "env.name_too_long": {"vi": "tên tệp quá dài", "en": "the file name is too long"},
        "env.io": {"vi": "lỗi đọc ghi ổ đĩa", "en": "the disk reported an input/output error"},
        "env.busy": {"vi": "tệp đang bị chương trình khác dùng", "en": "another program is using the file"},
        "env.register_busy": {
            "vi": "sổ đang bận với một việc khác của WardBook (nhập dữ liệu hoặc đồng bộ)",
            "en": "the register is busy with another WardBook task (an import or a sync)",
        },
        "env.register_busy_now": {
            "vi": "Sổ {path} đang bận với một việc khác của WardBook (nhập dữ liệu hoặc đồng bộ). Chưa có gì "
                  "được ghi; hãy thử lại sau giây lát.",
            "en": "The register {path} is busy with another WardBook task (an import or a sync). Nothing was "
                  "written; try again in a moment.",
        },
        "env.register_busy_unnamed": {
            "vi": "Sổ đang bận với một việc khác của WardBook (nhập dữ liệu hoặc đồng bộ). Chưa có gì được ghi; "
                  "hãy thử lại sau giây lát.",
            "en": "The register is busy with another WardBook task (an import or a sync). Nothing was written; "
                  "try again in a moment.",
        },
        "env.offline": {"vi": "thư mục mạng không kết nối được", "en": "the network folder cannot be reached"},
        "env.cwd_gone": {
            "vi": "thư mục làm việc hiện tại đã bị xoá; hãy chuyển sang thư mục khác",
            "en": "the current working folder was deleted; change to another folder",
        },
        "env.exists": {"vi": "đã có một tệp hoặc thư mục trùng tên",
                       "en": "a file or folder of that name is already there"},
        "env.other": {"vi": "lỗi hệ thống ({name})", "en": "system error ({name})"},
    }
)

_BY_ERRNO = {
    errno.ENOSPC: "env.disk_full",
    errno.EDQUOT: "env.quota",
    errno.EFBIG: "env.too_big",
    errno.EACCES: "env.denied",
    errno.EPERM: "env.denied",
    errno.ENOENT: "env.missing",
    errno.EROFS: "env.read_only",
    errno.ENOTDIR: "env.not_folder",
    errno.EISDIR: "env.is_folder",
    errno.EEXIST: "env.exists",
    errno.ENAMETOOLONG: "env.name_too_long",
    errno.EIO: "env.io",
    errno.EBUSY: "env.busy",
    errno.ETXTBSY: "env.busy",
    errno.EHOSTUNREACH: "env.offline",
    errno.ENETUNREACH: "env.offline",
    errno.ETIMEDOUT: "env.offline",
    errno.ECONNREFUSED: "env.offline",
    errno.ECONNRESET: "env.offline",
}
# SQLite reports the same causes in words: its result codes' standard texts. "database is locked" (SQLITE_BUSY)
# is another connection holding the register's write lock longer than the busy timeout: on a laptop that is
# WardBook itself (an import, a sync, the other window), never a stranger's program.
_BY_SQLITE_TEXT = {
    "database or disk is full": "env.disk_full",
    # The file or its folder not writable for this user (SQLite cannot make its -wal beside it), or a read-only
    # disk: SQLite says the same for all, and a folder's permissions are by far the more common.
    "attempt to write a readonly database": "env.not_writable",
    "disk I/O error": "env.io",
    "unable to open database file": "env.missing",
    "database is locked": "env.register_busy",
    "database table is locked": "env.register_busy",
}


def causes() -> list[str]:
    """Every cause `cause_of` names but "env.other" (whose text needs the system's own name of the error)."""
    return sorted({*_BY_ERRNO.values(), *_BY_SQLITE_TEXT.values()})


def cause_of(error: BaseException) -> str | None:
    """The message id of an environment cause, or None when `error` is not the environment's."""
    if isinstance(error, OSError) and error.errno is not None:
        return _BY_ERRNO.get(error.errno, "env.other")
    text = str(error)
    return next((cause for known, cause in _BY_SQLITE_TEXT.items() if known in text), None)


def is_register_busy(error: BaseException) -> bool:
    """True when `error` is SQLite's "the register's write lock is held by another connection": nothing was
    written (the transaction never began, or was rolled back) and the same action works once that job ends."""
    return not isinstance(error, OSError) and cause_of(error) == "env.register_busy"


def register_busy(path: Path | str | None) -> WardbookError:
    """What the user reads when the register is busy with another WardBook job: which register, that nothing
    was written, and to try again in a moment (not "another program", not a file named "?")."""
    if path is None:
        return WardbookError("env.register_busy_unnamed")
    return WardbookError("env.register_busy_now", path=os.fsdecode(path))


def _no_space(path: Path) -> bool:
    """True when the file system holding `path` has (almost) no free space left."""
    if not hasattr(os, "statvfs"):
        return False
    try:
        stats = os.statvfs(path if path.is_dir() else path.parent)
    except OSError:
        return False
    return stats.f_bavail * stats.f_frsize < 64 * 1024


def environment_error(error: BaseException, path: Path | str | None) -> WardbookError | None:
    """`error` as one line naming `path` (or the file the OS names) and the cause; None when not an
    environment error (then it is a bug, and the caller lets it show as one)."""
    cause = cause_of(error)
    if cause is None:
        return None
    if is_register_busy(error):
        return register_busy(path)
    if cause == "env.io" and path is not None and _no_space(Path(path)):
        cause = "env.disk_full"  # SQLite says "disk I/O error" when it cannot grow its -shm on a full disk
    named = path or getattr(error, "filename", None) or "?"
    name = errno.errorcode.get(getattr(error, "errno", None) or 0, type(error).__name__)
    return WardbookError("env.failed", path=os.fsdecode(named), cause=i18n.Ref(cause) if cause != "env.other"
                         else i18n.tr("env.other", name=name))
