"""The review's figures as data: an XLSX workbook (one sheet per table) and a long-format CSV.

Both write the rows of `review_tables`, the very rows the PDF prints, as raw numbers (not "1.234" text) so
the district can add stations up. Files are written to a temporary name and renamed, never left half-done.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from desktop import files, i18n
from desktop.errors import WardbookError
from desktop.reports.figures import ReviewFigures
from desktop.reports.formatting import text
from desktop.reports.periods import short_date
from desktop.reports.review_tables import NAMED, DataTable, Field, review_tables

_SHEET_NAME_MAX = 31  # Excel's limit
_NUMBER_FORMATS = {"int": "#,##0", "decimal": "#,##0.0", "percent": "0.0", "date": "dd/mm/yyyy"}
# Key figures are counts or shares row by row: each cell is formatted by its value, a count never "#,##0.0".
_FIGURE_FORMATS = {
    ("figure", int): "#,##0",
    ("figure", float): "#,##0.0",
    ("change", int): "+#,##0;-#,##0;0",
    ("change", float): "+#,##0.0;-#,##0.0;0.0",
}


def _raw(field: Field, value: object) -> object:
    """A cell value Excel understands: numbers as numbers, ISO dates as dates, text in NFC."""
    if value is None:
        return None
    if field.kind == "date" and isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return text(value)
    return text(value) if isinstance(value, str) else value


def _heading_rows(figures: ReviewFigures, lang: str | None) -> list[tuple[str, str]]:
    def t(key: str) -> str:
        return i18n.tr(f"reports.{key}", lang)

    return [
        (t("export_period"), f"{figures.period.title(lang)} ({figures.period.code})"),
        (t("export_scope"), figures.scope.area_name or t("export_ward")),
        (t("export_cutoff"), short_date(figures.cutoff)),
    ]


def exported_tables(figures: ReviewFigures, lang: str | None, names: bool) -> list[DataTable]:
    """The review's tables as data; those naming residents (`NAMED`) only with `names`, as in the review itself
    (and then from figures read with their names)."""
    if names and not figures.names:
        raise ValueError("the figures were read without the households' names")
    return [table for key, table in review_tables(figures, lang).items() if names or key not in NAMED]


def write_xlsx(
    figures: ReviewFigures,
    out: Path | str,
    lang: str | None = None,
    cancelled: Callable[[], bool] | None = None,
    names: bool = False,
) -> Path:
    """One sheet per table; the first rows of each sheet say the period, the scope and the cut-off day."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    bold = Font(bold=True)
    for table in exported_tables(figures, lang, names):
        if cancelled is not None and cancelled():
            raise WardbookError("reports.cancelled")
        sheet = workbook.create_sheet(_sheet_name(table, set(workbook.sheetnames)))
        sheet.append(files.xlsx_row([text(table.title)]))
        sheet["A1"].font = Font(bold=True, size=13)
        for name, value in _heading_rows(figures, lang):
            sheet.append(files.xlsx_row([name, value]))
        sheet.append([])
        sheet.append(files.xlsx_row(text(field.title) for field in table.fields))
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        for row in table.rows + ([table.total] if table.total is not None else []):
            # A control character a register took in from another laptop before such values were refused: the
            # whole export failed on it (`files.xlsx_value`).
            sheet.append(files.xlsx_row(_raw(field, value) for field, value in zip(table.fields, row, strict=True)))
        if table.total is not None:
            for cell in sheet[sheet.max_row]:
                cell.font = bold
        for index, field in enumerate(table.fields, start=1):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(8.0, field.width_mm / 2.2)
            for (cell,) in sheet.iter_rows(min_row=header_row + 1, min_col=index, max_col=index):
                if field.kind in _NUMBER_FORMATS:
                    cell.number_format = _NUMBER_FORMATS[field.kind]
                elif (field.kind, type(cell.value)) in _FIGURE_FORMATS:
                    cell.number_format = _FIGURE_FORMATS[(field.kind, type(cell.value))]
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    files.write_bytes(out, files.xlsx_bytes(workbook), kind="xlsx")
    return Path(out)


def _sheet_name(table: DataTable, taken: set[str]) -> str:
    """The table's title minus the characters Excel refuses, cut to Excel's 31 characters after a whole word
    ("Danh sách hộ chưa được thăm", not "… thăm tro"), made unique; the sheet's first cell holds the whole title."""
    name = "".join(ch for ch in text(table.title) if ch not in "[]:*?/\\")
    unique = _whole_words(name, _SHEET_NAME_MAX)
    suffix = 2
    while unique in taken:
        unique = f"{_whole_words(name, _SHEET_NAME_MAX - 3)} {suffix}"
        suffix += 1
    return unique


def _whole_words(name: str, limit: int) -> str:
    """`name` cut to `limit` characters at the last space that fits (a single long word is cut where it must)."""
    if len(name) <= limit:
        return name
    head = name[: limit + 1]
    return head.rsplit(" ", 1)[0].rstrip(" ,;-") if " " in head else name[:limit]


def csv_rows(figures: ReviewFigures, lang: str | None = None, names: bool = False) -> list[list[object]]:
    """Long format, one line per figure: period code, scope, table title, row number, column title, raw value.
    Every word in the report's language, as the XLSX sheets and the PDF name the tables (the tables' internal
    keys — "summary", "coverage" — are no words for a clerk). Numbers stay raw: a decimal point, not a comma.

    Period and scope on every line let a district concatenate the files of many stations and periods.
    """
    scope = figures.scope.area_name or i18n.tr("reports.export_ward", lang)
    rows: list[list[object]] = []
    for table in exported_tables(figures, lang, names):
        body = table.rows + ([table.total] if table.total is not None else [])
        for number, row in enumerate(body, start=1):
            for field, value in zip(table.fields, row, strict=True):
                rows.append(
                    [
                        figures.period.code,
                        scope,
                        text(table.title),
                        number,
                        text(field.title),
                        "" if value is None else _csv_value(value),
                    ]
                )
    return rows


def _csv_value(value: object) -> object:
    return text(value) if isinstance(value, str) else value


def write_csv(figures: ReviewFigures, out: Path | str, lang: str | None = None, names: bool = False) -> Path:
    """UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly on a double click; a text that
    would read as a formula (an area named "=...") gets the apostrophe of `files.csv_field`."""

    def t(key: str) -> str:
        return i18n.tr(f"reports.{key}", lang)

    with files.atomic_output(out, kind="csv") as temp, temp.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                t("export_period"),
                t("export_scope"),
                t("csv_table"),
                t("csv_row"),
                t("csv_column"),
                t("csv_value"),
            ]
        )
        writer.writerows([files.csv_field(value) for value in row] for row in csv_rows(figures, lang, names))
    return Path(out)
