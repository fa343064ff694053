"""The review's figures, as fast SQL, against a plain Python reading of the same definitions (the module docstring
and `AsOf` of `desktop.reports.figures`), on small random wards built through the real Store.

Each ward is written day by day on a simulated clock, so its rows carry creation, deletion, void and status
stamps before and after the cut-offs checked: visits entered late, voided and restored, deleted; follow-ups
done before or after the cut-off; members moving in and out; households moving out or deleted. The figures of
random periods, cut-offs and scopes must equal the reference's, exactly.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.households import add_area, add_household, add_person, move_out_person
from desktop.register.visits import SupportItem, add_visit, complete_follow_up, restore_visit, void_visit
from desktop.reports.figures import ReviewFigures, cutoff_for, review_figures
from desktop.reports.indicators import values
from desktop.reports.overview import key_figures, overdue_households, period_figures
from desktop.reports.periods import Period, date_range, month, quarter
from desktop.store import Store
from desktop.store.queries import house_number_key
from desktop.store.tables import VISIT_OUTCOMES, VISIT_PURPOSES

DAY_HLC = 86_400_000 << 16
TODAY = clock.today()
FIRST_DAY = TODAY - timedelta(days=300)
OFFICERS = ("Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường")


def _hlc(day: date, step: int = 0) -> int:
    """The HLC of noon (Vietnam time) of `day`, plus a few milliseconds for the order of the day's writes."""
    moment = datetime.combine(day, time(12), clock.WARD_TIME)
    return (int(moment.timestamp() * 1000) + step) << 16


class _SimulatedClock:
    def __init__(self) -> None:
        self.day = FIRST_DAY
        self.step = 0

    def __call__(self) -> int:
        self.step += 1
        return _hlc(self.day, self.step) >> 16


def _dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def _build(store: Store, ops: list[tuple[int, int, int, int]]) -> None:
    clock = _SimulatedClock()
    store.writer.clock.now_ms = clock
    store.writer.clock.last = 0
    areas = [add_area(store, "Khu phố 1"), add_area(store, "Khu phố 2")]
    officers = [store.writer.insert("users", {"username": f"o{i}", "full_name": name, "role": "officer",
                                              "active": 1}) for i, name in enumerate(OFFICERS)]
    households: list[str] = []
    people: list[str] = []
    visits: list[str] = []
    for kind, a, b, c in ops:
        clock.day = min(clock.day + timedelta(days=a % 12), TODAY - timedelta(days=1))
        day = clock.day
        try:
            if kind == 0 or not households:
                household = add_household(store, area_id=areas[b % 2], house_no=str(b % 50),
                                          street="Lê Lợi", head_name=f"Chủ hộ {len(households)}")
                households.append(household)
                people.append(str(store.conn.execute(
                    "SELECT head_person_id FROM households WHERE id = ?", (household,)).fetchone()[0]))
                if c % 3 == 0:  # a member who says since when the household lives here
                    moved_in = day - timedelta(days=c % 700) if c % 2 else None
                    people.append(add_person(store, household, f"Thành viên {c}",
                                             moved_in_on=_dmy(moved_in) if moved_in else None))
            elif kind == 1 and visits and c % 4 == 1:  # another visit the same day (whose is the last visit?)
                household, visited_at = store.conn.execute(
                    "SELECT household_id, visited_at FROM visits WHERE id = ?", (visits[-1],)).fetchone()
                visits.append(add_visit(store, household_id=household, visited_on=date.fromisoformat(visited_at),
                                        purposes=[VISIT_PURPOSES[0]], outcome=VISIT_OUTCOMES[0],
                                        officer_id=officers[b % len(officers)]))
            elif kind == 1:
                visited = day - timedelta(days=c % 60 if c % 5 else 0)  # often entered late
                codes = [code for bit, code in enumerate(VISIT_PURPOSES) if (c >> bit) & 1] or [VISIT_PURPOSES[0]]
                due = visited + timedelta(days=(c >> 3) % 40) if c % 3 == 0 else None
                support = [SupportItem("food" if c % 2 else "cash", c % 7 + 1, "kg" if c % 2 else None,
                                       (c % 5) * 50_000)] if c % 4 == 0 else []
                visits.append(add_visit(
                    store, household_id=households[b % len(households)], visited_on=_dmy(visited),
                    purposes=codes[:3], outcome=VISIT_OUTCOMES[c % len(VISIT_OUTCOMES)],
                    officer_id=officers[(b >> 2) % len(officers)],
                    follow_up_due=_dmy(due) if due else None, support=support,
                ))
            elif kind == 2 and visits:
                visit = visits[b % len(visits)]
                voided = store.conn.execute("SELECT voided FROM visits WHERE id = ?", (visit,)).fetchone()[0]
                if voided:
                    restore_visit(store, visit)
                else:
                    void_visit(store, visit, "ghi nhầm")
            elif kind == 3:
                table, rows = [("visits", visits), ("households", households), ("people", people)][b % 3]
                if rows:
                    store.writer.delete(table, rows[c % len(rows)])
            elif kind == 4 and visits:
                complete_follow_up(store, visits[b % len(visits)], _dmy(day - timedelta(days=c % 15)))
            elif kind == 5:
                if b % 2:
                    store.writer.update("households", households[c % len(households)], {"status": "moved_out"})
                else:
                    move_out_person(store, people[c % len(people)], _dmy(day - timedelta(days=b % 20)))
            elif kind == 6:
                moved_in = day - timedelta(days=c % 200) if c % 2 else None
                people.append(add_person(store, households[b % len(households)], f"Người {c}",
                                         moved_in_on=_dmy(moved_in) if moved_in else None))
        except WardbookError:
            pass  # refused as a user would be (a follow-up done on a visit without one, a deleted row…)


