"""Read queries shared by the CLI, the Qt app and the reports, so every screen shows the same numbers.

Lists return ids first (cheap even for 50k households) and summaries for a page of ids, which is what a lazy
Qt model and a paged CLI listing both need.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import cast

from desktop import clock
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.search.folding import fold, fold_words
from desktop.search.index import (
    RankedQuery,
    count_matches,
    rank_matches,
    ranked_household_ids,
    ranked_query,
    search_household_ids,
)
from desktop.search.sortkey import person_sort_key
from desktop.store.rows import (
    ActivityRow,
    AreaRow,
    HouseholdCase,
    HouseholdDetail,
    HouseholdSummary,
    MemberRow,
    PersonMatch,
    SupportRow,
    TimelineVisit,
    UserRow,
    VisitRow,
    WardStats,
)
from desktop.store.store import Store

ALIVE = "deleted_hlc IS NULL"
# A text search within a khu phố or with flags ranks its matches from their documents when at most this many, from
# the index's ranked queries above (bench/bench_search.py, encrypted 50k ward: each way is the cheaper one on its
# side).
RANK_FROM_INDEX_ABOVE = 800


class FromSession:
    """The default scope of the list queries of officers' records: what the logged-in user may see (an officer:
    their own; a team lead or admin: everyone's; nobody logged in on a register with accounts: refused). A list
    called without saying whose records it wants can then never show an officer someone else's."""


FROM_SESSION = FromSession()


def scope_of(store: Store, officer_id: str | FromSession | None) -> str | None:
    """The officer whose records a list query returns (None: everyone's)."""
    if isinstance(officer_id, FromSession):
        from desktop.security.session import visible_officer  # the session module builds on the store

        return visible_officer(store)
    return officer_id


def open_follow_up(alias: str = "") -> str:
    """SQL condition for a visit whose follow-up is due and not yet done (`alias` like `v.`)."""
    return (
        f"{alias}follow_up_due IS NOT NULL AND {alias}follow_up_done_at IS NULL AND {alias}voided = 0 "
        f"AND {alias}deleted_hlc IS NULL"
    )


_NUMBER_PARTS = re.compile(r"(\d+)")


@lru_cache(maxsize=65536)  # a ward repeats house numbers on every street: halves the 50k-row list sort
def house_number_key(house_no: str | None) -> tuple[object, ...]:
    """`9` < `10` < `10A` < `123/4` < `123/45A`: numbers compare as numbers, the rest as text."""
    parts = _NUMBER_PARTS.split(house_no or "")
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts if part)


@dataclass(frozen=True)
class HouseholdFilter:
    area_id: str | None = None
    flags: tuple[str, ...] = ()
    not_visited_days: int | None = None
    has_overdue_follow_up: bool = False
    text: str | None = None


@dataclass(frozen=True)
class HouseholdMatches:
    """The first ids of a household list and how many households the whole list holds (a capped list says
    "showing 500 of 1,234")."""

    ids: list[str]
    total: int


def _checked_flags(flt: HouseholdFilter) -> tuple[str, ...]:
    for flag in flt.flags:
        if flag not in HOUSEHOLD_FLAGS:
            raise ValueError(flag)
    return flt.flags


# The households visited since the parameter's day, read from the visits' index by day (`visits_review_period`,
# which holds every column named here) alone, once per query: testing each household (or each match of a search)
# against its visits read the visits' index 50k times. No NULL: a NOT IN list holding one is never true.
_VISITED_HOUSEHOLDS = ("SELECT v.household_id FROM visits v WHERE v.visited_at >= ? AND v.voided = 0 "
                       "AND v.deleted_hlc IS NULL AND v.household_id IS NOT NULL")
# The households with a follow-up overdue on the parameter's day, from the partial index of open follow-ups
# (`visits_open_follow_up`, migration 16) alone: a few thousand entries on a 50k ward, once per query.
_OVERDUE_HOUSEHOLDS = (f"SELECT v.household_id FROM visits v WHERE {open_follow_up('v.')} "
                       "AND v.follow_up_due < ?")


def _documents_of(households: str) -> str:
    """SQL of the rowids of the search documents of the households the subquery `households` gives (read from the
    documents' index by household alone)."""
    return f"SELECT o.id FROM ({households}) v CROSS JOIN search_doc o ON o.household_id = v.household_id"


