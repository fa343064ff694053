"""The Decree 30 rules a review is checked against before it is signed, read from the PDF by position and font
(pdfplumber gives each character's font and size, each rule's ends)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.units import mm

from desktop.cli import main
from desktop.reports.periods import quarter
from desktop.reports.review import build_review
from desktop.reports.review_tables import review_tables
from desktop.reports.walklist import build_walk_list
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf

Q2 = quarter(2026, 2)
TODAY = date(2026, 11, 25)
ISSUED = date(2026, 7, 5)
HEADING = re.compile(r"^([IVX]+\.|\d+\.) \S")


@pytest.fixture
def review(demo_store: Store, tmp_path: Path) -> Path:
    demo_store.set_setting("report.issuing_body", "Ủy ban nhân dân phường Bến Nghé\nQuận 1")
    demo_store.set_setting("report.addressee", "Ủy ban nhân dân Quận 1")
    out = tmp_path / "review.pdf"
    build_review(demo_store, Q2, out, issued_on=ISSUED, today=TODAY, annex_names=True, invariant=True)
    return out


def _lines(page):  # type: ignore[no-untyped-def]
    return [line for line in page.extract_text_lines() if line["top"] > 20 * mm]  # below the page number


def _fonts(line) -> set[tuple[str, float]]:  # type: ignore[no-untyped-def]
    return {(c["fontname"].split("+")[-1], round(c["size"])) for c in line["chars"] if not c["text"].isspace()}


def test_headings_upright_bold_and_never_at_a_page_foot(review: Path) -> None:
    with pdfplumber.open(review) as pdf:
        headings = 0
        for number, page in enumerate(pdf.pages):
            lines = _lines(page)
            for index, line in enumerate(lines):
                if HEADING.match(line["text"]) and _fonts(line) == {("LiberationSerif-Bold", 13)}:
                    headings += 1
                    assert index < len(lines) - 1, (number + 1, line["text"])  # something follows on its page
            sub = [line for line in lines if line["text"].startswith("1. Thăm hộ và mức độ bao phủ")]
            if sub:
                assert _fonts(sub[0]) == {("LiberationSerif-Bold", 13)}  # upright bold, not bold italic
        assert headings >= 15


def test_tables_never_leave_a_lonely_row_and_the_signature_keeps_company(review: Path) -> None:
    with pdfplumber.open(review) as pdf:
        for number, page in enumerate(pdf.pages):
            for table in page.extract_tables():
                body = table[1:]
                assert not (len(body) == 1 and body[0][0] == "Cộng"), number + 1  # a total never alone
        signature = next(page for page in pdf.pages if "Nơi nhận:" in (page.extract_text() or ""))
        text = signature.extract_text()
        assert "Trên đây là báo cáo" in text and text.index("Trên đây là báo cáo") < text.index("Nơi nhận:")
        words = signature.extract_words()
        capacity = next(w for w in words if w["text"] == "TM.")
        post = next(w for w in words if w["text"] == "CHỦ" and w["top"] > capacity["top"])
        assert 10 < post["top"] - capacity["top"] < 25  # "TM. ỦY BAN NHÂN DÂN" just above "CHỦ TỊCH"


def test_title_block_rules_addressee_and_annexes(review: Path) -> None:
    with pdfplumber.open(review) as pdf:
        first = pdf.pages[0]
        lines = _lines(first) + [line for line in first.extract_text_lines() if line["top"] <= 20 * mm]
        last_issuer = next(line for line in first.extract_text_lines() if line["text"].startswith("QUẬN 1"))
        rule = min(
            (edge for edge in first.lines if edge["top"] > last_issuer["bottom"] and edge["x0"] < 100 * mm),
            key=lambda edge: edge["top"],
        )
        last_width = last_issuer["x1"] - last_issuer["x0"]
        assert rule["x1"] - rule["x0"] <= last_width  # never longer than the short last line
        assert abs((rule["x0"] + rule["x1"]) / 2 - (last_issuer["x0"] + last_issuer["x1"]) / 2) < 1.5
        addressee = next(line for line in lines if line["text"].startswith("Kính gửi:"))
        summary = next(line for line in lines if line["text"].startswith("Sơ kết công tác"))
        assert addressee["top"] > summary["top"] and _fonts(addressee) == {("LiberationSerif", 14)}
        annex_pages = [page for page in pdf.pages if (page.extract_text() or "").startswith("Phụ lục") or any(
            line["text"].startswith("Phụ lục ") for line in _lines(page)[:1])]
        labels = [_lines(page)[0]["text"] for page in annex_pages]
        assert labels[:3] == ["Phụ lục I", "Phụ lục II", "Phụ lục III"]
        page = annex_pages[0]
        reference = next(line for line in _lines(page) if line["text"].startswith("(Kèm theo Báo cáo số"))
        assert _fonts(reference) == {("LiberationSerif-Italic", 14)}
        assert "ngày 05 tháng 7 năm 2026 của Ủy ban nhân dân phường Bến Nghé Quận 1)" in " ".join(
            line["text"] for line in _lines(page)[:4])
        chars = [c for c in reference["chars"] if not c["text"].isspace()]
        slash = next(i for i, c in enumerate(chars) if c["text"] == "/")
        assert chars[slash]["x0"] - chars[slash - 1]["x1"] > 10 * mm  # room for the number, not closed up


def test_numbers_and_dates(review: Path, demo_store: Store, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    flat = read_pdf(review).flat
    assert "đã hủy" not in flat and "ghi nhầm" not in flat  # no voided-visits figure for superiors
    out = tmp_path / "en.pdf"
    figures = build_review(demo_store, Q2, out, lang="en", issued_on=ISSUED, today=TODAY)
    assert ", 5 July 2026" in read_pdf(out).flat
    for table in review_tables(figures, "vi").values():
        for index, field in enumerate(table.fields):
            if field.kind == "decimal":
                shown = [field.show(row[index], "vi") for row in table.rows if row[index] is not None]
                assert all("," in value for value in shown), (table.key, shown)  # "22,0" beside "19,2"
    db = str(demo_store.path)
    demo_store.close()
    capsys.readouterr()
    assert main(["--db", db, "stats"]) == 0
    assert "1.443" in capsys.readouterr().out  # the demo ward's people, grouped


def test_walk_list_has_its_prepared_by_block(demo_store: Store, tmp_path: Path) -> None:
    area = demo_store.conn.execute("SELECT id FROM areas ORDER BY name LIMIT 1").fetchone()[0]
    out = tmp_path / "walk.pdf"
    build_walk_list(demo_store, area, out, today=TODAY)
    with pdfplumber.open(out) as pdf:
        last = pdf.pages[-1]
        words = last.extract_words()
        prepared = [w for w in words if w["text"] == "NGƯỜI"]
        assert prepared and prepared[-1]["x0"] > last.width / 2
        assert "(Ký, ghi rõ họ tên)" in (last.extract_text() or "")
