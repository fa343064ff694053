"""Starting the app: options, the key store, the first-start choice (demo ward or empty register), the
first admin account or the login, the main window and the self-test.

The database is always opened through the core's `open_database` with the key store of `ui.keys` (the OS
keyring, or a passphrase-protected key file when no keyring works); `WARDBOOK_UNENCRYPTED=1` is the CLI's
plain mode for tests. The self-test runs without a screen: when no keyring works it keeps its scratch
database's key in a key file beside it (`*.self-test-keys.json`, passphrase not secret) — only for a database
it creates itself, never for an existing one.

`wardbook` (ui.launcher) calls `run(args)` with what is left of the command line, e.g.
`['--db', 'x.db', '--self-test', '--lang', 'en']`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import clock
from desktop.collector import collector_paused
from desktop.errors import WardbookError
from desktop.paths import default_db_path
from desktop.security.key_store import KeyStoreChoice, KeyStoreKind, chosen_key_store, start_unlocking
from desktop.security.secrets import KeyringSecrets, PassphraseFileSecrets, SecretStore
from desktop.store import Store
from desktop.store.in_use import APP, hold_register

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from ui.language import LanguageManager

FIRST_DEMO_HOUSEHOLDS = 2000
SELF_TEST_DEMO_HOUSEHOLDS = 300
SELF_TEST_PASSPHRASE = "wardbook self-test (scratch database, not a secret)"


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
    # The start makes most of the objects the app will ever hold (Qt's modules, the window's code, the window):
    # the cyclic collector waits until the window is shown (`desktop.collector`), or until the start ends short.
    with ExitStack() as starting:
        starting.enter_context(collector_paused())
        return _start(args, options, starting.close)


def _start(args: Sequence[str], options: argparse.Namespace, started: Callable[[], None]) -> int:
    """`run` once the collector waits; `started` ends that wait (once the window is shown)."""
    # A key file's scrypt runs while Qt and the window's code load below (the keyring's loading is done right
    # here: see `start_unlocking`); the store is opened on this thread once both are done.
    key_store = chosen_key_store()
    if not options.self_test:
        start_unlocking(key_store)
    from PySide6.QtWidgets import QApplication

    from ui.language import LanguageManager

    app = QApplication.instance() or QApplication([sys.argv[0], *_qt_args(args)])
    from ui.collection import collect_on_gui_thread

    collect_on_gui_thread(app)  # never in a job's thread, where it freed Qt objects and crashed the app
    app.setApplicationName("WardBook")
    app.setOrganizationName("WardBook")
    language = LanguageManager()
    language.set_language(options.lang)
    path = Path(options.db or default_db_path())
    from ui.crash import enable_crash_log

    with suppress(OSError):  # a folder we cannot write to: the app still runs, without a crash log
        enable_crash_log(path.parent)
    interactive = not options.self_test and QApplication.platformName() not in ("offscreen", "minimal")
    # A second start on the same register is told so and ends: two windows on one register undid each other's
    # work. Bringing the first window forward instead would need a channel between the two processes, and
    # Windows does not let a program that is not in front bring another one forward; a sentence always works.
    try:
        session = hold_register(path, APP)
    except WardbookError as error:
        _report(error.message(), interactive)
        return 2
    with session:
        return _session(app, options, path, key_store, language, interactive, started)


def _session(app: QCoreApplication, options: argparse.Namespace, path: Path, key_store: KeyStoreChoice,
             language: LanguageManager, interactive: bool, started: Callable[[], None]) -> int:
    """Log in, show the window and run it, with the register held; then the restore an admin chose, which
    replaces the database once it is closed, still held, so that no other WardBook opens it meanwhile."""
    from PySide6.QtCore import QSettings

    from ui.crash import install_error_hook
    from ui.first_start import DemoNotMade
    from ui.keys import GaveUp, app_secrets
    from ui.workers import stop_all

    settings = QSettings()
    load_window_code()
    try:
        secrets = (self_test_secrets(path, key_store) if options.self_test
                   else app_secrets(settings, interactive=interactive, choice=key_store))
        store = open_and_log_in(path, secrets, interactive=interactive, self_test=options.self_test)
    except GaveUp:
        return 1
    except WardbookError as error:
        _report(error.message(), interactive)
        return 2
    except DemoNotMade as error:
        _report(str(error), interactive)
        return 2
    if store is None:
        return 1  # the officer closed the first-start or the login dialog
    window = build_window(store, language, secrets=secrets, settings=settings)
    window.show()
    started()
    try:
        if options.self_test:
            return self_test(window)
        install_error_hook(path.parent, path)
        return app.exec()
    finally:
        stop_all()  # no job may outlive the store it reads, nor Qt and Python as they tear down
        pending = window.ctx.pending_restore
        store.close()
        if pending is not None:
            finish_restore(path, pending, secrets, interactive)


def open_and_log_in(path: Path, secrets: SecretStore | None, *, interactive: bool, self_test: bool) -> Store | None:
    """The open store with its user logged in (or in setup mode); None when the officer gave up.

    After the first start the officer is offered the first admin account; when accounts exist the login
    dialog comes before the window. Without a screen a database with accounts cannot be used (no one to ask).
    """
    from desktop.security.session import accounts_exist, attached_actor
    from ui.first_start import ensure_database
    from ui.login import FirstAdminDialog, LoginDialog

    opened = ensure_database(
        path,
        interactive=interactive,
        demo_households=SELF_TEST_DEMO_HOUSEHOLDS if self_test else FIRST_DEMO_HOUSEHOLDS,
        secrets=secrets,
    )
    if opened is None:
        return None
    store, created = opened
    try:
        if created and interactive and not accounts_exist(store):
            FirstAdminDialog(store).exec()  # Skip keeps setup mode
        if accounts_exist(store) and attached_actor(store) is None:
            if not interactive:
                raise WardbookError("security.login_required")
            if not LoginDialog(store).exec():
                store.close()
                return None
    except BaseException:
        store.close()
        raise
    return store


def self_test_secrets(path: Path, choice: KeyStoreChoice) -> SecretStore | None:
    """The keyring when it works; otherwise a scratch key file, but only for a database the self-test makes.
    None in the plain mode chosen by the environment (`choice`, the core's rule)."""
    from ui.keys import keyring_works

    if choice.kind is KeyStoreKind.PLAIN:
        return None
    problem = keyring_works()
    if problem is None:
        return KeyringSecrets("db")
    scratch = path.with_name(path.name + ".self-test-keys.json")
    if path.exists() and not scratch.exists():
        raise problem  # a real database: its key is not ours to invent
    return PassphraseFileSecrets(scratch, SELF_TEST_PASSPHRASE)


def finish_restore(path: Path, source: Path, secrets: SecretStore | None, interactive: bool) -> None:
    """Restore the backup an admin chose, now that the database is closed; the app must be started again."""
    from desktop.security.database import restore

    if interactive:
        kept, failure = _restore_shown(path, source, secrets)
        if failure is not None:
            _report(failure, interactive)
            return
    else:
        try:
            kept = restore(path, source, secrets)
        except WardbookError as error:
            _report(error.message(), interactive)
            return
    from PySide6.QtCore import QCoreApplication

    done = QCoreApplication.translate("App", "The backup was restored. Start WardBook again.")
    if kept is not None:
        done = QCoreApplication.translate(
            "App", "The backup was restored; the register it replaced is kept as %1. Start WardBook again.",
        ).replace("%1", str(kept))
    _report(done, interactive, error=False)


def _restore_shown(path: Path, source: Path, secrets: SecretStore | None) -> tuple[Path | None, str | None]:
    """`restore` in the background while a progress dialog shows it: the window is gone by then, and copying a
    ward's register twice (the backup in, the replaced register aside) takes a while; without a sign of it the
    officer would take the app for crashed and start it again. No Cancel: the copies are made before anything
    is replaced, but a restore half-asked-for is not what the admin chose. Returns where the replaced register
    is kept, or the sentence that says why nothing was restored."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
    from PySide6.QtWidgets import QProgressDialog

    from desktop.security.database import restore
    from ui import workers

    dialog = QProgressDialog(QCoreApplication.translate("App", "Restoring the backup…"), "", 0, 1000)
    dialog.setCancelButton(None)  # Qt takes None: no button
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    outcome: list[tuple[Path | None, str | None]] = []

    def ended(kept: Path | None, failure: str | None) -> None:
        outcome.append((kept, failure))
        loop.quit()

    workers.start(lambda progress, _cancelled: restore(path, source, secrets, progress),
                  progress=lambda done, _total, _message: dialog.setValue(done),
                  finished=lambda kept: ended(kept, None), failed=lambda message: ended(None, message))
    loop.exec()  # the outcome comes as a queued signal: it cannot be missed before the loop runs
    dialog.close()
    return outcome[0]


def _report(message: str, interactive: bool, *, error: bool = True) -> None:
    print(message, file=sys.stderr if error else sys.stdout)
    if interactive:
        from PySide6.QtWidgets import QMessageBox

        show = QMessageBox.critical if error else QMessageBox.information
        show(None, "WardBook", message)


def _qt_args(args: Sequence[str]) -> list[str]:
    return [a for a in args if a.startswith("-") and not a.startswith("--")]


def load_window_code() -> None:
    """Import the main window and its pages now, while the key store gets ready on its own thread, rather than
    after the database is open (they cost about as much as the key file's scrypt)."""
    import ui.context
    import ui.main_window  # noqa: F401


def build_window(store, language, today=clock.today, secrets=None, settings=None):
    from ui.context import AppContext
    from ui.main_window import MainWindow

    ctx = AppContext(store, language, today, secrets=secrets, settings=settings)
    return MainWindow(ctx)


def _render_test_pdf(store: Store) -> int:
    """Render this month's review (fonts, layout, reportlab) to a scratch file; its size. Writes nothing."""
    import tempfile
    from pathlib import Path

    from desktop.reports.periods import month
    from desktop.reports.review import build_review

    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "self-test.pdf"
        today = clock.today()
        build_review(store, month(today.year, today.month), out)
        data = out.read_bytes()
        if not data.startswith(b"%PDF"):
            raise RuntimeError("self-test PDF is not a PDF")
        return len(data)


def self_test(window) -> int:
    """Wait for the household list, check the window is whole, print one line; 0 when all is well."""
    from PySide6.QtCore import QEventLoop, QTimer

    from ui.main_window import NAV

    loop = QEventLoop()
    window.households.loaded.connect(lambda _n: loop.quit())
    QTimer.singleShot(20_000, loop.quit)
    if window.households.model.rowCount() == 0:
        loop.exec()
    rows = window.households.model.rowCount()
    ok = window.isVisible() and window.nav.count() == len(NAV) and rows > 0
    first = window.households.model.index(0, 1).data() if rows else None
    pdf_bytes = _render_test_pdf(window.ctx.store)
    print(
        f"wardbook self-test: {'ok' if ok and first else 'FAILED'} — {rows} households, "
        f"PDF of {pdf_bytes} bytes, database {window.ctx.db_path}"
    )
    window.close()
    window.ctx.store.close()
    return 0 if ok and first else 1
