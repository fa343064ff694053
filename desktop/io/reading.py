"""Reading the ward's lists as rows of text, streamed: XLSX sheet by sheet, CSV row by row, in any encoding.

Rows are read lazily (openpyxl's read-only parser, `csv` over a decoding stream), so a 50 MB list does not sit
in memory three times over. Encodings: UTF-8 with or without BOM, UTF-16 (Excel's "Unicode text", tab
separated), Windows-1258, and the TCVN3 and VNI font encodings of older government files, which
`desktop.io.encoding` recognises by whether the words read as Vietnamese; XLSX cells typed in those fonts hold
the same codes as characters U+0080–U+00FF and are converted the same way. Every cell comes out NFC with its
spaces tidied; a CSV cell loses the apostrophe WardBook's CSV exports put before a text a spreadsheet would run
as a formula (`files.csv_unguarded`), so an export imports back unchanged. What the reader decided (encoding,
which sheet) is told as notices in the dry run.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop import files, i18n
from desktop.errors import WardbookError
from desktop.io.cells import DateCell, ErrorCell, HiddenCell
from desktop.io.encoding import Reading, choose
from desktop.io.layout import HEADER_SEARCH_ROWS, find_header

Row = tuple[int, list[str]]  # the row number as the spreadsheet shows it, and its cells as text
SAMPLE_BYTES = 1 << 20  # what encoding and delimiter detection look at
SAMPLE_ROWS = 300  # XLSX rows whose text decides whether cells are in a legacy font encoding
DELIMITERS = (",", ";", "\t")
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"
ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI", "cp1258": "Windows-1258", "utf-16": "UTF-16"}


@dataclass(frozen=True)
class Notice:
    """Something the reader decided that the clerk should know (not a problem of a row)."""

    msg_id: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return i18n.tr(self.msg_id, lang, **self.params)


@dataclass
class Table:
    """One sheet of a workbook, or a CSV file: rows read on demand. `hidden` fills as rows are read."""

    name: str | None
    rows: Iterator[Row]
    hidden: list[int] = field(default_factory=list)
    hidden_columns: set[int] = field(default_factory=set)  # 0-based; known once the first row is read


@dataclass
class Source:
    tables: list[Table]
    notices: list[Notice] = field(default_factory=list)


_DATE_TOKEN = re.compile(r"yyyy|yy|d{3,4}|dd|d|m{3,5}|mm|m|[/.\- ]")


def shown_date(moment: datetime, number_format: str) -> str | None:
    """The date as a number format of days, months and years shows it ("d/m" → "12/3"), or None for any
    other format: one naming the month, a time, or Excel's short date (id 14), which each computer shows in
    its own order."""
    code = re.sub(r"^\[\$-[0-9A-Fa-f]+\]|;@$", "", number_format.lower()).replace("\\", "")
    tokens = _DATE_TOKEN.findall(code)
    if "".join(tokens) != code or not any(t[0] in "dmy" for t in tokens):
        return None
    if any(len(token) > 2 and token[0] in "dm" for token in tokens):
        return None  # the month's or the day's name
    parts = {"yyyy": f"{moment.year:04}", "yy": f"{moment.year % 100:02}", "dd": f"{moment.day:02}",
             "d": str(moment.day), "mm": f"{moment.month:02}", "m": str(moment.month)}
    return "".join(parts.get(token, token) for token in tokens)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return tidy(str(value))


def tidy(text: str) -> str:
    """`nfc()` (NFC, spaces collapsed and trimmed), skipping normalisation for ASCII cells: most of a list."""
    return " ".join((text if text.isascii() else unicodedata.normalize("NFC", text)).split())


def _converted(rows: Iterator[Row], reading: Reading) -> Iterator[Row]:
    for number, cells in rows:
        yield number, [reading.convert(cell) if not cell.isascii() else cell for cell in cells]


# --- CSV -------------------------------------------------------------------------------------------------


def _sample(path: Path) -> bytes:
    """The start of the file, plus some text around its first non-ASCII byte when the start is all ASCII (a
    long list whose first accented name comes late must still be judged on Vietnamese words)."""
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
        if head.isascii():
            while chunk := handle.read(SAMPLE_BYTES):
                found = next((i for i, byte in enumerate(chunk) if byte >= 0x80), None)
                if found is not None:
                    return head + b"\n" + chunk[max(0, found - 4096): found + 65536]
    return head


def _text_encoding(head: bytes) -> str | None:
    """The Unicode encoding of a text file, or None for an 8-bit code page."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    zeros = head[:400]
    if zeros.count(0) > len(zeros) // 4:  # UTF-16 without a BOM: every other byte of ASCII text is zero
        return "utf-16-le" if zeros[1::2].count(0) > zeros[0::2].count(0) else "utf-16-be"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    return "utf-8"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the sample into the most fields outside quotes (`;` lists from Vietnamese
    Excel, `,` elsewhere, tab in "Unicode text"); quoted delimiters and CRLF are the csv module's to handle."""
    lines = text.splitlines()[:200]
    counts = {d: sum(len(row) - 1 for row in csv.reader(lines, delimiter=d)) for d in DELIMITERS}
    return max(DELIMITERS, key=lambda d: (counts[d], d == ","))


