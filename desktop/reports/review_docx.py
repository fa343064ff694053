"""The review as a Word document (DOCX), in the same Decree 30 layout as the PDF, for the clerk to finish in
Word as wards do: the number, a last sentence, the signature.

It draws the same `review_document` blocks as the PDF: A4 with the decree's margins, the two-column title
block with its short rules, "BÁO CÁO" and the summary line, a 13 pt justified body in Times New Roman with a
first-line indent, bold upright headings kept with what follows, the tables with their captions (header row
repeated on each page, rows never split), "Nơi nhận" beside the signature, page numbers from page 2, and the
annexes on pages of their own. The charts stand where the PDF draws them, as pictures of the same drawings
(`desktop.reports.charts`), their captions below.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import deepcopy
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.document import Document as Docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

from desktop import files, i18n
from desktop.reports.charts import chart_png, review_chart
from desktop.reports.document import body_width, issuer_rule
from desktop.reports.fonts import BOLD, register_fonts, text_width
from desktop.reports.formatting import date_line, text
from desktop.reports.review_doc import KIND_CODE, Block, ReviewDocument, annex_reference
from desktop.reports.review_tables import DataTable
from desktop.reports.settings import ReportSettings
from desktop.reports.tables import PAD_X, Column, fit_columns

if TYPE_CHECKING:
    from desktop.reports.figures import ReviewFigures

FONT = "Times New Roman"
BODY_PT = 13
CELL_PT = 11
ANNEX_CELL_PT = 10
RULE_LINE = 2  # points: the height of a short rule's empty line
HEADING_STYLES = {"heading": "Heading 1", "subheading": "Heading 2"}  # "I. …" and "1. …": Word's outline levels
_ALIGN = {"LEFT": WD_ALIGN_PARAGRAPH.LEFT, "RIGHT": WD_ALIGN_PARAGRAPH.RIGHT, "CENTER": WD_ALIGN_PARAGRAPH.CENTER}


def _t(msg_id: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"reports.{msg_id}", lang, **params)


def write_review_docx(
    document: ReviewDocument,
    settings: ReportSettings,
    out: Path | str,
    *,
    issued_on: date,
    lang: str | None = None,
    figures: ReviewFigures | None = None,
) -> Path:
    """Write the review's DOCX into `out`, atomically; `figures` draw its charts (a document with chart
    blocks needs them)."""
    register_fonts()  # the rules are measured with the PDF's metrics (Liberation Serif: Times' widths)
    doc = Document()
    _page(doc)
    _title_block(doc, settings, issued_on, lang)
    _centred(doc, _t("kind_report", lang), 14, bold=True, before=12)
    _centred(doc, document.summary, 14, bold=True)
    _rule(doc, text_width(text(document.summary.split("\n")[-1]), BOLD, 14) / 3)
    if settings.addressee:
        _centred(doc, _t("addressee", lang, to=settings.addressee), 14, after=6)
    for block in document.blocks:
        if block.kind == "chart":
            if figures is None:
                raise ValueError("a review with charts needs its figures")
            _chart(doc, review_chart(block.chart, figures, body_width(), lang), block.caption)
        elif block.kind == "table":
            assert block.table is not None
            _table(doc, block.table, lang, block.caption, CELL_PT)
        else:
            _block(doc, block)
    _body(doc, document.closing)
    _closing(doc, settings, lang)
    reference = annex_reference(settings, issued_on, lang)
    for annex in document.annexes:
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _centred(doc, _t("annex_label", lang, number=annex.number), 14, bold=True)
        _centred(doc, annex.table.title.upper(), 14, bold=True)
        _centred(doc, reference, 14, italic=True, after=6)
        _table(doc, annex.table, lang, None, ANNEX_CELL_PT)
    with files.atomic_output(out, kind="docx") as temp:
        doc.save(str(temp))
    return Path(out)


def _page(doc: Docx) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(8)
    section.different_first_page_header_footer = True  # page numbers from page 2
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(number, "PAGE")
    style = doc.styles["Normal"]
    style.font.size = Pt(BODY_PT)
    _typeface(style.element.get_or_add_rPr())
    style.paragraph_format.space_after = Pt(0)
    for name in HEADING_STYLES.values():
        _heading_style(doc, name)


def _typeface(properties: CT_RPr) -> None:
    """Times New Roman for every script, in place of any theme font (a theme font would win over it)."""
    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _heading_style(doc: Docx, name: str) -> None:
    """Word's heading style restyled to the decree's section heading, as the PDF draws it: 13 pt Times New
    Roman, bold upright, black, indented like the body and kept with what follows. Being Word's own heading
    styles, the headings show in the navigation pane and a table of contents, and restyle all at once."""
    style = doc.styles[name]
    _typeface(style.element.get_or_add_rPr())
    style.font.size = Pt(BODY_PT)
    style.font.bold, style.font.italic = True, False
    style.font.color.rgb = RGBColor(0, 0, 0)
    _body_format(style, keep=True)
    style.paragraph_format.space_before = Pt(6)
    style.paragraph_format.keep_together = False


def _field(paragraph: Paragraph, code: str) -> None:
    run = paragraph.add_run()
    for kind, value in (("begin", None), ("instr", code), ("separate", None), ("text", "2"), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {value} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = str(value)
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
    run.font.size = Pt(BODY_PT)


def _run(paragraph: Paragraph, value: str, size: float, *, bold: bool = False, italic: bool = False) -> None:
    run = paragraph.add_run(text(value))
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic


def _centred(
    doc: Docx,
    value: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    before: float = 0,
    after: float = 0,
) -> Paragraph:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(before)
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.keep_with_next = True
    _run(paragraph, value, size, bold=bold, italic=italic)
    return paragraph


def _rule(owner: Docx | _Cell, length_pt: float, *, width_pt: float = 0) -> None:
    """A short rule: an empty paragraph with a bottom border, indented to `length_pt` wide and centred in
    its column (`width_pt`, or the body's width)."""
    paragraph = owner.add_paragraph()
    width = width_pt or (210 - 45) / 25.4 * 72
    side = max((width - length_pt) / 2, 0)
    paragraph.paragraph_format.left_indent = Pt(side)
    paragraph.paragraph_format.right_indent = Pt(side)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = Pt(RULE_LINE)  # exactly: the rule just under the text above
    paragraph.paragraph_format.keep_with_next = True
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_BORDERS)
    run = paragraph.add_run()
    run.font.size = Pt(RULE_LINE)


