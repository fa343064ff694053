"""The conflicts inbox in words: which record, which of its fields, and the two values, as a person reads them.

A conflict is recorded with the table, the row id, the field key and both values as JSON. None of that may be
shown: a person deciding needs "Lượt thăm 06/11/2026 (HK-00002, 12 Nguyễn Trãi)", "Ngày thăm", "06/11/2026" and
"Hòa giải", not `visits`, `visited_at`, `"2026-11-06"` and `"mediation"`. The Sync page and any other listing
take the words from `inbox`, in the current language, for the conflicts the logged-in user may see
(`desktop.sync.conflicts.open_conflicts`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from desktop import i18n
from desktop.campaigns import messages as _campaign_messages  # noqa: F401  (registers the sweeps' field names)
from desktop.errors import WardbookError
from desktop.register import outcome_messages as _outcome_messages  # noqa: F401  (registers field names)
from desktop.register.labels import label
from desktop.reports import messages as _report_messages  # noqa: F401  (registers the report sections' names)
from desktop.reports.periods import parse_period
from desktop.store import Store
from desktop.store.tables import BOUNDS, DATE_FIELDS, PERIOD_FIELDS, SET_FIELDS
from desktop.sync.conflicts import DELETION, Conflict, open_conflicts
from desktop.text import format_date

# The message groups naming the codes of each choice field (the first that names a code does).
CHOICE_WORDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("areas", "kind"): ("area_kind",),
    ("households", "status"): ("household_status",),
    ("people", "gender"): ("gender",),
    ("visits", "outcome"): ("outcome",),
    ("visits", "purposes"): ("purpose",),
    ("support_items", "kind"): ("support",),
    ("activities", "kind"): ("activity",),
    ("cases", "kind"): ("case_kind",),
    ("cases", "status"): ("case_status",),
    ("case_events", "new_status"): ("case_status",),
    ("cases", "tip_status"): ("tip_status",),
    ("cases", "mediation_result"): ("mediation_result",),
    ("case_events", "new_outcome"): ("tip_status", "mediation_result"),
    ("community_models", "kind"): ("model_kind",),
    ("community_models", "status"): ("model_status",),
    ("commendations", "status"): ("commendation_status",),
    ("users", "role"): ("role",),
    ("campaigns", "status"): ("campaign.status",),
    ("campaigns", "target_flag"): ("flag",),
    ("campaign_questions", "kind"): ("campaign.kind",),
    ("campaign_results", "status"): ("sweep",),
    ("review_notes", "section"): ("reports.section",),
}
_SEPARATOR = {"reports.section": "_"}  # `reports.section_plan`: the reports' own ids
# Fields holding the id of another record: their value is named as that record is.
REFERENCES: dict[str, str] = {
    "household_id": "households", "area_id": "areas", "parent_id": "areas", "head_person_id": "people",
    "person_id": "people", "officer_id": "users", "assignee_id": "users", "visit_id": "visits", "case_id": "cases",
    "model_id": "community_models", "campaign_id": "campaigns", "question_id": "campaign_questions",
}
# What tells a record of each table from the others (its fields, named as their values are): a household by its
# code and address, a visit by its day and household (in brackets), a support item by its visit...
NAMED_BY: dict[str, tuple[str, ...]] = {
    "areas": ("name",),
    "households": ("code", "house_no", "street"),
    "people": ("full_name", "household_id"),
    "visits": ("visited_at", "household_id"),
    "support_items": ("visit_id",),
    "activities": ("held_on", "topic"),
    "cases": ("kind", "title"),
    "case_events": ("at", "case_id"),
    "commendations": ("person_id", "period"),
    "reintegration": ("person_id",),
    "community_models": ("name",),
    "community_model_counts": ("model_id", "counted_on"),
    "users": ("full_name", "username"),
    "campaigns": ("name",),
    "campaign_questions": ("label", "campaign_id"),
    "campaign_assignments": ("campaign_id", "area_id"),
    "campaign_results": ("campaign_id", "household_id"),
    "campaign_answers": ("question_id", "household_id"),
    "review_notes": ("period", "area_id", "section"),
}
_JOINED = {"house_no"}  # a house number and its street read as one address: "12 Nguyễn Trãi"
_YES_NO = {"yes": "sync.conflict.yes", "no": "sync.conflict.no"}  # a sweep's yes/no answer


@dataclass(frozen=True)
class ConflictEntry:
    """One conflict of the inbox, in words; `id` is what a decision names, `detected_at` an ISO time."""

    id: int
    detected_at: str
    record: str  # the kind of record: "Lượt thăm"
    which: str  # which one: "06/11/2026 (HK-00002, 12 Nguyễn Trãi)"
    field: str  # "Ghi nhận"
    kept: str
    lost: str


def inbox(store: Store) -> list[ConflictEntry]:
    """The open conflicts the logged-in user may see and decide, newest first, in the current language."""
    words = Words(store)
    return [words.entry(conflict) for conflict in open_conflicts(store)]


class Words:
    """Names records and values, reading the records named (each once) from `store`."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._names: dict[tuple[str, str], str] = {}

    def entry(self, conflict: Conflict) -> ConflictEntry:
        table, name = conflict.table, conflict.field
        if name == DELETION:
            kept, lost = self.deletion(table, conflict.kept), self.deletion(table, conflict.lost)
        else:
            kept, lost = self.value(table, name, conflict.kept), self.value(table, name, conflict.lost)
        return ConflictEntry(conflict.id, conflict.detected_at, label("record", table), self.record(table,
                             conflict.row_id), field_name(table, name), kept, lost)

    def record(self, table: str, row_id: str) -> str:
        """Which record `row_id` of `table` is, in words (a record not here says so)."""
        key = (table, row_id)
        if key not in self._names:
            self._names[key] = self._read_name(table, row_id)
        return self._names[key]

    def _read_name(self, table: str, row_id: str) -> str:
        names = NAMED_BY.get(table, ())
        row = self._store.conn.execute(
            f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", (row_id,)).fetchone() if names else None
        if row is None:
            return i18n.tr("sync.conflict.not_here")
        parts: list[str] = []
        joined = False  # the previous field read with this one (a house number with its street)
        for name, value in zip(names, row, strict=True):
            if value is None or value == "":
                joined = False
                continue
            text = self.value(table, name, value)
            if joined:
                parts[-1] = f"{parts[-1]} {text}"
            elif parts and name in REFERENCES:  # the record it belongs to: "05/06/2026 (1-001, Nguyễn Trãi)"
                parts[-1] = f"{parts[-1]} ({text})"
            else:
                parts.append(text)
            joined = name in _JOINED
        return ", ".join(parts)

    def value(self, table: str, name: str, value: object) -> str:
        """A field's value in words: choices by their labels, flags as yes or no, days as dd/mm/yyyy, the
        record an id names, a password as changed (never its hash), nothing as "(empty)"."""
        if value is None or value == "":
            return i18n.tr("sync.conflict.empty")
        if name == "password_hash":
            return i18n.tr("sync.conflict.password_changed")
        if name in REFERENCES:
            return self.record(REFERENCES[name], str(value))
        if name == "target_area_ids":
            return ", ".join(self.record("areas", area) for area in str(value).split(",") if area)
        if (table, name) in CHOICE_WORDS:
            return choice_words(table, name, str(value))
        if BOUNDS.get((table, name)) == (0, 1):
            return i18n.tr("sync.conflict.yes" if value else "sync.conflict.no")
        if (table, name) in DATE_FIELDS:
            return format_date(value) or str(value)
        if (table, name) in PERIOD_FIELDS:
            return period_words(str(value))
        if (table, name) in (("campaign_questions", "choices"), ("campaign_answers", "value")):
            return answer_words(str(value))
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)

    def deletion(self, table: str, value: object) -> str:
        """A side of a conflict between a delete and an edit: the deletion (its stamp), or the edit that lost to
        it (its fields as JSON) told field by field."""
        if value is None:
            return i18n.tr("sync.conflict.not_deleted")
        if not isinstance(value, str):
            return i18n.tr("sync.conflict.deleted")
        fields = json.loads(value)
        changes = "; ".join(f"{field_name(table, name)}: {self.value(table, name, field_value)}"
                            for name, field_value in fields.items())
        return i18n.tr("sync.conflict.edited", changes=changes)