def _csv_source(path: Path) -> Source:
    head = _sample(path)
    encoding = _text_encoding(head)
    if not (encoding or "").startswith("utf-16") and files.looks_binary(head):
        raise WardbookError("io.not_spreadsheet", path=path.name)
    sample = head.decode(encoding or "latin-1", errors="ignore")
    reading = choose(sample, eight_bit=encoding is None)
    if reading is None:
        raise WardbookError("io.encoding_unsure", path=path.name)
    notices = []
    name = reading.name if reading.name != "unicode" else (encoding or "").removesuffix("-le").removesuffix("-be")
    if name in ENCODING_NAMES:
        notices.append(Notice("io.encoding_used", {"encoding": ENCODING_NAMES[name]}))
    delimiter = sniff_delimiter(sample)
    stream_encoding = encoding or ("cp1258" if reading.name == "cp1258" else "latin-1")

    def rows() -> Iterator[Row]:
        with path.open(encoding=stream_encoding, newline="") as handle:
            try:
                for number, cells in enumerate(csv.reader(handle, delimiter=delimiter), start=1):
                    yield number, [tidy(files.csv_unguarded(cell)) for cell in cells]
            except (UnicodeDecodeError, csv.Error) as error:
                raise WardbookError("io.encoding_unsure", path=path.name) from error

    legacy = reading.name in ("tcvn3", "vni")
    return Source([Table(None, _converted(rows(), reading) if legacy else rows())], notices)


# --- XLSX ------------------------------------------------------------------------------------------------


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _VALUE, _TEXT, _COLUMN = f"{_MAIN}row", f"{_MAIN}v", f"{_MAIN}t", f"{_MAIN}col"


