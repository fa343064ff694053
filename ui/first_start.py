"""First start: no database yet. The officer chooses a demo ward (to learn the app) or an empty register.

The demo is made by the core's generator in a worker with a progress dialog (a few seconds for 2,000
households); without a screen (self-test, offscreen) the demo is made silently. Either way the database is
created through `open_database` with the key store chosen at start (`ui.keys`), so it is encrypted from its
first byte; the caller then offers to create the first admin account (`ui.login.FirstAdminDialog`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QDialog, QLabel, QLayout, QProgressDialog, QPushButton, QVBoxLayout, QWidget

from desktop.security.database import SIDE_FILES, open_database
from desktop.security.secrets import SecretStore
from desktop.store import Store
from ui import workers


class FirstStartDialog(QDialog):
    """Two big buttons: demo ward or empty register. The welcome is also a heading inside the dialog (a window
    title is cut by narrow title bars), and the dialog is wide enough for its longest button."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartDialog")
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Welcome to WardBook"))
        self.heading = QLabel(self.windowTitle(), self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        text = QLabel(
            self.tr("There is no register on this computer yet (%1).\nHow do you want to start?").replace(
                "%1", str(path)
            ),
            self,
        )
        text.setWordWrap(True)
        demo = QPushButton(self.tr("Open a demo ward (invented households, to try the app)"), self)
        empty = QPushButton(self.tr("Start an empty register"), self)
        demo.clicked.connect(lambda: self._choose("demo"))
        empty.clicked.connect(lambda: self._choose("empty"))
        layout = QVBoxLayout(self)
        for widget in (self.heading, text, demo, empty):
            layout.addWidget(widget)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(max(520, demo.sizeHint().width() + 48))
        demo.setDefault(True)
        self.demo_button, self.empty_button = demo, empty

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class DemoNotMade(Exception):
    """The demo ward could not be made (a full disk, a folder that cannot be written): `str(error)` is the sentence
    the officer reads. Told, not dropped: the app used to end as if the officer had closed the dialog."""


def make_demo(path: Path, households: int, *, interactive: bool, secrets: SecretStore | None = None) -> bool:
    """Generate the demo ward into a new database at `path` in a worker; False if cancelled, DemoNotMade if it
    failed."""
    from desktop.demo import DemoSize, generate_demo_ward  # only a first start makes a demo: not at every start

    def job(progress: workers.Progress, cancelled: workers.Cancelled) -> None:
        with open_database(path, secrets, create=True) as store:
            generate_demo_ward(store, DemoSize(households=households), progress, cancelled)

    loop = QEventLoop()
    outcome: dict[str, bool] = {}
    dialog: QProgressDialog | None = None
    if interactive:
        dialog = QProgressDialog(
            QCoreApplication.translate("FirstStart", "Creating the demo ward…"),
            QCoreApplication.translate("FirstStart", "Cancel"),
            0,
            households,
        )
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.show()  # at once: the generator's first progress can take a while to come, on a blank screen

    failure: list[str] = []

    def finish(ok: bool) -> None:
        outcome["ok"] = ok
        loop.quit()

    def fail(message: str) -> None:
        failure.append(message)
        finish(False)

    worker = workers.start(
        job,
        progress=lambda done, total, _m: dialog.setValue(done) if dialog else None,
        finished=lambda _r: finish(True),
        failed=fail,
        cancelled=lambda: finish(False),
    )
    if dialog is not None:
        dialog.canceled.connect(worker.cancel)
    loop.exec()  # results arrive as queued signals, so they cannot be missed before this loop runs
    if dialog is not None:
        dialog.close()
    if failure:
        raise DemoNotMade(failure[0])
    return outcome.get("ok", False)


def ensure_database(
    path: Path, *, interactive: bool, demo_households: int, secrets: SecretStore | None = None
) -> tuple[Store, bool] | None:
    """The store at `path` and whether it was just made (demo or empty) because it was missing; None when the
    officer gave up. The key store `secrets` (None: plain, tests only) encrypts a new file and opens an old
    one (a plain file from an earlier version is encrypted in place by `open_database`)."""
    created = False
    if not path.exists():
        choice = "demo"
        if interactive:
            dialog = FirstStartDialog(path)
            if not dialog.exec():
                return None
            choice = dialog.choice or "demo"
        if choice == "demo":
            try:
                made = make_demo(path, demo_households, interactive=interactive, secrets=secrets)
            except DemoNotMade:
                _remove_half_made(path)
                raise
            if not made:
                _remove_half_made(path)
                return None
        created = True
    return open_database(path, secrets, create=True), created


def _remove_half_made(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + suffix) for suffix in SIDE_FILES)):
        leftover.unlink(missing_ok=True)
