"""A sweep's definition: the campaign, its checklist of typed questions and the officer assigned to each area.

Only team leads and admins define sweeps (`campaigns` permission, the same rule sync applies to the rows that
arrive from other laptops, see `desktop.security.rights`). Questions are added and retired, never removed, and
a question that has answers keeps its kind: the answers already given must still mean what they said. An
assignment's id is made from its campaign and area, so assigning an area again (on any laptop) changes the one
row rather than adding a second.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desktop import files, i18n
from desktop.errors import WardbookError
from desktop.failures import environment_error
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.register.validation import MAX_NAME, MAX_TEXT, check_choice, check_number, check_text, parse_date
from desktop.security.session import authorize
from desktop.store import RowWrite, Store, new_id
from desktop.store.queries import fetch_dicts
from desktop.store.tables import QUESTION_KINDS
from desktop.text import format_date

MAX_DEFINITION_BYTES = 1_000_000

CHOICE_KINDS = ("one_choice", "several_choices")
MAX_CHOICES = 50
MAX_QUESTIONS = 200
_IDS = uuid.UUID("4f1c1b0e-6d5e-4a7f-9b0e-2a1d3c5e7f90")  # namespace of the ids made from other ids


def derived_id(*parts: str) -> str:
    """The id of a row that exists once per combination of other rows (an area's assignment, a household's answer
    to a question): the same on every laptop, so two laptops writing it merge into one row."""
    return str(uuid.uuid5(_IDS, "/".join(parts)))


@dataclass(frozen=True)
class Question:
    """One question of a checklist, as defined (`id` empty until it is written)."""

    label: str
    kind: str
    code: str = ""
    choices: tuple[str, ...] = ()
    unit: str | None = None
    low: float | None = None
    high: float | None = None
    required: bool = False
    help: str | None = None
    retired: bool = False
    position: int = 0
    id: str = ""


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    purpose: str | None
    starts_on: str
    ends_on: str
    target_area_ids: tuple[str, ...]
    target_flag: str | None
    status: str
    narrative: str | None = None
    questions: tuple[Question, ...] = field(default=())

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def question(self, key: str) -> Question:
        """The question whose id, code or position (1, 2, …) is `key`."""
        for question in self.questions:
            if key in (question.id, question.code, str(question.position)):
                return question
        raise WardbookError("campaign.unknown_question", value=key)


def checked_question(question: Question, position: int) -> Question:
    """`question` with its texts, choices and bounds checked; its code defaults to `q<position>`."""
    label = check_text(question.label, "label", limit=MAX_NAME, required=True)
    assert label is not None
    check_choice(question.kind, QUESTION_KINDS, "campaign_questions.kind")  # named "Kind of answer", not "Kind"
    choices = tuple(str(check_text(choice, "choices", limit=MAX_NAME, required=True)).strip()
                    for choice in question.choices) if question.kind in CHOICE_KINDS else ()
    if question.kind in CHOICE_KINDS and (len(set(choices)) < 2 or len(set(choices)) != len(choices)
                                          or len(choices) > MAX_CHOICES):
        raise WardbookError("campaign.no_choices", question=label)
    low = high = None
    if question.kind == "number":
        low = None if question.low is None else check_number(question.low, "low", low=-1e12, high=1e12)
        high = None if question.high is None else check_number(question.high, "high", low=-1e12, high=1e12)
        if low is not None and high is not None and low > high:
            raise WardbookError("campaign.bad_bounds", question=label, low=low, high=high)
    code = (question.code or f"q{position}").strip()
    check_text(code, "campaign_questions.code", limit=40, required=True)  # "Question code", not "Household code"
    return Question(
        label=label.strip(), kind=question.kind, code=code, choices=choices,
        unit=check_text(question.unit, "unit", limit=MAX_NAME) if question.kind == "number" else None,
        low=low, high=high, required=bool(question.required), help=check_text(question.help, "help", limit=MAX_TEXT),
        retired=bool(question.retired), position=position, id=question.id)


def _question_fields(campaign_id: str, question: Question) -> dict[str, object]:
    return {
        "campaign_id": campaign_id, "position": question.position, "code": question.code, "label": question.label,
        "kind": question.kind, "choices": json.dumps(list(question.choices), ensure_ascii=False)
        if question.choices else None, "unit": question.unit, "low": question.low, "high": question.high,
        "required": int(question.required), "help": question.help, "retired": int(question.retired),
    }


def create_campaign(
    store: Store,
    *,
    name: str,
    starts_on: str | date,
    ends_on: str | date,
    questions: Sequence[Question],
    purpose: str | None = None,
    target_area_ids: Sequence[str] = (),
    target_flag: str | None = None,
    assignments: Mapping[str, str] | None = None,
) -> str:
    """Define a sweep with its questions (and its assignments, area id → officer id) in one transaction."""
    authorize(store, "campaigns")
    checked_name = check_text(name, "name", limit=MAX_NAME, required=True)
    starts = parse_date(starts_on, required=True, field="starts_on")
    ends = parse_date(ends_on, required=True, field="ends_on")
    assert checked_name is not None and starts is not None and ends is not None
    if ends < starts:
        raise WardbookError("campaign.dates", starts=format_date(starts), ends=format_date(ends))
    check_choice(target_flag, HOUSEHOLD_FLAGS, "target_flag", required=False)
    if not questions:
        raise WardbookError("campaign.no_questions")
    if len(questions) > MAX_QUESTIONS:
        raise WardbookError("register.out_of_range", field="questions", name="questions", value=len(questions),
                            low=1, high=MAX_QUESTIONS)
    checked = [checked_question(question, position) for position, question in enumerate(questions, start=1)]
    _unique_codes(checked)
    areas = [area_id(store, area) for area in target_area_ids]
    campaign_id = new_id()
    batch = [RowWrite("campaigns", campaign_id, "insert", {
        "name": checked_name.strip(), "purpose": check_text(purpose, "purpose", limit=MAX_TEXT),
        "starts_on": starts, "ends_on": ends, "target_area_ids": ",".join(areas), "target_flag": target_flag,
        "status": "open"})]
    batch += [RowWrite("campaign_questions", new_id(), "insert", _question_fields(campaign_id, question))
              for question in checked]
    batch += [_assignment(store, campaign_id, area, officer) for area, officer in (assignments or {}).items()]
    store.writer.write(batch)
    return campaign_id


def _unique_codes(questions: Sequence[Question]) -> None:
    seen: set[str] = set()
    for question in questions:
        if question.code in seen:
            raise WardbookError("campaign.duplicate_code", code=question.code)
        seen.add(question.code)


def add_question(store: Store, campaign_id: str, question: Question) -> str:
    """Add a question at the end of the checklist (an open or a closed sweep: a late question is still asked)."""
    authorize(store, "campaigns")
    campaign = load_campaign(store, campaign_id)
    checked = checked_question(question, max((q.position for q in campaign.questions), default=0) + 1)
    _unique_codes([*campaign.questions, checked])
    question_id = new_id()
    store.writer.insert("campaign_questions", _question_fields(campaign_id, checked), row_id=question_id)
    return question_id


def update_question(store: Store, campaign_id: str, key: str, question: Question) -> None:
    """Change a question's wording, help, choices, bounds or requirement; its kind only while it has no answer."""
    authorize(store, "campaigns")
    campaign = load_campaign(store, campaign_id)
    current = campaign.question(key)
    checked = checked_question(question, current.position)
    if checked.kind != current.kind and has_answers(store, current.id):
        raise WardbookError("campaign.kind_answered", question=current.label)
    _unique_codes([*(q for q in campaign.questions if q.id != current.id), checked])
    old = _question_fields(campaign_id, current)
    new = _question_fields(campaign_id, checked)
    changed = {name: value for name, value in new.items() if old[name] != value}
    if changed:
        store.writer.update("campaign_questions", current.id, changed)


