"""Where the app keeps the database key: the OS keyring, or a passphrase-protected key file chosen explicitly.

The core (`desktop.security.secrets`) never falls back to a plain key by itself, and neither does the app: when
no keyring works, a dialog says so and offers a key file protected by a passphrase (typed twice when the file
is made). The file's path — never the passphrase — is remembered in QSettings, so the next start asks only
for the passphrase. Once a keyring works again (installed or unlocked later), `use_keyring` moves the keys
back into it and only then forgets the file's path.

`WARDBOOK_UNENCRYPTED=1` keeps a plain database plain, exactly as in the CLI: for tests and development only.
`WARDBOOK_KEY_FILE` + `WARDBOOK_KEY_PASSPHRASE` also work as in the CLI (headless use).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.security.database import copy_keys
from desktop.security.key_store import KeyStoreChoice, KeyStoreKind, chosen_key_store
from desktop.security.secrets import KeyringSecrets, PassphraseFileSecrets, SecretStore
from desktop.store import Store
from ui.widgets import FieldError

KEY_FILE_SETTING = "security/key_file"
FOR_DATABASE, FOR_SYNC = "database", "sync"  # what a key dialog explains first (nothing: just the file)


class GaveUp(Exception):
    """The user closed a key dialog: the app cannot open the database and stops."""


def keyring_works() -> WardbookError | None:
    """None when the OS keyring answers; the core's `security.no_keyring` error when it cannot."""
    try:
        KeyringSecrets("db").get("db-key:probe")
    except WardbookError as error:
        if error.msg_id == "security.no_keyring":
            return error
        raise
    return None


def _secret_line(parent: QWidget) -> QLineEdit:
    line = QLineEdit(parent)
    line.setEchoMode(QLineEdit.EchoMode.Password)
    return line


