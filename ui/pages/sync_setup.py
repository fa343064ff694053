"""Setting the station's sync up from the app, so an admin never needs the command line: create the station
share in a folder, ask to join from another laptop and wait for approval, approve a waiting laptop for one of
the register's accounts, revoke a lost one, write a snapshot and start a new laptop from it.

The work is `desktop.sync.setup`'s, the same functions the CLI's `share`, `enroll` and `sync bootstrap` call.
The sync keys live where the CLI keeps them: in the key file that already holds the database key, or in the OS
keyring; when neither works (a plain database on a computer with no keyring) a dialog asks for a key file and
its passphrase. Messages are sentences saying what to do next, never a command or a setting name.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.i18n import tr as core_tr
from desktop.security.database import reopen
from desktop.security.secrets import KeyringSecrets, PassphraseFileSecrets, SecretStore
from desktop.store.queries import ward_stats
from ui import workers
from ui.context import AppContext
from ui.keys import FOR_SYNC, KeyFileDialog
from ui.models import Column, RowsModel, text_of
from ui.progress import JobProgress
from ui.widgets import FieldError, chosen, confirm, record_table

SYNC_KEY_FILE_SETTING = "sync/key_file"


def _role_name(role: object) -> str:
    return core_tr(f"security.role.{role}") if role else ""


class SyncKeyChooser(QObject):
    """Finds this laptop's sync key store once per window: the database's key file, else the OS keyring, else
    a key file chosen in a dialog (its path remembered on this computer, never its passphrase)."""

    def __init__(self, ctx: AppContext, parent: QWidget, secrets: SecretStore | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.widget = parent
        self.secrets = secrets
        self.dialog: KeyFileDialog | None = None  # the key file dialog while it is open (deleted once closed)

    def _known(self) -> SecretStore | None:
        if isinstance(self.ctx.secrets, PassphraseFileSecrets):
            return self.ctx.secrets
        keyring = KeyringSecrets(self.ctx.store.device_id)
        try:
            keyring.get("sync-signing-key")
        except WardbookError as error:
            if error.msg_id != "security.no_keyring":
                raise
            return None
        return keyring

    def with_secrets(self, then: Callable[[SecretStore], None]) -> None:
        """Run `then` with the key store, at once when it is known, else once the key dialog is accepted."""
        if self.secrets is None:
            self.secrets = self._known()
        if self.secrets is not None:
            then(self.secrets)
            return
        remembered = str(self.ctx.settings.value(SYNC_KEY_FILE_SETTING, "") or "") if self.ctx.settings else ""
        self.dialog = dialog = KeyFileDialog(remembered, FOR_SYNC, self.widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # asked again at each try until a key file is given

        def accepted() -> None:
            self.secrets = dialog.secrets
            if self.ctx.settings is not None and dialog.secrets is not None:
                self.ctx.settings.setValue(SYNC_KEY_FILE_SETTING, str(dialog.secrets.path))
            if dialog.secrets is not None:
                then(dialog.secrets)

        dialog.accepted.connect(accepted)  # read before the dialog goes: it is deleted once closed
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: KeyFileDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None


# The core's refusals that mean the folder was not reached (the network, the drive, the computer sharing it);
# the others say what is wrong with a folder that was (a file, a damaged station file, a bare name).
NOT_REACHED = frozenset({"sync.no_share", "sync.share_unreachable", "sync.share_login_refused",
                         "sync.share_missing"})


def _check_job(check: int, device: str, location: str) -> workers.Job:
    """Where the laptop `device` stands with `location`, in a worker thread (no database needed): the answer
    is (check, state, the station's laptops for the admin laptop, the refusal when it cannot be reached)."""

    def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> object:
        from desktop.sync import setup

        try:
            state = setup.standing(device, location)
            rows = [vars(laptop) for laptop in setup.laptops(location)] if state == "admin" else []
        except WardbookError as error:  # not reached, or reached and not usable as it is (said by the error)
            return check, "unreachable" if error.msg_id in NOT_REACHED else "unusable", [], error
        except OSError:  # a local folder that went away or is refused: the sentence says what to check
            return check, "unreachable", [], None
        return check, state, rows, None

    return job


class ApproveDialog(QDialog):
    """Approve a laptop that asked to join, for one of the register's accounts: what it sends is then judged
    with that account's role on every laptop. "No account" admits it as an officer's laptop with no owner."""

    def __init__(self, laptop: str, accounts: list[dict[str, object]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approveDialog")
        self.laptop = laptop
        self.accounts = [account for account in accounts if account.get("active")]
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.account_label = QLabel(self)
        self.account = QComboBox(self)
        self.account_label.setBuddy(self.account)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.account_label)
        layout.addWidget(self.account)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Approve a laptop"))
        self.text.setText(self.tr("Approve the laptop “%1”? Choose whose laptop it is: what it sends is accepted "
                                  "with that account's rights.").replace("%1", self.laptop))
        self.account_label.setText(self.tr("&Account"))
        self.account.clear()
        for account in self.accounts:
            self.account.addItem(f"{account.get('full_name') or account['username']} ({account['username']}, "
                                 f"{_role_name(account.get('role'))})", account["username"])
        self.account.addItem(self.tr("No account (an officer's laptop)"), "")

    def username(self) -> str | None:
        return str(self.account.currentData() or "") or None


class SetupBox(QGroupBox):
    """Where this laptop stands with the chosen folder, and the step it can take next."""

    changed = Signal()  # the station, its laptops or this laptop's data changed
    failed = Signal(str)
    checked = Signal()  # where this laptop stands is known (or the folder cannot be reached)

    def __init__(self, ctx: AppContext, location: Callable[[], str], keys: SyncKeyChooser,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.location = location
        self.keys = keys
        self.state = ""
        self._checks = 0  # the newest check of the folder; an older one answering late is passed over
        self._done = False  # a background step just ended well: "Done." follows the standing found next
        self.checking: workers.Worker | None = None
        self.checked_location = ""  # the folder of the newest check
        self.approve_dialog: ApproveDialog | None = None  # while it is open (deleted once closed)
        self.standing = QLabel(self)
        self.standing.setObjectName("syncStanding")
        self.standing.setWordWrap(True)
        self.create_button = QPushButton(self)
        self.join_button = QPushButton(self)
        self.check_button = QPushButton(self)
        self.bootstrap_button = QPushButton(self)
        self.error = FieldError(self)
        self.progress = JobProgress(self, cancellable=False, messages=False)
        self.laptops_box = QGroupBox(self)
        self.laptops = RowsModel(
            [
                Column("name", lambda: self.tr("Laptop"), text_of("name")),
                Column("state", lambda: self.tr("State"), lambda row: self._state_word(str(row["state"]))),
                Column("username", lambda: self.tr("Account"), text_of("username")),
                Column("role", lambda: self.tr("Role"), lambda row: _role_name(row.get("role"))),
                Column("device", lambda: self.tr("Number"), lambda row: str(row["device"])[:8]),
            ],
            self,
        )
        self.laptops_view = record_table(self.laptops_box, self.laptops)
        self.approve_button = QPushButton(self.laptops_box)
        self.revoke_button = QPushButton(self.laptops_box)
        self.snapshot_button = QPushButton(self.laptops_box)
        self.remove_button = QPushButton(self.laptops_box)
        admin_buttons = QHBoxLayout()
        for button in (self.approve_button, self.remove_button, self.revoke_button, self.snapshot_button):
            admin_buttons.addWidget(button)
        admin_buttons.addStretch(1)
        laptops_layout = QVBoxLayout(self.laptops_box)
        laptops_layout.addWidget(self.laptops_view)
        laptops_layout.addLayout(admin_buttons)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.join_button, self.check_button, self.bootstrap_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.standing)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.laptops_box, 1)
        self.create_button.clicked.connect(self.create_share)
        self.join_button.clicked.connect(self.ask_to_join)
        self.check_button.clicked.connect(self.refresh)
        self.bootstrap_button.clicked.connect(self.bootstrap)
        self.approve_button.clicked.connect(self.approve)
        self.revoke_button.clicked.connect(self.revoke)
        self.snapshot_button.clicked.connect(self.snapshot)
        self.remove_button.clicked.connect(self.remove_request)
        self.progress.finished.connect(self._job_done)
        self.progress.failed.connect(self._show)
        self.retranslate()
        self._show_state()

    # -- texts ----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setTitle(self.tr("Station set-up"))
        self.create_button.setText(self.tr("Set up this folder for the station"))
        self.join_button.setText(self.tr("Ask to join the station"))
        self.check_button.setText(self.tr("Check again"))
        self.bootstrap_button.setText(self.tr("Load the ward from the newest snapshot"))
        self.laptops_box.setTitle(self.tr("Laptops of the station"))
        self.approve_button.setText(self.tr("Approve…"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.snapshot_button.setText(self.tr("Write a snapshot for new laptops"))
        self.remove_button.setText(self.tr("Remove request…"))
        self.laptops.retranslate()
        self._show_state()

    def _state_word(self, state: str) -> str:
        return {
            "admin": self.tr("admin laptop"),
            "enrolled": self.tr("approved"),
            "revoked": self.tr("revoked"),
            "waiting": self.tr("waiting for approval"),
            "id_taken": self.tr("uses the number of a laptop of the station: cannot be approved"),
        }.get(state, state)

    def _sentence(self) -> str:
        admin = self.ctx.can("enrollment")
        return {
            "": self.tr("Choose the shared folder the station's laptops use (a network folder or a shared "
                        "drive)."),
            "checking": self.tr("Checking the shared folder…"),
            "unreachable": self.tr("The shared folder cannot be reached. Check that the network folder or drive "
                                   "is connected, then press Check again."),
            "unusable": self.tr("This shared folder cannot be used as it is:"),
            "not_a_share": self.tr("This folder is not a station sync folder yet. To start the station's sync "
                                   "here, press “Set up this folder for the station”. If another laptop already "
                                   "set the station up, choose the folder it uses instead.") if admin else
            self.tr("This folder is not a station sync folder yet. Ask the admin which folder the station uses, "
                    "or to set this one up."),
            "not_joined": self.tr("This laptop is not part of the station yet. Press “Ask to join the station”, "
                                  "then ask the admin to approve it."),
            "waiting": self.tr("This laptop has asked to join. Once the admin approves it on the admin laptop's "
                               "Sync page, press Check again."),
            "enrolled": self.tr("This laptop is part of the station: press Sync now to exchange changes."),
            "admin": self.tr("This is the station's admin laptop: it approves and revokes the other laptops."),
            "revoked": self.tr("This laptop was revoked by the admin: it can no longer sync with the station."),
        }.get(self.state, "")

    def _show_state(self) -> None:
        done = self._done and self.state != "checking"
        self.standing.setText(self._sentence() + (" " + self.tr("Done.") if done else ""))
        admin = self.ctx.can("enrollment")
        self.create_button.setVisible(self.state == "not_a_share" and admin)
        self.join_button.setVisible(self.state == "not_joined")
        self.check_button.setVisible(self.state in ("waiting", "unreachable", "unusable"))
        self.bootstrap_button.setVisible(self.state == "enrolled" and self._empty())
        self.laptops_box.setVisible(self.state == "admin" and admin)

    def _empty(self) -> bool:
        stats = ward_stats(self.ctx.store, self.ctx.today())
        return not stats["households"]

    def _show(self, message: str) -> None:
        self.error.show_message(message)
        self.failed.emit(message)

    def explain(self, error: WardbookError) -> str:
        """A core refusal in words that say what to do (never a flag, variable or file name)."""
        words = {
            "sync.not_a_share": self._sentence_for("not_a_share"),
            "sync.no_share": self._sentence_for("unreachable"),
            "sync.no_share_set": self.tr("Choose the shared folder first."),
            "sync.not_enrolled": self._sentence_for("waiting"),
            "sync.revoked": self._sentence_for("revoked"),
            "sync.share_exists": self.tr("This folder is already a station sync folder: the other laptops ask to "
                                         "join it."),
            "sync.no_snapshot": self.tr("There is no snapshot in the shared folder yet. Ask the admin to write one "
                                        "(Sync page, “Write a snapshot for new laptops”)."),
            "sync.bootstrap_not_empty": self.tr("This laptop already holds ward data: a snapshot is only loaded "
                                                "into a new, empty laptop. Press Sync now instead."),
            "security.no_keyring": self.tr("This computer has no password store for the sync keys, and no key "
                                           "file was chosen."),
            "security.no_key_passphrase": self.tr("The key file needs its passphrase."),
        }
        return words.get(error.msg_id) or error.message()

    def _sentence_for(self, state: str) -> str:
        kept, self.state = self.state, state
        try:
            return self._sentence()
        finally:
            self.state = kept

    # -- where this laptop stands -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Check where this laptop stands, in a worker: a network folder whose computer is off or elsewhere
        answers only at the connection's timeout, and the window must not wait for it. Meanwhile the box says
        it is checking and offers no step; a newer check makes an older one's answer moot."""
        self.error.clear_message()
        self._checks += 1
        self._done = False
        location = self.checked_location = self.location()
        if not location:
            self._checked((self._checks, "", [], None))
            return
        self.state = "checking"
        self._show_state()
        self.checking = workers.start(_check_job(self._checks, self.ctx.store.device_id, location),
                                      finished=self._checked, failed=self._check_failed)

    def _checked(self, answer: tuple[int, str, list[dict[str, Any]], WardbookError | None]) -> None:
        check, state, rows, error = answer
        if check != self._checks:
            return
        self.checking = None
        self.state = state
        self.laptops.set_rows(rows)
        self._show_state()
        if error is not None and error.msg_id != "sync.no_share":  # why, when the sentence alone does not say
            self._show(self.explain(error))
        self.checked.emit()

    def _check_failed(self, message: str) -> None:
        """A bug in the check (`ui.workers` tells it in a short message): the box stays usable."""
        self._checked((self._checks, "unreachable", [], None))
        self._show(message)

    def create_share(self) -> None:
        from desktop.sync import setup

        self._background(setup.create_share, self.tr("Setting up the folder for the station…"))

    def ask_to_join(self) -> None:
        from desktop.sync import setup

        name = socket.gethostname()
        self._background(lambda store, location, secrets: setup.ask_to_join(store, location, secrets, name),
                         self.tr("Asking the station to let this laptop join…"))

    def _selected(self) -> Mapping[str, Any] | None:
        index = chosen(self.laptops_view)
        return self.laptops.row(index.row()) if index.isValid() else None

    def approve(self) -> None:
        from desktop.security.users import list_users
        from desktop.sync import setup

        laptop = self._selected()
        if laptop is None or laptop["state"] not in ("waiting", "enrolled"):
            self._show(self.tr("Select a laptop waiting for approval first."))
            return
        device = str(laptop["device"])
        self.approve_dialog = dialog = ApproveDialog(str(laptop["name"] or device[:8]),
                                                     list_users(self.ctx.store), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each approval opens a new one

        def approved() -> None:
            username = dialog.username()
            if laptop["state"] == "waiting":
                self._background(lambda store, location, secrets: setup.approve(store, location, device,
                                                                                username, secrets),
                                 self.tr("Approving the laptop…"))
            elif username:  # an approved laptop handed to (or bound at last to) an account, from its next file on
                self._background(lambda store, location, secrets: setup.bind(store, location, device, username,
                                                                             secrets),
                                 self.tr("Giving the laptop to the account…"))
            else:
                self._show(self.tr("Choose the account this laptop is for."))

        dialog.accepted.connect(approved)  # reads the account chosen before the dialog is deleted
        dialog.finished.connect(lambda _result: self._forget_approve(dialog))
        dialog.open()

    def _forget_approve(self, dialog: ApproveDialog) -> None:
        if self.approve_dialog is dialog:
            self.approve_dialog = None

    def remove_request(self) -> None:
        """Take away a request to join that will not be approved: one under the number of a laptop of the station
        (never approvable, it stayed in the list for good) or one the admin does not want."""
        from desktop.sync import setup

        laptop = self._selected()
        if laptop is None or laptop["state"] not in ("waiting", "id_taken"):
            self._show(self.tr("Select a request to join first."))
            return
        device = str(laptop["device"])
        confirm(self, self.tr("Remove a request"),
                self.tr("Remove the request to join of “%1”? That laptop can ask again.").replace(
                    "%1", str(laptop["name"] or device[:8])),
                lambda: self._background(lambda store, location, _secrets: setup.remove_request(
                    store, location, device), self.tr("Removing the request…")))

    def revoke(self) -> None:
        from desktop.sync import setup

        laptop = self._selected()
        if laptop is None or laptop["state"] != "enrolled":
            self._show(self.tr("Select an approved laptop first (the admin laptop cannot be revoked)."))
            return
        confirm(self, self.tr("Revoke a laptop"),
                self.tr("Revoke the laptop “%1”? What it sent before stays; nothing it sends from now on is "
                        "accepted, and new keys are made that it cannot read.").replace(
                    "%1", str(laptop["name"] or laptop["device"][:8])),
                lambda: self._background(lambda store, location, secrets: setup.revoke(
                    store, location, str(laptop["device"]), secrets), self.tr("Revoking the laptop…")))

    # -- every step reaches the share, so each runs in the background -----------------------------------------

    def _background(self, step: Callable[[Any, str, SecretStore], object], text: str) -> None:
        """Run a set-up step with the key store in the pool, on a connection of its own: each reads or writes the
        share, and a station switched off or a slow network held the window still for seconds. Its refusal is
        told in words and the standing looked at again (`_job_done`)."""
        self.error.clear_message()
        location = self.location()
        if not location:
            self._show(self.tr("Choose the shared folder first."))
            return
        store = self.ctx.store

        def go(secrets: SecretStore) -> None:
            def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> object:
                with reopen(store) as own:  # same key, same logged-in user, same audit hook
                    try:
                        return step(own, location, secrets)
                    except WardbookError as error:
                        return error  # told in words on the GUI thread

            self.progress.start(job, text, lock=(self.create_button, self.join_button, self.bootstrap_button,
                                                 self.approve_button, self.remove_button, self.revoke_button,
                                                 self.snapshot_button))

        self.keys.with_secrets(go)

    def snapshot(self) -> None:
        from desktop.sync import setup

        self._background(setup.snapshot, self.tr("Writing a snapshot…"))

    def bootstrap(self) -> None:
        from desktop.sync import setup

        self._background(setup.bootstrap_from, self.tr("Loading the ward from the snapshot…"))

    def _job_done(self, result: object) -> None:
        from desktop.sync.setup import Revocation

        self.refresh()
        if isinstance(result, WardbookError):
            self._show(self.explain(result))
            return
        if isinstance(result, Revocation) and result.unsent is not None:
            self._show(result.unsent.message())  # revoked, but the sync before it did not go through: said so
        self.changed.emit()
        self._done = True  # told with the standing the checks just started find
