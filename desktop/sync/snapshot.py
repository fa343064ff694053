"""Snapshots: the station's data at a version vector, so a new or re-imaged laptop does not replay every file.

`write_snapshot` (admin or station laptop): `VACUUM INTO` a temporary file in this laptop's own data folder,
strip it to the synced tables, their clocks and the conflicts seen, without indexes (no outbox, login attempts,
device identity, settings, cursors or errors of this laptop), encrypt it with the station data key and sign it onto
`<share>/snapshots/<id>.snap`, then overwrite and remove the temporary file. The header carries the version
vector — for each device, the seq and hash of its last changeset the data includes — which becomes the new
laptop's cursors, so it then applies only the changesets after the snapshot (a hash-chain check included).

Format version 1, integers big-endian:

    b"WBSNAP1\\n"
    u32 header length, header        UTF-8 JSON: format, station, device, epoch, id, created_at, schema
                                     (`migrations.snapshot_schema` of the user version), hlc (the source's
                                     clock), vv {device: [seq, hash]}, chunk, size
    8-byte nonce prefix
    chunks: u32 length, AES-256-GCM(chunk)   nonce = prefix + u32 chunk index; associated data = header bytes
                                     + u32 index + 1 byte "last chunk" flag, so a chunk cannot be moved, dropped
                                     or the file cut short at a chunk boundary without detection
    64-byte signature                Ed25519 by the device over SHA-256 of everything before it

Encrypted laptops (SQLCipher): `VACUUM INTO` writes the copy encrypted with the laptop's own database key, so
the copy is re-keyed to a fresh random snapshot key before it leaves; that key travels in the header (field
`key`), wrapped with the station data key (AES-256-GCM). The receiving laptop writes the decrypted chunks back
as that SQLCipher file and attaches it with the snapshot key: no plaintext database touches either disk. A
plain laptop (development, tests) makes a plain copy, and `key` is null.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import struct
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop import files
from desktop.errors import WardbookError
from desktop.security.session import authorize
from desktop.store import Store
from desktop.store.connection import open_encrypted
from desktop.store.migrations import schema_version, snapshot_schema
from desktop.store.tables import SYNCED
from desktop.store.writer import utc_now_iso
from desktop.sync.changeset import InvalidChangeset
from desktop.sync.errors import record_error, resolve_errors_of_kind
from desktop.sync.folder import NOT_A_FILE, FolderShare
from desktop.sync.grants import principal_for
from desktop.sync.problems import refused
from desktop.sync.station import SyncKeys, public_keys, unwrap_all, verified_roster
from desktop.sync.transport import NotAFile

MAGIC = b"WBSNAP1\n"
FORMAT = 1
CHUNK = 1 << 20
PREFIX_SIZE = 8
SIGNATURE_SIZE = 64
# Everything else in a laptop's database is its own business; its conflicts travel so that a laptop catching up
# from the snapshot learns the conflicts it won or lost in the files it will never read (`desktop.sync.rebase`).
KEEP = frozenset({*SYNCED, "field_clock", "conflicts"})
KEY_AD = b"WBSNAP1 snapshot key"


@contextmanager
def _temporary(store: Store, label: str) -> Iterator[Path]:
    """A temporary database path next to the laptop's own database (never on the share or in /tmp), overwritten
    with zeros and removed afterwards, with its journal files."""
    path = store.path.parent / f".wardbook-{label}-{secrets.token_hex(6)}.db"
    try:
        yield path
    finally:
        for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
            _shred(leftover)


def _shred(path: Path) -> None:
    with suppress(FileNotFoundError):
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            for start in range(0, size, CHUNK):
                handle.write(bytes(min(CHUNK, size - start)))
            handle.flush()
            os.fsync(handle.fileno())
        path.unlink()


def _key_literal(key: bytes | None) -> str:
    """SQLCipher's raw-key literal; '' means a plain file."""
    return f"\"x'{key.hex()}'\"" if key else "''"


def _open_copy(path: Path, key: bytes | None) -> sqlite3.Connection:
    """A connection to a snapshot copy: with `key` an encrypted one (`VACUUM INTO` from an encrypted store writes
    the copy with the store's key), else plain."""
    if key:
        return open_encrypted(path, key)
    return sqlite3.connect(str(path), isolation_level=None)


def _wrap_key(data_key: bytes, snapshot_key: bytes | None) -> str | None:
    if snapshot_key is None:
        return None
    nonce = os.urandom(12)
    return (nonce + AESGCM(data_key).encrypt(nonce, snapshot_key, KEY_AD)).hex()


