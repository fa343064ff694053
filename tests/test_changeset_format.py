"""The changeset body's layouts: format 2 (blocks) written now, format 1 (a change per entry) still read.

A changeset from an older laptop must keep applying after an upgrade, and the block layout must never reorder
a row's own changes, whatever mix of tables, operations and field names an outbox holds.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given
from hypothesis import strategies as st
from test_sync import Laptop, content

from desktop.sync.changeset import (
    MAGIC,
    NONCE_SIZE,
    Change,
    InvalidChangeset,
    changes_of,
    decode,
    file_name,
    read_header,
    to_blocks,
)
from desktop.sync.folder import FolderShare
from desktop.sync.station import SyncKeys

FIELDS = ("name", "kind", "parent_id", "ward_name")


def _outbox(drawn: list[tuple[str, str, str, list[str], str | None]]) -> list[Change]:
    return [[table, row_id, op, hlc, {} if op == "delete" else dict.fromkeys(names, value)]
            for hlc, (table, row_id, op, names, value) in enumerate(drawn)]


# Changes of a few rows of two tables, with any operations and field sets, in any interleaving.
outboxes = st.lists(
    st.tuples(st.sampled_from(["areas", "households"]), st.sampled_from(["r1", "r2", "r3", "r4"]),
              st.sampled_from(["insert", "update", "delete"]),
              st.lists(st.sampled_from(FIELDS), unique=True, max_size=3), st.none() | st.text(max_size=3)),
    max_size=40,
).map(_outbox)


def per_row(changes: list[Change]) -> dict[tuple[str, str], list[Change]]:
    rows: dict[tuple[str, str], list[Change]] = defaultdict(list)
    for change in changes:
        rows[(change[0], change[1])].append(change)
    return rows


@given(outboxes)
def test_blocks_keep_every_change_and_each_rows_order(changes: list[Change]) -> None:
    blocks = to_blocks(changes)
    again = list(changes_of(blocks))
    assert per_row(again) == per_row(changes)
    assert len(again) == len(changes)
    for _table, _op, names, rows in blocks:  # one names list per block, every row as wide as it says
        assert all(len(row) == len(names) + 2 for row in rows)


def test_an_outbox_of_interleaved_creations_makes_one_block_per_kind() -> None:
    changes: list[Change] = []
    for i in range(50):
        changes.append(["households", f"h{i}", "insert", 2 * i, {"code": f"HK{i}", "street": "Lê Lợi"}])
        changes.append(["people", f"p{i}", "insert", 2 * i + 1, {"household_id": f"h{i}", "full_name": "An"}])
    assert [(block[0], len(block[3])) for block in to_blocks(changes)] == [("households", 50), ("people", 50)]


def _signed_file(header: dict[str, Any], body_format: int, body: Any, keys: SyncKeys) -> bytes:
    """A changeset file around any body, encrypted and validly signed by `keys`: what a laptop running the
    previous release (format 1) or a buggy one could write."""
    header_bytes = json.dumps({**header, "format": body_format}, sort_keys=True, ensure_ascii=False).encode("utf-8")
    nonce = os.urandom(NONCE_SIZE)
    plain = zlib.compress(json.dumps(body, ensure_ascii=False).encode("utf-8"), 6)
    sealed = AESGCM(keys.data_key(header["epoch"])).encrypt(nonce, plain, header_bytes)
    unsigned = (MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + nonce + struct.pack(">I", len(sealed))
                + sealed)
    return unsigned + keys.signing_key.sign(unsigned)


def _published(tmp_path: Path) -> tuple[Laptop, Laptop, Path]:
    share = FolderShare(tmp_path / "share")
    a = Laptop(tmp_path, "a", share)
    b = Laptop(tmp_path, "b", share, a)
    household = a.store.writer.insert("households", {"code": "HK1", "street": "Trần Hưng Đạo", "house_no": "12"})
    a.store.writer.insert("people", {"household_id": household, "full_name": "Lê Thị Hồng"})
    a.store.writer.update("households", household, {"phone": "0903000000"})
    a.sync()
    return a, b, tmp_path / "share" / "devices" / a.store.device_id / file_name(1)


def _rewritten(a: Laptop, path: Path, body_of: Any) -> None:
    """Replace the published file by `body_of(header, its changes)`."""
    raw = path.read_bytes()
    header = read_header(raw)[0]
    changes = list(changes_of(decode(raw, a.keys.signing_key.public_key(), a.keys.data_key(header["epoch"])).blocks))
    path.write_bytes(body_of(header, changes))


def test_a_changeset_of_the_previous_format_still_applies(tmp_path: Path) -> None:
    a, b, path = _published(tmp_path)
    _rewritten(a, path, lambda header, changes: _signed_file(header, 1, changes, a.keys))
    assert read_header(path.read_bytes())[0]["format"] == 1
    _, report = b.sync()
    assert not report.errors
    assert content(b.store) == content(a.store)
    from desktop.search.index import search_household_ids

    assert len(search_household_ids(b.store.conn, "le thi hong")) == 1


@pytest.mark.parametrize("damage", ["short_row", "unknown_op", "not_blocks"])
def test_a_signed_body_with_a_broken_layout_is_refused_and_nothing_applied(tmp_path: Path, damage: str) -> None:
    a, b, path = _published(tmp_path)

    def broken(header: dict[str, Any], changes: list[Change]) -> bytes:
        blocks: Any = to_blocks(changes)
        if damage == "short_row":
            blocks[0][3][0] = blocks[0][3][0][:-1]
        elif damage == "unknown_op":
            blocks[0][1] = "upsert"
        else:
            blocks = {"blocks": blocks}
        return _signed_file(header, 2, blocks, a.keys)

    _rewritten(a, path, broken)
    with pytest.raises(InvalidChangeset, match="format"):
        decode(path.read_bytes(), a.keys.signing_key.public_key(), a.keys.data_key(1))
    before = content(b.store)
    _, report = b.sync()
    assert [error[2] for error in report.errors] == ["format"]
    assert content(b.store) == before
