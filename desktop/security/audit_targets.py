"""What an audit entry is about, in words a person recognises: a household by its code and address, a member by
name and household, a visit by its date and household, a case by its title, an account by its name.

The audit log keeps ids (never values: it must not become a copy of personal data); the viewer, which only team
leads and admins open, looks the records up when it shows them. Records deleted or purged since are named by
kind only.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop.security.session import authorize
from desktop.store import Store

# table -> SQL giving (id, words) for the ids bound as a JSON array (`json_each`), deleted rows included.
_QUERIES: dict[str, str] = {
    "households": "SELECT h.id, trim(coalesce(h.code, '') || ' · ' || trim(coalesce(h.house_no, '') || ' ' || "
                  "coalesce(h.street, ''))) FROM households h WHERE h.id IN (SELECT value FROM json_each(?))",
    "people": "SELECT p.id, p.full_name || coalesce(' · ' || h.code, '') FROM people p "
              "LEFT JOIN households h ON h.id = p.household_id WHERE p.id IN (SELECT value FROM json_each(?))",
    "visits": "SELECT v.id, substr(v.visited_at, 9, 2) || '/' || substr(v.visited_at, 6, 2) || '/' || "
              "substr(v.visited_at, 1, 4) || coalesce(' · ' || h.code, '') FROM visits v "
              "LEFT JOIN households h ON h.id = v.household_id WHERE v.id IN (SELECT value FROM json_each(?))",
    "cases": "SELECT id, title FROM cases WHERE id IN (SELECT value FROM json_each(?))",
    "activities": "SELECT id, topic FROM activities WHERE id IN (SELECT value FROM json_each(?))",
    "users": "SELECT id, coalesce(nullif(full_name, ''), username) || ' (' || username || ')' FROM users "
             "WHERE id IN (SELECT value FROM json_each(?))",
    "areas": "SELECT id, name FROM areas WHERE id IN (SELECT value FROM json_each(?))",
}


def describe_targets(store: Store, targets: Iterable[tuple[str | None, str | None]]) -> dict[tuple[str, str], str]:
    """{(table, id): words} for the (table, id) pairs of audit entries that name a record still here."""
    import json

    authorize(store, "audit.view")
    wanted: dict[str, set[str]] = {}
    for table, row_id in targets:
        if table in _QUERIES and row_id:
            wanted.setdefault(table, set()).add(row_id)
    words: dict[tuple[str, str], str] = {}
    for table, ids in wanted.items():
        for row_id, text in store.conn.execute(_QUERIES[table], (json.dumps(sorted(ids)),)):
            if text:
                words[(table, str(row_id))] = str(text).strip(" ·")
    return words
