"""Files WardBook makes are the user's only (0600 in a 0700 folder); a key file needs a real passphrase and
costs an attacker what current guidance asks."""

from __future__ import annotations

import base64
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.security import passwords
from desktop.security.secrets import LEGACY_SCRYPT_N, SCRYPT_N, PassphraseFileSecrets, _seal
from tests.safety.conftest import Result

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_database_wal_backup_export_and_key_file_are_private(tmp_path: Path, cli: Callable[..., Result],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    os.umask(0o022)
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", "a passphrase for the ward")
    monkeypatch.delenv("WARDBOOK_UNENCRYPTED")
    folder = tmp_path / "data" / "WardBook"
    db, keys = folder / "ward.db", folder / "keys.json"
    opts = ["--db", db, "--key-file", keys]
    assert cli(*opts, "demo", "--households", "20").code == 0
    assert cli(*opts, "backup", tmp_path / "copy.db").code == 0
    assert cli(*opts, "export", "people", "--out", tmp_path / "people.csv").code == 0
    assert _mode(folder) == 0o700 and _mode(folder.parent) == 0o700
    for made in (db, keys, tmp_path / "copy.db", tmp_path / "people.csv"):
        assert _mode(made) == 0o600, made
    from desktop.security.database import open_database

    with open_database(db, PassphraseFileSecrets(keys, "a passphrase for the ward")) as store:
        store.set_setting("probe", "x")  # leaves the WAL while open
        assert _mode(Path(f"{db}-wal")) == 0o600


@posix_only
def test_a_database_left_0644_by_an_older_version_is_made_private(tmp_path: Path,
                                                                   cli: Callable[..., Result]) -> None:
    db = tmp_path / "ward.db"
    assert cli("--db", db, "init").code == 0
    db.chmod(0o644)
    assert cli("--db", db, "stats").code == 0
    assert _mode(db) == 0o600


@pytest.mark.parametrize("weak", ["a", "short", "aaaaaaaaaaaaaaaa", "abababababab"])
def test_a_new_key_file_needs_a_real_passphrase(tmp_path: Path, weak: str) -> None:
    with pytest.raises(WardbookError) as raised:
        PassphraseFileSecrets(tmp_path / "keys.json", weak)
    assert raised.value.msg_id == "security.weak_passphrase"
    assert not (tmp_path / "keys.json").exists()


def test_new_key_files_use_the_current_scrypt_cost_and_old_ones_still_open(tmp_path: Path) -> None:
    fresh = tmp_path / "new.json"
    PassphraseFileSecrets(fresh, "a good long passphrase").set("db-key:x", b"k" * 32)
    assert json.loads(fresh.read_text("utf-8"))["scrypt_n"] == SCRYPT_N == 2**17
    # A key file as an earlier version wrote it: N=2^15, no "scrypt_n", a passphrase too short for a new one.
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    salt = os.urandom(16)
    key = Scrypt(salt=salt, length=32, n=LEGACY_SCRYPT_N, r=8, p=1).derive(b"pw")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"version": 1, "salt": base64.b64encode(salt).decode(),
                               "check": _seal(key, b"wardbook-key-file", b"check"),
                               "secrets": {"db-key:y": _seal(key, b"v" * 32, b"db-key:y")}}), "utf-8")
    assert PassphraseFileSecrets(old, "pw").get("db-key:y") == b"v" * 32


def test_password_hashes_use_the_current_scrypt_cost_and_old_ones_still_verify() -> None:
    stored = passwords.hash_password("a login password")
    assert stored.split("$")[1:4] == ["17", "8", "1"]
    assert passwords.verify_password("a login password", stored)
    old_cost = passwords._derive("older password", b"s" * 16, 15, 8, 1)
    legacy = "$".join(("scrypt", "15", "8", "1", base64.b64encode(b"s" * 16).decode(),
                       base64.b64encode(old_cost).decode()))
    assert passwords.verify_password("older password", legacy)
