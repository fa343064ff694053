"""Which households and people of a list the register already has, and what the list corrects in them.

Households match by code, else by folded head name and address; people within a matched household by name as
written, then folded, and between namesakes by ID number, birth year, gender and relation (`_pair`): a row
that cannot be told apart from another's namesake is told and left out, never paired by its order. A value
the list gives differently is a correction, written through the write path as an update; members the list
leaves out are listed (and marked moved out only on request).
Case and accents of the same text are no change, so an export read back changes nothing.

A code is only a number some laptop or ward gave out: another list numbered from HK-00001 too names other
families by the register's codes. So a code matches only a household the list shows to be the same family:
the same house number and street, or else (a family that moved) two people in common by folded name, or the
one person a list gives for it (one row per household, a family of one). One name in common is not enough
beside several: a ward repeats "Nguyễn Văn Hùng" in many unrelated families. A list that gives neither a head
nor an address (members added by code) has nothing to contradict the code. Any other household is a problem,
never an update: merging it would overwrite a family's address, phone and flags with another's and put two
heads in one household.
"""

from __future__ import annotations

import json
import unicodedata

from desktop import i18n
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.io import import_messages  # noqa: F401  (registers the messages of matching)
from desktop.io.plan import (
    AbsentMember,
    ImportPlan,
    PlannedHousehold,
    PlannedPerson,
    Problem,
    household_label,
)
from desktop.io.provenance import Provenance
from desktop.io.rows import RowReader
from desktop.search.folding import fold_words as fold
from desktop.store import Store

_HOUSEHOLD_COLUMNS = ("code", "area_id", "house_no", "street", "phone", "notes",
                      *(f"flag_{flag}" for flag in HOUSEHOLD_FLAGS))
_PERSON_COLUMNS = ("birth_year", "gender", "phone", "relation_to_head", "occupation", "id_number")
_SPOUSE = {"vo", "chong", "vo/chong", "vochong", "spouse", "wife", "husband"}  # folded, spaces dropped


