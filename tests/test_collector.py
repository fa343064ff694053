"""The cyclic collector held back during bulk work (`desktop.collector`): paused while a sync round applies its
files, a bulk write runs or a spreadsheet is read and imported, running again after — also when the work fails,
when pauses nest or overlap in two threads, and never switched on by a pause that found it off."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_import_export import HEADER, PEOPLE, write_xlsx
from test_sync import laptops

import desktop.io.importer as importer
import desktop.sync.apply as apply_module
from desktop.collector import collect_automatically, collect_if_due, collect_on_one_thread, collector_paused
from desktop.io.importer import import_file, run_import
from desktop.register.households import add_area
from desktop.store import RowWrite, Store
from desktop.store.page_cache import BULK_WRITE_CHANGES
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare


@pytest.fixture(autouse=True)
def _collector_running() -> Iterator[None]:
    """Every test starts with the collector running and leaves it so, whatever it asserted."""
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_running_after_even_when_the_work_fails() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("the work failed")
    assert gc.isenabled()


def test_nested_pauses_end_with_the_outermost() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer work is still running
    assert gc.isenabled()


def test_a_pause_never_starts_a_collector_that_was_off() -> None:
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_overlapping_pauses_in_two_threads_end_with_the_last() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_out.wait(5)
            seen["after the first ended"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"after the first ended": False}
    assert gc.isenabled()


def test_each_file_of_a_sync_is_applied_with_the_collector_paused(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    share = FolderShare(tmp_path / "share")
    a, b = laptops(tmp_path, share, 2)
    a.store.writer.insert("areas", {"name": "Tổ 1"})
    a.sync()
    seen: list[bool] = []
    apply_changes = apply_module.apply_changes

    def watched(*args: Any, **kwargs: Any) -> None:
        seen.append(gc.isenabled())
        apply_changes(*args, **kwargs)

    monkeypatch.setattr(apply_module, "apply_changes", watched)
    sync_once(b.store, share, b.keys)
    assert b.store.conn.execute("SELECT name FROM areas").fetchall() == [("Tổ 1",)]
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_bulk_write_runs_with_the_collector_paused_a_small_one_does_not(tmp_path: Path) -> None:
    with Store.open(tmp_path / "w.db", create=True) as store:
        seen: list[bool] = []
        store.writer.after_write.append(lambda _changes: seen.append(gc.isenabled()))
        store.writer.write([RowWrite("areas", f"a{i}", "insert", {"name": f"Tổ {i}"}) for i in range(10)])
        store.writer.write([RowWrite("areas", f"b{i}", "insert", {"name": f"Tổ {i}"})
                            for i in range(BULK_WRITE_CHANGES)])
        assert seen == [True, False]
        assert gc.isenabled()
        assert store.conn.execute("SELECT count(*) FROM areas").fetchone()[0] == BULK_WRITE_CHANGES + 10


def test_a_spreadsheet_is_read_and_imported_with_the_collector_paused(store: Store, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    add_area(store, "Khu phố 1")
    add_area(store, "Khu phố 2")
    path = write_xlsx(tmp_path / "ward.xlsx", [HEADER, *PEOPLE])
    seen: list[bool] = []
    plan_import = importer.plan_import

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return plan_import(*args, **kwargs)

    monkeypatch.setattr(importer, "plan_import", watched)
    store.writer.after_write.append(lambda _changes: seen.append(gc.isenabled()))
    plan, rehearsal = import_file(store, path, dry_run=True)  # what the import dialog reads and rehearses first
    assert rehearsal is not None and rehearsal.added_households == 2
    assert gc.isenabled()
    result = run_import(store, plan)  # then what it writes once the clerk confirms
    assert result.added_households == 2
    assert len(seen) > 1 and not any(seen)  # the file read and planned, then each write
    assert gc.isenabled()


def test_a_review_is_computed_and_laid_out_with_the_collector_paused(demo_store: Store, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """From the command line too (the app's jobs pause it anyway): the figures, the PDF's layout, the Word copy."""
    import desktop.reports.document as document
    import desktop.reports.review as review
    from desktop.reports.periods import parse_period

    seen: list[bool] = []
    figures, build = review.review_figures, document.OfficialDocTemplate.build

    def figured(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return figures(*args, **kwargs)

    def laid_out(self: Any, story: Any) -> Any:
        seen.append(gc.isenabled())
        return build(self, story)

    monkeypatch.setattr(review, "review_figures", figured)
    monkeypatch.setattr(document.OfficialDocTemplate, "build", laid_out)
    review.build_review(demo_store, parse_period("2026-Q2"), tmp_path / "review.pdf", docx=tmp_path / "review.docx")
    assert (tmp_path / "review.pdf").exists() and (tmp_path / "review.docx").exists()
    assert seen == [False, False] and gc.isenabled()


def test_any_pdf_is_laid_out_with_the_collector_paused(demo_store: Store, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A walk list of a khu phố: thousands of rows of flowables alive until the last page."""
    import desktop.reports.document as document
    from desktop.reports.walklist import build_walk_list

    seen: list[bool] = []
    build = document.OfficialDocTemplate.build

    def laid_out(self: Any, story: Any) -> Any:
        seen.append(gc.isenabled())
        return build(self, story)

    monkeypatch.setattr(document.OfficialDocTemplate, "build", laid_out)
    area = demo_store.conn.execute("SELECT id FROM areas ORDER BY name LIMIT 1").fetchone()[0]
    build_walk_list(demo_store, area, tmp_path / "walk.pdf")
    assert seen == [False] and gc.isenabled() and (tmp_path / "walk.pdf").exists()


def test_collections_on_one_thread_only_run_where_asked_and_wait_for_a_pause() -> None:
    """The app's way (`ui.collection`): automatic collection off for good — a pause that began before does not
    switch it back on — and what is due collected by `collect_if_due` on the caller's thread, not during a pause."""
    threads: list[str] = []

    def seen(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    def garbage() -> None:
        for _ in range(5 * gc.get_threshold()[0]):
            cycle: list[object] = []
            cycle.append(cycle)

    gc.callbacks.append(seen)
    try:
        with collector_paused():
            collect_on_one_thread()
        assert not gc.isenabled()
        worker = threading.Thread(target=garbage, name="job")
        worker.start()
        worker.join()
        with collector_paused():
            assert collect_if_due() == 0
        assert threads == []
        assert collect_if_due() > 0
        assert threads == [threading.current_thread().name]
    finally:
        gc.callbacks.remove(seen)
        collect_automatically()
    assert gc.isenabled()
