"""Community activities: meetings, forums to hear residents, awareness sessions, trainings, patrols."""

from __future__ import annotations

from datetime import date

from desktop.errors import WardbookError
from desktop.register.validation import check_choice, parse_date, require_text
from desktop.security.session import authorize, authorize_owner
from desktop.store import Store
from desktop.store.tables import ACTIVITY_KINDS


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
    check_choice(kind, ACTIVITY_KINDS, "kind")
    held = parse_date(held_on, required=True, field="held_on")
    assert held is not None
    if held > date.today().isoformat():
        raise WardbookError("register.future_activity", value=held)
    count: int | None = None
    if attendance is not None and str(attendance).strip():
        try:
            count = int(str(attendance).strip().replace(".", ""))
        except ValueError:
            raise WardbookError("register.bad_attendance", value=attendance) from None
        if count < 0:
            raise WardbookError("register.bad_attendance", value=attendance)
    return store.writer.insert(
        "activities",
        {
            "kind": kind,
            "held_on": held,
            "area_id": area_id,
            "topic": require_text(topic, "topic"),
            "attendance": count,
            "officer_id": officer_id,
            "notes": notes,
        },
    )
