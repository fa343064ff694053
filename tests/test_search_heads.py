"""Re-indexing a household from its new own text and its members' part already indexed (`reindex_heads`) gives
the documents a rebuild from the tables gives (text and tags: khu phố and flags), rowids kept, and search finds the
same households.

Bulk edits go through the real write path (local updates, and a merge of another laptop's edits), mixed with
member changes, empty values and households deleted, on a real demo ward.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.search import index
from desktop.search.folding import fold_words
from desktop.search.index import area_token, flag_token, reindex_heads, search_household_ids
from desktop.store import RowWrite, Store
from desktop.store.migrations import MIGRATIONS, _v11_search_document_heads, migrate
from desktop.sync.merge import merge_changes

WORDS = ("nguyen", "duong", "hem", "09", "le loi", "thi hoa", "tran", "hk")


def _documents(store: Store) -> list[tuple[int, str, str, int, str]]:
    return store.conn.execute("SELECT id, household_id, doc, head_len, tags FROM search_doc ORDER BY id").fetchall()


def _rebuilt(store: Store) -> list[tuple[str, str, int, str]]:
    """The documents a rebuild from the tables would write: (household, doc, head_len, tags)."""
    rows = store.conn.execute(
        "SELECT h.id, coalesce(h.code, '') || ' ' || coalesce(h.house_no, '') || ' ' || coalesce(h.street, '') "
        "|| ' ' || coalesce(h.phone, ''), (SELECT group_concat(member, ' ') FROM (SELECT coalesce(p.full_name, '') "
        "|| ' ' || coalesce(p.phone, '') AS member FROM people p WHERE p.household_id = h.id "
        "AND p.deleted_hlc IS NULL AND p.moved_out_on IS NULL ORDER BY p.rowid)), h.area_id, "  # members as added
        f"{', '.join(f'h.flag_{flag}' for flag in HOUSEHOLD_FLAGS)} "
        "FROM households h WHERE h.deleted_hlc IS NULL ORDER BY h.id").fetchall()
    result = []
    for household_id, own, members, area_id, *flags in rows:
        head, rest = fold_words(own), fold_words(members or "")
        tags = [area_token(area_id)] + [flag_token(flag) for flag, on in zip(HOUSEHOLD_FLAGS, flags, strict=True) if on]
        result.append((household_id, " ".join(filter(None, (head, rest))), len(head), " ".join(filter(None, tags))))
    return result


def _check(store: Store) -> None:
    documents = _documents(store)
    assert sorted(document[1:] for document in documents) == _rebuilt(store)
    assert store.conn.execute("INSERT INTO household_fts (household_fts) VALUES ('integrity-check')").fetchall() == []


def _edits(ids: list[str], round_: int) -> list[RowWrite]:
    """Own-field edits of every household: new streets (accents), phones, a code emptied, notes (not indexed)."""
    edits = []
    for i, household_id in enumerate(ids):
        fields: dict[str, object] = {"street": f"Đường Lê Lợi {round_}-{i % 7}", "notes": f"Ghi chú {i}"}
        if i % 3 == 0:
            fields["phone"] = f"09{round_}{i:07d}"
        if i % 11 == 0:
            fields["house_no"] = None
        if i % 13 == 0:
            fields["code"] = None
        edits.append(RowWrite("households", household_id, "update", fields))
    return edits


def _moves(store: Store, ids: list[str], round_: int) -> list[RowWrite]:
    """Every fifth household moved to another khu phố (a few to none), nothing else of it changed."""
    areas = [row[0] for row in store.conn.execute("SELECT id FROM areas ORDER BY id")]
    return [RowWrite("households", household_id, "update",
                     {"area_id": areas[(i + round_) % len(areas)] if i % 7 else None})
            for i, household_id in enumerate(ids[::5])]


def _flag_changes(ids: list[str], round_: int) -> list[RowWrite]:
    """Every fourth household's flags set anew (some to none, some to several), nothing else of it changed."""
    return [RowWrite("households", household_id, "update", {
        f"flag_{flag}": int((i + at + round_) % (at + 2) == 0) for at, flag in enumerate(HOUSEHOLD_FLAGS)})
        for i, household_id in enumerate(ids[1::4])]


