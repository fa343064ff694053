"""The app's start holds the cyclic collector back until its window is shown (`desktop.collector`, `ui.app.run`),
and the collector runs again from then on, also when the start ends short.

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
import gc, json, sys
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
import ui.app
seen = {}
build_window = ui.app.build_window
def building(*args, **kwargs):
    seen["window built"] = gc.isenabled()
    return build_window(*args, **kwargs)
def looping(app):
    QThreadPool.globalInstance().waitForDone()  # the window's first reads: jobs hold the collector back too
    seen["event loop"] = gc.isenabled()
    return 0
ui.app.build_window = building
QApplication.exec = looping
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
    assert seen == {"window built": False, "event loop": True, "after": True}


def test_running_again_when_the_start_ends_short(ward: Path) -> None:
    seen, done = _start(ward, "fails")
    assert done.returncode != 0 and "the register could not be opened" in done.stderr
    assert seen == {"opening": False, "after": True}
