"""A review's narrative: the team lead's own words, per period, area and section of a sơ kết / tổng kết.

The figures make the tables; what a superior reads first is the text around them — the plan or directive
being reviewed, the leadership and direction work, strengths, limitations and their causes, lessons, the
tasks for the next period and the proposals. Each is a `review_notes` row (synced and audited through the
write path like any record) keyed by the period's code, the khu phố (NULL: the whole ward) and the section.
Team leads and admins write them; every officer may read them. A section with no text is printed from a
draft the figures give (`desktop.reports.narrative`), which the lead edits in the app.

Two laptops may write the same section before they sync: both rows are kept, and the one changed last is
the text (`notes`); writing the section again replaces that one.
"""

from __future__ import annotations

from desktop.register.households import find_area
from desktop.register.validation import MAX_NARRATIVE, check_choice, check_text
from desktop.reports import messages as _messages  # noqa: F401  (names the sections in refusals)
from desktop.reports.periods import parse_period
from desktop.security.session import authorize
from desktop.store import Store
from desktop.store.tables import NOTE_SECTIONS

SECTIONS = NOTE_SECTIONS


def _key(store: Store, period: str, area: str | None) -> tuple[str, str | None]:
    return parse_period(period).code, find_area(store, area) if area else None


def _current(store: Store, code: str, area_id: str | None, section: str) -> str | None:
    row = store.conn.execute(
        "SELECT id FROM review_notes WHERE deleted_hlc IS NULL AND period = ? AND area_id IS ? AND section = ? "
        "ORDER BY updated_at DESC, id DESC LIMIT 1",
        (code, area_id, section),
    ).fetchone()
    return str(row[0]) if row else None


def set_note(store: Store, period: str, section: str, text: str | None, *, area: str | None = None) -> str | None:
    """Write the text of one section for `period` (a code: 2026-Q2, 2026-H1, 2026) and `area` (name or id;
    None: the whole ward); an empty text removes it, so the review prints the draft again. Returns the row's
    id (None when removed)."""
    authorize(store, "reports.view")
    check_choice(section, SECTIONS, "section")
    code, area_id = _key(store, period, area)
    value = check_text(text, "text", limit=MAX_NARRATIVE, part=f"review_notes.{section}")  # named by its section
    current = _current(store, code, area_id, section)
    if value is None or not value.strip():
        if current is not None:
            store.writer.delete("review_notes", current)
        return None
    if current is None:
        return store.writer.insert(
            "review_notes", {"period": code, "area_id": area_id, "section": section, "text": value}
        )
    store.writer.update("review_notes", current, {"text": value})
    return current


def notes(store: Store, period: str, area: str | None = None) -> dict[str, str]:
    """The written sections of a period and area, by section (the latest text of each)."""
    authorize(store, "register.edit")
    code, area_id = _key(store, period, area)
    return notes_for(store, code, area_id)


def notes_for(store: Store, code: str, area_id: str | None) -> dict[str, str]:
    """`notes` for a period code and an area id already resolved (the review's own read, checked by it)."""
    found: dict[str, str] = {}
    for section, text in store.conn.execute(
        "SELECT section, text FROM review_notes WHERE deleted_hlc IS NULL AND period = ? AND area_id IS ? "
        "ORDER BY updated_at, id",
        (code, area_id),
    ):
        if section in SECTIONS and text:
            found[section] = str(text)  # later rows win
    return {section: found[section] for section in SECTIONS if section in found}

