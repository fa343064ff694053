"""The changeset file: the unit of sync, and the documented integration point for district aggregation.

The file (`<share>/devices/<device_id>/<seq:012d>.chg`), all integers big-endian:

    b"WBCHG1\\n"                      magic (the container; the body's layout is the header's `format`)
    u32 header length, header         UTF-8 JSON: format, station, device, seq, epoch, hlc_min, hlc_max,
                                      vv (device → highest HLC applied when published), prev_hash (SHA-256 hex of
                                      the device's previous file, "" for seq 1), outbox_from, outbox_to, count,
                                      published_ms (the device's wall clock when it wrote the file; since
                                      format 2, for the clock offsets `wardbook sync status` shows)
    12-byte nonce
    u32 body length, body             AES-256-GCM(zlib(JSON body)), associated data = the header bytes
    64-byte signature                 Ed25519 by the device over everything before it

The header is readable (for ordering and routing) but signed; the body is readable only with the ward data key.

A change is one row's insert, update or delete: `[table, row_id, op, hlc, fields]` with `op` insert/update/delete
and `fields` the names and values written (a delete writes none). The body lists the device's changes:

- format 1: a JSON list of changes, as above.
- format 2 (written now): the same changes laid out in blocks, `[table, op, [field names], rows]` with each row
  `[row_id, hlc, value, ...]` (values in the order of the names). A block holds changes of one table and
  operation that write the same fields, so a names list is written once instead of once per change. A row's
  changes stay in their order: a later change of a row is never in an earlier block than its previous one, so
  reading the blocks in order (each block's rows in order) applies every row's changes in the order they were
  made; changes of different rows are independent of each other. Format 1 ↔ 2 loses nothing either way.

Format 2 exists for speed: on a first sync decoding the body was a large part of applying it, and a row of
values decodes several times faster than an object per change.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import struct
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"WBCHG1\n"
FORMAT = 2
READABLE_FORMATS = frozenset({1, 2})
SIGNATURE_SIZE = 64
NONCE_SIZE = 12
OPS = frozenset({"insert", "update", "delete"})
_NONCE_CONTEXT = b"wardbook changeset nonce v1\n"
# The most changes a laptop puts in one file (`publish`); a longer outbox goes in several files.
MAX_CHANGES = 20_000
# Far beyond any file a laptop writes (at most `MAX_CHANGES` changes of texts the register limits), and
# small enough for a modest laptop's memory: a file from a laptop that was tampered with can be made to inflate
# to gigabytes from a few megabytes, and would stop every other laptop's sync for good.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_BODY_BYTES = 256 * 1024 * 1024
# The bytes are not the whole story: decoding makes a Python object of every value, and a few bytes each
# (`["",1]`, seven bytes) become a list of ~80 bytes, several hundred once applied. 31 MB of such rows, from a
# 41 KB file, took 1.8 GB on the receiving laptop (18 GB at the byte limit). So the values of a body are counted
# on its bytes before it is parsed, and its changes after: no more than a laptop writes. A change writes at most
# the fields of its table (15 for the widest; `MAX_FIELDS` leaves room for tables to grow) and takes at most
# 2 × fields + 8 values in either format (format 1: a list of five, with a name and a value per field; format
# 2: a row of fields + 3, and at most one block, of fields + 5, per change).
MAX_FIELDS = 60
MAX_VALUES = 1 + MAX_CHANGES * (2 * MAX_FIELDS + 8)

Change = list[Any]  # [table, row_id, op, hlc, fields]
Block = list[Any]  # [table, op, field names, rows]; a row is [row_id, hlc, *values in the order of the names]
# A JSON string, escapes included (possessive: no backtracking on a long one); and what comes before every value
# but the first outside strings: each opens a list or an object, or follows a comma or a colon.
_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_BEFORE_VALUE = (b"[", b"{", b",", b":")


class InvalidChangeset(Exception):
    """A file that must not be applied; `reason` is a short code shown in reports."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Changeset:
    header: dict[str, Any]
    blocks: list[Block]  # whatever the file's format, in the format 2 layout
    digest: str  # SHA-256 of the whole file, the next file's prev_hash


def file_name(seq: int) -> str:
    return f"{seq:012d}.chg"


def to_blocks(changes: Iterable[Change]) -> list[Block]:
    """Lay changes out in blocks (format 2), keeping each row's changes in order (see the module docstring).

    A change joins the newest block of its table, operation and field names unless that block comes before
    the block of the row's previous change; then it starts a new one. Outboxes mostly hold runs of one kind
    of change interleaved with others (a household, its people, the next household…), so that gives one
    block per kind of change, not one per run.
    """
    blocks: list[Block] = []
    newest: dict[tuple[str, str, tuple[str, ...]], int] = {}  # kind of change → index of its newest block
    row_block: dict[tuple[str, str], int] = {}  # (table, row id) → index of the block of its latest change
    for table, row_id, op, hlc, fields in changes:
        names = tuple(fields)
        kind = (table, op, names)
        at = newest.get(kind)
        if at is None or at < row_block.get((table, row_id), -1):
            at = newest[kind] = len(blocks)
            blocks.append([table, op, list(names), []])
        blocks[at][3].append([row_id, hlc, *fields.values()])
        row_block[(table, row_id)] = at
    return blocks


def changes_of(blocks: Iterable[Block]) -> Iterator[Change]:
    """The changes of `blocks` in an order that keeps each row's changes in order (format 1 layout)."""
    for table, op, names, rows in blocks:
        for row in rows:
            yield [table, row[0], op, row[1], dict(zip(names, row[2:], strict=True))]


