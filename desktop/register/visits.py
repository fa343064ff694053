"""Door-to-door visits with their support items and follow-ups.

Visits are append-mostly: a mistake is corrected by updating a field or voiding the visit with a reason,
never by deleting it, so the history an officer signed for stays readable. A void can be restored (the undo
of a void), and every correction goes through the write path, so it is audited and synced like the visit.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.gone import not_found
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
    not_in_future,
    parse_date,
    require_text,
    required_error,
)
from desktop.security.session import authorize, authorize_owner
from desktop.store import RowWrite, Store, new_id
from desktop.store.queries import fetch_dicts, id_from_prefix
from desktop.store.tables import SUPPORT_KINDS, VISIT_OUTCOMES, VISIT_PURPOSES
from desktop.text import format_date

# What the visit form edits: the same fields whether the visit is new or corrected.
_SUPPORT_FIELDS = ("kind", "quantity", "unit", "value_vnd", "description")


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


def _visit_household(store: Store, household_id: str, recorded: object = None) -> str:
    """The household a visit is logged on: the one it is recorded on stays as it is (deleted since, by a sync or
    a merge, a correction of its findings was refused); another must be alive, and one deleted meanwhile is named
    by its code and address, never by its id (`resolve_household`)."""
    if household_id == recorded:
        return household_id
    return resolve_household(store, household_id, field="household")


def _checked_fields(
    store: Store,
    *,
    household_id: str | None,
    recorded_household: object = None,
    visited_on: str | date,
    purposes: Iterable[str],
    outcome: str,
    person_met: str | None,
    findings: str | None,
    follow_up_due: str | date | None,
) -> dict[str, object]:
    """The visit's fields after the checks a new visit and a corrected one share (one set of rules);
    `recorded_household` is the household a corrected visit is recorded on."""
    chosen = sorted(set(purposes))
    if not chosen:
        raise required_error("purposes")
    for purpose in chosen:
        check_choice(purpose, VISIT_PURPOSES, "purposes")
    check_choice(outcome, VISIT_OUTCOMES, "outcome")
    visited = parse_date(visited_on, required=True, field="visited_on")
    assert visited is not None
    if visited > clock.today().isoformat():
        raise WardbookError("register.future_visit", value=format_date(visited))
    due = parse_date(follow_up_due, field="follow_up_due")
    if due is not None and due <= visited:
        raise WardbookError("register.follow_up_before_visit", due=format_date(due), visited=format_date(visited))
    return {
        "household_id": _visit_household(store, household_id, recorded_household) if household_id else None,
        "visited_at": visited,
        "purposes": ",".join(chosen),
        "outcome": outcome,
        "person_met": check_text(person_met, "person_met", limit=MAX_NAME),
        "findings": check_text(findings, "findings", limit=MAX_TEXT),
        "follow_up_due": due,
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
    fields = _checked_fields(
        store, household_id=household_id, visited_on=visited_on, purposes=purposes, outcome=outcome,
        person_met=person_met, findings=findings, follow_up_due=follow_up_due,
    )
    visit_id = new_id()
    batch = [
        RowWrite("visits", visit_id, "insert", {**fields, "officer_id": officer_id, "voided": 0}),
        *(RowWrite("support_items", new_id(), "insert", _support_fields(item, visit_id)) for item in support),
    ]
    store.writer.write(batch)
    return visit_id


def resolve_visit(store: Store, text: str) -> str:
    """The id of the visit `text` names: its id or the first characters of it (the CLI lists 8), if unique."""
    found = id_from_prefix(store, "visits", text)
    if found is None:
        raise WardbookError("register.unknown_visit", value=text)
    return found


def _visit_row(store: Store, visit_id: str) -> dict[str, object]:
    found = fetch_dicts(
        store, "SELECT * FROM visits WHERE id = ? AND deleted_hlc IS NULL", (visit_id,)
    )
    if not found:
        raise not_found(store, "visits", visit_id, "register.unknown_visit")
    return found[0]


def _support_rows(store: Store, visit_id: str) -> list[dict[str, object]]:
    return fetch_dicts(
        store,
        f"SELECT id, {', '.join(_SUPPORT_FIELDS)} FROM support_items WHERE visit_id = ? AND deleted_hlc IS NULL "
        "ORDER BY created_at, id",
        (visit_id,),
    )


def _owned_visit(store: Store, visit_id: str) -> dict[str, object]:
    """The visit, if the actor may change it: officers their own, team leads and admins everyone's."""
    visit = _visit_row(store, visit_id)
    authorize_owner(store, "register.edit", visit["officer_id"])  # type: ignore[arg-type]
    return visit


def open_visit(store: Store, visit_id: str) -> dict[str, object]:
    """A visit as its form shows it (fields, `support`: its items as `SupportItem`), for whoever may change it."""
    visit = _owned_visit(store, visit_id)
    items = [SupportItem(*(row[name] for name in _SUPPORT_FIELDS)) for row in _support_rows(store, visit_id)]  # type: ignore[arg-type]
    return {**visit, "support": items}