class Register:
    """The register's live households by code and by (folded head name, house number, street), read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_code: dict[str, dict[str, object]] = {}
        self.by_address: dict[tuple[str, str, str], dict[str, object]] = {}
        cursor = store.conn.execute(
            f"SELECT h.id, p.full_name, p.birth_year AS head_birth_year, "
            f"{', '.join('h.' + c for c in _HOUSEHOLD_COLUMNS)} FROM households h "
            "LEFT JOIN people p ON p.id = h.head_person_id WHERE h.deleted_hlc IS NULL")
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            self.by_code[str(row["code"])] = row
            self.by_address[(fold(str(row["full_name"] or "")), fold(str(row["house_no"] or "")),
                             fold(str(row["street"] or "")))] = row

    def strangers(self, households: list[PlannedHousehold]) -> dict[str, dict[str, object]]:
        """The file's households whose code is the register's code of another family (see the module's
        docstring), by key, with what the register and the file say of each for the clerk. Members are read
        in one query, only for the households whose address does not show them to be the same family."""
        doubtful: dict[str, tuple[PlannedHousehold, dict[str, object]]] = {}
        for planned in households:
            row = self.by_code.get(str(planned.fields["code"])) if planned.fields["code"] else None
            if row is None:
                continue
            address = {name: fold(str(planned.fields[name])) for name in ("house_no", "street")
                       if planned.fields[name]}
            if address and all(fold(str(row[name] or "")) == given for name, given in address.items()):
                continue
            if address or any(p.is_head for p in planned.people):
                doubtful[planned.key] = (planned, row)
        if not doubtful:
            return {}
        members: dict[str, set[str]] = {}
        ids = sorted({str(row["id"]) for _, row in doubtful.values()})
        for household_id, name in self.store.conn.execute(
                "SELECT p.household_id, p.full_name FROM json_each(?) k CROSS JOIN people p "
                "ON p.household_id = k.value WHERE p.deleted_hlc IS NULL", (json.dumps(ids),)):
            members.setdefault(household_id, set()).add(fold(str(name)))
        strangers: dict[str, dict[str, object]] = {}
        for planned, row in doubtful.values():
            names = {fold(str(p.fields["full_name"])) for p in planned.people}
            if len(names & members.get(str(row["id"]), set())) >= min(2, len(names)):
                continue
            head = next((p.fields["full_name"] for p in planned.people if p.is_head), None)
            strangers[planned.key] = {"code": row["code"], "registered": _described(row["full_name"], row),
                                      "given": _described(head, planned.fields)}
        return strangers

    def match_people(self, plan: ImportPlan, households: list[PlannedHousehold],
                     readers: dict[str, RowReader]) -> None:
        """Each row of a matched household is the member `_pair` finds for it; what the row gives differently is
        a correction. A row it cannot pair for certain is told and left out, and so are its candidates (they are
        not absent from the list). Members the list leaves out are listed."""
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
            everyone = list(left)
            pairs, unsure = _pair(planned.people, left)
            for person, best in pairs:
                left.remove(best)
                person.existing_id = str(best["id"])
                person.changes = _corrections(best, person.fields, _PERSON_COLUMNS)
                if best["moved_out_on"] is not None:
                    person.changes["moved_out_on"] = None  # back in the household's list: moved back in
            for person, candidates in unsure:  # told and left out: neither an update of one of them nor a new one
                planned.people.remove(person)
                left = [member for member in left if member not in candidates]
                readers[planned.key].problem(person.row, "full_name", "io.ambiguous_person", blocking=False,
                                             name=person.fields["full_name"], count=len(candidates),
                                             household=household_label(planned))
            reader = readers[planned.key]
            _tell_second_head_or_spouse(plan, planned, reader, everyone)
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


def _exact(name: object) -> str:
    """A name as written, compared without its case, spacing and Unicode form: "Tâm" and "Tám" stay two."""
    return " ".join(unicodedata.normalize("NFC", str(name or "")).casefold().split())


def _folded(name: object) -> str:
    return fold(str(name or ""))


_Member = dict[str, object]  # a member of the register as read by `Register.match_people`


def _pair(rows: list[PlannedPerson], members: list[_Member]
          ) -> tuple[list[tuple[PlannedPerson, _Member]], list[tuple[PlannedPerson, list[_Member]]]]:
    """Which member of the register each row of a household is: `(pairs, unsure)`.

    Names are compared as written first (accents count: "Nguyễn Minh Tâm" and "Nguyễn Minh Tám" are a
    family's two children), then, for the rows still unpaired, folded (a list typed without accents). A name
    given once in the list and once in the register pairs those two, whatever else differs (the list corrects
    the rest). Between namesakes the other identifying fields decide (`_by_identity`); a row they cannot
    tell apart is `unsure`, with its candidates, never paired by its order in the list: a guess would give one
    person the other's birth year, gender and phone."""
    pairs: list[tuple[PlannedPerson, dict[str, object]]] = []
    unsure: list[tuple[PlannedPerson, list[dict[str, object]]]] = []
    rows, members = list(rows), list(members)
    for key in (_exact, _folded):
        row_groups: dict[str, list[PlannedPerson]] = {}
        member_groups: dict[str, list[dict[str, object]]] = {}
        for row in rows:
            row_groups.setdefault(key(row.fields["full_name"]), []).append(row)
        for member in members:
            member_groups.setdefault(key(member["full_name"]), []).append(member)
        for name, group in row_groups.items():
            candidates = member_groups.get(name, [])
            if not candidates:
                continue  # perhaps the other pass's, else a new person
            found = [(group[0], candidates[0])] if len(group) == len(candidates) == 1 else \
                _by_identity(group, candidates)
            pairs.extend(found)
            paired_rows = {id(row) for row, _ in found}
            paired = {id(member) for _, member in found}
            rest = [member for member in candidates if id(member) not in paired]
            doubtful = [row for row in group if id(row) not in paired_rows] if rest else []
            unsure.extend((row, rest) for row in doubtful)
            done = paired_rows | {id(row) for row in doubtful}
            gone = paired | ({id(member) for member in rest} if doubtful else set())
            rows = [row for row in rows if id(row) not in done]
            members = [member for member in members if id(member) not in gone]
    return pairs, unsure


def _by_identity(rows: list[PlannedPerson], members: list[dict[str, object]]
                 ) -> list[tuple[PlannedPerson, dict[str, object]]]:
    """Namesakes paired by their ID number, birth year and gender (a difference in one given on both sides rules
    the pair out) and, between those left, by the relation to the head: a row and a member pair only when each
    is the other's one best match, repeated until nothing more pairs."""
    pairs: list[tuple[PlannedPerson, dict[str, object]]] = []
    rows, members = list(rows), list(members)
    while True:
        scores = {(i, j): score for i, row in enumerate(rows) for j, member in enumerate(members)
                  if (score := _likeness(row.fields, member)) is not None}
        best_member = {i: _only_best({j: s for (r, j), s in scores.items() if r == i}) for i in range(len(rows))}
        best_row = {j: _only_best({i: s for (i, m), s in scores.items() if m == j}) for j in range(len(members))}
        found = [(i, j) for i, j in best_member.items() if j is not None and best_row[j] == i]
        if not found:
            return pairs
        pairs.extend((rows[i], members[j]) for i, j in found)
        rows = [row for i, row in enumerate(rows) if i not in {i for i, _ in found}]
        members = [member for j, member in enumerate(members) if j not in {j for _, j in found}]


def _likeness(given: dict[str, object], member: dict[str, object]) -> int | None:
    """How many identifying fields a row and a member share, or None when one given on both sides differs."""
    score = 0
    for name in ("id_number", "birth_year", "gender"):
        if given.get(name) in (None, "") or member.get(name) in (None, ""):
            continue
        if given[name] != member[name]:
            return None
        score += 1
    relation = _folded(given.get("relation_to_head"))
    return score + (relation != "" and relation == _folded(member.get("relation_to_head")))


def _only_best(scores: dict[int, int]) -> int | None:
    """The one key with the highest score, or None when there is none or a tie."""
    if not scores:
        return None
    top = max(scores.values())
    best = [key for key, score in scores.items() if score == top]
    return best[0] if len(best) == 1 else None


# The file's column of each field a list corrects, to name it as the file does in what the check tells.
_HOUSEHOLD_COLUMN_OF = {"phone": "household_phone", "area_id": "area"}
_PERSON_COLUMN_OF = {"relation_to_head": "relation"}
KEPT_MESSAGES = ("io.kept_entered", "io.kept_moved_out")


def keep_entered(store: Store, plan: ImportPlan, households: list[PlannedHousehold],
                 readers: dict[str, RowReader]) -> None:
    """Of the corrections a list makes, take out those over a value an officer entered since (`provenance`):
    re-importing last month's list must not untick "Hộ nghèo", put back an old phone or an old spelling of the
    street, or bring back in someone marked moved out. Each value kept is told on its row with both values, so
    the clerk sees what the list says differently and corrects the register if the list is right; the
    import's summary counts them (`kept_counts`)."""
    provenance = Provenance(store)
    matched = [planned for planned in households if planned.existing_id and planned.changes]
    rows = [(planned, person) for planned in households for person in planned.people
            if person.existing_id and person.changes]
    held = provenance.entered_since("households", {str(h.existing_id): set(h.changes) for h in matched})
    people = provenance.entered_since("people", {str(p.existing_id): set(p.changes) for _, p in rows})
    current = {**_current(store, "households", held), **_current(store, "people", people)}
    areas = {str(key): str(name) for key, name in store.conn.execute("SELECT id, name FROM areas")}
    for planned in matched:
        whom = i18n.tr("io.household_named", household=household_label(planned))
        for name in sorted(held.get(str(planned.existing_id), ())):
            _keep(readers[planned.key], planned, planned.first_row, _HOUSEHOLD_COLUMN_OF.get(name, name), name,
                  planned.changes, current[str(planned.existing_id)].get(name), whom, areas)
    for planned, person in rows:
        for name in sorted(people.get(str(person.existing_id), ())):
            _keep(readers[planned.key], planned, person.row, _PERSON_COLUMN_OF.get(name, name), name,
                  person.changes, current[str(person.existing_id)].get(name), str(person.fields["full_name"]), areas)


def kept_counts(plan: ImportPlan) -> tuple[int, int]:
    """How many of the register's values an import keeps over the list's (`keep_entered`), and in how many
    households."""
    kept = [problem for problem in plan.problems if problem.msg_id in KEPT_MESSAGES]
    return len(kept), len({problem.params["household"] for problem in kept})


def _current(store: Store, table: str, rows: dict[str, set[str]]) -> dict[str, dict[str, object]]:
    """The register's present values of the given fields of rows (row id → field names)."""
    names = sorted({name for fields in rows.values() for name in fields})
    if not names:
        return {}
    cursor = store.conn.execute(f"SELECT t.id, {', '.join('t.' + name for name in names)} FROM json_each(?) k "
                                f"JOIN {table} t ON t.id = k.value", (json.dumps(sorted(rows)),))
    return {str(values[0]): dict(zip(names, values[1:], strict=True)) for values in cursor}


def _keep(reader: RowReader, planned: PlannedHousehold, row: int, column: str, name: str,
          changes: dict[str, object], kept: object, whom: str, areas: dict[str, str]) -> None:
    """Drop one correction and tell the clerk which value stays and what the list gives instead, in the column
    the file gives it."""
    given = changes.pop(name)
    household = household_label(planned)
    if name == "moved_out_on":
        reader.problem(row, "full_name", "io.kept_moved_out", blocking=False, name=whom, household=household)
        return
    reader.problem(row, column, "io.kept_entered", blocking=False, whom=whom,
                   household=household, kept=_shown(name, kept, areas), given=_shown(name, given, areas))


def _shown(name: str, value: object, areas: dict[str, str]) -> object:
    """A value as the clerk reads it: a flag as yes or no, a gender and a khu phố by name, nothing as "(trống)"."""
    if name.startswith("flag_"):
        return i18n.Ref("io.yes" if value else "io.no")
    if value is None or value == "":
        return i18n.Ref("io.blank")
    if name == "gender":
        return i18n.Ref(f"gender.{value}")
    if name == "area_id":
        return areas.get(str(value), "")
    return value


def _tell_second_head_or_spouse(plan: ImportPlan, planned: PlannedHousehold, reader: RowReader,
                                members: list[dict[str, object]]) -> None:
    """A row written as head, or as spouse, beside the register's head or spouse who stays one is told, as a
    notice: the import adds or updates the person as written (the list may be right, the headship changed) but
    never changes the household's head, so the household would show two heads or two spouses until the clerk
    corrects it in the register."""
    rows = {person.existing_id: person for person in planned.people if person.existing_id}
    live = [m for m in members if m["moved_out_on"] is None or str(m["id"]) in rows]
    head = next((m for m in live if m["is_head"]), None)

    def stays_spouse(member: dict[str, object]) -> bool:
        row = rows.get(str(member["id"]))
        if row is None:  # left out of the list: kept, unless this import marks them moved out
            return not (plan.mark_moved_out and reader.has("full_name"))
        return not row.fields["relation_to_head"] or _is_spouse(row.fields["relation_to_head"])

    spouses = [m for m in live if _is_spouse(m["relation_to_head"]) and stays_spouse(m)]
    spouse_ids = {str(m["id"]) for m in spouses}
    for person in planned.people:
        name, household = person.fields["full_name"], household_label(planned)
        if person.is_head and head is not None and person.existing_id != str(head["id"]):
            reader.problem(person.row, "relation", "io.second_head", blocking=False, name=name,
                           household=household, head=head["full_name"])
        elif spouses and person.existing_id not in spouse_ids and _is_spouse(person.fields["relation_to_head"]):
            reader.problem(person.row, "relation", "io.second_spouse", blocking=False, name=name,
                           household=household, spouse=spouses[0]["full_name"])


def _is_spouse(relation: object) -> bool:
    """"Vợ", "chồng", "Vợ / Chồng": the head's spouse, however the list writes it."""
    return fold(str(relation or "")).replace(" ", "") in _SPOUSE


def _described(head: object, household: dict[str, object]) -> str:
    """`Nguyễn Văn Đạt, 12/3A Lê Văn Sỹ`: a household as the clerk knows it, from what is given of the two."""
    address = " ".join(str(household[name]) for name in ("house_no", "street") if household.get(name))
    return ", ".join(str(part) for part in (head, address) if part)


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
    if row is not None:
        take_household(row, planned, plan, reader, "io.duplicate")


def take_household(row: dict[str, object], planned: PlannedHousehold, plan: ImportPlan, reader: RowReader,
                   msg_id: str, **params: object) -> None:
    """The file's household is the register's `row`: what the file gives differently is a correction, and the
    clerk is told (`msg_id`) that no household is added for it."""
    planned.existing_id = str(row["id"])
    given = {name: value for name, value in planned.fields.items()
             if name != "code" and (not name.startswith("flag_") or reader.has(name))}
    if planned.area_key is None:
        given.pop("area_id", None)
    planned.changes = _corrections(row, given, _HOUSEHOLD_COLUMNS)
    plan.problems.append(Problem(planned.first_row, "", msg_id, {"code": row["code"], **params}, blocking=False))
