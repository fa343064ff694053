"""The household full-text index: FTS5 over the folded address, phone and member names of each household.

`search_doc` holds one folded document per household and is the external content of the FTS5 table
`household_fts`, so the text is stored once. A document is the household's own text (its "head",
`HOUSEHOLD_TEXT`) then its members' (`MEMBER_TEXT`); `head_len` says where the head ends, so an edit of the
household's own fields rebuilds the document from its new head and the members' text already there, without
reading the members again. The write path calls `reindex_heads` or `reindex_households` in the same
transaction as the change, which keeps the index in step with the register.

Each document also carries its household's khu phố and vulnerability flags, each as one token, in a column of
their own (`tags`, see `household_tags`), so a search within a khu phố or among the households with a flag is one
full-text query: FTS5 intersects the tags' lists with the typed words' lists itself, instead of SQLite gathering
every household that holds the first letter typed (most of the ward) to test each against the filters.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from desktop.bulk import emptied_after, insert_rows
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.search.folding import fold, fold_words

# Words as the index (FTS5 unicode61) splits them: letters and digits; "_" and punctuation separate.
_TOKEN = re.compile(r"[^\W_]+")


# `columnsize=0`: FTS5 keeps no table of each document's length in words (`household_fts_docsize`), which only its
# `bm25` ranking reads and searches here never use (they rank by phrases, `rank_matches`). Every document replaced
# rewrote its row there too: without it, replacing a whole ward's documents (a merge of its edits) took a fifth less.
_FTS_OPTIONS = ("content='search_doc', content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='1 2 3', "
                "columnsize=0")


def create_search_index(conn: sqlite3.Connection) -> None:
    """The index as migration 2 made it (documents only); migration 11 adds `head_len`, 14 the khu phố, 15 makes
    that column the tags (khu phố and flags), 17 drops the documents' sizes. Each migration that makes the full-text
    table makes it with today's options; the later ones make it again, which changes nothing."""
    conn.execute(
        "CREATE TABLE search_doc (id INTEGER PRIMARY KEY, household_id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL)"
    )
    conn.execute(f"CREATE VIRTUAL TABLE household_fts USING fts5(doc, {_FTS_OPTIONS})")


def index_areas(conn: sqlite3.Connection) -> None:
    """Give every document its household's khu phố (`area_token`) and the full-text table its `area` column
    (migration 14). FTS5 cannot add a column: the table is made again and filled from the documents."""
    conn.execute("ALTER TABLE search_doc ADD COLUMN area TEXT NOT NULL DEFAULT ''")
    conn.execute("DROP TABLE household_fts")
    conn.execute(f"CREATE VIRTUAL TABLE household_fts USING fts5(doc, area, {_FTS_OPTIONS})")
    conn.executemany("UPDATE search_doc SET area = ? WHERE id = ?", [
        (area_token(area_id), doc_id) for doc_id, area_id in conn.execute(
            "SELECT s.id, h.area_id FROM search_doc s CROSS JOIN households h ON h.id = s.household_id")])
    conn.execute("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")


def index_tags(conn: sqlite3.Connection) -> None:
    """Make the khu phố's column of the documents their tags, the khu phố's token then one per flag the household
    carries (`household_tags`, migration 15); the full-text table is made again with the column's new name."""
    conn.execute("ALTER TABLE search_doc RENAME COLUMN area TO tags")
    conn.executemany("UPDATE search_doc SET tags = ? WHERE id = ?", [
        (household_tags(values), doc_id) for doc_id, *values in conn.execute(
            f"SELECT s.id, {', '.join(f'h.{name}' for name in HOUSEHOLD_TAGGED)} "
            "FROM search_doc s CROSS JOIN households h ON h.id = s.household_id")])
    remake_full_text_table(conn)


def remake_full_text_table(conn: sqlite3.Connection) -> None:
    """Make the full-text table again with today's options (`_FTS_OPTIONS`) over the documents as they are: FTS5
    cannot change a table's options or columns (migrations 15 and 17)."""
    conn.execute("DROP TABLE household_fts")
    conn.execute(f"CREATE VIRTUAL TABLE household_fts USING fts5(doc, tags, {_FTS_OPTIONS})")
    conn.execute("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")


