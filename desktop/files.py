"""Every file WardBook writes for the user (reports, exports, backups, key files) is written through here.

Why one module: a report that fails half way, a full disk or a `kill -9` must never leave a truncated file
under the name the user asked for, and a careless `--out` must never overwrite the open database, its WAL or
a key file (losing every database key). So each output is written to a temporary name beside its target
(same folder: the rename is atomic there), flushed to disk, and renamed onto the target only when complete;
on any failure the temporary file is removed. The temporary name carries the writer's process id, so one left
behind by a killed process is swept away by the next write to the same target.

Files are created 0600 (only the user can read them: they hold personal data or keys).

A report or an export names the kind it writes (PDF, DOCX, XLSX, CSV). Its file must be named for that kind,
and it replaces an existing file only when that file, by its content, is of the same kind: a ward prints the
same report name every month, but a stray `--out notes.txt` must not turn someone's notes into a PDF. Two
outputs of one command must be two files. Spreadsheets hold resident text that must stay text: see
`xlsx_bytes`, `xlsx_text` and `csv_field`.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import signal
import tempfile
import threading
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from desktop import i18n
from desktop.errors import WardbookError
from desktop.failures import environment_error

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

i18n.register(
    {
        "files.bad_name": {
            "vi": "Tên tệp có ký tự không dùng được trong tên tệp (ký tự điều khiển); hãy gõ lại tên.",
            "en": "The file name holds a character no file name can have (a control character); type it again.",
        },
        "files.is_directory": {
            "vi": "{path} là một thư mục; hãy chỉ tên tệp cần ghi.",
            "en": "{path} is a folder; give the name of the file to write.",
        },
        "files.not_a_file": {
            "vi": "Không dùng {path}: đó không phải một tệp thường (thiết bị, ống dẫn hay ổ đĩa). "
            "Hãy chỉ tên một tệp trong một thư mục.",
            "en": "Will not use {path}: it is not an ordinary file (a device, a pipe or a drive). "
            "Give the name of a file in a folder.",
        },
        "files.is_database": {
            "vi": "Không ghi đè {path}: đó là cơ sở dữ liệu (hoặc tệp đi kèm của nó). Hãy chọn tên tệp khác.",
            "en": "Will not overwrite {path}: it is a database (or one of its side files). Choose another name.",
        },
        "files.is_key_file": {
            "vi": "Không ghi đè {path}: đó là tệp khóa; mất nó là mất khóa của cơ sở dữ liệu. Hãy chọn tên khác.",
            "en": "Will not overwrite {path}: it is a key file, and losing it loses the database keys. "
            "Choose another name.",
        },
        "files.same_target": {
            "vi": "{path} được chỉ cho hai tệp kết quả; hãy đặt cho mỗi tệp một tên riêng.",
            "en": "{path} is named for two of the outputs; give each one its own file name.",
        },
        "files.wrong_suffix": {
            "vi": "Không ghi {path}: tệp loại {kind} phải có tên kết thúc bằng {suffix}.",
            "en": "Will not save {path}: a file of type {kind} needs a name ending in {suffix}.",
        },
        "files.other_kind": {
            "vi": "Không ghi đè {path}: tệp này đã có và không phải loại {kind}. Hãy chọn tên tệp khác.",
            "en": "Will not overwrite {path}: that file exists and is not of type {kind}. Choose another name.",
        },
    }
)

# The kinds of file a report or an export writes, with the name a user knows them by.
KINDS = {"pdf": "PDF", "docx": "Word (DOCX)", "xlsx": "Excel (XLSX)", "csv": "CSV", "json": "JSON"}
# The part every Office file of the kind holds: a DOCX and an XLSX are both zip files.
_OFFICE_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_PDF, _ZIP = b"%PDF-", b"PK\x03\x04"
# A text starting with one of these is read as a formula by a spreadsheet opening a CSV (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_GUARDED = (*FORMULA_STARTS, "'")

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")
SQLITE_HEADER = b"SQLite format 3\x00"
_TEMP_SUFFIX = ".wbpart"
_protected: Counter[str] = Counter()
# Background jobs open and close their own connections to the register on threads of their own, often at the
# same moment: a count changed by two of them at once must not lose one change, or the register would be left
# unprotected while still open.
_protected_lock = threading.Lock()


def _real(path: Path) -> str:
    return os.path.realpath(path)


def protect(path: Path | str) -> None:
    """Mark `path` (an open database or a key file in use) and its side files as never to be written over."""
    names = [_real(Path(name)) for name in (str(path), *(str(path) + suffix for suffix in SIDE_SUFFIXES))]
    with _protected_lock:
        for real in names:
            _protected[real] += 1


def release(path: Path | str) -> None:
    """Undo one `protect` (the database was closed)."""
    names = [_real(Path(name)) for name in (str(path), *(str(path) + suffix for suffix in SIDE_SUFFIXES))]
    with _protected_lock:
        for real in names:
            _protected[real] -= 1
            if _protected[real] <= 0:
                del _protected[real]


def _looks_like_key_file(head: bytes) -> bool:
    try:
        data = json.loads(head)
    except ValueError:
        return False
    return isinstance(data, dict) and "salt" in data and "secrets" in data


def check_target(target: Path | str, kind: str | None = None) -> Path:
    """Refuse, before any work, a target that is a folder, a database or its side file, a key file, or anything
    but an ordinary file: the output is renamed onto its target, which would replace a device such as
    /dev/null for every program (a root user may), and a pipe would be left half written.

    With `kind` (a key of `KINDS`), also a name not ending in the kind's extension (a PDF saved as `.txt` or
    `.docx` opens in the wrong program, or not at all) and an existing file that is not of that kind by its
    content: only a file of the same kind, or an empty one, is replaced."""
    target = Path(target)
    try:
        return _checked_target(target, kind)
    except ValueError as error:  # a NUL pasted into the name: no file name can hold one
        raise WardbookError("files.bad_name") from error
    except OSError as error:  # a name longer than the system allows, a folder that cannot be read…
        raise environment_error(error, target) or error from error


def _checked_target(target: Path, kind: str | None) -> Path:
    """`check_target` itself (which turns the system's refusals of the name into sentences)."""
    if target.is_dir():
        raise WardbookError("files.is_directory", path=str(target))
    if target.exists() and not target.is_file():
        raise WardbookError("files.not_a_file", path=str(target))
    real = _real(target)
    if real in _protected:
        raise WardbookError(_kind_of(target), path=str(target))
    head = b""
    if target.is_file():
        if any(real.endswith(s) and Path(real[: -len(s)]).is_file() for s in SIDE_SUFFIXES):
            raise WardbookError("files.is_database", path=str(target))
        head = _head(target)
        if head.startswith(SQLITE_HEADER):
            raise WardbookError("files.is_database", path=str(target))
        if _looks_like_key_file(head):
            raise WardbookError("files.is_key_file", path=str(target))
    if kind is not None:
        if target.suffix.lower() != f".{kind}":
            raise WardbookError("files.wrong_suffix", path=str(target), kind=KINDS[kind], suffix=f".{kind}")
        if head and not _holds(target, head, kind):  # an empty file holds nothing to lose
            raise WardbookError("files.other_kind", path=str(target), kind=KINDS[kind])
    return target


def check_outputs(outputs: Sequence[tuple[Path | None, str]]) -> None:
    """Refuse, before any work, the outputs of one command (path and kind; None for one not asked for) when two
    name the same file (the second would silently replace the first) or one is refused by `check_target`."""
    seen: set[str] = set()
    for target, _kind in outputs:
        if target is not None:
            key = os.path.normcase(_real(target))
            if key in seen:
                raise WardbookError("files.same_target", path=str(target))
            seen.add(key)
    for target, kind in outputs:
        if target is not None:
            check_target(target, kind)


def _holds(target: Path, head: bytes, kind: str) -> bool:
    """Whether the existing file `target` (starting with `head`) is a file of `kind`, by its content: a PDF's
    header (within its first kilobyte, as readers allow), an Office zip holding its kind's main part, for a
    CSV any text (UTF-8, a code page, UTF-16 with its byte-order mark) that is not a PDF or a zip, for JSON an
    object."""
    if kind == "pdf":
        return _PDF in head[:1024]
    if kind == "csv":
        if head.startswith((_PDF, _ZIP)):
            return False
        return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not looks_binary(head)
    if kind == "json":  # an earlier export of a person's data: an object, as `write_person_export` writes it
        return head.lstrip(codecs.BOM_UTF8).lstrip().startswith(b"{")
    try:
        with zipfile.ZipFile(target) as archive:
            return _OFFICE_PARTS[kind] in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def looks_binary(head: bytes) -> bool:
    """A PDF, image or document (not a text list): control bytes that no text has."""
    return sum(1 for byte in head[:4096] if byte < 9 or 13 < byte < 32) > 8


def check_source(source: Path | str) -> Path:
    """Refuse, before reading, an input that exists but is not an ordinary file: a pipe or a device such as
    /dev/zero (or a link to one) never ends, and reading it would hang the command or the app."""
    source = Path(source)
    if source.exists() and not source.is_file() and not source.is_dir():
        raise WardbookError("files.not_a_file", path=str(source))
    return source


def _kind_of(target: Path) -> str:
    """A protected file: a key file or a database (or its side file), told apart by its content."""
    try:
        head = _head(target)
    except OSError:
        return "files.is_database"
    return "files.is_key_file" if _looks_like_key_file(head) else "files.is_database"


def _head(target: Path) -> bytes:
    """The start of a file, enough to hold any key file whole (a key file is JSON: it must parse)."""
    with open(target, "rb") as handle:
        return handle.read(4 * 1024 * 1024)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return False  # on Windows a file still open by its writer cannot be removed: the sweep skips it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sweep(target: Path) -> None:
    """Remove temporary files of `target` left by a writer that was killed."""
    prefix = f".{target.name}."
    try:
        siblings = list(target.parent.iterdir())
    except OSError:
        return
    for sibling in siblings:
        name = sibling.name
        if not (name.startswith(prefix) and _TEMP_SUFFIX in name):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with suppress(OSError):
                sibling.unlink()


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; Windows has no directory handles to flush)."""
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _make_parents(folder: Path) -> list[Path]:
    """Create `folder` and missing parents, private (0700); returns those created, deepest first, to undo on
    failure."""
    created: list[Path] = []
    probe = folder
    while not probe.exists():
        created.append(probe)
        probe = probe.parent
    for missing in reversed(created):
        missing.mkdir(mode=0o700, exist_ok=True)
    return created


def private_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by the user only (0700 on POSIX)."""
    _make_parents(folder)


