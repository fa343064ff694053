"""This laptop's sync keys, kept in a SecretStore (the OS keyring, or an explicit passphrase key file)."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

from desktop.security.secrets import SecretStore
from desktop.sync.station import SyncKeys

SIGNING, EXCHANGE, DATA = "sync-signing-key", "sync-exchange-key", "sync-data-key:"
KNOWN_EPOCHS = "sync-data-epochs"


def _raw(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def load_keys(secrets: SecretStore) -> SyncKeys:
    """The laptop's keys, made on first use; data keys of every epoch learned so far."""
    signing_raw, exchange_raw = secrets.get(SIGNING), secrets.get(EXCHANGE)
    signing = Ed25519PrivateKey.from_private_bytes(signing_raw) if signing_raw else Ed25519PrivateKey.generate()
    exchange = X25519PrivateKey.from_private_bytes(exchange_raw) if exchange_raw else X25519PrivateKey.generate()
    if not signing_raw:
        secrets.set(SIGNING, _raw(signing))
    if not exchange_raw:
        secrets.set(EXCHANGE, _raw(exchange))
    keys = SyncKeys(signing, exchange)
    epochs = (secrets.get(KNOWN_EPOCHS) or b"").decode("ascii").split()
    for epoch in epochs:
        key = secrets.get(DATA + epoch)
        if key:
            keys.data_keys[int(epoch)] = key
    return keys


def save_data_keys(secrets: SecretStore, keys: SyncKeys) -> None:
    known = set((secrets.get(KNOWN_EPOCHS) or b"").decode("ascii").split())
    for epoch, key in keys.data_keys.items():
        if str(epoch) not in known:
            secrets.set(DATA + str(epoch), key)
            known.add(str(epoch))
    secrets.set(KNOWN_EPOCHS, " ".join(sorted(known, key=int)).encode("ascii"))