def _grid(table: Table, widths_pt: list[float]) -> list[Length]:
    """Fix the table's columns to these widths (returned as lengths, for its cells): the grid and the table's
    width, with a fixed layout. Word reads the cells' widths, LibreOffice the grid: with the widths on the cells
    alone, LibreOffice made every column as wide as the others."""
    widths: list[Length] = [Pt(width) for width in widths_pt]
    table.autofit = False  # a fixed layout
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width.twips))
    table_width = table._tbl.tblPr.find(qn("w:tblW"))
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(sum(width.twips for width in widths)))
    return widths


def _cell_margins(table: Table, side_pt: float) -> None:
    """The cells' left and right margins, as the PDF pads its cells: the same text fits the same widths."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(side_pt * 20)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _table_property(table, margins)


# a paragraph's properties that come after its borders in the schema (those this module sets)
_AFTER_BORDERS = ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
_TABLE_PROPERTIES = ("tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")  # their order in the schema


def _table_property(table: Table, element: BaseOxmlElement) -> None:
    """Add a table property where the schema puts it (Word rejects a file with them out of order)."""
    later = _TABLE_PROPERTIES[_TABLE_PROPERTIES.index(element.tag.split("}")[1]) + 1 :]
    table._tbl.tblPr.insert_element_before(element, *(f"w:{name}" for name in later))


def _no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    _table_property(table, borders)


def _title_block(doc: Docx, settings: ReportSettings, issued_on: date, lang: str | None) -> None:
    body_pt = (210 - 45) / 25.4 * 72
    left_pt, right_pt = body_pt * 0.42, body_pt * 0.58
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    _cell_margins(table, 0)  # Word's padding took 11 pt off each column: the date line fitted the PDF, not here
    widths = _grid(table, [left_pt, right_pt])
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = widths
    left, right = table.cell(0, 0), table.cell(0, 1)
    first = left.paragraphs[0]
    first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    issuer_lines = settings.issuing_body.split("\n")
    if settings.superior_body:
        _run(first, settings.superior_body, 12)
        first = left.add_paragraph()
        first.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, line in enumerate(issuer_lines):
        if index:
            first.add_run().add_break()
        _run(first, line, 12, bold=True)
    last = issuer_lines[-1]
    _rule(left, issuer_rule(last), width_pt=left_pt)
    national = right.paragraphs[0]
    national.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(national, _t("national_title", lang), 12, bold=True)
    motto_text = _t("motto", lang)
    motto = right.add_paragraph()
    motto.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(motto, motto_text, 13, bold=True)
    _rule(right, text_width(motto_text, BOLD, 13), width_pt=right_pt)
    number = table.cell(1, 0).paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(number, _t("number_line", lang, kind=KIND_CODE, symbol=settings.symbol), BODY_PT)
    dated = table.cell(1, 1).paragraphs[0]
    dated.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines, size = date_line(settings.place, issued_on, right_pt, lang)
    for index, line in enumerate(lines):
        if index:
            dated.add_run().add_break()
        _run(dated, line, size, italic=True)


def _body(doc: Docx, value: str, *, keep: bool = False) -> Paragraph:
    paragraph = doc.add_paragraph()
    _body_format(paragraph, keep)
    if value:
        _run(paragraph, value, BODY_PT)
    return paragraph


def _body_format(paragraph: Paragraph | ParagraphStyle, keep: bool) -> None:
    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.first_line_indent = Mm(10)
    paragraph.paragraph_format.space_after = Pt(6)
    paragraph.paragraph_format.line_spacing = 1.15
    paragraph.paragraph_format.keep_with_next = keep
    paragraph.paragraph_format.widow_control = True


def _block(doc: Docx, block: Block) -> None:
    if block.kind in ("heading", "subheading"):
        doc.add_paragraph(text(block.text), style=HEADING_STYLES[block.kind])  # its look is the style's
    elif block.kind == "lead":
        paragraph = _body(doc, "")
        _run(paragraph, block.lead_in, BODY_PT, italic=True)
        _run(paragraph, block.text, BODY_PT)
    elif block.kind == "note":
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(6)
        paragraph.paragraph_format.keep_with_next = True
        _run(paragraph, block.text, 12, italic=True)
    else:
        _body(doc, block.text)


def _chart(doc: Docx, drawing: Drawing, caption: str) -> None:
    """The chart as the PDF sets it: a little space, the picture at the drawing's own size (the body's width),
    centred and kept with its caption below; the caption is also the picture's description (alt text)."""
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(
        io.BytesIO(chart_png(drawing)), width=Pt(drawing.width), height=Pt(drawing.height)
    )
    shape._inline.docPr.set("descr", text(caption))
    _centred(doc, caption, 12, italic=True, before=4, after=4).paragraph_format.keep_with_next = False


