"""A sync round applies other laptops' files in transactions of several files (`desktop.sync.apply._Batch`).

What each test watches is what another program sees: a second connection to the laptop's register (the app's
window beside its sync), which reads only what was committed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.search.index import rebuild_search_index, search_household_ids
from desktop.store import RowWrite, Store
from desktop.sync import apply as apply_module
from desktop.sync import publish as publish_module
from desktop.sync.apply import apply_all
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from tests.test_sync import Laptop, content

FILE_CHANGES = 10  # each file A publishes holds at most this many changes


@pytest.fixture
def station(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Laptop, Laptop]:
    """Laptop A with 30 households (each with a member) that laptop B has applied; A's files are small, so a
    round of A's edits is several files."""
    monkeypatch.setattr(publish_module, "MAX_CHANGES", FILE_CHANGES)
    share = FolderShare(tmp_path / "share")
    a = Laptop(tmp_path, "a", share)
    b = Laptop(tmp_path, "b", share, a)
    for i in range(30):
        household = a.store.writer.insert("households", {"code": f"HK-{i:03d}", "street": "Đường Cũ",
                                                         "house_no": str(i)})
        a.store.writer.insert("people", {"household_id": household, "full_name": f"Người Số {i}"})
    sync_once(a.store, share, a.keys)
    sync_once(b.store, share, b.keys)
    return a, b


