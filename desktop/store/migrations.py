"""Numbered schema migrations, tracked by SQLite's `user_version`.

Each migration takes the database from version N-1 to N inside one transaction; a database made by any older
version of the app is brought up to date when it is opened. Never edit a migration that has shipped: add one.

Synced tables carry no FOREIGN KEY constraints on purpose: rows from different laptops arrive in any order
through sync (a person may arrive before the household another laptop created), so references between synced
rows are checked by the core's validation, not by SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from desktop.store.connection import DATABASE_ERRORS
from desktop.store.tables import SYNCED

if TYPE_CHECKING:
    import sqlite_utils  # the migrations get a `Store.db`, which imports sqlite-utils only when one runs

_SQL_TYPES: dict[type, type] = {str: str, int: int, float: float}


V1_TABLES = ("areas", "households", "people", "visits", "support_items", "activities", "cases", "case_events",
             "commendations", "users")


# Fields of a synced table that a later migration adds to it (ALTER TABLE): the migration creating the table
# leaves them out, so every database goes through the same steps whichever version it started from.
ADDED_LATER = frozenset({
    ("cases", "tip_status"), ("cases", "mediation_result"), ("case_events", "new_outcome"),
})


def _create_synced_tables(db: sqlite_utils.Database, names: tuple[str, ...]) -> None:
    """Create synced tables from their spec; each migration names the tables it introduces."""
    for spec in (SYNCED[name] for name in names):
        columns: dict[str, type] = {
            "id": str,
            "created_at": str,
            "updated_at": str,
            "deleted_hlc": int,
        }
        columns.update({name: _SQL_TYPES[kind] for name, kind in spec.fields.items()
                        if (spec.name, name) not in ADDED_LATER})
        # create_table_sql only builds the statement: sqlite-utils' create() would commit our transaction.
        db.execute(db.create_table_sql(spec.name, columns, pk="id", not_null={"created_at", "updated_at"}))


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run `;`-separated DDL inside the caller's transaction.

    `sqlite3.Connection.executescript` commits any open transaction first, which would break a migration's
    all-or-nothing promise, so statements are run one by one.
    """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _create_bookkeeping(db: sqlite_utils.Database) -> None:
    run_script(
        db,
        """
        CREATE TABLE device (
            one INTEGER PRIMARY KEY CHECK (one = 1),
            device_id TEXT NOT NULL,
            hlc_last INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        );
        CREATE TABLE field_clock (
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            hlc INTEGER NOT NULL,
            device_id TEXT NOT NULL,
            PRIMARY KEY (tbl, row_id, field)
        ) WITHOUT ROWID;
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
            hlc INTEGER NOT NULL,
            fields TEXT NOT NULL,
            published_seq INTEGER
        );
        CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_seq IS NULL;
        CREATE TABLE applied (
            device_id TEXT PRIMARY KEY,
            last_seq INTEGER NOT NULL,
            last_hash TEXT,
            applied_at TEXT NOT NULL
        );
        CREATE TABLE sync_errors (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            device_id TEXT,
            seq INTEGER,
            kind TEXT NOT NULL,
            detail TEXT
        );
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            field TEXT NOT NULL,
            kept_value TEXT,
            kept_hlc INTEGER,
            kept_device TEXT,
            lost_value TEXT,
            lost_hlc INTEGER,
            lost_device TEXT,
            detected_at TEXT NOT NULL,
            resolved_at TEXT
        );
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
        """
    )


def _v1_register(db: sqlite_utils.Database) -> None:
    """The register, visits, cases and activities, plus sync bookkeeping."""
    _create_synced_tables(db, V1_TABLES)
    _create_bookkeeping(db)