def _table(doc: Docx, data: DataTable, lang: str | None, caption: str | None, size: float) -> None:
    if caption:
        _centred(doc, caption, 12, italic=True, before=4, after=4)
    rows = [[field.show(value, lang) for field, value in zip(data.fields, row, strict=True)] for row in data.rows]
    total = (
        [field.show(value, lang) for field, value in zip(data.fields, data.total, strict=True)]
        if data.total is not None
        else None
    )
    body = rows or [[_t("none", lang), *([""] * (len(data.fields) - 1))]]
    table = doc.add_table(rows=1 + len(body) + (1 if total else 0), cols=len(data.fields))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    planned = [Column(field.title, field.width_mm * mm, field.align) for field in data.fields]
    widths = _grid(table, [column.width for column in fit_columns(planned, body, total, size)])  # as the PDF
    _cell_margins(table, PAD_X)
    cells = table._cells  # one pass over the grid: python-docx's cell() walks the XML for every call
    columns = len(data.fields)
    fill = _CellFiller(size, widths)
    for index, field in enumerate(data.fields):
        fill(cells[index], field.title, "CENTER", index, bold=True)
    _repeat_header(table)
    for row_index, values in enumerate(body, start=1):
        for index, value in enumerate(values):
            align = data.fields[index].align if rows else "CENTER"
            fill(cells[row_index * columns + index], value, align, index)
    if total:
        last = len(body) + 1
        for index, value in enumerate(total):
            fill(cells[last * columns + index], value, data.fields[index].align, index, bold=True)
    _cant_split_rows(table)
    spacer = doc.add_paragraph()
    spacer.paragraph_format.space_after = Pt(0)
    _run(spacer, "", 4)


