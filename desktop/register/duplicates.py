"""Duplicate warnings: does a household or person being added look like one already in the register?

Officers type names without accents and addresses in several ways, so matching folds both sides: same folded
head name and address for a household; same folded name and birth year for a person (anywhere in the ward:
people move between households). It only warns — two real neighbours may share a name.
"""

from __future__ import annotations

from desktop.search.folding import fold
from desktop.store import Store
from desktop.store.queries import household_summaries


def similar_households(store: Store, head_name: str, house_no: str, street: str) -> list[dict[str, object]]:
    """Alive households whose head's name and address fold to the same text as the ones typed."""
    wanted = (fold(head_name), fold(house_no), fold(street))
    matches = [
        household_id
        for household_id, head, number, road in store.conn.execute(
            "SELECT h.id, p.full_name, h.house_no, h.street FROM households h "
            "JOIN people p ON p.id = h.head_person_id WHERE h.deleted_hlc IS NULL"
        )
        if (fold(head or ""), fold(number or ""), fold(road or "")) == wanted
    ]
    return household_summaries(store, matches)


def similar_people(store: Store, full_name: str, birth_year: int | None) -> list[dict[str, object]]:
    """Alive people with the same folded name and birth year, with the address of their household."""
    wanted = fold(full_name)
    rows = store.conn.execute(
        "SELECT p.id, p.full_name, p.birth_year, h.code, h.house_no, h.street FROM people p "
        "JOIN households h ON h.id = p.household_id WHERE p.deleted_hlc IS NULL AND p.moved_out_on IS NULL "
        "AND (? IS NULL OR p.birth_year = ?)",
        (birth_year, birth_year),
    )
    columns = ("id", "full_name", "birth_year", "code", "house_no", "street")
    return [dict(zip(columns, row, strict=True)) for row in rows if fold(row[1] or "") == wanted]
