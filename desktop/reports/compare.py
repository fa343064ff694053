"""Each key figure of a review against the previous period, the same period a year earlier and the ward's
target, as the sơ kết / tổng kết states them ("tăng 12% so với cùng kỳ").

The earlier periods' figures are computed by the very same `review_figures`, each as of its own cut-off, so
they are the figures those periods' reviews printed (and print again); without the lists and breakdowns only a
review of its own prints (`details=False`), which the key figures do not read.

They are computed while the review computes its own period's figures, one after the other on a connection of
their own in a thread (`comparing`): SQLite lets go of Python's lock while a query runs, which is most of their
time. On two cores the two threads still slow each other down (the period's own figures alone 0.61 s, beside the
earlier ones 0.95 s, on a 10k ward), so a review's figures take about a sixth less time, not half; a second
thread, one per earlier period, gained nothing more and held a third connection's cache.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from desktop.reports.indicators import BY_KEY, TARGETED, parse_target, values
from desktop.reports.periods import Period, previous, year_before
from desktop.reports.rounding import exact, half_up

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


def _earlier_values(
    store: Store, earlier: list[Period], area_id: str | None, today: date | None, cancelled: Cancelled | None
) -> list[dict[str, float | None]]:
    """The key figures of each of the `earlier` periods, in turn on `store`'s connection: the periods read the
    same pages, which the connection's cache then holds for the next."""
    from desktop.reports.figures import review_figures

    return [values(review_figures(store, other, area_id, today=today, cancelled=cancelled, compare=False,
                                  details=False)) for other in earlier]


def _earlier_values_apart(
    store: Store, earlier: list[Period], area_id: str | None, today: date | None, cancelled: Cancelled
) -> list[dict[str, float | None]]:
    """`_earlier_values` on a connection of its own (same key, same user), for a thread of its own."""
    from desktop.security.database import reopen

    with reopen(store) as own:
        return _earlier_values(own, earlier, area_id, today, cancelled)


@contextmanager
def comparing(
    store: Store,
    period: Period,
    area_id: str | None,
    today: date | None,
    cancelled: Cancelled | None = None,
) -> Iterator[Callable[[], Comparison]]:
    """Start computing the comparison of `period` (see the module's docstring) while the block computes the
    period's own figures; the block calls what it is given for the result, which waits for what is left.

    Inside an open transaction of `store` the earlier periods are computed on its own connection when asked for
    instead: another connection would not see what that transaction wrote. A block that ends with an error (a
    cancel) stops the thread at its next step instead of waiting for the figures nobody will read.
    """
    before = previous(period)
    last_year = None if period.kind == "year" else year_before(period)
    earlier = [other for other in (before, last_year) if other is not None]
    ward_targets = targets(store)

    def comparison(found: list[dict[str, float | None]]) -> Comparison:
        of = dict(zip(earlier, found, strict=True))
        return Comparison(before, of[before] if before else None, last_year, of[last_year] if last_year else None,
                          ward_targets)

    if store.in_transaction or not earlier:
        yield lambda: comparison(_earlier_values(store, earlier, area_id, today, cancelled))
        return
    stop = threading.Event()

    def stopped() -> bool:
        return stop.is_set() or (cancelled is not None and cancelled())

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="review-compare") as pool:
        running: Future[list[dict[str, float | None]]] = pool.submit(
            _earlier_values_apart, store, earlier, area_id, today, stopped)
        try:
            yield lambda: comparison(running.result())
        finally:
            stop.set()  # after the result was read: only a thread nobody waits for any more is stopped


def change(now: float | None, then: float | None) -> float | None:
    """The difference from an earlier figure (percentage points for a share); None when either has no value:
    a share over nothing has not risen or fallen."""
    if now is None or then is None:
        return None
    difference = now - then
    return float(half_up(exact(now) - exact(then), 1)) if isinstance(difference, float) else difference


def reached(figures: ReviewFigures, key: str, target: float) -> float | None:
    """How much of a target the period reached, in percent (one decimal); None when the figure has no value."""
    now = BY_KEY[key].value(figures)
    if now is None:
        return None
    return float(half_up(exact(now) * 100 / exact(target), 1)) if target else 0.0
