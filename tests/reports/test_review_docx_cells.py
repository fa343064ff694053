"""The review's Word tables are filled by copying each look's first cell (`review_docx._CellFiller`): every
cell must come out as python-docx's own API (`review_docx._cell`) writes it, whatever its text."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Pt
from lxml import etree

from desktop.reports.review_docx import _cell, _CellFiller

VALUES = [
    "Nguyễn Văn An", "", " lề trái", "lề phải ", "a\tb", "dòng 1\ndòng 2", "x\r\ny", "Nguye\u0302\u0303n",  # decomposed
    "1.234", "<&>\"'", "  ", "Đường số 7",
]
LOOKS = [("LEFT", False), ("RIGHT", False), ("CENTER", True), ("LEFT", True)]


def _table_xml(fill: bool) -> list[bytes]:
    doc = docx.Document()
    columns = len(LOOKS)
    table = doc.add_table(rows=len(VALUES), cols=columns)
    widths = [Pt(40 + 10 * index) for index in range(columns)]
    cells = table._cells
    filler = _CellFiller(11, widths)
    for row, value in enumerate(VALUES):
        for column, (align, bold) in enumerate(LOOKS):
            cell = cells[row * columns + column]
            if fill:
                filler(cell, value, align, column, bold=bold)
            else:
                _cell(cell, value, 11, align, bold=bold, width=widths[column])
    return [etree.tostring(tr) for tr in table._tbl.tr_lst]


def test_copied_cells_are_what_python_docx_writes() -> None:
    assert _table_xml(fill=True) == _table_xml(fill=False)


def test_copied_cells_read_back_with_their_own_text(tmp_path: Path) -> None:
    doc = docx.Document()
    table = doc.add_table(rows=len(VALUES), cols=1)
    filler = _CellFiller(11, [Pt(80)])
    for row, value in enumerate(VALUES):
        filler(table.cell(row, 0), value, "LEFT", 0)
    doc.save(str(tmp_path / "cells.docx"))
    read = [row.cells[0].text for row in docx.Document(str(tmp_path / "cells.docx")).tables[0].rows]
    assert read[0] == "Nguyễn Văn An" and read[2] == " lề trái" and read[4] == "a\tb" and read[7] == "Nguyễn"
    assert read[5] == "dòng 1\ndòng 2" and read[1] == "" and read[9] == "<&>\"'"
