"""The figures of the periodic review: pure read queries from (period, scope) to plain dataclasses.

The PDF, the XLSX/CSV exports and the app's review screen all take their numbers from `review_figures`, so a
printed report can never disagree with what the app shows. The rules the numbers follow:

- a visit counts when it is alive and not voided and its date lies in the period; a visit with two purposes
  counts once in the total and once under each purpose;
- households are the alive, active households of the scope (the whole ward or one khu phố); coverage is the
  share of them visited at least once in the period;
- states are taken *as of the cut-off day* — the period's last day, or today when the period runs on — so a
  review printed again later shows the same figures: a follow-up done after the cut-off still counts as open,
  and it is overdue when its due day lies before the cut-off (the rule of `queries.open_follow_up`); a case's
  status is the last status its events gave it before the end of the cut-off day, and a resolved or closed
  case was resolved on the day of that event (closing or reopening it later changes neither);
- the register is rebuilt as it stood at the end of the cut-off day (Vietnam time) from the rows' own dates
  (see `AsOf`): a household counts from the day it is known to have lived there — the earliest of its
  creation, a member's move-in day and its first visit, so a ward imported today that has visits or move-in
  days from years ago counts in last year's review, and a household added today does not — until it was
  moved out; a member counts from their move-in day (or with their household when they were entered with
  it) until their move-out day; a row deleted, a visit voided or a household moved out after the cut-off
  still counts as it stood. A visit entered late but dated within the period counts (it is what happened).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, TypeVar

from desktop import clock
from desktop.errors import WardbookError
from desktop.progress import Cancelled, Progress
from desktop.register.cases import CLOSING_STATUSES
from desktop.reports.commendations import within_period
from desktop.reports.periods import Period
from desktop.reports.rounding import half_up
from desktop.store.hlc import pack
from desktop.store.page_cache import REVIEW_CACHE_KIB, larger_page_cache
from desktop.store.queries import house_number_key
from desktop.store.store import Store
from desktop.store.tables import (
    ACTIVITY_KINDS,
    CASE_KINDS,
    CASE_STATUSES,
    MEDIATION_RESULTS,
    SUPPORT_KINDS,
    TIP_STATUSES,
    VISIT_OUTCOMES,
    VISIT_PURPOSES,
)

if TYPE_CHECKING:
    from desktop.reports.compare import Comparison
    from desktop.reports.outcomes import OutcomeFigures

T = TypeVar("T")

@dataclass(frozen=True)
class Scope:
    """The whole ward (`area_id` None) or one khu phố."""

    area_id: str | None = None
    area_name: str | None = None


@dataclass(frozen=True)
class AreaCoverage:
    area_id: str | None
    name: str
    households: int
    visited: int
    never_visited: int  # no visit at all up to the cut-off day

    @property
    def percent(self) -> float:
        return percent(self.visited, self.households)


@dataclass(frozen=True)
class SupportLine:
    kind: str
    unit: str
    items: int
    quantity: float
    value_vnd: int


@dataclass(frozen=True)
class FollowUps:
    """Follow-ups set by the period's visits, in their state at the cut-off."""

    total: int
    done: int
    open: int
    overdue: int  # open and due before the cut-off day


@dataclass(frozen=True)
class HouseholdLine:
    household_id: str
    code: str
    area: str
    house_no: str
    street: str
    head: str
    last_visit: str | None  # ISO date of the last visit up to the cut-off, None when never visited
    last_officer: str | None = None  # the officer of that visit (whose round it was), None when never visited


@dataclass(frozen=True)
class OverdueLine:
    household_id: str
    code: str
    area: str
    house_no: str
    street: str
    head: str
    first_due: str
    open_count: int


@dataclass(frozen=True)
class CaseLine:
    kind: str
    by_status: dict[str, int]
    resolved: int  # resolved or closed by the cut-off, with a resolution day
    resolution_days: int  # days from receipt to resolution, summed over those

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def mean_days(self) -> float | None:
        return mean_days(self.resolution_days, self.resolved)


# What handing a case to another body is called in its outcome: a tip forwarded to the police, a dispute or
# complaint referred to the competent body (`store.tables.TIP_STATUSES`, `MEDIATION_RESULTS`).
FORWARDING = {"tip": "forwarded_police", "dispute": "referred", "complaint": "referred"}


def forwarded(kind: str, status: str | None, outcome: str | None) -> bool:
    """The case was handed to another body by the cut-off: its status says "referred" or its outcome says so.
    One definition for the cases' column "Đã chuyển" and the tips and mediations passed on: a tip forwarded to
    the police and then closed counted 0 "Đã chuyển" beside 2 "Đã chuyển công an" in the same review."""
    return status == "referred" or (outcome is not None and outcome == FORWARDING.get(kind))


def mean_days(days: int, count: int) -> float | None:
    """Mean days to resolve, one decimal rounded half up from the exact mean; None when nothing was resolved
    (shown as blank, not 0)."""
    return float(half_up(Fraction(days, count), 1)) if count else None


