"""The ward's calendar: what day it is in Ho Chi Minh City, whatever time zone the laptop is set to.

Every business date (a visit's day, "in the future", due today, this quarter, the retention cut-off) is a day
of the ward. The laptop's own time zone is often not the ward's (a fresh Windows laptop is set to UTC or US
Pacific): its `date.today()` is yesterday every morning before 07:00 under UTC and most of the working day under
Pacific time, so today's visit was refused as in the future, forms prefilled yesterday and a visit counted in
the wrong quarter. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is exact and
needs no time zone database (Windows has none).

Stored instants are UTC (HLC stamps are UTC milliseconds, `*_at` columns ISO UTC); `day_of_ms` gives the ward's
day of one, and `start_ms` the instant a ward day begins.

The laptop's clock itself can be wrong too: after a dead CMOS battery it boots at 01/01/2020. The write path
remembers the latest wall-clock time at which this laptop wrote to the register (`WALL_SEEN`, a local setting);
`clock_went_back` compares the clock with it, so the app and the CLI can say the computer's date looks wrong.
The HLC's own last value is not used for this: it takes on other laptops' stamps at sync, so one laptop dated
ahead would make every laptop it syncs with look wrong, and an officer told so might set a right clock wrong.

This module imports nothing from the rest of the core: the store's write path and its queries use it.
"""

from __future__ import annotations

import time as _time
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store import Store

WARD_TIME = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh: UTC+7, no daylight saving
WALL_SEEN = "clock.wall_seen_ms"  # local setting: the latest wall-clock time (UTC ms) the register was written at
BEHIND_MS = 24 * 60 * 60 * 1000  # a clock more than this behind that time has gone back (minutes of drift have not)


def now() -> datetime:
    """This moment in the ward's time zone."""
    return datetime.now(WARD_TIME)


def today() -> date:
    """The day it is in Ho Chi Minh City now: every business "today" of the core, the CLI and the app."""
    return now().date()


def wall_ms() -> int:
    """This laptop's wall clock, UTC milliseconds."""
    return _time.time_ns() // 1_000_000


def day_of_ms(ms: int) -> date:
    """The ward's day of a stored UTC instant in milliseconds (an HLC stamp's physical part)."""
    return datetime.fromtimestamp(ms / 1000, WARD_TIME).date()


def start_ms(day: date) -> int:
    """The UTC milliseconds at which the ward's `day` begins (its midnight in Ho Chi Minh City)."""
    return int(datetime.combine(day, time(), WARD_TIME).timestamp() * 1000)


def clock_went_back(store: Store, now_ms: int | None = None) -> date | None:
    """The ward day this laptop last wrote to the register on, when its clock now shows a time more than a day
    before that (the clock was reset to the past); None while the clock looks right or nothing was written."""
    seen = store.setting(WALL_SEEN)
    if not seen:
        return None
    now_ms = wall_ms() if now_ms is None else now_ms
    return day_of_ms(int(seen)) if now_ms < int(seen) - BEHIND_MS else None
