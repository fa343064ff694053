"""Quitting while background jobs run: the officer is asked before a job that writes is stopped, and the app
never ends with a job still running (seen: a crash of the whole process as it ended, the job still reading)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop.store import Store
from ui import workers
from ui.progress import JobProgress

ROOT = Path(__file__).resolve().parents[2]


def _until_cancelled(started: threading.Event, seen_cancel: list[bool]) -> workers.Job:
    """A job that works until it is told to stop (a long sync or import)."""

    def job(progress: workers.Progress, cancelled: workers.Cancelled) -> None:
        started.set()
        for _ in range(3000):  # 30 s at most: a test that fails ends anyway
            if cancelled():
                seen_cancel.append(True)
                raise InterruptedError
            time.sleep(0.01)

    return job


def _question(window) -> QMessageBox | None:  # type: ignore[no-untyped-def]
    boxes = [box for box in window.findChildren(QMessageBox, "confirmBox") if box.isVisible()]
    return boxes[0] if boxes else None


def test_quitting_during_a_writing_job_asks_first_and_no_keeps_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    started, seen_cancel = threading.Event(), []
    panel = JobProgress(window)
    panel.start(_until_cancelled(started, seen_cancel))
    assert started.wait(10)
    window.close()
    qtbot.waitUntil(lambda: _question(window) is not None, timeout=5_000)
    assert window.isVisible()  # nothing closed before the answer
    window.close()  # asked again: the same question comes forward, not a second one
    assert len([box for box in window.findChildren(QMessageBox, "confirmBox") if box.isVisible()]) == 1
    box = _question(window)
    box.button(QMessageBox.StandardButton.No).click()
    assert window.isVisible() and panel.worker is not None and not panel.worker.is_cancelled()
    panel.cancel()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=10_000)
    assert seen_cancel == [True]


def test_yes_stops_the_job_and_quits(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    started, seen_cancel = threading.Event(), []
    panel = JobProgress(window)
    worker = panel.start(_until_cancelled(started, seen_cancel))
    assert started.wait(10)
    window.close()
    qtbot.waitUntil(lambda: _question(window) is not None, timeout=5_000)
    _question(window).button(QMessageBox.StandardButton.Yes).click()
    assert worker.is_cancelled() and not window.isVisible()
    workers.stop_all()  # as the app does once its event loop has ended
    assert worker.done.is_set() and seen_cancel == [True] and worker not in workers.running()


def test_closing_the_login_after_a_logout_quits_without_asking(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window is hidden behind the login then: a question answered No would leave nothing on screen."""
    started, seen_cancel = threading.Event(), []
    panel = JobProgress(window)
    worker = panel.start(_until_cancelled(started, seen_cancel))
    assert started.wait(10)
    login = window.log_out()
    assert not window.isVisible()
    login.reject()  # the officer closes the login
    assert _question(window) is None and worker.is_cancelled()
    workers.stop_all()
    assert seen_cancel == [True]


def test_a_job_that_only_reads_for_the_screen_is_dropped_without_asking(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    started, seen_cancel = threading.Event(), []
    panel = JobProgress(window, reads_only=True)
    panel.start(_until_cancelled(started, seen_cancel))
    assert started.wait(10)
    window.close()
    assert not window.isVisible() and _question(window) is None
    workers.stop_all()
    assert seen_cancel == [True]


def test_which_panels_ask(window) -> None:  # type: ignore[no-untyped-def]
    """The Overview's figures and lists only read; a sync writes the register."""
    assert window.overview.progress.reads_only and window.overview.list_progress.reads_only
    assert not window.sync.progress.reads_only


def test_stop_all_cancels_every_job_and_waits_for_each(qapp) -> None:  # type: ignore[no-untyped-def]
    """More jobs than the pool has threads: those still queued run too, see that they are cancelled, and end."""
    pool = workers.QThreadPool.globalInstance()
    started = [threading.Event() for _ in range(pool.maxThreadCount() + 2)]
    seen_cancel: list[bool] = []
    started_workers = [workers.start(_until_cancelled(event, seen_cancel)) for event in started]
    assert started[0].wait(10)
    workers.stop_all()
    assert all(worker.done.is_set() for worker in started_workers)
    assert seen_cancel == [True] * len(started) and not set(started_workers) & set(workers.running())


# As `wardbook` runs (ui.launcher → ui.app.run): a job is started as the window is shown, and the officer quits
# at once. The job tells when it stopped; the app must not end (nor close its store) before that.
QUIT_WHILE_A_JOB_RUNS = """
import sys, time
from PySide6.QtWidgets import QApplication
from ui import workers

def job(progress, cancelled):
    for _ in range(3000):
        if cancelled():
            print("job stopped", flush=True)
            raise InterruptedError
        time.sleep(0.01)

def quit_at_once(app):
    workers.start(job)
    time.sleep(0.2)
    return 0

QApplication.exec = quit_at_once
from ui.launcher import main
code = main(["--db", sys.argv[1]])
print("app ended", flush=True)
sys.exit(code)
"""


def test_the_app_ends_only_once_its_jobs_have_stopped(tmp_path: Path) -> None:
    ward = tmp_path / "ward.db"
    Store.open(ward, create=True).close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", QUIT_WHILE_A_JOB_RUNS, str(ward)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["job stopped", "app ended"]