# What marks a tag (a khu phố's or a flag's token): a private-use character, which FTS5 keeps inside a word
# (unicode61 counts the "Co" category as letters) but which what a user types never holds (`_TOKEN` splits words on
# it), so no typed word, whole or as a prefix, can match a tag; and queries name the `tags` column, so no name or
# address holding that character can pass for one.
_TAG_MARK = "\ue000"


def area_token(area_id: str | None) -> str:
    """The index's word for a khu phố ("" for none). A hash of the id, not the id: the token must be one word
    whatever characters an id holds (a "-" would split it), and of one short length whatever a laptop sends."""
    if not area_id:
        return ""
    return _TAG_MARK + hashlib.blake2b(area_id.encode(), digest_size=8).hexdigest()


def flag_token(flag: str) -> str:
    """The index's word for a flag (one of `HOUSEHOLD_FLAGS`): its name without the "_" that would split it, after
    "flag", so it is never a khu phố's token (those are hexadecimal)."""
    return _TAG_MARK + "flag" + flag.replace("_", "")


# The fields of a household its tags are made of: its khu phố, then its flags in `HOUSEHOLD_FLAGS`' order.
HOUSEHOLD_TAGGED = ("area_id", *(f"flag_{flag}" for flag in HOUSEHOLD_FLAGS))


def household_tags(values: Sequence[object]) -> str:
    """The tags of a household's document from its `HOUSEHOLD_TAGGED` values: its khu phố's token (none without
    one), then a token for each flag it carries (the write path stores a flag as 0 or 1)."""
    area_id, *flags = values
    tokens = [flag_token(flag) for flag, value in zip(HOUSEHOLD_FLAGS, flags, strict=True) if value == 1]
    if area_id:
        tokens.insert(0, area_token(str(area_id)))
    return " ".join(tokens)


# What a household's document holds: these fields of the household, then these of each member still living
# there (not moved out, not deleted), members in the order they were added. Both ways of building documents
# (from the tables, and from rows a first sync is inserting) follow these lists.
HOUSEHOLD_TEXT = ("code", "house_no", "street", "phone")
MEMBER_TEXT = ("full_name", "phone")
# The fields of a household whose change re-indexes it: its text and its tags.
HOUSEHOLD_INDEXED = (*HOUSEHOLD_TEXT, *HOUSEHOLD_TAGGED)


def _joined(alias: str, columns: tuple[str, ...]) -> str:
    return " || ' ' || ".join(f"coalesce({alias}.{column}, '')" for column in columns)


def fill_head_lengths(conn: sqlite3.Connection) -> None:
    """Fill in `search_doc.head_len` of the documents already there (the migration that adds the column).

    A document whose start is not its household's folded text (none should be) keeps NULL: the next change of
    that household rebuilds it whole from the tables.
    """
    lengths = []
    for doc_id, doc, text in conn.execute(
            f"SELECT s.id, s.doc, {_joined('h', HOUSEHOLD_TEXT)} FROM search_doc s "
            "CROSS JOIN households h ON h.id = s.household_id").fetchall():
        head = fold_words(text)
        if not head or doc == head or doc.startswith(head + " "):
            lengths.append((len(head), doc_id))
    conn.executemany("UPDATE search_doc SET head_len = ? WHERE id = ?", lengths)


def _document(head: str, members: str) -> str:
    """A document from its folded parts (neither has leading, trailing or double spaces)."""
    return f"{head} {members}" if head and members else head or members


Document = tuple[str, int, str]  # folded text, the length of its household part, its tags