def _visited_since(flt: HouseholdFilter, today: date) -> date:
    """The first day of the "not visited in N days" filter's window (`flt.not_visited_days` is set)."""
    assert flt.not_visited_days is not None
    return today - timedelta(days=flt.not_visited_days)


def _visit_filters(flt: HouseholdFilter, today: date) -> tuple[list[str], list[object]]:
    """SQL conditions on `households h` for the visit filters of `flt`, and their parameters."""
    where: list[str] = []
    params: list[object] = []
    if flt.not_visited_days is not None:
        where.append(f"h.id NOT IN ({_VISITED_HOUSEHOLDS})")
        params.append(_visited_since(flt, today).isoformat())
    if flt.has_overdue_follow_up:
        where.append(f"h.id IN ({_OVERDUE_HOUSEHOLDS})")
        params.append(today.isoformat())
    return where, params


def _filter_conditions(flt: HouseholdFilter, today: date) -> tuple[list[str], list[object]]:
    """SQL conditions on `households h` for every filter but the text, and their parameters."""
    where = ["h.deleted_hlc IS NULL"]
    params: list[object] = []
    if flt.area_id:
        where.append("h.area_id = ?")
        params.append(flt.area_id)
    where += [f"h.flag_{flag} = 1" for flag in _checked_flags(flt)]
    visits, visit_params = _visit_filters(flt, today)
    return where + visits, params + visit_params


@dataclass(frozen=True)
class VisitDocuments:
    """The search documents that pass a filter's visit filters, as the two sets they are read as: the documents of
    the households with an overdue follow-up (`among`; None when that filter is off: every document) less those of
    the households visited lately (`left_out`; empty when that filter is off). Each set is read from an index of
    the visits and the documents' index by household alone; the documents left are never listed (that would read
    every document of the ward)."""

    among: frozenset[int] | None
    left_out: frozenset[int]

    def kept(self, rowids: Iterable[int]) -> list[int]:
        """Those of `rowids` that pass, in their order."""
        among, left_out = self.among, self.left_out
        if among is None:
            return [rowid for rowid in rowids if rowid not in left_out]
        return [rowid for rowid in rowids if rowid in among and rowid not in left_out]


def visit_filtered_documents(store: Store, flt: HouseholdFilter, today: date) -> VisitDocuments:
    """The search documents that pass the visit filters of `flt` (see `VisitDocuments`): what a search with those
    filters keeps of its matches, for a page that holds it while the user types
    (`desktop.store.visit_filter_cache`)."""
    def documents(households: str, day: date) -> frozenset[int]:
        return frozenset(row[0] for row in store.conn.execute(_documents_of(households), (day.isoformat(),)))

    among = documents(_OVERDUE_HOUSEHOLDS, today) if flt.has_overdue_follow_up else None
    left_out = (documents(_VISITED_HOUSEHOLDS, _visited_since(flt, today))
                if flt.not_visited_days is not None else frozenset())
    return VisitDocuments(among, left_out)


def _ranked_rowids(store: Store, query: RankedQuery, rowids: list[int], limit: int | None,
                   filtered: bool) -> HouseholdMatches:
    """The households of the documents `rowids` (each a match of `query`, some left out by filters the index does
    not hold when `filtered`), best first.

    Few of them are ranked from their documents (one read each); many from the index's ranked queries
    (`ranked_household_ids`), which read only the rows they return but evaluate the typed words once per tier,
    costly for a long prefix of a common name."""
    conn = store.conn
    if len(rowids) > RANK_FROM_INDEX_ABOVE:
        return HouseholdMatches(ranked_household_ids(conn, query, limit, set(rowids) if filtered else None),
                                len(rowids))
    rows = conn.execute("SELECT d.id, d.household_id, d.doc FROM json_each(?) r CROSS JOIN search_doc d "
                        "ON d.id = r.value", (json.dumps(rowids),)).fetchall()
    return HouseholdMatches(rank_matches(query, rows, limit), len(rows))


