"""A household a list brings as new that the register already has under another address: the family whose
street an officer corrected in the app ("Lê Văn Sĩ" → "Lê Văn Sỹ"), re-imported from the old list, must not
become a second household with the same people.

It looks like the register's household when the head has the same folded name and birth year (when both are
known) and the list's family shares people with it: two people by folded name, or, for a family of one, the
same house number in the same khu phố — the register's duplicate check (`desktop.register.duplicates`) with
the members in place of the full address.

What a careful clerk wants: when that is certain — one such household, in the same khu phố, at the same house
number or street, and no other household of the list takes it — the list's household IS it and updates it
(what an officer entered since is kept, `matching.keep_entered`), told on its first row. Anything less certain
(another address, several candidates) is refused by name with the register's household, never added beside
it: the clerk corrects the address in the file or the register, or, for a different family, adds it in the
app, whose own duplicate question lets them say so.
"""

from __future__ import annotations

import json

from desktop.io.matching import Register, take_household
from desktop.io.plan import ImportPlan, PlannedHousehold, Problem, household_label
from desktop.io.rows import RowReader
from desktop.search.folding import fold_words as fold

_Row = dict[str, object]


def match_lookalikes(existing: Register, plan: ImportPlan, households: list[PlannedHousehold],
                     readers: dict[str, RowReader]) -> None:
    """Match the new households of the list that are certainly a register's household; refuse the doubtful."""
    taken = {planned.existing_id for planned in households if planned.existing_id}
    by_head: dict[str, list[_Row]] = {}
    for row in existing.by_code.values():
        if str(row["id"]) not in taken and row["full_name"]:
            by_head.setdefault(fold(str(row["full_name"])), []).append(row)
    if not by_head:
        return  # a first import: nothing in the register to look like
    new = {planned.key: (planned, head) for planned in households if planned.existing_id is None
           and (head := next((p for p in planned.people if p.is_head), None)) is not None}
    candidates = {key: [row for row in by_head.get(fold(str(head.fields["full_name"])), [])
                        if _same_year(head.fields["birth_year"], row["head_birth_year"])]
                  for key, (_, head) in new.items()}
    members = _members(existing, {str(row["id"]) for rows in candidates.values() for row in rows})
    alike: dict[str, list[_Row]] = {}
    for key, rows in candidates.items():
        planned = new[key][0]
        alike[key] = [row for row in rows if _looks_like(planned, row, members.get(str(row["id"]), set()))]
    claimed: dict[str, int] = {}
    for rows in alike.values():
        for row in rows:
            claimed[str(row["id"])] = claimed.get(str(row["id"]), 0) + 1
    for key, rows in alike.items():
        planned = new[key][0]
        if not rows:
            continue
        given = household_label(planned)
        if len(rows) == 1 and claimed[str(rows[0]["id"])] == 1 and _certain(planned, rows[0]):
            take_household(rows[0], planned, plan, readers[key], "io.lookalike_matched", given=given,
                           registered=_described(rows[0]))
        else:
            plan.problems.append(Problem(planned.first_row, "", "io.lookalike", {
                "given": given, "registered": "; ".join(f"{row['code']} ({_described(row)})" for row in rows[:3])}))


def _members(existing: Register, ids: set[str]) -> dict[str, set[str]]:
    """The folded names of the live, not moved-out members of the households `ids`, in one query."""
    members: dict[str, set[str]] = {}
    if ids:
        for household_id, name in existing.store.conn.execute(
                "SELECT p.household_id, p.full_name FROM json_each(?) k CROSS JOIN people p "
                "ON p.household_id = k.value WHERE p.deleted_hlc IS NULL AND p.moved_out_on IS NULL",
                (json.dumps(sorted(ids)),)):
            members.setdefault(str(household_id), set()).add(fold(str(name)))
    return members


def _same_year(given: object, registered: object) -> bool:
    return given in (None, "") or registered in (None, "") or given == registered


def _house(value: object) -> str:
    """A house number as compared: folded, without its spaces ("12 / 3A" is "12/3a")."""
    return "".join(fold(str(value or "")).split())


def _same_area(planned: PlannedHousehold, row: _Row) -> bool:
    return planned.area_key is None or planned.fields["area_id"] == row["area_id"]


def _looks_like(planned: PlannedHousehold, row: _Row, members: set[str]) -> bool:
    names = {fold(str(person.fields["full_name"])) for person in planned.people}
    if len(names) > 1:
        return len(names & members) >= 2
    return bool(_house(planned.fields["house_no"])) and _house(planned.fields["house_no"]) == _house(
        row["house_no"]) and _same_area(planned, row)


def _certain(planned: PlannedHousehold, row: _Row) -> bool:
    """Same khu phố, and the same house number or the same street: only the other was written differently."""
    same_street = bool(planned.fields["street"]) and fold(str(planned.fields["street"])) == fold(
        str(row["street"] or ""))
    same_house = bool(_house(planned.fields["house_no"])) and _house(planned.fields["house_no"]) == _house(
        row["house_no"])
    return _same_area(planned, row) and (same_street or same_house)


def _described(row: _Row) -> str:
    """`Nguyễn Văn An, 12 Lê Văn Sỹ`: the register's household as the clerk knows it."""
    address = " ".join(str(row[name]) for name in ("house_no", "street") if row.get(name))
    return ", ".join(str(part) for part in (row["full_name"], address) if part)
