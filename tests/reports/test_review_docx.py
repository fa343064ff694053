"""The review as a Word document: the same text, narrative, tables and charts as the PDF, in the Decree 30
layout, read back from the DOCX file itself."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from PIL import Image
from reportlab.graphics import renderPDF

from desktop.cli import main
from desktop.reports.charts import chart_png, coverage_chart
from desktop.reports.fonts import BOLD, register_fonts, text_width
from desktop.reports.notes import notes_for, set_note
from desktop.reports.periods import quarter
from desktop.reports.review import build_review, table_rows
from desktop.reports.review_doc import review_document
from desktop.reports.review_tables import review_tables
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf
from tests.reports.test_review_notes import ANNUAL_HEADINGS, INTERIM_HEADINGS

Q2 = quarter(2026, 2)
TODAY = date(2026, 11, 25)
ISSUED = date(2026, 7, 5)


def _paragraphs(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def _rows(path: Path) -> set[tuple[str, ...]]:
    rows: set[tuple[str, ...]] = set()
    for table in docx.Document(str(path)).tables:
        for row in table.rows:
            rows.add(tuple(cell.text for cell in row.cells))
    return rows


def _in_order(paragraphs: list[str], parts: tuple[str, ...]) -> None:
    at = 0
    for part in parts:
        at = next((i for i in range(at, len(paragraphs)) if paragraphs[i].startswith(part)), -1)
        assert at >= 0, part
        at += 1


@pytest.fixture
def both(demo_store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    demo_store.set_setting("report.issuing_body", "Ủy ban nhân dân\nphường Bến Nghé")
    demo_store.set_setting("report.signer_name", "Nguyễn Thị Thanh Hương")
    set_note(demo_store, "2026-Q2", "lessons", "Bám sát địa bàn là then chốt.\nPhối hợp chặt với tổ dân phố.")
    pdf, word = tmp_path / "review.pdf", tmp_path / "review.docx"
    figures = build_review(demo_store, Q2, pdf, docx=word, issued_on=ISSUED, today=TODAY, invariant=True)
    return figures, pdf, word


def test_same_text_and_tables_as_the_pdf(both) -> None:  # type: ignore[no-untyped-def]
    figures, pdf, word = both
    paragraphs = _paragraphs(word)
    _in_order(paragraphs, ("BÁO CÁO", "Sơ kết công tác địa bàn quý II năm 2026"))
    _in_order(paragraphs, INTERIM_HEADINGS)
    _in_order(paragraphs, ("4. Bài học kinh nghiệm", "Bám sát địa bàn là then chốt.", "Phối hợp chặt với tổ dân phố."))
    flat = read_pdf(pdf).flat
    for paragraph in paragraphs:
        if len(paragraph) > 30 and not paragraph.startswith("Bảng"):
            assert " ".join(paragraph.split())[:40] in flat, paragraph
    rows = _rows(word)
    for key, table in review_tables(figures, "vi").items():
        if key in ("not_visited", "overdue", "visits_by_quarter"):
            continue
        if key == "commendations" and not figures.commendations:
            continue
        assert tuple(field.title for field in table.fields) in rows, key
        for cells in table_rows(table, "vi"):
            assert tuple(cells) in rows, (key, cells)
    text = "\n".join(paragraphs) + "\n".join("|".join(row) for row in rows)
    assert "HK0" not in text  # no list of households by name


def test_decree_30_layout(both) -> None:  # type: ignore[no-untyped-def]
    _, _, word = both
    document = docx.Document(str(word))
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
             section.left_margin, section.right_margin)
    assert [round(size.mm, 1) for size in sizes] == [210, 297, 20, 20, 30, 15]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header.paragraphs[0]._p.xml  # page numbers from page 2, centred
    title = document.tables[0]
    left = [p.text for p in title.cell(0, 0).paragraphs if p.text]
    assert left == ["ỦY BAN NHÂN DÂN\nPHƯỜNG BẾN NGHÉ"]  # the line break where the ward put it
    right = [p.text for p in title.cell(0, 1).paragraphs if p.text]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert title.cell(1, 0).paragraphs[0].text.startswith("Số:") and "/BC-UBND" in title.cell(1, 0).text
    dated = title.cell(1, 1).paragraphs[0]
    assert dated.text.endswith("ngày 05 tháng 7 năm 2026") and all(run.italic for run in dated.runs)
    body = next(p for p in document.paragraphs if p.text.startswith("Trong kỳ, cán bộ đã thực hiện"))
    assert round(body.paragraph_format.first_line_indent.mm) == 10 and body.alignment == 3  # justified
    heading = next(p for p in document.paragraphs if p.text == "1. Thăm hộ và mức độ bao phủ")
    look = heading.style.font  # upright bold, kept with what follows: set by its style (see below)
    assert look.bold and not look.italic and heading.style.paragraph_format.keep_with_next
    closing = next(table for table in document.tables if table.cell(0, 0).text.startswith("Nơi nhận"))
    assert closing.cell(0, 0).paragraphs[0].text == "Nơi nhận:"
    signature = [p.text for p in closing.cell(0, 1).paragraphs if p.text.strip()]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Thị Thanh Hương"]
    fonts = {run.font.name for p in document.paragraphs for run in p.runs if run.font.name}
    assert document.styles["Normal"].font.name == "Times New Roman" and fonts <= {"Times New Roman"}


def test_section_headings_are_word_headings_in_the_decree_look(both) -> None:  # type: ignore[no-untyped-def]
    _, _, word = both
    document = docx.Document(str(word))
    styles = {p.text: p.style.name for p in document.paragraphs}
    for heading in INTERIM_HEADINGS:
        if heading[0] in "IV":  # "I. …" to "V. …"
            assert styles[heading] == "Heading 1", heading
        elif heading[0].isdigit():  # "1. …"
            assert styles[heading] == "Heading 2", heading
    assert styles["1. Thăm hộ và mức độ bao phủ"] == "Heading 2"
    for name in ("Heading 1", "Heading 2"):
        style = document.styles[name]
        font, layout = style.font, style.paragraph_format
        assert (font.name, font.size.pt, font.bold, font.italic) == ("Times New Roman", 13, True, False)
        assert str(font.color.rgb) == "000000" and font.color.theme_color is None  # black, not the theme's blue
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:eastAsia")) == "Times New Roman"
        assert layout.keep_with_next and round(layout.first_line_indent.mm) == 10 and layout.alignment == 3
        assert round(layout.space_before.pt) == 6 and round(layout.space_after.pt) == 6
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):  # no direct formatting: restyling reaches them all
            assert all(run.font.size is None and run.bold is None for run in paragraph.runs)
            assert paragraph.paragraph_format.first_line_indent is None


def _grid(table) -> list[int]:  # type: ignore[no-untyped-def]
    return [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_table_grids_carry_the_widths(both) -> None:  # type: ignore[no-untyped-def]
    _, _, word = both
    document = docx.Document(str(word))
    body = round((210 - 45) / 25.4 * 1440)  # twips
    for table in document.tables:
        grid = _grid(table)
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert int(table._tbl.tblPr.find(qn("w:tblW")).get(qn("w:w"))) == sum(grid)
        for row in table.rows:
            assert [int(cell._tc.tcPr.tcW.get(qn("w:w"))) for cell in row.cells] == grid
    title, summary = document.tables[0], document.tables[1]
    assert [round(width / body, 2) for width in _grid(title)] == [0.42, 0.58]
    assert summary.cell(0, 0).text == "Nội dung" and _grid(summary)[0] > 2 * max(_grid(summary)[1:])
    register_fonts()
    margin = int(summary._tbl.tblPr.find(qn("w:tblCellMar")).find(qn("w:left")).get(qn("w:w")))
    for table in document.tables[1:]:
        if table.style.name != "Table Grid":
            continue
        for row in table.rows[1:]:
            for cell, width in zip(row.cells, _grid(table), strict=True):
                for word_ in cell.text.split():  # no word nor number wider than its cell
                    assert text_width(word_, BOLD, 11) * 20 + 2 * margin <= width, (word_, cell.text)


def test_annual_docx_and_cli(demo_store: Store, tmp_path: Path) -> None:
    db = str(demo_store.path)
    demo_store.close()
    word = tmp_path / "tong_ket.docx"
    assert main(["--db", db, "report", "review", "--period", "2026", "--docx", str(word), "--date", "20/12/2026"]) == 0
    _in_order(_paragraphs(word), ("Tổng kết công tác địa bàn năm 2026", *ANNUAL_HEADINGS))
    assert main(["--db", db, "report", "review", "--period", "2026"]) == 2  # no output named
    with Store.open(Path(db)) as store:
        detail = store.conn.execute("SELECT detail FROM audit_log WHERE action = 'print' ORDER BY seq DESC").fetchone()
    assert '"formats":["docx"]' in detail[0]


def _captions_and_pictures(path: Path) -> tuple[list[str], list[tuple[str, str, bytes]]]:
    """The table and chart captions in document order, and each picture: (caption below it, its alt text,
    the image file's bytes)."""
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    captions: list[str] = []
    pictures: list[tuple[str, str, bytes]] = []
    for index, paragraph in enumerate(paragraphs):
        if paragraph.text.startswith(("Bảng ", "Biểu đồ ")):
            captions.append(paragraph.text)
        blips = paragraph._p.xpath(".//a:blip/@r:embed")
        described = paragraph._p.xpath(".//wp:docPr/@descr")
        for rid in blips:
            blob = document.part.related_parts[rid].blob
            pictures.append((paragraphs[index + 1].text, described[0] if described else "", blob))
    return captions, pictures


def _ink(png: bytes) -> tuple[tuple[int, int], float]:
    """The picture's size and the share of its pixels that are not white (decoded from the PNG itself)."""
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        grey = image.convert("L")
        dark = sum(count for level, count in enumerate(grey.histogram()) if level < 200)
        return grey.size, dark / (grey.size[0] * grey.size[1])


def test_charts_stand_where_the_pdf_draws_them(both, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    figures, pdf, word = both
    document = review_document(figures, notes_for(demo_store, "2026-Q2", None), "vi")
    expected = [block.caption for block in document.blocks if block.kind in ("table", "chart")]
    captions, pictures = _captions_and_pictures(word)
    assert captions == expected  # the charts between the same tables as in the PDF
    chart_captions = [block.caption for block in document.blocks if block.kind == "chart"]
    assert chart_captions == ["Biểu đồ 1. Tỷ lệ hộ được thăm theo khu phố", "Biểu đồ 2. Số lượt thăm theo tháng"]
    assert [(below, alt) for below, alt, _ in pictures] == [(caption, caption) for caption in chart_captions]
    flat = read_pdf(pdf).flat
    assert flat.index(chart_captions[0]) < flat.index(chart_captions[1])
    shapes = docx.Document(str(word)).inline_shapes
    assert len(shapes) == 2 and all(round(shape.width.mm) == 165 for shape in shapes)  # the body's width
    for _, _, png in pictures:
        (width, height), ink = _ink(png)
        assert width >= 1900 and height > 300  # 300 dpi: prints as sharply as the text
        assert 0.01 < ink < 0.6, ink  # bars and labels drawn, not a blank (or black) picture


def test_chart_pictures_use_the_embedded_font(demo_store: Store) -> None:
    """The picture is rasterised from the chart's PDF, whose labels are in the embedded Vietnamese font."""
    register_fonts()
    accented = coverage_chart([("Khu phố Đồng Khởi", 80.0), ("Ấp Bình Lợi", 40.0)], 467, "vi")
    with pdfplumber.open(io.BytesIO(renderPDF.drawToString(accented))) as chart:
        words = chart.pages[0].extract_text()
        fonts = {char["fontname"].split("+")[-1] for char in chart.pages[0].chars}
    assert "Khu phố Đồng Khởi" in words and "Ấp Bình Lợi" in words
    assert fonts == {"LiberationSerif"}
    plain = coverage_chart([("Khu pho Dong Khoi", 80.0), ("Ap Binh Loi", 40.0)], 467, "vi")
    assert _ink(chart_png(accented))[1] > _ink(chart_png(plain))[1]  # the marks are drawn
