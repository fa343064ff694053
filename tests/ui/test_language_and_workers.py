"""Language switching at runtime, background workers and their progress, the reports and sync pages."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.demo import DemoSize, generate_demo_ward
from desktop.store import Store
from desktop.store.queries import ward_stats
from ui import workers
from ui.pages.reports import ReportsPage

ROOT = Path(__file__).resolve().parents[2]


def test_switching_to_english_changes_visible_labels(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    nav = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert nav[0] == "Tổng quan" and nav[1] == "Hộ dân" and nav[-1] == "Quản trị"
    assert window.households.add_button.text() == "Thêm hộ"
    flag_vi = window.households.flag.itemText(1)
    dialog = window.new_visit("")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "Lưu"  # Qt's own button, from our qtbase_vi catalogue
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.nav.item(1).text() == "Households", timeout=2000)
    assert [window.nav.item(row).text() for row in range(window.nav.count())] == [
        "Overview",
        "Households",
        "Visits & follow-ups",
        "Cases",
        "Community activities",
        "Reintegration & models",
        "Sweeps",
        "Reports",
        "Sync",
        "Admin",
    ]
    assert window.households.add_button.text() == "New household"
    assert window.households.flag.itemText(1) != flag_vi == "Hộ nghèo"  # core labels follow too
    assert window.households.model.headerData(3, Qt.Orientation.Horizontal) == "Head of household"
    assert dialog.windowTitle() == "New visit" and save.text() == "Save"
    assert dialog.purposes["welfare_check"].text() == "1. Welfare check"
    assert window.menuBar().actions()[0].text() == "&File"
    window.language_actions["vi"].trigger()
    qtbot.waitUntil(lambda: window.nav.item(1).text() == "Hộ dân", timeout=2000)
    assert save.text() == "Lưu" and dialog.purposes["welfare_check"].text() == "1. Thăm hỏi"


def test_background_worker_reports_progress_and_finishes(qapp, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The real demo generator (a long core job) runs in the pool; its progress arrives in the GUI thread."""
    path = tmp_path / "bg.db"
    gui_thread = threading.get_ident()
    seen: list[tuple[int, int, bool]] = []

    def job(progress: workers.Progress, cancelled: workers.Cancelled) -> dict[str, int]:
        with Store.open(path, create=True) as store:
            return generate_demo_ward(
                store, DemoSize(households=4500, seed=2, end=date(2026, 6, 30)), progress, cancelled
            )

    def on_progress(done: int, total: int, _message: str) -> None:
        seen.append((done, total, threading.get_ident() == gui_thread))

    results: list[dict[str, int]] = []
    worker = workers.start(job, progress=on_progress, finished=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)
    assert [(d, t) for d, t, _ in seen] == [(2000, 4500), (4000, 4500), (4500, 4500)]
    assert all(in_gui for _, _, in_gui in seen)
    assert results[0]["households"] == 4500 and worker.done.is_set()
    with Store.open(path) as store:
        assert ward_stats(store, date(2026, 6, 30))["households"] == 4500


def test_cancelled_worker_reports_cancel_and_writes_nothing(qapp, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cancel.db"
    Store.open(path, create=True).close()
    cancelled: list[bool] = []

    started: list[workers.Worker] = []
    known = threading.Event()

    def job(progress: workers.Progress, is_cancelled: workers.Cancelled) -> object:
        def progress_then_cancel(done: int, total: int, message: str) -> None:
            progress(done, total, message)
            assert known.wait(10)
            started[0].cancel()  # the officer pressed Cancel after the first batch

        with Store.open(path) as store:
            return generate_demo_ward(
                store, DemoSize(households=6000, seed=2), progress_then_cancel, is_cancelled
            )

    started.append(workers.start(job, cancelled=lambda: cancelled.append(True)))
    known.set()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=30_000)
    with Store.open(path) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 0


def test_report_page_runs_the_core_function_in_background(ctx, owned, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A report function passed in (as desktop.reports' will be) runs in a worker, with progress."""
    calls: list[dict[str, object]] = []

    def households_sheet(store, *, out, start, end, area_id, progress, cancelled):  # type: ignore[no-untyped-def]
        stats = ward_stats(store, end)
        for step in range(1, 4):
            progress(step, 3, f"step {step}")
        Path(out).write_text(f"households={stats['households']} {start}..{end}", encoding="utf-8")
        calls.append({"area_id": area_id, "start": start, "end": end})
        return out

    page = ReportsPage(ctx, functions={"review": households_sheet})
    owned.append(page)
    page.out.setText(str(tmp_path / "r.pdf"))
    with qtbot.waitSignal(page.report_done, timeout=10_000) as done:
        page.generate.click()
    assert done.args == [str(tmp_path / "r.pdf")]
    assert page.progress_seen == [(1, 3), (2, 3), (3, 3)]
    assert calls == [{"area_id": None, "start": date(2026, 4, 1), "end": date(2026, 6, 30)}]  # this quarter
    assert (tmp_path / "r.pdf").read_text(encoding="utf-8").startswith("households=400")
    assert page.open_pdf.isEnabled() and page.generate.isEnabled()


def test_self_test_exits_zero(tmp_path) -> None:
    db = tmp_path / "self.db"
    result = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--db", str(db), "--self-test", "--lang", "en"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "self-test: ok" in result.stdout and db.exists()
    again = subprocess.run(
        [sys.executable, "-m", "ui.launcher", "--db", str(db), "--self-test"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert again.returncode == 0 and "300 households" in again.stdout


def test_a_job_failing_on_a_folder_gone_or_a_bug_is_told_in_a_sentence(qapp, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A shared folder unplugged during a sync reached the Sync page as "FileNotFoundError: [Errno 2] …"; a bug
    in a job showed its exception text. Now the environment's cause is said in words, and a bug as the error
    dialog says it, its traceback kept in errors.log."""
    from ui import crash
    from ui.crash import ERROR_LOG, install_error_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # both restored after the test
    monkeypatch.setattr(crash, "_error_log", None)
    install_error_hook(tmp_path)
    gone = tmp_path / "share" / "station.json"

    def folder_gone(_progress: workers.Progress, _cancelled: workers.Cancelled) -> object:
        return gone.read_bytes()

    def bug(_progress: workers.Progress, _cancelled: workers.Cancelled) -> object:
        raise ValueError("internal detail 42")

    for job, expected in ((folder_gone, str(gone)), (bug, str(tmp_path / ERROR_LOG))):
        told: list[str] = []
        workers.start(job, failed=told.append)
        qtbot.waitUntil(lambda told=told: bool(told), timeout=10_000)
        assert expected in told[0], told
        assert not any(word in told[0] for word in ("Errno", "Error:", "internal detail")), told
    assert "internal detail 42" in (tmp_path / ERROR_LOG).read_text("utf-8")


def test_a_job_runs_with_the_collector_paused_and_gives_it_back(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every background job holds the cyclic collector back while it runs (`desktop.collector`); it runs again once
    the job has returned, also after a job that failed."""
    import gc

    assert workers.QThreadPool.globalInstance().waitForDone(30_000)  # no other test's job still running
    assert gc.isenabled()
    seen: list[bool] = []
    results: list[object] = []
    told: list[str] = []

    def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> str:
        seen.append(gc.isenabled())
        return "done"

    def failing(_progress: workers.Progress, _cancelled: workers.Cancelled) -> None:
        seen.append(gc.isenabled())
        raise RuntimeError("a bug")

    workers.start(job, finished=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    workers.start(failing, failed=told.append)
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert seen == [False, False] and results == ["done"]
    assert gc.isenabled()
