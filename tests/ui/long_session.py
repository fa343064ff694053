"""A long scripted session of the app, run in its own process: what a team lead does over a day, many times.

A native crash (a segfault in Qt after language switches, a report and the search box was once seen) kills
the process; run here, it kills only this script, and `faulthandler` writes where it happened. Each round:
switch the language, type a name in the households search, select all and delete it, open a household and a
visit form and leave it, open a case and a new case's form and close them, generate a review PDF and "open" it,
go through every page. The cyclic collector runs as the app runs it (`ui.collection`): on the GUI thread only.

    xvfb-run -a .venv/bin/python tests/ui/long_session.py --rounds 200 DB

Exit status 0 when every round ran; the crash log (if any) is named on stderr.
"""

from __future__ import annotations

import argparse
import faulthandler
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.store import Store
from ui.collection import collect_on_gui_thread
from ui.context import AppContext
from ui.language import LanguageManager
from ui.main_window import MainWindow

TODAY = date(2026, 6, 30)
NAMES = ("nguyen", "tran thi", "le van", "pham", "dang thi hoa", "khu pho 2", "12/3")


def wait_until(app: QApplication, condition: object, timeout_ms: int = 20_000) -> bool:
    """Process events until `condition()` holds (the app runs as a user would see it: its event loop turns)."""
    waited = 0
    while not condition():  # type: ignore[operator]
        if waited >= timeout_ms:
            return False
        app.processEvents()
        QTest.qWait(20)
        waited += 20
    return True


def close_modal() -> None:
    """Close the modal form just opened (a case's view or form), as an officer who only looked."""
    modal = QApplication.activeModalWidget()
    if isinstance(modal, QDialog):
        modal.done(0)


def one_round(app: QApplication, window: MainWindow, number: int, out: Path) -> None:
    window.set_language("en" if number % 2 else "vi")
    app.processEvents()
    window.show_page("households")
    search = window.households.search
    search.setFocus()
    QTest.keyClicks(search, NAMES[number % len(NAMES)])
    QTest.qWait(350)  # the search waits for typing to pause
    QTest.keyClick(search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(search, Qt.Key.Key_Backspace)
    QTest.qWait(350)
    wait_until(app, lambda: window.households.model.rowCount() > 0)
    first = window.households.current_id() or window.households.model.index(0, 0).data(Qt.ItemDataRole.UserRole)
    if isinstance(first, str):
        window.open_household(first)
        app.processEvents()
    dialog = window.new_visit()
    QTest.keyClicks(dialog, "ghi chu")
    dialog.reject()
    app.processEvents()
    for dialog_left in window.findChildren(QDialog):
        if dialog_left.isVisible():
            dialog_left.done(0)
    window.show_page("cases")
    cases = window.cases
    wait_until(app, lambda: cases.model.rowCount() > 0)
    QTimer.singleShot(200, close_modal)
    cases.open_case(str(cases.model.row(number % cases.model.rowCount())["id"]))
    QTimer.singleShot(200, close_modal)
    cases.new_case(None)
    window.show_page("reports")
    page = window.reports
    page.out.setText(str(out / f"round-{number}.pdf"))
    page.start_report()
    if not wait_until(app, lambda: page.open_pdf.isEnabled(), 60_000):
        raise SystemExit(f"round {number}: the report did not finish")
    page.open_pdf.click()  # the PDF previewed inside the app (Qt PDF), scrolled, then closed
    app.processEvents()
    for preview in window.findChildren(QDialog, "pdfPreview"):
        preview.view.verticalScrollBar().setValue(preview.view.verticalScrollBar().maximum())
        app.processEvents()
        preview.done(0)
    app.processEvents()
    for key in ("followups", "cases", "activities", "sync", "households"):
        window.show_page(key)
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a demo ward database (plain, as the tests make it)")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--crash-log", type=Path, default=None)
    args = parser.parse_args(argv)
    crash_log = (args.crash_log or args.db.with_suffix(".crash.log")).open("w")
    faulthandler.enable(crash_log, all_threads=True)
    app = QApplication.instance() or QApplication(["wardbook-long-session"])
    collect_on_gui_thread(app)
    language = LanguageManager()
    out = args.db.parent / "reports"
    out.mkdir(exist_ok=True)
    with Store.open(args.db) as store:
        window = MainWindow(AppContext(store, language, today=lambda: TODAY))
        window.show()
        wait_until(app, lambda: window.households.model.rowCount() > 0)
        for number in range(args.rounds):
            one_round(app, window, number, out)
        window.close()
        window.deleteLater()
        app.processEvents()
    print(f"{args.rounds} rounds", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