# --- the reference: the rules read from the rows in plain Python -----------------------------------------------


@dataclass
class _Rows:
    households: list[dict[str, Any]]
    people: list[dict[str, Any]]
    visits: list[dict[str, Any]]
    support: list[dict[str, Any]]
    clock: dict[tuple[str, str, str], int]
    names: dict[str, str]


def _read(store: Store) -> _Rows:
    def rows(sql: str) -> list[dict[str, Any]]:
        cursor = store.conn.execute(sql)
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor]

    return _Rows(
        rows("SELECT * FROM households"), rows("SELECT * FROM people"),
        rows("SELECT rowid AS rowid_, * FROM visits"), rows("SELECT * FROM support_items"),
        {(t, r, f): h for t, r, f, h in store.conn.execute("SELECT tbl, row_id, field, hlc FROM field_clock")},
        {str(i): str(n or u or "") for i, n, u in store.conn.execute("SELECT id, full_name, username FROM users")},
    )


def _lt(a: Any, b: Any) -> bool:
    return a is not None and b is not None and a < b


def reference(data: _Rows, period: Period, area: str | None, today: date) -> dict[str, Any]:
    cut = cutoff_for(period, today)
    bound = int(datetime.combine(cut + timedelta(days=1), time(), clock.WARD_TIME).timestamp() * 1000) << 16
    after_cut, start = (cut + timedelta(days=1)).isoformat(), period.start.isoformat()
    after_end = (period.end + timedelta(days=1)).isoformat()

    def alive(row: dict[str, Any]) -> bool:
        return row["deleted_hlc"] is None or row["deleted_hlc"] >= bound

    def changed_after(table: str, row: dict[str, Any], name: str) -> bool:
        stamp = data.clock.get((table, row["id"], name))
        if stamp is None:
            stamp = row["created_hlc"] if row["created_hlc"] is not None else 0
        return stamp >= bound

    def live(v: dict[str, Any]) -> bool:
        return alive(v) and (v["voided"] == 0 or changed_after("visits", v, "voided"))

    def voided(v: dict[str, Any]) -> bool:
        return alive(v) and v["voided"] == 1 and not changed_after("visits", v, "voided")

    by_id = {h["id"]: h for h in data.households}

    def in_ward(h: dict[str, Any]) -> bool:
        known = (_lt(h["created_hlc"], bound)
                 or any(m["household_id"] == h["id"] and _lt(m["moved_in_on"], after_cut) for m in data.people)
                 or any(x["household_id"] == h["id"] and x["deleted_hlc"] is None and _lt(x["visited_at"], after_cut)
                        for x in data.visits))
        return alive(h) and (h["status"] == "active" or changed_after("households", h, "status")) and known

    def person_in(p: dict[str, Any], h: dict[str, Any]) -> bool:
        if not alive(p) or (p["moved_out_on"] is not None and p["moved_out_on"] < after_cut):
            return False
        if p["moved_in_on"] is not None:
            return bool(p["moved_in_on"] < after_cut)
        return _lt(p["created_hlc"], bound) or (
            p["created_hlc"] is not None and h["created_hlc"] is not None
            and p["created_hlc"] <= h["created_hlc"] + DAY_HLC)

    ward = [h for h in data.households if in_ward(h) and (area is None or h["area_id"] == area)]
    ids = {h["id"] for h in ward}
    visits_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for v in data.visits:
        visits_of[v["household_id"]].append(v)

    def in_period(v: dict[str, Any]) -> bool:
        return v["visited_at"] is not None and start <= v["visited_at"] < after_end

    scoped = {h["id"] for h in data.households if area is None or (h["area_id"] == area and alive(h))}
    period_visits = [v for v in data.visits
                     if live(v) and in_period(v) and (area is None or v["household_id"] in scoped)]
    coverage: dict[str | None, list[int]] = defaultdict(lambda: [0, 0, 0])
    not_visited, overdue = {}, {}
    for h in ward:
        own = [v for v in visits_of[h["id"]] if live(v)]
        line = coverage[h["area_id"]]
        visited = any(in_period(v) for v in own)
        line[0] += 1
        line[1] += visited
        line[2] += not any(_lt(v["visited_at"], after_cut) for v in own)
        before = [v for v in own if _lt(v["visited_at"], after_cut)]
        if not visited:
            last = max(before, key=lambda v: (v["visited_at"], v["rowid_"]), default=None)
            not_visited[h["id"]] = (last["visited_at"][:10], data.names.get(last["officer_id"], "")) if last else (
                None, None)
        open_due = sorted(v["follow_up_due"] for v in before if _lt(v["follow_up_due"], cut.isoformat())
                          and (v["follow_up_done_at"] is None or v["follow_up_done_at"] >= after_cut))
        if open_due:
            overdue[h["id"]] = (open_due[0][:10], len(open_due))
    with_due = [v for v in period_visits if v["follow_up_due"] is not None]
    done = sum(1 for v in with_due if _lt(v["follow_up_done_at"], after_cut))
    support: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0, 0])
    period_ids = {v["id"] for v in period_visits}
    for s in data.support:
        if alive(s) and s["visit_id"] in period_ids:
            line_s = support[(s["kind"], s["unit"] or "")]
            line_s[0] += 1
            line_s[1] += s["quantity"] or 0
            line_s[2] += s["value_vnd"] or 0
    officers: dict[str | None, list[Any]] = defaultdict(lambda: [0, set()])
    for v in period_visits:
        officers[v["officer_id"]][0] += 1
        if v["household_id"] is not None:
            officers[v["officer_id"]][1].add(v["household_id"])
    return {
        "cutoff": cut,
        "households": len(ward),
        "people": sum(1 for p in data.people if p["household_id"] in ids and person_in(p, by_id[p["household_id"]])),
        "coverage": {k: tuple(v) for k, v in coverage.items()},
        "visits": len(period_visits),
        "voided": sum(1 for v in data.visits if voided(v) and in_period(v)
                      and (area is None or v["household_id"] in scoped)),
        "purposes": Counter(code for v in period_visits for code in (v["purposes"] or "").split(",") if code),
        "outcomes": Counter(v["outcome"] or "" for v in period_visits),
        "months": Counter(v["visited_at"][:7] for v in period_visits),
        "support": {k: (v[0], float(v[1]), v[2]) for k, v in support.items()},
        "follow_ups": (len(with_due), done, len(with_due) - done, sum(
            1 for v in with_due
            if not _lt(v["follow_up_done_at"], after_cut) and v["follow_up_due"] < cut.isoformat())),
        "not_visited": not_visited,
        "overdue": overdue,
        "officers": {k: (v[0], len(v[1])) for k, v in officers.items()},
    }


