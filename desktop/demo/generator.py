"""Deterministic generator of a demo ward, through the same write path as real data.

Everything comes from one `random.Random(seed)`, including the UUIDs, so the same seed and end date give the
same ward. Rows are written in batches (one transaction for the whole ward, so a cancelled or failed run
leaves nothing behind); it scales to 100k households and millions of visits.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from desktop import clock
from desktop.demo import vocabulary as vocab
from desktop.demo.outcomes import outcome_rng, reintegration_and_models, with_outcomes
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.progress import Progress
from desktop.register.households import DEMO_PREFIX, format_code
from desktop.security.session import authorize
from desktop.store import RowWrite, Store
from desktop.store.tables import (
    ACTIVITY_KINDS,
    CASE_KINDS,
    CASE_STATUSES,
    VISIT_PURPOSES,
)

BATCH_HOUSEHOLDS = 2000
NEVER_VISITED_SHARE = 0.12
FLAG_SHARES = {
    "poor": 0.03, "near_poor": 0.05, "elderly_alone": 0.04, "disability": 0.05,
    "chronic_illness": 0.08, "young_children": 0.25, "policy_family": 0.04,
}


@dataclass(frozen=True)
class DemoSize:
    households: int = 2000
    visits_per_household: float = 2.0
    officers: int = 6
    seed: int = 1
    end: date | None = None  # last day of the year of visits; today when None


class _Maker:
    """Draws names, ids and dates from one seeded RNG."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        names, weights = zip(*vocab.FAMILY_NAMES, strict=True)
        self._family_names: tuple[str, ...] = names
        self._family_weights: tuple[float, ...] = weights

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def family(self) -> str:
        return self.rng.choices(self._family_names, self._family_weights)[0]

    def name(self, gender: str, family: str | None = None) -> str:
        middle = self.rng.choice(vocab.MIDDLE_MALE if gender == "male" else vocab.MIDDLE_FEMALE)
        given = self.rng.choice(vocab.GIVEN_MALE if gender == "male" else vocab.GIVEN_FEMALE)
        return f"{family or self.family()} {middle} {given}"

    def phone(self) -> str:
        return self.rng.choice(("090", "091", "093", "097", "098", "070", "079", "081")) + "".join(
            str(self.rng.randrange(10)) for _ in range(7)
        )

    def house_no(self) -> str:
        number = str(self.rng.randint(1, 450))
        roll = self.rng.random()
        if roll < 0.45:
            number += f"/{self.rng.randint(1, 80)}"
            if self.rng.random() < 0.2:
                number += self.rng.choice("ABCD")
        elif roll < 0.55:
            number += self.rng.choice("ABC")
        return number

    def day(self, start: date, days: int) -> date:
        return start + timedelta(days=self.rng.randrange(max(days, 1)))


def _household_rows(maker: _Maker, area_id: str, street: str, index: int, end: date) -> list[RowWrite]:
    rng = maker.rng
    household_id, head_id = maker.uid(), maker.uid()
    family = maker.family()
    head_gender = "male" if rng.random() < 0.62 else "female"
    elderly_alone = rng.random() < FLAG_SHARES["elderly_alone"]
    head_year = rng.randint(1935, 1960) if elderly_alone else rng.randint(1945, 1995)
    flags = {f"flag_{flag}": int(rng.random() < FLAG_SHARES[flag]) for flag in HOUSEHOLD_FLAGS}
    flags["flag_elderly_alone"] = int(elderly_alone)
    rows = [
        RowWrite("households", household_id, "insert", {
            "code": format_code(DEMO_PREFIX, index), "area_id": area_id, "house_no": maker.house_no(), "street": street,
            "head_person_id": head_id, "phone": maker.phone() if rng.random() < 0.8 else None,
            "status": "active", **flags,
        }),
        RowWrite("people", head_id, "insert", {
            "household_id": household_id, "full_name": maker.name(head_gender, family), "gender": head_gender,
            "birth_year": head_year, "relation_to_head": "chủ hộ",
            "phone": maker.phone() if rng.random() < 0.7 else None,
            "occupation": rng.choice(vocab.OCCUPATIONS),
            # registered long before the demo's year of visits, as a ward's households are (no draw from
            # `rng`, so the rest of the ward stays the same for a seed)
            "moved_in_on": date(end.year - 2 - index % 20, 1 + index % 12, 1).isoformat(),
        }),
    ]
    size = 1 if elderly_alone else rng.choices((1, 2, 3, 4, 5, 6, 7), (6, 14, 24, 28, 16, 8, 4))[0]
    if size > 1:
        spouse_gender = "female" if head_gender == "male" else "male"
        rows.append(RowWrite("people", maker.uid(), "insert", {
            "household_id": household_id, "full_name": maker.name(spouse_gender), "gender": spouse_gender,
            "birth_year": min(end.year - 18, head_year + rng.randint(-5, 5)), "relation_to_head": "vợ/chồng",
            "occupation": rng.choice(vocab.OCCUPATIONS),
        }))
    for _ in range(size - 2):
        gender = rng.choice(("male", "female"))
        rows.append(RowWrite("people", maker.uid(), "insert", {
            "household_id": household_id,
            "full_name": maker.name(gender, family if head_gender == "male" else None),
            "gender": gender, "birth_year": min(end.year, head_year + rng.randint(20, 40)),
            "relation_to_head": "con",
        }))
    return rows


