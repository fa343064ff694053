"""Possible duplicates of a household or person about to be added.

Wards re-register the same family under a new code when nobody finds the old one (typed without accents, an
alley written differently). Before adding, the UI and import ask here: same folded name, same birth year (when
both are known) and the same folded address (street + house number) means "probably the same people".
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.search.folding import fold
from desktop.search.index import search_household_ids
from desktop.store import Store


@dataclass(frozen=True)
class PossibleDuplicate:
    household_id: str
    person_id: str
    full_name: str
    birth_year: int | None
    house_no: str | None
    street: str | None


def _address(house_no: str | None, street: str | None) -> tuple[str, str]:
    """An address as compared: folded, and the house number without its spaces ("12 / 3A", "12/3 A" and
    "12/3a" are one house; officers space the parts of a number as they please)."""
    return "".join(fold(house_no or "").split()), fold(street or "")


def _same_year(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a == b


def find_duplicate_people(
    store: Store,
    full_name: str,
    birth_year: int | str | None = None,
    *,
    house_no: str | None = None,
    street: str | None = None,
    household_id: str | None = None,
) -> list[PossibleDuplicate]:
    """Alive, not moved-out people with the same folded name and birth year at the same address.

    The address is the household's (`household_id`) or `house_no` + `street`; without any address, the name
    and birth year alone decide. Candidates come from the search index, so this stays fast on 50k households.
    """
    name = fold(full_name or "")
    if not name:
        return []
    year = int(birth_year) if birth_year not in (None, "") and str(birth_year).strip().isdigit() else None
    if household_id:
        row = store.conn.execute(
            "SELECT house_no, street FROM households WHERE id = ?", (household_id,)
        ).fetchone()
        if row:
            house_no, street = row
    address = _address(house_no, street)
    candidates = search_household_ids(store.conn, name, limit=200)
    if not candidates:
        return []
    marks = ",".join("?" * len(candidates))
    rows = store.conn.execute(
        "SELECT h.id, p.id, p.full_name, p.birth_year, h.house_no, h.street FROM people p "
        "JOIN households h ON h.id = p.household_id "
        f"WHERE h.id IN ({marks}) AND h.deleted_hlc IS NULL AND p.deleted_hlc IS NULL "
        "AND p.moved_out_on IS NULL",
        candidates,
    )
    found = []
    for hid, pid, person_name, person_year, h_no, h_street in rows:
        if fold(person_name or "") != name or not _same_year(year, person_year):
            continue
        if any(address) and _address(h_no, h_street) != address:
            continue
        found.append(PossibleDuplicate(hid, pid, person_name, person_year, h_no, h_street))
    return found
