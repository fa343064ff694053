"""The larger page cache of heavy work (a sync round, a review): there while the work runs, put back after it,
also when it fails, and never made smaller than a caller already made it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_sync import laptops

from desktop.store import RowWrite, Store
from desktop.store.page_cache import BULK_WRITE_CHANGES, REVIEW_CACHE_KIB, SYNC_CACHE_KIB, larger_page_cache
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare


def cache_size(store: Store) -> int:
    return int(store.conn.execute("PRAGMA cache_size").fetchone()[0])


def test_the_cache_is_larger_inside_and_put_back_after_even_on_failure(tmp_path: Path) -> None:
    with Store.open(tmp_path / "w.db", create=True) as store:
        before = cache_size(store)
        with larger_page_cache(store.conn, REVIEW_CACHE_KIB):
            assert cache_size(store) == -REVIEW_CACHE_KIB
        assert cache_size(store) == before
        with pytest.raises(RuntimeError), larger_page_cache(store.conn, SYNC_CACHE_KIB):
            raise RuntimeError("the work failed")
        assert cache_size(store) == before


def test_an_inner_request_never_shrinks_a_larger_cache(tmp_path: Path) -> None:
    with Store.open(tmp_path / "w.db", create=True) as store, larger_page_cache(store.conn, SYNC_CACHE_KIB):
        with larger_page_cache(store.conn, REVIEW_CACHE_KIB):
            assert cache_size(store) == -SYNC_CACHE_KIB
        assert cache_size(store) == -SYNC_CACHE_KIB


def test_a_sync_round_applies_with_the_larger_cache_and_gives_it_back(tmp_path: Path) -> None:
    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    a.store.writer.insert("areas", {"name": "Tổ 1"})
    a.sync()
    before = cache_size(b.store)
    seen: list[int] = []

    def applied(done: int, _total: int, _device: str) -> None:
        if done:  # told once a file is applied (0 is told before the round starts)
            seen.append(cache_size(b.store))

    sync_once(b.store, share, b.keys, progress=applied)
    assert b.store.conn.execute("SELECT name FROM areas").fetchall() == [("Tổ 1",)]
    assert seen and set(seen) == {-SYNC_CACHE_KIB}  # while each file is applied
    assert cache_size(b.store) == before


def test_a_bulk_write_runs_with_the_larger_cache_and_gives_it_back(tmp_path: Path) -> None:
    with Store.open(tmp_path / "w.db", create=True) as store:
        before = cache_size(store)
        seen: list[int] = []
        store.writer.after_write.append(lambda _changes: seen.append(cache_size(store)))
        store.writer.write([RowWrite("areas", f"a{i}", "insert", {"name": f"Tổ {i}"}) for i in range(10)])
        store.writer.write([RowWrite("areas", f"b{i}", "insert", {"name": f"Tổ {i}"})
                            for i in range(BULK_WRITE_CHANGES)])
        assert seen == [before, -SYNC_CACHE_KIB]  # a small write keeps the cache as it is
        assert cache_size(store) == before
        assert store.conn.execute("SELECT count(*) FROM areas").fetchone()[0] == BULK_WRITE_CHANGES + 10