@dataclass(frozen=True)
class ActivityKindLine:
    kind: str
    count: int
    attendance: int


@dataclass(frozen=True)
class ActivityLine:
    held_on: str
    kind: str
    topic: str
    area: str
    attendance: int


@dataclass(frozen=True)
class OfficerLine:
    officer_id: str | None
    name: str
    visits: int
    households: int
    activities: int
    cases: int


@dataclass(frozen=True)
class CommendationLine:
    name: str
    reason: str
    status: str


@dataclass(frozen=True)
class ReviewFigures:
    period: Period
    scope: Scope
    cutoff: date
    households: int
    people: int
    households_visited: int
    visits: int
    visits_voided: int
    coverage: list[AreaCoverage]
    visits_by_purpose: dict[str, int]
    visits_by_outcome: dict[str, int]
    visits_by_month: list[tuple[str, int]]  # ("2026-04", n) for each month of the period
    support: list[SupportLine]
    follow_ups: FollowUps
    not_visited: list[HouseholdLine]
    overdue: list[OverdueLine]
    cases: list[CaseLine]
    activities_by_kind: list[ActivityKindLine]
    activities: list[ActivityLine]
    officers: list[OfficerLine]
    outcomes: OutcomeFigures  # tips, mediations, reintegration, community models (earlier periods' too)
    commendations: list[CommendationLine] = field(default_factory=list)
    comparison: Comparison | None = None  # the key figures of earlier periods and the targets
    # Whether `not_visited` and `overdue` name their households (code, address, head; in address order): only for
    # a review that lists them by name. Otherwise each line holds its household's id, khu phố and the officer of
    # its last visit, what the counts by khu phố and officer need, and no resident's name is read at all.
    names: bool = False

    @property
    def coverage_percent(self) -> float | None:
        """None when the scope had no households: there was no rate, and 0 % would read as none visited."""
        return share(self.households_visited, self.households)

    @property
    def never_visited(self) -> int:
        return sum(line.never_visited for line in self.coverage)

    @property
    def not_visited_by_officer(self) -> list[tuple[str | None, int]]:
        """(officer of the household's last visit, households not visited in the period), by officer name;
        None: never visited. The count a superior may see; the households' names stay in the walk list."""
        counts: Counter[str | None] = Counter(line.last_officer for line in self.not_visited)
        return sorted(
            counts.items(),
            key=lambda row: (row[0] is None, (row[0] or "").casefold()),
        )

    @property
    def overdue_by_area(self) -> dict[str, int]:
        """Households with an overdue follow-up at the cut-off, by khu phố name."""
        return dict(Counter(line.area for line in self.overdue))

    @property
    def support_value_vnd(self) -> int:
        return sum(line.value_vnd for line in self.support)

    @property
    def attendance(self) -> int:
        return sum(line.attendance for line in self.activities_by_kind)


def percent(part: int, whole: int) -> float:
    """Percentage to one decimal rounded half up from the exact ratio (1 of 16: 6,3), 0 for an empty whole (an
    empty ward is not a division error)."""
    return float(half_up(Fraction(100 * part, whole), 1)) if whole else 0.0


def share(part: int, whole: int) -> float | None:
    """A key figure's percentage, one decimal; None for an empty whole. A rate over nothing is not 0 %: printed
    as 0,0 it is compared ("tăng 66,7 điểm phần trăm") with periods that had a base."""
    return percent(part, whole) if whole else None


def cutoff_for(period: Period, today: date | None = None) -> date:
    """The day the report's states are taken at: the period's end, or today while the period runs."""
    return min(period.end, today or clock.today())


def area_scope(store: Store, area_id: str | None) -> Scope:
    if area_id is None:
        return Scope()
    row = store.conn.execute(
        "SELECT name FROM areas WHERE id = ? AND deleted_hlc IS NULL", (area_id,)
    ).fetchone()
    if row is None:
        raise WardbookError("register.unknown_area", value=area_id)
    return Scope(area_id, str(row[0]))


