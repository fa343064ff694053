"""The synced tables and their fields: the one place that says what the write path may write.

Every synced row has `id` (a UUID made on the device that created it), `created_at`, `updated_at`,
`deleted_hlc` (soft delete) and its creation stamp `created_hlc`/`created_device` (the clock every field
written at creation carries until it is changed, see `desktop.store.writer`). Those are managed by the write
path; the business fields are listed here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

META_FIELDS = ("id", "created_at", "updated_at", "deleted_hlc", "created_hlc", "created_device")


@dataclass(frozen=True)
class TableSpec:
    name: str
    fields: dict[str, type]  # business fields and their Python type (str, int, float)

    @property
    def columns(self) -> tuple[str, ...]:
        return (*META_FIELDS, *self.fields)


HOUSEHOLD_FLAGS = (
    "poor",
    "near_poor",
    "elderly_alone",
    "disability",
    "chronic_illness",
    "young_children",
    "policy_family",
)

VISIT_PURPOSES = (
    "welfare_check",
    "food_support",
    "medical_support",
    "scam_awareness",
    "mediation",
    "reintegration",
    "tip_follow_up",
    "other",
)
VISIT_OUTCOMES = ("met", "not_home", "refused")
SUPPORT_KINDS = ("food", "medical", "cash", "other")
ACTIVITY_KINDS = ("meeting", "forum", "awareness_session", "training", "patrol")
CASE_KINDS = ("tip", "dispute", "complaint", "reintegration")
CASE_STATUSES = ("open", "in_progress", "resolved", "referred", "closed")
COMMENDATION_STATUSES = ("proposed", "approved", "declined")
AREA_KINDS = ("khu_pho", "to_dan_pho", "ap")
USER_ROLES = ("officer", "team_lead", "admin")
GENDERS = ("male", "female", "other")
HOUSEHOLD_STATUSES = ("active", "moved_out")
# The sections of a review's narrative, in the order of a sơ kết / tổng kết (see `desktop.reports.notes`).
NOTE_SECTIONS = (
    "plan",
    "leadership",
    "results",
    "strengths",
    "limitations",
    "causes_internal",
    "causes_external",
    "lessons",
    "tasks",
    "proposals",
)

SYNCED: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("areas", {"name": str, "kind": str, "parent_id": str, "ward_name": str}),
        TableSpec(
            "households",
            {
                "code": str,
                "area_id": str,
                "house_no": str,
                "street": str,
                "head_person_id": str,
                "phone": str,
                **{f"flag_{flag}": int for flag in HOUSEHOLD_FLAGS},
                "status": str,
                "notes": str,
            },
        ),
        TableSpec(
            "people",
            {
                "household_id": str,
                "full_name": str,
                "gender": str,
                "birth_year": int,
                "relation_to_head": str,
                "phone": str,
                "id_number": str,
                "occupation": str,
                "moved_in_on": str,
                "moved_out_on": str,
            },
        ),
        TableSpec(
            "visits",
            {
                "household_id": str,
                "visited_at": str,
                "officer_id": str,
                "purposes": str,  # a set, stored as sorted comma-separated ids
                "outcome": str,
                "person_met": str,
                "findings": str,
                "follow_up_due": str,
                "follow_up_done_at": str,
                "voided": int,
                "void_reason": str,
            },
        ),
        TableSpec(
            "support_items",
            {
                "visit_id": str,
                "kind": str,
                "quantity": float,
                "unit": str,
                "value_vnd": int,
                "description": str,
            },
        ),
        TableSpec(
            "activities",
            {
                "kind": str,
                "held_on": str,
                "area_id": str,
                "topic": str,
                "attendance": int,
                "officer_id": str,
                "notes": str,
            },
        ),
        TableSpec(
            "cases",
            {
                "kind": str,
                "title": str,
                "household_id": str,
                "person_id": str,
                "received_on": str,
                "source": str,
                "status": str,
                "assignee_id": str,
                "due_on": str,
                "resolved_on": str,
                "resolution": str,
            },
        ),
        TableSpec(
            "case_events",
            {"case_id": str, "at": str, "officer_id": str, "note": str, "new_status": str},
        ),
        TableSpec(
            "commendations",
            {"period": str, "person_id": str, "officer_id": str, "reason": str, "status": str},
        ),
        TableSpec(
            "users",
            {"username": str, "full_name": str, "role": str, "password_hash": str, "active": int},
        ),
        # Who viewed, exported, printed, changed or deleted what: one hash chain per device (`seq` counts
        # from 1 on each device), so entries made offline on many laptops merge without breaking any chain.
        TableSpec(
            "audit_log",
            {
                "device_id": str,
                "seq": int,
                "at": str,
                "user_id": str,
                "username": str,
                "action": str,
                "target": str,  # free text, only in entries written by schema v3 (before target_table/_id)
                "target_table": str,
                "target_id": str,
                "detail": str,
                "prev_hash": str,
                "hash": str,
            },
        ),
        # A period's narrative, written by a team lead: one text per period code, area (NULL: the whole ward)
        # and section.
        TableSpec("review_notes", {"period": str, "area_id": str, "section": str, "text": str}),
    )
}

# Synced tables whose rows, once written, are never updated or deleted (the write path refuses to).
APPEND_ONLY = frozenset({"audit_log"})

# Tables whose changes alter a household's search document.
SEARCH_SOURCES = ("households", "people")

# Fields whose value is one of a fixed set (`visits.purposes` is a comma-separated subset of its set).
CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("areas", "kind"): AREA_KINDS,
    ("households", "status"): HOUSEHOLD_STATUSES,
    ("people", "gender"): GENDERS,
    ("visits", "outcome"): VISIT_OUTCOMES,
    ("visits", "purposes"): VISIT_PURPOSES,
    ("support_items", "kind"): SUPPORT_KINDS,
    ("activities", "kind"): ACTIVITY_KINDS,
    ("cases", "kind"): CASE_KINDS,
    ("cases", "status"): CASE_STATUSES,
    ("case_events", "new_status"): CASE_STATUSES,
    ("commendations", "status"): COMMENDATION_STATUSES,
    ("users", "role"): USER_ROLES,
    ("review_notes", "section"): NOTE_SECTIONS,
}
SET_FIELDS = frozenset({("visits", "purposes")})
# Text fields whose line breaks are kept (paragraphs); every other text has its whitespace collapsed.
MULTILINE_FIELDS = frozenset({("review_notes", "text")})
MAX_TEXT = 100_000  # far beyond any real field; a longer value can only be an attack on every laptop's memory
_INT_RANGE = (-(2**63), 2**63 - 1)
MAX_NUMBER = 1e15  # quantities and amounts: finite, and far beyond any real one


def invalid_rows(table: str, names: list[str], rows: list[list[object]], first: int = 2) -> dict[int, str]:
    """The rows of a change block from another laptop (values of `names` from position `first` on) holding a value
    this laptop's write path would never have stored — wrong type, beyond SQLite's integers, text longer than
    `MAX_TEXT`, not one of its choices — each with the first such field.

    Local writes are normalised by the write path itself; a change from elsewhere is signed by a laptop whose
    holder may have edited their own database by hand, so its values are checked before anything is written (an
    integer beyond 64 bits used to stop every laptop's sync with an OverflowError). On a first sync this runs over
    every value of the ward, so each column is first checked as a whole; only a column that fails is looked at
    row by row."""
    spec = SYNCED[table]
    bad: dict[int, str] = {}
    for at, name in enumerate(names, start=first):
        kind = spec.fields.get(name, int)  # `deleted_hlc`, the one field of a delete, is a clock
        check = _value_check(table, name, kind)
        if _column_ok(rows, at, check, _TYPES[kind]):
            continue
        for index, row in enumerate(rows):
            value = row[at]
            if value is not None and index not in bad and not check(value):
                bad[index] = name
    return bad


_TYPES: dict[type, frozenset[type]] = {
    str: frozenset({str, type(None)}), int: frozenset({int, type(None)}), float: frozenset({int, float, type(None)}),
}


def _value_check(table: str, name: str, kind: type) -> Callable[[object], bool]:
    choices = CHOICES.get((table, name))
    if kind is str:
        if choices is None:
            return lambda value: type(value) is str and len(value) <= MAX_TEXT
        allowed = frozenset(choices)
        if (table, name) in SET_FIELDS:
            return lambda value: type(value) is str and set(value.split(",")) <= allowed
        return lambda value: type(value) is str and value in allowed
    if kind is int:
        return lambda value: type(value) is int and _INT_RANGE[0] <= value <= _INT_RANGE[1]
    return lambda value: type(value) in (int, float) and -MAX_NUMBER <= value <= MAX_NUMBER  # type: ignore[operator]


def _column_ok(rows: list[list[object]], at: int, check: Callable[[object], bool], types: frozenset[type]) -> bool:
    """Whether every value at position `at` of the rows passes `check` (None always does), tried once per distinct
    value. (Values equal in a set, 1 and True or 1.0, stand for one another here; SQLite stores them alike in the
    field's column, and the row-by-row look of a failing column checks each exactly.)"""
    try:
        distinct = set(map(itemgetter(at), rows))
    except TypeError:  # a list or an object among the values: not hashable, and not a value of any field
        return False
    distinct.discard(None)
    return set(map(type, distinct)) <= types and all(map(check, distinct))
