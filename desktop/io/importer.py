"""Import households and members: find the header, map columns, check every row, then write all or nothing.

Two layouts are understood: one row per person (the usual "sổ hộ khẩu" list, grouped into households by
household code, else by address, with the head marked in "Quan hệ với chủ hộ"), and one row per household
(a "Chủ hộ" column and no "Họ và tên"). `plan_import` reads and checks;
`run_import` writes the plan through the single write path in one transaction. The dry run is that same
import inside a transaction that is rolled back, so the counts it announces are the ones the import makes.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from desktop import i18n
from desktop.errors import WardbookError
from desktop.io.areas import area_key, area_name, known_areas
from desktop.io.columns import BY_FIELD, normalise_header
from desktop.io.layout import HEADER_SEARCH_ROWS, SKIP_KINDS, find_header, skip_kind
from desktop.io.reading import Notice, Source, open_source
from desktop.io.values import birth_year, spreadsheet_id_number, spreadsheet_phone, truthy
from desktop.progress import Progress
from desktop.search.folding import fold_words as fold
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store import RowWrite, Store, new_id
from desktop.store.tables import HOUSEHOLD_FLAGS

WRITE_BATCH = 500  # households per call of the write path (one transaction for the whole import regardless)
HEAD_RELATIONS = {"chu ho", "head", "head of household", "ch"}
GENDERS = {"nam": "male", "male": "male", "m": "male", "nu": "female", "female": "female", "f": "female",
           "khac": "other", "other": "other"}


@dataclass(frozen=True)
class Problem:
    row: int  # 1-based row number as the spreadsheet shows it
    column: str
    msg_id: str
    params: dict[str, object] = field(default_factory=dict)
    blocking: bool = True

    def message(self, lang: str | None = None) -> str:
        return i18n.tr("io.problem" if self.column else "io.problem_row", lang, row=self.row, column=self.column,
                       message=i18n.tr(self.msg_id, lang, **self.params))


@dataclass
class PlannedPerson:
    row: int
    fields: dict[str, object]
    is_head: bool
    existing_id: str | None = None  # the register's person this row is (same folded name in the same household)
    changes: dict[str, object] = field(default_factory=dict)  # what the row corrects in that person


@dataclass
class PlannedHousehold:
    key: str
    first_row: int
    fields: dict[str, object]
    area_key: str | None
    people: list[PlannedPerson] = field(default_factory=list)
    existing_id: str | None = None
    changes: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # the household's and its members' "Ghi chú", each once
    rows_seen: set[int] = field(default_factory=set)  # hashes of its rows' cells, to merge a row pasted twice


@dataclass(frozen=True)
class AbsentMember:
    """A person of a household in the file whom the new list no longer names."""

    person_id: str
    full_name: str
    household: str
    row: int


@dataclass
class ImportPlan:
    mapping: dict[int, str]
    headers: list[str]
    households: list[PlannedHousehold]
    problems: list[Problem]
    new_areas: dict[str, str] = field(default_factory=dict)  # area key → name, created by the import
    absent: list[AbsentMember] = field(default_factory=list)
    mark_moved_out: bool = False
    notices: list[Notice] = field(default_factory=list)  # what the reader decided: encoding, sheets, hidden rows

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]


@dataclass(frozen=True)
class ImportResult:
    added_households: int
    merged_households: int
    added_people: int
    skipped_people: int  # already in the register and unchanged
    updated_people: int = 0
    moved_out_people: int = 0
    dry_run: bool = False

    def summary(self, lang: str | None = None) -> str:
        return i18n.tr("io.dry_run_summary" if self.dry_run else "io.summary", lang,
                       added=self.added_households, merged=self.merged_households, people=self.added_people,
                       updated=self.updated_people, skipped=self.skipped_people, moved=self.moved_out_people)


class _Rehearsed(Exception):
    """Carries the dry run's result out of the transaction it rolls back."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def load_mapping(path: Path) -> dict[str, str]:
    """A saved mapping: JSON `{"header as in the file": "field"}`."""
    return {normalise_header(k): v for k, v in json.loads(path.read_text("utf-8")).items()}


def save_mapping(plan: ImportPlan, path: Path) -> None:
    path.write_text(json.dumps({plan.headers[i]: f for i, f in plan.mapping.items()}, ensure_ascii=False,
                               indent=1), "utf-8")


