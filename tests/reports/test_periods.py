"""Period arithmetic of the core, the one the Reports page and the Overview use."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.reports.periods import CALENDAR_KINDS, last_complete, parse_period, previous, running


def test_this_and_last_period_of_each_kind() -> None:
    day = date(2026, 1, 15)
    assert [running(kind, day).code for kind in CALENDAR_KINDS] == ["2026-01", "2026-Q1", "2026-H1", "2026"]
    assert [last_complete(kind, day).code for kind in CALENDAR_KINDS] == ["2025-12", "2025-Q4", "2025-H2", "2025"]


@given(st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 12, 31)), st.sampled_from(CALENDAR_KINDS))
def test_a_day_lies_in_its_running_period_right_after_the_last_complete_one(day: date, kind: str) -> None:
    now, before = running(kind, day), last_complete(kind, day)
    assert now.contains(day) and now.kind == kind
    assert before.end + timedelta(days=1) == now.start and before == previous(now)
    assert parse_period(now.code) == now