class AsOf:
    """SQL conditions for "as the register stood at the end of the cut-off day", from the rows' own dates.

    The moment is the end of the cut-off day in Vietnam time, as an HLC bound (`ms << 16`): a deletion, a void
    or a move-out stamped at or after it had not happened yet. Values are written into the SQL as literals
    (they are made here from a date, never from user text), so the fragments slot into any query unchanged.
    """

    def __init__(self, cutoff: date) -> None:
        self.hlc = pack(clock.start_ms(cutoff + timedelta(days=1)), 0)
        self.day = cutoff.isoformat()
        self.after = (cutoff + timedelta(days=1)).isoformat()

    def alive(self, alias: str) -> str:
        return f"({alias}.deleted_hlc IS NULL OR {alias}.deleted_hlc >= {self.hlc})"

    def _changed_after(self, table: str, alias: str, field_name: str) -> str:
        return (
            f"COALESCE((SELECT fc.hlc FROM field_clock fc WHERE fc.tbl = '{table}' AND fc.row_id = {alias}.id "
            f"AND fc.field = '{field_name}'), {alias}.created_hlc, 0) >= {self.hlc}"
        )

    def unvoided(self, alias: str = "v") -> str:
        """A visit marked voided (or with no void mark) whose void the register had not yet made at the cut-off:
        it stood then. Rare, so `households_at` lists them once and `visit` looks them up by rowid."""
        return f"{alias}.voided IS NOT 0 AND {self._changed_after('visits', alias, 'voided')}"

    def visit(self, alias: str = "v") -> str:
        """The visit was in the register and not voided at the cut-off (needs `households_at` first). Written with
        the visit's own columns and rowid only, so a query over the visits reads a covering index alone."""
        return f"{self.alive(alias)} AND ({alias}.voided = 0 OR {alias}.rowid IN temp.{UNVOIDED})"

    def voided_visit(self, alias: str = "v") -> str:
        """The visit was voided by the cut-off (needs `households_at` first)."""
        return f"{self.alive(alias)} AND {alias}.voided = 1 AND {alias}.rowid NOT IN temp.{UNVOIDED}"

    def household(self, alias: str = "h", visited: str = "false") -> str:
        """The household lived in the ward at the cut-off: known there by then, not yet moved out. Known: created
        by then, or a member moved in by then, or a visit not deleted since (voided or not: someone went there)
        dated on or before the cut-off day. `visited`: a quicker test of that last, worked out by the caller for
        most households, true only when the visit rule holds (the visits are looked up when it is false)."""
        return (
            f"{self.alive(alias)} AND ({alias}.status = 'active' OR "
            f"{self._changed_after('households', alias, 'status')}) AND ({alias}.created_hlc < {self.hlc} "
            f"OR {visited} OR EXISTS (SELECT 1 FROM people m WHERE m.household_id = {alias}.id AND m.moved_in_on < "
            f"'{self.after}') OR EXISTS (SELECT 1 FROM visits x WHERE x.household_id = {alias}.id AND "
            f"x.deleted_hlc IS NULL AND x.visited_at < '{self.after}'))"
        )

    def person(self, alias: str = "p", household: str = "h") -> str:
        """The member lived in the household at the cut-off: moved in by then (or entered with the household,
        which then says since when), not moved out by then."""
        with_household = f"{alias}.created_hlc <= {household}.created_hlc + {DAY_MS << 16}"
        return (
            f"{self.alive(alias)} AND ({alias}.moved_out_on IS NULL OR {alias}.moved_out_on >= '{self.after}') "
            f"AND (CASE WHEN {alias}.moved_in_on IS NOT NULL THEN {alias}.moved_in_on < '{self.after}' "
            f"ELSE {alias}.created_hlc < {self.hlc} OR {with_household} END)"
        )


DAY_MS = 86_400_000
AT_CUTOFF = "review_households"  # temporary tables of this connection, remade for each period's figures
UNVOIDED = "review_unvoided"
VISITS_BY_HOUSEHOLD = "review_visits_by_household"


def households_at(store: Store, sql: _Sql) -> None:
    """Fill the period's temporary tables: `review_unvoided` (the visits voided only after the cut-off, which
    `AsOf.visit` counts), and `review_households`, the households in the ward at the cut-off, each with what
    the review asks of it — visited in the period, visited at all by the cut-off, its overdue follow-ups.

    One pass over the visits grouped by household (the `visits_review_household` index alone) answers every
    per-household question of the review; each used to be a query of its own, looking the visits up again."""
    conn, asof = store.conn, sql.asof
    conn.execute(f"DROP TABLE IF EXISTS temp.{UNVOIDED}")
    conn.execute(f"CREATE TEMP TABLE {UNVOIDED} (id INTEGER PRIMARY KEY)")
    conn.execute(f"INSERT INTO temp.{UNVOIDED} SELECT v.rowid FROM visits v WHERE {asof.unvoided('v')}")
    overdue = f"v.visited_at < :after_cut AND {sql.overdue_at_cutoff}"
    conn.execute(f"DROP TABLE IF EXISTS temp.{VISITS_BY_HOUSEHOLD}")
    conn.execute(
        f"CREATE TEMP TABLE {VISITS_BY_HOUSEHOLD} (household_id TEXT PRIMARY KEY, first_known TEXT, "
        "visited INTEGER, first_visit TEXT, first_due TEXT, open_count INTEGER) WITHOUT ROWID"
    )
    # Over the visits standing at the cut-off, up to the period's end (the cut-off is never later; no later visit
    # counts): the first one not deleted since (it tells the household was there; a voided one too, which the
    # household rule looks for itself), whether one lies in the period (the last is on or after its first day),
    # the first one at all (visited by the cut-off when before it), and the follow-ups open and overdue then.
    conn.execute(
        f"""
        INSERT INTO temp.{VISITS_BY_HOUSEHOLD}
        SELECT v.household_id, MIN(CASE WHEN v.deleted_hlc IS NULL THEN v.visited_at END),
            MAX(v.visited_at) >= :start, MIN(v.visited_at),
            MIN(CASE WHEN {overdue} THEN v.follow_up_due END), COUNT(CASE WHEN {overdue} THEN 1 END)
        FROM visits v WHERE v.household_id IS NOT NULL AND v.visited_at < :after_end AND {asof.visit("v")}
        GROUP BY v.household_id
        """,
        sql.named,
    )
    conn.execute(f"DROP TABLE IF EXISTS temp.{AT_CUTOFF}")
    conn.execute(
        f"CREATE TEMP TABLE {AT_CUTOFF} (id TEXT, area_id TEXT, created_hlc INTEGER, visited INTEGER, "
        "ever INTEGER, first_due TEXT, open_count INTEGER, code TEXT, house_no TEXT, street TEXT, head TEXT)"
    )
    # with what the lists print of each household, so they need not look the households up again
    conn.execute(
        f"""
        INSERT INTO temp.{AT_CUTOFF}
        SELECT h.id, h.area_id, h.created_hlc, COALESCE(g.visited, 0), COALESCE(g.first_visit < :after_cut, 0),
            g.first_due, COALESCE(g.open_count, 0), h.code, h.house_no, h.street, h.head_person_id
        FROM households h LEFT JOIN temp.{VISITS_BY_HOUSEHOLD} g ON g.household_id = h.id
        WHERE {asof.household('h', 'g.first_known < :after_cut')}
        """,
        sql.named,
    )
    conn.execute(f"DROP TABLE temp.{VISITS_BY_HOUSEHOLD}")


