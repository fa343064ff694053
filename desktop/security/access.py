"""Guarded reads shared by the CLI and the Qt app: what a user may see, and the audit entry seeing leaves.

Opening a household page is a `view` of personal data, so it is logged; an officer sees only their own visits
on it, a team lead or admin everyone's. A data-subject request (Law 91/2025/QH15) gets everything held about
one person in one JSON-ready dict.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import files, i18n
from desktop.errors import WardbookError
from desktop.register.validation import MAX_TEXT, check_text
from desktop.security import audit
from desktop.security.session import authorize, visible_officer
from desktop.store.queries import fetch_dicts, household_detail, ward_stats

if TYPE_CHECKING:
    from desktop.store import Store
    from desktop.store.rows import HouseholdDetail, WardStats


def view_household(store: Store, household_id: str) -> HouseholdDetail:
    authorize(store, "register.edit")
    detail = household_detail(store, household_id, officer_id=visible_officer(store))
    audit.record(store, "view", "households", household_id)
    return detail


def ward_figures(store: Store) -> WardStats:
    authorize(store, "reports.view")
    return ward_stats(store)


def ward_settings() -> tuple[str, ...]:
    """The settings a ward may change: the report header and signer, and the sync share. (The report's keys are
    looked up here, not at import: a command that changes no setting must not load the reports package.)"""
    from desktop.reports.settings import KEYS as report_setting_keys

    return (*report_setting_keys, "sync.share")


def change_setting(store: Store, key: str, value: str) -> None:
    """Change a ward setting (report header, signer, sync share…): admins only, and audited."""
    change_settings(store, {key: value})


def change_settings(store: Store, values: dict[str, str]) -> None:
    """Change ward settings together, all or none: each is checked before any is written (a form of several
    fields must not save half of them and then say "not saved"); admins only, each change audited."""
    actor = authorize(store, "settings.edit")
    allowed = ward_settings()
    for key, value in values.items():
        if key not in allowed:
            raise WardbookError("security.unknown_setting", key=key[:60], keys=", ".join(allowed))
        check_text(value, key, limit=MAX_TEXT)
        if key.startswith("report.target."):
            from desktop.reports.indicators import check_target

            check_target(key, value)
    with store.transaction():
        for key, value in values.items():
            store.set_setting(key, value)
            audit.record(store, "change", "settings", key, {"setting": key}, actor=actor)


def _row(store: Store, table: str, row_id: object) -> dict[str, object] | None:
    found = fetch_dicts(store, f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    return found[0] if found else None


_SWEEPS_AT = """
    SELECT r.campaign_id, c.name AS sweep, r.status, r.attempts, r.last_on, r.note
    FROM campaign_results r JOIN campaigns c ON c.id = r.campaign_id
    WHERE r.household_id = ? AND r.deleted_hlc IS NULL AND c.deleted_hlc IS NULL ORDER BY c.starts_on
"""
_ANSWERS_AT = """
    SELECT a.campaign_id, q.label AS question, q.kind, a.value, a.answered_on
    FROM campaign_answers a JOIN campaign_questions q ON q.id = a.question_id
    WHERE a.household_id = ? AND a.deleted_hlc IS NULL ORDER BY q.position
