"""Export the register and the logs to XLSX or CSV (UTF-8 with BOM, so Excel shows Vietnamese correctly).

`people` writes one row per member with the household's columns, in the same vocabulary the importer reads,
so an export imports back into another database unchanged. Coded values are written as their labels.
Resident text is never a formula: text cells in XLSX, and in CSV the apostrophe of `files.csv_field`, which the
importer takes off again.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop import files, i18n
from desktop.errors import WardbookError
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.io.columns import BY_FIELD
from desktop.register.labels import label, labels
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store import Store
from desktop.text import format_date

Table = tuple[list[str], list[list[object]]]


def _people(store: Store, lang: str, area_id: str | None) -> Table:
    fields = ["household_code", "area", "house_no", "street", "household_phone", "full_name", "relation",
              "birth_year", "gender", "phone", "occupation", "id_number",
              *(f"flag_{flag}" for flag in HOUSEHOLD_FLAGS), "notes"]
    flag_columns = ", ".join(f"h.flag_{flag}" for flag in HOUSEHOLD_FLAGS)
    rows = store.conn.execute(
        f"SELECT h.code, a.name, h.house_no, h.street, h.phone, p.full_name, p.relation_to_head, p.birth_year, "
        f"p.gender, p.phone, p.occupation, p.id_number, {flag_columns}, h.notes "
        "FROM people p JOIN households h ON h.id = p.household_id LEFT JOIN areas a ON a.id = h.area_id "
        "WHERE p.deleted_hlc IS NULL AND h.deleted_hlc IS NULL AND p.moved_out_on IS NULL "
        "AND (? IS NULL OR h.area_id = ?) ORDER BY h.code, p.id = h.head_person_id DESC, p.birth_year",
        (area_id, area_id),
    ).fetchall()
    gender_at = fields.index("gender")
    first_flag = fields.index(f"flag_{HOUSEHOLD_FLAGS[0]}")
    out = []
    for row in rows:
        values: list[object] = list(row)
        values[gender_at] = label("gender", row[gender_at], lang)
        for offset in range(len(HOUSEHOLD_FLAGS)):
            values[first_flag + offset] = "x" if row[first_flag + offset] else ""
        out.append(values)
    return [BY_FIELD[f].header(lang) for f in fields], out


def _simple(store: Store, lang: str, sql: str, headers: Sequence[str], coded: dict[int, str],
            dates: Sequence[int], params: tuple[object, ...]) -> Table:
    out = []
    for row in store.conn.execute(sql, params):
        values: list[object] = list(row)
        for index, group in coded.items():
            values[index] = (labels if group == "purpose" else label)(group, row[index], lang)
        for index in dates:
            values[index] = format_date(row[index])
        out.append(values)
    return [i18n.tr(f"col.{h}", lang) if i18n.has_message(f"col.{h}") else h for h in headers], out


def _visits(store: Store, lang: str, area_id: str | None) -> Table:
    return _simple(
        store, lang,
        "SELECT v.visited_at, h.code, h.house_no || ' ' || h.street, v.purposes, v.outcome, v.person_met, "
        "v.findings, v.follow_up_due, v.follow_up_done_at, "
        "(SELECT COALESCE(SUM(s.value_vnd), 0) FROM support_items s WHERE s.visit_id = v.id "
        "AND s.deleted_hlc IS NULL) FROM visits v LEFT JOIN households h ON h.id = v.household_id "
        "WHERE v.deleted_hlc IS NULL AND v.voided = 0 AND (? IS NULL OR h.area_id = ?) ORDER BY v.visited_at",
        ["date", "code", "address", "purposes", "outcome", "person_met", "findings", "follow_up", "done",
         "support_vnd"],
        {3: "purpose", 4: "outcome"}, [0, 7, 8], (area_id, area_id))


def _households(store: Store, lang: str, area_id: str | None) -> Table:
    people_headers, people_rows = _people(store, lang, area_id)
    keep = [i for i, h in enumerate(people_headers)
            if h not in {BY_FIELD[f].header(lang) for f in ("relation", "birth_year", "gender", "phone",
                                                            "occupation", "id_number")}]
    seen: set[object] = set()
    rows = []
    for row in people_rows:  # the head comes first in each household
        if row[0] not in seen:
            seen.add(row[0])
            rows.append([row[i] for i in keep])
    headers = [people_headers[i] for i in keep]
    headers[headers.index(BY_FIELD["full_name"].header(lang))] = BY_FIELD["head_name"].header(lang)
    return headers, rows


def _cases(store: Store, lang: str, area_id: str | None) -> Table:
    return _simple(
        store, lang,
        "SELECT c.received_on, c.kind, c.title, h.code, c.source, c.status, c.due_on, c.resolved_on, c.resolution "
        "FROM cases c LEFT JOIN households h ON h.id = c.household_id WHERE c.deleted_hlc IS NULL "
        "AND (? IS NULL OR h.area_id = ?) ORDER BY c.received_on",
        ["received_on", "kind", "title", "code", "source", "status", "due_on", "resolved_on", "resolution"],
        {1: "case_kind", 5: "case_status"}, [0, 6, 7], (area_id, area_id))


def _activities(store: Store, lang: str, area_id: str | None) -> Table:
    return _simple(
        store, lang,
        "SELECT a.held_on, a.kind, ar.name, a.topic, a.attendance, a.notes FROM activities a "
        "LEFT JOIN areas ar ON ar.id = a.area_id WHERE a.deleted_hlc IS NULL AND (? IS NULL OR a.area_id = ?) "
        "ORDER BY a.held_on",
        ["date", "kind", "area", "topic", "attendance", "notes"], {1: "activity"}, [0], (area_id, area_id))


EXPORTS: dict[str, Callable[[Store, str, str | None], Table]] = {
    "people": _people, "households": _households, "visits": _visits, "cases": _cases, "activities": _activities,
}


def export(store: Store, kind: str, path: Path, *, lang: str = "vi", area_id: str | None = None) -> int:
    """Write `kind` to `path` (.xlsx or .csv); returns the number of data rows. The export is audited: personal
    data leaving the app is recorded with who took it (when someone is logged in) and where it went."""
    if kind not in EXPORTS:
        raise WardbookError("io.unknown_kind", kind=kind, choices=", ".join(EXPORTS))
    actor = authorize(store, "export")
    fmt = path.suffix.lower().removeprefix(".")
    files.check_target(path, fmt if fmt in ("xlsx", "csv") else None)
    if fmt not in ("xlsx", "csv"):
        raise WardbookError("io.unknown_format", path=str(path))
    headers, rows = EXPORTS[kind](store, lang, area_id)
    if fmt == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = kind
        sheet.append(files.xlsx_row(headers))
        for row in rows:
            sheet.append(files.xlsx_row(row))
        sheet.freeze_panes = "A2"
        files.write_bytes(path, files.xlsx_bytes(book), kind="xlsx")
    else:
        with files.atomic_output(path, kind="csv") as temp, \
                temp.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows([files.csv_field(value) for value in row] for row in rows)
    audit.record(store, "export", kind, None, {"rows": len(rows), "file": path.name, "area": area_id}, actor=actor)
    return len(rows)