def retire_question(store: Store, campaign_id: str, key: str, retired: bool = True) -> None:
    """Stop asking a question; the answers it has stay in the results."""
    authorize(store, "campaigns")
    question = load_campaign(store, campaign_id).question(key)
    if question.retired != retired:
        store.writer.update("campaign_questions", question.id, {"retired": int(retired)})


def has_answers(store: Store, question_id: str) -> bool:
    return store.conn.execute("SELECT 1 FROM campaign_answers WHERE question_id = ? AND deleted_hlc IS NULL "
                              "AND value IS NOT NULL LIMIT 1", (question_id,)).fetchone() is not None


def area_id(store: Store, text: str) -> str:
    """An area named by its id or its name (as the ward writes it, case and accents as stored)."""
    row = store.conn.execute("SELECT id FROM areas WHERE deleted_hlc IS NULL AND (id = ? OR name = ?) "
                             "ORDER BY id = ? DESC LIMIT 1", (text, (text or "").strip(), text)).fetchone()
    if row is None:
        raise WardbookError("campaign.unknown_area", value=text)
    return str(row[0])


def officer_id(store: Store, text: str) -> str:
    row = store.conn.execute("SELECT id FROM users WHERE deleted_hlc IS NULL AND (id = ? OR username = ?) "
                             "ORDER BY id = ? DESC LIMIT 1", (text, (text or "").strip(), text)).fetchone()
    if row is None:
        raise WardbookError("campaign.unknown_officer", value=text)
    return str(row[0])