def _text_matches(store: Store, flt: HouseholdFilter, today: date, limit: int | None,
                  counted: bool, visit_documents: VisitDocuments | None) -> HouseholdMatches:
    """A text search, best match first (`desktop.search.index.RankedQuery`), the other filters applied to every
    match, not only to the best few hundred: the khu phố and flags by the index (each household's tags), the visit
    filters by the documents they keep (`visit_documents` when the caller kept them for this register as it is,
    else read here by `visit_filtered_documents`). Every document is an alive household's."""
    assert flt.text is not None
    query = ranked_query(flt.text)
    if query is None:
        return HouseholdMatches([], 0)
    if flt == HouseholdFilter(text=flt.text):  # the text alone: read in ranked order, stop at the limit
        ids = search_household_ids(store.conn, flt.text, limit)
        if not counted or limit is None or len(ids) < limit:  # fewer than asked for: every match
            return HouseholdMatches(ids, len(ids))
        return HouseholdMatches(ids, count_matches(store.conn, flt.text))
    query = query.tagged(flt.area_id, _checked_flags(flt))  # the index holds each household's khu phố and flags
    if flt.not_visited_days is None and not flt.has_overdue_follow_up:
        rowids = [row[0] for row in store.conn.execute(
            "SELECT rowid FROM household_fts WHERE household_fts MATCH ?", (query.matches,))]
        return _ranked_rowids(store, query, rowids, limit, filtered=False)
    # Each match tested against the documents the visit filters keep, read once (or kept by the page): testing
    # matches against the visits in SQL read the visits' indexes again at every keystroke.
    passing = visit_documents if visit_documents is not None else visit_filtered_documents(store, flt, today)
    rowids = passing.kept(row[0] for row in store.conn.execute(
        "SELECT rowid FROM household_fts WHERE household_fts MATCH ?", (query.matches,)))
    return _ranked_rowids(store, query, rowids, limit, filtered=True)


def find_households(store: Store, flt: HouseholdFilter = HouseholdFilter(), today: date | None = None,
                    limit: int | None = None, visit_documents: VisitDocuments | None = None) -> HouseholdMatches:
    """Alive households matching the filter: the first `limit` ids in address order (or best match first for
    a text), and the number of all that match. A text search with visit filters takes the documents that pass
    them from `visit_documents` when given (see `visit_filtered_documents`)."""
    return _find(store, flt, today or clock.today(), limit, counted=True, visit_documents=visit_documents)


def _find(store: Store, flt: HouseholdFilter, today: date, limit: int | None, counted: bool,
          visit_documents: VisitDocuments | None = None) -> HouseholdMatches:
    """`find_households`; when not `counted`, the total is only the number of ids returned (what a list that
    shows no count, the visit form's picker, needs: counting a first letter's matches cost more than its 8 rows)."""
    if flt.text:
        return _text_matches(store, flt, today, limit, counted, visit_documents)
    where, params = _filter_conditions(flt, today)
    # Walking order sorted by SQLite (a Python sort of 50k keys costs a visible moment when the app opens):
    # street, then house number, then the alley number after '/', so 9 < 10 < 10A < 123/4 < 123/45A.
    rows = store.conn.execute(
        f"SELECT h.id FROM households h WHERE {' AND '.join(where)} "
        "ORDER BY h.street COLLATE NOCASE, CAST(h.house_no AS INTEGER), "
        "CASE WHEN instr(h.house_no, '/') > 0 THEN CAST(substr(h.house_no, instr(h.house_no, '/') + 1) AS INTEGER) "
        "ELSE -1 END, h.house_no" + (" LIMIT ?" if limit is not None else ""),
        (*params, limit) if limit is not None else params,
    ).fetchall()
    ids = [row[0] for row in rows]
    if not counted or limit is None or len(ids) < limit:
        return HouseholdMatches(ids, len(ids))
    total = store.conn.execute(f"SELECT COUNT(*) FROM households h WHERE {' AND '.join(where)}", params)
    return HouseholdMatches(ids, int(total.fetchone()[0]))


def list_household_ids(store: Store, flt: HouseholdFilter = HouseholdFilter(), today: date | None = None,
                       limit: int | None = None) -> list[str]:
    """Ids of alive households matching the filter, in address order (or best match first for text); not
    counted beyond the limit."""
    return _find(store, flt, today or clock.today(), limit, counted=False).ids