def _values_within(body: bytes, limit: int) -> bool:
    """Whether parsing `body` makes at most `limit` values, told without parsing it: every value but the first
    comes after a `[`, `{`, `,` or `:` outside a string. Those are counted in the whole body first (a quick pass
    over the bytes, enough for any file a laptop writes); only a body with more of them, some perhaps inside
    its texts (commas in addresses), is counted again outside its strings, stopping as soon as it is over.
    (On a body that is no valid JSON the count holds up to where the parser stops.)"""
    if 1 + sum(map(body.count, _BEFORE_VALUE)) <= limit:
        return True
    count, start = 1, 0
    for string in _STRING.finditer(body):
        count += sum(body.count(mark, start, string.start()) for mark in _BEFORE_VALUE)
        if count > limit:
            return False
        start = string.end()
    return count + sum(body.count(mark, start) for mark in _BEFORE_VALUE) <= limit


def _parsed(body: bytes) -> Any:
    """The body's JSON, refused as "too_big" when it holds more values than any file a laptop writes."""
    if not _values_within(body, MAX_VALUES):
        raise InvalidChangeset("too_big")
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: lists nested thousands deep
        raise InvalidChangeset("format") from None


def _checked_blocks(body: Any) -> list[Block]:
    """Refuse a body whose layout is wrong before anything reads it (a signed file may still come from a buggy
    or newer app): every block `[table, op, names, rows]`, every row as long as its names say; and one with more
    changes, or changes of more fields, than a laptop writes ("too_big": each costs memory to apply)."""
    if not isinstance(body, list):
        raise InvalidChangeset("format")
    for block in body:
        if not (isinstance(block, list) and len(block) == 4 and isinstance(block[0], str) and block[1] in OPS
                and isinstance(block[2], list) and all(isinstance(name, str) for name in block[2])
                and isinstance(block[3], list)):
            raise InvalidChangeset("format")
    if sum(len(block[3]) for block in body) > MAX_CHANGES or any(len(block[2]) > MAX_FIELDS for block in body):
        raise InvalidChangeset("too_big")
    for block in body:
        width = len(block[2]) + 2
        if any(not isinstance(row, list) or len(row) != width or not isinstance(row[0], str)
               or not isinstance(row[1], int) for row in block[3]):
            raise InvalidChangeset("format")
    return body


def _blocks_of_v1(body: Any) -> list[Block]:
    if isinstance(body, list) and len(body) > MAX_CHANGES:
        raise InvalidChangeset("too_big")
    try:
        return to_blocks([table, row_id, op, int(hlc), dict(fields)] for table, row_id, op, hlc, fields in body)
    except (TypeError, ValueError):
        raise InvalidChangeset("format") from None


def encode(header: dict[str, Any], changes: list[Change], data_key: bytes, signing_key: Ed25519PrivateKey) -> bytes:
    """The file for `header` and `changes`: the same inputs always give the same bytes, so a laptop can write a
    damaged or lost file of its own again exactly as it was (its hash chains the next file). The nonce is derived
    from the key and everything it protects (as a synthetic IV): different contents never share one."""
    header_bytes = json.dumps({**header, "format": FORMAT}, sort_keys=True, ensure_ascii=False).encode("utf-8")
    payload = json.dumps(to_blocks(changes), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    nonce = hmac.new(data_key, _NONCE_CONTEXT + header_bytes + payload, hashlib.sha256).digest()[:NONCE_SIZE]
    body = AESGCM(data_key).encrypt(nonce, zlib.compress(payload, 6), header_bytes)
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
        if len(body) != body_len or len(raw) < offset + SIGNATURE_SIZE:
            raise InvalidChangeset("truncated")
        if len(raw) != offset + SIGNATURE_SIZE:
            raise InvalidChangeset("damaged")
    except struct.error as error:
        raise InvalidChangeset("truncated") from error
    try:
        header = json.loads(header_bytes)
    except ValueError:
        raise InvalidChangeset("damaged") from None
    if not isinstance(header, dict):
        raise InvalidChangeset("damaged")
    return header, header_bytes, nonce, body, raw[:offset]


def _inflated(compressed: bytes) -> bytes:
    """The body, refused as "too_big" once it would grow beyond `MAX_BODY_BYTES` (never inflated whole first)."""
    inflater = zlib.decompressobj()
    body = inflater.decompress(compressed, MAX_BODY_BYTES)
    if inflater.unconsumed_tail:
        raise InvalidChangeset("too_big")
    if not inflater.eof:
        raise zlib.error("the body ends before its compressed stream does")
    return body


def decode(raw: bytes, public_key: Ed25519PublicKey, data_key: bytes) -> Changeset:
    """Verify the signature, then decrypt; raises InvalidChangeset for anything forged, torn or altered."""
    header, header_bytes, nonce, body, signed = read_header(raw)
    try:
        public_key.verify(raw[len(signed) :], signed)
    except InvalidSignature:
        raise InvalidChangeset("signature") from None
    if header.get("format") not in READABLE_FORMATS:
        raise InvalidChangeset("format")
    try:
        inflated = _inflated(AESGCM(data_key).decrypt(nonce, body, header_bytes))
    except (InvalidTag, zlib.error):
        raise InvalidChangeset("decrypt") from None
    content = _parsed(inflated)
    del inflated  # the body's bytes go before its changes are screened and applied
    blocks = _checked_blocks(content) if header["format"] == 2 else _blocks_of_v1(content)
    return Changeset(header, blocks, hashlib.sha256(raw).hexdigest())