def _unwrap_key(data_key: bytes, wrapped: object) -> bytes | None:
    if not wrapped:
        return None
    try:
        raw = bytes.fromhex(str(wrapped))
        return AESGCM(data_key).decrypt(raw[:12], raw[12:], KEY_AD)
    except (ValueError, InvalidTag):
        raise _refuse("decrypt") from None


def _attach(store: Store, path: Path, snapshot_key: bytes | None, scratch: Path) -> None:
    """Attach the received snapshot copy to the store's connection as `snap`.

    An encrypted store attaches it with its snapshot key (or as plain with KEY ''). A plain store cannot read
    a SQLCipher file, so the copy is first exported to a plain `scratch` file: that laptop keeps its data plain
    anyway (development and tests only).
    """
    if store.key is not None:
        store.conn.execute(f"ATTACH DATABASE ? AS snap KEY {_key_literal(snapshot_key)}", (str(path),))
        return
    if snapshot_key is not None:
        conn = open_encrypted(path, snapshot_key)
        try:
            conn.execute("ATTACH DATABASE ? AS plain KEY ''", (str(scratch),))
            conn.execute("SELECT sqlcipher_export('plain')")
            conn.execute("DETACH DATABASE plain")
        finally:
            conn.close()
        path = scratch
    store.conn.execute("ATTACH DATABASE ? AS snap", (str(path),))


def _strip(path: Path, key: bytes | None) -> tuple[dict[str, list[Any]], int, int, bytes | None]:
    """Leave only the synced tables and their clocks in the copy, and no free page holding what was removed.

    Returns what the copy says about itself, read from the copy so it matches the data exactly: the version
    vector (seq and hash of each device's last changeset included, this laptop's own published ones too), the
    laptop's clock and the schema version; and, for an encrypted copy, the fresh snapshot key it was re-keyed to
    (the laptop's own database key never leaves it).
    """
    snapshot_key = os.urandom(32) if key else None
    conn = _open_copy(path, key)
    try:
        vector: dict[str, list[Any]] = {device: [seq, digest or ""] for device, seq, digest in conn.execute(
            "SELECT device_id, last_seq, last_hash FROM applied")}
        device, hlc = conn.execute("SELECT device_id, hlc_last FROM device").fetchone()
        settings = dict(conn.execute(
            "SELECT key, value FROM settings WHERE key IN ('sync.published_seq', 'sync.published_hash')").fetchall())
        if int(settings.get("sync.published_seq") or 0):
            vector[device] = [int(settings["sync.published_seq"]), settings.get("sync.published_hash") or ""]
        schema = snapshot_schema(schema_version(conn))
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("PRAGMA secure_delete = ON")
        virtual = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")}
        for name in sorted(virtual):
            conn.execute(f'DROP TABLE "{name}"')  # drops its shadow tables with it
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        for name in names:
            if name not in KEEP:
                conn.execute(f'DROP TABLE "{name}"')
        # The receiving laptop copies the rows into its own tables (with their own indexes) and reads the copy
        # only in full: the copy's indexes would only make the file on the share larger.
        for (index,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                     ).fetchall():
            conn.execute(f'DROP INDEX "{index}"')
        conn.execute("VACUUM")
        if snapshot_key:
            conn.execute(f"PRAGMA rekey = {_key_literal(snapshot_key)}")
    finally:
        conn.close()
    return vector, int(hlc), schema, snapshot_key


def write_snapshot(store: Store, share: FolderShare, keys: SyncKeys) -> str:
    """Write this laptop's synced data to the share as a snapshot; returns its id. Admins only (it holds the
    whole ward)."""
    authorize(store, "enrollment")
    roster = verified_roster(store, share, keys)
    unwrap_all(roster, store.device_id, keys)
    return str(snapshot_of(store, share, keys, roster)["id"])