def _sheet_rows(book: Any, sheet: Any, table: Table) -> Iterator[Row]:
    """The rows of a read-only sheet as text, parsed from the sheet's XML in one lean pass.

    openpyxl's read-only parser builds a dictionary and descriptor objects per cell and drops the row
    attributes; reading the cells directly (with openpyxl's shared strings, date styles and conversions)
    takes a fraction of the time on a 70,000-row list, and sees hidden rows: a row the clerk hid or filtered
    out is not part of the list as shown, so it is skipped and counted."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import column_index_from_string
    from openpyxl.utils.datetime import from_excel, from_ISO8601

    strings, dates, epoch = sheet._shared_strings, book._date_formats, book.epoch
    formats = _number_formats(book)
    merged = _merged_down(sheet)
    covering: dict[int, tuple[int, str]] = {}  # column → (last row, text) of a merged range being read
    number = 0
    with sheet._get_source() as source:
        hidden_columns = table.hidden_columns
        for _, element in iterparse(source):
            if element.tag != _ROW:
                if element.tag == _COLUMN and element.get("hidden") in ("1", "true"):  # <cols> precede the rows
                    hidden_columns.update(range(int(element.get("min", 1)) - 1, int(element.get("max", 1))))
                continue
            number = int(element.get("r") or number + 1)
            if element.get("hidden") in ("1", "true"):
                table.hidden.append(number)
                element.clear()
                continue
            values: list[str] = []
            for cell in element:
                reference = cell.get("r")
                column = column_index_from_string(reference.rstrip("0123456789")) if reference else len(values) + 1
                kind = cell.get("t", "n")
                raw = cell.findtext(_VALUE)
                if kind == "inlineStr":
                    text = tidy("".join(t.text or "" for t in cell.iter(_TEXT)))
                elif not raw:  # no value, or a formula never computed (a file written by a program)
                    text = ""
                elif kind == "s":
                    text = tidy(str(strings[int(raw)]))
                elif kind == "n" and int(cell.get("s", 0)) in dates:
                    moment = from_excel(float(raw), epoch)
                    style = int(cell.get("s", 0))
                    text = DateCell(cell_text(moment), shown_date(moment, formats[style])
                                    if isinstance(moment, datetime) and style < len(formats) else None)
                elif kind == "n":
                    text = cell_text(float(raw) if "." in raw or "E" in raw.upper() else int(raw))
                elif kind == "d":
                    text = cell_text(from_ISO8601(raw))
                elif kind == "e":
                    text = ErrorCell(raw.strip())
                else:  # "str" (a formula's text), "b"
                    text = tidy(raw)
                values.extend([""] * (column - 1 - len(values)))
                # (Both looked up only in a sheet that has such columns or ranges: this runs for every cell.)
                values.append(HiddenCell(text) if hidden_columns and column - 1 in hidden_columns
                              and type(text) is str else text)
                if merged and (number, column - 1) in merged:
                    covering[column - 1] = (merged[number, column - 1], text)
            element.clear()
            for column, (last, text) in list(covering.items()) if covering else ():
                if number > last:
                    del covering[column]
                    continue
                values.extend([""] * (column + 1 - len(values)))
                values[column] = values[column] or text
            yield number, values


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merged_down(sheet: Any) -> dict[tuple[int, int], int]:
    """The merged ranges one column wide and several rows tall, as (first row, 0-based column) → last row.

    Clerks merge a household's STT and address down over its members' rows: the value shows on every row,
    but the file keeps it in the first cell only. The ranges are listed after the rows in the sheet's XML, so
    they are found by a byte scan first (a fraction of the time the rows take)."""
    from openpyxl.utils.cell import column_index_from_string

    found: dict[tuple[int, int], int] = {}
    tail = b""
    with sheet._get_source() as source:
        while chunk := source.read(SAMPLE_BYTES):
            data = tail + chunk
            for match in _MERGE.finditer(data):
                first, top, last, bottom = match.groups()
                if first == last and int(bottom) > int(top):
                    found[int(top), column_index_from_string(first.decode()) - 1] = int(bottom)
            tail = data[-200:]
    return found


def _number_formats(book: Any) -> list[str]:
    """Each cell style's number format code, by style index (openpyxl numbers custom formats from 164)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    codes = []
    for style in book._cell_styles:
        number = style.numFmtId
        if number >= BUILTIN_FORMATS_MAX_SIZE and number - BUILTIN_FORMATS_MAX_SIZE < len(book._number_formats):
            codes.append(book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE])
        else:
            codes.append("" if number == 14 else BUILTIN_FORMATS.get(number, ""))  # 14: the computer's date order
    return codes


def _legacy_cells(table: Table, path: Path) -> Notice | None:
    """Cells typed in a TCVN3 or VNI font are converted; the sheet's first rows decide."""
    first = list(itertools.islice(table.rows, SAMPLE_ROWS))
    sample = "\n".join(" ".join(cells) for _, cells in first)
    reading = choose(sample, eight_bit=False)
    if reading is None:
        raise WardbookError("io.encoding_unsure", path=path.name)
    rows: Iterator[Row] = itertools.chain(first, table.rows)
    if reading.name in ENCODING_NAMES:
        table.rows = _converted(rows, reading)
        return Notice("io.encoding_used", {"encoding": ENCODING_NAMES[reading.name]})
    table.rows = rows
    return None