class _Sql:
    """The scope's SQL fragments and parameters, built once per report. Its visit conditions read the temporary
    tables `households_at` makes: call it first."""

    def __init__(self, period: Period, scope: Scope, cutoff: date) -> None:
        self.start = period.start.isoformat()
        self.after_end = (period.end + timedelta(days=1)).isoformat()  # works for dates and date-times
        self.cutoff = cutoff.isoformat()
        self.after_cutoff = (cutoff + timedelta(days=1)).isoformat()
        self.area = scope.area_id
        self.asof = AsOf(cutoff)
        self.live_visit = self.asof.visit("v")
        self.named = {"start": self.start, "after_end": self.after_end, "cut": self.cutoff,
                      "after_cut": self.after_cutoff}
        # a follow-up still open at the cut-off and due before it (`queries.open_follow_up`)
        self.overdue_at_cutoff = (
            "v.follow_up_due < :cut AND (v.follow_up_done_at IS NULL OR v.follow_up_done_at >= :after_cut)"
        )
        # the households of the ward at the cut-off (`households_at`, as `r`) in the scope
        self.area_where = " AND r.area_id = ?" if self.area else ""
        self.household_params: tuple[object, ...] = (self.area,) if self.area else ()
        self.visit_where = f"{self.live_visit} AND v.visited_at >= ? AND v.visited_at < ?" + (
            " AND v.household_id IN (SELECT id FROM households WHERE area_id = ? AND "
            f"{self.asof.alive('households')})"
            if self.area
            else ""
        )
        self.visit_params: tuple[object, ...] = (self.start, self.after_end, *self.household_params)


def review_figures(
    store: Store,
    period: Period,
    area_id: str | None = None,
    *,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    compare: bool = True,
    details: bool = True,
    names: bool = False,
) -> ReviewFigures:
    """Every figure of the periodic review for `period` over the ward or one khu phố (`area_id`); with
    `compare`, also the key figures of the previous period and of the same period a year earlier, and the
    ward's targets. Without `details` (the earlier periods a review compares with), only what the key figures
    need: the households not visited, the officers, the commendations, the visits' breakdowns (by purpose,
    outcome and month) and the voided visits are left empty. With `names` (a review that lists households by
    name) the households not visited and those with overdue follow-ups come with their code, address and head,
    in address order (see `ReviewFigures.names`): reading and sorting them was a third of a 50k ward's figures."""
    with larger_page_cache(store.conn, REVIEW_CACHE_KIB):
        return _review_figures(store, period, area_id, today, progress, cancelled, compare, details, names)


