"""Admin → Users: accounts with their role, whether they can log in, and failed logins; add an account, change
a role, disable or enable, reset a password, unlock after too many failures.

Every action is a core call (`desktop.security.users`), which checks the admin's right and keeps the rules
(the last admin stays an admin, passwords have a minimum length); the page shows the core's refusal as is.
Actions take their answer as an argument when a test (or a caller) already has it, and ask in a dialog
otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.i18n import tr as core_tr
from desktop.security import users
from desktop.security.passwords import check_password_policy
from desktop.store.tables import USER_ROLES
from ui.context import AppContext
from ui.language import fmt_time
from ui.models import Column, RowsModel, text_of
from ui.widgets import FieldError, assign_mnemonics, chosen, confirm, record_table, show_error


def role_name(role: object) -> str:
    return core_tr(f"security.role.{role}") if role else ""


def _password_line(parent: QWidget) -> QLineEdit:
    line = QLineEdit(parent)
    line.setEchoMode(QLineEdit.EchoMode.Password)
    return line


class UserDialog(QDialog):
    """A new account (username, full name, role, initial password twice) or, with `username`, a new
    password for an existing one. The core call happens on OK; its refusal stays under the fields. Its texts
    follow a language switch while it is open, as every dialog's do."""

    def __init__(self, ctx: AppContext, username: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.reset_for = username
        self.username = QLineEdit(username or "", self)
        self.username.setReadOnly(username is not None)
        self.full_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in USER_ROLES:
            self.role.addItem("", role)
        self.role.setCurrentIndex(self.role.findData("officer"))
        self.password = _password_line(self)
        self.again = _password_line(self)
        self.error = FieldError(self)
        fields: dict[str, QWidget] = {"username": self.username, "full_name": self.full_name, "role": self.role,
                                      "password": self.password, "again": self.again}
        self.labels = {name: QLabel(self) for name in fields}
        form = QFormLayout()
        for name, widget in fields.items():
            form.addRow(self.labels[name], widget)
        for widget in (self.full_name, self.role):
            form.setRowVisible(widget, username is None)  # a new password leaves the name and role alone
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.retranslate()
        (self.password if username else self.username).setFocus()

    def retranslate(self) -> None:
        for name, text in (("username", self.tr("Username")), ("full_name", self.tr("Full name")),
                           ("role", self.tr("Role")), ("password", self.tr("Password")),
                           ("again", self.tr("Password again"))):
            self.labels[name].setText(text)
        for index, role in enumerate(USER_ROLES):
            self.role.setItemText(index, role_name(role))  # the core's names: its language switched first
        self.setWindowTitle(self.tr("New account") if self.reset_for is None
                            else self.tr("New password for %1").replace("%1", self.reset_for))
        assign_mnemonics(self, list(self.labels.values()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def try_save(self) -> None:
        self.error.clear_message()
        try:
            if self.password.text() != self.again.text():
                raise WardbookError("security.password_mismatch")
            if self.reset_for is not None:
                users.set_password(self.ctx.store, self.reset_for, self.password.text())
            else:
                check_password_policy(self.password.text())
                users.add_user(self.ctx.store, self.username.text().strip(), self.full_name.text().strip(),
                               str(self.role.currentData()), self.password.text())
        except WardbookError as error:
            self.error.show_message(error.message())
            return
        self.accept()


class UsersBox(QWidget):
    """The accounts table and its actions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = RowsModel(
            [
                Column("username", lambda: self.tr("Username"), text_of("username")),
                Column("full_name", lambda: self.tr("Full name"), text_of("full_name")),
                Column("role", lambda: self.tr("Role"), lambda row: role_name(row.get("role"))),
                Column("active", lambda: self.tr("Can log in"), self._state),
                Column("failures", lambda: self.tr("Failed logins"), self._failures),
            ],
            self,
        )
        self.model.alert = lambda row: bool(row.get("locked_until"))
        self.view = record_table(self, self.model)
        self.buttons: dict[str, QPushButton] = {}
        actions: dict[str, Callable[[], Any]] = {
            "add": self.add_user, "role": self.change_role, "active": self.toggle_active,
            "password": self.reset_password, "unlock": self.unlock,
        }
        row = QHBoxLayout()
        for key, action in actions.items():
            button = QPushButton(self)
            button.clicked.connect(lambda _c=False, run=action: run())
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.note = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in (("add", self.tr("Add account…")), ("role", self.tr("Change role…")),
                          ("active", self.tr("Disable / enable")), ("password", self.tr("Reset password…")),
                          ("unlock", self.tr("Unlock"))):
            self.buttons[key].setText(text)
        self.model.retranslate()

    def _state(self, row: Mapping[str, Any]) -> str:
        if not row.get("active"):
            return self.tr("disabled")
        return self.tr("yes") if row.get("can_login") else self.tr("no password")

    def _failures(self, row: Mapping[str, Any]) -> str:
        text = str(row.get("failures") or "")
        if row.get("locked_until"):
            text += " — " + self.tr("locked until %1").replace("%1", fmt_time(row["locked_until"]))
        return text

    def refresh(self) -> None:
        chosen = self.selected()
        self.model.set_rows(users.list_users(self.ctx.store))
        if chosen:
            self.select(chosen)  # the admin acts on one account after another: keep it selected
        self.retranslate()

    def selected(self) -> str | None:
        index = chosen(self.view)
        return str(self.model.row(index.row())["username"]) if index.isValid() else None

    def select(self, username: str) -> None:
        for number in range(self.model.rowCount()):
            if self.model.row(number)["username"] == username:
                self.view.setCurrentIndex(self.model.index(number, 0))

    def _apply(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except WardbookError as error:
            show_error(self, error, self.tr("Not saved"))
            return False
        self.refresh()
        return True

    def add_user(self) -> UserDialog:
        dialog = UserDialog(self.ctx, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each account added opens a new one
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def reset_password(self) -> UserDialog | None:
        username = self.selected()
        if not username:
            return None
        dialog = UserDialog(self.ctx, username, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def change_role(self, role: str | None = None) -> bool:
        username = self.selected()
        if not username:
            return False
        if role is None:
            names = [role_name(code) for code in USER_ROLES]
            chosen, ok = QInputDialog.getItem(self, self.tr("Change role"),
                                              self.tr("New role of %1:").replace("%1", username), names, 0, False)
            if not ok:
                return False
            role = USER_ROLES[names.index(chosen)]
        return self._apply(lambda: users.set_role(self.ctx.store, username, role))

    def toggle_active(self) -> QMessageBox | None:
        """Ask first, naming the account (No is the default): disabling the wrong one locks a colleague out, and
        enabling the wrong one lets a leaver back in. The box is returned so a test can answer it."""
        index = chosen(self.view)
        if not index.isValid():
            return None
        row = self.model.row(index.row())
        username, active = str(row["username"]), bool(row["active"])
        name = f"{username} ({row['full_name']})" if row.get("full_name") else username
        if active:
            title = self.tr("Disable an account")
            text = self.tr("Disable the account “%1”? It can no longer log in.")
        else:
            title = self.tr("Enable an account")
            text = self.tr("Enable the account “%1”? It can log in again.")
        return confirm(self, title, text.replace("%1", name),
                       lambda: self._apply(lambda: users.set_active(self.ctx.store, username, not active)))

    def unlock(self) -> bool:
        username = self.selected()
        return bool(username) and self._apply(lambda: users.unlock(self.ctx.store, str(username)))
