"""The key store a start uses (one rule for the app and the CLI) and its unlocking ahead of time."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.kdf import scrypt as scrypt_module

from desktop.errors import WardbookError
from desktop.security import secrets as secrets_module
from desktop.security.key_store import KeyStoreKind, chosen_key_store, start_unlocking
from desktop.security.secrets import PassphraseFileSecrets

PASSPHRASE = "a passphrase for the key store tests"


def test_an_explicit_key_file_wins_then_plain_mode_then_the_keyring() -> None:
    env = {"WARDBOOK_KEY_FILE": "/env/keys.json", "WARDBOOK_KEY_PASSPHRASE": "pw", "WARDBOOK_UNENCRYPTED": "1"}
    named = chosen_key_store("/given/keys.json", env)
    assert (named.kind, named.key_file, named.passphrase) == (KeyStoreKind.KEY_FILE, Path("/given/keys.json"), "pw")
    assert chosen_key_store(None, env).key_file == Path("/env/keys.json")
    assert chosen_key_store(None, {"WARDBOOK_UNENCRYPTED": "1"}).kind is KeyStoreKind.PLAIN
    assert chosen_key_store(None, {}).kind is KeyStoreKind.KEYRING
    asked = chosen_key_store(None, {"WARDBOOK_KEY_FILE": "/env/keys.json", "WARDBOOK_KEY_PASSPHRASE": ""})
    assert asked.passphrase is None  # an empty variable is no passphrase: the user is asked


@pytest.fixture
def derivations(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The real scrypt, counted; the process's cache of derived keys emptied so the count starts at zero."""
    calls: list[int] = []
    real = scrypt_module.Scrypt

    def counted(**kwargs: object) -> object:
        calls.append(1)
        return real(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(scrypt_module, "Scrypt", counted)
    monkeypatch.setattr(secrets_module, "_derived", type(secrets_module._derived)())
    return calls


def test_a_key_file_unlocked_ahead_is_derived_once(tmp_path: Path, derivations: list[int]) -> None:
    path = tmp_path / "keys.json"
    PassphraseFileSecrets(path, PASSPHRASE).set("db-key", b"k" * 32)
    secrets_module._derived.clear()
    derivations.clear()

    thread = start_unlocking(chosen_key_store(str(path), {"WARDBOOK_KEY_PASSPHRASE": PASSPHRASE}))
    assert thread is not None
    opened = PassphraseFileSecrets(path, PASSPHRASE)  # most likely while the thread still derives: it waits
    thread.join()
    assert opened.get("db-key") == b"k" * 32
    assert len(derivations) == 1


def test_two_threads_asking_together_share_one_derivation(derivations: list[int]) -> None:
    results: list[bytes] = []
    workers = [threading.Thread(target=lambda: results.append(
        secrets_module._scrypt(b"same passphrase", b"s" * 16, secrets_module.LEGACY_SCRYPT_N))) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(results) == 4 and len(set(results)) == 1
    assert len(derivations) == 1


def test_a_wrong_passphrase_or_a_foreign_file_is_reported_when_opened_not_in_the_thread(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    PassphraseFileSecrets(path, PASSPHRASE)
    thread = start_unlocking(chosen_key_store(str(path), {"WARDBOOK_KEY_PASSPHRASE": "not the passphrase"}))
    assert thread is not None
    thread.join()
    with pytest.raises(WardbookError) as wrong:
        PassphraseFileSecrets(path, "not the passphrase")
    assert wrong.value.msg_id == "security.bad_passphrase"

    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a key file")
    thread = start_unlocking(chosen_key_store(str(foreign), {"WARDBOOK_KEY_PASSPHRASE": PASSPHRASE}))
    assert thread is not None
    thread.join()  # ends quietly
    with pytest.raises(WardbookError) as refused:
        PassphraseFileSecrets(foreign, PASSPHRASE)
    assert refused.value.msg_id == "security.not_key_file"


def test_nothing_to_unlock_ahead_in_plain_mode_or_without_a_passphrase(tmp_path: Path) -> None:
    assert start_unlocking(chosen_key_store(None, {"WARDBOOK_UNENCRYPTED": "1"})) is None
    assert start_unlocking(chosen_key_store(str(tmp_path / "keys.json"), {})) is None


def test_a_key_file_edited_to_an_unheard_of_cost_is_refused_before_deriving(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_text('{"version": 1, "salt": "AAAA", "check": "AAAA", "secrets": {}, "scrypt_n": 1073741824}')
    with pytest.raises(WardbookError) as refused:
        secrets_module.derive_file_key(path, PASSPHRASE)
    assert refused.value.msg_id == "security.not_key_file"


def test_the_keyring_is_loaded_on_the_starting_thread_and_a_key_file_thread_only_derives(tmp_path: Path) -> None:
    """On a thread of its own the keyring's pure-Python loading only competed with the start's own imports (the
    start took longer); a key file's thread imports nothing while Qt loads. A fresh interpreter tells."""
    import os
    import subprocess
    import sys

    key_file = tmp_path / "keys.json"
    PassphraseFileSecrets(key_file, PASSPHRASE)
    script = """
import sys, threading
from desktop.security.key_store import chosen_key_store, start_unlocking
env = {} if sys.argv[1] == "keyring" else {"WARDBOOK_KEY_PASSPHRASE": sys.argv[2]}
thread = start_unlocking(chosen_key_store(None if sys.argv[1] == "keyring" else sys.argv[1], env))
print(thread is None, "keyring" in sys.modules, "desktop.security.secrets" in sys.modules)
"""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PYTHON_KEYRING_BACKEND":
           "keyring.backends.fail.Keyring"}
    env.pop("WARDBOOK_UNENCRYPTED", None)

    def run(*args: str) -> str:
        done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env,
                              timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout.split("\n")[0]

    assert run("keyring") == "True True False"  # loaded before returning, no thread
    assert run(str(key_file), PASSPHRASE) == "False False True"  # a thread; its module imported before it starts