def _review_figures(
    store: Store,
    period: Period,
    area_id: str | None,
    today: date | None,
    progress: Progress | None,
    cancelled: Cancelled | None,
    compare: bool,
    details: bool,
    names: bool,
) -> ReviewFigures:
    scope = area_scope(store, area_id)
    cutoff = cutoff_for(period, today)
    sql = _Sql(period, scope, cutoff)
    step = _Steps(11, progress, cancelled)
    with _comparing(store, period, area_id, today, cancelled, compare) as comparison:
        households_at(store, sql)
        households, people = step("households", lambda: _headcounts(store, sql))
        coverage = step("coverage", lambda: _coverage(store, sql))
        visits = step("visits", lambda: _visit_breakdown(store, sql, period) if details else _visit_total(store, sql))
        support = step("support", lambda: _support(store, sql))
        follow_ups = step("follow_ups", lambda: _follow_ups(store, sql))
        not_visited = step("not_visited", lambda: _not_visited(store, sql, names) if details else [])
        overdue = step("overdue", lambda: _overdue(store, sql, details and names))
        cases = step("cases", lambda: _cases(store, sql))
        activity_kinds, activity_lines = step("activities", lambda: _activities(store, sql))
        officers = step("officers", lambda: _officers(store, sql) if details else [])
        commendations = step("commendations", lambda: _commendations(store, sql, period) if details else [])
        return ReviewFigures(
            period=period,
            scope=scope,
            cutoff=cutoff,
            households=households,
            people=people,
            households_visited=sum(line.visited for line in coverage),
            visits=visits.total,
            visits_voided=visits.voided,
            coverage=coverage,
            visits_by_purpose=visits.by_purpose,
            visits_by_outcome=visits.by_outcome,
            visits_by_month=visits.by_month,
            support=support,
            follow_ups=follow_ups,
            not_visited=not_visited,
            overdue=overdue,
            cases=cases,
            activities_by_kind=activity_kinds,
            activities=activity_lines,
            officers=officers,
            commendations=commendations,
            comparison=comparison(),
            outcomes=_outcomes(store, period, area_id, today),  # a few small tables: earlier periods compare them too
            names=details and names,
        )


def _outcomes(store: Store, period: Period, area_id: str | None, today: date | None) -> OutcomeFigures:
    from desktop.reports.outcomes import outcome_figures  # it builds on this module's cut-off rule

    return outcome_figures(store, period, area_id, today=today)


def _comparing(
    store: Store, period: Period, area_id: str | None, today: date | None, cancelled: Cancelled | None,
    compare: bool,
) -> AbstractContextManager[Callable[[], Comparison | None]]:
    if not compare:
        return nullcontext(lambda: None)
    from desktop.reports.compare import comparing

    return comparing(store, period, area_id, today, cancelled)


class _Steps:
    """Runs the queries one by one, reporting progress and honouring a cancel request between them."""

    def __init__(self, total: int, progress: Progress | None, cancelled: Cancelled | None) -> None:
        self.total = total
        self.done = 0
        self.progress = progress
        self.cancelled = cancelled

    def __call__(self, name: str, compute: Callable[[], T]) -> T:
        if self.cancelled is not None and self.cancelled():
            raise WardbookError("reports.cancelled")
        result = compute()
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total, name)
        return result


@dataclass(frozen=True)
class _VisitBreakdown:
    total: int
    voided: int
    by_purpose: dict[str, int]
    by_outcome: dict[str, int]
    by_month: list[tuple[str, int]]


def _headcounts(store: Store, sql: _Sql) -> tuple[int, int]:
    households = store.conn.execute(
        f"SELECT COUNT(*) FROM temp.{AT_CUTOFF} r WHERE true{sql.area_where}", sql.household_params
    ).fetchone()[0]
    # the members' index alone answers the rule, joined to the households found (their creation stamp with them)
    people = store.conn.execute(
        f"SELECT COUNT(*) FROM temp.{AT_CUTOFF} r JOIN people p ON p.household_id = r.id "
        f"WHERE {sql.asof.person('p', 'r')}{sql.area_where}",
        sql.household_params,
    ).fetchone()[0]
    return int(households), int(people)


def _area_names(store: Store) -> dict[str | None, str]:
    return {row[0]: str(row[1]) for row in store.conn.execute("SELECT id, name FROM areas")}


def _area_labels(store: Store) -> dict[str | None, str]:
    """The khu phố names the lists print (an area without a name: blank), looked up here rather than joined to
    each of thousands of rows."""
    return {row[0]: str(row[1]) for row in store.conn.execute("SELECT id, COALESCE(name, '') FROM areas")}


# The heads' names from the index holding them (`people_names`): SQLite prefers the unique index of the ids,
# then reads each head's whole row, most of the members' table on a large ward.
HEADS = "INDEXED BY people_names"


def _coverage(store: Store, sql: _Sql) -> list[AreaCoverage]:
    rows = store.conn.execute(
        f"SELECT r.area_id, COUNT(*), SUM(r.visited), SUM(NOT r.ever) FROM temp.{AT_CUTOFF} r "
        f"WHERE true{sql.area_where} GROUP BY r.area_id",
        sql.household_params,
    ).fetchall()
    names = _area_names(store)
    lines = [
        AreaCoverage(area_id, names.get(area_id, ""), int(total), int(visited), int(never))
        for area_id, total, visited, never in rows
    ]
    return sorted(lines, key=lambda line: (line.area_id is None, house_number_key(line.name.casefold())))


