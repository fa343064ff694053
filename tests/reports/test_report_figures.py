"""The review's figures against the queries the app shows (`desktop.store.queries`), on the demo ward."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.households import add_area, add_household
from desktop.register.visits import SupportItem, add_visit, complete_follow_up, void_visit
from desktop.reports.figures import review_figures
from desktop.reports.periods import date_range, quarter, year
from desktop.store.queries import HouseholdFilter, list_household_ids, list_visits, ward_stats

Q2 = quarter(2026, 2)
TODAY = date(2026, 11, 25)


def _visits_in(store, period):  # type: ignore[no-untyped-def]
    return [
        v
        for v in list_visits(store)
        if not v["voided"] and period.start.isoformat() <= str(v["visited_at"])[:10] <= period.end.isoformat()
    ]


def test_ward_figures_equal_the_queries(demo_store):  # type: ignore[no-untyped-def]
    figures = review_figures(demo_store, Q2, today=TODAY)
    stats = ward_stats(demo_store, today=Q2.end)
    visits = _visits_in(demo_store, Q2)
    visited = {v["household_id"] for v in visits}
    active = set(list_household_ids(demo_store))

    assert figures.cutoff == Q2.end
    assert figures.households == stats["households"] == len(active)
    assert figures.people == stats["people"]
    assert figures.visits == len(visits) > 0
    assert figures.households_visited == len(visited & active)
    assert {line.household_id for line in figures.not_visited} == active - visited
    purposes = Counter(code for v in visits for code in str(v["purposes"]).split(","))
    assert {code: n for code, n in figures.visits_by_purpose.items() if n} == dict(purposes)
    assert {code: n for code, n in figures.visits_by_outcome.items() if n} == dict(
        Counter(v["outcome"] for v in visits)
    )
    assert sum(n for _, n in figures.visits_by_month) == len(visits)
    assert figures.support_value_vnd == sum(int(v["support_vnd"]) for v in visits)
    with_due = [v for v in visits if v["follow_up_due"]]
    assert figures.follow_ups.total == len(with_due)
    assert figures.follow_ups.done == sum(1 for v in with_due if v["follow_up_done_at"])
    # the demo ward's year ends on Q2's last day, so "as of the cut-off" is the register as it stands
    overdue = list_household_ids(demo_store, HouseholdFilter(has_overdue_follow_up=True), today=Q2.end)
    assert [line.household_id for line in figures.overdue] != []
    assert {line.household_id for line in figures.overdue} == set(overdue)


def test_whole_year_matches_the_dashboard(demo_store):  # type: ignore[no-untyped-def]
    end = date(2026, 6, 30)
    figures = review_figures(demo_store, date_range(date(2025, 7, 1), end), today=end)
    stats = ward_stats(demo_store, today=end)
    assert figures.visits == stats["visits"]
    assert figures.households_visited == stats["households_visited_365d"]
    assert figures.follow_ups.open == stats["follow_ups_open"]
    assert figures.follow_ups.overdue == stats["follow_ups_overdue"]
    assert len(figures.activities) == stats["activities"]


def test_areas_add_up_to_the_ward(demo_store):  # type: ignore[no-untyped-def]
    ward = review_figures(demo_store, Q2, today=TODAY)
    parts = [review_figures(demo_store, Q2, line.area_id, today=TODAY) for line in ward.coverage]
    assert len(parts) >= 3
    assert sum(part.households for part in parts) == ward.households
    assert sum(part.visits for part in parts) == ward.visits  # every demo visit belongs to a household
    assert sum(part.households_visited for part in parts) == ward.households_visited
    assert sum(len(part.not_visited) for part in parts) == len(ward.not_visited)
    assert sum(part.support_value_vnd for part in parts) == ward.support_value_vnd
    assert sum(part.attendance for part in parts) == ward.attendance
    for part in parts:
        assert [line.area_id for line in part.coverage] == [part.scope.area_id]
        assert {line.area for line in part.not_visited} <= {part.scope.area_name}


def test_empty_period_has_zeroes_not_errors(demo_store):  # type: ignore[no-untyped-def]
    figures = review_figures(demo_store, year(2020), today=TODAY)
    assert figures.visits == figures.households_visited == figures.support_value_vnd == 0
    assert figures.coverage_percent == 0.0
    assert len(figures.not_visited) == figures.households == figures.never_visited
    assert figures.follow_ups.total == 0 and figures.overdue == []
    assert all(line.total == 0 and line.mean_days is None for line in figures.cases)


def test_states_are_taken_at_the_cut_off(store):  # type: ignore[no-untyped-def]
    area = add_area(store, "Khu phố 1")
    household = add_household(store, area_id=area, house_no="12", street="Lê Lợi", head_name="Trần Văn Bình")
    visit = add_visit(
        store,
        household_id=household,
        visited_on="10/02/2026",
        purposes=["welfare_check"],
        outcome="met",
        follow_up_due="20/02/2026",
        support=[SupportItem("food", 10, "kg gạo", 200_000)],
    )
    voided = add_visit(
        store, household_id=household, visited_on="11/02/2026", purposes=["mediation"], outcome="met"
    )
    void_visit(store, voided, "ghi nhầm")
    complete_follow_up(store, visit, "15/04/2026")
    february = review_figures(store, date_range(date(2026, 2, 1), date(2026, 2, 28)), today=TODAY)
    assert (february.visits, february.visits_voided) == (2, 0)  # voided today: it still stood on 28/02
    now = clock.today()
    this_year = review_figures(store, date_range(date(2026, 2, 1), now), today=now)
    assert (this_year.visits, this_year.visits_voided) == (1, 1)
    assert february.follow_ups.total == 1 and february.follow_ups.done == 0  # done only in April
    assert february.follow_ups.overdue == 1 and [line.first_due for line in february.overdue] == [
        "2026-02-20"
    ]
    assert february.support[0].quantity == 10 and february.support_value_vnd == 200_000
    april = review_figures(store, date_range(date(2026, 2, 1), date(2026, 4, 30)), today=TODAY)
    assert april.follow_ups.done == 1 and april.overdue == []
    before = review_figures(store, date_range(date(2026, 1, 1), date(2026, 1, 31)), today=TODAY)
    # entered today, first visited on 10/02: not yet known to the register on 31/01
    assert before.households == before.never_visited == 0


def test_unknown_area_is_a_user_error(demo_store):  # type: ignore[no-untyped-def]
    with pytest.raises(WardbookError) as raised:
        review_figures(demo_store, Q2, "no-such-area")
    assert raised.value.msg_id == "register.unknown_area"


def test_cancel_stops_before_any_result(demo_store):  # type: ignore[no-untyped-def]
    calls: list[tuple[int, int]] = []
    with pytest.raises(WardbookError) as raised:
        review_figures(
            demo_store,
            Q2,
            progress=lambda done, total, _: calls.append((done, total)),
            cancelled=lambda: len(calls) >= 3,
        )
    assert raised.value.msg_id == "reports.cancelled"
    assert calls == [(1, 11), (2, 11), (3, 11)]


def test_the_page_cache_is_put_back(demo_store):  # type: ignore[no-untyped-def]
    before = demo_store.conn.execute("PRAGMA cache_size").fetchone()[0]
    review_figures(demo_store, Q2, today=TODAY)
    assert demo_store.conn.execute("PRAGMA cache_size").fetchone()[0] == before
