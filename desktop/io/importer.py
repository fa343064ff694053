"""Import households and members: find the header, map columns, check every row, then write all or nothing.

Two layouts are understood: one row per person (the usual "sổ hộ khẩu" list, grouped into households by
household code, else by address, with the head marked in "Quan hệ với chủ hộ"), and one row per household
(a "Chủ hộ" column and no "Họ và tên"). `plan_import` reads the file (`reading`, `layout`), turns rows into
fields (`rows`), matches them to the register (`matching`) and checks them into an `ImportPlan` (`plan`);
`run_import` writes the plan through the single write path in one transaction. The dry run is that same
import inside a transaction that is rolled back, so the counts it announces are the ones the import makes.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from desktop import clock, files
from desktop.collector import collector_paused
from desktop.errors import WardbookError
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.io.areas import area_key, area_name, known_areas
from desktop.io.columns import normalise_header
from desktop.io.layout import HEADER_SEARCH_ROWS, SKIP_KINDS, find_header, skip_kind
from desktop.io.lookalikes import match_lookalikes
from desktop.io.matching import Register, keep_entered, kept_counts, match_household
from desktop.io.plan import ImportPlan, ImportResult, PlannedHousehold, PlannedPerson, Problem, household_label
from desktop.io.reading import Notice, Source, open_source
from desktop.io.rows import HEAD_RELATIONS, RowReader
from desktop.progress import Progress
from desktop.register.households import new_codes
from desktop.register.validation import MAX_NAME, MAX_TEXT
from desktop.search.folding import fold_words as fold
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store import RowWrite, Store, new_id
from desktop.text import shorten

WRITE_BATCH = 500  # households per call of the write path (one transaction for the whole import regardless)


class _Rehearsed(Exception):
    """Carries the dry run's result out of the transaction it rolls back."""

    def __init__(self, result: ImportResult) -> None:
        super().__init__("dry run")
        self.result = result


def load_mapping(path: Path) -> dict[str, str]:
    """A saved mapping: JSON `{"header as in the file": "field"}`."""
    return {normalise_header(k): v for k, v in json.loads(files.check_source(path).read_text("utf-8")).items()}


def save_mapping(plan: ImportPlan, path: Path) -> None:
    files.write_text(path, json.dumps({plan.headers[i]: f for i, f in plan.mapping.items()}, ensure_ascii=False,
                                      indent=1))


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
    readers: dict[str, RowReader] = {}
    for table_index, table in enumerate(source.tables):
        top = list(itertools.islice(table.rows, HEADER_SEARCH_ROWS))
        header = find_header([cells for _, cells in top], saved_mapping)
        mapping, header_number = header.mapping, top[header.index][0]
        if not plan.mapping:
            plan.mapping, plan.headers = mapping, header.headers
        reader = RowReader(plan, mapping, header.headers)
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
            area_text = reader.text(offset, row, "area", MAX_NAME) or table_area
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
                planned = by_key[key] = PlannedHousehold(key, offset, _household(reader, offset, row), key_of_area)
                readers[key] = reader
            cells = hash(tuple(row[column] for column in mapping if column < len(row)))
            if cells in planned.rows_seen:
                reader.problem(offset, name_field, "io.duplicate_row", blocking=False, name=name)
                continue
            planned.rows_seen.add(cells)
            note = reader.text(offset, row, "notes", MAX_TEXT)
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
            plan.problems.append(Problem(header_number, "", "io.header_only" if table.name else "io.header_only_file",
                                         {"sheet": table.name or ""},
                                         blocking=False))
    for first, text, count in unknown_areas.values():  # one line per area, not one per row naming it
        plan.problems.append(Problem(first, plan.headers[_column_of(plan.mapping, "area")]
                                     if "area" in plan.mapping.values() else "", "io.unknown_area",
                                     {"value": text, "count": count}))
    existing = Register(store)
    strangers = existing.strangers(list(by_key.values()))
    for planned in by_key.values():
        reader = readers[planned.key]
        # Members' notes are gathered into the household's: cut at the register's limit, never refused for it.
        planned.fields["notes"] = shorten("; ".join(planned.notes), MAX_TEXT) or None
        planned.fields["area_id"] = areas.get(planned.area_key or "")
        stranger = strangers.get(planned.key)
        if stranger:  # neither an update of that household nor a new one: told once, on its first row
            plan.problems.append(Problem(planned.first_row, reader.header("household_code"), "io.code_conflict",
                                         stranger))
        else:
            match_household(existing, planned, plan, reader)
    match_lookalikes(existing, plan, [planned for planned in by_key.values() if planned.key not in strangers],
                     readers)
    for planned in by_key.values():
        reader = readers[planned.key]
        heads = [p for p in planned.people if p.is_head]
        if planned.existing_id is None and planned.key not in strangers:
            for required in ("house_no", "street"):
                if not planned.fields[required]:
                    reader.problem(planned.first_row, required, "io.required", header=reader.header(required))
            if not heads:
                reader.problem(planned.first_row, "relation", "io.missing_head", household=household_label(planned))
        if len(heads) > 1:
            reader.problem(heads[1].row, "relation", "io.two_heads", household=household_label(planned))
    existing.match_people(plan, list(by_key.values()), readers)
    keep_entered(store, plan, list(by_key.values()), readers)
    plan.households = list(by_key.values())
    return plan