def create_private(path: Path) -> None:
    """Create the empty file `path`, 0600, in a private folder made as needed. SQLite creates a database's
    -wal and -shm with the database file's permissions, so they are private too."""
    private_folder(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))


def keep_private(path: Path) -> None:
    """Make an existing file (0600) or folder (0700) of ours, made by an older version, the user's only."""
    if os.name == "posix" and os.stat(path).st_mode & 0o077:
        os.chmod(path, 0o700 if path.is_dir() else 0o600)


@dataclass
class _Written:
    """An output complete in its temporary file, waiting for the end of its `output_set` to take its name."""

    temp: Path
    target: Path
    created: list[Path]

    def discard(self) -> None:
        _discard(self.temp, self.created)


# The outputs of the `output_set` being written, if any (one per thread or task: a worker's report is its own).
_pending_set: ContextVar[list[_Written] | None] = ContextVar("wardbook_output_set", default=None)


def _discard(temp: Path | None, created: list[Path]) -> None:
    """Remove a temporary output (with any side files) and the folders made for it."""
    if temp is not None:
        for leftover in (temp, *(Path(str(temp) + s) for s in SIDE_SUFFIXES)):
            leftover.unlink(missing_ok=True)
    for folder in created:
        try:
            folder.rmdir()
        except OSError:
            break


