"""Recording a household in a sweep: its status (reached, not at home, refused, moved away, not found) and its
answers, each checked against its question.

A household's status and each of its answers are rows whose ids are made from the sweep, the household and
the question (`derived_id`), so the same answer written on two laptops merges per field like any edit. Each
recording counts one attempt. An officer records the households of the areas assigned to them; team leads and
admins any household of the sweep (entering a colleague's paper sheets).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from datetime import date

from desktop import clock, i18n
from desktop.campaigns.definition import Campaign, Question, derived_id, load_campaign
from desktop.campaigns.progress import targets
from desktop.errors import WardbookError
from desktop.register.households import resolve_household
from desktop.register.validation import MAX_NAME, check_choice, check_number, check_text, parse_date
from desktop.security.permissions import can
from desktop.security.session import authorize
from desktop.store import RowWrite, Store
from desktop.store.tables import SWEEP_STATUSES
from desktop.text import format_date

_YES = frozenset({"yes", "y", "co", "có", "1", "true", "x"})
_NO = frozenset({"no", "n", "khong", "không", "0", "false"})
NUMBER_LIMIT = 1e12


def _bad(question: Question, value: object, expected: object) -> WardbookError:
    return WardbookError("campaign.bad_answer", field=question.code, question=question.label,
                         value=str(value)[:40], expected=expected)


def check_answer(question: Question, value: object) -> str | None:
    """The answer as stored (text), or None for no answer; raises a message naming the question when `value`
    is not an answer of its kind or lies outside its bounds."""
    if value is None or (isinstance(value, str) and not value.strip()) or value == []:
        return None
    kind = question.kind
    if kind == "yes_no":
        word = str(value).strip().lower() if not isinstance(value, bool) else ("yes" if value else "no")
        if word in _YES:
            return "yes"
        if word in _NO:
            return "no"
        raise _bad(question, value, i18n.Ref("campaign.expect.yes_no"))
    if kind == "one_choice":
        choice = _choice(question, value)
        if choice is None:
            raise WardbookError("campaign.bad_choice", field=question.code, question=question.label,
                                value=str(value)[:40], choices=", ".join(question.choices))
        return choice
    if kind == "several_choices":
        items = value if isinstance(value, (list, tuple)) else str(value).split(";")
        chosen = {_choice(question, item) for item in items if str(item).strip()}
        if None in chosen or not chosen:
            raise WardbookError("campaign.bad_choices", field=question.code, question=question.label,
                                value=str(value)[:40], choices=", ".join(question.choices))
        return json.dumps([choice for choice in question.choices if choice in chosen], ensure_ascii=False)
    if kind == "number":
        low = -NUMBER_LIMIT if question.low is None else question.low
        high = NUMBER_LIMIT if question.high is None else question.high
        number = check_number(value, question.code, low=low, high=high, part=question.label)
        return str(int(number)) if number.is_integer() and abs(number) < 2**53 else repr(number)
    if kind == "date":
        try:
            return parse_date(value if isinstance(value, (str, date)) else str(value), field=question.code)
        except WardbookError:
            raise _bad(question, value, "dd/mm/yyyy") from None
    return check_text(str(value), question.code, limit=MAX_NAME, part=question.label)


def _choice(question: Question, value: object) -> str | None:
    """The choice `value` names: its label (spaces and case aside) or its number in the list (1, 2, …)."""
    text = str(value).strip()
    for choice in question.choices:
        if choice.casefold() == text.casefold():
            return choice
    if text.isdigit() and 1 <= int(text) <= len(question.choices):
        return question.choices[int(text) - 1]
    return None


def shown(question: Question, stored: str | None, lang: str | None = None) -> str:
    """A stored answer as a person reads it."""
    if stored is None:
        return ""
    if question.kind == "yes_no":
        return i18n.tr(f"campaign.{stored}", lang) if stored in ("yes", "no") else stored
    if question.kind == "several_choices":
        try:
            return "; ".join(json.loads(stored))
        except (ValueError, TypeError):
            return stored
    if question.kind == "date":
        try:
            return date.fromisoformat(stored).strftime("%d/%m/%Y")
        except ValueError:
            return stored
    return stored


def number_value(stored: str | None) -> float | None:
    try:
        number = float(stored) if stored is not None else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


def result_id(campaign_id: str, household_id: str) -> str:
    return derived_id("result", campaign_id, household_id)


def answer_id(campaign_id: str, household_id: str, question_id: str) -> str:
    return derived_id("answer", campaign_id, household_id, question_id)


def household_answers(store: Store, campaign_id: str, household_id: str) -> dict[str, str]:
    """Question id → stored answer, for one household."""
    return {str(q): str(v) for q, v in store.conn.execute(
        "SELECT question_id, value FROM campaign_answers WHERE campaign_id = ? AND household_id = ? "
        "AND deleted_hlc IS NULL AND value IS NOT NULL", (campaign_id, household_id))}


def household_status(store: Store, campaign_id: str, household_id: str) -> dict[str, object] | None:
    row = store.conn.execute("SELECT status, attempts, last_on, note, officer_id FROM campaign_results WHERE id = ?"
                             " AND deleted_hlc IS NULL", (result_id(campaign_id, household_id),)).fetchone()
    return None if row is None else dict(zip(("status", "attempts", "last_on", "note", "officer_id"), row,
                                             strict=True))


def record(
    store: Store,
    campaign_id: str,
    household: str,
    *,
    status: str,
    answers: Mapping[str, object] | None = None,
    on: str | date | None = None,
    note: str | None = None,
) -> None:
    """Record one attempt at a household: its status and the answers given (keyed by question id, code or
    position), all checked first, then written in one transaction. An answer left out keeps its earlier value;
    one given empty clears it. When the household was reached, every required question must have an answer."""
    actor = authorize(store, "register.edit")
    campaign = load_campaign(store, campaign_id)
    if not campaign.is_open:
        raise WardbookError("campaign.closed", name=campaign.name)
    check_choice(status, SWEEP_STATUSES, "status")
    household_id = resolve_household(store, household)
    found = targets(store, campaign, household_id=household_id, scoped=False)
    if not found:
        raise WardbookError("campaign.not_targeted", name=campaign.name)
    assigned = found[0].officer_id
    if not actor.is_setup and assigned != actor.user_id and not can(actor, "records.view_all"):
        raise WardbookError("campaign.not_assigned", name=campaign.name)
    day = parse_date(on or clock.today(), required=True, field="on")
    if day is not None and day > clock.today().isoformat():
        raise WardbookError("register.future_visit", value=format_date(day))
    given = _checked_answers(campaign, answers or {})
    current = household_answers(store, campaign_id, household_id)
    if status == "reached":
        for question in campaign.questions:
            if question.required and not question.retired and given.get(question.id, current.get(question.id)) \
                    is None:
                raise WardbookError("campaign.required_answer", field=question.code, question=question.label)
    officer = assigned or actor.user_id
    batch = [_result_write(store, campaign_id, household_id, officer, status, day, note)]
    for question_id, value in given.items():
        if current.get(question_id) == value:
            continue
        row_id = answer_id(campaign_id, household_id, question_id)
        if store.conn.execute("SELECT 1 FROM campaign_answers WHERE id = ?", (row_id,)).fetchone():
            batch.append(RowWrite("campaign_answers", row_id, "update", {"value": value, "answered_on": day}))
        elif value is not None:
            batch.append(RowWrite("campaign_answers", row_id, "insert", {
                "campaign_id": campaign_id, "household_id": household_id, "question_id": question_id,
                "officer_id": officer, "value": value, "answered_on": day}))
    store.writer.write(batch)


def _checked_answers(campaign: Campaign, answers: Mapping[str, object]) -> dict[str, str | None]:
    given: dict[str, str | None] = {}
    for key, value in answers.items():
        question = campaign.question(str(key))
        checked = check_answer(question, value)
        if question.retired and checked is not None:
            raise WardbookError("campaign.question_retired", question=question.label)
        given[question.id] = checked
    return given


def _result_write(store: Store, campaign_id: str, household_id: str, officer: str | None, status: str,
                  day: str | None, note: str | None) -> RowWrite:
    row_id = result_id(campaign_id, household_id)
    current = household_status(store, campaign_id, household_id)
    note = check_text(note, "note", limit=MAX_NAME * 4)
    if current is None:
        return RowWrite("campaign_results", row_id, "insert", {
            "campaign_id": campaign_id, "household_id": household_id, "officer_id": officer, "status": status,
            "attempts": 1, "last_on": day, "note": note})
    fields: dict[str, object] = {"status": status, "attempts": int(current["attempts"] or 0) + 1,  # type: ignore[call-overload]
                                 "last_on": day}
    if note is not None:
        fields["note"] = note
    return RowWrite("campaign_results", row_id, "update", fields)


def open_campaigns_of(store: Store, household_id: str, *, scoped: bool = False) -> list[Campaign]:
    """The open sweeps this household is part of (the visit form shows their questions); with `scoped`, for an
    officer only those whose area is assigned to them."""
    found = []
    for (campaign_id,) in store.conn.execute(
            "SELECT id FROM campaigns WHERE deleted_hlc IS NULL AND status = 'open' ORDER BY starts_on, name"):
        campaign = load_campaign(store, campaign_id)
        if targets(store, campaign, household_id=household_id, scoped=scoped):
            found.append(campaign)
    return found
