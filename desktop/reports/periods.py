"""Reporting periods: a month, a quarter, six months, a year or any date range, both ends included.

Reviews are named by their period ("quý II năm 2026"), and the district compares stations by the same periods,
so a period has a stable code (`2026-Q2`, `2026-H1`, `2026-06`, `2026`, `2026-04-03..2026-05-17`) that the
exports and the commendations table use.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from desktop import i18n
from desktop.errors import WardbookError
from desktop.register.validation import check_year

_ROMAN = ("I", "II", "III", "IV")
_CODE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d{2})|Q(?P<quarter>[1-4])|H(?P<half>[12])))?$"
    r"|^(?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2})$"
)


@dataclass(frozen=True)
class Period:
    """Days `start`..`end` (inclusive); `kind` is month, quarter, half, year or range."""

    start: date
    end: date
    kind: str = "range"

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise WardbookError("reports.bad_period", start=short_date(self.start), end=short_date(self.end))

    @property
    def code(self) -> str:
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        if self.kind == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "half":
            return f"{self.start.year}-H{1 if self.start.month == 1 else 2}"
        if self.kind == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order (the x axis of the visits chart)."""
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result

    def title(self, lang: str | None = None) -> str:
        """The period as the review's summary line names it: "quý II năm 2026", "từ ngày … đến ngày …"."""
        year = self.start.year
        if self.kind == "month":
            return i18n.tr("reports.period_month", lang, month=self.start.month, year=year)
        if self.kind == "quarter":
            return i18n.tr(
                "reports.period_quarter", lang, roman=_ROMAN[(self.start.month - 1) // 3], year=year
            )
        if self.kind == "half":
            msg = "reports.period_half1" if self.start.month == 1 else "reports.period_half2"
            return i18n.tr(msg, lang, year=year)
        if self.kind == "year":
            return i18n.tr("reports.period_year", lang, year=year)
        return i18n.tr("reports.period_range", lang, start=short_date(self.start), end=short_date(self.end))


def short_date(day: date) -> str:
    """dd/mm/yyyy, the way Vietnamese tables write dates."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def month(year: int, number: int) -> Period:
    _check(1 <= number <= 12, f"{year}-{number}")
    return Period(date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1]), "month")


def quarter(year: int, number: int) -> Period:
    _check(1 <= number <= 4, f"{year}-Q{number}")
    first = 3 * (number - 1) + 1
    return Period(date(year, first, 1), month(year, first + 2).end, "quarter")


def half_year(year: int, number: int) -> Period:
    _check(number in (1, 2), f"{year}-H{number}")
    return Period(
        date(year, 1 if number == 1 else 7, 1),
        date(year, 6, 30) if number == 1 else date(year, 12, 31),
        "half",
    )


def year(number: int) -> Period:
    return Period(date(number, 1, 1), date(number, 12, 31), "year")


def date_range(start: date, end: date) -> Period:
    """Any range; one that is exactly a calendar month, quarter, half or year gets that kind and name."""
    for candidate in _calendar_periods(start):
        if candidate.start == start and candidate.end == end:
            return candidate
    return Period(start, end, "range")


CALENDAR_KINDS = ("month", "quarter", "half", "year")


def _calendar_periods(start: date) -> list[Period]:
    return [
        month(start.year, start.month),
        quarter(start.year, (start.month - 1) // 3 + 1),
        half_year(start.year, 1 if start.month <= 6 else 2),
        year(start.year),
    ]


def running(kind: str, day: date) -> Period:
    """The month, quarter, half-year or year (`kind`) that `day` falls in: "this quarter" on the Reports page
    and the Overview, the same arithmetic for both."""
    return _calendar_periods(day)[CALENDAR_KINDS.index(kind)]


def last_complete(kind: str, day: date) -> Period:
    """The last whole period of `kind` before the one `day` falls in ("last quarter")."""
    return running(kind, running(kind, day).start - timedelta(days=1))


def parse_period(code: str) -> Period:
    """The period of a code made by `Period.code` (bad codes raise a WardbookError)."""
    found = _CODE.match(code.strip())
    if not found:
        raise WardbookError("reports.bad_period_code", value=code[:40])
    for part in (found["year"], found["start"], found["end"]):
        if part:
            check_year(int(part[:4]), "period")
    if found["start"]:
        try:
            return date_range(date.fromisoformat(found["start"]), date.fromisoformat(found["end"]))
        except ValueError:
            raise WardbookError("reports.bad_period_code", value=code) from None
    number = int(found["year"])
    if found["month"]:
        return month(number, int(found["month"]))
    if found["quarter"]:
        return quarter(number, int(found["quarter"]))
    if found["half"]:
        return half_year(number, int(found["half"]))
    return year(number)


def _check(ok: bool, value: str) -> None:
    if not ok:
        raise WardbookError("reports.bad_period_code", value=value)


def following(period: Period) -> Period | None:
    """The period after `period`, of the same kind (the one its "direction and tasks" are for); None for a
    range, whose next is not a calendar period."""
    after = period.end.toordinal() + 1
    start = date.fromordinal(after)
    if period.kind == "month":
        return month(start.year, start.month)
    if period.kind == "quarter":
        return quarter(start.year, (start.month - 1) // 3 + 1)
    if period.kind == "half":
        return half_year(start.year, 1 if start.month <= 6 else 2)
    if period.kind == "year":
        return year(start.year)
    return None


def previous(period: Period) -> Period | None:
    """The period before `period`, of the same kind; None for a range."""
    before = date.fromordinal(period.start.toordinal() - 1)
    if period.kind == "month":
        return month(before.year, before.month)
    if period.kind == "quarter":
        return quarter(before.year, (before.month - 1) // 3 + 1)
    if period.kind == "half":
        return half_year(before.year, 1 if before.month <= 6 else 2)
    if period.kind == "year":
        return year(before.year)
    return None


def year_before(period: Period) -> Period:
    """The same period a year earlier (29 February becomes the 28th)."""

    def back(day: date) -> date:
        return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else day.day))

    if period.kind == "range":
        return Period(back(period.start), back(period.end), "range")
    return parse_period(period.code.replace(str(period.start.year), str(period.start.year - 1), 1))