def household_summaries(store: Store, ids: list[str], today: date | None = None) -> list[HouseholdSummary]:
    """One summary dict per id (same order): address, area, head, flags, members, last visit, overdue."""
    if not ids:
        return []
    today_iso = (today or clock.today()).isoformat()
    marks = ",".join("?" * len(ids))
    flag_columns = ", ".join(f"h.flag_{flag}" for flag in HOUSEHOLD_FLAGS)
    sql = f"""
        SELECT h.id, h.code, h.house_no, h.street, a.name, p.full_name, h.phone, h.status, {flag_columns},
            (SELECT COUNT(*) FROM people m WHERE m.household_id = h.id AND m.deleted_hlc IS NULL
                AND m.moved_out_on IS NULL),
            (SELECT MAX(v.visited_at) FROM visits v WHERE v.household_id = h.id AND v.voided = 0
                AND v.deleted_hlc IS NULL),
            (SELECT COUNT(*) FROM visits v WHERE v.household_id = h.id AND {open_follow_up('v.')}
                AND v.follow_up_due < ?),
            h.area_id
        FROM households h
        LEFT JOIN areas a ON a.id = h.area_id
        LEFT JOIN people p ON p.id = h.head_person_id
        WHERE h.id IN ({marks})
    """
    by_id: dict[str, HouseholdSummary] = {}
    for row in store.conn.execute(sql, (today_iso, *ids)):
        flags = [flag for flag, value in zip(HOUSEHOLD_FLAGS, row[8 : 8 + len(HOUSEHOLD_FLAGS)], strict=True)
                 if value]
        rest = row[8 + len(HOUSEHOLD_FLAGS) :]
        by_id[row[0]] = {
            "id": row[0], "code": row[1], "house_no": row[2], "street": row[3], "area": row[4],
            "head": row[5], "phone": row[6], "status": row[7], "flags": flags,
            "members": rest[0], "last_visit": rest[1], "overdue": rest[2], "area_id": rest[3],
        }
    return [by_id[household_id] for household_id in ids if household_id in by_id]


def household_detail(store: Store, household_id: str,
                     officer_id: str | FromSession | None = FROM_SESSION) -> HouseholdDetail:
    """Everything shown on a household page: summary, members, visits (newest first) and cases (newest received
    first). Of visits and cases, only those the logged-in user may see, unless `officer_id` says whose (None:
    everyone's), with the counts of those left out: an officer opens every household of the register, but other
    officers' cases (a citizen's tip, a dispute) are not theirs to read. A household deleted meanwhile (a sync, another
    window) is refused in words (`desktop.register.gone`)."""
    officer_id = scope_of(store, officer_id)
    if store.conn.execute(f"SELECT 1 FROM households WHERE id = ? AND {ALIVE}", (household_id,)).fetchone() is None:
        from desktop.register.gone import not_found  # the register's words build on the store

        raise not_found(store, "households", household_id, "register.unknown_household")
    summary = household_summaries(store, [household_id])[0]
    cursor = store.conn.execute(
        "SELECT id, full_name, gender, birth_year, relation_to_head, phone, id_number, moved_out_on "
        f"FROM people WHERE household_id = ? AND {ALIVE}",
        (household_id,),
    )
    columns = [d[0] for d in cursor.description]
    people = [cast(MemberRow, dict(zip(columns, row, strict=True))) for row in cursor]
    head_id = store.conn.execute("SELECT head_person_id FROM households WHERE id = ?", (household_id,)).fetchone()[0]
    people.sort(key=lambda p: (p["id"] != head_id, p["moved_out_on"] is not None,
                               person_sort_key(str(p["full_name"] or ""))))
    return {
        **summary,
        "head_id": head_id,
        "people": people,
        "visits": with_support(store, list_visits(store, household_id=household_id, officer_id=officer_id)),
        "hidden_visits": count_others_visits(store, officer_id, household_id=household_id),
        "cases": cast(list[HouseholdCase], fetch_dicts(
            store, f"SELECT id, kind, title, status, received_on, due_on FROM cases "
            f"WHERE household_id = ? AND {ALIVE} AND (? IS NULL OR assignee_id IS ?) ORDER BY received_on DESC",
            (household_id, officer_id, officer_id))),
        "hidden_cases": 0 if officer_id is None else int(store.conn.execute(
            f"SELECT count(*) FROM cases WHERE household_id = ? AND {ALIVE} AND assignee_id IS NOT ?",
            (household_id, officer_id)).fetchone()[0]),
    }