def _assignment(store: Store, campaign_id: str, area: str, officer: str) -> RowWrite:
    area, officer = area_id(store, area), officer_id(store, officer)
    row_id = derived_id("assignment", campaign_id, area)
    exists = store.conn.execute("SELECT 1 FROM campaign_assignments WHERE id = ?", (row_id,)).fetchone()
    fields: dict[str, object] = {"campaign_id": campaign_id, "area_id": area, "officer_id": officer}
    return RowWrite("campaign_assignments", row_id, "update" if exists else "insert",
                    {"officer_id": officer} if exists else fields)


def assign(store: Store, campaign_id: str, area: str, officer: str) -> None:
    """Give the area (id or name) to the officer (id or username) for this sweep, replacing any earlier officer."""
    authorize(store, "campaigns")
    load_campaign(store, campaign_id)
    store.writer.write([_assignment(store, campaign_id, area, officer)])


def close_campaign(store: Store, campaign_id: str, narrative: str | None = None) -> None:
    """End a sweep: no more results are recorded; its figures and results stay. The team lead's narrative goes
    into the campaign report."""
    authorize(store, "campaigns")
    load_campaign(store, campaign_id)
    fields: dict[str, object] = {"status": "closed"}
    if narrative is not None:
        fields["narrative"] = check_text(narrative, "narrative", limit=MAX_TEXT)
    store.writer.update("campaigns", campaign_id, fields)


def _question(row: Mapping[str, Any]) -> Question:
    return Question(
        label=row["label"] or "", kind=row["kind"] or "text", code=row["code"] or "",
        choices=tuple(json.loads(row["choices"])) if row["choices"] else (), unit=row["unit"], low=row["low"],
        high=row["high"], required=bool(row["required"]), help=row["help"], retired=bool(row["retired"]),
        position=row["position"] or 0, id=row["id"])


def load_campaign(store: Store, campaign_id: str) -> Campaign:
    """A sweep with its questions in checklist order (retired ones included, marked)."""
    rows = fetch_dicts(store, "SELECT * FROM campaigns WHERE id = ? AND deleted_hlc IS NULL", (campaign_id,))
    if not rows:
        raise WardbookError("campaign.unknown", value=campaign_id)
    row: dict[str, Any] = rows[0]
    questions = fetch_dicts(store, "SELECT * FROM campaign_questions WHERE campaign_id = ? AND deleted_hlc IS NULL "
                            "ORDER BY position, created_at, id", (campaign_id,))
    return Campaign(
        id=row["id"], name=row["name"] or "", purpose=row["purpose"], starts_on=row["starts_on"] or "",
        ends_on=row["ends_on"] or "", target_area_ids=tuple(filter(None, (row["target_area_ids"] or "").split(","))),
        target_flag=row["target_flag"], status=row["status"] or "open", narrative=row["narrative"],
        questions=tuple(_question(q) for q in questions))


def list_campaigns(store: Store, *, open_only: bool = False) -> list[dict[str, object]]:
    """Sweeps, the newest first: id, name, dates, status."""
    where = " AND status = 'open'" if open_only else ""
    return fetch_dicts(store, "SELECT id, name, purpose, starts_on, ends_on, status FROM campaigns "
                       f"WHERE deleted_hlc IS NULL{where} ORDER BY starts_on DESC, name")


def resolve_campaign(store: Store, text: str) -> str:
    """The id of the sweep `text` names: its id, the first characters of its id (4 or more), or its name."""
    value = (text or "").strip()
    rows = store.conn.execute(
        "SELECT id FROM campaigns WHERE deleted_hlc IS NULL AND (name = ? OR (length(?) >= 4 AND id >= ? "
        "AND id < ?)) LIMIT 2", (value, value, value.lower(), value.lower() + "\uffff")).fetchall()
    if not rows:
        raise WardbookError("campaign.unknown", value=value[:60])
    if len(rows) > 1:
        raise WardbookError("campaign.ambiguous", value=value[:60])
    return str(rows[0][0])


def assignments(store: Store, campaign_id: str) -> dict[str, str]:
    """Area id → officer id of a sweep."""
    return dict(store.conn.execute(
        "SELECT area_id, officer_id FROM campaign_assignments WHERE campaign_id = ? AND deleted_hlc IS NULL",
        (campaign_id,)).fetchall())


def read_definition_file(path: Path | str) -> object:
    """The JSON of a definition file another ward shared, read up to `MAX_DEFINITION_BYTES` (a checklist is a few
    kilobytes); a pipe or a device is refused before it is opened, so a bad choice of file never hangs."""
    try:
        with open(files.check_source(path), "rb") as handle:
            raw = handle.read(MAX_DEFINITION_BYTES + 1)
    except OSError as error:  # the cause in words of the user's language, not the system's English text
        raise environment_error(error, path) or error from None
    if len(raw) > MAX_DEFINITION_BYTES:
        raise WardbookError("campaign.too_big", path=Path(path).name, limit=MAX_DEFINITION_BYTES)
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise WardbookError("campaign.not_json", path=Path(path).name, line=1) from None
    except json.JSONDecodeError as error:
        raise WardbookError("campaign.not_json", path=Path(path).name, line=error.lineno) from None