def _v2_indexes_and_search(db: sqlite_utils.Database) -> None:
    """Indexes for the lists, and the accent-folded full-text index of households (backfilled)."""
    from desktop.search.index import create_search_index, rebuild_search_index

    run_script(
        db,
        """
        CREATE INDEX households_area ON households (area_id);
        CREATE INDEX households_address ON households (street, house_no);
        CREATE INDEX people_household ON people (household_id);
        CREATE INDEX visits_household ON visits (household_id, visited_at);
        CREATE INDEX visits_visited_at ON visits (visited_at);
        CREATE INDEX visits_follow_up ON visits (follow_up_due) WHERE follow_up_done_at IS NULL;
        CREATE INDEX support_items_visit ON support_items (visit_id);
        CREATE INDEX cases_status ON cases (status, due_on);
        CREATE INDEX case_events_case ON case_events (case_id, at);
        CREATE INDEX activities_held_on ON activities (held_on);
        """
    )
    create_search_index(db.conn)
    rebuild_search_index(db.conn)


def _v3_audit_and_logins(db: sqlite_utils.Database) -> None:
    """The hash-chained audit log (synced, so the station sees who did what) and local login attempts.

    Shipped: the audit log's columns are frozen here as they were then; v4 adds the newer ones.
    """
    columns: dict[str, type] = {"id": str, "created_at": str, "updated_at": str, "deleted_hlc": int,
                                "device_id": str, "seq": int, "at": str, "user_id": str, "action": str,
                                "target": str, "prev_hash": str, "hash": str}
    db.execute(db.create_table_sql("audit_log", columns, pk="id", not_null={"created_at", "updated_at"}))
    run_script(
        db,
        """
        CREATE INDEX audit_log_chain ON audit_log (device_id, seq);
        CREATE UNIQUE INDEX users_username ON users (username) WHERE deleted_hlc IS NULL;
        CREATE TABLE login_attempts (
            username TEXT PRIMARY KEY,
            failures INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT
        )
        """,
    )


def _v4_security(db: sqlite_utils.Database) -> None:
    """Audit entries that name their user, target and detail; the local head of this device's chain; login
    failures with their time; usernames no longer UNIQUE.

    The username index must not be UNIQUE: two laptops offline may each create "lan", and the second must
    arrive through sync (and be reported by `add_user` / the users list), not make the merge fail. The head of
    the chain starts at this device's newest entry, so removing entries written before v4 is caught too.
    """
    for name in ("username", "target_table", "target_id", "detail"):
        db.execute(f"ALTER TABLE audit_log ADD COLUMN {name} TEXT")
    run_script(
        db,
        """
        DROP INDEX users_username;
        CREATE INDEX users_username ON users (username);
        CREATE INDEX audit_log_target ON audit_log (target_table, target_id);
        DROP TABLE login_attempts;
        CREATE TABLE login_failures (
            username TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            last_failure_at TEXT NOT NULL,
            locked_until TEXT
        );
        CREATE TABLE audit_head (
            device_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL
        );
        INSERT INTO audit_head (device_id, seq, hash)
            SELECT a.device_id, a.seq, a.hash FROM audit_log a JOIN device d ON d.device_id = a.device_id
            ORDER BY a.seq DESC LIMIT 1
        """,
    )



