"""Which key store a start uses, decided once for the app and the CLI, and getting it ready early.

The rule: a key file named explicitly (`--key-file`, or `WARDBOOK_KEY_FILE`) wins; then
`WARDBOOK_UNENCRYPTED=1`, the plain mode for tests and development; otherwise the OS keyring (the app also
knows a key file the user chose earlier, remembered in its settings: that part is the app's own).

Opening the store is slow by design where it protects the key: a key file's scrypt costs ~0.3 s, and the
keyring's import and backend discovery ~0.2 s. `start_unlocking` begins that work on a background thread as
soon as the choice is known, so a start overlaps it with loading its own code (both release the GIL or wait on
I/O); the store later built on the main thread finds the work done (`secrets.derive_file_key` is shared and
computed once). Nothing is returned from the thread: a failure there is met again, and reported, when the
store is really opened.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import partial
from pathlib import Path


class KeyStoreKind(Enum):
    PLAIN = "plain"
    KEY_FILE = "key_file"
    KEYRING = "keyring"


@dataclass(frozen=True)
class KeyStoreChoice:
    kind: KeyStoreKind
    key_file: Path | None = None
    passphrase: str | None = None  # a key file's, when the environment gives it


def chosen_key_store(key_file: str | None = None, environ: Mapping[str, str] = os.environ) -> KeyStoreChoice:
    """The key store named by the command line (`key_file`) or the environment."""
    named = key_file or environ.get("WARDBOOK_KEY_FILE")
    if named:
        return KeyStoreChoice(KeyStoreKind.KEY_FILE, Path(named), environ.get("WARDBOOK_KEY_PASSPHRASE") or None)
    if environ.get("WARDBOOK_UNENCRYPTED") == "1":
        return KeyStoreChoice(KeyStoreKind.PLAIN)
    return KeyStoreChoice(KeyStoreKind.KEYRING)


def start_unlocking(choice: KeyStoreChoice) -> threading.Thread | None:
    """Begin the key store's slow part in the background; the thread, or None when there is nothing to do
    ahead (plain mode, or a key file whose passphrase is still to be typed)."""
    work: Callable[[], None]
    if choice.kind is KeyStoreKind.KEY_FILE and choice.key_file is not None and choice.passphrase:
        work = partial(_derive_file_key, choice.key_file, choice.passphrase)
    elif choice.kind is KeyStoreKind.KEYRING:
        work = _load_keyring
    else:
        return None
    thread = threading.Thread(target=_quietly, args=(work,), name="key-store", daemon=True)
    thread.start()
    return thread


def _quietly(work: Callable[[], None]) -> None:
    try:
        work()
    except Exception:  # met again, and reported in words, when the store is opened for real
        return


def _derive_file_key(path: Path, passphrase: str) -> None:
    from desktop.security.secrets import derive_file_key

    derive_file_key(path, passphrase)


def _load_keyring() -> None:
    """keyring's import and its backend discovery (package metadata, D-Bus modules): the slow, side-effect-free
    part. Asking the keyring for a secret stays on the main thread, where an unlock prompt belongs."""
    import keyring

    keyring.get_keyring()
