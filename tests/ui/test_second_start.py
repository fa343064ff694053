"""Starting WardBook a second time on the same register (a double click too many): the second start is told,
in the user's language, that WardBook is already open with it, and ends; the first window goes on."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from desktop.store import Store
from desktop.store.in_use import APP, REGISTER_SUFFIX, holder

ROOT = Path(__file__).resolve().parents[2]


def _start(db: Path, home: Path, *options: str) -> subprocess.Popen[str]:
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(home), "WARDBOOK_UNENCRYPTED": "1",
           "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "ui.launcher", "--db", str(db), *options], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_until_open(app: subprocess.Popen[str], db: Path) -> None:
    """Until the app holds its register (it is then past the point where a second start is checked)."""
    give_up = time.monotonic() + 120
    while holder(Path(str(db) + REGISTER_SUFFIX)) != APP:
        assert app.poll() is None, app.communicate()
        assert time.monotonic() < give_up, "the first WardBook never opened its register"
        time.sleep(0.05)


def test_a_second_start_on_the_same_register_is_told_and_ends(tmp_path: Path) -> None:
    db = tmp_path / "ward.db"
    Store.open(db, create=True).close()  # no accounts: the app opens without a login dialog
    first = _start(db, tmp_path, "--lang", "en")
    try:
        _wait_until_open(first, db)
        second = _start(db, tmp_path, "--lang", "en")
        _out, said = second.communicate(timeout=120)
        assert second.returncode == 2
        assert f"WardBook is already open with the register {db}. Use the window that is open" in said
        again = _start(db, tmp_path)  # Vietnamese, the default
        _out, said = again.communicate(timeout=120)
        assert again.returncode == 2 and f"WardBook đang mở sổ {db} rồi." in said
        assert first.poll() is None  # the first window goes on
    finally:
        first.kill()
        first.communicate()