def _cell(cell: _Cell, value: str, size: float, align: str, *, bold: bool = False, width: Length) -> None:
    cell.width = width
    paragraph = cell.paragraphs[0]
    paragraph.alignment = _ALIGN[align]
    paragraph.paragraph_format.keep_with_next = False
    _run(paragraph, value, size, bold=bold)


class _CellFiller:
    """Fills a table's cells as `_cell` does, fast: the first cell of each look (column, alignment, bold) is
    made by `_cell` through python-docx; every other cell of that look gets a copy of its XML with its own text.

    python-docx finds each property's place in the schema anew for every cell (keep-with-next, alignment, size,
    bold, italic: a few dozen searches of child lists per cell), which made the tables of a review's Word copy
    take ten times what python-docx takes to write the same text into plain cells."""

    def __init__(self, size: float, widths: Sequence[Length]) -> None:
        self.size = size
        self.widths = widths
        self.looks: dict[tuple[int, str, bool], BaseOxmlElement] = {}

    def __call__(self, cell: _Cell, value: str, align: str, column: int, *, bold: bool = False) -> None:
        look = (column, align, bold)
        made = self.looks.get(look)
        if made is None:  # the look's first cell, made by python-docx itself, empty, then given its text
            _cell(cell, "", self.size, align, bold=bold, width=self.widths[column])
            self.looks[look] = deepcopy(cell._tc)
            _cell_text(cell._tc, value)
            return
        tc = deepcopy(made)
        _cell_text(tc, value)
        cell._tc.getparent().replace(cell._tc, tc)


def _cell_text(tc: BaseOxmlElement, value: str) -> None:
    """Give an empty cell made by `_cell` its text, as `_run` would: `w:t` elements, a tab or a line break
    as python-docx writes them."""
    normal = text(value)
    run = tc[-1][-1]  # the cell's one paragraph, its one run (after its properties)
    if not normal:
        return
    if "\t" in normal or "\n" in normal or "\r" in normal:
        run.text = normal
        return
    element = run.makeelement(_T)  # `CT_R.add_t`, without its search for the element's place (it goes last)
    element.text = normal
    if len(normal.strip()) < len(normal):
        element.set(_SPACE, "preserve")
    run.append(element)


_T, _SPACE = qn("w:t"), qn("xml:space")


def _repeat_header(table: Table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _cant_split_rows(table: Table) -> None:
    """Keep every row of `table` on one page (`_cant_split` for each, without python-docx's row objects)."""
    for tr in table._tbl.tr_lst:
        properties = tr.get_or_add_trPr()
        element = OxmlElement("w:cantSplit")
        element.set(qn("w:val"), "true")
        properties.append(element)


def _cant_split(row: object) -> None:
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    properties.append(element)


def _closing(doc: Docx, settings: ReportSettings, lang: str | None) -> None:
    body_pt = (210 - 45) / 25.4 * 72
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.width, right.width = _grid(table, [body_pt * 0.45, body_pt * 0.55])
    title = left.paragraphs[0]
    _run(title, _t("recipients", lang), 12, bold=True, italic=True)
    for line in settings.recipients:
        _run(left.add_paragraph(), f"- {line}", 11)
    first = right.paragraphs[0]
    lines = [line for line in (settings.signer_capacity, settings.signer_post) if line]
    for index, line in enumerate(lines):
        paragraph = first if index == 0 else right.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, line, BODY_PT, bold=True)
    space = right.add_paragraph()
    space.paragraph_format.space_after = Mm(28)  # room for the signature and the seal
    name = right.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(name, settings.signer_name or " ", BODY_PT, bold=True)
    _cant_split(table.rows[0])