def field_name(table: str, name: str) -> str:
    """The field's label (`field.<table>.<name>` where the table names it its own way, else `field.<name>`); a
    field with none is "another detail of the record", never its key."""
    for msg_id in (f"field.{table}.{name}", f"field.{name}"):
        if i18n.has_message(msg_id):
            return i18n.tr(msg_id)
    return i18n.tr("sync.conflict.other_field")


def choice_words(table: str, name: str, value: str) -> str:
    """The label of a choice (of each choice of a set), through the field's label groups."""
    codes = value.split(",") if (table, name) in SET_FIELDS else [value]
    return ", ".join(_choice_word(CHOICE_WORDS[(table, name)], code) for code in codes)


def _choice_word(groups: tuple[str, ...], code: str) -> str:
    for group in groups:
        msg_id = f"{group}{_SEPARATOR.get(group, '.')}{code}"
        if i18n.has_message(msg_id):
            return i18n.tr(msg_id)
    return code  # a code of a newer app: what it is called is not known here


def period_words(code: str) -> str:
    """A review period's code (`2026-Q2`) as the review names it ("quý II năm 2026")."""
    try:
        return parse_period(code).title()
    except WardbookError:
        return code


def answer_words(value: str) -> str:
    """A sweep's answer or a question's choices: yes/no in words, a list of choices (JSON) joined, a day as
    dd/mm/yyyy; any other answer as it was typed."""
    if value in _YES_NO:
        return i18n.tr(_YES_NO[value])
    if value.startswith("["):
        try:
            return ", ".join(str(item) for item in json.loads(value))
        except ValueError:
            return value
    return format_date(value) if len(value) == 10 and value[4:5] == "-" and value[7:8] == "-" else value