class _RowReader:
    """Turns one spreadsheet row into typed fields, recording each problem with its row and the file's header."""

    def __init__(self, plan: ImportPlan, mapping: dict[int, str], headers: list[str]) -> None:
        self.plan = plan
        self.headers = headers
        self._columns = {mapped: column for column, mapped in mapping.items()}

    def has(self, name: str) -> bool:
        return name in self._columns

    def column(self, name: str) -> int | None:
        return self._columns.get(name)

    def header(self, name: str) -> str:
        """The column as the file names it (the clerk looks for that header), else the register's own header."""
        column = self._columns.get(name)
        return self.headers[column] if column is not None else BY_FIELD[name].vi

    def value(self, row: list[str], name: str) -> str:
        """The cell of `name`'s column (cells come tidy from the reader), or "" when the file has none."""
        column = self._columns.get(name)
        return row[column] if column is not None and column < len(row) else ""

    def problem(self, number: int, column: str, msg_id: str, blocking: bool = True, **params: object) -> None:
        self.plan.problems.append(Problem(number, self.header(column), msg_id, params, blocking))

    def checked(self, number: int, name: str, parse: Callable[[str], object], text: str) -> object:
        try:
            return parse(text)
        except WardbookError as error:
            self.plan.problems.append(Problem(number, self.header(name), error.msg_id, error.params))
            return None

    def person(self, number: int, row: list[str], name_field: str) -> dict[str, object]:
        gender_text = fold(self.value(row, "gender"))
        if gender_text and gender_text not in GENDERS:
            self.problem(number, "gender", "io.bad_choice", value=self.value(row, "gender"), choices="Nam, Nữ")
        year_field, gender = "birth_year", GENDERS.get(gender_text)
        for split, split_gender in (("birth_year_male", "male"), ("birth_year_female", "female")):
            if self.value(row, split):  # the form's "Năm sinh" over "Nam" | "Nữ": the column tells the gender
                year_field, gender = split, gender or split_gender
        return {
            "full_name": self.value(row, name_field),
            "birth_year": self.checked(number, year_field, birth_year, self.value(row, year_field)),
            "gender": gender,
            "phone": self.checked(number, "phone", spreadsheet_phone, self.value(row, "phone")),
            "relation_to_head": self.value(row, "relation") or None,
            "occupation": self.value(row, "occupation") or None,
            "id_number": self.checked(number, "id_number", spreadsheet_id_number, self.value(row, "id_number")),
        }

    def household(self, number: int, row: list[str]) -> dict[str, object]:
        fields: dict[str, object] = {
            "code": self.value(row, "household_code") or None,
            "house_no": self.value(row, "house_no") or None,
            "street": self.value(row, "street") or None,
            "phone": self.checked(number, "household_phone", spreadsheet_phone,
                                  self.value(row, "household_phone")),
            "status": "active",
        }
        for flag in HOUSEHOLD_FLAGS:
            fields[f"flag_{flag}"] = truthy(self.value(row, f"flag_{flag}"))
        return fields


def _label(planned: PlannedHousehold) -> str:
    """How a message names a household: its code, else its address, else the row where it starts."""
    fields = planned.fields
    address = " ".join(str(fields[name]) for name in ("house_no", "street") if fields.get(name))
    return str(fields.get("code") or address or i18n.tr("io.row_label", row=planned.first_row))