def _visit_breakdown(store: Store, sql: _Sql, period: Period) -> _VisitBreakdown:
    by_purpose: Counter[str] = Counter({code: 0 for code in VISIT_PURPOSES})
    by_outcome: Counter[str] = Counter({code: 0 for code in VISIT_OUTCOMES})
    by_month: Counter[str] = Counter({f"{y}-{m:02d}": 0 for y, m in period.months()})
    total = 0
    for purposes, outcome, month_key, count in store.conn.execute(
        f"SELECT v.purposes, v.outcome, substr(v.visited_at, 1, 7), COUNT(*) FROM visits v "
        f"WHERE {sql.visit_where} GROUP BY 1, 2, 3",
        sql.visit_params,
    ):
        total += count
        for code in (purposes or "").split(","):
            if code:
                by_purpose[code] += count
        by_outcome[outcome or ""] += count
        by_month[month_key] += count
    voided_where = sql.visit_where.replace(sql.live_visit, sql.asof.voided_visit("v"))
    voided = store.conn.execute(
        f"SELECT COUNT(*) FROM visits v WHERE {voided_where}", sql.visit_params
    ).fetchone()[0]
    outcomes = {
        code: by_outcome[code]
        for code in (*VISIT_OUTCOMES, *sorted(set(by_outcome) - set(VISIT_OUTCOMES)))
        if code in VISIT_OUTCOMES or by_outcome[code]
    }
    purposes_sorted = {code: by_purpose[code] for code in VISIT_PURPOSES}
    purposes_sorted.update({code: n for code, n in sorted(by_purpose.items()) if code not in VISIT_PURPOSES})
    return _VisitBreakdown(total, int(voided), purposes_sorted, outcomes, sorted(by_month.items()))


def _visit_total(store: Store, sql: _Sql) -> _VisitBreakdown:
    """The period's visits counted, without their breakdowns (an earlier period's key figures)."""
    total = store.conn.execute(f"SELECT COUNT(*) FROM visits v WHERE {sql.visit_where}", sql.visit_params)
    return _VisitBreakdown(int(total.fetchone()[0]), 0, {}, {}, [])


def _support(store: Store, sql: _Sql) -> list[SupportLine]:
    rows = store.conn.execute(
        f"""
        SELECT s.kind, COALESCE(s.unit, ''), COUNT(*), COALESCE(SUM(s.quantity), 0),
            COALESCE(SUM(s.value_vnd), 0)
        FROM support_items s JOIN visits v ON v.id = s.visit_id
        WHERE {sql.asof.alive('s')} AND {sql.visit_where}
        GROUP BY 1, 2
        """,
        sql.visit_params,
    ).fetchall()
    order = {kind: index for index, kind in enumerate(SUPPORT_KINDS)}
    lines = [
        SupportLine(kind, unit, int(items), float(quantity), int(value))
        for kind, unit, items, quantity, value in rows
    ]
    return sorted(lines, key=lambda line: (order.get(line.kind, len(order)), line.kind, line.unit))


def _follow_ups(store: Store, sql: _Sql) -> FollowUps:
    total, done, overdue = store.conn.execute(
        f"""
        SELECT COUNT(*),
            COALESCE(SUM(v.follow_up_done_at IS NOT NULL AND v.follow_up_done_at < ?), 0),
            COALESCE(SUM((v.follow_up_done_at IS NULL OR v.follow_up_done_at >= ?)
                AND v.follow_up_due < ?), 0)
        FROM visits v WHERE {sql.visit_where} AND v.follow_up_due IS NOT NULL
        """,
        (sql.after_cutoff, sql.after_cutoff, sql.cutoff, *sql.visit_params),
    ).fetchone()
    return FollowUps(int(total), int(done), int(total) - int(done), int(overdue))


def _address_order(area: str, street: str, house_no: str) -> tuple[object, ...]:
    return (house_number_key(area.casefold()), street.casefold(), house_number_key(house_no))


def _not_visited(store: Store, sql: _Sql, names: bool) -> list[HouseholdLine]:
    """The households not visited in the period, with their last visit and its officer; with `names`, with their
    code, address and head, in address order (see `ReviewFigures.names`)."""
    # The last visit: the latest day, and of one day's visits the last entered (highest rowid). Read from the
    # review's index alone (SQLite would pick the one ordered by day, then reach into every visit's row).
    named = ("r.code, COALESCE(r.house_no, ''), COALESCE(r.street, ''), COALESCE(p.full_name, '')" if names
             else "'', '', '', ''")
    rows = store.conn.execute(
        f"""
        SELECT r.id, r.area_id, {named},
            (SELECT v.visited_at || char(31) || COALESCE(v.officer_id, '') FROM visits v
                INDEXED BY visits_review_household
                WHERE v.household_id = r.id AND {sql.live_visit} AND v.visited_at < ?
                ORDER BY v.visited_at DESC, v.rowid DESC LIMIT 1)
        FROM temp.{AT_CUTOFF} r {f"LEFT JOIN people p {HEADS} ON p.id = r.head" if names else ""}
        WHERE NOT r.visited{sql.area_where}
        """,
        (sql.after_cutoff, *sql.household_params),
    ).fetchall()
    areas = _area_labels(store)
    officers = _officer_names(store)
    lines = []
    for household_id, area_id, code, house_no, street, head, last_visit in rows:
        last, officer = last_visit.split("\x1f") if last_visit else (None, None)
        lines.append(
            HouseholdLine(
                household_id, code or "", areas.get(area_id, ""), house_no, street, head, last[:10] if last else None,
                officers.get(officer, "") if last else None,
            )
        )
    if not names:
        return lines
    # in address order; households at one address by id, whatever plan SQLite picks
    return sorted(lines, key=lambda line: (_address_order(line.area, line.street, line.house_no), line.household_id))