def _visit_rows(maker: _Maker, household_id: str | None, officers: list[str], start: date,
                end: date) -> list[RowWrite]:
    rng = maker.rng
    visit_id = maker.uid()
    visited = maker.day(start, (end - start).days + 1)
    purposes = sorted(set(rng.choices(VISIT_PURPOSES[:-1], (30, 12, 8, 20, 8, 3, 4), k=rng.randint(1, 2))))
    outcome = rng.choices(("met", "not_home", "refused"), (85, 13, 2))[0]
    due = visited + timedelta(days=rng.randint(7, 60)) if rng.random() < 0.3 else None
    done = None
    if due is not None and rng.random() < 0.6:
        done = min(end, due - timedelta(days=rng.randint(0, 6))).isoformat()
    rows = [RowWrite("visits", visit_id, "insert", {
        "household_id": household_id, "visited_at": visited.isoformat(), "officer_id": rng.choice(officers),
        "purposes": ",".join(purposes), "outcome": outcome, "findings": rng.choice(vocab.FINDINGS),
        "follow_up_due": due.isoformat() if due else None, "follow_up_done_at": done, "voided": 0,
    })]
    if outcome == "met" and ("food_support" in purposes or "medical_support" in purposes):
        kind = "food" if "food_support" in purposes else "medical"
        rows.append(RowWrite("support_items", maker.uid(), "insert", {
            "visit_id": visit_id, "kind": kind,
            "quantity": float(rng.choice((5, 10, 15, 20)) if kind == "food" else 1),
            "unit": "kg gạo" if kind == "food" else "túi thuốc",
            "value_vnd": rng.choice((100_000, 150_000, 200_000, 300_000, 500_000)),
        }))
    return rows