def plan_import(store: Store, source: Source, saved_mapping: dict[str, str] | None = None, *,
                create_areas: bool = False, area: str | None = None, mark_moved_out: bool = False) -> ImportPlan:
    """Read and check everything, and match it to the register; write nothing. Problems name the file's row
    and header.

    An area (khu phố) the register does not know is a problem, unless `create_areas` says the file is the
    first list of a new ward: then the import creates it. `area` names the khu phố of rows that name none;
    when several sheets are read, a sheet without a khu phố column is the khu phố its name says.
    Members of a matched household whom a one-row-per-person list leaves out are listed, and marked moved
    out only when `mark_moved_out` says so."""
    authorize(store, "import")
    plan = ImportPlan({}, [], [], [], mark_moved_out=mark_moved_out, notices=list(source.notices))
    areas = known_areas(store)
    if area and area_key(area) not in areas and not create_areas:
        raise WardbookError("io.unknown_file_area", value=area)
    unknown_areas: dict[str, tuple[int, str, int]] = {}  # key → (first row, text, rows)
    by_key: dict[str, PlannedHousehold] = {}
    readers: dict[str, _RowReader] = {}
    for table_index, table in enumerate(source.tables):
        top = list(itertools.islice(table.rows, HEADER_SEARCH_ROWS))
        header = find_header([cells for _, cells in top], saved_mapping)
        mapping, header_number = header.mapping, top[header.index][0]
        if not plan.mapping:
            plan.mapping, plan.headers = mapping, header.headers
        reader = _RowReader(plan, mapping, header.headers)
        person_rows = "full_name" in mapping.values()
        name_field = "full_name" if person_rows else "head_name"
        table_area = area or (table.name if len(source.tables) > 1 and not reader.has("area") else None)
        if not table_area and not reader.has("area"):
            plan.notices.append(Notice("io.no_area"))
        data_rows = 0
        skipped: dict[str, list[int]] = {kind: [] for kind in SKIP_KINDS}
        name_column = reader.column(name_field)
        for offset, row in itertools.chain(top[header.index + header.rows:], table.rows):
            if not any(cell.strip() for cell in row):
                continue  # blank rows between blocks are common in hand-kept lists
            kind = "signature" if skipped["signature"] else skip_kind(row, name_column)
            if kind:
                skipped[kind].append(offset)
                continue
            data_rows += 1
            name = reader.value(row, name_field)
            if not name:
                reader.problem(offset, name_field, "io.no_name")
                continue
            area_text = reader.value(row, "area") or table_area
            key_of_area = area_key(area_text) if area_text else None
            if key_of_area and key_of_area not in areas:
                if create_areas:
                    if key_of_area not in plan.new_areas:
                        plan.new_areas[key_of_area] = area_name(area_text or "")
                else:
                    first, text, count = unknown_areas.get(key_of_area, (offset, area_text or "", 0))
                    unknown_areas[key_of_area] = (first, text, count + 1)
            code = reader.value(row, "household_code")
            if not person_rows:
                key = f"{table_index}:row{offset}"
            elif code:
                key = f"code:{code}"
            else:
                address = f"{reader.value(row, 'house_no')}|{reader.value(row, 'street')}"
                key = f"addr:{key_of_area or ''}|{fold(address)}"
            planned = by_key.get(key)
            if planned is None:  # the household's columns are read from its first row
                planned = by_key[key] = PlannedHousehold(key, offset, reader.household(offset, row), key_of_area)
                readers[key] = reader
            cells = hash(tuple(row[column] for column in mapping if column < len(row)))
            if cells in planned.rows_seen:
                reader.problem(offset, name_field, "io.duplicate_row", blocking=False, name=name)
                continue
            planned.rows_seen.add(cells)
            note = reader.value(row, "notes")
            if note and note not in planned.notes and all(not n.endswith(f": {note}") for n in planned.notes):
                planned.notes.append(note if not planned.notes and planned.first_row == offset else f"{name}: {note}")
            person = reader.person(offset, row, name_field)
            relation = fold(str(person["relation_to_head"] or ""))
            head_name = reader.value(row, "head_name")
            is_head = (not person_rows or relation in HEAD_RELATIONS
                       or (bool(head_name) and fold(head_name) == fold(name)))
            if is_head and not person["relation_to_head"]:
                person["relation_to_head"] = "chủ hộ"
            planned.people.append(PlannedPerson(offset, person, is_head))
        plan.notices.extend(Notice(f"io.skipped_{kind}", {"count": len(rows), "rows": _row_list(rows)})
                            for kind, rows in skipped.items() if rows)
        if table.hidden:
            plan.notices.append(Notice("io.hidden_rows", {"count": len(table.hidden), "sheet": table.name or "",
                                                          "rows": _row_list(table.hidden)}))
        if not data_rows:
            plan.problems.append(Problem(header_number, "", "io.header_only", {"sheet": table.name or ""},
                                         blocking=False))
    for first, text, count in unknown_areas.values():  # one line per area, not one per row naming it
        plan.problems.append(Problem(first, plan.headers[_column_of(plan.mapping, "area")]
                                     if "area" in plan.mapping.values() else "", "io.unknown_area",
                                     {"value": text, "count": count}))
    existing = _Existing(store)
    for planned in by_key.values():
        reader = readers[planned.key]
        planned.fields["notes"] = "; ".join(planned.notes) or None
        planned.fields["area_id"] = areas.get(planned.area_key or "")
        _match_existing(existing, planned, plan, reader)
        heads = [p for p in planned.people if p.is_head]
        if planned.existing_id is None:
            for required in ("house_no", "street"):
                if not planned.fields[required]:
                    reader.problem(planned.first_row, required, "io.required", header=reader.header(required))
            if not heads:
                reader.problem(planned.first_row, "relation", "io.missing_head", household=_label(planned))
        if len(heads) > 1:
            reader.problem(heads[1].row, "relation", "io.two_heads", household=_label(planned))
    existing.match_people(plan, list(by_key.values()), readers)
    plan.households = list(by_key.values())
    return plan


