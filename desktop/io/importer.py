"""Import households and members: find the header, map columns, check every row, then write all or nothing.

Two layouts are understood: one row per person (the usual "sổ hộ khẩu" list, grouped into households by
household code, else by address, with the head marked in "Quan hệ với chủ hộ"), and one row per household
(a "Chủ hộ" column and no "Họ và tên"). `plan_import` only reads and checks, so it is also the dry run;
`run_import` writes the plan through the single write path in one transaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop import files, i18n
from desktop.errors import WardbookError
from desktop.io.columns import BY_FIELD, guess_field, normalise_header
from desktop.io.reading import Rows, read_rows
from desktop.progress import Progress
from desktop.register.validation import check_birth_year, normalise_phone, parse_date
from desktop.search.folding import fold
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store import RowWrite, Store, new_id
from desktop.store.tables import HOUSEHOLD_FLAGS

HEADER_SEARCH_ROWS = 15
WRITE_BATCH = 500  # households per call of the write path (one transaction for the whole import regardless)
HEAD_RELATIONS = {"chu ho", "head", "head of household", "ch"}
TRUE_WORDS = {"x", "co", "1", "yes", "true", "v", "✓", "có"}
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
        return i18n.tr("io.problem", lang, row=self.row, column=self.column,
                       message=i18n.tr(self.msg_id, lang, **self.params))


@dataclass
class PlannedPerson:
    row: int
    fields: dict[str, object]
    is_head: bool


@dataclass
class PlannedHousehold:
    key: str
    first_row: int
    fields: dict[str, object]
    area_name: str | None
    people: list[PlannedPerson] = field(default_factory=list)
    existing_id: str | None = None


@dataclass
class ImportPlan:
    mapping: dict[int, str]
    headers: list[str]
    households: list[PlannedHousehold]
    problems: list[Problem]
    new_areas: dict[str, str] = field(default_factory=dict)  # folded name → name, created by the import

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]


@dataclass(frozen=True)
class ImportResult:
    added_households: int
    merged_households: int
    added_people: int
    skipped_people: int

    def summary(self, lang: str | None = None) -> str:
        return i18n.tr("io.summary", lang, added=self.added_households, merged=self.merged_households,
                       people=self.added_people, skipped=self.skipped_people)


def load_mapping(path: Path) -> dict[str, str]:
    """A saved mapping: JSON `{"header as in the file": "field"}`."""
    return {normalise_header(k): v for k, v in json.loads(path.read_text("utf-8")).items()}


def save_mapping(plan: ImportPlan, path: Path) -> None:
    files.write_text(path, json.dumps({plan.headers[i]: f for i, f in plan.mapping.items()}, ensure_ascii=False,
                                      indent=1))


def find_header(rows: Rows, saved: dict[str, str] | None = None) -> tuple[int, dict[int, str]]:
    """Index of the header row (the first of the top rows that names enough known columns) and its mapping."""
    best: tuple[int, dict[int, str]] = (-1, {})
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping: dict[int, str] = {}
        for column, header in enumerate(row):
            name = normalise_header(header)
            guessed = (saved or {}).get(name) or guess_field(header)
            if guessed and guessed not in mapping.values():
                mapping[column] = guessed
        if len(mapping) > len(best[1]):
            best = (index, mapping)
    fields = set(best[1].values())
    if len(fields) < 2 or not ({"full_name", "head_name"} & fields):
        raise WardbookError("io.no_header")
    return best


def _truthy(text: str) -> int:
    return int(fold(text) in TRUE_WORDS or text.strip() in TRUE_WORDS)


def _birth_year(text: str) -> int | None:
    if re.fullmatch(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", text.strip()):
        iso = parse_date(text)
        return check_birth_year(iso[:4]) if iso else None
    return check_birth_year(text)


def _spreadsheet_phone(text: str) -> str | None:
    """A phone number as Excel may have kept it: a number cell drops the leading 0 (903111222 for 0903111222,
    2838123456 for 028 3812 3456), so a bare 9-digit mobile or 10-digit landline number gets it back."""
    digits = text.strip()
    if digits.isdigit() and ((len(digits) == 9 and digits[0] != "0") or (len(digits) == 10 and digits[0] == "2")):
        digits = "0" + digits
    return normalise_phone(digits)


def _spreadsheet_id_number(text: str) -> str | None:
    """A citizen ID (CCCD: 12 digits, starting with the province code 001–096) whose leading zeros a number cell
    dropped is padded back to 12 digits; a 9-digit old ID card number (CMND) is kept as it is."""
    digits = text.strip()
    if digits.isdigit() and len(digits) in (10, 11):
        return digits.zfill(12)
    return digits or None


class _RowReader:
    """Turns one spreadsheet row into typed fields, recording each problem with its row and column."""

    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._columns = {mapped: column for column, mapped in plan.mapping.items()}

    def value(self, row: list[str], name: str) -> str:
        column = self._columns.get(name)
        return row[column].strip() if column is not None and column < len(row) else ""

    def checked(self, number: int, name: str, parse: Callable[[str], object], text: str) -> object:
        try:
            return parse(text)
        except WardbookError as error:
            self.plan.problems.append(Problem(number, BY_FIELD[name].vi, error.msg_id, error.params))
            return None

    def person(self, number: int, row: list[str], name_field: str) -> dict[str, object]:
        gender_text = fold(self.value(row, "gender"))
        if gender_text and gender_text not in GENDERS:
            self.plan.problems.append(Problem(number, BY_FIELD["gender"].vi, "register.bad_choice",
                                              {"value": self.value(row, "gender"), "field": "gender",
                                               "choices": "Nam, Nữ"}))
        return {
            "full_name": self.value(row, name_field),
            "birth_year": self.checked(number, "birth_year", _birth_year, self.value(row, "birth_year")),
            "gender": GENDERS.get(gender_text),
            "phone": self.checked(number, "phone", _spreadsheet_phone, self.value(row, "phone")),
            "relation_to_head": self.value(row, "relation") or None,
            "occupation": self.value(row, "occupation") or None,
            "id_number": _spreadsheet_id_number(self.value(row, "id_number")),
        }

    def household(self, number: int, row: list[str]) -> dict[str, object]:
        fields: dict[str, object] = {
            "code": self.value(row, "household_code") or None,
            "house_no": self.value(row, "house_no") or None,
            "street": self.value(row, "street") or None,
            "phone": self.checked(number, "household_phone", _spreadsheet_phone,
                                  self.value(row, "household_phone")),
            "notes": self.value(row, "notes") or None,
            "status": "active",
        }
        for flag in HOUSEHOLD_FLAGS:
            fields[f"flag_{flag}"] = _truthy(self.value(row, f"flag_{flag}"))
        return fields


def plan_import(store: Store, rows: Rows, saved_mapping: dict[str, str] | None = None, *,
                create_areas: bool = False) -> ImportPlan:
    """Read and check everything; write nothing. Problems name the spreadsheet row and column.

    An area (khu phố) the register does not know is a problem, unless `create_areas` says the file is the
    first list of a new ward: then the import creates it."""
    authorize(store, "import")
    header_index, mapping = find_header(rows, saved_mapping)
    plan = ImportPlan(mapping, rows[header_index], [], [])
    reader = _RowReader(plan)
    person_rows = "full_name" in mapping.values()
    areas = {fold(name): area_id for area_id, name in
             store.conn.execute("SELECT id, name FROM areas WHERE deleted_hlc IS NULL")}
    by_key: dict[str, PlannedHousehold] = {}
    for offset, row in enumerate(rows[header_index + 1 :], start=header_index + 2):
        if not any(cell.strip() for cell in row):
            continue  # blank rows between blocks are common in hand-kept lists
        name = reader.value(row, "full_name" if person_rows else "head_name")
        if not name:
            plan.problems.append(Problem(offset, BY_FIELD["full_name" if person_rows else "head_name"].vi,
                                         "register.required", {"field": "full_name"}))
            continue
        household = reader.household(offset, row)
        area_name = reader.value(row, "area") or None
        if area_name and fold(area_name) not in areas and create_areas:
            plan.new_areas.setdefault(fold(area_name), area_name)
        elif area_name and fold(area_name) not in areas:
            plan.problems.append(Problem(offset, BY_FIELD["area"].vi, "register.unknown_area", {"value": area_name}))
        if not person_rows:
            key = f"row{offset}"
        elif household["code"]:
            key = f"code:{household['code']}"
        else:
            key = "addr:" + fold(f"{area_name or ''}|{household['house_no'] or ''}|{household['street'] or ''}")
        planned = by_key.get(key)
        if planned is None:
            for required in ("house_no", "street"):
                if not household[required]:
                    plan.problems.append(Problem(offset, BY_FIELD[required].vi, "register.required",
                                                 {"field": BY_FIELD[required].vi}))
            planned = by_key[key] = PlannedHousehold(key, offset, household, area_name)
        person = reader.person(offset, row, "full_name" if person_rows else "head_name")
        relation = fold(str(person["relation_to_head"] or ""))
        head_name = reader.value(row, "head_name")
        is_head = (not person_rows or relation in HEAD_RELATIONS
                   or (bool(head_name) and fold(head_name) == fold(str(person["full_name"]))))
        if is_head and not person["relation_to_head"]:
            person["relation_to_head"] = "chủ hộ"
        planned.people.append(PlannedPerson(offset, person, is_head))
    existing = _Existing(store)
    for planned in by_key.values():
        heads = [p for p in planned.people if p.is_head]
        label = str(planned.fields["code"] or f"{planned.fields['house_no']} {planned.fields['street']}")
        if not heads:
            plan.problems.append(Problem(planned.first_row, BY_FIELD["relation"].vi, "io.missing_head",
                                         {"household": label}))
        elif len(heads) > 1:
            plan.problems.append(Problem(heads[1].row, BY_FIELD["relation"].vi, "io.two_heads",
                                         {"household": label}))
        planned.fields["area_id"] = areas.get(fold(planned.area_name or ""))
        _match_existing(existing, planned, plan)
    plan.households = list(by_key.values())
    return plan


class _Existing:
    """The register's households by code and by (folded head name, house number, street), read once."""

    def __init__(self, store: Store) -> None:
        self.by_code: dict[str, tuple[str, str]] = {}
        self.by_address: dict[tuple[str, str, str], tuple[str, str]] = {}
        for household_id, code, head, house_no, street in store.conn.execute(
            "SELECT h.id, h.code, p.full_name, h.house_no, h.street FROM households h "
            "LEFT JOIN people p ON p.id = h.head_person_id WHERE h.deleted_hlc IS NULL"
        ):
            self.by_code[code] = (household_id, code)
            self.by_address[(fold(head or ""), fold(house_no or ""), fold(street or ""))] = (household_id, code)


