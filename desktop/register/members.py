"""Editing a household member's own details (name, birth year, gender, phone, relation to the head)."""

from __future__ import annotations

from desktop.register.gone import not_found
from desktop.register.validation import MAX_NAME, check_birth_year, check_choice, normalise_phone, require_text
from desktop.security.session import authorize
from desktop.store import Store
from desktop.store.tables import GENDERS


def update_person(
    store: Store,
    person_id: str,
    *,
    full_name: str,
    birth_year: int | str | None = None,
    gender: str | None = None,
    phone: str | None = None,
    relation: str | None = None,
) -> dict[str, object]:
    """Correct a member's details with the same checks as when adding; returns the fields that changed.

    Every field is set (a form edits them all at once): pass the current value of any field not being changed.
    """
    authorize(store, "register.edit")
    alive = store.conn.execute("SELECT 1 FROM people WHERE id = ? AND deleted_hlc IS NULL", (person_id,))
    if alive.fetchone() is None:
        raise not_found(store, "people", person_id, "register.unknown_person")
    return store.writer.update(
        "people",
        person_id,
        {
            "full_name": require_text(full_name, "full_name", MAX_NAME),
            "birth_year": check_birth_year(birth_year),
            "gender": check_choice(gender, GENDERS, "gender", required=False),
            "phone": normalise_phone(phone),
            "relation_to_head": relation,
        },
    )