"""
# Free text an officer wrote at a household: a visit's findings and the reason it was voided, a sweep's note and its
# answers typed in words. Where other people live or lived in the household, that text is about a matter of several
# people (the grandmother's health, a son's debts), as a case's notes are: it is left out of one member's export, and
# the export says so (`withheld`), so the ward office can read it and give what concerns the subject by hand.
_VISIT_TEXT = ("findings", "void_reason")
_SWEEP_TEXT = ("note",)


def _shares_household(store: Store, person_id: str, household_id: object) -> bool:
    """Whether anybody else is on the household's register, living there or moved out (text written while they
    lived there may be about them)."""
    return household_id is not None and store.conn.execute(
        "SELECT 1 FROM people WHERE household_id = ? AND id != ? AND deleted_hlc IS NULL LIMIT 1",
        (household_id, person_id)).fetchone() is not None


def _withhold(rows: list[dict[str, object]], names: tuple[str, ...]) -> int:
    """Blank the free text `names` of `rows`; how many values there were."""
    count = 0
    for row in rows:
        for name in names:
            if row.get(name) not in (None, ""):
                count += 1
            row[name] = None
    return count


# What a data subject gets of a visit to their household: never `person_met`, the name of whoever was met
# (another member, a neighbour). Columns are named: a field added to a table later must be chosen, not inherited.
_VISIT_COLUMNS = ("id", "visited_at", "officer_id", "purposes", "outcome", "findings", "follow_up_due",
                  "follow_up_done_at", "voided", "void_reason")
# What a subject gets of a case naming them or their household: that it exists, its kind, dates and where it
# stands. Never the title, the source (a tip's informant, with their phone), the resolution or the events'
# notes: free text written about a matter of several people, whose informant the law protects
# (Law 91/2025/QH15 lets access be limited where it harms another's rights; the Law on Denunciations
# keeps a denouncer's identity secret). A tip's outcome (verified, forwarded to the police) is left out too:
# telling the subject of a tip under verification would defeat it.
_CASE_COLUMNS = ("id", "kind", "received_on", "status", "due_on", "resolved_on")
_MEDIATION_COLUMNS = ("mediation_result",)  # the subject is a party to their own dispute or complaint


def _subject_cases(store: Store, person_id: str, household_id: object) -> list[dict[str, object]]:
    """The cases naming the person or their household, as much of each as a subject may see (`_CASE_COLUMNS`)."""
    columns = ", ".join((*_CASE_COLUMNS, *_MEDIATION_COLUMNS))
    cases = fetch_dicts(store, f"SELECT {columns}, person_id = ? AS names_you FROM cases "
                               "WHERE (person_id = ? OR household_id = ?) AND deleted_hlc IS NULL ORDER BY received_on",
                        (person_id, person_id, household_id))
    for case in cases:
        if case["kind"] == "tip":
            for column in _MEDIATION_COLUMNS:
                case.pop(column)
        case["names_you"] = bool(case["names_you"])
        case["events"] = fetch_dicts(store, "SELECT at, new_status FROM case_events "
                                            "WHERE case_id = ? AND deleted_hlc IS NULL ORDER BY at", (case["id"],))
    return cases


def export_person(store: Store, person_id: str) -> dict[str, object]:
    """Everything held about one person: their record, their household's address and flags, the visits to that
    household, cases that name them or their household, their periods of reintegration support, and the audit
    entries about them, and what door-to-door sweeps recorded at their household (status and answers).

    Only the person's own data: other members' names (a visit's `person_met`) are left out, of a case only
    what a subject may see without exposing an informant or another party (`_CASE_COLUMNS`), and the free text
    written at a household of several people (`_VISIT_TEXT`, `_SWEEP_TEXT`, said in `withheld`). Every column is
    named, never `SELECT *` of a table that holds others' data.
    """
    authorize(store, "subject.export")
    person = _row(store, "people", person_id)
    if person is None:
        raise WardbookError("register.unknown_person", value=person_id)
    household_id = person["household_id"]
    household = _row(store, "households", household_id) if household_id else None
    visits = fetch_dicts(store, f"SELECT {', '.join(_VISIT_COLUMNS)} FROM visits WHERE household_id = ? "
                                "AND deleted_hlc IS NULL ORDER BY visited_at", (household_id,))
    for visit in visits:
        visit["support_items"] = fetch_dicts(
            store, "SELECT kind, quantity, unit, value_vnd, description FROM support_items "
                   "WHERE visit_id = ? AND deleted_hlc IS NULL", (visit["id"],))
    cases = _subject_cases(store, person_id, household_id)
    reintegration = fetch_dicts(store, "SELECT started_on, ended_on, notes FROM reintegration WHERE person_id = ? "
                                "AND deleted_hlc IS NULL ORDER BY started_on", (person_id,))
    sweeps = fetch_dicts(store, _SWEEPS_AT, (household_id,))
    answers = fetch_dicts(store, _ANSWERS_AT, (household_id,))
    withheld = 0
    if _shares_household(store, person_id, household_id):
        written = [answer for answer in answers if answer["kind"] == "text"]
        withheld = _withhold(visits, _VISIT_TEXT) + _withhold(sweeps, _SWEEP_TEXT) + _withhold(written, ("value",))
    accesses = fetch_dicts(store, "SELECT at, username, action, target_table FROM audit_log "
                            "WHERE target_id IN (?, ?) ORDER BY at", (person_id, household_id))
    audit.record(store, "export", "people", person_id, {"kind": "data_subject_request"})
    return {
        "person": person,
        "household": {key: household[key] for key in ("id", "code", "house_no", "street", "phone", "status",
                                                      *(k for k in household if k.startswith("flag_")))}
        if household else None,
        "visits_to_household": visits,
        "cases": cases,
        "reintegration_support": reintegration,
        "door_to_door_sweeps": [
            {**{k: v for k, v in sweep.items() if k != "campaign_id"},
             "answers": [{k: v for k, v in answer.items() if k not in ("campaign_id", "kind")}
                         for answer in answers if answer["campaign_id"] == sweep["campaign_id"]]}
            for sweep in sweeps
        ],
        "accesses": accesses,
        "withheld": {"free_texts": withheld, "why": i18n.tr("security.export_text_withheld", count=withheld)}
        if withheld else None,
    }


def write_person_export(store: Store, person_id: str, path: Path) -> str | None:
    """Save everything held about one person (`export_person`) as JSON at `path`, for the app and the CLI alike;
    returns the sentence saying what free text was left out (None: nothing was), for the person exporting.

    The target is checked before anything is read (never the database, its key file, a device or a folder) and
    written under a temporary name then renamed, so a full disk leaves no half export behind."""
    files.check_target(path, "json")  # ends in .json (a name like x.pdf would open in the wrong program)
    data = export_person(store, person_id)
    files.write_text(path, json.dumps(data, ensure_ascii=False, indent=1, default=str))
    withheld = data["withheld"]
    return str(withheld["why"]) if isinstance(withheld, dict) else None