def generate_demo_ward(store: Store, size: DemoSize = DemoSize(), progress: Progress | None = None,
                       cancelled: Callable[[], bool] = lambda: False) -> dict[str, int]:
    """Fill `store` with a demo ward in one transaction; returns how many rows of each table were written."""
    authorize(store, "demo")
    maker = _Maker(size.seed)
    rng = maker.rng
    end = size.end or clock.today()
    start = end - timedelta(days=364)
    counts: dict[str, int] = {}

    def write(batch: list[RowWrite]) -> None:
        store.writer.write(batch)
        for row in batch:
            counts[row.table] = counts.get(row.table, 0) + 1

    area_count = max(3, min(30, size.households // 400))
    with store.transaction():
        areas = [(maker.uid(), f"Khu phố {n}") for n in range(1, area_count + 1)]
        officers = [maker.uid() for _ in range(max(1, size.officers))]
        write([RowWrite("areas", area_id, "insert", {"name": name, "kind": "khu_pho", "ward_name": "Phường Demo"})
               for area_id, name in areas])
        write([RowWrite("users", officer_id, "insert", {
            "username": f"canbo{n}", "full_name": maker.name(rng.choice(("male", "female"))),
            "role": "team_lead" if n == 1 else "officer", "active": 1,
        }) for n, officer_id in enumerate(officers, start=1)])
        streets = {area_id: rng.sample(vocab.STREETS, 3) for area_id, _ in areas}
        household_ids: list[str] = []
        for batch_start in range(0, size.households, BATCH_HOUSEHOLDS):
            if cancelled():
                raise InterruptedError("demo generation cancelled")
            batch: list[RowWrite] = []
            for index in range(batch_start, min(size.households, batch_start + BATCH_HOUSEHOLDS)):
                area_id = areas[index % area_count][0]
                street = rng.choice(streets[area_id])
                if rng.random() < 0.4:
                    street = f"Hẻm {rng.randint(1, 300)} {street}"
                rows = _household_rows(maker, area_id, street, index + 1, end)
                household_ids.append(rows[0].row_id)
                batch.extend(rows)
                for _ in range(_visit_count(rng, size.visits_per_household)):
                    batch.extend(_visit_rows(maker, rows[0].row_id, officers, start, end))
            write(batch)
            if progress:
                progress(min(size.households, batch_start + BATCH_HOUSEHOLDS), size.households, "households")
        write(_activities(maker, areas, officers, start, end))
        rng_outcomes = outcome_rng(size.seed)
        write(with_outcomes(rng_outcomes, _cases(maker, household_ids, officers, start, end)))
        write(reintegration_and_models(store, rng_outcomes, areas, officers, end))
    return counts


def _visit_count(rng: random.Random, mean: float) -> int:
    """Visits of one household in the year: some get none (the coverage gap reports must show), the others
    share the visits so that the ward's average stays `mean`."""
    if rng.random() < NEVER_VISITED_SHARE:
        return 0
    per_visited = mean / (1 - NEVER_VISITED_SHARE)
    whole = int(per_visited)
    return whole + int(rng.random() < per_visited - whole)


def _activities(maker: _Maker, areas: list[tuple[str, str]], officers: list[str], start: date,
                end: date) -> list[RowWrite]:
    rng = maker.rng
    rows = []
    for area_id, _ in areas:
        for _ in range(24):
            kind = rng.choice(ACTIVITY_KINDS)
            rows.append(RowWrite("activities", maker.uid(), "insert", {
                "kind": kind, "held_on": maker.day(start, (end - start).days + 1).isoformat(), "area_id": area_id,
                "topic": rng.choice(vocab.ACTIVITY_TOPICS[kind]), "attendance": rng.randint(8, 120),
                "officer_id": rng.choice(officers),
            }))
    return rows


def _cases(maker: _Maker, household_ids: list[str], officers: list[str], start: date,
           end: date) -> list[RowWrite]:
    rng = maker.rng
    rows = []
    for _ in range(max(1, len(household_ids) // 100)):
        kind = rng.choice(CASE_KINDS)
        received = maker.day(start, (end - start).days + 1)
        status = rng.choices(CASE_STATUSES, (25, 20, 35, 5, 15))[0]
        resolved = (received + timedelta(days=rng.randint(1, 45))) if status in ("resolved", "closed") else None
        case_id = maker.uid()
        officer = rng.choice(officers)
        rows.append(RowWrite("cases", case_id, "insert", {
            "kind": kind, "title": rng.choice(vocab.CASE_TITLES[kind]),
            "household_id": rng.choice(household_ids) if household_ids else None,
            "received_on": received.isoformat(), "source": rng.choice(("người dân", "tổ dân phố", "đường dây nóng")),
            "status": status, "assignee_id": officer, "due_on": (received + timedelta(days=30)).isoformat(),
            "resolved_on": min(resolved, end).isoformat() if resolved else None,
        }))
        rows.append(RowWrite("case_events", maker.uid(), "insert", {
            "case_id": case_id, "at": received.isoformat(), "officer_id": officer, "note": "Tiếp nhận",
            "new_status": "open",
        }))
        if status != "open":
            rows.append(RowWrite("case_events", maker.uid(), "insert", {
                "case_id": case_id, "at": min(resolved or end, end).isoformat(), "officer_id": officer,
                "note": "Cập nhật xử lý", "new_status": status,
            }))
    return rows
