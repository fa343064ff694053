"""Starting the Qt app: arguments, the database (a demo ward or an empty one on first start), the language,
the main window, and `--self-test` for installers and CI."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop.cli.context import default_db_path
from desktop.demo import DemoSize, generate_demo_ward
from desktop.errors import WardbookError
from desktop.store import Store
from ui.main_window import MainWindow
from ui.translation import Translations
from ui.worker import Worker

FIRST_START_DEMO_HOUSEHOLDS = 2000


def _parse(args: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="wardbook")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--self-test", action="store_true",
                        help="open the database, build the main window offscreen, exit 0")
    return parser.parse_args(list(args))


def _ask_first_start() -> bool | None:
    """True for a demo ward, False for an empty one, None when the officer closes the question."""
    box = QMessageBox()
    box.setWindowTitle(QCoreApplication.translate("app", "WardBook — first start"))
    box.setText(QCoreApplication.translate(
        "app", "There is no ward database on this computer yet. Start with a demo ward (invented households "
        "to try the app) or with an empty register?"))
    demo = box.addButton(QCoreApplication.translate("app", "Demo ward"), QMessageBox.ButtonRole.AcceptRole)
    empty = box.addButton(QCoreApplication.translate("app", "Empty register"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return True if clicked is demo else False if clicked is empty else None


def _make_demo(path: Path, interactive: bool) -> None:
    """Generate the demo ward in a worker thread, with a progress dialog when someone is watching."""
    store = Store.open(path, create=True)
    size = DemoSize(households=FIRST_START_DEMO_HOUSEHOLDS)
    worker = Worker(lambda progress, cancelled: generate_demo_ward(store, size, progress, cancelled))
    dialog = None
    if interactive:
        dialog = QProgressDialog(QCoreApplication.translate("app", "Creating the demo ward…"),
                                 QCoreApplication.translate("app", "Cancel"), 0, size.households)
        dialog.canceled.connect(worker.cancel)
        worker.signals.progress.connect(lambda done, total, _msg: dialog.setValue(done))
        dialog.show()
    failures: list[BaseException] = []
    worker.signals.failed.connect(failures.append)
    pool = QThreadPool.globalInstance()
    pool.start(worker)
    while not pool.waitForDone(50):
        QApplication.processEvents()
    QApplication.processEvents()
    if dialog is not None:
        dialog.close()
    store.close()
    if failures and not isinstance(failures[0], InterruptedError):
        raise failures[0]


def _render_test_pdf(store: Store, household_id: str | None) -> int:
    """Render a short PDF (fonts, layout, reportlab) to a scratch file and return its size; writes nothing
    to the database: a household sheet when there is a household, else this month's (empty) review."""
    from desktop.reports.household_sheet import build_household_sheet
    from desktop.reports.periods import month
    from desktop.reports.review import build_review

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "self-test.pdf"
        if household_id is not None:
            build_household_sheet(store, household_id, out)
        else:
            today = date.today()
            build_review(store, month(today.year, today.month), out)
        data = out.read_bytes()
        if not data.startswith(b"%PDF"):
            raise RuntimeError("self-test PDF is not a PDF")
        return len(data)


def run(args: Sequence[str]) -> int:
    options = _parse(args)
    if options.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.switch(options.lang)
    path: Path = options.db or default_db_path()
    if not path.exists():
        choice = True if options.self_test else _ask_first_start()
        if choice is None:
            return 0
        if choice:
            _make_demo(path, interactive=not options.self_test)
    try:
        store = Store.open(path, create=True)
    except WardbookError as error:
        QMessageBox.critical(None, "WardBook", error.message())
        return 2
    window = MainWindow(store, translations)
    window.show()
    if options.self_test:
        app.processEvents()
        rows = window.households.model.rowCount()
        pdf_bytes = _render_test_pdf(store, window.households.current_id)
        window.close()
        store.close()
        print(f"self-test ok: {rows} households, PDF of {pdf_bytes} bytes, database {path}")
        return 0
    code = app.exec()
    store.close()
    return int(code)