def definition_from_json(data: object) -> dict[str, Any]:
    """Keyword arguments of `create_campaign` from a shared definition (a JSON object: name, purpose, starts_on,
    ends_on, target {areas, flag}, questions [{label, kind, code, choices, unit, low, high, required, help}],
    assignments {area: officer}). Shape errors become one message; values are checked by `create_campaign`."""
    def bad(detail: str) -> WardbookError:
        return _bad_definition(detail)

    if not isinstance(data, dict):
        raise bad("{…}")
    target = data.get("target") or {}
    questions = data.get("questions")
    if not isinstance(target, dict) or not isinstance(questions, list):
        raise bad("target, questions")
    parsed = []
    known = set(Question.__dataclass_fields__) - {"id", "position", "retired"}
    for number, item in enumerate(questions, start=1):
        if not isinstance(item, dict) or not item.keys() <= known or not isinstance(item.get("choices", []), list):
            raise bad(f"questions[{number}]")
        wrong = _wrongly_typed(item)
        if wrong is not None:  # a number where a text goes, "no" for required: named, never taken as something else
            raise bad(f"questions[{number}].{wrong}")
        parsed.append(Question(**{**item, "choices": tuple(str(c) for c in item.get("choices", []))}))
    areas = target.get("areas") or []
    assigned = data.get("assignments") or {}
    if not isinstance(areas, list) or not all(isinstance(area, str) for area in areas):
        raise bad("target.areas")
    if not isinstance(assigned, dict) or not all(isinstance(officer, str) for officer in assigned.values()):
        raise bad("assignments")
    if target.get("flag") is not None and not isinstance(target["flag"], str):
        raise bad("target.flag")
    for name in ("name", "purpose", "starts_on", "ends_on"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise bad(name)
    return {"name": data.get("name") or "", "purpose": data.get("purpose"), "starts_on": data.get("starts_on"),
            "ends_on": data.get("ends_on"), "questions": parsed, "target_area_ids": [str(a) for a in areas],
            "target_flag": target.get("flag") or None,
            "assignments": {str(area): str(officer) for area, officer in assigned.items()}}


# The part of a definition file (a JSON path) → the message saying in words what is wrong there.
_PARTS = {"{…}": "shape", "target, questions": "target_questions", "target.areas": "target_areas",
          "target.flag": "target_flag"}
_QUESTION = re.compile(r"questions\[(\d+)\](?:\.(\w+))?")


def _bad_definition(detail: str) -> WardbookError:
    """A definition file refused, told in words: the officer who opens another ward's file reads what is wrong,
    never the file's JSON names. `detail`, the place in the file (`questions[2].required`), stays a parameter
    for whoever mends the file with a log or a test at hand."""
    question = _QUESTION.fullmatch(detail)
    if question is not None:
        return WardbookError("campaign.bad_question", detail=detail, number=int(question.group(1)),
                             part=i18n.Ref(f"campaign.part.{question.group(2) or 'entries'}"))
    return WardbookError("campaign.bad_definition", detail=detail,
                         part=i18n.Ref(f"campaign.part.{_PARTS.get(detail, detail)}"))


# What each field of a question in a definition file must be (None, or absent, always allowed).
_TEXTS = ("label", "kind", "code", "unit", "help")
_NUMBERS = ("low", "high")


def _wrongly_typed(item: dict[str, Any]) -> str | None:
    """The first field of a question in a definition file that is not of its kind (texts, numbers, a true/false
    `required`, texts or numbers as choices); None when every one is."""
    for name in _TEXTS:
        if item.get(name) is not None and not isinstance(item[name], str):
            return name
    for name in _NUMBERS:
        value = item.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            return name
    if item.get("required") is not None and not isinstance(item["required"], bool):
        return "required"
    choices = item.get("choices") or []
    if any(isinstance(choice, bool) or not isinstance(choice, (str, int, float)) for choice in choices):
        return "choices"
    return None


def definition_to_json(campaign: Campaign, area_names: Mapping[str, str]) -> dict[str, Any]:
    """The shareable definition of a sweep (without its assignments, which are this ward's)."""
    return {
        "name": campaign.name, "purpose": campaign.purpose, "starts_on": campaign.starts_on,
        "ends_on": campaign.ends_on,
        "target": {"areas": [area_names.get(a, a) for a in campaign.target_area_ids], "flag": campaign.target_flag},
        "questions": [{"code": q.code, "label": q.label, "kind": q.kind, "choices": list(q.choices),
                       "unit": q.unit, "low": q.low, "high": q.high, "required": q.required, "help": q.help}
                      for q in campaign.questions if not q.retired],
    }