def _documents(conn: sqlite3.Connection, household_ids: list[str]) -> dict[str, Document]:
    """Search documents of the given distinct alive households (deleted or missing ones are left out)."""
    # The ids go in as one JSON array read by json_each, not through a temporary table: filling and emptying
    # one cost more than the query on a first sync. CROSS JOIN keeps the id list as the outer loop: the cost
    # follows the households touched, not the size of the register. Members are joined in SQL in the order they
    # were added (their rowids, said explicitly: the index SQLite picks for the household's members may be
    # ordered by other columns), so Python handles one row per household. Empty values need no filtering:
    # `fold_words` drops the extra spaces they leave.
    members = (f"SELECT group_concat(member, ' ') FROM (SELECT {_joined('p', MEMBER_TEXT)} AS member "
               "FROM people p WHERE p.household_id = h.id AND p.deleted_hlc IS NULL AND p.moved_out_on IS NULL "
               "ORDER BY p.rowid)")
    documents: dict[str, Document] = {}
    for household_id, text, member_text, *tagged in conn.execute(
            f"SELECT h.id, {_joined('h', HOUSEHOLD_TEXT)}, ({members}), "
            f"{', '.join(f'h.{name}' for name in HOUSEHOLD_TAGGED)} "
            "FROM json_each(?) r CROSS JOIN households h ON h.id = r.value WHERE h.deleted_hlc IS NULL",
            (json.dumps(household_ids),)):
        head = fold_words(text)
        documents[household_id] = (_document(head, fold_words(member_text or "")), len(head), household_tags(tagged))
    return documents


# FTS5 merges its segments as it writes, as soon as `automerge` segments of one level exist (4 by default). A
# statement that replaces thousands of documents (a merge of a ward's edits, an import of updates) then spends a
# third of its time merging segments it has just written; with 16, the most FTS5 allows, the same replacement of
# 100k documents took 5.5 s instead of 8.6 s. It leaves more segments, which searches read until the writes after
# it merge them a step at a time (+10 % CPU over a set of searches on a 20k ward written that way), so it is kept
# for such replacements: a first sync, after which a new laptop is searched at once, indexes with the default.
MANY_DOCUMENTS = 1_000
_BULK_AUTOMERGE = 16


@contextmanager
def _merging_less(conn: sqlite3.Connection, documents: int) -> Iterator[None]:
    """While `documents` documents are replaced, FTS5 merges segments only when 16 of a level exist (see
    `MANY_DOCUMENTS`); the setting is put back after, in the caller's transaction. On an error it is not written
    back: the caller's transaction is rolled back, the setting with it, and a second write could only hide the
    first error (a full disk) behind its own."""
    if documents < MANY_DOCUMENTS:
        yield
        return
    row = conn.execute("SELECT v FROM household_fts_config WHERE k = 'automerge'").fetchone()
    conn.execute("INSERT INTO household_fts (household_fts, rank) VALUES ('automerge', ?)", (_BULK_AUTOMERGE,))
    yield
    conn.execute("INSERT INTO household_fts (household_fts, rank) VALUES ('automerge', ?)",
                 (4 if row is None else row[0],))  # never set: FTS5's default


def _add_documents(conn: sqlite3.Connection, documents: list[tuple[str, str, int, str]]) -> None:
    """Insert documents `(household_id, doc, head_len, tags)` of households that have none."""
    if not documents:
        return
    # New documents get rowids above every existing one (no rowid reaches the maximum), so they are inserted in
    # one statement and handed to FTS5 in one statement: on a first sync that is every household, and two
    # statements per household were a large part of applying it.
    first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM search_doc").fetchone()[0]
    insert_rows(conn, "INSERT INTO search_doc (household_id, doc, head_len, tags)", documents)
    conn.execute("INSERT INTO household_fts (rowid, doc, tags) SELECT id, doc, tags FROM search_doc WHERE id >= ?",
                 (first,))


Texts = tuple[list[str | None], list[str | None], list[object]]


def index_new_households(conn: sqlite3.Connection, texts: dict[str, Texts]) -> None:
    """Index households new to this database from texts the caller already holds, in the caller's transaction:
    for each, its `HOUSEHOLD_TEXT` values, its members' `MEMBER_TEXT` values (None where empty) and its
    `HOUSEHOLD_TAGGED` values.

    A first sync inserts every household of the ward with its members; building their documents from the rows
    it inserts, instead of reading them all back, saves a fifth of that apply. The caller makes sure none of
    these households had a document or members here before.
    """
    documents = []
    for household_id, (own, members, tagged) in texts.items():
        head = fold_words(" ".join(filter(None, own)))
        documents.append((household_id, _document(head, fold_words(" ".join(filter(None, members)))), len(head),
                          household_tags(tagged)))
    _add_documents(conn, documents)