def id_from_prefix(store: Store, table: str, text: str | None) -> str | None:
    """The id of the one live row of `table` whose id starts with `text` (the CLI lists ids by their first 8
    characters), or None when no row or several do, or fewer than 4 characters are given.

    A range over the primary key, not LIKE: "%" or "_" typed (or pasted) must not match any id, which would
    pick a row — and change or remove it — whenever the table holds only one."""
    prefix = (text or "").strip().lower()
    if len(prefix) < 4:
        return None
    rows = store.conn.execute(
        f"SELECT id FROM {table} WHERE id >= ? AND id < ? AND deleted_hlc IS NULL LIMIT 2",
        (prefix, prefix + "\uffff"),
    ).fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def fetch_dicts(store: Store, sql: str, params: tuple[object, ...] = ()) -> list[dict[str, object]]:
    """The rows of a query as dicts keyed by column name (what the pages, the CLI and JSON exports want)."""
    cursor = store.conn.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor]


def with_support(store: Store, visits: list[VisitRow]) -> list[TimelineVisit]:
    """The visits, each with `support`: its alive support items (kind, quantity, unit, value_vnd, description),
    so a timeline can say what was given (10 kg, 200.000đ) and not only its total value."""
    by_visit: dict[str, list[SupportRow]] = {visit["id"]: [] for visit in visits}
    ids = list(by_visit)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for item in fetch_dicts(
            store,
            "SELECT visit_id, kind, quantity, unit, value_vnd, description FROM support_items "
            f"WHERE visit_id IN ({','.join('?' * len(chunk))}) AND {ALIVE} ORDER BY created_at, id",
            tuple(chunk),
        ):
            visit_id = str(item.pop("visit_id"))
            by_visit[visit_id].append(cast(SupportRow, item))
    return [TimelineVisit(**visit, support=by_visit[visit["id"]]) for visit in visits]


def _visit_conditions(household_id: str | None, overdue_on: date | None,
                      due_on: date | None) -> tuple[list[str], list[object]]:
    """SQL conditions on `visits v` shared by a list of visits and the count of the ones it leaves out."""
    where = ["v.deleted_hlc IS NULL"]
    params: list[object] = []
    if household_id:
        where.append("v.household_id = ?")
        params.append(household_id)
    if overdue_on is not None:
        where.append(f"{open_follow_up('v.')} AND v.follow_up_due < ?")
        params.append(overdue_on.isoformat())
    if due_on is not None:
        where.append(f"{open_follow_up('v.')} AND v.follow_up_due = ?")
        params.append(due_on.isoformat())
    return where, params


def list_visits(store: Store, *, household_id: str | None = None, overdue_on: date | None = None,
                due_on: date | None = None, limit: int | None = None,
                officer_id: str | FromSession | None = FROM_SESSION) -> list[VisitRow]:
    """Visits newest first; with `overdue_on`, only open follow-ups due before that day (oldest due first);
    with `due_on`, only open follow-ups due that very day (the officer's round of today). Only the visits the
    logged-in user may see, unless `officer_id` says whose (None: everyone's)."""
    where, params = _visit_conditions(household_id, overdue_on, due_on)
    officer_id = scope_of(store, officer_id)
    if officer_id:
        where.append("v.officer_id = ?")
        params.append(officer_id)
    order = "v.visited_at DESC, v.created_at DESC"
    if overdue_on is not None:
        order = "v.follow_up_due"
    if due_on is not None:
        order = "h.street, h.house_no"
    sql = (
        "SELECT v.id, v.household_id, h.house_no, h.street, v.visited_at, v.purposes, v.outcome, v.findings, "
        "v.follow_up_due, v.follow_up_done_at, v.voided, v.void_reason, v.officer_id, "
        "(SELECT COALESCE(SUM(s.value_vnd), 0) FROM support_items s WHERE s.visit_id = v.id "
        "AND s.deleted_hlc IS NULL) AS support_vnd "
        f"FROM visits v LEFT JOIN households h ON h.id = v.household_id WHERE {' AND '.join(where)} "
        f"ORDER BY {order}" + (" LIMIT ?" if limit else "")
    )
    if limit:
        params.append(limit)
    return cast(list[VisitRow], fetch_dicts(store, sql, tuple(params)))


