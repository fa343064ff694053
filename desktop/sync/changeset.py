"""The changeset file: the unit of sync, and the documented integration point for district aggregation.

Format version 1 (`<share>/devices/<device_id>/<seq:012d>.chg`), all integers big-endian:

    b"WBCHG1\\n"                      magic and format version
    u32 header length, header         UTF-8 JSON: format, station, device, seq, epoch, hlc_min, hlc_max,
                                      vv (device → highest HLC applied when published), prev_hash (SHA-256 hex of
                                      the device's previous file, "" for seq 1), outbox_from, outbox_to, count
    12-byte nonce
    u32 body length, body             AES-256-GCM(zlib(JSON list of changes)), associated data = the header bytes
    64-byte signature                 Ed25519 by the device over everything before it

A change is `[table, row_id, op, hlc, fields]` with `op` insert/update/delete and `fields` a JSON object.
The header is readable (for ordering and routing) but signed; the body is readable only with the ward data key.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"WBCHG1\n"
FORMAT = 1
SIGNATURE_SIZE = 64
NONCE_SIZE = 12

Change = list[Any]  # [table, row_id, op, hlc, fields]


class InvalidChangeset(Exception):
    """A file that must not be applied; `reason` is a short code shown in reports."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Changeset:
    header: dict[str, Any]
    changes: list[Change]
    digest: str  # SHA-256 of the whole file, the next file's prev_hash


def file_name(seq: int) -> str:
    return f"{seq:012d}.chg"


def encode(header: dict[str, Any], changes: list[Change], data_key: bytes, signing_key: Ed25519PrivateKey) -> bytes:
    header_bytes = json.dumps({**header, "format": FORMAT}, sort_keys=True, ensure_ascii=False).encode("utf-8")
    nonce = os.urandom(NONCE_SIZE)
    body = AESGCM(data_key).encrypt(
        nonce, zlib.compress(json.dumps(changes, ensure_ascii=False).encode("utf-8"), 6), header_bytes
    )
    unsigned = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + nonce + struct.pack(">I", len(body)) + body
    return unsigned + signing_key.sign(unsigned)


def read_header(raw: bytes) -> tuple[dict[str, Any], bytes, bytes, bytes, bytes]:
    """Split a file into (header, header bytes, nonce, body, signed part) without trusting anything yet."""
    if not raw.startswith(MAGIC):
        raise InvalidChangeset("magic")
    try:
        offset = len(MAGIC)
        (header_len,) = struct.unpack_from(">I", raw, offset)
        offset += 4
        header_bytes = raw[offset : offset + header_len]
        offset += header_len
        nonce = raw[offset : offset + NONCE_SIZE]
        offset += NONCE_SIZE
        (body_len,) = struct.unpack_from(">I", raw, offset)
        offset += 4
        body = raw[offset : offset + body_len]
        offset += body_len
        if len(body) != body_len or len(raw) != offset + SIGNATURE_SIZE:
            raise InvalidChangeset("truncated")
        header = json.loads(header_bytes)
    except (struct.error, ValueError) as error:
        raise InvalidChangeset("truncated") from error
    return header, header_bytes, nonce, body, raw[:offset]


def decode(raw: bytes, public_key: Ed25519PublicKey, data_key: bytes) -> Changeset:
    """Verify the signature, then decrypt; raises InvalidChangeset for anything forged, torn or altered."""
    header, header_bytes, nonce, body, signed = read_header(raw)
    try:
        public_key.verify(raw[len(signed) :], signed)
    except InvalidSignature:
        raise InvalidChangeset("signature") from None
    if header.get("format") != FORMAT:
        raise InvalidChangeset("format")
    try:
        changes = json.loads(zlib.decompress(AESGCM(data_key).decrypt(nonce, body, header_bytes)))
    except (InvalidTag, zlib.error, ValueError):
        raise InvalidChangeset("decrypt") from None
    return Changeset(header, changes, hashlib.sha256(raw).hexdigest())