def reindex_households(conn: sqlite3.Connection, household_ids: Iterable[str]) -> None:
    """Bring the index entries of these households in line with the tables (in the caller's transaction).

    For changes that may alter a household's members' text (or its life); `reindex_heads` is the cheaper way
    for edits of the household's own fields. Only documents whose text or tags changed are touched
    (`_replace`).
    """
    ids = sorted({i for i in household_ids if i})
    if not ids:
        return
    new_docs = _documents(conn, ids)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS reindex (household_id TEXT PRIMARY KEY, doc TEXT, "
                 "head_len INTEGER, tags TEXT, doc_id INTEGER, old_doc TEXT, old_head_len INTEGER, old_tags TEXT)")
    with emptied_after(conn, "reindex"):
        insert_rows(conn, "INSERT INTO temp.reindex (household_id, doc, head_len, tags)",
                    [(household_id, *new_docs.get(household_id, (None, None, None))) for household_id in ids])
        conn.execute("UPDATE temp.reindex SET (doc_id, old_doc, old_head_len, old_tags) = "
                     "(SELECT s.id, s.doc, s.head_len, s.tags FROM main.search_doc s "
                     "WHERE s.household_id = reindex.household_id)")
        conn.execute("UPDATE main.search_doc SET head_len = r.head_len FROM temp.reindex r WHERE "
                     "search_doc.id = r.doc_id AND r.doc IS r.old_doc AND r.tags IS r.old_tags "
                     "AND r.head_len IS NOT r.old_head_len")
        # Unchanged, or gone and never indexed:
        conn.execute("DELETE FROM temp.reindex WHERE doc IS old_doc AND tags IS old_tags")
        conn.execute("INSERT INTO household_fts (household_fts, rowid, doc, tags) "
                     "SELECT 'delete', doc_id, old_doc, old_tags "
                     "FROM temp.reindex WHERE doc_id IS NOT NULL AND doc IS NULL ORDER BY doc_id")
        conn.execute("DELETE FROM main.search_doc WHERE id IN "
                     "(SELECT doc_id FROM temp.reindex WHERE doc IS NULL)")
        _prepare(conn)
        replaced = conn.execute(
            "INSERT INTO temp.reindex_docs (doc_id, doc, head_len, tags, old_doc, old_tags) "
            "SELECT doc_id, doc, head_len, tags, old_doc, old_tags "
            "FROM temp.reindex WHERE doc_id IS NOT NULL AND doc IS NOT NULL").rowcount
        _replace(conn, replaced)
        _add_documents(conn, conn.execute("SELECT household_id, doc, head_len, tags FROM temp.reindex "
                                          "WHERE doc_id IS NULL AND doc IS NOT NULL").fetchall())


