"""Numbered migrations: a database made by the previous version upgrades without losing rows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from desktop.errors import WardbookError
from desktop.search.index import rebuild_search_index, search_household_ids
from desktop.store import Store
from desktop.store.migrations import LATEST, MIGRATIONS, migrate, schema_version


def _make_version(path: Path, version: int) -> sqlite_utils.Database:
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    assert migrate(db, target=version) == list(range(1, version + 1))
    return db


def test_new_database_is_at_latest_version(store: Store) -> None:
    assert schema_version(store.db) == LATEST
    assert {"households", "people", "visits", "field_clock", "outbox", "household_fts"} <= set(
        store.db.table_names()
    )


@pytest.mark.parametrize("old_version", range(1, LATEST))
def test_upgrade_keeps_rows_and_builds_what_is_new(tmp_path: Path, old_version: int) -> None:
    path = tmp_path / "old.db"
    db = _make_version(path, old_version)
    # Rows as the previous version of the app would have written them.
    db.execute(
        "INSERT INTO households (id, created_at, updated_at, code, house_no, street, status) "
        "VALUES ('h1', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'HK1', '12/3A', 'Đường Lê Lợi', 'active')"
    )
    db.execute(
        "INSERT INTO people (id, created_at, updated_at, household_id, full_name, birth_year) "
        "VALUES ('p1', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', 'h1', 'Đặng Thị Hòa', 1950)"
    )
    db.execute("INSERT INTO device (one, device_id, hlc_last, created_at) VALUES (1, 'dev-old', 42, 'x')")
    if old_version >= 2:  # that version's write path kept the search index in step
        rebuild_search_index(db.conn)
    db.conn.close()

    with Store.open(path) as upgraded:
        assert schema_version(upgraded.db) == LATEST
        assert upgraded.device_id == "dev-old"
        assert upgraded.conn.execute("SELECT full_name FROM people").fetchall() == [("Đặng Thị Hòa",)]
        assert search_household_ids(upgraded.conn, "dang thi hoa") == ["h1"]
        assert upgraded.writer.clock.last == 42


def test_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with Store.open(path, create=True) as made:
        made.conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(WardbookError) as caught:
        Store.open(path)
    assert caught.value.msg_id == "store.too_new"


def test_failed_migration_leaves_the_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.store import migrations

    path = tmp_path / "half.db"
    db = _make_version(path, 1)

    def broken(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    with pytest.raises(RuntimeError):
        migrations.migrate(db, target=2)
    assert schema_version(db) == 1
    assert "half_done" not in db.table_names()


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WardbookError) as caught:
        Store.open(tmp_path / "nope.db")
    assert "nope.db" in caught.value.message("vi")
    assert caught.value.message("en").startswith("No database")


def test_v5_moves_creation_stamps_into_the_rows_and_keeps_the_version_vector(tmp_path: Path) -> None:
    """Before v5 a row's creation stamp was a `*` row of `field_clock` and the version vector was MAX(hlc) per
    device over that table: after the upgrade every row carries its stamp, later field stamps are untouched,
    the `*` rows are gone and the vector publishing sends is the one it sent before."""
    db = _make_version(tmp_path / "v4.db", 4)
    for row_id, hlc, device in (("h1", 100, "dev-a"), ("h2", 300, "dev-b")):
        db.execute("INSERT INTO households (id, created_at, updated_at, code) VALUES (?, 'x', 'x', ?)",
                   (row_id, row_id.upper()))
        db.execute("INSERT INTO field_clock VALUES ('households', ?, '*', ?, ?)", (row_id, hlc, device))
    db.execute("INSERT INTO field_clock VALUES ('households', 'h1', 'phone', 200, 'dev-b')")
    db.execute("INSERT INTO field_clock VALUES ('areas', 'a-gone', '*', 500, 'dev-c')")  # its row was never here
    db.execute("INSERT INTO device (one, device_id, hlc_last, created_at) VALUES (1, 'dev-old', 42, 'x')")
    db.conn.close()

    with Store.open(tmp_path / "v4.db") as upgraded:
        conn = upgraded.conn
        assert conn.execute("SELECT id, created_hlc, created_device FROM households ORDER BY id").fetchall() == [
            ("h1", 100, "dev-a"), ("h2", 300, "dev-b")]
        assert conn.execute("SELECT tbl, row_id, field, hlc, device_id FROM field_clock").fetchall() == [
            ("households", "h1", "phone", 200, "dev-b")]
        from desktop.sync.publish import version_vector

        assert version_vector(upgraded) == {"dev-a": 100, "dev-b": 300, "dev-c": 500, "dev-old": 42}


def test_the_search_index_of_an_older_register_keeps_no_document_sizes(tmp_path: Path) -> None:
    """Migration 17: the full-text table is made again without its table of document sizes, which a merge of a
    ward's edits rewrote for every household; what was findable stays findable, and edits re-index as before."""
    from desktop.register.households import add_household
    from desktop.store.migrations import _v17_search_without_column_sizes

    path = tmp_path / "old.db"
    with Store.open(path, create=True) as made:
        household = add_household(made, area_id=None, house_no="12/3A", street="Đường Lê Lợi", head_name="Đặng Thị Hòa")
        made.conn.execute("DROP TABLE household_fts")  # the table as migrations 15 and 16 left it
        made.conn.execute("CREATE VIRTUAL TABLE household_fts USING fts5(doc, tags, content='search_doc', "
                          "content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')")
        made.conn.execute("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")
        made.conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(_v17_search_without_column_sizes)}")
    with Store.open(path) as upgraded:
        assert schema_version(upgraded.db) == LATEST
        assert "household_fts_docsize" not in upgraded.db.table_names()
        assert "columnsize=0" in upgraded.conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'household_fts'").fetchone()[0]
        assert search_household_ids(upgraded.conn, "dang thi hoa") == [household]
        upgraded.writer.update("households", household, {"street": "Hẻm 4 Bạch Đằng"})
        assert search_household_ids(upgraded.conn, "bach dang") == [household]
        assert search_household_ids(upgraded.conn, "le loi") == []
        assert upgraded.conn.execute(
            "INSERT INTO household_fts (household_fts) VALUES ('integrity-check')").fetchall() == []