def count_others_visits(store: Store, officer_id: str | None, *, household_id: str | None = None,
                        overdue_on: date | None = None, due_on: date | None = None) -> int:
    """How many visits `list_visits` with the same arguments leaves out because other officers made them
    (0 when `officer_id` is None: nothing is hidden). An officer who sees a last visit date or an overdue
    count on a household with an empty timeline is told why."""
    if not officer_id:
        return 0
    where, params = _visit_conditions(household_id, overdue_on, due_on)
    where.append("v.officer_id IS NOT ?")
    params.append(officer_id)
    return int(store.conn.execute(f"SELECT COUNT(*) FROM visits v WHERE {' AND '.join(where)}", params)
               .fetchone()[0])


def ward_stats(store: Store, today: date | None = None) -> WardStats:
    """Headline figures of the ward: what `wardbook stats` prints and the app's dashboard shows."""
    today_iso = (today or clock.today()).isoformat()
    year_ago = ((today or clock.today()) - timedelta(days=365)).isoformat()
    one = store.conn.execute

    def count(sql: str, *params: object) -> int:
        return int(one(sql, params).fetchone()[0])

    return WardStats(
        areas=count(f"SELECT COUNT(*) FROM areas WHERE {ALIVE}"),
        households=count(f"SELECT COUNT(*) FROM households WHERE {ALIVE} AND status = 'active'"),
        people=count(f"SELECT COUNT(*) FROM people WHERE {ALIVE} AND moved_out_on IS NULL"),
        visits=count(f"SELECT COUNT(*) FROM visits WHERE {ALIVE} AND voided = 0"),
        households_visited_365d=count(
            f"SELECT COUNT(DISTINCT household_id) FROM visits WHERE {ALIVE} AND voided = 0 AND visited_at >= ?",
            year_ago,
        ),
        follow_ups_open=count(f"SELECT COUNT(*) FROM visits WHERE {open_follow_up()}"),
        follow_ups_overdue=count(f"SELECT COUNT(*) FROM visits WHERE {open_follow_up()} AND follow_up_due < ?",
                                    today_iso),
        cases_open=count(f"SELECT COUNT(*) FROM cases WHERE {ALIVE} AND status IN ('open', 'in_progress')"),
        activities=count(f"SELECT COUNT(*) FROM activities WHERE {ALIVE}"),
    )


# Lists behind the app's other pages (areas, users, cases, activities). Small tables: plain rows, no paging.


def list_areas(store: Store) -> list[AreaRow]:
    """Alive areas (khu phố / tổ dân phố) by name, for filters and pickers."""
    rows = cast(list[AreaRow], fetch_dicts(store, f"SELECT id, name, kind FROM areas WHERE {ALIVE}"))
    return sorted(rows, key=lambda row: house_number_key(row["name"] or ""))


def list_users(store: Store) -> list[UserRow]:
    return cast(list[UserRow], fetch_dicts(store, f"SELECT id, username, full_name, role, active FROM users "
                                           f"WHERE {ALIVE} ORDER BY username"))