def test_local_bulk_edits_reindex_like_a_rebuild(demo_store: Store) -> None:
    ids = [row[0] for row in demo_store.conn.execute("SELECT id FROM households ORDER BY id")]
    before = {document[1]: document[0] for document in _documents(demo_store)}
    people = [row[0] for row in demo_store.conn.execute("SELECT id FROM people ORDER BY id LIMIT 30")]
    demo_store.writer.write([
        *_edits(ids, 1),
        RowWrite("people", people[0], "update", {"full_name": "Trần Thị Hòa"}),
        RowWrite("people", people[1], "update", {"household_id": ids[5]}),
        RowWrite("people", people[2], "delete"),
        RowWrite("households", ids[7], "delete"),
    ])
    demo_store.writer.write(_moves(demo_store, ids, 1))
    demo_store.writer.write(_flag_changes(ids, 1))
    _check(demo_store)
    after = {document[1]: document[0] for document in _documents(demo_store)}
    assert ids[7] not in after
    assert all(after[h] == before[h] for h in after)  # rowids kept: the ranking's order of writing stays
    found = set(search_household_ids(demo_store.conn, "le loi 1", limit=None))
    assert found == set(ids) - {ids[7]}
    assert ids[0] in search_household_ids(demo_store.conn, f"091{0:07d}")


