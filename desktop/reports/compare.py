"""Each key figure of a review against the previous period, the same period a year earlier and the ward's
target, as the sơ kết / tổng kết states them ("tăng 12% so với cùng kỳ").

The earlier periods' figures are computed by the very same `review_figures`, each as of its own cut-off, so
they are the figures those periods' reviews printed (and print again); without the lists and breakdowns only a
review of its own prints (`details=False`), which the key figures do not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop.reports.indicators import BY_KEY, TARGETED, parse_target, values
from desktop.reports.periods import Period, previous, year_before

if TYPE_CHECKING:
    from desktop.progress import Cancelled
    from desktop.reports.figures import ReviewFigures
    from desktop.store.store import Store


@dataclass(frozen=True)
class Comparison:
    previous: Period | None  # None for a date range
    previous_values: dict[str, float | None] | None  # a value None: no base then (see `compare`)
    last_year: Period | None  # None for a year (its previous period is the year before)
    last_year_values: dict[str, float | None] | None
    targets: dict[str, float]  # by figure key, only those the ward set


def targets(store: Store) -> dict[str, float]:
    """The targets the ward has set (`report.target.<figure>`), by figure key."""
    found = {}
    for key in TARGETED:
        value = parse_target(store.setting(BY_KEY[key].setting))
        if value is not None:
            found[key] = value
    return found


def compare(
    store: Store,
    period: Period,
    area_id: str | None,
    today: date | None,
    cancelled: Cancelled | None = None,
) -> Comparison:
    from desktop.reports.figures import review_figures

    def figures_of(other: Period | None) -> dict[str, float | None] | None:
        if other is None:
            return None
        figures = review_figures(
            store, other, area_id, today=today, cancelled=cancelled, compare=False, details=False
        )
        return values(figures)

    before = previous(period)
    last_year = None if period.kind == "year" else year_before(period)
    return Comparison(before, figures_of(before), last_year, figures_of(last_year), targets(store))


def change(now: float | None, then: float | None) -> float | None:
    """The difference from an earlier figure (percentage points for a share); None when either has no value:
    a share over nothing has not risen or fallen."""
    if now is None or then is None:
        return None
    difference = now - then
    return round(difference, 1) if isinstance(difference, float) else difference


def reached(figures: ReviewFigures, key: str, target: float) -> float | None:
    """How much of a target the period reached, in percent (one decimal); None when the figure has no value."""
    now = BY_KEY[key].value(figures)
    if now is None:
        return None
    return round(100.0 * now / target, 1) if target else 0.0
