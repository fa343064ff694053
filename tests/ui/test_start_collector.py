"""The app's start holds the cyclic collector back until its window is shown (`desktop.collector`, `ui.app.run`);
from then on collections run on the GUI thread only (`ui.collection`), never in a job's thread, where one freed Qt
objects and crashed the app.

Each start runs in a fresh process through `wardbook`'s own entry (`ui.launcher`), as a user's does: a start in
the test process would leave its language and crash log behind for the tests after it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import Store

ROOT = Path(__file__).resolve().parents[2]

# The window's building and the event loop's start watched; the loop itself not run (the window is only shown).
START = """
import contextlib, gc, json, sys, threading
from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication
import ui.app
seen = {}
collections = []
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(
    threading.current_thread() is threading.main_thread()))
build_window = ui.app.build_window
def building(*args, **kwargs):
    seen["window built"] = gc.isenabled() or bool(collections)
    return build_window(*args, **kwargs)
def garbage():
    for _ in range(20_000):
        cycle = []
        cycle.append(cycle)
def looping(app):
    QThreadPool.globalInstance().waitForDone()  # the window's first reads: jobs hold the collector back too
    seen["event loop"] = gc.isenabled()
    collections.clear()
    for _ in range(5):  # garbage made in pool threads, as jobs make it, while the GUI thread's loop runs
        QThreadPool.globalInstance().start(garbage)
        QThreadPool.globalInstance().waitForDone()
        loop = QEventLoop()
        QTimer.singleShot(600, loop.quit)
        loop.exec()
    seen["collected on the GUI thread"] = sorted(set(collections))
    return 0
ui.app.build_window = building
QApplication.exec = looping
start_pause = ui.app.collector_paused
@contextlib.contextmanager
def pausing():
    with start_pause():
        collections.clear()  # a collection while the app's modules were imported came before the start's pause
        yield
ui.app.collector_paused = pausing
if sys.argv[2] == "fails":
    def failing(*args, **kwargs):
        seen["opening"] = gc.isenabled()
        raise RuntimeError("the register could not be opened")
    ui.app.open_and_log_in = failing
from ui.launcher import main
try:
    main(["--db", sys.argv[1]])
finally:
    QThreadPool.globalInstance().waitForDone()
    seen["after"] = gc.isenabled()
    print(json.dumps(seen))
"""


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    """An up-to-date plain database (made here, so the child only opens it)."""
    path = tmp_path / "ward.db"
    Store.open(path, create=True).close()
    return path


def _start(ward: Path, how: str) -> tuple[dict[str, bool], subprocess.CompletedProcess[str]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", START, str(ward), how], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1]), done


def test_paused_while_the_window_is_built_running_once_it_is_shown(ward: Path) -> None:
    seen, done = _start(ward, "opens")
    assert done.returncode == 0, done.stderr
    assert seen == {"window built": False, "event loop": False, "collected on the GUI thread": [True],
                    "after": False}


def test_still_off_when_the_start_ends_short(ward: Path) -> None:
    """The start that ends short leaves no automatic collection behind to run in another thread."""
    seen, done = _start(ward, "fails")
    assert done.returncode != 0 and "the register could not be opened" in done.stderr
    assert seen == {"opening": False, "after": False}
