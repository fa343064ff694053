"""Whatever else lands in the shared folder — a named pipe, a folder or an empty file under a name WardBook uses —
never hangs or stops the sync: it is refused unread, told in words, and the honest files still sync.

Anyone with access to the folder can put such an entry there (by hand, or another program using the share).
Before, a pipe in place of a changeset, of station.json, of an enrollment request or of an acknowledgement hung
the reading laptop for good; an empty file named like a laptop's folder failed every laptop's sync as "cannot
reach the shared folder"; a folder under a laptop's next file name kept it from ever publishing again.
"""

from __future__ import annotations

import json
import os
import struct
import threading
import time
import tracemalloc
import uuid
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from test_sync import laptops, local, samba_url, share  # noqa: F401  (the folder and Samba share fixtures)

from desktop import i18n
from desktop.errors import WardbookError
from desktop.register.validation import MAX_TEXT
from desktop.store.tables import SYNCED
from desktop.sync.changeset import MAGIC, MAX_CHANGES, MAX_VALUES, NONCE_SIZE, encode, file_name, to_blocks
from desktop.sync.compaction import acknowledgements
from desktop.sync.folder import FolderShare
from desktop.sync.problems import open_problems
from desktop.sync.station import pending_requests

T = TypeVar("T")


def _within(seconds: float, root: Path, work: Callable[[], T]) -> T:
    """`work()`, failing the test if it has not returned after `seconds`: then the pipes under `root` are opened
    for writing and closed again, which lets a reader stuck on one go, so a hang fails the test instead of hanging
    the whole run."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the test below
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pipes = [path for path in root.rglob("*") if path.is_fifo()]
        for _ in range(200):  # the stuck reader may open the pipe again: a writer comes and goes until it is done
            for pipe in pipes:
                writer = os.open(pipe, os.O_RDWR | os.O_NONBLOCK)
                time.sleep(0.01)
                os.close(writer)
            if not worker.is_alive():
                break
        pytest.fail(f"still waiting after {seconds} s: something in the share blocks")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def _open_kinds(store) -> list[str]:  # type: ignore[no-untyped-def]
    return [row[0] for row in store.conn.execute("SELECT kind FROM sync_errors WHERE resolved_at IS NULL")]


def _codes(store) -> set[str]:  # type: ignore[no-untyped-def]
    return {row[0] for row in store.conn.execute("SELECT code FROM households WHERE deleted_hlc IS NULL")}


@pytest.mark.parametrize("entry", ["pipe", "folder"])
def test_a_pipe_or_a_folder_in_place_of_a_changeset_is_refused_in_words_and_the_rest_syncs(
        tmp_path: Path, share: FolderShare, entry: str) -> None:  # noqa: F811
    admin, writer, other = laptops(tmp_path, share, 3)
    writer.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    writer.sync()
    other.store.writer.insert("households", {"code": "HK2", "street": "Trần Phú"})
    other.sync()
    where = local(share) / "devices" / writer.store.device_id / file_name(2)
    os.mkfifo(where) if entry == "pipe" else where.mkdir()
    _within(20, local(share), admin.sync)
    assert _codes(admin.store) == {"HK1", "HK2"}  # the honest files before it and beside it
    # Samba serves a pipe as an empty file: refused as no WardBook file. A local pipe and a folder on either
    # transport are told as what they are.
    expected = "magic" if entry == "pipe" and str(share.description).startswith("smb://") else "not_a_file"
    assert _open_kinds(admin.store) == [expected]
    told = [problem.text for problem in open_problems(admin.store)]
    assert told == [i18n.tr(f"sync.reason.{expected}")] and "not_a_file" not in told[0]


def test_a_pipe_in_place_of_the_roster_is_told_and_the_admin_writes_the_roster_again(tmp_path: Path) -> None:
    folder = FolderShare(tmp_path / "share")
    admin, officer = laptops(tmp_path, folder, 2)
    officer.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    admin.sync()
    officer.sync()
    roster = tmp_path / "share" / "station.json"
    roster.unlink()
    os.mkfifo(roster)
    _within(20, tmp_path / "share", officer.sync)  # on the roster it had accepted before
    _within(20, tmp_path / "share", admin.sync)
    assert roster.is_file() and not roster.is_fifo()
    assert _codes(admin.store) == {"HK1"}
    _within(20, tmp_path / "share", officer.sync)


def test_a_folder_in_place_of_the_roster_is_replaced_by_the_admin_or_told(tmp_path: Path) -> None:
    """The admin's laptop writes the roster again when it is damaged: over a folder of that name the write failed
    with the system's own error, and every laptop stayed on the roster it had accepted."""
    folder = FolderShare(tmp_path / "share")
    admin, officer = laptops(tmp_path, folder, 2)
    admin.sync()
    officer.sync()
    roster = tmp_path / "share" / "station.json"
    roster.unlink()
    roster.mkdir()
    admin.sync()
    assert roster.is_file()
    officer.sync()
    roster.unlink()
    roster.mkdir()
    (roster / "notes.txt").write_text("x", "utf-8")  # not empty: someone's, not WardBook's to remove
    with pytest.raises(WardbookError) as told:
        admin.sync()
    assert told.value.msg_id == "sync.roster_name_taken" and "station.json" in told.value.message("vi")
    assert (roster / "notes.txt").is_file()


