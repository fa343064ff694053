"""Starting the app: options, the first-start choice (demo ward or empty register), the main window and
the self-test.

`wardbook` (ui.launcher) calls `run(args)` with what is left of the command line, e.g.
`['--db', 'x.db', '--self-test', '--lang', 'en']`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from desktop.cli.context import default_db_path
from desktop.store import Store

FIRST_DEMO_HOUSEHOLDS = 2000
SELF_TEST_DEMO_HOUSEHOLDS = 300


def parse_args(args: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="wardbook", add_help=True)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--self-test", action="store_true")
    known, _rest = parser.parse_known_args(list(args))  # Qt's own options (-platform …) pass through
    return known


def run(args: Sequence[str]) -> int:
    options = parse_args(args)
    if options.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.first_start import ensure_database
    from ui.language import LanguageManager

    app = QApplication.instance() or QApplication([sys.argv[0], *_qt_args(args)])
    app.setApplicationName("WardBook")
    app.setOrganizationName("WardBook")
    language = LanguageManager()
    language.set_language(options.lang)
    path = Path(options.db or default_db_path())
    interactive = not options.self_test and QApplication.platformName() not in ("offscreen", "minimal")
    store = ensure_database(
        path,
        interactive=interactive,
        demo_households=SELF_TEST_DEMO_HOUSEHOLDS if options.self_test else FIRST_DEMO_HOUSEHOLDS,
    )
    if store is None:
        return 1  # the officer closed the first-start dialog
    window = build_window(store, language)
    window.show()
    if options.self_test:
        return self_test(window)
    try:
        return app.exec()
    finally:
        store.close()


def _qt_args(args: Sequence[str]) -> list[str]:
    return [a for a in args if a.startswith("-") and not a.startswith("--")]


def build_window(store, language, today=date.today):
    from ui.context import AppContext
    from ui.main_window import MainWindow

    ctx = AppContext(store, language, today)
    return MainWindow(ctx)


def _render_test_pdf(store: Store) -> int:
    """Render this month's review (fonts, layout, reportlab) to a scratch file; its size. Writes nothing."""
    import tempfile
    from datetime import date
    from pathlib import Path

    from desktop.reports.periods import month
    from desktop.reports.review import build_review

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "self-test.pdf"
        today = date.today()
        build_review(store, month(today.year, today.month), out)
        data = out.read_bytes()
        if not data.startswith(b"%PDF"):
            raise RuntimeError("self-test PDF is not a PDF")
        return len(data)


def self_test(window) -> int:
    """Wait for the household list, check the window is whole, print one line; 0 when all is well."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    window.households.loaded.connect(lambda _n: loop.quit())
    QTimer.singleShot(20_000, loop.quit)
    if window.households.model.rowCount() == 0:
        loop.exec()
    rows = window.households.model.rowCount()
    ok = window.isVisible() and window.nav.count() == 7 and rows > 0
    first = window.households.model.index(0, 1).data() if rows else None
    pdf_bytes = _render_test_pdf(window.ctx.store)
    print(
        f"wardbook self-test: {'ok' if ok and first else 'FAILED'} — {rows} households, "
        f"PDF of {pdf_bytes} bytes, database {window.ctx.db_path}"
    )
    window.close()
    window.ctx.store.close()
    return 0 if ok and first else 1