def _prepare(conn: sqlite3.Connection) -> None:
    """`temp.reindex_docs`: new documents `(doc_id, doc, head_len, tags, old_doc, old_tags)` of documents
    that exist, each with the text and tags it replaces, for `_replace`."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS reindex_docs (doc_id INTEGER PRIMARY KEY, doc TEXT NOT NULL, "
                 "head_len INTEGER, tags TEXT NOT NULL, old_doc TEXT NOT NULL, old_tags TEXT NOT NULL)")


def _replace(conn: sqlite3.Connection, count: int) -> None:
    """Give the `count` documents of `temp.reindex_docs` their new text, each keeping its rowid, then empty it.

    Each document's old entry leaves the FTS5 table through the external-content `delete` command (which needs
    the old text: the caller read it already and gives it here) and its new text goes in under the same rowid just
    after, all in one statement in rowid order. FTS5 writes its pending entries out as a new segment whenever a
    rowid is not above the last one, except an insert right after the delete of the same rowid; and a word in both
    the old and the new text (a member's name, the household's code) then makes one entry, not a delete marker and
    an entry. Removing every old text first and inserting the new ones after (as this once did) wrote both in full,
    and removals in household order (as they were before that) cost a segment each.

    The documents' rows are rewritten first, while their pages are still in the cache from the caller's read:
    after the index's statement, which fills the cache with its segments, the same update re-read them (and on an
    encrypted register decrypted them again): 2.6 s instead of 0.7 s for 100k households.
    """
    with emptied_after(conn, "reindex_docs"):
        # Driven by the changed documents' rowids: as a join (UPDATE … FROM) SQLite scanned every document of
        # the register to find them, which cost twice as much when a fifth of the ward changed.
        conn.execute("UPDATE main.search_doc SET (doc, head_len, tags) = (SELECT r.doc, r.head_len, r.tags "
                     "FROM temp.reindex_docs r WHERE r.doc_id = search_doc.id) "
                     "WHERE id IN (SELECT doc_id FROM temp.reindex_docs)")
        with _merging_less(conn, count):
            conn.execute("INSERT INTO household_fts (household_fts, rowid, doc, tags) SELECT command, id, doc, tags "
                         "FROM (SELECT 'delete' AS command, doc_id AS id, old_doc AS doc, old_tags AS tags, 0 AS step "
                         "FROM temp.reindex_docs UNION ALL SELECT NULL, doc_id, doc, tags, 1 FROM temp.reindex_docs) "
                         "ORDER BY id, step")


def reindex_heads(conn: sqlite3.Connection, household_ids: Iterable[str]) -> None:
    """Re-index households whose own fields (`HOUSEHOLD_INDEXED`) may have changed but whose members' text did
    not (in the caller's transaction): each new document is the household's new head and the members' part of its
    document as it is, so the members are not read again; only documents whose text or tags changed are
    touched.

    The cheap way for the bulk of a merge of edits or an import of updates, where folding and reading the members'
    names back was the larger part of re-indexing. Households without a usable document here (none yet, deleted,
    or a head length unknown) go the whole way (`reindex_households`).
    """
    ids = sorted({i for i in household_ids if i})
    if not ids:
        return
    folded: dict[str, str] = {}  # each distinct value folded once: streets and names of places repeat a lot

    def fold_value(value: str | None) -> str:
        if not value:
            return ""
        if value.isascii():  # codes, phones, house numbers: mostly distinct, and only lower-cased by folding
            return " ".join(value.lower().split())
        result = folded.get(value)
        if result is None:
            result = folded[value] = fold_words(value)
        return result

    # Each distinct khu phố and set of flags made into tags once: a ward has a few dozen, and making them for every
    # household was a tenth of re-indexing a whole ward's edits.
    tags_of: dict[tuple[object, int], str] = {}
    found: set[str] = set()
    changed: list[tuple[int, str, int, str, str, str]] = []
    wanted = set(ids)
    for doc_id, household_id, doc, head_len, old_tags, area_id, flags, *texts in _heads(conn, ids):
        if household_id not in wanted:
            continue
        found.add(household_id)
        head = " ".join(filter(None, map(fold_value, texts)))
        tags = tags_of.get((area_id, flags))
        if tags is None:
            tags = tags_of[area_id, flags] = household_tags(
                (area_id, *(flags >> bit & 1 for bit in range(len(HOUSEHOLD_FLAGS)))))
        members = doc[head_len:].lstrip(" ")
        new_doc = f"{head} {members}" if head and members else head or members
        if new_doc != doc or tags != old_tags:
            changed.append((doc_id, new_doc, len(head), tags, doc, old_tags))
    if changed:
        _prepare(conn)
        # Straight into the temporary table: staging (`desktop.bulk`) only pays off for the register's own tables.
        conn.executemany("INSERT INTO temp.reindex_docs (doc_id, doc, head_len, tags, old_doc, old_tags) "
                         "VALUES (?, ?, ?, ?, ?, ?)", changed)
        _replace(conn, len(changed))
    if len(found) < len(ids):
        reindex_households(conn, [household_id for household_id in ids if household_id not in found])


# A household's flags as one number (bit i set when the i-th of `HOUSEHOLD_FLAGS` is 1, as `household_tags` reads
# them): each column read is a Python object per household, and re-indexing a whole ward reads every household.
_FLAG_BITS = " | ".join(f"((h.flag_{flag} IS 1) << {bit})" for bit, flag in enumerate(HOUSEHOLD_FLAGS))
_HEAD_COLUMNS = (f"s.id, h.id, s.doc, s.head_len, s.tags, h.area_id, {_FLAG_BITS}, "
                 f"{', '.join(f'h.{name}' for name in HOUSEHOLD_TEXT)}")


def _heads(conn: sqlite3.Connection, ids: list[str]) -> sqlite3.Cursor:
    """For `reindex_heads`: each document's rowid, household id, text, head length and tags, with its household's
    khu phố, flags (`_FLAG_BITS`) and `HOUSEHOLD_TEXT` values, for the households `ids` (and, when they are most of
    the ward, others too: the caller skips them).

    Looking up a household and its document costs four index searches; when most households are asked for (a
    merge of a whole ward's edits, an import of updates), reading every household in its table's order and its
    document by one search costs less: 0.28 s instead of 0.45 s for 100k households. The ward's documents are
    counted only for a set that large: counting reads a whole index (75 ms on a cold 100k register), which a
    save of one household must not pay."""
    alive = "h.deleted_hlc IS NULL AND s.head_len IS NOT NULL"
    if len(ids) >= MANY_DOCUMENTS and \
            2 * len(ids) >= conn.execute("SELECT count(*) FROM main.search_doc").fetchone()[0]:
        return conn.execute(f"SELECT {_HEAD_COLUMNS} FROM main.households h CROSS JOIN main.search_doc s "
                            f"ON s.household_id = h.id WHERE {alive}")
    return conn.execute(f"SELECT {_HEAD_COLUMNS} FROM json_each(?) r CROSS JOIN main.search_doc s "
                        f"ON s.household_id = r.value CROSS JOIN main.households h ON h.id = r.value WHERE {alive}",
                        (json.dumps(ids),))


def rebuild_search_index(conn: sqlite3.Connection) -> None:
    """Recompute every document from the tables (after a migration, or to repair)."""
    conn.execute("DELETE FROM search_doc")
    ids = [row[0] for row in conn.execute("SELECT id FROM households WHERE deleted_hlc IS NULL")]
    docs = _documents(conn, ids)
    # Migration 2 rebuilds the index before later ones add `head_len` (11) and the tags (14, 15).
    columns = {row[1] for row in conn.execute("PRAGMA table_info(search_doc)")}
    parts = [(name, at) for at, name in enumerate(("doc", "head_len", "tags")) if name in columns]
    insert_rows(conn, f"INSERT INTO search_doc (household_id, {', '.join(name for name, _ in parts)})",
                [(household_id, *(document[at] for _, at in parts)) for household_id, document in sorted(docs.items())])
    conn.execute("INSERT INTO household_fts(household_fts) VALUES ('rebuild')")


def match_expression(text: str) -> str | None:
    """FTS5 query for what the user typed: every folded word must match as a prefix. None if nothing to find."""
    tokens = _TOKEN.findall(fold(text))
    if not tokens:
        return None
    return " ".join(f'"{token}"*' for token in tokens)


@dataclass(frozen=True)
class RankedQuery:
    """What the user typed as FTS5 queries: `matches` finds every household that matches at all (each folded
    word a prefix of some word, in any order); `tiers` find those matches in groups, best first, each group the
    matches of its tier that no earlier tier found:

    0. the typed words whole and in that order: a folded full name or address typed out ("dang thi hoa"
       finds Đặng Thị Hòa before Đặng Thị Hoài), or a run of words inside one;
    1. the typed words in that order, the last one a prefix ("dang thi ho");
    2. the rest: every word a prefix, in any order ("hoa dang").

    Within a tier the household whose search document was written last comes first: the one just registered
    or corrected is the one most often looked for next. This is one total order, the same whatever the number
    of rows asked for, used by the household list, the visit form's picker and `wardbook search`.
    """

    words: tuple[str, ...]
    matches: str
    tiers: tuple[str, ...]

    def tagged(self, area_id: str | None, flags: Sequence[str]) -> RankedQuery:
        """The same query limited to the households of a khu phố (an unknown khu phố: none; None: any) that carry
        each of `flags` (names of `HOUSEHOLD_FLAGS`)."""
        tokens = [area_token(area_id)] if area_id else []
        tokens += [flag_token(flag) for flag in flags]
        if not tokens:
            return self
        tags = "".join(f'tags : "{token}" AND ' for token in tokens)
        return RankedQuery(self.words, f"{tags}({self.matches})", tuple(f"{tags}({tier})" for tier in self.tiers))


def ranked_query(text: str) -> RankedQuery | None:
    """The FTS5 queries of `text` (see `RankedQuery`); None when it holds no word to look for."""
    tokens = _TOKEN.findall(fold(text))
    if not tokens:
        return None
    every = " ".join(f'"{token}"*' for token in tokens)
    exact, prefix = f'"{" ".join(tokens)}"', f'"{" ".join(tokens)}"*'
    # Each tier holds the earlier ones: the rows an earlier tier gave are skipped as they come (`_tier_rowids`),
    # which cost less than FTS5 evaluating the earlier tier's phrase again for a NOT (a third of the slowest
    # keystrokes, the words of a common full name, on a 50k ward).
    tiers = [exact, prefix]
    if len(tokens) > 1:  # one word typed: its prefix phrase is already every match
        tiers.append(every)
    return RankedQuery(tuple(tokens), every, tuple(tiers))


def _tier_rowids(conn: sqlite3.Connection, query: RankedQuery, limit: int | None,
                 among: set[int] | None = None) -> list[int]:
    """Rowids of `search_doc` in ranked order, the first `limit` (all with None), only those `among` a set when
    one is given: each tier is read from the index in rowid order, the rows of earlier tiers skipped, and stops as
    soon as enough rows are found, so the first letters typed (which match most of the ward) cost no more than a
    rare name. With a limit, a later tier is read only when the earlier ones gave fewer rows than it, so the rows
    it skips are fewer than the limit too; without one (every match, ranked) each tier is read whole."""
    rowids: list[int] = []
    found: set[int] = set()
    for tier in query.tiers:
        if len(rowids) == limit:
            break
        for (rowid,) in conn.execute(
                "SELECT rowid FROM household_fts WHERE household_fts MATCH ? ORDER BY rowid DESC", (tier,)):
            if rowid in found or (among is not None and rowid not in among):
                continue
            found.add(rowid)
            rowids.append(rowid)
            if len(rowids) == limit:
                break
    return rowids


def _household_ids(conn: sqlite3.Connection, rowids: list[int]) -> list[str]:
    by_rowid: dict[int, str] = {}
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        by_rowid.update(conn.execute(f"SELECT id, household_id FROM search_doc WHERE id IN ({marks})", chunk))
    return [by_rowid[rowid] for rowid in rowids]


def ranked_household_ids(conn: sqlite3.Connection, query: RankedQuery, limit: int | None,
                         among: set[int] | None = None) -> list[str]:
    """Ids of the households matching `query`, best first (`RankedQuery`), the first `limit`; only those whose
    documents' rowids are `among` a set when one is given (matches that passed filters the index does not hold)."""
    return _household_ids(conn, _tier_rowids(conn, query, limit, among))


def search_household_ids(conn: sqlite3.Connection, text: str, limit: int | None = 200) -> list[str]:
    """Ids of households whose address, phone or member names match `text`, best first (`RankedQuery`)."""
    query = ranked_query(text)
    if query is None:
        return []
    return ranked_household_ids(conn, query, limit)


def count_matches(conn: sqlite3.Connection, text: str) -> int:
    """How many households match `text` at all (what a capped list says it shows a part of)."""
    query = ranked_query(text)
    if query is None:
        return 0
    return int(conn.execute(
        "SELECT count(*) FROM household_fts WHERE household_fts MATCH ?", (query.matches,)).fetchone()[0])


def rank_matches(query: RankedQuery, rows: list[tuple[int, str, str]], limit: int | None) -> list[str]:
    """Household ids of `rows` — (search_doc rowid, household id, doc), each a match of `query` that passed
    other filters — in the order of `search_household_ids`, the first `limit`.

    Used when the match set was narrowed by filters in SQL. Each row's tier is read from its own document,
    split into words as the index splits it, so the cost follows the rows kept, not how many households hold
    the typed words (reading the index's phrase matches whole cost more for a common name)."""
    phrase = " ".join(query.words)
    whole, start = f" {phrase} ", f" {phrase}"

    def order(row: tuple[int, str, str]) -> tuple[int, int]:
        words = " " + " ".join(_TOKEN.findall(row[2])) + " "
        return (0 if whole in words else 1 if start in words else 2, -row[0])

    return [household_id for _rowid, household_id, _doc in sorted(rows, key=order)[:limit]]
