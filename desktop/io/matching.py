"""Which households and people of a list the register already has, and what the list corrects in them.

Households match by code, else by folded head name and address; people within a matched household by folded
name (and relation, between namesakes). A value the list gives differently is a correction, written through
the write path as an update; members the list leaves out are listed (and marked moved out only on request).
Case and accents of the same text are no change, so an export read back changes nothing.
"""

from __future__ import annotations

from desktop.io.plan import AbsentMember, ImportPlan, PlannedHousehold, Problem, household_label
from desktop.io.rows import RowReader
from desktop.search.folding import fold_words as fold
from desktop.store import Store
from desktop.store.tables import HOUSEHOLD_FLAGS

_HOUSEHOLD_COLUMNS = ("code", "area_id", "house_no", "street", "phone", "notes",
                      *(f"flag_{flag}" for flag in HOUSEHOLD_FLAGS))
_PERSON_COLUMNS = ("birth_year", "gender", "phone", "relation_to_head", "occupation", "id_number")


class Register:
    """The register's live households by code and by (folded head name, house number, street), read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_code: dict[str, dict[str, object]] = {}
        self.by_address: dict[tuple[str, str, str], dict[str, object]] = {}
        cursor = store.conn.execute(
            f"SELECT h.id, p.full_name, {', '.join('h.' + c for c in _HOUSEHOLD_COLUMNS)} FROM households h "
            "LEFT JOIN people p ON p.id = h.head_person_id WHERE h.deleted_hlc IS NULL")
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            self.by_code[str(row["code"])] = row
            self.by_address[(fold(str(row["full_name"] or "")), fold(str(row["house_no"] or "")),
                             fold(str(row["street"] or "")))] = row

    def match_people(self, plan: ImportPlan, households: list[PlannedHousehold],
                     readers: dict[str, RowReader]) -> None:
        """Each row of a matched household is the member with the same folded name (and relation, between
        namesakes); what the row gives differently is a correction. Members the list leaves out are listed."""
        matched = {planned.existing_id: planned for planned in households if planned.existing_id}
        if not matched:
            return
        members: dict[str, list[dict[str, object]]] = {}
        cursor = self.store.conn.execute(
            f"SELECT p.id, p.household_id, p.full_name, p.moved_out_on, h.head_person_id = p.id AS is_head, "
            f"{', '.join('p.' + c for c in _PERSON_COLUMNS)} FROM people p JOIN households h "
            "ON h.id = p.household_id WHERE p.deleted_hlc IS NULL AND h.deleted_hlc IS NULL")
        names = [d[0] for d in cursor.description]
        for values in cursor:
            if values[1] in matched:
                members.setdefault(values[1], []).append(dict(zip(names, values, strict=True)))
        for household_id, planned in matched.items():
            left = members.get(str(household_id), [])
            for person in planned.people:
                same = [m for m in left if fold(str(m["full_name"])) == fold(str(person.fields["full_name"]))]
                relation = fold(str(person.fields["relation_to_head"] or ""))
                best = next((m for m in same if fold(str(m["relation_to_head"] or "")) == relation),
                            same[0] if same else None)
                if best is None:
                    continue
                left.remove(best)
                person.existing_id = str(best["id"])
                person.changes = _corrections(best, person.fields, _PERSON_COLUMNS)
                if best["moved_out_on"] is not None:
                    person.changes["moved_out_on"] = None  # back in the household's list: moved back in
            reader = readers[planned.key]
            for member in left if reader.has("full_name") else []:
                if member["moved_out_on"] is None:
                    absent = AbsentMember(str(member["id"]), str(member["full_name"]), household_label(planned),
                                          planned.first_row)
                    if member["is_head"]:
                        reader.problem(planned.first_row, "full_name", "io.absent_head", blocking=False,
                                       name=absent.full_name, household=absent.household)
                        continue
                    plan.absent.append(absent)
                    reader.problem(planned.first_row, "full_name",
                                   "io.absent_moved_out" if plan.mark_moved_out else "io.absent_kept",
                                   blocking=False, name=absent.full_name, household=absent.household)


def _corrections(current: dict[str, object], given: dict[str, object], names: tuple[str, ...]) -> dict[str, object]:
    """The fields the file gives a value for that differ from the register (case and accents of the same
    text are not a change: an export read back must change nothing)."""
    changes: dict[str, object] = {}
    for name in names:
        value = given.get(name)
        if value is None or value == "" or name not in given:
            continue
        old = current.get(name)
        same = fold(value) == fold(old) if isinstance(value, str) and isinstance(old, str) else value == old
        if not same:
            changes[name] = value
    return changes


def match_household(existing: Register, planned: PlannedHousehold, plan: ImportPlan, reader: RowReader) -> None:
    """A household already in the register (same code, or same folded head name and address) is updated."""
    row = existing.by_code.get(str(planned.fields["code"])) if planned.fields["code"] else None
    heads = [p for p in planned.people if p.is_head]
    if row is None and heads:
        row = existing.by_address.get((fold(str(heads[0].fields["full_name"])),
                                       fold(str(planned.fields["house_no"] or "")),
                                       fold(str(planned.fields["street"] or ""))))
    if row is None:
        return
    planned.existing_id = str(row["id"])
    given = {name: value for name, value in planned.fields.items()
             if name != "code" and (not name.startswith("flag_") or reader.has(name))}
    if planned.area_key is None:
        given.pop("area_id", None)
    planned.changes = _corrections(row, given, _HOUSEHOLD_COLUMNS)
    plan.problems.append(Problem(planned.first_row, "", "io.duplicate", {"code": row["code"]}, blocking=False))