def _choose_sheets(book: Any, wanted: str | None, all_sheets: bool) -> list[Any]:
    sheets = list(book.worksheets)
    visible = [s for s in sheets if s.sheet_state == "visible"]
    if all_sheets:
        return visible
    if wanted is None:
        active = book.active
        return [active if active in visible else (visible or sheets)[0]]
    by_name = {s.title.strip().casefold(): s for s in sheets}
    if wanted.strip().casefold() in by_name:
        return [by_name[wanted.strip().casefold()]]
    if wanted.strip().isdigit() and 1 <= int(wanted) <= len(sheets):
        return [sheets[int(wanted) - 1]]
    raise WardbookError("io.no_such_sheet", value=wanted,
                        sheets=", ".join(f"{n}. {s.title}" for n, s in enumerate(sheets, start=1)),
                        hidden=", ".join(s.title for s in sheets if s.sheet_state != "visible") or "—")


def _xlsx_source(path: Path, sheet: str | None, all_sheets: bool) -> Source:
    import openpyxl
    from openpyxl.utils.cell import get_column_letter

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    chosen = _choose_sheets(book, sheet, all_sheets)
    notices: list[Notice] = []
    if len(book.worksheets) > 1:
        hidden = [s.title for s in book.worksheets if s.sheet_state != "visible"]
        notices.append(Notice("io.sheets", {"sheets": ", ".join(s.title for s in book.worksheets),
                                            "hidden": ", ".join(hidden) or "—",
                                            "read": ", ".join(s.title for s in chosen)}))
    tables = []
    for worksheet in chosen:
        table = Table(worksheet.title, iter(()))
        table.rows = _sheet_rows(book, worksheet, table)
        notice = _legacy_cells(table, path)
        if notice and notice not in notices:
            notices.append(notice)
        if table.hidden_columns:
            notices.append(Notice("io.hidden_columns", {"sheet": table.name, "columns": ", ".join(
                get_column_letter(number + 1) for number in sorted(table.hidden_columns))}))
        tables.append(table)
    if all_sheets and len(tables) > 1:
        tables = _with_header(tables, notices)
    return Source(tables, notices)


def _with_header(tables: list[Table], notices: list[Notice]) -> list[Table]:
    """The sheets with a list's header, when every visible sheet is read: a workbook's summary or notes sheet
    ("Tổng hợp") is skipped and named, instead of refusing the whole workbook."""
    kept, skipped = [], []
    for table in tables:
        top = list(itertools.islice(table.rows, HEADER_SEARCH_ROWS))
        table.rows = itertools.chain(top, table.rows)
        try:
            find_header([cells for _, cells in top])
        except WardbookError as error:
            if error.msg_id != "io.no_header":
                raise
            skipped.append(table.name or "")
            continue
        kept.append(table)
    if not kept:
        raise WardbookError("io.no_header_sheets", sheets=", ".join(skipped))
    if skipped:
        notices.append(Notice("io.sheets_without_header", {"sheets": ", ".join(skipped)}))
    return kept


def open_source(path: Path, sheet: str | None = None, *, all_sheets: bool = False) -> Source:
    """The file's tables, recognised by content (a renamed or password-protected file is named as such)."""
    files.check_source(path)
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except OSError as error:
        raise WardbookError("io.cannot_open", path=path.name) from error
    suffix = path.suffix.lower()
    if magic.startswith(_OLE):
        raise WardbookError("io.old_or_protected", path=path.name)
    try:
        if magic.startswith(_ZIP):
            return _xlsx_source(path, sheet, all_sheets)
        if suffix in (".csv", ".txt", ".tsv"):
            return _csv_source(path)
    except WardbookError:
        raise
    except Exception as error:  # a zip that is no workbook, a damaged file: said in the user's language
        raise WardbookError("io.not_spreadsheet", path=path.name) from error
    if suffix in (".xlsx", ".xlsm"):
        raise WardbookError("io.not_spreadsheet", path=path.name)
    raise WardbookError("io.unknown_format", path=path.name)

