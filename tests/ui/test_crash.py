"""When the app itself fails: a native crash leaves its stacks in the data folder's crash log; a Python
exception escaping a slot is logged and shown as a dialog in the chosen language, and the window stays."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

ROOT = Path(__file__).resolve().parents[2]


def _boxes(name: str) -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == name
            and w.isVisible()]


def _failing_button(window, error: Exception) -> QPushButton:  # type: ignore[no-untyped-def]
    def fail() -> None:
        raise error

    button = QPushButton("x", window)
    button.clicked.connect(fail)
    button.show()
    return button


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_is_logged_and_shown_and_the_window_stays(window, qtbot, tmp_path, monkeypatch,  # type: ignore[no-untyped-def]
                                                                     language) -> None:
    from ui.crash import ERROR_LOG, install_error_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook(tmp_path)
    button = _failing_button(window, RuntimeError("internal detail 42"))
    for lang, words in (("vi", "không thể hoàn tất"), ("en", "could not finish")):
        language.set_language(lang)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(_boxes("crashBox")), timeout=5000)
        box = _boxes("crashBox")[0]
        assert words in box.text() and str(tmp_path / ERROR_LOG) in box.text(), box.text()
        assert "internal detail" not in box.text() and "RuntimeError" not in box.text()
        box.close()
    assert window.isVisible()
    log = (tmp_path / ERROR_LOG).read_text("utf-8")
    assert log.count("RuntimeError: internal detail 42") == 2 and "Traceback" in log


@pytest.mark.qt_no_exception_capture
def test_a_full_disk_in_a_slot_is_told_as_such(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.crash import ERROR_LOG, install_error_hook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_error_hook(tmp_path)
    full = OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "q2.pdf"))
    qtbot.mouseClick(_failing_button(window, full), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_boxes("errorBox")), timeout=5000)
    box = _boxes("errorBox")[0]
    assert box.text() == f"Không dùng được {tmp_path / 'q2.pdf'}: ổ đĩa đã đầy."
    box.close()
    assert not (tmp_path / ERROR_LOG).read_text("utf-8")  # not a bug: nothing to send anyone


@pytest.mark.qt_no_exception_capture
def test_a_full_register_disk_names_the_register(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SQLite's "database or disk is full" names no file: the message named "?", in a slot and in a job."""
    import sqlite3

    from ui.crash import install_error_hook, job_failure_text

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    register = tmp_path / "ward.db"
    install_error_hook(tmp_path, register)
    full = sqlite3.OperationalError("database or disk is full")
    told = f"Không dùng được {register}: ổ đĩa đã đầy."
    assert job_failure_text(full) == told
    qtbot.mouseClick(_failing_button(window, full), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_boxes("errorBox")), timeout=5000)
    box = _boxes("errorBox")[0]
    assert box.text() == told
    box.close()


@pytest.mark.skipif(os.name != "posix", reason="a segfault by signal")
def test_a_native_crash_leaves_its_stacks_in_the_crash_log(tmp_path: Path) -> None:
    script = (
        "import faulthandler, sys\n"
        "from pathlib import Path\n"
        "from ui.crash import enable_crash_log\n"
        "enable_crash_log(Path(sys.argv[1]))\n"
        "faulthandler._sigsegv()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "data")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    log = tmp_path / "data" / "crash.log"
    assert "Segmentation fault" in log.read_text("utf-8")
    assert oct(log.stat().st_mode & 0o777) == oct(0o600)
