"""The reintegration register: people supported after serving a sentence, from when to when, and the officer
responsible for each.

A person has at most one open period of support at a time (no end date yet); ending it records the day it
ended, so the register also tells who was under support on any past day (what a review's cut-off asks). An
officer records and manages the people they are responsible for; a team lead or an admin manages everyone's,
as for cases (the same rule is applied to changes arriving by sync, `desktop.security.rights`).
"""

from __future__ import annotations

from datetime import date

from desktop import clock
from desktop.errors import WardbookError
from desktop.register import outcome_messages  # noqa: F401  (registers the messages used here)
from desktop.register.gone import not_found
from desktop.register.validation import MAX_TEXT, check_text, not_in_future, parse_date
from desktop.search.folding import fold
from desktop.security.session import authorize, authorize_owner, visible_officer
from desktop.store import Store
from desktop.store.queries import FROM_SESSION, FromSession, fetch_dicts, find_people, id_from_prefix, scope_of
from desktop.text import format_date


def _person(store: Store, person_id: str) -> str:
    """The person's name; refuses an unknown or deleted person."""
    row = store.conn.execute("SELECT full_name FROM people WHERE id = ? AND deleted_hlc IS NULL",
                             (person_id,)).fetchone()
    if row is None:
        raise not_found(store, "people", person_id, "register.unknown_person", field="person")
    return str(row[0])


def resolve_person(store: Store, name_or_id: str) -> str:
    """A resident by id, or by a name (typed with or without accents) that only one person in the register has."""
    if store.conn.execute("SELECT 1 FROM people WHERE id = ? AND deleted_hlc IS NULL", (name_or_id,)).fetchone():
        return name_or_id
    found = find_people(store, name_or_id, limit=1000)
    if len(found) > 1:  # "Nguyễn Văn An" also finds "Nguyễn Văn Anh": the one whose whole name it is
        found = [row for row in found if fold(str(row["full_name"])) == fold(name_or_id)] or found
    if len(found) != 1:
        raise WardbookError("register.person_not_unique", name=name_or_id[:60], count=len(found), field="person")
    return str(found[0]["id"])


def check_officer(store: Store, officer_id: str | None) -> None:
    """Refuse an officer id that names no account of the ward."""
    if officer_id and store.conn.execute("SELECT 1 FROM users WHERE id = ? AND deleted_hlc IS NULL",
                                         (officer_id,)).fetchone() is None:
        raise WardbookError("register.unknown_officer", value=officer_id, field="officer")


def household_members(store: Store, household_id: str) -> list[dict[str, object]]:
    """The people living in a household (id, name, birth year), to choose whom to support."""
    return fetch_dicts(store, "SELECT id, full_name, birth_year FROM people WHERE household_id = ? "
                              "AND deleted_hlc IS NULL AND moved_out_on IS NULL ORDER BY full_name", (household_id,))


def officers(store: Store) -> list[dict[str, object]]:
    """The active accounts a record can be given to (id and name), for the officer-responsible choice."""
    return fetch_dicts(store, "SELECT id, COALESCE(full_name, username) AS name FROM users "
                              "WHERE deleted_hlc IS NULL AND active = 1 ORDER BY name")


def _period(started_on: str | date, ended_on: str | date | None) -> tuple[str, str | None]:
    start = not_in_future(parse_date(started_on, required=True, field="started_on"), "started_on")
    end = not_in_future(parse_date(ended_on, field="ended_on"), "ended_on")
    assert start is not None
    if end is not None and end < start:
        raise WardbookError("register.end_before_start", end=format_date(end), start=format_date(start),
                            field="ended_on")
    return start, end


def add_reintegration(
    store: Store,
    *,
    person_id: str,
    started_on: str | date,
    ended_on: str | date | None = None,
    officer_id: str | None = None,
    notes: str | None = None,
) -> str:
    """Put a person under reintegration support from `started_on`; returns the record's id.

    The officer responsible defaults to the logged-in user; naming another needs the right to see everyone's
    records. A person already under support (an open period) cannot get a second one.
    """
    actor = authorize(store, "register.edit")
    officer_id = officer_id or actor.user_id
    authorize_owner(store, "register.edit", officer_id)
    check_officer(store, officer_id)
    name = _person(store, person_id)
    start, end = _period(started_on, ended_on)
    born = store.conn.execute("SELECT birth_year FROM people WHERE id = ?", (person_id,)).fetchone()[0]
    if isinstance(born, int) and int(start[:4]) < born:  # a typo of 1901 for 2021 (seen: support before birth)
        raise WardbookError("register.support_before_birth", name=name, start=format_date(start), born=born,
                            field="started_on")
    if end is None:
        open_since = store.conn.execute(
            "SELECT started_on, officer_id FROM reintegration WHERE person_id = ? AND ended_on IS NULL "
            "AND deleted_hlc IS NULL", (person_id,)).fetchone()
        if open_since is not None:
            if open_since[1] != actor.user_id and visible_officer(store) is not None:
                # A colleague's record this officer may not open: its dates, even its kind, would tell them the
                # person served a sentence. They learn only whom to ask.
                raise WardbookError("register.record_kept_by_other", name=name, field="person")
            raise WardbookError("register.reintegration_open", name=name, since=format_date(open_since[0]),
                                field="person")
    return store.writer.insert("reintegration", {
        "person_id": person_id, "started_on": start, "ended_on": end, "officer_id": officer_id,
        "notes": check_text(notes, "notes", limit=MAX_TEXT),
    })