def test_a_pipe_among_the_requests_or_the_acknowledgements_is_passed_over(tmp_path: Path) -> None:
    folder = FolderShare(tmp_path / "share")
    admin, officer = laptops(tmp_path, folder, 2)
    officer.sync()
    (tmp_path / "share" / "enroll").mkdir(exist_ok=True)
    os.mkfifo(tmp_path / "share" / "enroll" / "0123abcd.req")
    acks = tmp_path / "share" / "acks"
    (acks / f"{admin.store.device_id}.json").unlink(missing_ok=True)
    os.mkfifo(acks / f"{admin.store.device_id}.json")
    assert _within(20, tmp_path / "share", lambda: pending_requests(folder)) == []
    assert list(_within(20, tmp_path / "share", lambda: acknowledgements(folder, folder.station()))) == [
        officer.store.device_id]


def test_a_request_filed_under_another_name_or_no_request_under_its_name_is_passed_over(tmp_path: Path) -> None:
    """A request is approved and removed by its file's name: one filed under another device's name could be
    neither, and stayed in the admin's list for good; a folder under a request's name failed the approval with
    the system's own error."""
    folder = FolderShare(tmp_path / "share")
    laptops(tmp_path, folder, 1)
    enroll = tmp_path / "share" / "enroll"
    enroll.mkdir(exist_ok=True)
    (enroll / "aaaa0000.req").write_text(json.dumps({"device": "bbbb1111", "name": "may-la"}), "utf-8")
    (enroll / "cccc2222.req").mkdir()
    assert pending_requests(folder) == []
    assert folder.request("cccc2222") is None and folder.request("aaaa0000") is not None


def test_a_file_named_like_a_laptops_folder_is_told_as_foreign_and_every_laptop_syncs(
        tmp_path: Path, share: FolderShare) -> None:  # noqa: F811
    admin, officer = laptops(tmp_path, share, 2)
    officer.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    officer.sync()
    (local(share) / "devices" / "0123abcd").write_bytes(b"")
    assert share.seqs("0123abcd") == []  # as when it appears after the devices/ folder was listed
    officer.store.writer.insert("households", {"code": "HK2", "street": "Trần Phú"})
    officer.sync()
    admin.sync()
    assert _codes(admin.store) == {"HK1", "HK2"}
    assert [(problem.file, problem.kind) for problem in open_problems(admin.store)] == [
        ("devices/0123abcd", "stray_folder")]
    (local(share) / "devices" / "0123abcd").unlink()
    admin.sync()
    assert open_problems(admin.store) == []


def _outcome(laptop) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    try:
        laptop.sync()
    except WardbookError as error:
        return "told", i18n.tr(error.msg_id, **error.params)
    return "synced", ""


