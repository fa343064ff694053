"""The demo ward's outcome records: what became of its tips, how its mediations ended, the people under
reintegration support and the community models of its khu phố — so the app's lists and the review's outcome
figures show something on a demo ward.

Drawn from an RNG of their own (seeded from the ward's seed), so the rest of the demo ward stays exactly what
the same seed always gave.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta

from desktop.store import RowWrite, Store

MODEL_NAMES = {
    "safe_area": "Khu dân cư an toàn về ANTT {area}",
    "security_camera": "Camera an ninh {area}",
    "self_managed_group": "Tổ tự quản {area}",
    "fire_safety": "Tổ liên gia an toàn PCCC {area}",
}


def outcome_rng(seed: int) -> random.Random:
    return random.Random(f"outcomes-{seed}")


def with_outcomes(rng: random.Random, case_rows: list[RowWrite]) -> list[RowWrite]:
    """The demo's case rows (each case followed by its events) with the outcome the case's status suggests: a
    tip verified, passed to the police or closed once handled; a mediation settled, failed or referred."""
    kind = ""
    for row in case_rows:
        if row.table == "cases":
            kind, outcome = str(row.fields["kind"]), _outcome(rng, str(row.fields["kind"]), str(row.fields["status"]))
            if kind == "tip":
                row.fields["tip_status"] = outcome
            elif kind in ("dispute", "complaint"):
                row.fields["mediation_result"] = outcome
        elif kind in ("tip", "dispute", "complaint"):
            first = row.fields.get("new_status") == "open"
            row.fields["new_outcome"] = ("received" if kind == "tip" else None) if first else outcome
    return case_rows


def _outcome(rng: random.Random, kind: str, status: str) -> str | None:
    if kind == "tip":
        return {"open": "received", "in_progress": "verified", "referred": "forwarded_police"}.get(
            status, rng.choice(("verified", "closed", "forwarded_police")))
    if kind in ("dispute", "complaint"):
        if status == "referred":
            return "referred"
        return rng.choices(("successful", "unsuccessful"), (75, 25))[0] if status in ("resolved", "closed") else None
    return None


def reintegration_and_models(store: Store, rng: random.Random, areas: list[tuple[str, str]], officers: list[str],
                             end: date) -> list[RowWrite]:
    """People under reintegration support (about one in 400 adults, some ended within the year) and one to
    three community models per khu phố, recognised over the last years, with their member counts."""
    people = [row[0] for row in store.conn.execute(  # adults who still live in the ward
        "SELECT id FROM people WHERE birth_year BETWEEN ? AND ? AND moved_out_on IS NULL ORDER BY id",
        (end.year - 65, end.year - 20))]
    rows = []
    for person in rng.sample(people, min(len(people), max(3, len(people) // 400))):
        started = end - timedelta(days=rng.randint(30, 900))
        ended = started + timedelta(days=rng.randint(180, 540))
        rows.append(RowWrite("reintegration", _uid(rng), "insert", {
            "person_id": person, "started_on": started.isoformat(),
            "ended_on": ended.isoformat() if ended <= end else None, "officer_id": rng.choice(officers),
        }))
    for area_id, area in areas:
        for kind in rng.sample(sorted(MODEL_NAMES), rng.randint(1, 3)):
            recognised = end - timedelta(days=rng.randint(20, 1500))
            stopped = rng.random() < 0.1
            # Counted when recognised, and again now and then while it runs (the reviews read these counts).
            counts = [(recognised, rng.randint(6, 40))]
            while not stopped and (end - counts[-1][0]).days > 200:
                counts.append((counts[-1][0] + timedelta(days=rng.randint(150, 400)),
                               max(3, counts[-1][1] + rng.randint(-4, 10))))
            counts = [(day, members) for day, members in counts if day <= end]
            model_id = _uid(rng)
            rows.append(RowWrite("community_models", model_id, "insert", {
                "name": MODEL_NAMES[kind].format(area=area), "kind": kind, "area_id": area_id,
                "members": counts[-1][1], "status": "stopped" if stopped else "active",
                "recognised_on": recognised.isoformat(),
                "stopped_on": (recognised + (end - recognised) / 2).isoformat() if stopped else None,
            }))
            rows.extend(RowWrite("community_model_counts", _uid(rng), "insert", {
                "model_id": model_id, "counted_on": day.isoformat(), "members": members}) for day, members in counts)
    return rows


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
