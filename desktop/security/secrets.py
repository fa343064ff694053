"""Where secret keys live: the OS keyring, or a passphrase-protected key file when no keyring can run.

The database key, the device's private key and the ward data key must never sit in plain text on disk: a
stolen laptop would give them away. The OS keyring (Windows Credential Manager, Secret Service on Linux) is
the default; on a headless station PC with no keyring the admin chooses, explicitly, a key file encrypted
with a passphrase (scrypt + AES-256-GCM). There is no silent fallback.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Protocol, TypeVar

from desktop import files
from desktop.errors import WardbookError
from desktop.security.passwords import typed_forms

# keyring (~25 ms: it discovers its backends through package metadata) and cryptography are imported by the
# class that uses them, when it is used: a start with a plain database or a key file never needs keyring, the
# keyring never needs the key file's ciphers, and modules that only name `SecretStore` need neither.

SERVICE = "WardBook"
T = TypeVar("T")


class SecretStore(Protocol):
    """Named binary secrets (`device-key`, `data-key:<epoch>`, `db-key`…)."""

    def get(self, name: str) -> bytes | None: ...

    def set(self, name: str, value: bytes) -> None: ...

    def delete(self, name: str) -> None: ...


class KeyringSecrets:
    """Secrets in the OS keyring, under service `WardBook` and a per-database namespace."""

    def __init__(self, namespace: str) -> None:
        self.namespace = namespace

    def _user(self, name: str) -> str:
        return f"{self.namespace}:{name}"

    def _call(self, action: Callable[..., T], *args: str) -> T:
        import keyring.errors

        try:
            return action(SERVICE, *args)
        except keyring.errors.KeyringError as error:
            raise WardbookError("security.no_keyring", reason=type(error).__name__) from error

    def get(self, name: str) -> bytes | None:
        import keyring

        value = self._call(keyring.get_password, self._user(name))
        return None if value is None else base64.b64decode(value)

    def set(self, name: str, value: bytes) -> None:
        import keyring

        self._call(keyring.set_password, self._user(name), base64.b64encode(value).decode("ascii"))

    def delete(self, name: str) -> None:
        import keyring
        import keyring.errors

        try:
            self._call(keyring.delete_password, self._user(name))
        except WardbookError:
            raise
        except keyring.errors.PasswordDeleteError:
            pass


MIN_PASSPHRASE = 10
MIN_DISTINCT = 5
# OWASP Password Storage Cheat Sheet (2025): scrypt N=2^17, r=8, p=1 at least (128 MiB, ~0.35 s here). A key file
# is exposed to offline guessing once copied off the laptop, so it gets the full cost. Files made with N=2^15
# before this was raised keep their N (stored in the file) and still open.
SCRYPT_N = 2**17
LEGACY_SCRYPT_N = 2**15
KEY_FILE_MAX_BYTES = 4 * 1024 * 1024  # a key file holds a few keys (a few KiB); the same bound as desktop.files


def check_passphrase_strength(passphrase: str) -> None:
    """A new key file's passphrase: long enough and not a few characters repeated. It is the only thing
    between a copied key file and every database key in it."""
    if len(passphrase) < MIN_PASSPHRASE or len(set(passphrase)) < MIN_DISTINCT:
        raise WardbookError("security.weak_passphrase", length=MIN_PASSPHRASE, distinct=MIN_DISTINCT)


_DerivationKey = tuple[bytes, bytes, int]
_derived: OrderedDict[_DerivationKey, Future[bytes]] = OrderedDict()
_derived_lock = threading.Lock()
_DERIVED_KEPT = 8


def _scrypt(passphrase: bytes, salt: bytes, n: int) -> bytes:
    """The file key; kept for the process so each command or dialog does not pay scrypt's cost again.

    Computed once even when two threads ask together: the start derives it in the background
    (`key_store.start_unlocking`) while the main thread loads the app, then opens the key file and waits here
    for that derivation instead of running a second one."""
    wanted = (passphrase, salt, n)
    with _derived_lock:
        future = _derived.get(wanted)
        mine = future is None
        if future is None:
            future = _derived[wanted] = Future()
            while len(_derived) > _DERIVED_KEPT:
                _derived.popitem(last=False)
    if mine:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        try:
            future.set_result(Scrypt(salt=salt, length=32, n=n, r=8, p=1).derive(passphrase))
        except BaseException as error:
            with _derived_lock:
                _derived.pop(wanted, None)  # a failure is not kept: the next caller tries again
            future.set_exception(error)
    return future.result()


def derive_file_key(path: Path, passphrase: str) -> None:
    """Derive (and keep) the key of an existing key file, to have it ready when the file is opened."""
    data = _read_key_file(Path(path))
    _scrypt(typed_forms(passphrase)[0].encode("utf-8"), base64.b64decode(str(data["salt"])),
            int(str(data.get("scrypt_n", LEGACY_SCRYPT_N))))


def _read_key_file(path: Path) -> dict[str, object]:
    """A key file's content; anything else given as a key file (a database, a folder) is refused, and so is a
    cost the app never writes (a file edited to make every start derive for ever)."""
    if path.is_dir():
        raise WardbookError("files.is_directory", path=str(path))
    try:
        with files.check_source(path).open("rb") as handle:
            raw = handle.read(KEY_FILE_MAX_BYTES + 1)  # a database named by mistake is not read whole
        data = json.loads(raw) if len(raw) <= KEY_FILE_MAX_BYTES else None
    except ValueError:
        data = None
    if not (isinstance(data, dict) and isinstance(data.get("salt"), str) and isinstance(data.get("check"), str)
            and isinstance(data.get("secrets"), dict)
            and data.get("scrypt_n", LEGACY_SCRYPT_N) in (LEGACY_SCRYPT_N, SCRYPT_N)):
        raise WardbookError("security.not_key_file", path=str(path))
    return data


class PassphraseFileSecrets:
    """Secrets in one JSON file, each value AES-256-GCM encrypted with a passphrase-derived key (scrypt).

    The file is rewritten atomically (temp file + rename) so a crash never leaves it half written.
    """

    def __init__(self, path: Path, passphrase: str) -> None:
        if not passphrase:
            raise WardbookError("security.empty_passphrase")
        self.path = Path(path)
        # The passphrase's accents as one encoding (`typed_forms`): a new file takes the composed form, and an
        # existing one opens with whichever form it was made with (one try for a passphrase without accents).
        forms = typed_forms(passphrase)
        self._passphrase = forms[0].encode("utf-8")
        self._data = self._load()
        salt, cost = base64.b64decode(str(self._data["salt"])), int(str(self._data.get("scrypt_n", LEGACY_SCRYPT_N)))
        for tried, form in enumerate(forms, start=1):
            self._passphrase = form.encode("utf-8")
            self._key = _scrypt(self._passphrase, salt, cost)
            try:
                self._check()
                break
            except WardbookError:
                if tried == len(forms):
                    raise
        files.protect(self.path)  # in use: no export may be written over it

    def _load(self) -> dict[str, object]:
        if self.path.exists():
            return self._read()
        files.check_target(self.path)
        check_passphrase_strength(self._passphrase.decode("utf-8"))
        salt = os.urandom(16)
        data: dict[str, object] = {"version": 1, "salt": _b64(salt), "scrypt_n": SCRYPT_N,
                                   "check": _seal(_scrypt(self._passphrase, salt, SCRYPT_N), b"wardbook-key-file",
                                                  b"check"), "secrets": {}}
        self._write(data)
        return data

    def _read(self) -> dict[str, object]:
        return _read_key_file(self.path)

    def _check(self) -> None:
        self._open(str(self._data["check"]), b"check")

    def _open(self, sealed: str, associated: bytes) -> bytes:
        """A value sealed with this file's key; a wrong passphrase (or an edited file) is the core's error."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        raw = base64.b64decode(sealed)
        try:
            return AESGCM(self._key).decrypt(raw[:12], raw[12:], associated)
        except InvalidTag:
            raise WardbookError("security.bad_passphrase", path=str(self.path)) from None

    def _secrets(self) -> dict[str, str]:
        """The secrets as on disk now: another process (or another instance) may have added one since."""
        if self.path.exists():
            data = self._read()
            if data.get("salt") != self._data["salt"]:
                raise WardbookError("security.bad_passphrase", path=str(self.path))
            self._data = data
        return self._data["secrets"]  # type: ignore[return-value]

    def get(self, name: str) -> bytes | None:
        sealed = self._secrets().get(name)
        return None if sealed is None else self._open(sealed, name.encode("utf-8"))

    def set(self, name: str, value: bytes) -> None:
        self._secrets()[name] = _seal(self._key, value, name.encode("utf-8"))
        self._write(self._data)

    def delete(self, name: str) -> None:
        if self._secrets().pop(name, None) is not None:
            self._write(self._data)

    def names(self) -> list[str]:
        """The names held, so they can be copied to another store (the OS keyring cannot list its own)."""
        return sorted(self._secrets())

    def _write(self, data: dict[str, object]) -> None:
        files.write_text(self.path, json.dumps(data, indent=1), own_file=True)


def _seal(key: bytes, value: bytes, associated: bytes) -> str:
    """`value` encrypted with AES-256-GCM under a fresh nonce: base64 of nonce + ciphertext."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return _b64(nonce + AESGCM(key).encrypt(nonce, value, associated))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
