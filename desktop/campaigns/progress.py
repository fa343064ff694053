"""The households a sweep targets and how far it has come: by area (khu phố), by officer and per day.

Every figure comes from one list, `targets`: the households of the sweep with their area, the officer assigned
to that area (or to its parent area) and their status, read with one query. The page, the CLI, the walk list
and the report count the same list, so they never disagree. An officer sees only the households of the areas
assigned to them; team leads and admins see the whole sweep.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from desktop import clock
from desktop.campaigns.definition import Campaign
from desktop.security.session import visible_officer
from desktop.store import Store

STATES = ("reached", "to_retry", "not_started", "other")
_STATE_OF = {"reached": "reached", "not_home": "to_retry", "refused": "other", "moved_away": "other",
             "not_found": "other"}


@dataclass(frozen=True)
class Target:
    """One household of a sweep and where it stands."""

    household_id: str
    area_id: str | None
    officer_id: str | None
    status: str | None  # a `SWEEP_STATUSES` value, None while nobody has been
    attempts: int
    last_on: str | None

    @property
    def state(self) -> str:
        return _STATE_OF.get(self.status or "", "not_started")


def _where(campaign: Campaign) -> tuple[str, list[object]]:
    clauses = ["h.deleted_hlc IS NULL", "(h.status IS NOT 'moved_out' OR r.id IS NOT NULL)"]
    params: list[object] = []
    if campaign.target_area_ids:
        marks = ", ".join("?" * len(campaign.target_area_ids))
        clauses.append(f"(h.area_id IN ({marks}) OR a.parent_id IN ({marks}))")
        params += [*campaign.target_area_ids, *campaign.target_area_ids]
    if campaign.target_flag:
        clauses.append(f"h.flag_{campaign.target_flag} = 1")  # a name of `HOUSEHOLD_FLAGS` (checked when written)
    return " AND ".join(clauses), params


def targets(store: Store, campaign: Campaign, *, household_id: str | None = None,
            scoped: bool = True) -> list[Target]:
    """The sweep's households (one of them with `household_id`), in code order; with `scoped`, an officer's own."""
    where, params = _where(campaign)
    if household_id is not None:
        where += " AND h.id = ?"
        params.append(household_id)
    officer = visible_officer(store) if scoped else None
    if officer is not None:
        where += " AND COALESCE(s1.officer_id, s2.officer_id) = ?"
        params.append(officer)
    cursor = store.conn.execute(
        "SELECT h.id, h.area_id, COALESCE(s1.officer_id, s2.officer_id), r.status, COALESCE(r.attempts, 0), "
        "r.last_on FROM households h LEFT JOIN areas a ON a.id = h.area_id "
        "LEFT JOIN campaign_assignments s1 ON s1.campaign_id = ? AND s1.area_id = h.area_id "
        "AND s1.deleted_hlc IS NULL "
        "LEFT JOIN campaign_assignments s2 ON s2.campaign_id = ? AND s2.area_id = a.parent_id "
        "AND s2.deleted_hlc IS NULL "
        "LEFT JOIN campaign_results r ON r.campaign_id = ? AND r.household_id = h.id AND r.deleted_hlc IS NULL "
        f"WHERE {where} ORDER BY h.code, h.id", [campaign.id, campaign.id, campaign.id, *params])
    return [Target(*row) for row in cursor]


@dataclass(frozen=True)
class Tally:
    """The households of one group (an area, an officer) in each state."""

    key: str | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        """Households that need no more visit: reached, refused, moved away or not found."""
        return self.counts["reached"] + self.counts["other"]


def tally(rows: Iterable[Target]) -> Tally:
    counts = Counter(row.state for row in rows)
    return Tally(None, {state: counts.get(state, 0) for state in STATES})


def tallies_by(rows: Sequence[Target], by: str) -> list[Tally]:
    """Tallies per `area_id` or `officer_id`, in the order groups first appear (the caller sorts by name)."""
    groups: dict[str | None, list[Target]] = {}
    for row in rows:
        groups.setdefault(getattr(row, by), []).append(row)
    return [Tally(key, tally(members).counts) for key, members in groups.items()]


@dataclass(frozen=True)
class Day:
    on: str
    done: int  # households finished that day (reached, refused, moved away, not found)
    cumulative: int
    planned: int  # where the sweep should be by the end of the day to finish on time (a straight line)


def per_day(rows: Sequence[Target], campaign: Campaign, today: date | None = None) -> list[Day]:
    """Each day of the sweep so far (to its end or today, whichever comes first), with the households finished
    that day, in total, and as planned at an even pace over the sweep's days."""
    start, end = date.fromisoformat(campaign.starts_on), date.fromisoformat(campaign.ends_on)
    last = min(end, today or clock.today())
    finished = Counter(row.last_on for row in rows if row.state in ("reached", "other") and row.last_on)
    before = sum(count for on, count in finished.items() if on < campaign.starts_on)
    span = (end - start).days + 1
    days: list[Day] = []
    total = before
    for offset in range(max(0, (last - start).days + 1)):
        on = (start + timedelta(days=offset)).isoformat()
        total += finished.get(on, 0)
        days.append(Day(on, finished.get(on, 0), total, round(len(rows) * (offset + 1) / span)))
    return days


def days_left(campaign: Campaign, today: date | None = None) -> int:
    return max(0, (date.fromisoformat(campaign.ends_on) - (today or clock.today())).days)
