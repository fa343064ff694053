"""The household full-text index: FTS5 over the folded address, phone and member names of each household.

`search_doc` holds one folded document per household and is the external content of the FTS5 table
`household_fts`, so the text is stored once. The write path calls `reindex_households` in the same transaction
as the change, which keeps the index in step with the register.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable

from desktop.search.folding import fold, fold_words

_TOKEN = re.compile(r"\w+")


def create_search_index(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE search_doc (id INTEGER PRIMARY KEY, household_id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)"
    )
    conn.execute(
        "CREATE VIRTUAL TABLE household_fts USING fts5("
        "doc, content='search_doc', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')"
    )


# What a household's document holds: these fields of the household, then these of each member still living
# there (not moved out, not deleted), members in the order they were added. Both ways of building documents
# (from the tables, and from rows a first sync is inserting) follow these lists.
HOUSEHOLD_TEXT = ("code", "house_no", "street", "phone")
MEMBER_TEXT = ("full_name", "phone")


def _joined(alias: str, columns: tuple[str, ...]) -> str:
    return " || ' ' || ".join(f"coalesce({alias}.{column}, '')" for column in columns)


def _documents(conn: sqlite3.Connection, household_ids: list[str]) -> dict[str, str]:
    """Folded search documents of the given distinct alive households (deleted or missing ones are left out)."""
    # The ids go in as one JSON array read by json_each, not through a temporary table: filling and emptying
    # one cost more than the query on a first sync. CROSS JOIN keeps the id list as the outer loop: the cost
    # follows the households touched, not the size of the register. Members are joined in SQL (in the order of
    # the people index, which is the order they were added), so Python handles one row per household. Empty
    # values need no filtering: `fold_words` drops the extra spaces they leave.
    members = (f"SELECT group_concat({_joined('p', MEMBER_TEXT)}, ' ') FROM people p WHERE p.household_id = h.id "
               "AND p.deleted_hlc IS NULL AND p.moved_out_on IS NULL")
    return {household_id: fold_words(text) for household_id, text in conn.execute(
        f"SELECT h.id, {_joined('h', HOUSEHOLD_TEXT)} || ' ' || coalesce(({members}), '') "
        "FROM json_each(?) r CROSS JOIN households h ON h.id = r.value WHERE h.deleted_hlc IS NULL",
        (json.dumps(household_ids),))}


def _add_documents(conn: sqlite3.Connection, documents: list[tuple[str, str]]) -> None:
    """Insert documents `(household_id, doc)` of households that have none."""
    if not documents:
        return
    # New documents get rowids above every existing one (no rowid reaches the maximum), so they are inserted in
    # one executemany and handed to FTS5 in one statement: on a first sync that is every household, and two
    # statements per household were a large part of applying it.
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM search_doc").fetchone()[0]
    conn.executemany("INSERT INTO search_doc (household_id, doc) VALUES (?, ?)", documents)
    conn.execute("INSERT INTO household_fts (rowid, doc) SELECT id, doc FROM search_doc WHERE id >= ?", (first,))


def index_new_households(conn: sqlite3.Connection, texts: dict[str, list[str | None]]) -> None:
    """Index households new to this database from texts the caller already holds, in the caller's transaction:
    for each, its `HOUSEHOLD_TEXT` values then its members' `MEMBER_TEXT` values (None where empty).

    A first sync inserts every household of the ward with its members; building their documents from the rows
    it inserts, instead of reading them all back, saves a fifth of that apply. The caller makes sure none of
    these households had a document or members here before.
    """
    _add_documents(conn, [(household_id, fold_words(" ".join(filter(None, values))))
                          for household_id, values in texts.items()])


def reindex_households(conn: sqlite3.Connection, household_ids: Iterable[str]) -> None:
    """Bring the index entries of these households in line with the tables (in the caller's transaction).

    Only documents whose text changed are touched, each keeping its rowid: its old entry leaves the FTS5 table
    through the external-content `delete` command (which needs the old text, still in `search_doc`) and the new
    text goes in under the same rowid. Each step is one statement over a temporary table of the households, in
    rowid order: FTS5 writes its pending entries out as a new segment whenever a rowid is not above the last one,
    so removals in household order (as they were) cost a segment each, a third of merging a changeset of edits.
    """
    ids = sorted({i for i in household_ids if i})
    if not ids:
        return
    new_docs = _documents(conn, ids)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS reindex "
                 "(household_id TEXT PRIMARY KEY, doc TEXT, doc_id INTEGER, old_doc TEXT)")
    try:
        conn.executemany("INSERT INTO temp.reindex (household_id, doc) VALUES (?, ?)",
                         [(household_id, new_docs.get(household_id)) for household_id in ids])
        conn.execute("UPDATE temp.reindex SET (doc_id, old_doc) = "
                     "(SELECT s.id, s.doc FROM main.search_doc s WHERE s.household_id = reindex.household_id)")
        conn.execute("DELETE FROM temp.reindex WHERE doc IS old_doc")  # unchanged, or gone and never indexed
        conn.execute("INSERT INTO household_fts (household_fts, rowid, doc) "
                     "SELECT 'delete', doc_id, old_doc FROM temp.reindex WHERE doc_id IS NOT NULL ORDER BY doc_id")
        conn.execute("DELETE FROM main.search_doc WHERE id IN (SELECT doc_id FROM temp.reindex WHERE doc IS NULL)")
        conn.execute("UPDATE main.search_doc SET doc = r.doc FROM temp.reindex r "
                     "WHERE search_doc.id = r.doc_id AND r.doc IS NOT NULL")
        conn.execute("INSERT INTO household_fts (rowid, doc) SELECT doc_id, doc FROM temp.reindex "
                     "WHERE doc_id IS NOT NULL AND doc IS NOT NULL ORDER BY doc_id")
        _add_documents(conn, conn.execute(
            "SELECT household_id, doc FROM temp.reindex WHERE doc_id IS NULL AND doc IS NOT NULL").fetchall())
    finally:
        conn.execute("DELETE FROM temp.reindex")


def rebuild_search_index(conn: sqlite3.Connection) -> None:
    """Recompute every document from the tables (after a migration, or to repair)."""
    conn.execute("DELETE FROM search_doc")
    ids = [row[0] for row in conn.execute("SELECT id FROM households WHERE deleted_hlc IS NULL")]
    docs = _documents(conn, ids)
    conn.executemany("INSERT INTO search_doc (household_id, doc) VALUES (?, ?)", sorted(docs.items()))
    conn.execute("INSERT INTO household_fts(household_fts) VALUES ('rebuild')")


def match_expression(text: str) -> str | None:
    """FTS5 query for what the user typed: every folded word must match as a prefix. None if nothing to find."""
    tokens = _TOKEN.findall(fold(text))
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


def search_household_ids(conn: sqlite3.Connection, text: str, limit: int = 200) -> list[str]:
    """Ids of households whose address, phone or member names match `text`, best matches first.

    Ranking costs time in proportion to the number of matches, and the first letters typed match most of
    the ward, so matches are first fetched unranked up to `limit` + 1; only a result that fits in `limit` is
    ranked. A longer one comes back in index order and the UI asks the officer to keep typing.
    """
    expression = match_expression(text)
    if expression is None:
        return []
    rowids = [
        row[0]
        for row in conn.execute(
            "SELECT rowid FROM household_fts WHERE household_fts MATCH ? LIMIT ?", (expression, limit + 1)
        )
    ]
    if len(rowids) <= limit:
        rowids = [
            row[0]
            for row in conn.execute(
                "SELECT rowid FROM household_fts WHERE household_fts MATCH ? ORDER BY rank", (expression,)
            )
        ]
    else:
        rowids = rowids[:limit]
    if not rowids:
        return []
    marks = ",".join("?" * len(rowids))
    by_rowid = dict(conn.execute(f"SELECT id, household_id FROM search_doc WHERE id IN ({marks})", rowids))
    return [by_rowid[rowid] for rowid in rowids]
