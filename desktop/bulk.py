"""Writing many rows with one statement, where an executemany costs several times more.

Inside a savepoint (a sync applying a file, an import's batch, a merge: every write of the write path nested in a
larger transaction) SQLite kept the pages each statement of an executemany changed in its statement journal again,
row after row, over tables that already hold rows: a first sync of a 10k-household ward ran at an eighth of a raw
insert, most of it there. Staging the rows in a temporary table made for the purpose (its pages new, so nothing to
journal) and copying them with one INSERT … SELECT costs about what an executemany does at the top of a
transaction. The rows are bound as Python values, so they are stored exactly as an executemany would store them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress


def insert_rows(conn: sqlite3.Connection, statement: str, rows: Sequence[Sequence[object]], *, nested: bool = True,
                tail: str = "") -> None:
    """Run `statement` (`INSERT INTO t (a, b, c)`, then `tail`, e.g. an upsert clause) for every row (values in the
    columns' order): staged and copied in one statement when `nested` (inside a savepoint), else an executemany."""
    if not rows:
        return
    width = len(rows[0])
    if not nested:
        conn.executemany(f"{statement} VALUES ({', '.join('?' * width)}) {tail}", rows)
        return
    conn.execute("DROP TABLE IF EXISTS temp.bulk_rows")  # left by a failure that could not drop it
    conn.execute(f"CREATE TEMP TABLE bulk_rows ({', '.join(f'c{i}' for i in range(width))})")
    try:
        conn.executemany(f"INSERT INTO temp.bulk_rows VALUES ({', '.join('?' * width)})", rows)
        conn.execute(f"{statement} SELECT * FROM temp.bulk_rows WHERE true {tail}")
    except BaseException:
        # The error to report is this one, even when SQLite has rolled back already (a full disk) or cannot drop.
        with suppress(Exception):
            conn.execute("DROP TABLE IF EXISTS temp.bulk_rows")
        raise
    conn.execute("DROP TABLE temp.bulk_rows")


@contextmanager
def emptied_after(conn: sqlite3.Connection, *tables: str) -> Iterator[None]:
    """Empty the temporary `tables` (names in `temp`) once the block ends, however it ends.

    On an error the block's own error is the one raised: a full disk makes SQLite roll the whole transaction back,
    and a temporary table created inside it goes with it, so emptying it then fails with "no such table", which
    hid the full disk behind what read as a program error.
    """
    try:
        yield
    except BaseException:
        with suppress(sqlite3.Error):
            _empty(conn, tables)
        raise
    _empty(conn, tables)


def _empty(conn: sqlite3.Connection, tables: Sequence[str]) -> None:
    for table in tables:
        conn.execute(f"DELETE FROM temp.{table}")