def _overdue(store: Store, sql: _Sql, details: bool = True) -> list[OverdueLine]:
    """The households with an overdue follow-up at the cut-off (counted per household by `households_at`);
    without `details` (an earlier period's key figures, which need only how many, or a review that names no
    household, which counts them by khu phố), with their khu phố but no code, address or head, in no order."""
    if not details:
        areas = _area_labels(store)
        return [
            OverdueLine(household, "", areas.get(area_id, ""), "", "", "", first_due[:10], int(count))
            for household, area_id, first_due, count in store.conn.execute(
                f"SELECT r.id, r.area_id, r.first_due, r.open_count FROM temp.{AT_CUTOFF} r "
                f"WHERE r.open_count > 0{sql.area_where}",
                sql.household_params,
            )
        ]
    rows = store.conn.execute(
        f"""
        SELECT r.id, r.code, r.area_id, COALESCE(r.house_no, ''), COALESCE(r.street, ''),
            COALESCE(p.full_name, ''), r.first_due, r.open_count
        FROM temp.{AT_CUTOFF} r LEFT JOIN people p {HEADS} ON p.id = r.head
        WHERE r.open_count > 0{sql.area_where}
        """,
        sql.household_params,
    ).fetchall()
    areas = _area_labels(store)
    lines = [
        OverdueLine(r[0], r[1] or "", areas.get(r[2], ""), r[3], r[4], r[5], r[6][:10], int(r[7])) for r in rows
    ]
    return sorted(
        lines,
        key=lambda line: (line.first_due, _address_order(line.area, line.street, line.house_no), line.household_id),
    )


def _cases(store: Store, sql: _Sql) -> list[CaseLine]:
    area_filter = " AND c.household_id IN (SELECT id FROM households WHERE area_id = ?)" if sql.area else ""
    rows = store.conn.execute(
        f"""
        SELECT c.kind,
            (SELECT e.new_status || char(31) || e.at FROM case_events e WHERE e.case_id = c.id
                AND {sql.asof.alive('e')} AND e.new_status IS NOT NULL AND e.at < ?
                ORDER BY e.at DESC, e.created_at DESC LIMIT 1),
            c.status,
            (SELECT e.new_outcome FROM case_events e WHERE e.case_id = c.id AND {sql.asof.alive('e')}
                AND e.new_outcome IN (SELECT value FROM json_each(CASE c.kind WHEN 'tip' THEN ? ELSE ? END))
                AND e.at < ? ORDER BY e.at DESC, e.created_at DESC LIMIT 1),
            c.received_on, c.resolved_on
        FROM cases c
        WHERE {sql.asof.alive('c')} AND c.received_on >= ? AND c.received_on < ?{area_filter}
        """,
        (sql.after_cutoff, json.dumps(TIP_STATUSES), json.dumps(MEDIATION_RESULTS), sql.after_cutoff, sql.start,
         sql.after_end, *((sql.area,) if sql.area else ())),
    ).fetchall()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    days: dict[str, list[int]] = defaultdict(list)
    for kind, last_event, status_now, outcome, received, resolved_now in rows:
        current, resolved = _status_at_cutoff(last_event, status_now, resolved_now)
        status = "referred" if forwarded(kind, current, outcome) else current
        counts[kind][status] += 1
        if status in CLOSING_STATUSES and resolved and resolved < sql.after_cutoff:
            days[kind].append((date.fromisoformat(resolved[:10]) - date.fromisoformat(received[:10])).days)
    kinds = [*CASE_KINDS, *sorted(set(counts) - set(CASE_KINDS))]
    return [
        CaseLine(
            kind,
            {status: counts[kind][status] for status in _statuses(counts)},
            len(days[kind]),
            sum(days[kind]),
        )
        for kind in kinds
        if kind in CASE_KINDS or counts[kind]
    ]


