"""Cases (tips, disputes, complaints, reintegration support) and their timeline of events.

A case's status only changes together with a `case_events` row saying who changed it, when and why, in one
transaction: the timeline is the case's history and the status is its latest word. The same holds for a case's
outcome: what became of a tip (`tip_status`: received, verified, forwarded to the police, closed) and how the
mediation of a dispute or complaint ended (`mediation_result`); the event carries it as `new_outcome`, so a
review can tell each outcome as of its cut-off day (`desktop.reports.outcomes`).
"""

from __future__ import annotations

from datetime import date

from desktop import i18n
from desktop.errors import WardbookError
from desktop.register import outcome_messages  # noqa: F401  (registers the outcome's messages)
from desktop.register.gone import not_found
from desktop.register.households import resolve_household
from desktop.register.labels import label  # also registers the kinds' names the messages refer to
from desktop.register.validation import (
    MAX_TEXT,
    check_choice,
    check_text,
    not_in_future,
    parse_date,
    require_text,
    required_error,
)
from desktop.security.session import authorize, authorize_owner
from desktop.store import RowWrite, Store, new_id
from desktop.store.tables import CASE_KINDS, CASE_STATUSES, MEDIATION_KINDS, MEDIATION_RESULTS, TIP_STATUSES
from desktop.text import format_date

CLOSING_STATUSES = ("resolved", "closed")


def outcome_field(kind: str) -> str | None:
    """The case's field that holds its outcome: a tip's status, a dispute's or complaint's mediation result."""
    return "tip_status" if kind == "tip" else "mediation_result" if kind in MEDIATION_KINDS else None


def check_outcome(kind: str, outcome: str | None) -> str | None:
    """`outcome` if it is one a case of `kind` can have (a tip status only on a tip, a mediation result only on
    a dispute or a complaint); None when none is given."""
    if outcome is None or outcome == "":
        return None
    field = outcome_field(kind)
    if field is None:
        raise WardbookError("register.no_outcome_for_kind", kind=i18n.Ref(f"case_kind.{kind}"), field="outcome")
    choices = TIP_STATUSES if field == "tip_status" else MEDIATION_RESULTS
    if outcome not in choices:
        raise WardbookError("register.bad_outcome", value=outcome[:40], kind=i18n.Ref(f"case_kind.{kind}"),
                            choices=", ".join(label(field, code) for code in choices), field="outcome")
    return outcome


def add_case(
    store: Store,
    *,
    kind: str,
    title: str,
    received_on: str | date,
    household_id: str | None = None,
    source: str | None = None,
    due_on: str | date | None = None,
    assignee_id: str | None = None,
    officer_id: str | None = None,
) -> str:
    """Open a case and its first timeline event ("received") in one transaction; returns the case id.

    The officer and the assignee default to the logged-in user; a case for another officer needs the right to
    see everyone's records (an officer sees and changes only their own cases).
    """
    actor = authorize(store, "register.edit")
    officer_id = officer_id or actor.user_id
    assignee_id = assignee_id or actor.user_id
    authorize_owner(store, "register.edit", officer_id)
    authorize_owner(store, "register.edit", assignee_id)
    check_choice(kind, CASE_KINDS, "kind")
    check_text(source, "source", limit=MAX_TEXT)  # a source of 120,000 characters, or with escape codes, went in
    received = not_in_future(parse_date(received_on, required=True, field="received_on"), "received_on")
    assert received is not None
    due = parse_date(due_on, field="due_on")
    if due is not None and due < received:
        raise WardbookError("register.due_before_received", due=format_date(due), received=format_date(received))
    case_id = new_id()
    store.writer.write(
        [
            RowWrite(
                "cases",
                case_id,
                "insert",
                {
                    "kind": kind,
                    "title": require_text(title, "title"),
                    "household_id": resolve_household(store, household_id, field="household") if household_id else None,
                    "received_on": received,
                    "source": source,
                    "status": "open",
                    "assignee_id": assignee_id,
                    "due_on": due,
                    "tip_status": "received" if kind == "tip" else None,
                },
            ),
            RowWrite(
                "case_events",
                new_id(),
                "insert",
                {
                    "case_id": case_id,
                    "at": received,
                    "officer_id": officer_id,
                    "note": None,
                    "new_status": "open",
                    "new_outcome": "received" if kind == "tip" else None,
                },
            ),
        ]
    )
    return case_id