@pytest.mark.parametrize("entry", ["empty folder", "folder with a file", "pipe"])
def test_what_is_in_the_way_of_a_laptops_next_file_is_told_or_an_empty_folder_removed_and_nothing_is_lost(
        tmp_path: Path, share: FolderShare, entry: str) -> None:  # noqa: F811
    admin, officer = laptops(tmp_path, share, 2)
    officer.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    officer.sync()
    where = local(share) / "devices" / officer.store.device_id / file_name(2)
    if entry == "pipe":
        os.mkfifo(where)
    else:
        where.mkdir()
        if entry == "folder with a file":
            (where / "notes.txt").write_text("someone's", "utf-8")
    officer.store.writer.insert("households", {"code": "HK2", "street": "Trần Phú"})
    kind, told = _within(20, local(share), lambda: _outcome(officer))
    # An empty folder holds nothing anyone could lose: the laptop removes it and publishes. Samba serves a pipe
    # as an empty file, which the laptop sets aside like any damaged file of its own.
    if entry == "empty folder" or (entry == "pipe" and share.description.startswith("smb://")):
        assert kind == "synced"
    else:
        assert kind == "told"
        assert told == i18n.tr("sync.own_name_taken", entry=f"devices/{officer.store.device_id}/{file_name(2)}",
                               path=share.description)
        assert (where / "notes.txt").exists() if entry == "folder with a file" else where.is_fifo()
        (where / "notes.txt").unlink() if entry == "folder with a file" else where.unlink()
        if where.is_dir():
            where.rmdir()  # what the admin does
        assert _outcome(officer)[0] == "synced"
    admin.sync()
    assert _codes(admin.store) == {"HK1", "HK2"}  # nothing of the officer's work was lost


def test_a_file_in_place_of_a_laptops_own_folder_is_told(tmp_path: Path) -> None:
    folder = FolderShare(tmp_path / "share")
    admin, officer = laptops(tmp_path, folder, 2)
    officer.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    officer.sync()
    own = tmp_path / "share" / "devices" / officer.store.device_id
    for name in os.listdir(own):
        (own / name).unlink()
    own.rmdir()
    own.write_bytes(b"")
    officer.store.writer.insert("households", {"code": "HK2", "street": "Trần Phú"})
    assert _outcome(officer) == ("told", i18n.tr("sync.own_name_taken", entry=f"devices/{officer.store.device_id}",
                                                 path=folder.description))
    own.unlink()
    assert _outcome(officer)[0] == "synced"  # its first file written again, and the new one
    admin.sync()
    assert _codes(admin.store) == {"HK1", "HK2"}


@pytest.mark.parametrize("entry", ["empty folder", "folder with a file"])
def test_a_folder_in_place_of_a_laptops_acknowledgement_never_fails_its_sync(
        tmp_path: Path, share: FolderShare, entry: str) -> None:  # noqa: F811
    admin, officer = laptops(tmp_path, share, 2)
    officer.sync()
    where = local(share) / "acks" / f"{officer.store.device_id}.json"
    where.unlink()
    where.mkdir()
    if entry == "folder with a file":
        (where / "notes.txt").write_text("someone's", "utf-8")
    officer.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    assert _outcome(officer)[0] == "synced"
    admin.sync()
    assert _codes(admin.store) == {"HK1"}
    if entry == "empty folder":  # nothing anyone could lose: the laptop writes its acknowledgement in its place
        assert where.is_file() and officer.store.device_id in acknowledgements(share, share.station())
        assert open_problems(officer.store) == []
        return
    assert [(problem.file, problem.text) for problem in open_problems(officer.store)] == [
        (f"acks/{officer.store.device_id}.json", i18n.tr("sync.reason.ack_blocked"))]
    (where / "notes.txt").unlink()
    where.rmdir()  # what the admin does
    officer.sync()
    assert where.is_file() and open_problems(officer.store) == []



# What applying one file from another laptop may take, at most, in Python objects (tracemalloc's peak): a file of
# tiny rows within every limit, and one of tiny rows far beyond them (which took 1.8 GB before it was refused
# from its bytes). A file of the largest texts takes more, in proportion to its bytes (`MAX_BODY_BYTES`).
MEMORY_BOUND = 128 * 2**20


def _next_header(laptop) -> dict[str, object]:  # type: ignore[no-untyped-def]
    store = laptop.store
    hlc = store.writer.clock.tick()
    return {"station": laptop.share.station()["station"], "device": store.device_id,
            "seq": int(store.setting("sync.published_seq", "0") or 0) + 1, "epoch": 1,
            "prev_hash": store.setting("sync.published_hash", "") or "", "hlc_min": hlc, "hlc_max": hlc, "vv": {},
            "outbox_from": 1, "outbox_to": 1, "count": 1, "published_ms": 0, "format": 2}


def _place(laptop, header: dict[str, object], raw: bytes) -> None:  # type: ignore[no-untyped-def]
    folder = Path(laptop.share.description) / "devices" / laptop.store.device_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / file_name(int(str(header["seq"])))).write_bytes(raw)