class KeyFileDialog(QDialog):
    """Choose or make a passphrase-protected key file. With `reason` (FOR_DATABASE or FOR_SYNC) it first
    explains, in plain words, that no keyring works and what the file will keep.

    A missing file is created (passphrase typed twice); an existing one is opened with its passphrase. On
    accept, `secrets` holds the opened key store. The layout never lets the dialog shrink below what its rows
    need, so the second passphrase row appearing grows the dialog instead of squashing the fields.
    """

    def __init__(self, path: str = "", reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFileDialog")
        self.secrets: PassphraseFileSecrets | None = None
        self.explain = QLabel(self)
        self.explain.setWordWrap(True)
        self.explain.setVisible(bool(reason))
        self.reason = reason
        self.path = QLineEdit(path, self)
        self.browse = QPushButton(self)
        self.passphrase = _secret_line(self)
        self.again = _secret_line(self)
        self.again_label = QLabel(self)
        self.path_label, self.passphrase_label = QLabel(self), QLabel(self)
        self.error = FieldError(self)
        self.error.setObjectName("keyFileError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.path_label, row)
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow(self.again_label, self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.browse.clicked.connect(self._browse)
        self.path.textChanged.connect(lambda _t: self._update_mode())
        for line in (self.path, self.passphrase, self.again):  # an old error never stays beside new input
            line.textEdited.connect(lambda _t: self.error.clear_message())
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.explain.setMinimumWidth(520)
        self.retranslate()
        self._update_mode()
        (self.passphrase if path else self.path).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Database key"))
        if self.reason == FOR_SYNC:
            self.explain.setText(self.tr(
                "This computer has no password store that WardBook can use, so the keys that protect the "
                "station's sync are kept in a key file locked by a passphrase. Choose the key file (or where a "
                "new one will be made) and type its passphrase."))
        else:
            self.explain.setText(self.tr(
                "This computer has no password store that WardBook can use, so the key that locks the register "
                "is kept in a key file protected by a passphrase instead. WardBook never writes the key in "
                "plain text. Keep the passphrase safe: without it the register cannot be opened."))
        self.path_label.setText(self.tr("Key file"))
        self.passphrase_label.setText(self.tr("Passphrase"))
        self.again_label.setText(self.tr("Passphrase again"))
        self.browse.setText(self.tr("Choose…"))
        # A wrapped label's height depends on its width, which a layout's minimum size ignores: reserve the
        # height it needs at the narrowest the dialog can be, so no resize cuts it or squashes the fields.
        self.explain.setMinimumHeight(self.explain.heightForWidth(self.explain.minimumWidth()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def creating(self) -> bool:
        text = self.path.text().strip()
        return bool(text) and not Path(text).exists()

    def _update_mode(self) -> None:
        """The second passphrase field only when a new key file is being made."""
        self.again.setVisible(self.creating())
        self.again_label.setVisible(self.creating())
        self.adjustSize()

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Key file"), self.path.text() or "wardbook-keys.json",
            self.tr("Key files (*.json)"), options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.path.setText(chosen)

    def try_accept(self) -> None:
        self.error.clear_message()
        text = self.path.text().strip()
        if not text:
            self.error.show_message(self.tr("Choose where the key file is (or will be)."))
            return
        if self.creating() and self.passphrase.text() != self.again.text():
            self.error.show_message(self.tr("The two passphrases do not match."))
            return
        try:
            self.secrets = PassphraseFileSecrets(Path(text), self.passphrase.text())
        except WardbookError as error:
            self.error.show_message(error.message())
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        except (OSError, ValueError):
            self.error.show_message(self.tr(
                "The key file could not be read or made there. Choose another place, or check that the disk is "
                "connected."))
            return
        self.accept()


def app_secrets(
    settings: QSettings,
    *,
    interactive: bool,
    parent: QWidget | None = None,
    choice: KeyStoreChoice | None = None,
) -> SecretStore | None:
    """The key store for this start (None only for the explicit plain mode); raises GaveUp when the user
    closes the key dialog, or the core's `security.no_keyring` when no screen is there to ask on.

    The environment's choice is the core's (`chosen_key_store`, as in the CLI); a start passes the one it
    began unlocking. Beyond it, the app remembers the key file the user chose at an earlier start."""
    choice = choice or chosen_key_store()
    if choice.kind is KeyStoreKind.PLAIN:
        return None
    if choice.kind is KeyStoreKind.KEY_FILE and choice.key_file is not None:
        if choice.passphrase:
            return PassphraseFileSecrets(choice.key_file, choice.passphrase)
        if not interactive:
            raise WardbookError("security.no_key_passphrase")
        return _ask_key_file(settings, str(choice.key_file), "", parent, remember=False)
    remembered = str(settings.value(KEY_FILE_SETTING, "") or "")
    if remembered:
        if not interactive:
            raise WardbookError("security.no_key_passphrase")
        return _ask_key_file(settings, remembered, "", parent)
    problem = keyring_works()
    if problem is None:
        return KeyringSecrets("db")
    if not interactive:
        raise problem
    return _ask_key_file(settings, "", FOR_DATABASE, parent)


def _ask_key_file(
    settings: QSettings, path: str, reason: str, parent: QWidget | None, *, remember: bool = True
) -> SecretStore:
    """The key file chosen or made in the dialog; remembered for the next start unless the environment named
    it (the next start takes it from there again)."""
    dialog = KeyFileDialog(path, reason, parent)
    if not dialog.exec() or dialog.secrets is None:
        raise GaveUp
    if remember:
        settings.setValue(KEY_FILE_SETTING, str(dialog.secrets.path))
        settings.sync()
    return dialog.secrets


def remembered_key_file(secrets: SecretStore | None, settings: QSettings | None) -> PassphraseFileSecrets | None:
    """The key file this start opened because its path is remembered; None for the keyring, and for a key file
    named by WARDBOOK_KEY_FILE (the next start would use that one again whatever is remembered)."""
    if not isinstance(secrets, PassphraseFileSecrets) or settings is None:
        return None
    remembered = str(settings.value(KEY_FILE_SETTING, "") or "")
    return secrets if remembered and Path(remembered) == secrets.path else None


def use_keyring(store: Store, key_file: PassphraseFileSecrets, settings: QSettings) -> KeyringSecrets:
    """Move the database keys from the key file into the OS keyring, then forget the file's path: in that
    order, so a failure on the way leaves the key file in use and no key behind. The file is not deleted."""
    keys = KeyringSecrets("db")
    copy_keys(store, key_file, keys)
    settings.remove(KEY_FILE_SETTING)
    settings.sync()
    return keys
