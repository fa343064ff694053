"""Bulk inserts (`desktop.bulk.insert_rows`): staged inside a savepoint, an executemany at the top; the same rows
either way, and a failure reports its own error and leaves nothing behind for the next insert. Temporary work
tables (`emptied_after`) are emptied however the work ends, and its own error is the one raised."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.bulk import emptied_after, insert_rows

ROWS = [(1, "Gạo", 0.1), (2, None, 7), (3, "", 2.5e-300), (4, "x" * 1000, -1)]


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount REAL)")
    return conn


@pytest.mark.parametrize("nested", [False, True])
def test_rows_are_stored_as_given(tmp_path: Path, nested: bool) -> None:
    conn = _connect(tmp_path / "a.db")
    conn.execute("BEGIN")
    conn.execute("SAVEPOINT inner")
    insert_rows(conn, "INSERT INTO t (id, name, amount)", ROWS, nested=nested)
    conn.execute("RELEASE inner")
    conn.execute("COMMIT")
    assert conn.execute("SELECT id, name, amount, typeof(amount) FROM t ORDER BY id").fetchall() == [
        (1, "Gạo", 0.1, "real"), (2, None, 7.0, "real"), (3, "", 2.5e-300, "real"), (4, "x" * 1000, -1.0, "real")]
    assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone() == (0,)


def test_an_upsert_tail_applies(tmp_path: Path) -> None:
    conn = _connect(tmp_path / "a.db")
    insert_rows(conn, "INSERT INTO t (id, name, amount)", ROWS)
    insert_rows(conn, "INSERT INTO t (id, name, amount)", [(2, "Muối", 3.0), (5, "Dầu", 1.0)],
                tail="ON CONFLICT (id) DO UPDATE SET name = excluded.name")
    assert conn.execute("SELECT id, name, amount FROM t WHERE id IN (2, 5) ORDER BY id").fetchall() == [
        (2, "Muối", 7.0), (5, "Dầu", 1.0)]


def test_a_failed_insert_reports_its_error_and_leaves_no_stage(tmp_path: Path) -> None:
    conn = _connect(tmp_path / "a.db")
    insert_rows(conn, "INSERT INTO t (id, name, amount)", ROWS[:1])
    conn.execute("BEGIN")  # the failed statement is undone, the transaction goes on
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        insert_rows(conn, "INSERT INTO t (id, name, amount)", ROWS)
    assert conn.execute("SELECT count(*) FROM temp.sqlite_master").fetchone() == (0,)
    insert_rows(conn, "INSERT INTO t (id, name, amount)", ROWS[1:])
    conn.execute("COMMIT")
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (4,)


def test_work_tables_are_emptied_after_the_work(tmp_path: Path) -> None:
    conn = _connect(tmp_path / "a.db")
    conn.execute("CREATE TEMP TABLE work (x)")
    with emptied_after(conn, "work"):
        conn.execute("INSERT INTO temp.work VALUES (1)")
    with pytest.raises(ZeroDivisionError), emptied_after(conn, "work"):
        conn.execute("INSERT INTO temp.work VALUES (2)")
        raise ZeroDivisionError
    assert conn.execute("SELECT count(*) FROM temp.work").fetchone() == (0,)


def test_the_works_own_error_is_raised_when_a_rollback_took_the_work_table(tmp_path: Path) -> None:
    """A full disk makes SQLite roll the whole transaction back, and a temporary table made inside it goes with
    it: emptying it then failed with "no such table", which hid the full disk."""
    conn = _connect(tmp_path / "a.db")
    conn.execute("BEGIN")
    conn.execute("CREATE TEMP TABLE work (x)")
    with pytest.raises(ZeroDivisionError), emptied_after(conn, "work"):
        conn.execute("ROLLBACK")  # what SQLite does by itself on SQLITE_FULL
        raise ZeroDivisionError