def observed(f: ReviewFigures) -> dict[str, Any]:
    return {
        "cutoff": f.cutoff,
        "households": f.households,
        "people": f.people,
        "coverage": {line.area_id: (line.households, line.visited, line.never_visited) for line in f.coverage},
        "visits": f.visits,
        "voided": f.visits_voided,
        "purposes": Counter({k: n for k, n in f.visits_by_purpose.items() if n}),
        "outcomes": Counter({k: n for k, n in f.visits_by_outcome.items() if n}),
        "months": Counter({k: n for k, n in f.visits_by_month if n}),
        "support": {(line.kind, line.unit): (line.items, line.quantity, line.value_vnd) for line in f.support},
        "follow_ups": (f.follow_ups.total, f.follow_ups.done, f.follow_ups.open, f.follow_ups.overdue),
        "not_visited": {line.household_id: (line.last_visit, line.last_officer) for line in f.not_visited},
        "overdue": {line.household_id: (line.first_due, line.open_count) for line in f.overdue},
        "officers": {line.officer_id: (line.visits, line.households) for line in f.officers},
    }


def _address(area: str, street: str, house_no: str) -> tuple[object, ...]:
    return house_number_key(area.casefold()), street.casefold(), house_number_key(house_no)


def assert_listed_in_order(f: ReviewFigures) -> None:
    """The lists go by address (the overdue ones by first due day first); households at one address by id."""
    def ids(lines: list[Any]) -> list[str]:
        return [line.household_id for line in lines]

    assert ids(f.not_visited) == ids(sorted(f.not_visited, key=lambda line: (
        _address(line.area, line.street, line.house_no), line.household_id)))
    assert ids(f.overdue) == ids(sorted(f.overdue, key=lambda line: (
        line.first_due, _address(line.area, line.street, line.house_no), line.household_id)))