def _column_of(mapping: dict[int, str], name: str) -> int:
    return next(column for column, mapped in mapping.items() if mapped == name)


def _row_list(numbers: list[int], shown: int = 10) -> str:
    """`3, 7, 8, …` — the first rows of a long list, enough for the clerk to find them."""
    return ", ".join(map(str, numbers[:shown])) + (", …" if len(numbers) > shown else "")


_HOUSEHOLD_COLUMNS = ("code", "area_id", "house_no", "street", "phone", "notes",
                      *(f"flag_{flag}" for flag in HOUSEHOLD_FLAGS))
_PERSON_COLUMNS = ("birth_year", "gender", "phone", "relation_to_head", "occupation", "id_number")


class _Existing:
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
                     readers: dict[str, _RowReader]) -> None:
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
                    absent = AbsentMember(str(member["id"]), str(member["full_name"]), _label(planned),
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


def _match_existing(existing: _Existing, planned: PlannedHousehold, plan: ImportPlan, reader: _RowReader) -> None:
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


def run_import(store: Store, plan: ImportPlan, progress: Progress | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Write the plan in one transaction through the write path; refuse if any blocking problem remains."""
    actor = authorize(store, "import")
    if plan.blocking:
        raise WardbookError("io.has_problems", count=len(plan.blocking))
    added = merged = people_added = updated = skipped = moved = 0
    batch: list[RowWrite] = []
    with store.transaction():
        new_area_ids = {key: store.writer.insert("areas", {"name": name, "kind": "khu_pho"})
                        for key, name in plan.new_areas.items()}
        for done, planned in enumerate(plan.households, start=1):
            if cancelled():
                raise InterruptedError("import cancelled")
            if planned.existing_id is None:
                household_id = new_id()
                head_id = new_id()
                fields = dict(planned.fields)
                fields["code"] = fields["code"] or household_id[:8].upper()
                fields["head_person_id"] = head_id
                fields["area_id"] = fields["area_id"] or new_area_ids.get(planned.area_key or "")
                batch.append(RowWrite("households", household_id, "insert", fields))
                added += 1
            else:
                household_id, head_id = planned.existing_id, ""
                changes = dict(planned.changes)
                if planned.area_key in new_area_ids:
                    changes["area_id"] = new_area_ids[planned.area_key or ""]
                if changes:
                    batch.append(RowWrite("households", household_id, "update", changes))
                merged += 1
            for person in planned.people:
                if person.existing_id and person.changes:
                    batch.append(RowWrite("people", person.existing_id, "update", dict(person.changes)))
                    updated += 1
                elif person.existing_id:
                    skipped += 1
                else:
                    person_id = head_id if person.is_head and head_id else new_id()
                    batch.append(RowWrite("people", person_id, "insert",
                                          {**person.fields, "household_id": household_id}))
                    people_added += 1
            if done % WRITE_BATCH == 0 or done == len(plan.households):
                store.writer.write(batch)
                batch = []
                if progress:
                    progress(done, len(plan.households), "households")
        if plan.mark_moved_out and plan.absent:
            today = date.today().isoformat()
            store.writer.write([RowWrite("people", absent.person_id, "update", {"moved_out_on": today})
                                for absent in plan.absent])
            moved = len(plan.absent)
        audit.record(store, "import", "households", None,
                     {"added": added, "merged": merged, "people": people_added, "updated": updated,
                      "skipped": skipped, "moved_out": moved}, actor=actor)
    return ImportResult(added, merged, people_added, skipped, updated, moved)


def rehearse_import(store: Store, plan: ImportPlan, progress: Progress | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """The dry run: the real import, rolled back, so its counts cannot drift from what an import does."""
    try:
        with store.transaction():
            raise _Rehearsed(run_import(store, plan, progress, cancelled))
    except _Rehearsed as rehearsed:
        return replace(rehearsed.result, dry_run=True)


def import_file(store: Store, path: Path, *, sheet: str | None = None, all_sheets: bool = False,
                mapping: dict[str, str] | None = None, create_areas: bool = False, area: str | None = None,
                mark_moved_out: bool = False, dry_run: bool = False, progress: Progress | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> tuple[ImportPlan, ImportResult | None]:
    """Read, check and import a file (rolled back when `dry_run`); no result when the file has problems."""
    plan = plan_import(store, open_source(path, sheet, all_sheets=all_sheets), mapping, create_areas=create_areas,
                       area=area, mark_moved_out=mark_moved_out)
    if plan.blocking:
        return plan, None
    if dry_run:
        return plan, rehearse_import(store, plan, progress, cancelled)
    return plan, run_import(store, plan, progress, cancelled)
