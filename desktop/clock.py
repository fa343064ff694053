"""The ward's calendar: what day it is in Ho Chi Minh City, whatever time zone the laptop is set to.

Every business date (a visit's day, "in the future", due today, this quarter, the retention cut-off) is a day
of the ward. The laptop's own time zone is often not the ward's (a fresh Windows laptop is set to UTC or US
Pacific): its `date.today()` is yesterday every morning before 07:00 under UTC and most of the working day under
Pacific time, so today's visit was refused as in the future, forms prefilled yesterday and a visit counted in
the wrong quarter. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact and
needs no time zone database (Windows has none).

Stored instants are UTC (HLC stamps are UTC milliseconds, `*_at` columns ISO UTC); `day_of_ms` gives the ward's
day of one, and `start_ms` the instant a ward day begins.

This module imports nothing from the rest of the core: the store's queries use it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

WARD_TIME = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh: UTC+7, no daylight saving


def now() -> datetime:
    """This moment in the ward's time zone."""
    return datetime.now(WARD_TIME)


def today() -> date:
    """The day it is in Ho Chi Minh City now: every business "today" of the core, the CLI and the app."""
    return now().date()


def day_of_ms(ms: int) -> date:
    """The ward's day of a stored UTC instant in milliseconds (an HLC stamp's physical part)."""
    return datetime.fromtimestamp(ms / 1000, WARD_TIME).date()


def start_ms(day: date) -> int:
    """The UTC milliseconds at which the ward's `day` begins (its midnight in Ho Chi Minh City)."""
    return int(datetime.combine(day, time(), WARD_TIME).timestamp() * 1000)

