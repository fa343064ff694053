"""Signed heads of the audit chains: each laptop signs the head of its own chain with its sync signing key (kept in
the OS keyring or the key file, never in the database) and publishes it in the header of every changeset.

The audit log is a hash chain per device, so an edited or removed entry breaks it; but someone holding the
database key could rewrite a whole chain and its local head from the first changed entry on. They cannot sign
the new head: every laptop keeps the newest signed head of each device (`audit_signed_heads`), and `audit
verify` checks that the chain still ends in, or passes through, the entry each signature vouches for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.store import Store
from desktop.sync.changeset import InvalidChangeset

_CONTEXT = b"wardbook audit head v1\n"


@dataclass(frozen=True)
class SignedHead:
    seq: int
    hash: str
    signature: str


def _message(device: str, seq: int, digest: str) -> bytes:
    return _CONTEXT + f"{device}\n{seq}\n{digest}".encode("ascii", "replace")


def sign_own_head(store: Store, signing_key: Ed25519PrivateKey) -> dict[str, Any] | None:
    """This laptop's chain head, signed, for the header of the changeset it publishes (None: no entry yet); kept
    here too, so this laptop's own `audit verify` checks its chain against it."""
    row = store.conn.execute("SELECT seq, hash FROM audit_head WHERE device_id = ?", (store.device_id,)).fetchone()
    if row is None:
        return None
    head = SignedHead(int(row[0]), str(row[1]), signing_key.sign(_message(store.device_id, row[0], row[1])).hex())
    keep_signed_head(store, store.device_id, head)
    return {"seq": head.seq, "hash": head.hash, "signature": head.signature}


def checked_audit_head(header: dict[str, Any], public_key: Ed25519PublicKey, device: str) -> SignedHead | None:
    """The signed head a changeset header carries, once its signature is checked; None in files without one."""
    claim = header.get("audit_head")
    if claim is None:
        return None
    try:
        head = SignedHead(int(claim["seq"]), str(claim["hash"]), str(claim["signature"]))
        public_key.verify(bytes.fromhex(head.signature), _message(device, head.seq, head.hash))
    except (KeyError, TypeError, ValueError, InvalidSignature):
        raise InvalidChangeset("audit_head") from None
    return head


def keep_signed_head(store: Store, device: str, head: SignedHead) -> None:
    """Keep the newest signed head of `device` (a head never moves back)."""
    store.conn.execute(
        "INSERT INTO audit_signed_heads (device_id, seq, hash, signature) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (device_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, "
        "signature = excluded.signature WHERE excluded.seq >= audit_signed_heads.seq",
        (device, head.seq, head.hash, head.signature))


def head_problems(store: Store, roster: dict[str, Any] | None,
                  chains: dict[str, dict[int, str]]) -> list[tuple[str, int | None, str]]:
    """(device, seq, kind) for each chain that does not match its signed head (`rewritten`), a signed head whose
    signature fails against the roster's key of its device (`bad_signature`), and — once this laptop has seen a
    roster — entries from a device that was never in it (`unknown_device`). `chains` maps each device to its
    entries' hashes by seq."""
    keys: dict[str, Ed25519PublicKey] = {}
    if roster is not None:
        for device, info in roster.get("devices", {}).items():
            try:
                keys[device] = Ed25519PublicKey.from_public_bytes(bytes.fromhex(str(info["public_key"])))
            except (KeyError, TypeError, ValueError):
                continue
    known = keys.keys() | set(_former_devices(store))
    problems: list[tuple[str, int | None, str]] = []
    for device, seq, digest, signature in store.conn.execute(
            "SELECT device_id, seq, hash, signature FROM audit_signed_heads"):
        key = keys.get(device)
        if key is not None:
            try:
                key.verify(bytes.fromhex(signature), _message(device, seq, digest))
            except (ValueError, InvalidSignature):
                problems.append((device, seq, "bad_signature"))
                continue
        if chains.get(device, {}).get(seq) != digest:
            problems.append((device, seq, "rewritten"))
    if roster is not None:
        problems.extend((device, None, "unknown_device") for device in chains
                        if device not in known and device != store.device_id)
    return problems


def _former_devices(store: Store) -> list[str]:
    """Devices this laptop applied changesets from: laptops revoked since were in the roster when they wrote."""
    return [row[0] for row in store.conn.execute("SELECT device_id FROM applied")]
