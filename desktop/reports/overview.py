"""The ward at a glance (the app's Overview page): this period's review figures beside the previous period's.

Both come from `desktop.reports.figures.review_figures`, so every number on the Overview equals the one the
printed review shows for the same period and scope. The previous period is the one of the same kind just
before (the quarter before a quarter, the month before a month…; a range of days: as many days just before).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from desktop.progress import Cancelled, Progress
from desktop.reports.figures import ReviewFigures, review_figures
from desktop.reports.periods import Period, half_year, month, quarter, year
from desktop.security.session import authorize
from desktop.store.store import Store

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
    """The five figures the Overview compares, taken from one review."""

    visits: int
    households_reached_percent: float
    overdue_follow_ups: int
    open_cases: int
    support_value_vnd: int
    support_items: int


def key_figures(figures: ReviewFigures) -> KeyFigures:
    return KeyFigures(
        visits=figures.visits,
        households_reached_percent=figures.coverage_percent,
        overdue_follow_ups=figures.follow_ups.overdue,
        open_cases=sum(line.by_status.get(status, 0) for line in figures.cases for status in OPEN_CASE_STATUSES),
        support_value_vnd=figures.support_value_vnd,
        support_items=sum(line.items for line in figures.support),
    )


@dataclass(frozen=True)
class Overview:
    current: ReviewFigures
    previous: ReviewFigures

    @property
    def now(self) -> KeyFigures:
        return key_figures(self.current)

    @property
    def before(self) -> KeyFigures:
        return key_figures(self.previous)


def ward_overview(store: Store, period: Period, area_id: str | None = None, *, today: date | None = None,
                  progress: Progress | None = None, cancelled: Cancelled | None = None) -> Overview:
    """This period's and the previous period's review figures, for the whole ward or one khu phố."""
    authorize(store, "reports.view")
    current = review_figures(store, period, area_id, today=today, progress=progress, cancelled=cancelled)
    previous = review_figures(store, previous_period(period), area_id, today=today, cancelled=cancelled)
    return Overview(current, previous)
