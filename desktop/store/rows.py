"""The rows the register's queries return, typed field by field.

The pages, the CLI and the reports read these rows by key; a `dict[str, object]` let a misspelt key or a value
of the wrong kind (a count read as text, a missing date read as a string) through to the screen or the PDF.
With a TypedDict per query, mypy checks every reader against what the SQL selects. They stay plain dicts at
run time, so JSON exports and the item models take them as they are.
"""

from __future__ import annotations

from typing import TypedDict


class HouseholdSummary(TypedDict):
    """A household as the list, the picker and the reports show it."""

    id: str
    code: str | None
    house_no: str | None
    street: str | None
    area: str | None
    head: str | None
    phone: str | None
    status: str
    flags: list[str]  # the keys of HOUSEHOLD_FLAGS set on the household
    members: int  # living here now (not moved out)
    last_visit: str | None  # ISO date of the newest visit that was not voided
    overdue: int  # open follow-ups due before today
    area_id: str | None


class MemberRow(TypedDict):
    id: str
    full_name: str | None
    gender: str | None
    birth_year: int | None
    relation_to_head: str | None
    phone: str | None
    id_number: str | None
    moved_out_on: str | None


class SupportRow(TypedDict):
    kind: str
    quantity: float | None
    unit: str | None
    value_vnd: int | None
    description: str | None


class VisitRow(TypedDict):
    id: str
    household_id: str
    house_no: str | None
    street: str | None
    visited_at: str
    purposes: str  # JSON list of VISIT_PURPOSES keys
    outcome: str
    findings: str | None
    follow_up_due: str | None
    follow_up_done_at: str | None
    voided: int
    void_reason: str | None
    officer_id: str | None
    support_vnd: int  # total value of the visit's alive support items


class TimelineVisit(VisitRow):
    support: list[SupportRow]


class HouseholdCase(TypedDict):
    id: str
    kind: str
    title: str
    status: str
    received_on: str
    due_on: str | None


class HouseholdDetail(HouseholdSummary):
    """Everything a household page shows."""

    head_id: str | None
    people: list[MemberRow]
    visits: list[TimelineVisit]
    hidden_visits: int  # visits of other officers the logged-in officer may not see
    cases: list[HouseholdCase]
    hidden_cases: int  # cases assigned to other officers, left out likewise


class WardStats(TypedDict):
    areas: int
    households: int
    people: int
    visits: int
    households_visited_365d: int
    follow_ups_open: int
    follow_ups_overdue: int
    cases_open: int
    activities: int


class AreaRow(TypedDict):
    id: str
    name: str
    kind: str


class UserRow(TypedDict):
    id: str
    username: str
    full_name: str | None
    role: str
    active: int


class ActivityRow(TypedDict):
    id: str
    kind: str
    held_on: str
    topic: str | None
    attendance: int | None
    notes: str | None
    area_id: str | None
    officer_id: str | None
    area: str | None


class PersonMatch(TypedDict):
    id: str
    full_name: str
    birth_year: int | None
    house_no: str | None
    street: str | None
    moved_out_on: str | None
