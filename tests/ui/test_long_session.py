"""The app survives a long scripted session: language switches, the search box, visit forms, reports.

The session runs in a process of its own (tests/ui/long_session.py), so a native crash fails this test with
the crash log's trace instead of killing the suite. Under Xvfb when it is installed (the real X11 platform
plugin, as a laptop runs it), offscreen otherwise.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("long_session.py")


@pytest.mark.slow
def test_a_long_session_ends_normally_with_no_native_crash(demo_db_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "ward.db"
    shutil.copy(demo_db_template, db)
    crash_log = tmp_path / "crash.log"
    command = [sys.executable, str(SCRIPT), str(db), "--rounds", "12", "--crash-log", str(crash_log)]
    env = {**os.environ, "WARDBOOK_UNENCRYPTED": "1"}
    if shutil.which("xvfb-run"):
        command = ["xvfb-run", "-a", *command]
        env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, f"{done.stderr[-3000:]}\n{crash_log.read_text()[-3000:]}"
    assert "12 rounds" in done.stdout
    assert crash_log.read_text() == ""
    assert len(list((tmp_path / "reports").glob("*.pdf"))) == 12
