"""Whatever else lands in the shared folder — a named pipe, a folder or an empty file under a name WardBook uses —
never hangs or stops the sync: it is refused unread, told in words, and the honest files still sync.

Anyone with access to the folder can put such an entry there (by hand, or another program using the share).
Before, a pipe in place of a changeset, of station.json, of an enrollment request or of an acknowledgement hung
the reading laptop for good; an empty file named like a laptop's folder failed every laptop's sync as "cannot
reach the shared folder"; a folder under a laptop's next file name kept it from ever publishing again.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from test_sync import laptops, local, samba_url, share  # noqa: F401  (the folder and Samba share fixtures)

from desktop import i18n
from desktop.errors import WardbookError
from desktop.sync.changeset import file_name
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