def _match_existing(existing: _Existing, planned: PlannedHousehold, plan: ImportPlan) -> None:
    """A household already in the register (same code, or same folded head name and address) is merged."""
    row = existing.by_code.get(str(planned.fields["code"])) if planned.fields["code"] else None
    heads = [p for p in planned.people if p.is_head]
    if row is None and heads:
        row = existing.by_address.get((fold(str(heads[0].fields["full_name"])),
                                       fold(str(planned.fields["house_no"] or "")),
                                       fold(str(planned.fields["street"] or ""))))
    if row is not None:
        planned.existing_id = row[0]
        plan.problems.append(Problem(planned.first_row, BY_FIELD["full_name"].vi, "io.duplicate",
                                     {"code": row[1]}, blocking=False))


def run_import(store: Store, plan: ImportPlan, progress: Progress | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Write the plan in one transaction through the write path; refuse if any blocking problem remains."""
    actor = authorize(store, "import")
    if plan.blocking:
        raise WardbookError("io.has_problems", count=len(plan.blocking))
    added = merged = people_added = skipped = 0
    batch: list[RowWrite] = []
    with store.transaction():
        new_area_ids = {folded: store.writer.insert("areas", {"name": name, "kind": "khu_pho"})
                        for folded, name in plan.new_areas.items()}
        for done, planned in enumerate(plan.households, start=1):
            if cancelled():
                raise InterruptedError("import cancelled")
            if planned.existing_id is None:
                household_id = new_id()
                head_id = new_id()
                fields = dict(planned.fields)
                fields["code"] = fields["code"] or household_id[:8].upper()
                fields["head_person_id"] = head_id
                fields["area_id"] = fields["area_id"] or new_area_ids.get(fold(planned.area_name or ""))
                batch.append(RowWrite("households", household_id, "insert", fields))
                known: set[tuple[str, object]] = set()
                added += 1
            else:
                household_id, head_id = planned.existing_id, ""
                known = {(fold(name), year) for name, year in store.conn.execute(
                    "SELECT full_name, birth_year FROM people WHERE household_id = ? AND deleted_hlc IS NULL",
                    (household_id,))}
                merged += 1
            for person in planned.people:
                identity = (fold(str(person.fields["full_name"])), person.fields["birth_year"])
                if identity in known:  # already in the register; two rows of the file are two people
                    skipped += 1
                    continue
                person_id = head_id if person.is_head and head_id else new_id()
                batch.append(RowWrite("people", person_id, "insert", {**person.fields, "household_id": household_id}))
                people_added += 1
            if done % WRITE_BATCH == 0 or done == len(plan.households):
                store.writer.write(batch)
                batch = []
                if progress:
                    progress(done, len(plan.households), "households")
        audit.record(store, "import", "households", None,
                     {"added": added, "merged": merged, "people": people_added, "skipped": skipped}, actor=actor)
    return ImportResult(added, merged, people_added, skipped)


def import_file(store: Store, path: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                create_areas: bool = False, dry_run: bool = False, progress: Progress | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> tuple[ImportPlan, ImportResult | None]:
    """Read, check and (unless `dry_run` or there are problems) import a file."""
    plan = plan_import(store, read_rows(path, sheet), mapping, create_areas=create_areas)
    if dry_run or plan.blocking:
        return plan, None
    return plan, run_import(store, plan, progress, cancelled)