def _case_state(store: Store, case_id: str) -> tuple[str, str | None, str, str | None]:
    """The case's status, the officer it belongs to (its assignee), its kind and its outcome."""
    row = store.conn.execute(
        "SELECT status, assignee_id, kind, CASE kind WHEN 'tip' THEN COALESCE(tip_status, 'received') "
        "ELSE mediation_result END FROM cases WHERE id = ? AND deleted_hlc IS NULL",
        (case_id,),
    ).fetchone()
    if row is None:
        raise not_found(store, "cases", case_id, "register.unknown_case")
    return str(row[0]), row[1], str(row[2]), row[3]


def update_case(
    store: Store,
    case_id: str,
    *,
    on: str | date,
    note: str | None = None,
    new_status: str | None = None,
    resolution: str | None = None,
    outcome: str | None = None,
    officer_id: str | None = None,
) -> str:
    """Add an event to the case's timeline, changing the status when `new_status` differs and the outcome (a
    tip's status, a mediation's result) when `outcome` differs; returns the event's id.

    An event must say something: a note, a new status, a new outcome, a resolution. It is dated on or after the
    case's latest event: the timeline and the reviews take the case's status from its latest event by date, so
    one slipped in before it would leave the register and the review disagreeing. Resolving or closing stamps
    `resolved_on`; going back to open or in progress clears it and the resolution (an open case listed with a
    resolution reads as settled; the events keep the earlier closing). A resolution is what a resolved or closed
    case came to: it is kept with the event that resolves or closes the case, or corrected on a case already
    resolved or closed; on a case still open it is refused (kept silently it would be lost, and shown it would say
    an open case was settled).
    """
    current, owner, kind, current_outcome = _case_state(store, case_id)
    actor = authorize_owner(store, "register.edit", owner)
    officer_id = officer_id or actor.user_id
    at = not_in_future(parse_date(on, required=True, field="on"), "on")
    received = store.conn.execute("SELECT received_on FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
    if at is not None and received and at < str(received):  # nor resolved before it was received
        raise WardbookError("register.event_before_received", on=format_date(at), received=format_date(received),
                            field="on")
    latest = store.conn.execute("SELECT MAX(at) FROM case_events WHERE case_id = ? AND deleted_hlc IS NULL",
                                (case_id,)).fetchone()[0]
    if at is not None and latest and at < str(latest):  # the review reads the status from the latest event by date
        raise WardbookError("register.event_before_latest", on=format_date(at), latest=format_date(latest),
                            field="on")
    status = check_choice(new_status, CASE_STATUSES, "new_status", required=False)
    if status == current:
        status = None
    new_outcome = check_outcome(kind, outcome)
    if new_outcome == current_outcome:
        new_outcome = None
    check_text(resolution, "resolution", limit=MAX_TEXT)
    resolution = (resolution or "").strip() or None
    closed = status in CLOSING_STATUSES if status is not None else current in CLOSING_STATUSES
    if resolution is not None and not closed:
        raise WardbookError("register.resolution_needs_closing", field="resolution")
    if status is None and new_outcome is None and resolution is None and not (note or "").strip():
        raise required_error("note")
    check_text(note, "note", limit=MAX_TEXT)
    event_id = new_id()
    batch = [
        RowWrite(
            "case_events",
            event_id,
            "insert",
            {
                "case_id": case_id,
                "at": at,
                "officer_id": officer_id,
                "note": note,
                "new_status": status,
                "new_outcome": new_outcome,
            },
        )
    ]
    fields: dict[str, object] = {}
    if status is not None:
        fields["status"] = status
        if status in CLOSING_STATUSES:
            fields["resolved_on"] = at
        elif current in CLOSING_STATUSES:  # reopened: no longer resolved (its events keep the earlier closing)
            fields["resolved_on"] = None
            fields["resolution"] = None
    if resolution is not None:
        fields["resolution"] = resolution
    if new_outcome is not None:
        fields[str(outcome_field(kind))] = new_outcome
    if fields:
        batch.append(RowWrite("cases", case_id, "update", fields))
    store.writer.write(batch)
    return event_id


def count_others_cases(store: Store, officer_id: str | None, statuses: tuple[str, ...] = ()) -> int:
    """How many cases `list_cases` with the same statuses leaves out of `officer_id`'s list because they are
    assigned to other officers (0 when `officer_id` is None: nothing is hidden): the Cases page tells an officer,
    so a short list is not read as the ward's."""
    if not officer_id:
        return 0
    status_filter = f" AND status IN ({','.join('?' * len(statuses))})" if statuses else ""
    return int(store.conn.execute(
        f"SELECT COUNT(*) FROM cases WHERE deleted_hlc IS NULL AND assignee_id IS NOT ?{status_filter}",
        (officer_id, *statuses)).fetchone()[0])