def households(store: Store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT id FROM households ORDER BY code")]


def documents(conn: sqlite3.Connection) -> list[tuple[str, str, int, str]]:
    return conn.execute("SELECT household_id, doc, head_len, tags FROM search_doc ORDER BY household_id").fetchall()


def edit_every_household(a: Laptop, street: str) -> None:
    """One write on A: every household's street; published as files of `FILE_CHANGES` changes."""
    a.store.writer.write([RowWrite("households", household, "update", {"street": f"{street} {n}"})
                          for n, household in enumerate(households(a.store))])
    sync_once(a.store, a.share, a.keys)


def test_files_are_committed_together_in_batches_with_their_households_indexed(
        station: tuple[Laptop, Laptop], monkeypatch: pytest.MonkeyPatch) -> None:
    """Three files to a transaction: another connection sees B's cursor move three files at a time, and whenever
    it sees a street it finds the household by it (the search index is committed with the rows). At the end the
    documents are those a rebuild makes, also for households edited twice in the round, in two ways (a street in
    one file, a member's name in a later one)."""
    a, b = station
    monkeypatch.setattr(apply_module, "BATCH_CHANGES", 3 * FILE_CHANGES)
    monkeypatch.setattr(apply_module, "BATCH_FILE_CHANGES", FILE_CHANGES)  # these files count as big ones
    edit_every_household(a, "Đường Mới")
    member = a.store.conn.execute("SELECT id, household_id FROM people ORDER BY full_name LIMIT 1").fetchone()
    a.store.writer.update("people", member[0], {"full_name": "Lâm Thị Đổi Tên"})
    sync_once(a.store, a.share, a.keys)
    window = sqlite3.connect(b.store.path)
    seen: list[tuple[int, int, bool]] = []

    def step(done: int, _total: int, _device: str) -> None:
        if done == 0:
            return
        cursor = window.execute("SELECT coalesce(max(last_seq), 0) FROM applied").fetchone()[0]
        streets = window.execute("SELECT id, street FROM households WHERE street LIKE 'Đường Mới%'").fetchall()
        findable = all(household in search_household_ids(window, street, limit=None)
                       for household, street in streets)
        seen.append((done, cursor, findable))

    report = apply_all(b.store, b.share, b.keys, progress=step)
    files = report.applied[a.store.device_id]
    assert files == 4  # 30 street edits in three files, the member's name in a fourth
    first = window.execute("SELECT min(last_seq) FROM applied").fetchone()[0] - files  # A's earlier files
    committed = [cursor - first for _done, cursor, _findable in seen]
    assert committed == [0, 0, 3, 4]  # after files 1, 2, 3 (a batch: committed), 4 (one change: committed at once)
    assert all(findable for *_rest, findable in seen)
    assert window.execute("SELECT max(last_seq) FROM applied").fetchone()[0] - first == 4
    indexed = documents(window)
    with b.store.transaction():
        rebuild_search_index(b.store.conn)
    assert indexed == documents(b.store.conn)
    assert member[1] in search_household_ids(window, "lam thi doi ten")
    assert member[1] in search_household_ids(window, "duong moi")
    assert content(b.store) == content(a.store)


def test_each_small_file_is_committed_before_the_next_is_read(station: tuple[Laptop, Laptop]) -> None:
    """Files of a few changes (a normal day's, or a hostile laptop's thousands) do not keep the register's lock
    while the next file is read from the share: another connection sees each one committed as it is applied."""
    a, b = station
    edit_every_household(a, "Ngõ Nhỏ")
    window = sqlite3.connect(b.store.path)
    first = window.execute("SELECT last_seq FROM applied").fetchone()[0]
    committed: list[int] = []

    def step(done: int, _total: int, _device: str) -> None:
        if done:
            committed.append(window.execute("SELECT last_seq FROM applied").fetchone()[0] - first)

    apply_all(b.store, b.share, b.keys, progress=step)
    assert committed == [1, 2, 3]


def test_a_cancel_commits_the_files_applied_so_far_with_their_index(
        station: tuple[Laptop, Laptop]) -> None:
    """Cancel pressed after two files of one batch: another connection sees those two applied and indexed, not
    the third; the next sync applies the rest."""
    a, b = station
    edit_every_household(a, "Hẻm Mới")
    done_files: list[int] = []
    with pytest.raises(InterruptedError):
        sync_once(b.store, b.share, b.keys, progress=lambda done, _total, _device: done_files.append(done),
                  cancelled=lambda: done_files[-1] == 2)
    window = sqlite3.connect(b.store.path)
    moved = window.execute("SELECT id, street FROM households WHERE street LIKE 'Hẻm Mới%'").fetchall()
    assert len(moved) == 2 * FILE_CHANGES
    assert {household for household, _street in moved} == set(search_household_ids(window, "hem moi", limit=None))
    sync_once(b.store, b.share, b.keys)
    assert content(b.store) == content(a.store)
    assert len(search_household_ids(window, "hem moi", limit=None)) == 30


def test_a_file_that_fills_the_disk_is_recorded_and_the_round_loses_nothing(station: tuple[Laptop, Laptop]) -> None:
    """B's disk fills up (its register may not grow) while a big file of new households is applied after a small
    edit, in the same batch: the big file is recorded as failed because the disk is full; whatever the report
    says was applied is committed, and the next sync, with room again, brings B to A's state."""
    a, b = station
    first = households(a.store)[0]
    a.store.writer.update("households", first, {"street": "Đường Nhỏ"})
    sync_once(a.store, a.share, a.keys)
    a.store.writer.insert_many("households", [{"code": f"HK-N{i}", "notes": "ghi chú " * 2500}
                                              for i in range(FILE_CHANGES)])
    sync_once(a.store, a.share, a.keys)
    b.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = b.store.conn.execute("PRAGMA page_count").fetchone()[0]
    b.store.conn.execute(f"PRAGMA max_page_count = {pages + 8}")
    report = apply_all(b.store, b.share, b.keys)
    assert [reason for _device, _seq, reason in report.errors] == ["here_disk_full"]
    window = sqlite3.connect(b.store.path)
    applied = window.execute("SELECT coalesce(max(last_seq), 0) FROM applied").fetchone()[0]
    street = window.execute("SELECT street FROM households WHERE id = ?", (first,)).fetchone()[0]
    if report.applied:  # the small edit's file was committed before the big one failed
        assert street == "Đường Nhỏ" and applied == report.errors[0][1] - 1
    else:  # SQLite rolled the batch back with the failed file: the edit's file is not told as applied
        assert street != "Đường Nhỏ"
    b.store.conn.execute("PRAGMA max_page_count = 1073741823")
    sync_once(b.store, b.share, b.keys)
    assert content(b.store) == content(a.store)
    indexed = documents(window)
    with b.store.transaction():
        rebuild_search_index(b.store.conn)
    assert indexed == documents(b.store.conn)


def test_a_batch_that_sqlite_rolled_back_itself_is_taken_off_the_report(tmp_path: Path) -> None:
    """When SQLite undoes the whole transaction on its own (it may, on a full disk), the files applied in the
    batch are not applied after all: the report no longer counts them, the store is out of the transaction and
    its next write works, and nothing deferred is re-indexed into a transaction that is gone."""
    store = Store.open(tmp_path / "b.db", create=True)
    report = apply_module.ApplyReport(applied={"laptop-a": 3, "laptop-c": 1})
    batch = apply_module._Batch(store, report)
    batch.begin()
    store.writer.insert("areas", {"name": "Tổ 9"})
    batch.applied("laptop-a", 7, apply_module.BATCH_FILE_CHANGES)  # big files: the batch stays open
    batch.applied("laptop-a", 8, apply_module.BATCH_FILE_CHANGES)
    batch.applied("laptop-c", 2, apply_module.BATCH_FILE_CHANGES)
    store.conn.execute("ROLLBACK")  # what SQLite does itself when it must
    batch.end()
    assert report.applied == {"laptop-a": 1}
    assert not store.in_transaction and store.conn.execute("SELECT count(*) FROM areas").fetchone() == (0,)
    store.writer.insert("areas", {"name": "Tổ 10"})
    assert store.conn.execute("SELECT name FROM areas").fetchall() == [("Tổ 10",)]