def list_cases(store: Store, *, statuses: tuple[str, ...] = (), household_id: str | None = None,
               limit: int | None = None,
               assignee_id: str | FromSession | None = FROM_SESSION) -> list[dict[str, object]]:
    """Cases, newest received first, with the household's address and the assignee's name: those assigned to the
    logged-in user when they may not see everyone's, unless `assignee_id` says whose (None: everyone's)."""
    where = ["c.deleted_hlc IS NULL"]
    params: list[object] = []
    assignee_id = scope_of(store, assignee_id)
    if assignee_id:
        where.append("c.assignee_id = ?")
        params.append(assignee_id)
    if statuses:
        where.append(f"c.status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    if household_id:
        where.append("c.household_id = ?")
        params.append(household_id)
    sql = (
        "SELECT c.id, c.kind, c.title, c.status, c.received_on, c.due_on, c.resolved_on, c.source, "
        "c.tip_status, c.mediation_result, c.household_id, h.house_no, h.street, u.full_name AS assignee "
        "FROM cases c LEFT JOIN households h ON h.id = c.household_id "
        "LEFT JOIN users u ON u.id = c.assignee_id "
        f"WHERE {' AND '.join(where)} ORDER BY c.received_on DESC, c.created_at DESC"
        + (" LIMIT ?" if limit else "")
    )
    if limit:
        params.append(limit)
    return fetch_dicts(store, sql, tuple(params))


def case_detail(store: Store, case_id: str,
                assignee_id: str | FromSession | None = FROM_SESSION) -> dict[str, object]:
    """One case with its timeline of events, oldest first. A case the logged-in user may not see (another
    officer's, as `list_cases` decides) is the core's refusal, a message for the officer — their list may be older
    than a change of their role; `assignee_id` says whose cases instead (None: anyone's). A case deleted meanwhile
    (a sync, another window) or unknown is refused in words too (`desktop.register.gone`)."""
    from_session = isinstance(assignee_id, FromSession)
    assignee_id = scope_of(store, assignee_id)
    found = fetch_dicts(store, "SELECT c.*, h.house_no, h.street FROM cases c "
                         "LEFT JOIN households h ON h.id = c.household_id WHERE c.id = ? AND c.deleted_hlc IS NULL "
                         "AND (? IS NULL OR c.assignee_id IS ?)", (case_id, assignee_id, assignee_id))
    if not found:
        if from_session and store.conn.execute(f"SELECT 1 FROM cases WHERE id = ? AND {ALIVE}",
                                                (case_id,)).fetchone():
            from desktop.security.session import authorize  # the session module builds on the store

            authorize(store, "records.view_all")
        from desktop.register.gone import not_found  # the register's words build on the store

        raise not_found(store, "cases", case_id, "register.unknown_case")
    events = fetch_dicts(store, "SELECT e.id, e.at, e.note, e.new_status, e.new_outcome, u.full_name AS officer "
                          "FROM case_events e "
                          "LEFT JOIN users u ON u.id = e.officer_id "
                          f"WHERE e.case_id = ? AND e.{ALIVE} ORDER BY e.at, e.created_at", (case_id,))
    return {**found[0], "events": events}


def list_activities(store: Store, *, area_id: str | None = None, limit: int | None = None,
                    officer_id: str | FromSession | None = FROM_SESSION) -> list[ActivityRow]:
    """Community activities, newest first, with the area's name: those the logged-in user may see, unless
    `officer_id` says whose (None: everyone's)."""
    where = ["a.deleted_hlc IS NULL"]
    params: list[object] = []
    officer_id = scope_of(store, officer_id)
    if officer_id:
        where.append("a.officer_id = ?")
        params.append(officer_id)
    if area_id:
        where.append("a.area_id = ?")
        params.append(area_id)
    sql = (
        "SELECT a.id, a.kind, a.held_on, a.topic, a.attendance, a.notes, a.area_id, a.officer_id, ar.name AS area "
        "FROM activities a LEFT JOIN areas ar ON ar.id = a.area_id "
        f"WHERE {' AND '.join(where)} ORDER BY a.held_on DESC, a.created_at DESC"
        + (" LIMIT ?" if limit else "")
    )
    if limit:
        params.append(limit)
    return cast(list[ActivityRow], fetch_dicts(store, sql, tuple(params)))


def find_people(store: Store, text: str, limit: int = 50) -> list[PersonMatch]:
    """People whose name contains `text` (accents and case ignored), with their address and `moved_out_on`:
    choosing the person of a data-subject request by typing a name.

    Every person the register holds is looked at, those who moved out included: the request concerns all that
    is held about them, and the household search index leaves moved-out members out (and stops at a few
    hundred households for a common name). One pass over the people with names folded word by word (cached)
    takes well under a second on a 50k-household ward: an admin's search, not a keystroke's.
    """
    wanted = fold(text)
    if not wanted:
        return []
    columns = ("id", "full_name", "birth_year", "house_no", "street", "moved_out_on")
    found = [
        cast(PersonMatch, dict(zip(columns, row, strict=True)))
        for row in store.conn.execute(
            "SELECT p.id, p.full_name, p.birth_year, h.house_no, h.street, p.moved_out_on FROM people p "
            "LEFT JOIN households h ON h.id = p.household_id WHERE p.deleted_hlc IS NULL AND p.full_name IS NOT NULL"
        )
        if wanted in fold_words(row[1])
    ]
    found.sort(key=lambda row: person_sort_key(row["full_name"]))
    return found[:limit]