def _forge(laptop, body: Iterable[bytes]) -> None:  # type: ignore[no-untyped-def]
    """What the holder of a tampered laptop can do: sign and encrypt any body (given in pieces) as its next file."""
    header = _next_header(laptop)
    header_bytes = json.dumps(header, sort_keys=True).encode()
    packer = zlib.compressobj(6)
    packed = b"".join([*(packer.compress(piece) for piece in body), packer.flush()])
    nonce = os.urandom(NONCE_SIZE)
    sealed = AESGCM(laptop.keys.data_key(1)).encrypt(nonce, packed, header_bytes)
    unsigned = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + nonce + struct.pack(">I", len(sealed))
    _place(laptop, header, unsigned + sealed + laptop.keys.signing_key.sign(unsigned + sealed))


def _tiny_rows(count: int) -> Iterator[bytes]:
    """A body of `count` rows `["",1]`: seven bytes each, the most rows for the fewest bytes."""
    yield b'[["areas","insert",[],['
    for start in range(0, count - 1, 100_000):
        yield b'["",1],' * min(100_000, count - 1 - start)
    yield b'["",1]]]]'


def _peak_of(work: Callable[[], T]) -> tuple[T, int]:
    tracemalloc.start()
    try:
        return work(), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("rows", [4_800_000, (MAX_VALUES - 1) // 3, MAX_CHANGES + 1])
def test_a_file_of_more_rows_than_a_laptop_writes_is_refused_within_a_bounded_memory(tmp_path: Path,
                                                                                     rows: int) -> None:
    """4.8 million rows (a 41 KB file, 31 MB unpacked) are refused from the body's bytes, before any is parsed;
    as many as the count of values lets through are parsed, then refused; one more than a file holds is refused."""
    admin, hostile = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    hostile.sync()
    admin.sync()
    _forge(hostile, _tiny_rows(rows))
    (_published, report), peak = _peak_of(admin.sync)
    assert [reason for _device, _seq, reason in report.errors] == ["too_big"]
    assert peak < MEMORY_BOUND, f"{rows:,} rows took {peak / 2**20:.0f} MiB"


def test_a_file_of_lists_nested_thousands_deep_is_refused_in_words(tmp_path: Path) -> None:
    admin, hostile = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    hostile.sync()
    admin.sync()
    _forge(hostile, [b"[" * 100_000, b"]" * 100_000])
    _published, report = admin.sync()
    assert [reason for _device, _seq, reason in report.errors] == ["format"]


def test_the_largest_file_a_laptop_writes_applies_and_one_change_more_is_refused(tmp_path: Path) -> None:
    """`MAX_CHANGES` new households, every text at the register's longest (notes of `MAX_TEXT` characters), as
    publishing writes them: a first sync of a large ward is files like this one, never refused. One change more
    is no file a laptop writes; the laptop that wrote it writes it again as it should be, and that applies."""
    admin, writer = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    writer.sync()
    admin.sync()
    header = _next_header(writer)
    spec = SYNCED["households"].fields
    values = {name: 0 if kind is not str else "Lê Lợi" for name, kind in spec.items()}
    values |= {"notes": ("Hộ gia đình có người cao tuổi sống một mình, " * 100)[:MAX_TEXT], "status": "active",
               "area_id": None, "head_person_id": None}
    changes = [["households", str(uuid.uuid4()), "insert", int(str(header["hlc_max"])), {**values, "code": f"HK{n}"}]
               for n in range(MAX_CHANGES + 1)]
    _place(writer, header, encode(header, changes, writer.keys.data_key(1), writer.keys.signing_key))
    _published, report = admin.sync()
    assert [reason for _device, _seq, reason in report.errors] == ["too_big"]
    raw = encode(header, changes[:MAX_CHANGES], writer.keys.data_key(1), writer.keys.signing_key)
    body_bytes = len(json.dumps(to_blocks(changes[:MAX_CHANGES]), ensure_ascii=False, separators=(",", ":")).encode())
    del changes
    _place(writer, header, raw)
    (_published, report), peak = _peak_of(admin.sync)
    assert report.errors == [] and report.refused == 0
    assert admin.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == MAX_CHANGES
    # Its texts are held as the body's bytes, then as strings (two bytes a character for Vietnamese), then
    # applied: about four times the body, which `MAX_BODY_BYTES` bounds; the rows themselves take little beside.
    assert peak < 5 * body_bytes + 64 * 2**20, f"{peak / 2**20:.0f} MiB for a body of {body_bytes / 2**20:.0f} MiB"