def _status_at_cutoff(last_event: str | None, status_now: str, resolved_now: str | None) -> tuple[str, str | None]:
    """A case's status at the cut-off and, when that settled it, the day it did: both from the last event that set a
    status by then (`last_event`: its status and day joined by U+001F), so a case closed or reopened after the
    cut-off keeps the resolution the review printed. `cases.resolved_on` moves with every closing and is cleared
    by a reopening; it is read only for a case with no such event (written before cases kept their timeline)."""
    if last_event is None:
        return status_now, resolved_now
    status, day = last_event.split("\x1f", 1)
    return status, day if status in CLOSING_STATUSES else None


def _statuses(counts: dict[str, Counter[str]]) -> list[str]:
    extra = sorted({status for per_kind in counts.values() for status in per_kind} - set(CASE_STATUSES))
    return [*CASE_STATUSES, *extra]


def _activities(store: Store, sql: _Sql) -> tuple[list[ActivityKindLine], list[ActivityLine]]:
    area_filter = " AND t.area_id = ?" if sql.area else ""
    rows = store.conn.execute(
        f"""
        SELECT t.held_on, t.kind, COALESCE(t.topic, ''), COALESCE(a.name, ''), COALESCE(t.attendance, 0)
        FROM activities t LEFT JOIN areas a ON a.id = t.area_id
        WHERE {sql.asof.alive('t')} AND t.held_on >= ? AND t.held_on < ?{area_filter}
        ORDER BY t.held_on, t.created_at
        """,
        (sql.start, sql.after_end, *((sql.area,) if sql.area else ())),
    ).fetchall()
    lines = [ActivityLine(r[0][:10], r[1], r[2], r[3], int(r[4])) for r in rows]
    count: Counter[str] = Counter()
    attendance: Counter[str] = Counter()
    for line in lines:
        count[line.kind] += 1
        attendance[line.kind] += line.attendance
    kinds = [*ACTIVITY_KINDS, *sorted(set(count) - set(ACTIVITY_KINDS))]
    return [ActivityKindLine(kind, count[kind], attendance[kind]) for kind in kinds], lines


def _officers(store: Store, sql: _Sql) -> list[OfficerLine]:
    visits: dict[str | None, tuple[int, int]] = {
        row[0]: (int(row[1]), int(row[2]))
        for row in store.conn.execute(
            "SELECT v.officer_id, COUNT(*), COUNT(DISTINCT v.household_id) FROM visits v "
            f"WHERE {sql.visit_where} "
            "GROUP BY 1",
            sql.visit_params,
        )
    }
    area_activity = " AND t.area_id = ?" if sql.area else ""
    area_case = " AND c.household_id IN (SELECT id FROM households WHERE area_id = ?)" if sql.area else ""
    area_param: tuple[object, ...] = (sql.area,) if sql.area else ()
    activities = dict(
        store.conn.execute(
            f"SELECT t.officer_id, COUNT(*) FROM activities t WHERE {sql.asof.alive('t')} AND t.held_on >= ? "
            f"AND t.held_on < ?{area_activity} GROUP BY 1",
            (sql.start, sql.after_end, *area_param),
        ).fetchall()
    )
    cases = dict(
        store.conn.execute(
            f"SELECT c.assignee_id, COUNT(*) FROM cases c WHERE {sql.asof.alive('c')} AND c.received_on >= ? "
            f"AND c.received_on < ?{area_case} GROUP BY 1",
            (sql.start, sql.after_end, *area_param),
        ).fetchall()
    )
    names = _officer_names(store)
    lines = [
        OfficerLine(
            officer_id,
            names.get(officer_id, "") if officer_id else "",
            visits.get(officer_id, (0, 0))[0],
            visits.get(officer_id, (0, 0))[1],
            int(activities.get(officer_id, 0)),
            int(cases.get(officer_id, 0)),
        )
        for officer_id in set(visits) | set(activities) | set(cases)
    ]
    return sorted(lines, key=lambda line: (-line.visits, line.name.casefold(), line.officer_id or ""))


def _officer_names(store: Store) -> dict[str | None, str]:
    return {
        row[0]: str(row[1] or row[2] or "")
        for row in store.conn.execute("SELECT id, full_name, username FROM users")
    }


def _commendations(store: Store, sql: _Sql, period: Period) -> list[CommendationLine]:
    """Proposals whose own period lies within the review's period (codes as made by `Period.code`)."""
    rows = store.conn.execute(
        """
        SELECT m.period, COALESCE(p.full_name, u.full_name, ''), COALESCE(m.reason, ''),
            COALESCE(m.status, ''),
            h.area_id, m.person_id
        FROM commendations m LEFT JOIN people p ON p.id = m.person_id LEFT JOIN users u ON u.id = m.officer_id
        LEFT JOIN households h ON h.id = p.household_id
        WHERE m.deleted_hlc IS NULL ORDER BY m.created_at
        """
    ).fetchall()
    lines = []
    for code, name, reason, status, area_id, person_id in rows:
        if not within_period(code or "", period):
            continue
        if sql.area and (person_id is None or area_id != sql.area):
            continue
        lines.append(CommendationLine(name, reason, status))
    return lines