def _v5_creation_stamps_in_rows(db: sqlite_utils.Database) -> None:
    """Each synced row carries its creation stamp (`created_hlc`, `created_device`) instead of a `*` row in
    `field_clock`; the version vector is kept in a table of its own instead of computed from `field_clock`.

    Why: a first sync inserts thousands of rows, and a second table row for each (a wide key of table, id and
    field) cost about a fifth of applying them; two columns in the row cost little. Publishing read the
    version vector as MAX(hlc) over all of `field_clock`, a scan growing with the ward; it is now kept as
    changesets are applied. It starts as what that scan gave, taken before the `*` rows leave. `applied` also
    keeps each device's clock offset as last estimated (see `desktop.sync.apply`), and sync errors get resolved
    (`desktop.sync.errors`).
    """
    run_script(
        db,
        """
        CREATE TABLE version_vector (
            device_id TEXT PRIMARY KEY,
            hlc INTEGER NOT NULL
        );
        INSERT INTO version_vector (device_id, hlc) SELECT device_id, MAX(hlc) FROM field_clock GROUP BY device_id;
        ALTER TABLE applied ADD COLUMN clock_offset_ms INTEGER;
        ALTER TABLE sync_errors ADD COLUMN resolved_at TEXT
        """,
    )
    for table in (*V1_TABLES, "audit_log"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN created_hlc INTEGER")
        db.execute(f"ALTER TABLE {table} ADD COLUMN created_device TEXT")
        db.execute(
            f"UPDATE {table} SET created_hlc = c.hlc, created_device = c.device_id FROM field_clock c "
            f"WHERE c.tbl = '{table}' AND c.row_id = {table}.id AND c.field = '*'"
        )
    db.execute("DELETE FROM field_clock WHERE field = '*'")


def _v6_refused_changes_and_signed_audit_heads(db: sqlite_utils.Database) -> None:
    """Changes another laptop was not allowed to make are kept, not applied (`refused_changes`: who, what, when,
    why — for the admin to see); the newest signed head of each device's audit chain is kept beside the chain
    (`audit_signed_heads`), so `audit verify` can tell a chain rewritten by someone holding only the database
    key; each changeset this laptop published is remembered by hash and header (`published_files`), so it
    can see its own file damaged or lost on the share and write it again. All are this laptop's own
    bookkeeping: not synced."""
    run_script(
        db,
        """
        CREATE TABLE refused_changes (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            device_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            user_id TEXT,
            username TEXT,
            role TEXT,
            tbl TEXT NOT NULL,
            row_id TEXT NOT NULL,
            op TEXT NOT NULL,
            hlc INTEGER,
            fields TEXT NOT NULL,
            reason TEXT NOT NULL
        );
        CREATE INDEX refused_changes_device ON refused_changes (device_id, seq);
        CREATE TABLE audit_signed_heads (
            device_id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,
            hash TEXT NOT NULL,
            signature TEXT NOT NULL
        );
        CREATE TABLE published_files (
            seq INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL,
            header TEXT NOT NULL
        )
        """,
    )


def _v7_outcomes(db: sqlite_utils.Database) -> None:
    """What the ward's work achieved, beyond counts: a tip's status and a mediation's result on the case (and on
    the event that set them, so a review can tell the outcome as of its cut-off day); the reintegration register
    (people under reintegration support after a sentence); community models (mô hình) as records of their own.

    The new tables' columns are written out here, as they ship: a later field is added by a later migration."""
    for table, column in (("cases", "tip_status"), ("cases", "mediation_result"), ("case_events", "new_outcome")):
        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} TEXT")
    stamps = "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_hlc INTEGER, created_hlc INTEGER, " \
             "created_device TEXT"
    run_script(
        db,
        f"""
        CREATE TABLE reintegration (
            id TEXT PRIMARY KEY, {stamps},
            person_id TEXT, started_on TEXT, ended_on TEXT, officer_id TEXT, notes TEXT
        );
        CREATE INDEX reintegration_person ON reintegration (person_id);
        CREATE INDEX reintegration_started ON reintegration (started_on);
        CREATE TABLE community_models (
            id TEXT PRIMARY KEY, {stamps},
            name TEXT, kind TEXT, area_id TEXT, members INTEGER, status TEXT, recognised_on TEXT, stopped_on TEXT,
            notes TEXT
        );
        CREATE INDEX community_models_area ON community_models (area_id)
        """,
    )


def _v8_campaigns(db: sqlite_utils.Database) -> None:
    """Door-to-door sweeps (`desktop.campaigns`): a campaign, its questions, the officer assigned to each area, and
    each household's status and answers. Columns are written out here, frozen as shipped."""
    meta = "id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_hlc INTEGER, " \
           "created_hlc INTEGER, created_device TEXT"
    run_script(
        db,
        f"""
        CREATE TABLE campaigns ({meta}, name TEXT, purpose TEXT, starts_on TEXT, ends_on TEXT,
            target_area_ids TEXT, target_flag TEXT, status TEXT, narrative TEXT);
        CREATE TABLE campaign_questions ({meta}, campaign_id TEXT, position INTEGER, code TEXT, label TEXT,
            kind TEXT, choices TEXT, unit TEXT, low FLOAT, high FLOAT, required INTEGER, help TEXT, retired INTEGER);
        CREATE TABLE campaign_assignments ({meta}, campaign_id TEXT, area_id TEXT, officer_id TEXT);
        CREATE TABLE campaign_results ({meta}, campaign_id TEXT, household_id TEXT, officer_id TEXT, status TEXT,
            attempts INTEGER, last_on TEXT, note TEXT);
        CREATE TABLE campaign_answers ({meta}, campaign_id TEXT, household_id TEXT, question_id TEXT,
            officer_id TEXT, value TEXT, answered_on TEXT);
        CREATE INDEX campaign_questions_campaign ON campaign_questions (campaign_id, position);
        CREATE INDEX campaign_assignments_campaign ON campaign_assignments (campaign_id, area_id);
        CREATE INDEX campaign_results_campaign ON campaign_results (campaign_id, household_id);
        CREATE INDEX campaign_answers_campaign ON campaign_answers (campaign_id, household_id);
        CREATE INDEX campaign_answers_question ON campaign_answers (question_id)
        """,
    )