def update_visit(
    store: Store,
    visit_id: str,
    *,
    household_id: str | None,
    visited_on: str | date,
    purposes: Iterable[str],
    outcome: str,
    person_met: str | None = None,
    findings: str | None = None,
    follow_up_due: str | date | None = None,
    support: Sequence[SupportItem] = (),
) -> str:
    """Correct a visit with the same checks as logging one; its support items become `support` (matched in
    order, so an unchanged item writes nothing). The officer stays the one who made the visit. A voided visit
    is restored before it is corrected, so a correction never slips into a record nobody counts.

    A follow-up marked done is open again when it is given a new date after the day it was done (the officer
    comes back once more: kept done, it was never listed as due); a visit cannot be moved after the day its
    follow-up was done (marking it done refuses that order too)."""
    current = _owned_visit(store, visit_id)
    if current["voided"]:
        raise WardbookError("register.visit_voided")
    fields = _checked_fields(
        store, household_id=household_id, recorded_household=current["household_id"], visited_on=visited_on,
        purposes=purposes, outcome=outcome, person_met=person_met, findings=findings, follow_up_due=follow_up_due,
    )
    done = current["follow_up_done_at"]
    due = fields["follow_up_due"]
    if done and due and due != current["follow_up_due"] and str(due) > str(done):
        fields["follow_up_done_at"] = done = None
    if done and fields["visited_at"] != current["visited_at"] and str(fields["visited_at"]) > str(done):
        raise WardbookError("register.visit_after_follow_up_done", visited=format_date(fields["visited_at"]),
                            done=format_date(done), field="visited_on")
    old_items = _support_rows(store, visit_id)
    new_items = [_support_fields(item, visit_id) for item in support]
    batch = [RowWrite("visits", visit_id, "update", fields)]
    for old, new in zip(old_items, new_items, strict=False):
        batch.append(RowWrite("support_items", str(old["id"]), "update", new))
    batch += [RowWrite("support_items", new_id(), "insert", new) for new in new_items[len(old_items):]]
    batch += [RowWrite("support_items", str(old["id"]), "delete") for old in old_items[len(new_items):]]
    store.writer.write(batch)
    return visit_id


def as_entered(visit: Mapping[str, object]) -> dict[str, object]:
    """A visit as `open_visit` gives it, in `update_visit`'s arguments: what a correction compares and keeps."""
    return {
        "household_id": visit["household_id"],
        "visited_on": visit["visited_at"],
        "purposes": [code for code in str(visit["purposes"] or "").split(",") if code],
        "outcome": visit["outcome"],
        "person_met": visit["person_met"],
        "findings": visit["findings"],
        "follow_up_due": visit["follow_up_due"],
        "support": list(visit["support"]),  # type: ignore[call-overload]
    }


def correct_visit(store: Store, visit_id: str, changes: Mapping[str, object],
                  seen: Mapping[str, object] | None = None, *, overwrite: bool = False) -> str:
    """Correct only the fields in `changes` (named as `update_visit`'s arguments); every other field stays as it
    is now, not as it was when the caller read it, so a correction made meanwhile elsewhere (another window,
    the CLI, a sync) is kept.

    `seen` is the visit as `open_visit` gave it when the form opened: a field of `changes` that has changed
    since is refused (`register.visit_changed_meanwhile`, its `changed` naming those fields) unless
    `overwrite`, so nobody replaces another's correction of the same field without being asked. Read and
    write are one transaction: nothing can slip in between.
    """
    with store.transaction():
        current = as_entered(open_visit(store, visit_id))
        if seen is not None and not overwrite:
            before = as_entered(seen)
            changed = [name for name in changes if current[name] != before[name]]
            if changed:
                raise WardbookError("register.visit_changed_meanwhile", changed=tuple(changed))
        return update_visit(store, visit_id, **{**current, **changes})  # type: ignore[arg-type]


def complete_follow_up(store: Store, visit_id: str, done_on: str | date) -> None:
    """Mark a visit's follow-up done on a day between the visit and today: one done "in 2027" left every list of
    due follow-ups today while the reviews counted it open and overdue until then."""
    visit = _owned_visit(store, visit_id)
    done = not_in_future(parse_date(done_on, required=True, field="done_on"), "done_on")
    assert done is not None
    visited = str(visit["visited_at"])
    if done < visited:
        raise WardbookError("register.done_before_visit", done=format_date(done), visited=format_date(visited),
                            field="done_on")
    store.writer.update("visits", visit_id, {"follow_up_done_at": done})


def void_visit(store: Store, visit_id: str, reason: str) -> None:
    """Mark a visit as recorded by mistake: it stays in the register with its reason, leaves every figure and
    list of due follow-ups, and is counted among the voided visits of the review."""
    visit = _owned_visit(store, visit_id)
    if visit["voided"]:  # voiding again replaced the first reason, which is the one the review's readers need
        raise WardbookError("register.already_voided", reason=visit["void_reason"] or "")
    if not (reason or "").strip():
        raise WardbookError("register.void_reason_required")
    store.writer.update("visits", visit_id, {"voided": 1, "void_reason": require_text(reason, "reason", MAX_TEXT)})


def restore_visit(store: Store, visit_id: str) -> str | None:
    """Undo a void: the visit counts again, as before (the reason is cleared; the audit log keeps it).
    Returns the visit's household id, whose page and figures change."""
    visit = _owned_visit(store, visit_id)
    if not visit["voided"]:
        raise WardbookError("register.not_voided")
    store.writer.update("visits", visit_id, {"voided": 0, "void_reason": None})
    return visit["household_id"]  # type: ignore[return-value]
