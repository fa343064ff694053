"""Community activities: meetings, forums to hear residents, awareness sessions, trainings, patrols.

An activity is its officer's own work: they record it, correct it or take it back (a soft delete that syncs);
a team lead or an admin may do so for anyone's, as for visits.
"""

from __future__ import annotations

from datetime import date

from desktop import clock
from desktop.errors import WardbookError
from desktop.numbers import read_whole
from desktop.register.gone import not_found
from desktop.register.validation import (
    MAX_COUNT,
    MAX_TEXT,
    check_choice,
    check_text,
    parse_date,
    require_text,
)
from desktop.security.session import authorize, authorize_owner
from desktop.store import Store
from desktop.store.tables import ACTIVITY_KINDS
from desktop.text import format_date


def _activity_fields(kind: str, held_on: str | date, topic: str, area_id: str | None,
                     attendance: int | str | None, notes: str | None) -> dict[str, object]:
    """The checked fields of an activity, the same when it is recorded and when it is corrected."""
    check_choice(kind, ACTIVITY_KINDS, "kind")
    held = parse_date(held_on, required=True, field="held_on")
    assert held is not None
    if held > clock.today().isoformat():
        raise WardbookError("register.future_activity", value=format_date(held))
    count: int | None = None
    if attendance is not None and str(attendance).strip():
        count = read_whole(str(attendance))  # "1.000" (or "1,000") people, typed the Vietnamese way
        if count is None or not 0 <= count <= MAX_COUNT:
            raise WardbookError("register.bad_attendance", value=attendance)
    return {"kind": kind, "held_on": held, "area_id": area_id, "topic": require_text(topic, "topic"),
            "attendance": count, "notes": check_text(notes, "notes", limit=MAX_TEXT)}


def add_activity(
    store: Store,
    *,
    kind: str,
    held_on: str | date,
    topic: str,
    area_id: str | None = None,
    attendance: int | str | None = None,
    notes: str | None = None,
    officer_id: str | None = None,
) -> str:
    """Record an activity; `attendance` is a head count (what the periodic review adds up).

    The officer defaults to the logged-in user; recording one in another officer's name needs the right to see
    everyone's records, as for visits (an officer's activities are their own work, listed to them alone).
    """
    actor = authorize(store, "register.edit")
    officer_id = officer_id or actor.user_id
    authorize_owner(store, "register.edit", officer_id)
    fields = _activity_fields(kind, held_on, topic, area_id, attendance, notes)
    return store.writer.insert("activities", {**fields, "officer_id": officer_id})


def _owned_activity(store: Store, activity_id: str) -> None:
    """Refuse an unknown or deleted activity, or someone else's for an officer. One deleted meanwhile (in another
    window, by a sync) is named by its date and topic (`desktop.register.gone`): its id told the officer nothing."""
    row = store.conn.execute("SELECT officer_id, deleted_hlc, topic, held_on FROM activities WHERE id = ?",
                             (activity_id,)).fetchone()
    if row is None:
        raise WardbookError("register.unknown_activity", value=activity_id)
    authorize_owner(store, "register.edit", row[0])  # first: another officer's topic is not theirs to read
    if row[1] is not None:
        raise not_found(store, "activities", activity_id, "register.unknown_activity")


def update_activity(
    store: Store,
    activity_id: str,
    *,
    kind: str,
    held_on: str | date,
    topic: str,
    area_id: str | None = None,
    attendance: int | str | None = None,
    notes: str | None = None,
) -> dict[str, object]:
    """Correct an activity with the same checks as when recording it; returns the fields that changed.

    Every field is set (a form edits them all at once): pass the current value of any field not being changed.
    """
    _owned_activity(store, activity_id)
    return store.writer.update("activities", activity_id,
                               _activity_fields(kind, held_on, topic, area_id, attendance, notes))


def delete_activity(store: Store, activity_id: str) -> None:
    """Take back an activity recorded by mistake: a tombstone that reaches every laptop, out of every list and
    review from then on."""
    _owned_activity(store, activity_id)
    store.writer.delete("activities", activity_id)


def count_others_activities(store: Store, officer_id: str | None) -> int:
    """How many activities `list_activities` leaves out of `officer_id`'s list because other officers recorded
    them (0 when `officer_id` is None: nothing is hidden), for the page to tell the officer."""
    if not officer_id:
        return 0
    return int(store.conn.execute("SELECT COUNT(*) FROM activities WHERE deleted_hlc IS NULL AND officer_id IS NOT ?",
                                  (officer_id,)).fetchone()[0])