def _v9_review_notes(db: sqlite_utils.Database) -> None:
    """A review's narrative (`review_notes`: the team lead's own words per period, area and section), synced
    like any record, with the creation stamp every synced row carries. Columns are written out, as shipped."""
    run_script(
        db,
        """
        CREATE TABLE review_notes (
            id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_hlc INTEGER,
            period TEXT, area_id TEXT, section TEXT, text TEXT, created_hlc INTEGER, created_device TEXT
        );
        CREATE INDEX review_notes_period ON review_notes (period, section)
        """,
    )


def _v10_review_indexes(db: sqlite_utils.Database) -> None:
    """Covering indexes for the periodic review's figures (`desktop.reports.figures`): each of its passes over
    the visits (per household up to the cut-off, and over the period's days), over the support given and over
    the members reads one index alone instead of seeking every row; the partial index finds the few voided
    visits; the heads' names of the households listed are read without the members' rows.

    The indexes of version 2 that are a leading part of a new one go: every query they served is served by the
    wider one, and each write keeps one index fewer up to date (a ward's import and first sync write many)."""
    run_script(
        db,
        """
        CREATE INDEX visits_review_household ON visits (household_id, visited_at, deleted_hlc, voided,
            follow_up_due, follow_up_done_at, officer_id);
        CREATE INDEX visits_review_period ON visits (visited_at, household_id, officer_id, outcome, purposes,
            deleted_hlc, voided, follow_up_due, follow_up_done_at, id);
        CREATE INDEX visits_review_voided ON visits (voided) WHERE voided IS NOT 0;
        CREATE INDEX support_items_review ON support_items (visit_id, deleted_hlc, kind, unit, quantity, value_vnd);
        CREATE INDEX people_review ON people (household_id, moved_in_on, moved_out_on, deleted_hlc, created_hlc);
        CREATE INDEX people_names ON people (id, full_name);
        DROP INDEX visits_household;
        DROP INDEX visits_visited_at;
        DROP INDEX support_items_visit;
        DROP INDEX people_household
        """,
    )


def _v12_community_model_counts(db: sqlite_utils.Database) -> None:
    """Each community model's member count with the day it was counted (`community_model_counts`), so a review
    printed again shows the count of its cut-off day rather than today's. A synced table: a laptop on the
    previous version keeps its rows in the changeset files only. Columns are written out, as shipped."""
    run_script(
        db,
        """
        CREATE TABLE community_model_counts (
            id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_hlc INTEGER,
            created_hlc INTEGER, created_device TEXT, model_id TEXT, counted_on TEXT, members INTEGER
        );
        CREATE INDEX community_model_counts_model ON community_model_counts (model_id, counted_on)
        """,
    )


def _v11_search_document_heads(db: sqlite_utils.Database) -> None:
    """Where each search document's household part ends (`search_doc.head_len`), filled in for the documents
    there: an edit of a household's own fields then rebuilds its document without reading its members again."""
    from desktop.search.index import fill_head_lengths

    db.execute("ALTER TABLE search_doc ADD COLUMN head_len INTEGER")
    fill_head_lengths(db.conn)


def _v13_households_by_area(db: sqlite_utils.Database) -> None:
    """The alive households of a khu phố read from an index alone (`households_by_area`): the household list's
    search within a khu phố tests each of them against the matches, and reading every household's row for its
    deletion stamp was most of a keystroke on an encrypted register (a page decrypted per household). It
    replaces `households_area`, a leading part of it, which every query it served is served by."""
    run_script(
        db,
        """
        CREATE INDEX households_by_area ON households (area_id, deleted_hlc, id);
        DROP INDEX households_area
        """,
    )