def test_edits_of_most_of_the_ward_read_every_household_in_one_pass_and_reindex_like_a_rebuild(
        demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A set of households as large as most of the ward is read in one pass over the households (`_heads`); the
    demo ward is below the size where that starts, so the size is lowered here to reach that way."""
    monkeypatch.setattr(index, "MANY_DOCUMENTS", 100)
    ids = [row[0] for row in demo_store.conn.execute("SELECT id FROM households ORDER BY id")]
    demo_store.writer.write(_edits(ids, 3))
    demo_store.writer.write([RowWrite("households", household_id, "update", {
        f"flag_{flag}": int((i + at) % (at + 2) == 0) for at, flag in enumerate(HOUSEHOLD_FLAGS)})
        for i, household_id in enumerate(ids)])
    _check(demo_store)
    assert len(search_household_ids(demo_store.conn, "le loi 3", limit=None)) == len(ids)


def test_merged_edits_reindex_like_a_rebuild(demo_store: Store) -> None:
    ids = [row[0] for row in demo_store.conn.execute("SELECT id FROM households ORDER BY id")]
    changes = [["households", edit.row_id, "update", 2**60 + i, edit.fields]
               for i, edit in enumerate(_edits(ids, 2))]
    merge_changes(demo_store, "other-laptop", changes, {})
    merge_changes(demo_store, "other-laptop", [["households", move.row_id, "update", 2**60 + 10**6 + i, move.fields]
                                               for i, move in enumerate(_moves(demo_store, ids, 2))], {})
    merge_changes(demo_store, "other-laptop", [["households", edit.row_id, "update", 2**60 + 2 * 10**6 + i, edit.fields]
                                               for i, edit in enumerate(_flag_changes(ids, 2))], {})
    _check(demo_store)
    assert len(search_household_ids(demo_store.conn, "duong le loi 2", limit=None)) == len(ids)


def test_a_document_of_unknown_head_is_rebuilt_whole(demo_store: Store) -> None:
    household_id = demo_store.conn.execute("SELECT household_id FROM search_doc LIMIT 1").fetchone()[0]
    demo_store.conn.execute("UPDATE search_doc SET head_len = NULL WHERE household_id = ?", (household_id,))
    demo_store.writer.update("households", household_id, {"street": "Hẻm 9 Bạch Đằng"})
    _check(demo_store)
    with demo_store.transaction():
        reindex_heads(demo_store.conn, [household_id, "no-such-household"])
    _check(demo_store)
    assert search_household_ids(demo_store.conn, "hem 9 bach dang") == [household_id]


def test_migration_fills_head_lengths(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    migrate(db, target=MIGRATIONS.index(_v11_search_document_heads))  # the version before head lengths
    with Store.open(tmp_path / "template.db", create=True) as made:  # rows as the app writes them
        made.writer.insert("households", {"code": "HK1", "house_no": "12", "street": "Đường Lê Lợi"}, "h1")
        made.writer.insert("households", {"street": "Hẻm 5"}, "h2")
        made.writer.insert("households", {}, "h3")
        made.writer.insert("people", {"household_id": "h1", "full_name": "Đặng Thị Hòa", "phone": "0903"})
        made.writer.insert("people", {"household_id": "h3", "full_name": "Lê Văn Tám"})
        rows = {table: made.conn.execute(f"SELECT * FROM {table}").fetchall() for table in ("households", "people")}
        documents = made.conn.execute("SELECT household_id, doc FROM search_doc ORDER BY id").fetchall()
    for table, values in rows.items():
        columns = [row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")]
        db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            [value[:len(columns)] for value in values])
    db.conn.executemany("INSERT INTO search_doc (household_id, doc) VALUES (?, ?)", documents)
    db.conn.execute("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")
    db.conn.close()
    with Store.open(path) as upgraded:
        assert dict(upgraded.conn.execute("SELECT household_id, head_len FROM search_doc")) == {
            "h1": len("hk1 12 duong le loi"), "h2": len("hem 5"), "h3": 0}
        _check(upgraded)
        upgraded.writer.update("households", "h1", {"street": "Bạch Đằng"})
        upgraded.writer.update("households", "h3", {"house_no": "7"})
        _check(upgraded)
        assert search_household_ids(upgraded.conn, "hk1 12 bach dang dang thi hoa") == ["h1"]
        assert search_household_ids(upgraded.conn, "7 le van tam") == ["h3"]


def _index_entries(store: Store) -> list[tuple[object, ...]]:
    """Every word instance the FTS5 index holds: (word, rowid, column, offset)."""
    store.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instances USING fts5vocab(main, household_fts, "
                       "'instance')")
    return store.conn.execute("SELECT term, doc, col, offset FROM temp.fts_instances ORDER BY 1, 2, 3, 4").fetchall()


@pytest.mark.parametrize("many", [index.MANY_DOCUMENTS, 50], ids=["as-set", "as-many-documents"])
def test_replaced_documents_leave_the_index_a_rebuild_makes(demo_store: Store, monkeypatch: pytest.MonkeyPatch,
                                                             many: int) -> None:
    """Old and new texts are written together per household (a word in both makes one entry): edits twice in one
    transaction, words kept, dropped and added, leave the entries a rebuild from the documents writes. Also when
    the writes count as many documents (the demo ward's 400 households: FTS5 merging less while they are written),
    after which FTS5's merge setting is as it was."""
    monkeypatch.setattr(index, "MANY_DOCUMENTS", many)
    ids = [row[0] for row in demo_store.conn.execute("SELECT id FROM households ORDER BY id")]
    with demo_store.transaction():
        demo_store.writer.write(_edits(ids, 3))
        demo_store.writer.write(_moves(demo_store, ids, 3))
        demo_store.writer.write(_flag_changes(ids, 3))
        demo_store.writer.write(_flag_changes(ids, 4))
        demo_store.writer.write([RowWrite("households", household_id, "update", {"street": f"Hẻm {i % 5} Lê Lợi"})
                                 for i, household_id in enumerate(ids[::2])])
    merge_changes(demo_store, "other-laptop", [["households", household_id, "update", 2**60 + i,
                                                {"street": "Bạch Đằng", "phone": None}]
                                               for i, household_id in enumerate(ids[1::3])], {})
    _check(demo_store)
    entries = _index_entries(demo_store)
    queries = (*WORDS, "bach dang", "duong le loi 3", "hem 2 le loi", "0")
    found = [search_household_ids(demo_store.conn, query, limit=None) for query in queries]
    demo_store.conn.execute("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")
    assert entries == _index_entries(demo_store)
    assert found == [search_household_ids(demo_store.conn, query, limit=None) for query in queries]
    assert set(found[queries.index("bach dang")]) >= set(ids[1::3])
    assert demo_store.conn.execute("SELECT v FROM household_fts_config WHERE k = 'automerge'").fetchall() in (
        [], [(4,)])
