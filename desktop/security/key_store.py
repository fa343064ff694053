"""Which key store a start uses, decided once for the app and the CLI, and getting it ready early.

The rule: a key file named explicitly (`--key-file`, or `WARDBOOK_KEY_FILE`) wins; then
`WARDBOOK_UNENCRYPTED=1`, the plain mode for tests and development; otherwise the OS keyring (the app also
knows a key file the user chose earlier, remembered in its settings: that part is the app's own).

Opening the store is slow by design where it protects the key: a key file's scrypt costs ~0.25 s. It releases
the GIL, so `start_unlocking` runs it on a background thread as soon as the choice is known and the start
loads its own code meanwhile; the store later built on the main thread finds the key derived
(`secrets.derive_file_key` is shared and computed once). Nothing is returned from the thread: a failure there
is met again, and reported, when the store is really opened.

The keyring's slow part (its import and backend discovery, ~45 ms) is pure Python: on a thread of its own it
only competed with the app's own imports for the GIL and the import locks, and the start took longer than
doing it first (a 50k ward's window shown after 235–258 ms against 205–207 ms). So it runs on the calling
thread, and the key file's thread only derives (its module is imported before the thread starts, for the
same reason).
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
    """Get the key store's slow part going: a key file's derivation on a background thread (returned), the
    keyring's loading right here (None, as for plain mode or a key file whose passphrase is still to be
    typed)."""
    if choice.kind is KeyStoreKind.KEYRING:
        _quietly(_load_keyring)
        return None
    if choice.kind is not KeyStoreKind.KEY_FILE or choice.key_file is None or not choice.passphrase:
        return None
    from desktop.security.secrets import derive_file_key

    work = partial(derive_file_key, choice.key_file, choice.passphrase)
    thread = threading.Thread(target=_quietly, args=(work,), name="key-store", daemon=True)
    thread.start()
    return thread


def _quietly(work: Callable[[], None]) -> None:
    try:
        work()
    except Exception:  # met again, and reported in words, when the store is opened for real
        return


def _load_keyring() -> None:
    """keyring's import and its backend discovery (package metadata, D-Bus modules): the slow, side-effect-free
    part. Asking the keyring for a secret stays on the main thread, where an unlock prompt belongs."""
    import keyring

    keyring.get_keyring()