@contextmanager
def atomic_output(target: Path | str, *, kind: str | None = None, own_file: bool = False) -> Iterator[Path]:
    """A temporary path beside `target` to write; renamed onto `target`, flushed to disk, when the block ends
    (or, inside an `output_set`, when the set ends).

    `kind` is the kind of file written (see `check_target`). Any exception removes the temporary file (and
    folders this call created) and propagates. `own_file` is for the code that owns a protected file and
    rewrites it on purpose (the key file).
    """
    target = Path(target)
    if not own_file:
        check_target(target, kind)
    created = _make_parents(target.parent)
    _sweep(target)
    temp: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX,
                                        dir=target.parent)
        os.close(handle)
        temp = Path(name)
        yield temp
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        pending = _pending_set.get()
        if pending is not None:
            pending.append(_Written(temp, target, created))
            return
        os.replace(temp, target)
        temp = None
        fsync_dir(target.parent)
    except BaseException as error:
        _discard(temp, created)
        if isinstance(error, OSError):
            raise environment_error(error, target) or error from error
        raise


@contextmanager
def output_set() -> Iterator[None]:
    """Outputs written inside the block take their names together when it ends, and none does if it fails.

    Why: one command may write a review's PDF, DOCX, XLSX and CSV under the names of last month's. Stopped
    half way (Ctrl-C, a full disk at the third file), it must not leave this period's PDF beside last period's
    XLSX, each looking complete: either every file is new or every file is as it was. The renames at the end
    take milliseconds; a Ctrl-C pressed during them is held until they are done."""
    pending: list[_Written] = []
    token = _pending_set.set(pending)
    try:
        yield
    except BaseException:
        for written in pending:
            written.discard()
        raise
    finally:
        _pending_set.reset(token)
    with _interrupts_held():
        for number, written in enumerate(pending):
            try:
                os.replace(written.temp, written.target)
            except OSError as error:
                for left in pending[number:]:
                    left.discard()
                raise environment_error(error, written.target) or error from error
        for folder in {written.target.parent for written in pending}:
            fsync_dir(folder)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold a Ctrl-C (SIGINT) until the block ends, then raise it. Only the main thread receives signals; a
    worker thread's block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: held.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt


