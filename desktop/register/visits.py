"""Door-to-door visits with their support items and follow-ups.

Visits are append-mostly: a mistake is corrected by updating a field or voiding the visit with a reason,
never by deleting it, so the history an officer signed for stays readable.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.errors import WardbookError
from desktop.register.households import resolve_household
from desktop.register.validation import (
    MAX_COUNT,
    MAX_NAME,
    MAX_TEXT,
    MAX_VND,
    check_choice,
    check_int,
    check_number,
    check_text,
    parse_date,
    require_text,
)
from desktop.security.session import authorize, authorize_owner
from desktop.store import RowWrite, Store, new_id
from desktop.store.tables import SUPPORT_KINDS, VISIT_OUTCOMES, VISIT_PURPOSES


@dataclass(frozen=True)
class SupportItem:
    kind: str
    quantity: float | None = None
    unit: str | None = None
    value_vnd: int | None = None
    description: str | None = None


def _support_fields(item: SupportItem, visit_id: str) -> dict[str, object]:
    check_choice(item.kind, SUPPORT_KINDS, "kind")
    return {
        "visit_id": visit_id,
        "kind": item.kind,
        "quantity": None if item.quantity is None else check_number(item.quantity, "support", low=0,
                                                                     high=MAX_COUNT, part="quantity"),
        "unit": check_text(item.unit, "support", limit=MAX_NAME, part="unit"),
        "value_vnd": None if item.value_vnd is None else check_int(item.value_vnd, "support", low=0, high=MAX_VND,
                                                                   part="value_vnd"),
        "description": check_text(item.description, "support", limit=MAX_TEXT, part="description"),
    }


def add_visit(
    store: Store,
    *,
    household_id: str | None,
    visited_on: str | date,
    purposes: Iterable[str],
    outcome: str,
    officer_id: str | None = None,
    person_met: str | None = None,
    findings: str | None = None,
    follow_up_due: str | date | None = None,
    support: Sequence[SupportItem] = (),
) -> str:
    """Log a visit and its support items in one transaction; returns the visit id.

    The officer defaults to the logged-in user; logging a visit in another officer's name needs the right to
    see everyone's records (a team lead entering a colleague's paper notes).
    """
    actor = authorize(store, "register.edit")
    officer_id = officer_id or actor.user_id
    authorize_owner(store, "register.edit", officer_id)
    chosen = sorted(set(purposes))
    if not chosen:
        raise WardbookError("register.required", field="purposes")
    for purpose in chosen:
        check_choice(purpose, VISIT_PURPOSES, "purposes")
    check_choice(outcome, VISIT_OUTCOMES, "outcome")
    visited = parse_date(visited_on, required=True, field="visited_on")
    assert visited is not None
    if visited > date.today().isoformat():
        raise WardbookError("register.future_visit", value=visited)
    due = parse_date(follow_up_due, field="follow_up_due")
    if due is not None and due <= visited:
        raise WardbookError("register.follow_up_before_visit", due=due, visited=visited)
    resolved_household = resolve_household(store, household_id) if household_id else None
    visit_id = new_id()
    batch = [
        RowWrite(
            "visits",
            visit_id,
            "insert",
            {
                "household_id": resolved_household,
                "visited_at": visited,
                "officer_id": officer_id,
                "purposes": ",".join(chosen),
                "outcome": outcome,
                "person_met": check_text(person_met, "person_met", limit=MAX_NAME),
                "findings": check_text(findings, "findings", limit=MAX_TEXT),
                "follow_up_due": due,
                "voided": 0,
            },
        ),
        *(RowWrite("support_items", new_id(), "insert", _support_fields(item, visit_id)) for item in support),
    ]
    store.writer.write(batch)
    return visit_id


def _visit_officer(store: Store, visit_id: str) -> str | None:
    row = store.conn.execute("SELECT officer_id FROM visits WHERE id = ?", (visit_id,)).fetchone()
    if row is None:
        raise WardbookError("store.no_such_row", table="visits", id=visit_id)
    return row[0]


def complete_follow_up(store: Store, visit_id: str, done_on: str | date) -> None:
    authorize_owner(store, "register.edit", _visit_officer(store, visit_id))
    store.writer.update(
        "visits", visit_id, {"follow_up_done_at": parse_date(done_on, required=True, field="done_on")}
    )


def void_visit(store: Store, visit_id: str, reason: str) -> None:
    authorize_owner(store, "register.edit", _visit_officer(store, visit_id))
    store.writer.update("visits", visit_id, {"voided": 1, "void_reason": require_text(reason, "reason", MAX_TEXT)})