def _household(reader: RowReader, offset: int, row: list[str]) -> dict[str, object]:
    """The household's fields of its first row, a blank flag cell as no value (None): an empty "Hộ nghèo" cell
    says nothing, so it never unticks a flag the register holds; a new household takes it as not flagged."""
    fields = reader.household(offset, row)
    for flag in HOUSEHOLD_FLAGS:
        if not reader.value(row, f"flag_{flag}").strip():
            fields[f"flag_{flag}"] = None
    return fields


def _column_of(mapping: dict[int, str], name: str) -> int:
    return next(column for column, mapped in mapping.items() if mapped == name)


def _row_list(numbers: list[int], shown: int = 10) -> str:
    """`3, 7, 8, …` — the first rows of a long list, enough for the clerk to find them."""
    return ", ".join(map(str, numbers[:shown])) + (", …" if len(numbers) > shown else "")


@collector_paused()  # a ward's rows and their plan are many small objects (`desktop.collector`)
def run_import(store: Store, plan: ImportPlan, progress: Progress | None = None,
               cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """Write the plan in one transaction through the write path; refuse if any blocking problem remains."""
    actor = authorize(store, "import")
    if plan.blocking:
        raise WardbookError("io.has_problems", count=len(plan.blocking))
    added = merged = people_added = updated = skipped = moved = 0
    batch: list[RowWrite] = []
    codes = new_codes(store)  # households without a code in the file get this laptop's next ones
    households_updated = 0
    with store.transaction():
        first_stamp = store.writer.latest() + 1  # every write below is stamped after this laptop's last stamp
        new_area_ids = {key: store.writer.insert("areas", {"name": name, "kind": "khu_pho"})
                        for key, name in plan.new_areas.items()}
        for done, planned in enumerate(plan.households, start=1):
            if cancelled():
                raise InterruptedError("import cancelled")
            if planned.existing_id is None:
                household_id = new_id()
                head_id = new_id()
                fields = dict(planned.fields)
                fields["code"] = fields["code"] or next(codes)
                fields["head_person_id"] = head_id
                fields["area_id"] = fields["area_id"] or new_area_ids.get(planned.area_key or "")
                fields.update({f"flag_{flag}": 0 for flag in HOUSEHOLD_FLAGS if fields[f"flag_{flag}"] is None})
                batch.append(RowWrite("households", household_id, "insert", fields))
                added += 1
            else:
                household_id, head_id = planned.existing_id, ""
                changes = dict(planned.changes)
                if planned.area_key in new_area_ids:
                    changes["area_id"] = new_area_ids[planned.area_key or ""]
                if changes:
                    batch.append(RowWrite("households", household_id, "update", changes))
                    households_updated += 1
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
            today = clock.today().isoformat()
            store.writer.write([RowWrite("people", absent.person_id, "update", {"moved_out_on": today})
                                for absent in plan.absent])
            moved = len(plan.absent)
        # The stamps this import's writes took: the register tells a list's values from an officer's by them
        # (`desktop.io.provenance`).
        audit.record(store, "import", "households", None,
                     {"added": added, "merged": merged, "people": people_added, "updated": updated,
                      "skipped": skipped, "moved_out": moved, "hlc": [first_stamp, store.writer.latest()]},
                     actor=actor)
    kept, kept_households = kept_counts(plan)
    return ImportResult(added, merged, people_added, skipped, updated, moved, updated_households=households_updated,
                        kept_values=kept, kept_households=kept_households)


def rehearse_import(store: Store, plan: ImportPlan, progress: Progress | None = None,
                    cancelled: Callable[[], bool] = lambda: False) -> ImportResult:
    """The dry run: the real import, rolled back, so its counts cannot drift from what an import does."""
    try:
        with store.transaction():
            raise _Rehearsed(run_import(store, plan, progress, cancelled))
    except _Rehearsed as rehearsed:
        return replace(rehearsed.result, dry_run=True)


@collector_paused()
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
