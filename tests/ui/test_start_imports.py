"""What the app loads before its main window shows (DESIGN.md §8: start ≤ 3× a bare PySide6 window).

Modules needed only on a user action (the dialogs), on another start (the CLI, the demo generator, the
migration of an old database) or by another key store cost a visible part of that budget, so they stay out of
the start. Only a fresh interpreter can tell: the test process has imported everything already.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store import Store

ROOT = Path(__file__).resolve().parents[2]

# Module → why the window's start does without it.
NOT_AT_START = {
    "keyring": "the OS keyring: imported by the key store that uses it (not for a plain database or a key file)",
    "cryptography": "the key file's ciphers: imported by the key file store",
    "sqlite_utils": "used by migrations only; an up-to-date database opens without it",
    "desktop.cli": "the command line: the app names its default database through desktop.paths",
    "desktop.demo": "the demo generator: only a first start makes a demo ward",
    "ui.audit_dialog": "opened from the menu",
    "ui.import_dialog": "opened from the menu",
    "ui.forms.visit": "opened by New visit",
    "ui.forms.people": "opened by New household or a member's button",
    "ui.pdf_view": "Qt PDF: loaded when a report is previewed or printed",
    "PySide6.QtPdf": "Qt PDF: loaded when a report is previewed or printed",
    "ui.pages.campaigns": "a page built when first shown (ui.main_window.LATER_PAGES)",
    "ui.pages.reports": "a page built when first shown (ui.main_window.LATER_PAGES)",
    "ui.pages.sync": "a page built when first shown (ui.main_window.LATER_PAGES)",
    "ui.pages.admin": "a page built when first shown (ui.main_window.LATER_PAGES)",
    "ui.login": "the login after a logout (the app's start asks for it before the window, in ui.app)",
    "desktop.reports.jobs": "the report jobs: imported by the Reports page when a report is made",
    "reportlab": "the PDF library: imported with the report jobs",
    "docx": "python-docx: imported when a Word copy is made",
}

# As bench/bench_ui.py starts: the store opened directly, the main window built and shown.
WINDOW_START = """
import sys
from PySide6.QtWidgets import QApplication
from desktop.store import Store
from ui.app import build_window
from ui.language import LanguageManager
app = QApplication([])
window = build_window(Store.open(sys.argv[1]), LanguageManager())
window.show()
app.processEvents()
print(" ".join(sys.modules))
"""
# As `wardbook` starts (ui.launcher → ui.app.run), stopped where the window is shown and the event loop begins.
APP_START = """
import sys
from PySide6.QtWidgets import QApplication
def shown(app):
    app.processEvents()
    print(" ".join(sys.modules))
    return 0
QApplication.exec = shown
from ui.launcher import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def _loaded_at_start(script: str, db: Path) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def _unneeded(loaded: set[str], allowed: frozenset[str] = frozenset()) -> dict[str, str]:
    return {name: why for name, why in NOT_AT_START.items()
            if name not in allowed and any(m == name or m.startswith(name + ".") for m in loaded)}


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    """An up-to-date plain database (made here, so the child only opens it)."""
    path = tmp_path / "ward.db"
    Store.open(path, create=True).close()
    return path


def test_main_window_starts_without_what_it_does_not_use(ward: Path) -> None:
    assert _unneeded(_loaded_at_start(WINDOW_START, ward)) == {}


def test_app_start_on_a_plain_database_needs_no_keyring(ward: Path) -> None:
    """WARDBOOK_UNENCRYPTED=1 (set for every test by tests/conftest.py): no key store, so no keyring."""
    assert os.environ.get("WARDBOOK_UNENCRYPTED") == "1"
    assert _unneeded(_loaded_at_start(APP_START, ward), allowed=frozenset({"ui.login"})) == {}
