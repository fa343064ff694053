"""Names and text the serif cannot draw: the Hoa community's Chinese names print in the bundled fallback font,
embedded only in the documents that use it; a character no bundled font has prints as a visible □."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.lib.units import mm

from desktop import clock
from desktop.register.households import add_area, add_household
from desktop.reports.formatting import markup
from desktop.reports.household_sheet import build_household_sheet
from desktop.reports.notes import set_note
from desktop.reports.periods import quarter
from desktop.reports.review import build_review
from desktop.reports.walklist import build_walk_list
from desktop.store import Store
from tests.reports.pdfcheck import pdf_fonts, read_pdf, render, table_rows, title_columns

HEAD = "陳國強"
MIXED = "Lâm Mỹ Linh 林美玲"
WIDE = "歐陽司徒上官諸葛東方皇甫"  # 12 ideographs: wider than the "Chủ hộ" column once drawn in their font
LEFT, RIGHT = 30 * mm, (210 - 15) * mm
FALLBACK = "DroidSansFallback"  # the bundled CJK face (resources/fonts/DroidSansFallbackFull.ttf)
MISSING = "\u25a1"  # □


def _fonts(path: Path) -> dict[str, dict[str, str]]:
    return {font["name"].split("+")[-1]: font for font in pdf_fonts(path)}


def _hoa_ward(store: Store) -> tuple[str, str]:
    """A khu phố of District 5 with Chinese names; its id and the code of 陳國強's household."""
    area = add_area(store, "Khu phố 1", ward_name="Phường 11")
    add_household(store, area_id=area, house_no="10", street="Trần Hưng Đạo", head_name=HEAD, code="HK1")
    add_household(store, area_id=area, house_no="12", street="Trần Hưng Đạo", head_name=MIXED, code="HK2")
    add_household(store, area_id=area, house_no="14", street="Trần Hưng Đạo", head_name=WIDE, code="HK3")
    return area, "HK1"


def test_review_prints_the_chinese_signer_narrative_and_place(store: Store, tmp_path: Path) -> None:
    _hoa_ward(store)
    today = clock.today()
    period = quarter(today.year, (today.month - 1) // 3 + 1)
    store.set_setting("report.place", "Phường 11 (第十一坊)")
    store.set_setting("report.signer_name", "Trần Quốc Cường (陳國強)")
    lesson = "Hội quán 穗城會館 & <Tuệ Thành> phối hợp tốt với người Hoa (陳國強, 林美玲)."
    set_note(store, period.code, "lessons", lesson)
    out = tmp_path / "review.pdf"
    build_review(store, period, out, issued_on=today, today=today, invariant=True, annex_names=True)

    printed = read_pdf(out)
    assert "Trần Quốc Cường (陳國強)" in printed.lines  # bold, in the signature block
    assert lesson in printed.flat  # in a justified body paragraph, escaped around the Chinese runs
    assert "(第十一坊), ngày" in title_columns(out, LEFT + 0.42 * (RIGHT - LEFT))[1]  # the title block's date line
    assert "\x00" not in printed.text
    fallback = _fonts(out)[FALLBACK]
    assert (fallback["emb"], fallback["sub"]) == ("yes", "yes")  # embedded, as a subset
    render(out, tmp_path / "pages")


def test_walk_list_and_household_sheet_print_chinese_heads(store: Store, tmp_path: Path) -> None:
    area, code = _hoa_ward(store)
    walk = tmp_path / "walk.pdf"
    build_walk_list(store, area, walk, invariant=True)
    heads = {row[2]: row[3] for row in table_rows(walk) if row[0].isdigit()}
    assert heads == {"HK1": HEAD, "HK2": MIXED, "HK3": heads["HK3"]} and heads["HK3"].replace(" ", "") == WIDE
    sheet = tmp_path / "sheet.pdf"
    build_household_sheet(store, code, sheet, invariant=True)
    printed = read_pdf(sheet)
    assert f"Chủ hộ {HEAD}" in printed.lines  # the facts
    assert any(row[1] == HEAD for row in table_rows(sheet))  # the members' table
    for path in (walk, sheet):
        assert FALLBACK in _fonts(path) and "\x00" not in read_pdf(path).text


def test_a_long_chinese_name_stays_in_its_column(store: Store, tmp_path: Path) -> None:
    """Measured in the font it is drawn in, a name wider than its column wraps instead of running over."""
    area, _ = _hoa_ward(store)
    walk = tmp_path / "walk.pdf"
    build_walk_list(store, area, walk, invariant=True)
    with pdfplumber.open(walk) as pdf:
        page = next(page for page in pdf.pages if "HK3" in (page.extract_text() or ""))
        header = next(word for word in page.extract_words() if word["text"] == "Chủ")  # "Chủ hộ"
        edges = {edge["x0"] for edge in page.vertical_edges}
        left = max(x for x in edges if x < header["x0"])
        right = min(x for x in edges if x > header["x1"])
        ideographs = [char for char in page.chars if char["text"] in WIDE]
    assert len(ideographs) == len(WIDE)
    assert all(left < char["x0"] and char["x1"] < right for char in ideographs)


def test_the_fallback_is_embedded_only_where_it_is_used(store: Store, tmp_path: Path) -> None:
    area, _ = _hoa_ward(store)
    hoa = tmp_path / "hoa.pdf"
    build_walk_list(store, area, hoa, invariant=True)
    other = add_area(store, "Khu phố 2", ward_name="Phường 11")
    add_household(store, area_id=other, house_no="3", street="Hùng Vương", head_name="Nguyễn Thị Hồng Nhung")
    vietnamese = tmp_path / "vietnamese.pdf"
    build_walk_list(store, other, vietnamese, invariant=True)  # after the fallback was loaded for the first
    assert FALLBACK in _fonts(hoa)
    assert FALLBACK not in _fonts(vietnamese) and all(name.startswith("LiberationSerif") for name in _fonts(vietnamese))


def test_characters_no_font_has_print_as_a_mark(store: Store, tmp_path: Path) -> None:
    """Emoji and Arabic: not a silent blank, a □ for each character (the joiner between emoji draws nothing)."""
    area = add_area(store, "Khu phố 1", ward_name="Phường 11")
    add_household(store, area_id=area, house_no="1", street="Lê Lợi", head_name="Nguyễn Văn Ánh 😀", code="HK1")
    add_household(store, area_id=area, house_no="2", street="Lê Lợi", head_name="Ali مرحبا", code="HK2")
    add_household(store, area_id=area, house_no="3", street="Lê Lợi", head_name="Gia đình 👨\u200d👩", code="HK3")
    walk = tmp_path / "walk.pdf"
    build_walk_list(store, area, walk, invariant=True)
    heads = {row[2]: row[3] for row in table_rows(walk) if row[0].isdigit()}
    assert heads == {"HK1": f"Nguyễn Văn Ánh {MISSING}", "HK2": f"Ali {MISSING * 5}", "HK3": f"Gia đình {MISSING * 2}"}
    assert "\x00" not in read_pdf(walk).text


def test_paragraph_markup_keeps_escaping_around_fallback_runs() -> None:
    assert markup("A & <陳> 😀") == f'A &amp; &lt;<font name="{FALLBACK}">陳</font>&gt; {MISSING}'
    assert markup("Nguyễn & Lê") == "Nguyễn &amp; Lê"
