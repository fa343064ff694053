"""The ward at a glance (the app's Overview page): this period's review figures beside the previous period's.

Both are computed by the queries of `desktop.reports.figures` (those `review_figures` runs), so every number
on the Overview equals the one the printed review shows for the same period and scope; the long lists the
review prints are left out (the households not visited are read only when asked for). The previous period
is the one of the same kind just before (the quarter before a quarter, the month before a month…; a range of
days: as many days just before).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from desktop.progress import Cancelled
from desktop.reports.periods import Period, half_year, month, quarter, year
from desktop.security.session import authorize
from desktop.store.store import Store

# The review's own queries (`desktop.reports.figures`), so the Overview cannot disagree with it. Each function
# imports them when it runs (in the page's worker), not this module: making that module costs ~10 ms of a start
# whose budget is ~230 ms.
if TYPE_CHECKING:
    from desktop.reports import figures as review


OPEN_CASE_STATUSES = ("open", "in_progress")


def previous_period(period: Period) -> Period:
    start = period.start
    if period.kind == "month":
        before = start - timedelta(days=1)
        return month(before.year, before.month)
    if period.kind == "quarter":
        before = start - timedelta(days=1)
        return quarter(before.year, (before.month - 1) // 3 + 1)
    if period.kind == "half":
        return half_year(start.year - 1, 2) if start.month == 1 else half_year(start.year, 1)
    if period.kind == "year":
        return year(start.year - 1)
    days = (period.end - period.start).days + 1
    return Period(start - timedelta(days=days), start - timedelta(days=1))


@dataclass(frozen=True)
class KeyFigures:
    """The five figures the Overview compares."""

    visits: int
    households_reached_percent: float
    overdue_follow_ups: int
    open_cases: int
    support_value_vnd: int
    support_items: int


@dataclass(frozen=True)
class PeriodFigures:
    """The review's figures the Overview shows for one period, computed by the review's own queries (those of
    `review_figures`, without the long lists it prints; the households not visited are read when asked for)."""

    period: Period
    area_id: str | None
    cutoff: date
    coverage: list[review.AreaCoverage]
    visits: int
    visits_by_purpose: dict[str, int]
    visits_by_month: list[tuple[str, int]]
    support: list[review.SupportLine]
    overdue: list[review.OverdueLine]
    cases: list[review.CaseLine]
    officers: list[review.OfficerLine]

    @property
    def households(self) -> int:
        return sum(line.households for line in self.coverage)

    @property
    def households_visited(self) -> int:
        return sum(line.visited for line in self.coverage)

    @property
    def coverage_percent(self) -> float:
        from desktop.reports.figures import percent

        return percent(self.households_visited, self.households)

    @property
    def support_value_vnd(self) -> int:
        return sum(line.value_vnd for line in self.support)

    @property
    def key(self) -> KeyFigures:
        return key_figures(self)


def key_figures(figures: PeriodFigures | review.ReviewFigures) -> KeyFigures:
    """The Overview's five figures from the review's: visits, the share of households visited, follow-ups overdue
    at the cut-off (those of the review's list of households with overdue follow-ups), cases open or in progress
    at the cut-off, and support given."""
    return KeyFigures(
        visits=figures.visits,
        households_reached_percent=figures.coverage_percent or 0.0,  # a card: an empty ward reads 0 %
        overdue_follow_ups=sum(line.open_count for line in figures.overdue),
        open_cases=sum(line.by_status.get(status, 0) for line in figures.cases for status in OPEN_CASE_STATUSES),
        support_value_vnd=figures.support_value_vnd,
        support_items=sum(line.items for line in figures.support),
    )


def _sql(store: Store, period: Period, area_id: str | None, today: date | None) -> review._Sql:
    from desktop.reports import figures as review

    return review._Sql(period, review.area_scope(store, area_id), review.cutoff_for(period, today))


def period_figures(store: Store, period: Period, area_id: str | None = None, *, today: date | None = None,
                   cancelled: Cancelled | None = None, details: bool = True) -> PeriodFigures:
    """One period's figures. Without `details` (the period the page compares with, of which it shows only the
    key figures): no officers. The households with overdue follow-ups come with their khu phố and counts, not
    their code, address and head: the page reads those when its list is opened (`overdue_households`), as the
    review's own figures do for a review that names nobody. Ward figures are for the roles that see reports, as
    the lists behind them are."""
    from desktop.reports import figures as review

    authorize(store, "reports.view")
    sql = _sql(store, period, area_id, today)
    step = review._Steps(6, None, cancelled)
    # The connection's own page cache, not the review's larger one: these queries read covering indexes once
    # each, and a larger cache would stay with the app's process (a worker thread's memory) after every read.
    review.households_at(store, sql)  # the ward as at the cut-off, as the review counts it
    coverage = step("coverage", lambda: review._coverage(store, sql))
    visits = step("visits", lambda: review._visit_breakdown(store, sql, period))
    support = step("support", lambda: review._support(store, sql))
    overdue = step("overdue", lambda: review._overdue(store, sql, False))
    cases = step("cases", lambda: review._cases(store, sql))
    officers = step("officers", lambda: review._officers(store, sql) if details else [])
    return PeriodFigures(period, area_id, review.cutoff_for(period, today), coverage, visits.total,
                         visits.by_purpose, visits.by_month, support, overdue, cases, officers)


def _ward_at_cutoff(store: Store, figures: PeriodFigures, today: date | None) -> review._Sql:
    """For a list behind one of `figures`: the rights checked, the ward as at the period's cut-off read (the
    review's temporary tables), and the period's SQL to list from it. The app lists households by name, for the
    officer to open."""
    authorize(store, "reports.view")
    from desktop.reports import figures as review

    sql = _sql(store, figures.period, figures.area_id, today)
    review.households_at(store, sql)
    return sql


def not_visited(store: Store, figures: PeriodFigures, *, today: date | None = None) -> list[review.HouseholdLine]:
    """The households behind "households reached": those not visited in the period, as the review lists them."""
    from desktop.reports import figures as review

    return review._not_visited(store, _ward_at_cutoff(store, figures, today), names=True)


def overdue_households(store: Store, figures: PeriodFigures, *, today: date | None = None) -> list[review.OverdueLine]:
    """The households behind "overdue follow-ups": those with a follow-up overdue at the cut-off, as the review
    lists them (by name, by first day due then address)."""
    from desktop.reports import figures as review

    return review._overdue(store, _ward_at_cutoff(store, figures, today), True)


@dataclass(frozen=True)
class Overview:
    current: PeriodFigures
    previous: PeriodFigures

    @property
    def now(self) -> KeyFigures:
        return self.current.key

    @property
    def before(self) -> KeyFigures:
        return self.previous.key


def ward_overview(store: Store, period: Period, area_id: str | None = None, *, today: date | None = None,
                  cancelled: Cancelled | None = None) -> Overview:
    """This period's figures, and the previous period's key figures, for the whole ward or one khu phố."""
    authorize(store, "reports.view")
    current = period_figures(store, period, area_id, today=today, cancelled=cancelled)
    previous = period_figures(store, previous_period(period), area_id, today=today, cancelled=cancelled,
                              details=False)
    return Overview(current, previous)
