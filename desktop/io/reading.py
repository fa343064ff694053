"""Reading spreadsheets as rows of text: XLSX through openpyxl, CSV in whatever encoding Excel wrote.

Excel's "CSV UTF-8" has a BOM, older Vietnamese Windows writes Windows-1258 (where tones are separate combining
characters), and people paste NFD text: every cell comes out NFC with its spaces tidied.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

from desktop.errors import WardbookError
from desktop.text import nfc

Rows = list[list[str]]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return nfc(str(value))


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) when it decodes, else Windows-1258; then NFC."""
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def read_csv(path: Path) -> Rows:
    text = decode(path.read_bytes())
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[_cell_text(cell) for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def read_xlsx(path: Path, sheet: str | None = None) -> Rows:
    """Cells as text; a merged cell's value is copied into every cell it covers (merged header cells)."""
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    if sheet is not None and sheet not in book.sheetnames:
        raise WardbookError("io.unreadable", path=str(path), reason=f"sheet '{sheet}' ∉ {book.sheetnames}")
    worksheet = book[sheet] if sheet else book.worksheets[0]
    rows = [[_cell_text(value) for value in row] for row in worksheet.iter_rows(values_only=True)]
    for merged in worksheet.merged_cells.ranges:
        value = rows[merged.min_row - 1][merged.min_col - 1]
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                rows[row - 1][column - 1] = value
    return rows


def read_rows(path: Path, sheet: str | None = None) -> Rows:
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return read_csv(path)
        if suffix in (".xlsx", ".xlsm"):
            return read_xlsx(path, sheet)
    except WardbookError:
        raise
    except Exception as error:  # a damaged file: say so in the user's language
        raise WardbookError("io.unreadable", path=str(path), reason=str(error)) from error
    raise WardbookError("io.unknown_format", path=str(path))
