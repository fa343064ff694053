"""The layout of a hand-made list: where its header is, and which rows are not people or households.

Lists made for the ward office follow the administrative form, not a database: a title of one or two rows, a
header that may take two rows ("Năm sinh" over "Nam" | "Nữ", "Địa chỉ" over "Số nhà" | "Đường"), a row
numbering the columns (1, 2, 3…), group rows ("TỔ 1"), a totals row ("Tổng cộng: 45 hộ") and a signature block
below the table. Those rows are skipped and listed as skipped, not reported as errors the clerk must delete.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop import i18n
from desktop.errors import WardbookError
from desktop.io.cells import HiddenCell
from desktop.io.columns import guess_field, normalise_header, other_list
from desktop.search.folding import fold

HEADER_SEARCH_ROWS = 15
BY_GENDER = {"birth_year": ("birth_year_male", "birth_year_female"), "gender": ("gender_male", "gender_female")}
NAME_PARTS = ("family_name", "middle_name", "given_name")
_GROUP = re.compile(r"(to|to dan pho|khu pho|kp|ap|nhom|cum)\s*(so)?\s*[\dIVXivx]+[.:]?( .*)?")
# "Tổng cộng…" / "Tổng số…" whatever follows; a bare "Cộng" / "Tổng" (also a family name, Tống) only before a
# count, a colon or the group it sums ("Cộng KP1: 2 hộ").
_TOTAL = re.compile(r"(tong cong|tong so)\b.*|(cong|tong|total)( ho| nhan khau| nguoi| (kp|khu pho|to|ap) ?\d+\w*)?"
                    r"( ?[:(].*| \d.*|)")
_SIGNATURE = re.compile(
    r"(nguoi lap( bieu| danh sach)?|nguoi ky|ky ten|\(?ky,? ghi ro ho ten\)?|xac nhan|truong khu pho|"
    r"khu pho truong|truong ban|bi thu chi bo|to truong|tm\.? |t/m |ubnd|can bo|ngay \d* ?thang \d* ?nam|"
    r".*, ngay .*thang.*nam|.*\bngay \d{1,2} thang \d{1,2} nam \d{4}|ngay \d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$).*")
_COLUMN_NUMBER = re.compile(r"\(?(\d+|[a-z])\)?")
SKIP_KINDS = ("numbering", "group", "total", "signature")


@dataclass(frozen=True)
class Header:
    index: int  # position of the (first) header row among the rows searched
    rows: int  # 1, or 2 when a second row names sub-columns
    mapping: dict[int, str]  # column → field
    headers: list[str]  # each column's header as the file writes it (both rows joined)


def _guess_row(row: list[str], saved: dict[str, str] | None) -> dict[int, str]:
    """Each column's field, the first column naming it winning; a hidden column (`cells.HiddenCell`) only
    for a field no visible column names."""
    mapping: dict[int, str] = {}
    for hidden in (False, True):
        for column, header in enumerate(row):
            if isinstance(header, HiddenCell) != hidden:
                continue
            guessed = (saved or {}).get(normalise_header(header)) or guess_field(header)
            if guessed and guessed not in mapping.values():
                mapping[column] = guessed
    return dict(sorted(mapping.items()))


def find_header(rows: list[list[str]], saved: dict[str, str] | None = None) -> Header:
    """The header among the top rows: the row naming the most known columns, completed by the row below when
    that row names sub-columns (under an empty or merged cell, or "Nam" / "Nữ" under a birth-year column)."""
    best: tuple[int, dict[int, str]] = (-1, {})
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = _guess_row(row, saved)
        if len(mapping) > len(best[1]):
            best = (index, mapping)
    index, mapping = best
    mapping = _name_columns(mapping)
    fields = set(mapping.values())
    if len(fields) < 2 or not ({"full_name", "head_name"} & fields):
        for row in rows[:HEADER_SEARCH_ROWS]:
            kind = other_list(row)
            if kind:
                raise WardbookError("io.other_list", kind=i18n.Ref(f"io.list_{kind}"))
        raise WardbookError("io.no_header")
    header = rows[index]
    below = rows[index + 1] if index + 1 < len(rows) else []
    sub: dict[int, str] = {}
    grouped: dict[int, str] = {}  # sub-columns under a heading that names no column itself ("Địa chỉ")
    for column, text in enumerate(below):
        above = header[column] if column < len(header) else ""
        if not text.strip() or (above.strip() and column in mapping):
            continue
        guessed = (saved or {}).get(normalise_header(text)) or guess_field(text)
        if guessed:
            (grouped if above.strip() else sub)[column] = guessed
    # A merged heading keeps its text in its first cell only: "Số nhà" sits under "Địa chỉ", "Đường" under the
    # empty rest of it. The first is taken only when the row is a row of sub-columns (one under an empty cell),
    # so a data row's text under a heading that names nothing is never taken for one.
    if sub:
        sub.update(grouped)
    sub.update(_by_gender(header, below))
    sub.update(_name_parts(header, below, mapping))
    if not sub:
        return Header(index, 1, mapping, list(header))
    merged = {c: f for c, f in mapping.items() if c not in sub and f not in sub.values()}
    merged.update(sub)
    merged = _name_columns(merged)
    width = max(len(header), len(below))
    texts = [" ".join(t for t in ((header + [""] * width)[c], (below + [""] * width)[c]) if t.strip())
             for c in range(width)]
    return Header(index, 2, merged, texts)


def _by_gender(header: list[str], below: list[str]) -> dict[int, str]:
    """ "Năm sinh" or "Giới tính" (merged over two columns) above "Nam" | "Nữ": the year, or a mark, is written
    in the column of the person's gender. Both sub-headers must be there, so a data row's "Nam" is never taken
    for one."""
    folded = [fold(text).strip() for text in below]
    found: dict[int, str] = {}
    for column in range(len(folded) - 1):
        above = header[column] if column < len(header) else ""
        next_above = header[column + 1] if column + 1 < len(header) else ""
        split = BY_GENDER.get(guess_field(above) or "")
        if folded[column] == "nam" and folded[column + 1] == "nu" and split and not next_above.strip():
            found.update({column: split[0], column + 1: split[1]})
    return found


def _name_parts(header: list[str], below: list[str], mapping: dict[int, str]) -> dict[int, str]:
    """ "Họ và tên" merged over "Họ đệm" | "Tên": the parts under the heading are the name's columns."""
    parts: dict[int, str] = {}
    for column, field in mapping.items():
        if field != "full_name":
            continue
        for under in range(column, len(below)):
            if under > column and under < len(header) and header[under].strip():
                break
            part = guess_field(below[under])
            if part not in NAME_PARTS:
                break
            parts[under] = part
    return parts if "given_name" in parts.values() else {}