def _v14_search_by_area(db: sqlite_utils.Database) -> None:
    """Each search document carries its household's khu phố as a word of its own (`desktop.search.index`): a
    search within a khu phố becomes one full-text query, where the first letters typed made SQLite gather most of
    the ward's households to test the khu phố's against them (25 ms a keystroke on an encrypted 50k ward)."""
    from desktop.search.index import index_areas

    index_areas(db.conn)


def _v15_search_tags(db: sqlite_utils.Database) -> None:
    """The khu phố's word of each search document becomes its tags, with a word for each vulnerability flag the
    household carries (`desktop.search.index`): a search among the households with a flag becomes one full-text
    query too, where SQLite tested each flagged household against most of the ward's matches (130 ms a keystroke on
    an encrypted 50k ward)."""
    from desktop.search.index import index_tags

    index_tags(db.conn)


def _v16_open_follow_ups(db: sqlite_utils.Database) -> None:
    """The open follow-ups by due day, with their household, in an index of their own that answers "which
    households have a follow-up overdue" alone (`desktop.store.queries`): the household list's overdue filter
    tested each household, or each match of a search, against its visits (200 ms a keystroke on an encrypted 50k
    ward). Partial, so it holds only the open ones: a few pages, cheap to keep up to date on every visit written.
    Its condition is `queries.open_follow_up()` word for word (SQLite uses a partial index only for a query that
    states its condition), and it holds the columns of that condition so that SQLite reads it without the rows."""
    db.execute("CREATE INDEX visits_open_follow_up ON visits (follow_up_due, household_id, follow_up_done_at, voided, "
               "deleted_hlc) WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL AND voided = 0 "
               "AND deleted_hlc IS NULL")


def _v17_search_without_column_sizes(db: sqlite_utils.Database) -> None:
    """The full-text table keeps no size of each document (`columnsize=0`, `desktop.search.index`): only a ranking
    the app never uses reads them, and a merge of a ward's edits rewrote a row of them for every household."""
    from desktop.search.index import remake_full_text_table

    remake_full_text_table(db.conn)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_register,
    _v2_indexes_and_search,
    _v3_audit_and_logins,
    _v4_security,
    _v5_creation_stamps_in_rows,
    _v6_refused_changes_and_signed_audit_heads,
    _v7_outcomes,
    _v8_campaigns,
    _v9_review_notes,
    _v10_review_indexes,
    _v11_search_document_heads,
    _v12_community_model_counts,
    _v13_households_by_area,
    _v14_search_by_area,
    _v15_search_tags,
    _v16_open_follow_ups,
    _v17_search_without_column_sizes,
]
LATEST = len(MIGRATIONS)
# Migrations after which a sync snapshot holds exactly what it held before: they change only this laptop's own
# indexes and search tables, which a snapshot leaves out (`desktop.sync.snapshot`). A station upgrades its laptops
# one by one; across such a migration they go on catching up from each other's snapshots.
SNAPSHOT_NEUTRAL = frozenset({17})


def snapshot_schema(version: int) -> int:
    """What a snapshot of a register at `version` says its tables are: the version less the snapshot-neutral
    migrations up to it (earlier ones were all counted, as the laptops that wrote those snapshots count them). Two
    laptops read each other's snapshots when they say the same."""
    return version - sum(1 for neutral in SNAPSHOT_NEUTRAL if neutral <= version)


def schema_version(db: sqlite_utils.Database | sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, target: int = LATEST) -> list[int]:
    """Apply the migrations between the database's version and `target`; returns the versions applied."""
    applied: list[int] = []
    current = schema_version(db)
    if current > LATEST:
        from desktop.errors import WardbookError

        raise WardbookError("store.too_new", version=current, supported=LATEST)
    for version in range(current + 1, target + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
        except BaseException:
            with suppress(*DATABASE_ERRORS):  # already rolled back by SQLite (disk full): keep the real error
                db.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