def snapshot_of(store: Store, share: FolderShare, keys: SyncKeys, roster: dict[str, Any]) -> dict[str, Any]:
    """Write the snapshot (the caller has checked who may) and return its header."""
    epoch = int(roster["epoch"])
    data_key = keys.data_key(epoch)
    with _temporary(store, "snapshot") as temp:
        store.writer.vacuum_into(str(temp))
        vector, hlc, schema, snapshot_key = _strip(temp, store.key)
        snapshot_id = f"{time.time_ns() // 1_000_000:013d}-{store.device_id[:8]}"
        header = {"format": FORMAT, "station": roster["station"], "device": store.device_id, "epoch": epoch,
                  "id": snapshot_id, "created_at": utc_now_iso(), "schema": schema, "hlc": hlc,
                  "vv": vector, "chunk": CHUNK, "size": temp.stat().st_size,
                  "key": _wrap_key(data_key, snapshot_key)}
        share.makedirs("snapshots")
        with open(temp, "rb") as source:
            share.transport.write_new_chunks(f"snapshots/{snapshot_id}.snap",
                                             _sealed(header, source, AESGCM(data_key), keys))
    return header


def _sealed(header: dict[str, Any], source: BinaryIO, aead: AESGCM, keys: SyncKeys) -> Iterator[bytes]:
    """The snapshot file, piece by piece as `source` is read (a ward's copy is hundreds of megabytes: it is never
    held whole in memory), ending with the signature over the SHA-256 of everything before it."""
    digest = hashlib.sha256()
    header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
    prefix = os.urandom(PREFIX_SIZE)
    opening = MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + prefix
    digest.update(opening)
    yield opening
    count = _chunk_count(header)
    for index in range(count):
        sealed = aead.encrypt(prefix + struct.pack(">I", index), source.read(CHUNK),
                              _chunk_ad(header_bytes, index, index == count - 1))
        length = struct.pack(">I", len(sealed))
        digest.update(length)
        digest.update(sealed)
        yield length
        yield sealed
    yield keys.signing_key.sign(digest.digest())


