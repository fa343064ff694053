"""The synced tables and their fields: the one place that says what the write path may write.

Every synced row has `id` (a UUID made on the device that created it), `created_at`, `updated_at`,
`deleted_hlc` (soft delete) and its creation stamp `created_hlc`/`created_device` (the clock every field
written at creation carries until it is changed, see `desktop.store.writer`). Those are managed by the write
path; the business fields are listed here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import cast

from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.register.validation import BAD_CHARACTERS, MAX_COUNT, MAX_VND, MAX_YEAR, MIN_YEAR

META_FIELDS = ("id", "created_at", "updated_at", "deleted_hlc", "created_hlc", "created_device")


@dataclass(frozen=True)
class TableSpec:
    name: str
    fields: dict[str, type]  # business fields and their Python type (str, int, float)

    @property
    def columns(self) -> tuple[str, ...]:
        return (*META_FIELDS, *self.fields)


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
# What became of a tip, and how a mediation (of a dispute or a complaint) ended: the outcomes a review reports.
TIP_STATUSES = ("received", "verified", "forwarded_police", "closed")
MEDIATION_RESULTS = ("successful", "unsuccessful", "referred")
CASE_OUTCOMES = (*TIP_STATUSES, *MEDIATION_RESULTS)
MEDIATION_KINDS = ("dispute", "complaint")
# Community models (mô hình): recognised groups and arrangements of residents for security and order.
MODEL_KINDS = ("safe_area", "security_camera", "self_managed_group", "fire_safety", "other")
MODEL_STATUSES = ("building", "active", "stopped")
COMMENDATION_STATUSES = ("proposed", "approved", "declined")
AREA_KINDS = ("khu_pho", "to_dan_pho", "ap")
USER_ROLES = ("officer", "team_lead", "admin")
GENDERS = ("male", "female", "other")
HOUSEHOLD_STATUSES = ("active", "moved_out")
# Door-to-door sweeps (`desktop.campaigns`): a question's kind of answer and a household's status in a sweep.
QUESTION_KINDS = ("yes_no", "one_choice", "several_choices", "number", "text", "date")
CAMPAIGN_STATUSES = ("open", "closed")
SWEEP_STATUSES = ("reached", "not_home", "refused", "moved_away", "not_found")
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
                "tip_status": str,  # tips only: its latest outcome (None before the field existed: received)
                "mediation_result": str,  # disputes and complaints only: None while no result is known
            },
        ),
        TableSpec(
            "case_events",
            # `new_outcome`: the tip status or mediation result the event gave the case (the outcome's history)
            {"case_id": str, "at": str, "officer_id": str, "note": str, "new_status": str, "new_outcome": str},
        ),
        TableSpec(
            "commendations",
            {"period": str, "person_id": str, "officer_id": str, "reason": str, "status": str},
        ),
        # People under reintegration support after a sentence: who, from when to when, the officer responsible.
        TableSpec(
            "reintegration",
            {"person_id": str, "started_on": str, "ended_on": str, "officer_id": str, "notes": str},
        ),
        TableSpec(
            "community_models",
            {
                "name": str,
                "kind": str,
                "area_id": str,
                "members": int,
                "status": str,
                "recognised_on": str,  # the day it was recognised (became active)
                "stopped_on": str,  # the day it stopped, when its status is `stopped`
                "notes": str,
            },
        ),
        # A model's number of members as counted on a day: each count is a row of its own, so a review of a
        # past period reads the count of its cut-off day (the model's `members` is only the latest).
        TableSpec("community_model_counts", {"model_id": str, "counted_on": str, "members": int}),
        TableSpec(
            "users",
            {"username": str, "full_name": str, "role": str, "password_hash": str, "active": int},
        ),
        # A door-to-door sweep (`desktop.campaigns`): its definition (written by team leads and admins), the
        # officer assigned to each area, each household's status and its answers (one row per household and
        # question, with an id made from them, so two laptops answering the same question merge per field).
        TableSpec(
            "campaigns",
            {
                "name": str,
                "purpose": str,
                "starts_on": str,
                "ends_on": str,
                "target_area_ids": str,  # comma-separated; empty: the whole ward
                "target_flag": str,  # a household flag (`HOUSEHOLD_FLAGS`) the households must have; empty: all
                "status": str,
                "narrative": str,
            },
        ),
        TableSpec(
            "campaign_questions",
            {
                "campaign_id": str,
                "position": int,
                "code": str,
                "label": str,
                "kind": str,
                "choices": str,  # JSON list of the choices' labels (one_choice, several_choices)
                "unit": str,
                "low": float,
                "high": float,
                "required": int,
                "help": str,
                "retired": int,
            },
        ),
        TableSpec("campaign_assignments", {"campaign_id": str, "area_id": str, "officer_id": str}),
        TableSpec(
            "campaign_results",
            {
                "campaign_id": str,
                "household_id": str,
                "officer_id": str,
                "status": str,
                "attempts": int,
                "last_on": str,
                "note": str,
            },
        ),
        TableSpec(
            "campaign_answers",
            {
                "campaign_id": str,
                "household_id": str,
                "question_id": str,
                "officer_id": str,
                "value": str,  # the answer as text: "yes"/"no", a choice, a JSON list of choices, a number, a date
                "answered_on": str,
            },
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
    ("cases", "tip_status"): TIP_STATUSES,
    ("cases", "mediation_result"): MEDIATION_RESULTS,
    ("case_events", "new_outcome"): CASE_OUTCOMES,
    ("community_models", "kind"): MODEL_KINDS,
    ("community_models", "status"): MODEL_STATUSES,
    ("commendations", "status"): COMMENDATION_STATUSES,
    ("users", "role"): USER_ROLES,
    ("campaigns", "status"): CAMPAIGN_STATUSES,
    ("campaigns", "target_flag"): HOUSEHOLD_FLAGS,
    ("campaign_questions", "kind"): QUESTION_KINDS,
    ("campaign_results", "status"): SWEEP_STATUSES,
    ("review_notes", "section"): NOTE_SECTIONS,
}
SET_FIELDS = frozenset({("visits", "purposes")})
# Text fields whose line breaks are kept (paragraphs, or the lines an officer writes in a visit's findings box,
# which offers Shift+Enter for them); every other text has its whitespace collapsed.
MULTILINE_FIELDS = frozenset({("review_notes", "text"), ("visits", "findings")})
MAX_TEXT = 100_000  # far beyond any real field; a longer value can only be an attack on every laptop's memory
_INT_RANGE = (-(2**63), 2**63 - 1)
MAX_NUMBER = 1e15  # quantities and amounts: finite, and far beyond any real one
# Days, stored as ISO `yyyy-mm-dd` by the write path (`register.validation.parse_date`, years 1900–2100). One of
# another shape from another laptop stopped the review and the household's page on every laptop.
DATE_FIELDS = frozenset({
    ("people", "moved_in_on"), ("people", "moved_out_on"), ("visits", "visited_at"), ("visits", "follow_up_due"),
    ("visits", "follow_up_done_at"), ("activities", "held_on"), ("cases", "received_on"), ("cases", "due_on"),
    ("cases", "resolved_on"), ("case_events", "at"), ("reintegration", "started_on"), ("reintegration", "ended_on"),
    ("community_models", "recognised_on"), ("community_models", "stopped_on"),
    ("community_model_counts", "counted_on"), ("campaigns", "starts_on"), ("campaigns", "ends_on"),
    ("campaign_results", "last_on"), ("campaign_answers", "answered_on"),
})
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Review periods (`reports.periods`: 2026, 2026-Q2, 2026-H1, 2026-06, or a range of days).
PERIOD_FIELDS = frozenset({("commendations", "period"), ("review_notes", "period")})
# Counts, amounts and yes/no flags, within what the write path accepts (`register.validation`): two amounts near
# the top of SQLite's integers made the review's sums overflow on every laptop, a negative count was printed.
_FLAG = (0, 1)
BOUNDS: dict[tuple[str, str], tuple[float, float]] = {
    ("people", "birth_year"): (MIN_YEAR, MAX_YEAR),
    ("support_items", "quantity"): (0, MAX_COUNT),
    ("support_items", "value_vnd"): (0, MAX_VND),
    ("activities", "attendance"): (0, MAX_COUNT),
    ("community_models", "members"): (0, MAX_COUNT),
    ("community_model_counts", "members"): (0, MAX_COUNT),
    ("campaign_results", "attempts"): (0, MAX_COUNT),
    ("campaign_questions", "position"): (0, MAX_COUNT),
    ("campaign_questions", "required"): _FLAG,
    ("campaign_questions", "retired"): _FLAG,
    ("visits", "voided"): _FLAG,
    ("users", "active"): _FLAG,
    **{("households", f"flag_{flag}"): _FLAG for flag in HOUSEHOLD_FLAGS},
}


def _is_day(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        return MIN_YEAR <= date.fromisoformat(value).year <= MAX_YEAR
    except ValueError:
        return False


def _is_period(value: str) -> bool:
    from desktop.errors import WardbookError
    from desktop.reports.periods import parse_period  # the period grammar is the reports' own

    try:
        parse_period(value)
    except WardbookError:
        return False
    return len(value) <= 40


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
    bounds = BOUNDS.get((table, name))
    if bounds is not None:
        low, high = bounds
        types = (int,) if kind is int else (int, float)
        return lambda value: type(value) in types and low <= value <= high  # type: ignore[operator]
    if kind is str:
        if (table, name) in DATE_FIELDS:
            return lambda value: type(value) is str and _is_day(value)
        if (table, name) in PERIOD_FIELDS:
            return lambda value: type(value) is str and _is_period(value)
        if choices is None:
            return _plain_text
        allowed = frozenset(choices)
        if (table, name) in SET_FIELDS:
            return lambda value: type(value) is str and set(value.split(",")) <= allowed
        return lambda value: type(value) is str and value in allowed
    if kind is int:
        return lambda value: type(value) is int and _INT_RANGE[0] <= value <= _INT_RANGE[1]
    return lambda value: type(value) in (int, float) and -MAX_NUMBER <= value <= MAX_NUMBER  # type: ignore[operator]


def _plain_text(value: object) -> bool:
    """Free text: not longer than `MAX_TEXT`, and without the control characters the write path never stores (one
    of them stopped every export to Excel on the laptops that took it in)."""
    return type(value) is str and len(value) <= MAX_TEXT and not BAD_CHARACTERS.search(value)


def _plain_texts(values: set[object]) -> bool:
    """`_plain_text` of every one of `values` (all str), with one search for control characters over them all:
    a first sync checks every name and address of the ward."""
    strings = cast(set[str], values)
    return all(len(value) <= MAX_TEXT for value in strings) and not BAD_CHARACTERS.search("\n".join(strings))


def _column_ok(rows: list[list[object]], at: int, check: Callable[[object], bool], types: frozenset[type]) -> bool:
    """Whether every value at position `at` of the rows passes `check` (None always does), tried once per distinct
    value. (Values equal in a set, 1 and True or 1.0, stand for one another here; SQLite stores them alike in the
    field's column, and the row-by-row look of a failing column checks each exactly.)"""
    try:
        distinct = set(map(itemgetter(at), rows))
    except TypeError:  # a list or an object among the values: not hashable, and not a value of any field
        return False
    distinct.discard(None)
    if not set(map(type, distinct)) <= types:
        return False
    return _plain_texts(distinct) if check is _plain_text else all(map(check, distinct))