def _owned(store: Store, record_id: str) -> dict[str, object]:
    """The record, refusing an unknown or deleted one, or another officer's for an officer."""
    found = fetch_dicts(store, "SELECT id, person_id, started_on, ended_on, officer_id, notes FROM reintegration "
                               "WHERE id = ? AND deleted_hlc IS NULL", (record_id,))
    if not found:
        raise WardbookError("register.unknown_reintegration", value=record_id)
    authorize_owner(store, "register.edit", found[0]["officer_id"])  # type: ignore[arg-type]
    return found[0]


def end_reintegration(store: Store, record_id: str, *, ended_on: str | date, notes: str | None = None) -> None:
    """End a period of support on `ended_on` (a note, if given, replaces the record's notes)."""
    record = _owned(store, record_id)
    if record["ended_on"]:
        raise WardbookError("register.already_ended", end=format_date(record["ended_on"]), field="ended_on")
    _start, end = _period(str(record["started_on"]), ended_on)
    fields: dict[str, object] = {"ended_on": end}
    if notes is not None and notes.strip():
        fields["notes"] = check_text(notes, "notes", limit=MAX_TEXT)
    store.writer.update("reintegration", record_id, fields)


def update_reintegration(
    store: Store,
    record_id: str,
    *,
    started_on: str | date,
    ended_on: str | date | None,
    officer_id: str | None,
    notes: str | None,
) -> dict[str, object]:
    """Correct a record with the same checks as when it was made (every field is set, as a form edits them all);
    handing it to another officer needs the right to see everyone's records. Returns the fields that changed."""
    _owned(store, record_id)
    authorize_owner(store, "register.edit", officer_id)
    check_officer(store, officer_id)
    start, end = _period(started_on, ended_on)
    return store.writer.update("reintegration", record_id, {
        "started_on": start, "ended_on": end, "officer_id": officer_id,
        "notes": check_text(notes, "notes", limit=MAX_TEXT),
    })


def list_reintegration(
    store: Store,
    *,
    current_only: bool = False,
    on: date | None = None,
    officer_id: str | FromSession | None = FROM_SESSION,
) -> list[dict[str, object]]:
    """The register, open periods first then newest start first, with the person's name, address and the officer
    responsible: those the logged-in user is responsible for when they may not see everyone's, unless
    `officer_id` says whose (None: everyone's). `current_only`: only those under support on `on` (today)."""
    authorize(store, "register.edit")
    where = ["r.deleted_hlc IS NULL"]
    params: list[object] = []
    officer = scope_of(store, officer_id)
    if officer:
        where.append("r.officer_id = ?")
        params.append(officer)
    if current_only:
        day = (on or clock.today()).isoformat()
        where.append("r.started_on <= ? AND (r.ended_on IS NULL OR r.ended_on > ?)")
        params += [day, day]
    return fetch_dicts(
        store,
        "SELECT r.id, r.person_id, r.started_on, r.ended_on, r.officer_id, r.notes, p.full_name AS person, "
        "p.birth_year, h.house_no, h.street, a.name AS area, u.full_name AS officer "
        "FROM reintegration r LEFT JOIN people p ON p.id = r.person_id "
        "LEFT JOIN households h ON h.id = p.household_id LEFT JOIN areas a ON a.id = h.area_id "
        "LEFT JOIN users u ON u.id = r.officer_id "
        f"WHERE {' AND '.join(where)} ORDER BY r.ended_on IS NOT NULL, r.started_on DESC, r.created_at DESC",
        tuple(params),
    )


def find_record(store: Store, prefix: str) -> str:
    """The id of the one record whose id starts with `prefix` (the CLI shows 8 characters)."""
    found = id_from_prefix(store, "reintegration", prefix)
    if found is None:
        raise WardbookError("register.unknown_reintegration", value=prefix[:40])
    return found