def _chunk_count(header: dict[str, Any]) -> int:
    return max(1, -(-int(header["size"]) // int(header["chunk"])))


def _chunk_ad(header_bytes: bytes, index: int, last: bool) -> bytes:
    return header_bytes + struct.pack(">IB", index, 1 if last else 0)


def snapshot_ids(share: FolderShare) -> list[str]:
    return sorted(name[: -len(".snap")] for name in share.transport.listdir("snapshots") if name.endswith(".snap")
                  and not name.startswith("."))


def _refuse(reason: str) -> WardbookError:
    return refused("sync.bad_snapshot", reason)


def _decrypt_to(source: BinaryIO, roster: dict[str, Any], keys: SyncKeys, target: Path) -> dict[str, Any]:
    """Read a snapshot file from `source` piece by piece, writing the decrypted database to `target`; returns the
    header once the signature over the whole file is checked. Every chunk is authenticated as it is decrypted
    (AES-GCM, its index and the last-chunk flag included); the signature, which covers the file, is checked at
    the end, and the caller uses `target` only after that."""
    digest = hashlib.sha256()

    def take(size: int, reason: str = "truncated") -> bytes:
        data = source.read(size)
        if len(data) != size:
            raise _refuse(reason)
        digest.update(data)
        return data

    if take(len(MAGIC), "magic") != MAGIC:
        raise _refuse("magic")
    try:
        (header_len,) = struct.unpack(">I", take(4))
        header_bytes = take(header_len)
        header = json.loads(header_bytes)
        count = _chunk_count(header)
        chunk_limit = int(header["chunk"]) + 16  # a chunk's size, plus the GCM tag
    except (KeyError, TypeError, ValueError):
        raise _refuse("truncated") from None
    signer = public_keys(roster).get(str(header.get("device")))
    if signer is None:
        raise _refuse("unenrolled")
    maker = principal_for(roster, str(header.get("device")), 2**62)
    if maker is None or maker.role != "admin":  # a snapshot replaces a new laptop's whole register
        raise _refuse("not_admin_snapshot")
    if header.get("format") != FORMAT:
        raise _refuse("format")
    if header.get("station") != roster["station"]:
        raise _refuse("station")
    try:
        aead = AESGCM(keys.data_key(int(header["epoch"])))
    except InvalidChangeset:
        raise _refuse("epoch") from None
    prefix = take(PREFIX_SIZE)
    # This laptop's disk: a write that fails names the folder of its register (the file is a temporary one), so
    # that a full laptop is not taken for a full share; what fails reading the share is left as it is.
    with files.naming(target.parent):
        out = open(target, "wb")  # noqa: SIM115  (closed below, where a failure is named too)
    with files.closing_named(out, target.parent):
        for index in range(count):
            (length,) = struct.unpack(">I", take(4))
            if length > chunk_limit:
                raise _refuse("truncated")
            try:
                plain = aead.decrypt(prefix + struct.pack(">I", index), take(length),
                                     _chunk_ad(header_bytes, index, index == count - 1))
            except InvalidTag:
                raise _refuse("decrypt") from None
            with files.naming(target.parent):
                out.write(plain)
    signature = source.read(SIGNATURE_SIZE + 1)
    if len(signature) != SIGNATURE_SIZE:
        raise _refuse("truncated")
    try:
        signer.verify(signature, digest.digest())
    except InvalidSignature:
        raise _refuse("signature") from None
    if target.stat().st_size != header.get("size"):
        raise _refuse("truncated")
    return dict(header)


def bootstrap(store: Store, share: FolderShare, keys: SyncKeys, snapshot_id: str | None = None) -> dict[str, Any]:
    """Start this (new, approved, still empty) laptop from the share's newest snapshot, or `snapshot_id`.

    The data and the cursors taken from the snapshot's version vector are written in one transaction; the next
    sync then applies only the changesets after it. Returns the snapshot's header.
    """
    authorize(store, "enrollment")
    roster = verified_roster(store, share)
    unwrap_all(roster, store.device_id, keys)
    if not is_empty(store):
        raise WardbookError("sync.bootstrap_not_empty")
    available = snapshot_ids(share)
    chosen = snapshot_id or (available[-1] if available else None)
    if chosen is None or chosen not in available:
        raise WardbookError("sync.no_snapshot", path=share.description)
    return load_snapshot(store, share, keys, roster, chosen)


def is_empty(store: Store) -> bool:
    """No synced row and no cursor: a laptop that may be filled from a snapshot as it is."""
    return not (any(store.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() for table in SYNCED)
                or store.conn.execute("SELECT 1 FROM applied LIMIT 1").fetchone())


def load_snapshot(store: Store, share: FolderShare, keys: SyncKeys, roster: dict[str, Any],
                  snapshot_id: str) -> dict[str, Any]:
    """Fill this empty laptop from snapshot `snapshot_id` (checked against `roster`), with its cursors."""
    with attached_snapshot(store, share, keys, roster, snapshot_id) as header, store.transaction():
        store.writer.load_snapshot("snap")
        set_cursors(store, header)
    return header


def set_cursors(store: Store, header: dict[str, Any]) -> None:
    """Move this laptop's cursors up to a snapshot's version vector (never back), in the caller's transaction:
    the changesets the snapshot holds are not applied again, and the hash chain goes on from its `[seq, hash]`."""
    now = utc_now_iso()
    store.conn.executemany(
        "INSERT INTO applied (device_id, last_seq, last_hash, applied_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (device_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash, "
        "applied_at = excluded.applied_at WHERE excluded.last_seq > applied.last_seq",
        [(device, int(seq), digest, now) for device, (seq, digest) in header["vv"].items()
         if device != store.device_id],
    )
    store.writer.observe(int(header["hlc"]))


def _opened(share: FolderShare, snapshot_id: str) -> BinaryIO:
    """The snapshot file to read; a folder or a pipe under its name is refused in words, like a damaged one."""
    try:
        return share.transport.open_read(f"snapshots/{snapshot_id}.snap")
    except NotAFile:
        raise _refuse(NOT_A_FILE) from None


@contextmanager
def attached_snapshot(store: Store, share: FolderShare, keys: SyncKeys, roster: dict[str, Any],
                      snapshot_id: str) -> Iterator[dict[str, Any]]:
    """Check and decrypt snapshot `snapshot_id` into a temporary file beside the database, attach it as `snap`
    for the block, and yield its header; a refused snapshot is recorded like a bad changeset, then raised."""
    with _temporary(store, "bootstrap") as temp, _temporary(store, "bootstrap-plain") as scratch:
        try:
            with _opened(share, snapshot_id) as source:
                header = _decrypt_to(source, roster, keys, temp)
            snapshot_key = _unwrap_key(keys.data_key(int(header["epoch"])), header.get("key"))
            if header.get("schema") != snapshot_schema(schema_version(store.conn)):
                raise _refuse("schema")
        except WardbookError as error:  # recorded like a bad changeset, then shown
            record_error(store, None, None, f"snapshot_{error.params.get('reason')}", f"{snapshot_id}.snap")
            raise
        _attach(store, temp, snapshot_key, scratch)
        try:
            yield header
            resolve_errors_of_kind(store, "snapshot_")
        finally:
            store.conn.execute("DETACH DATABASE snap")
