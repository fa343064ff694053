"""Login and the first admin account.

Once any account has a password, nobody uses the register without logging in: the login dialog comes before
the main window (and again after File → Log out). The checks — password, lockout after repeated failures,
disabled accounts — are the core's (`desktop.security.users.login`), which also attaches the user to the
store and writes the audit entry; the dialog only shows the core's message under the password field.

Right after the first start the app offers to create the first admin. Skipping keeps the database in setup
mode (everything allowed without login), which is what a demo ward for training needs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.failures import environment_error
from desktop.register.validation import MAX_TEXT, check_text
from desktop.reports.settings import ward_name
from desktop.security import users
from desktop.security.access import change_setting
from desktop.security.passwords import check_password_policy
from desktop.security.permissions import Actor
from desktop.security.session import attach
from desktop.store import Store
from desktop.store.connection import DATABASE_ERRORS
from ui.context import wait_briefly_for_writers
from ui.widgets import FieldError


def _password_line(parent: QWidget) -> QLineEdit:
    line = QLineEdit(parent)
    line.setEchoMode(QLineEdit.EchoMode.Password)
    return line


class LoginDialog(QDialog):
    """Username and password; Enter logs in, Esc closes (the app then quits). `actor` is set on accept."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.store = store
        wait_briefly_for_writers(store)  # the login writes its audit entry: see GUI_BUSY_WAIT_MS
        self.actor: Actor | None = None
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.username = QLineEdit(self)
        self.username.setObjectName("loginUsername")
        self.password = _password_line(self)
        self.password.setObjectName("loginPassword")
        self.error = FieldError(self)
        self.error.setObjectName("loginError")
        self.username_label, self.password_label = QLabel(self), QLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.login_button = QPushButton(self)
        self.login_button.setDefault(True)
        self.login_button.setAutoDefault(True)
        self.quit_button = QPushButton(self)
        self.buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(420)
        self.retranslate()
        self.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("WardBook — Log in"))
        self.heading.setText(self.tr("Log in to %1").replace("%1", self.store.path.name))
        self.username_label.setText(self.tr("Username"))
        self.password_label.setText(self.tr("Password"))
        self.login_button.setText(self.tr("Log in"))
        self.quit_button.setText(self.tr("Quit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def try_login(self) -> None:
        """Ask the core; a wrong password or a locked account keeps the dialog open with the core's words.

        The login writes its audit entry: while another WardBook job (an import, a sync) holds the register,
        or when the disk is full, the dialog says so and stays open with what was typed, to press Enter again
        (no error hook is installed yet before the window: an error escaping here was never shown)."""
        self.error.clear_message()
        try:
            self.actor = users.login(self.store, self.username.text().strip(), self.password.text())
        except WardbookError as error:
            self.error.show_message(error.message())
            self.password.clear()
            self.password.setFocus()
            return
        except DATABASE_ERRORS as error:
            told = environment_error(error, self.store.path)
            if told is None:
                raise
            self.error.show_message(told.message())
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """The first admin account (username, full name, password twice) and the ward's name printed on reports, or
    Skip to stay in setup mode. The ward's name is asked here because whoever sets the register up knows it, and
    a report without it prints a dotted line to fill in by hand."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdminDialog")
        self.store = store
        self.actor: Actor | None = None
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.username = QLineEdit(self)
        self.full_name = QLineEdit(self)
        self.password = _password_line(self)
        self.again = _password_line(self)
        self.ward = QLineEdit(ward_name(store), self)
        self.labels = [QLabel(self) for _ in range(5)]
        self.error = FieldError(self)
        self.error.setObjectName("firstAdminError")
        self.buttons = QDialogButtonBox(self)
        self.create_button = QPushButton(self)
        self.create_button.setDefault(True)
        self.skip_button = QPushButton(self)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout()
        for label, field in zip(self.labels, (self.username, self.full_name, self.password, self.again, self.ward),
                                strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.try_create)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)
        self.retranslate()
        self.username.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("First admin account"))
        self.explain.setText(self.tr(
            "Create the administrator account now. From then on everyone logs in, and the admin adds the "
            "officers' and team leads' accounts. Press “Skip for now” to try the app without accounts (for a "
            "demo ward): anyone at this computer can then do everything."
        ))
        for label, text in zip(self.labels, (self.tr("Username"), self.tr("Full name"), self.tr("Password"),
                                             self.tr("Password again"), self.tr("Ward (printed on reports)")),
                               strict=True):
            label.setText(text)
        self.create_button.setText(self.tr("Create the admin account"))
        self.skip_button.setText(self.tr("Skip for now"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def try_create(self) -> None:
        self.error.clear_message()
        if self.password.text() != self.again.text():
            self.error.show_message(WardbookError("security.password_mismatch").message())
            return
        ward = self.ward.text().strip()
        try:
            check_password_policy(self.password.text())
            if ward:  # a name that cannot be kept is refused before the account is made
                check_text(ward, "report.ward_name", limit=MAX_TEXT)
            actor = users.create_first_admin(self.store, self.username.text().strip(), self.full_name.text().strip(),
                                             self.password.text())
        except WardbookError as error:
            self.error.show_message(error.message())
            return
        attach(self.store, actor)
        if ward and ward != ward_name(self.store):  # written by the admin just made, as every setting is
            change_setting(self.store, "report.ward_name", ward)
        self.actor = actor
        self.accept()
