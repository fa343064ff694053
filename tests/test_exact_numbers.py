"""Rows written in bulk inside a savepoint (staged and copied in one statement, `desktop.bulk`), a changeset's rows
and a merge's edits keep every value exactly as rows written one by one: numbers with a fraction are the very
doubles given, texts and integers unchanged.

The doubles below include some that SQLite's JSON parser (in the SQLite that SQLCipher bundles) would round
differently from Python: a bulk path through JSON text would fail here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.store import RowWrite, Store
from desktop.sync.merge import merge_changes

# Each of the last three is read one unit in the last place off by SQLCipher's SQLite 3.51 JSON parser.
QUANTITIES = [0.1, 0.30000000000000004, 2.5, 7, 0.0, -1.5, 123456789.12345679, 7.654927133881692e-231,
              3.9427169958973874e-281, 1.7976931348623157e-300]
TEXTS = ["Gạo", "nước \"mắm\"", "a\\b", "", None, "đ" * 50, "line\nbreak"]


def _items(store: Store) -> list[tuple[object, ...]]:
    return store.conn.execute(
        "SELECT id, quantity, typeof(quantity), unit, value_vnd, created_hlc, created_device FROM support_items "
        "ORDER BY id").fetchall()


def _rows() -> list[tuple[str, dict[str, object]]]:
    return [(f"s{i:02d}", {"visit_id": "v1", "kind": "food", "quantity": quantity, "unit": TEXTS[i % len(TEXTS)],
                           "value_vnd": 10**12 + i})
            for i, quantity in enumerate(QUANTITIES)]


@pytest.mark.parametrize("encrypted", [False, True])
def test_local_writes_in_a_savepoint_keep_exact_values(tmp_path: Path, encrypted: bool) -> None:
    key = os.urandom(32) if encrypted else None
    stored = []
    for name, nested in (("top", False), ("nested", True)):
        with Store.open(tmp_path / f"{name}.db", create=True, key=key) as store:
            batch = [RowWrite("support_items", row_id, "insert", fields) for row_id, fields in _rows()]
            if nested:
                with store.transaction():
                    store.writer.write(batch)
                    with store.transaction():
                        store.writer.write([RowWrite("support_items", row_id, "update", {"quantity": -q})
                                            for (row_id, _), q in zip(_rows(), QUANTITIES, strict=True)])
            else:
                store.writer.write(batch)
                store.writer.write([RowWrite("support_items", row_id, "update", {"quantity": -q})
                                    for (row_id, _), q in zip(_rows(), QUANTITIES, strict=True)])
            items = _items(store)
            assert [row[1] for row in items] == [-float(q) for q in QUANTITIES]
            stored.append([row[:5] for row in items])
            stored.append(sorted(store.conn.execute(
                "SELECT tbl, row_id, op, fields FROM outbox").fetchall()))
    assert stored[0] == stored[2] and stored[1] == stored[3]


@pytest.mark.parametrize("encrypted", [False, True])
def test_remote_rows_and_edits_keep_exact_values(tmp_path: Path, encrypted: bool) -> None:
    key = os.urandom(32) if encrypted else None
    with Store.open(tmp_path / "b.db", create=True, key=key) as store:
        names = ["visit_id", "kind", "quantity", "unit", "value_vnd"]
        with store.transaction():  # as a sync applies a file: inside its transaction
            store.writer.insert_remote("X", [["support_items", "insert", names,
                                              [[row_id, 5, *fields.values()] for row_id, fields in _rows()]]])
        assert _items(store) == [(row_id, float(fields["quantity"]), "real", fields["unit"], fields["value_vnd"], 5,
                                  "X") for row_id, fields in _rows()]
        merge_changes(store, "X", [["support_items", row_id, "update", 9, {"quantity": q / 3, "unit": "kg"}]
                                   for (row_id, _), q in zip(_rows(), QUANTITIES, strict=True)], {})
        assert [row[1:4] for row in _items(store)] == [(q / 3, "real", "kg") for q in QUANTITIES]
