"""Commendations (khen thưởng) proposed for a period, for a resident or an officer, and the decision taken.

A team lead proposes them while preparing a sơ kết / tổng kết; the review of a period lists those whose own
period lies within it (`desktop.reports.figures`). The decision is taken outside the app and recorded here as
the proposal's status.
"""

from __future__ import annotations

from desktop.errors import WardbookError
from desktop.register.validation import MAX_TEXT, check_choice, require_text
from desktop.reports.periods import Period, parse_period
from desktop.security.session import authorize
from desktop.store import Store
from desktop.store.queries import fetch_dicts
from desktop.store.tables import COMMENDATION_STATUSES
from desktop.text import nfc


def propose_commendation(store: Store, *, period: str, reason: str, person_id: str | None = None,
                         officer_id: str | None = None) -> str:
    """Propose a commendation of one resident (`person_id`) or one officer (`officer_id`) for `period`
    (a code such as 2026-Q2, 2026-06 or 2026); returns its id."""
    authorize(store, "commendations")
    code = parse_period(period).code
    if (person_id is None) == (officer_id is None):
        raise WardbookError("reports.commendation_whom")
    if person_id is not None and store.conn.execute(
            "SELECT 1 FROM people WHERE id = ? AND deleted_hlc IS NULL", (person_id,)).fetchone() is None:
        raise WardbookError("register.unknown_person", value=person_id)
    if officer_id is not None and store.conn.execute(
            "SELECT 1 FROM users WHERE id = ? AND deleted_hlc IS NULL", (officer_id,)).fetchone() is None:
        raise WardbookError("reports.no_such_officer", value=officer_id)
    reason = nfc(require_text(reason, "reason", MAX_TEXT))
    if store.conn.execute(  # a second click, or a second team lead, proposing the very same: listed twice
            "SELECT 1 FROM commendations WHERE deleted_hlc IS NULL AND period = ? AND person_id IS ? "
            "AND officer_id IS ? AND reason = ?", (code, person_id, officer_id, reason)).fetchone():
        raise WardbookError("reports.commendation_exists", field="reason")
    return store.writer.insert("commendations", {
        "period": code, "person_id": person_id, "officer_id": officer_id, "reason": reason, "status": "proposed",
    })


def set_commendation_status(store: Store, commendation_id: str, status: str) -> dict[str, object]:
    """Record the decision on a proposal (or take it back to proposed); returns what changed."""
    authorize(store, "commendations")
    check_choice(status, COMMENDATION_STATUSES, "status")
    if store.conn.execute("SELECT 1 FROM commendations WHERE id = ? AND deleted_hlc IS NULL",
                          (commendation_id,)).fetchone() is None:
        raise WardbookError("reports.unknown_commendation", value=commendation_id)
    return store.writer.update("commendations", commendation_id, {"status": status})


def list_commendations(store: Store, period: str | None = None) -> list[dict[str, object]]:
    """Proposals, newest first, with the name of who is proposed; with `period`, those whose own period lies
    within it (as the review counts them)."""
    authorize(store, "reports.view")
    rows = fetch_dicts(store, """
        SELECT m.id, m.period, COALESCE(p.full_name, u.full_name, '') AS name, m.reason, m.status,
            CASE WHEN m.person_id IS NOT NULL THEN 'resident' ELSE 'officer' END AS whom
        FROM commendations m LEFT JOIN people p ON p.id = m.person_id LEFT JOIN users u ON u.id = m.officer_id
        WHERE m.deleted_hlc IS NULL ORDER BY m.created_at DESC""")
    if period is None:
        return rows
    wanted = parse_period(period)
    return [row for row in rows if within_period(str(row["period"] or ""), wanted)]


def within_period(code: str, period: Period) -> bool:
    """Does the period a proposal was made for (its code) lie within `period`? A bad code never does."""
    try:
        own = parse_period(code)
    except WardbookError:
        return False
    return period.start <= own.start and own.end <= period.end
