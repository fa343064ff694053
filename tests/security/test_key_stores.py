"""Going back from a key file to the OS keyring: every database key of the file (the database's and its
backups') reaches a real Secret Service and opens its file from there; nothing is copied from a key file that
does not hold the open database's key, or to a key store that does not work."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from desktop.errors import WardbookError
from desktop.security.database import backup, copy_keys, key_name, open_database
from desktop.security.secrets import KeyringSecrets, PassphraseFileSecrets
from tests.secret_service import missing_tools, secret_service


def _ward(path: Path, secrets: PassphraseFileSecrets) -> None:
    with open_database(path, secrets, create=True) as store:
        store.set_setting("report.place", "Phường 5")


def test_keys_of_the_database_and_its_backups_reach_the_os_keyring(tmp_path: Path,
                                                                     secrets: PassphraseFileSecrets) -> None:
    if missing_tools():
        pytest.skip(f"no Secret Service to test against: {', '.join(missing_tools())} not installed")
    db, copy = tmp_path / "ward.db", tmp_path / "sao-luu.db"
    _ward(db, secrets)
    with open_database(db, secrets) as store:
        backup(store, copy, secrets)  # setup mode: no accounts yet, anyone may
        with secret_service(tmp_path / "secret-service"):
            assert type(keyring.get_keyring()).__module__.endswith("SecretService")
            assert copy_keys(store, secrets, KeyringSecrets("db")) == [key_name(db), key_name(copy)]
            for path in (db, copy):
                with open_database(path, KeyringSecrets("db")) as reopened:
                    assert reopened.setting("report.place") == "Phường 5"
    assert secrets.get(key_name(db)) is not None, "the key file is left as it was"


def test_a_key_file_without_the_database_key_copies_nothing(tmp_path: Path, secrets: PassphraseFileSecrets) -> None:
    db = tmp_path / "ward.db"
    _ward(db, secrets)
    other = PassphraseFileSecrets(tmp_path / "other-keys.json", "another passphrase")
    _ward(tmp_path / "other.db", other)
    target = PassphraseFileSecrets(tmp_path / "target-keys.json", "target passphrase")
    with open_database(db, secrets) as store, pytest.raises(WardbookError) as refused:
        copy_keys(store, other, target)
    assert refused.value.msg_id == "security.no_db_key"
    assert target.names() == []


def test_no_keyring_copies_nothing_and_says_why(tmp_path: Path, secrets: PassphraseFileSecrets,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    db = tmp_path / "ward.db"
    _ward(db, secrets)
    with open_database(db, secrets) as store, pytest.raises(WardbookError) as refused:
        copy_keys(store, secrets, KeyringSecrets("db"))
    assert refused.value.msg_id == "security.no_keyring"


class ForgetfulStore:
    """A key store that accepts keys and loses them: the failure no real backend here can be made to show,
    and the reason `copy_keys` reads every key back."""

    def get(self, name: str) -> bytes | None:
        return None

    def set(self, name: str, value: bytes) -> None:
        pass

    def delete(self, name: str) -> None:
        pass


def test_a_key_store_that_loses_the_key_is_refused(tmp_path: Path, secrets: PassphraseFileSecrets) -> None:
    db = tmp_path / "ward.db"
    _ward(db, secrets)
    with open_database(db, secrets) as store, pytest.raises(WardbookError) as refused:
        copy_keys(store, secrets, ForgetfulStore())
    assert refused.value.msg_id == "security.key_not_kept" and key_name(db) in refused.value.message()
