"""A page of a `PagedTable` is drawn straight onto the canvas: it must look exactly as reportlab's own `Table`
drew the same cells with the same style (the reference here), and its cells must come out the same when read
back — the same characters in the same fonts at the same places, the same rules."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Table, TableStyle

from desktop.reports.fonts import BOLD, REGULAR, register_fonts
from desktop.reports.tables import PAD_BOTTOM, PAD_TOP, PAD_X, Column, PagedTable, _PagePart, _Rows

COLUMNS = [
    Column("STT", 12 * mm, "CENTER"),
    Column("Họ và tên chủ hộ", 45 * mm),
    Column("Địa chỉ (số nhà, đường, tổ dân phố)", 60 * mm),
    Column("Số lượt thăm", 22 * mm, "RIGHT"),
]
ROWS = [
    ["1", "Nguyễn Thị Hòa", "12 Lê Lợi, tổ 3", "4"],
    ["2", "Trần Văn Bình & con <Tý>", "", "1.234"],
    ["3", "Lê Thị Phương Hương Thị Mai Thị Lan Thị Cúc Thị Đào", "Hẻm 183/7 Trần Hưng Đạo", "0"],
    ["4", "Đặng Công Hải", "Chung cư B, tầng 9\nphòng 912", "12"],
]
TOTAL = ["", "Cộng", "", "1.250"]


def reference_table(rows: _Rows, taken: list[tuple[list[object], float]], total: bool, empty: str | None) -> Table:
    """What the table's page was before: reportlab's Table of the same cells and heights, same style."""
    data = [rows.header, *(cells for cells, _ in taken)]
    heights = [rows.header_height, *(height for _, height in taken)]
    if empty is not None:
        data.append([empty, *([""] * (len(COLUMNS) - 1))])
        heights.append(rows.line + PAD_TOP + PAD_BOTTOM)
    if total and rows.total is not None:
        data.append(rows.total)
        heights.append(rows.total_height)
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR), ("FONTSIZE", (0, 0), (-1, -1), rows.size),
        ("LEADING", (0, 0), (-1, -1), rows.line), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X), ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
        *(("ALIGN", (index, 1), (index, -1), column.align) for index, column in enumerate(COLUMNS)),
    ]
    if total:
        commands.append(("FONTNAME", (0, len(data) - 1), (-1, len(data) - 1), BOLD))
    if empty is not None:
        commands += [("SPAN", (0, 1), (-1, 1)), ("ALIGN", (0, 1), (-1, 1), "CENTER")]
    table = Table(data, colWidths=[column.width for column in COLUMNS], rowHeights=heights, spaceAfter=6)
    table.setStyle(TableStyle(commands))
    return table


def drawn(flowable: Flowable, out: Path) -> tuple[list[tuple[object, ...]], set[tuple[float, ...]]]:
    """The characters (text, place, font, size) and the rules of a one-page PDF holding `flowable`."""
    SimpleDocTemplate(str(out), pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm, topMargin=20 * mm,
                      bottomMargin=20 * mm).build([flowable])
    with pdfplumber.open(out) as pdf:
        (page,) = pdf.pages
        chars = sorted((c["text"], round(c["x0"], 2), round(c["top"], 2), c["fontname"], round(c["size"], 2))
                       for c in page.chars)
        rules = {tuple(round(v, 2) for v in (line["x0"], line["top"], line["x1"], line["bottom"]))
                 for line in page.lines}
    return chars, rules


@pytest.mark.parametrize("case", ["rows and total", "rows only", "empty"])
def test_a_page_is_drawn_as_reportlabs_table_drew_it(case: str, tmp_path: Path) -> None:
    register_fonts()
    rows = PagedTable(COLUMNS, ROWS, total=TOTAL).rows
    taken = [] if case == "empty" else [rows.row(index) for index in range(len(ROWS))]
    assert any(not isinstance(cell, str) for cells, _ in taken for cell in cells) or case == "empty"  # wrapped
    total = case == "rows and total"
    empty = "Không có" if case == "empty" else None
    ours = drawn(_PagePart(rows, taken, with_total=total, spanned=empty), tmp_path / "ours.pdf")
    theirs = drawn(reference_table(rows, taken, total, empty), tmp_path / "reportlab.pdf")
    assert ours[0] == theirs[0]
    assert ours[1] == theirs[1]
    # and the comparison compared something: the cells are there, the total in bold, every rule drawn
    letters = {str(char[0]) for char in ours[0]}
    assert set("Khôngcó" if empty else "&<>ĐặHòa") <= letters
    assert any("Bold" in str(char[3]) and char[0] == "C" for char in ours[0]) == total
    assert len(ours[1]) >= len(COLUMNS) + 1 + (2 if empty else len(ROWS) + 1)


def test_reportlab_runs_with_its_c_accelerators() -> None:
    """`rl-accel` is a dependency: without it reportlab formats every number and stream in Python, and a long
    list takes a third longer. reportlab falls back silently, so the fallback is caught here."""
    from reportlab.lib import rl_accel

    assert all(type(getattr(rl_accel, name)).__name__ == "builtin_function_or_method"
               for name in ("fp_str", "asciiBase85Encode", "escapePDF", "instanceStringWidthTTF"))