def xlsx_bytes(workbook: Workbook) -> bytes:
    """An openpyxl workbook as bytes. Saved in memory, then written with `write_bytes`: openpyxl leaves its zip
    file open when a write fails, and its clean-up then prints a second error at exit.

    Every text cell is saved as text: openpyxl makes a text starting with "=" a formula (and "#N/A" an error
    value), so a resident's name or address typed as `=HYPERLINK(...)` would run when the file is opened. The
    project writes no formulas. A write-only workbook's rows are already written: they come from `xlsx_text`.
    """
    if not workbook.write_only:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_value(value: object) -> object:
    """`value` as an XLSX cell can hold it: a text without control characters (openpyxl refuses them, and the whole
    export failed). The write path never stores them; a register that took one in from another laptop before such
    values were refused may hold one, and its exports must still work."""
    if isinstance(value, str) and not value.isprintable():
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


def xlsx_row(values: Iterable[object]) -> list[object]:
    """A row for `Worksheet.append`, each value as an XLSX cell can hold it (`xlsx_value`)."""
    return [xlsx_value(value) for value in values]


def xlsx_text(sheet: WriteOnlyWorksheet, values: Iterable[object]) -> list[object]:
    """A row for a write-only sheet with its texts as text cells, never formulas or error values (see
    `xlsx_bytes`: a write-only sheet writes each row as it is appended, so it cannot be corrected there)."""
    from openpyxl.cell import WriteOnlyCell

    row: list[object] = []
    for value in values:
        if isinstance(value, str):
            cell = WriteOnlyCell(sheet, xlsx_value(value))
            cell.data_type = "s"
            value = cell
        row.append(value)
    return row


def csv_field(value: object) -> object:
    """A value for a CSV file: a text a spreadsheet would read as a formula gets a leading apostrophe (OWASP's
    advice against formula injection), which `csv_unguarded` takes off when the CSV is imported back. A text
    already starting with an apostrophe gets one too, so that taking it off gives that text back exactly.
    Numbers stay numbers, negative ones too."""
    return "'" + value if isinstance(value, str) and value.startswith(_GUARDED) else value


def csv_unguarded(text: str) -> str:
    """A CSV cell as it was before `csv_field`: exactly the apostrophe it adds is taken off."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_GUARDED) else text


def write_bytes(target: Path | str, data: bytes, *, kind: str | None = None, own_file: bool = False) -> Path:
    with atomic_output(target, kind=kind, own_file=own_file) as temp:
        temp.write_bytes(data)
    return Path(target)


def write_text(target: Path | str, text: str, *, own_file: bool = False) -> Path:
    return write_bytes(target, text.encode("utf-8"), own_file=own_file)


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """A write that fails names `path`: ENOSPC from a write or fsync names no file (the user read "Cannot use ?:
    the disk is full", not knowing whether the laptop's disk or the share was full), and one of opening names an
    internal temporary file."""
    try:
        yield
    except OSError as error:
        error.filename = str(path)
        raise


@contextmanager
def closing_named(handle: BinaryIO, path: Path) -> Iterator[BinaryIO]:
    """Close `handle` after the block, a failure of the close naming `path` (closing writes what is still
    buffered, and on a full disk fails). When the block itself failed, its error is the one raised: the close's
    second one, naming no file, used to replace it ("Cannot use ?")."""
    try:
        yield handle
    except BaseException:
        with suppress(OSError):
            handle.close()
        raise
    with naming(path):
        handle.close()