def by_id(lines: list[Any]) -> list[Any]:
    return sorted(lines, key=lambda line: line.household_id)


def _period(kind: int, offset: int, length: int) -> Period:
    day = FIRST_DAY + timedelta(days=offset)
    if kind == 0:
        return quarter(day.year, (day.month - 1) // 3 + 1)
    if kind == 1:
        return month(day.year, day.month)
    return date_range(day, day + timedelta(days=length))


KINDS = st.sampled_from([0, 0, 1, 1, 1, 1, 1, 2, 2, 3, 4, 4, 5, 6])  # mostly visits
OPS = st.lists(st.tuples(KINDS, st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6)),
               min_size=25, max_size=70)
CHECKS = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 300), st.integers(0, 120), st.integers(0, 320),
                            st.integers(0, 2)), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS, checks=CHECKS)
def test_the_figures_equal_a_plain_reading_of_their_rules(ops: list[tuple[int, int, int, int]],
                                                         checks: list[tuple[int, int, int, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "ward.db", create=True) as store:
        _build(store, ops)
        data = _read(store)
        areas = [None, *(row[0] for row in store.conn.execute("SELECT id FROM areas ORDER BY name"))]
        for kind, offset, length, today_offset, scope in checks:
            period = _period(kind, offset, length)
            today = TODAY if today_offset % 2 else min(FIRST_DAY + timedelta(days=today_offset), TODAY)
            area = areas[scope]
            figures = review_figures(store, period, area, today=today, names=True)
            assert observed(figures) == reference(data, period, area, today)
            assert_listed_in_order(figures)
            # a review that names no household (the default) reads every figure alike, without the names
            nameless = review_figures(store, period, area, today=today)
            assert observed(nameless) == observed(figures) and values(nameless) == values(figures)
            assert (nameless.not_visited_by_officer, nameless.overdue_by_area) == (
                figures.not_visited_by_officer, figures.overdue_by_area)
            assert not [line for line in [*nameless.not_visited, *nameless.overdue]
                        if line.code or line.head or line.street or line.house_no]
            # the Overview reads the same figures (its own call, without the review's lists)
            quick = period_figures(store, period, area, today=today)
            assert (quick.coverage, quick.visits, quick.support, quick.officers) == (
                figures.coverage, figures.visits, figures.support, figures.officers)
            # its households with overdue follow-ups as a review naming nobody has them; by name when its list opens
            assert by_id(quick.overdue) == by_id(nameless.overdue)
            assert overdue_households(store, quick, today=today) == figures.overdue
            # the period the Overview compares with, read without its lists, has the same key figures
            assert key_figures(period_figures(store, period, area, today=today, details=False)) == key_figures(
                figures)
            # a comparison's cheaper reading of the period gives the same key figures as the period's own review
            earlier = review_figures(store, period, area, today=today, compare=False, details=False)
            assert values(earlier) == values(figures)
