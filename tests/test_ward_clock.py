"""The ward's calendar: "today" is the day in Ho Chi Minh City whatever time zone the laptop is set to, and a
computer whose clock went back is told so.

The laptop's zone is set a day behind the ward (`zone_a_day_behind`, tests/conftest.py), as a laptop left on
UTC at 06:30 in Ho Chi Minh City, or on US Pacific time for most of the day.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop import clock
from desktop.cli import main
from desktop.register.activities import add_activity
from desktop.register.cases import add_case
from desktop.register.households import add_area, add_household
from desktop.register.visits import add_visit
from desktop.reports.figures import cutoff_for
from desktop.reports.periods import quarter
from desktop.security import retention
from desktop.store import Store
from desktop.store.hlc import pack
from desktop.store.queries import household_summaries, list_visits

DAY_MS = 24 * 60 * 60 * 1000


def _household(store: Store) -> str:
    area = add_area(store, "Khu phố 1")
    return add_household(store, area_id=area, house_no="12", street="Lê Lợi", head_name="Nguyễn Văn An",
                         code="HK-1")


def written_ahead(store: Store, days: int) -> None:
    """Write to the register while this laptop's clock shows `days` later than now: afterwards the real clock
    looks to the register as a clock reset `days` into the past does."""
    real = store.writer.clock.now_ms
    store.writer.clock.now_ms = lambda: real() + days * DAY_MS
    try:
        add_area(store, f"Khu phố {days}")
    finally:
        store.writer.clock.now_ms = real


def test_today_is_the_ward_day_not_the_laptop_zone_day(zone_a_day_behind: date) -> None:
    assert clock.today() == zone_a_day_behind
    assert clock.today() != date.today()


def test_a_record_dated_the_ward_today_is_not_in_the_future(store: Store, zone_a_day_behind: date) -> None:
    household = _household(store)
    today = zone_a_day_behind
    add_visit(store, household_id=household, visited_on=today, purposes=["welfare_check"], outcome="met")
    add_case(store, kind="tip", title="Tin báo", received_on=today, household_id=household)
    add_activity(store, kind="meeting", held_on=today, topic="Họp tổ dân phố")


def test_overdue_and_the_review_cut_off_follow_the_ward_day(store: Store, zone_a_day_behind: date) -> None:
    household = _household(store)
    today = zone_a_day_behind
    add_visit(store, household_id=household, visited_on=today - timedelta(days=3), purposes=["welfare_check"],
              outcome="met", follow_up_due=today - timedelta(days=1))
    assert household_summaries(store, [household])[0]["overdue"]  # due yesterday in the ward: overdue
    assert cutoff_for(quarter(today.year, (today.month - 1) // 3 + 1)) == today
    assert retention.preview(store, years=5).cutoff == today.replace(year=today.year - 5).isoformat()


def test_the_cli_dates_a_new_visit_and_case_the_ward_today(tmp_path: Path, zone_a_day_behind: date,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.db"
    with Store.open(path, create=True) as store:
        _household(store)
    assert main(["--db", str(path), "visit", "add", "--household", "HK-1", "--purpose", "welfare_check"]) == 0
    assert main(["--db", str(path), "case", "add", "--kind", "tip", "--title", "Tin báo"]) == 0
    with Store.open(path) as store:
        visits = list_visits(store, officer_id=None)
        received = store.conn.execute("SELECT received_on FROM cases").fetchone()[0]
    assert [visit["visited_at"] for visit in visits] == [zone_a_day_behind.isoformat()]
    assert received == zone_a_day_behind.isoformat()


def test_a_clock_gone_back_is_noticed_and_a_right_one_is_not(store: Store) -> None:
    _household(store)
    assert clock.clock_went_back(store) is None
    written_ahead(store, 30)  # the clock fell back a month after this
    assert clock.clock_went_back(store) == clock.today() + timedelta(days=30)
    now = clock.wall_ms() + 30 * DAY_MS
    assert clock.clock_went_back(store, now_ms=now - 2 * 60 * 60 * 1000) is None  # hours of drift: no alarm


def test_a_stamp_from_a_laptop_dated_ahead_does_not_make_this_clock_look_wrong(store: Store) -> None:
    """Sync carries another laptop's stamps into this one's HLC: a laptop dated a month ahead must not make this
    one, whose clock is right, tell its officer to change the date."""
    store.writer.clock.observe(pack(clock.wall_ms() + 30 * DAY_MS, 0))
    _household(store)
    assert clock.clock_went_back(store) is None


def test_the_cli_warns_when_the_clock_went_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.db"
    with Store.open(path, create=True) as store:
        _household(store)
    assert main(["--db", str(path), "visit", "list"]) == 0
    assert "ngày giờ của máy tính có vẻ sai" not in capsys.readouterr().err
    with Store.open(path) as store:
        written_ahead(store, 400)
    assert main(["--db", str(path), "visit", "list"]) == 0
    err = capsys.readouterr().err
    last = (clock.today() + timedelta(days=400)).strftime("%d/%m/%Y")
    assert "ngày giờ của máy tính có vẻ sai" in err and clock.today().strftime("%d/%m/%Y") in err and last in err