def _name_columns(mapping: dict[int, str]) -> dict[int, str]:
    """A name split over columns: without a full-name column the given name's column is read as the name
    (`desktop.io.rows` puts the family and middle names before it); beside a full-name column, a family or
    middle name column without a given name column is left unread (the full name already holds it)."""
    fields = set(mapping.values())
    if "full_name" not in fields and "given_name" in fields:
        return {c: "full_name" if f == "given_name" else f for c, f in mapping.items()}
    if "full_name" in fields and "given_name" not in fields:
        return {c: f for c, f in mapping.items() if f not in NAME_PARTS}
    return mapping


def skip_kind(row: list[str], name_column: int | None) -> str | None:
    """Why a row is not a person or household, or None when it is one (or a row with a problem to report)."""
    first_cell = next((cell for cell in row if cell), "")
    if first_cell.isdigit() and not all(cell.isdigit() for cell in row if cell):
        return None  # the usual row: its number (STT), then a name
    filled = [cell.strip() for cell in row if cell.strip()]
    if not filled:
        return None
    if _numbers_columns(filled):
        return "numbering"
    first = fold(filled[0])
    if _TOTAL.fullmatch(first) and not _has_name(row, name_column, filled[0]):
        return "total"
    if len(filled) <= 2 and _GROUP.fullmatch(first) and not _has_name(row, name_column, filled[0]):
        return "group"
    if _SIGNATURE.fullmatch(first) and len(filled) <= 3:
        return "signature"  # the block under the table starts: every row from here down is skipped
    return None


def _numbers_columns(filled: list[str]) -> bool:
    """A row numbering the columns: "1 2 3…", "(1) (2) (3)…" or "A B C…", at least three in sequence."""
    if len(filled) < 3 or not _COLUMN_NUMBER.fullmatch(filled[0].lower()):
        return False  # every row of the list comes here: its first cell alone tells most apart
    found = [_COLUMN_NUMBER.fullmatch(cell.lower()) for cell in filled]
    if not all(found):
        return False
    numbers = [int(n) if n.isdigit() else ord(n) for n in (match.group(1) for match in found if match)]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _has_name(row: list[str], name_column: int | None, besides: str = "") -> bool:
    if name_column is None or name_column >= len(row):
        return False
    text = row[name_column].strip()
    return bool(text) and text != besides

