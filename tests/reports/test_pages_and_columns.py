"""How the printed documents use paper and columns, read back from the PDF: a heading keeps with the first rows
of its table (so a short household sheet or walk list fits one page), and no number or word in a table cell
is broken over two lines, whatever its size or language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pdfplumber

from desktop.register.households import add_area, add_household, add_person
from desktop.register.visits import SupportItem, add_visit
from desktop.reports.household_sheet import build_household_sheet
from desktop.reports.periods import quarter
from desktop.reports.review import build_review, table_rows
from desktop.reports.review_tables import review_tables
from desktop.reports.walklist import WalkFilter, build_walk_list
from desktop.store import Store
from tests.reports.pdfcheck import page_count, read_pdf

Q3 = quarter(2026, 3)
TODAY = date(2026, 11, 25)
HUGE_VND = 1_000_154_321


def _ward(store: Store, households: int) -> tuple[str, list[str]]:
    """A khu phố of `households` households living there since 2019; returns its id and the households' ids."""
    area = add_area(store, "Khu phố 2", ward_name="Phường Tân Định")
    ids = [
        add_household(
            store, area_id=area, house_no=str(n), street="Hai Bà Trưng", head_name=f"Lê Văn Tâm {n}",
            code=f"HK80000{n}",
        )
        for n in range(1, households + 1)
    ]
    for (head,) in store.conn.execute("SELECT head_person_id FROM households").fetchall():
        store.writer.update("people", head, {"moved_in_on": "2019-03-01"})
    return area, ids


def _household(store: Store, visits: int) -> str:
    """A household of four with `visits` visits, the last one bringing support worth over a billion đồng."""
    _, (household,) = _ward(store, 1)
    for name, relation in (("Trần Thị Hoa", "vợ"), ("Lê Minh Khôi", "con"), ("Lê Ngọc Anh", "con")):
        add_person(store, household, name, birth_year=1990, gender="female", relation=relation)
    for n in range(visits):
        add_visit(
            store, household_id=household, visited_on=date(2026, 7, 1 + n % 28), purposes=["welfare_check"],
            outcome="met", findings=f"Lần thăm {n + 1}: gia đình ổn định.",
        )
    add_visit(
        store, household_id=household, visited_on="29/08/2026", purposes=["food_support"], outcome="met",
        support=[SupportItem("cash", value_vnd=HUGE_VND)],
    )
    return household


def _pages(path: Path) -> list[list[str]]:
    with pdfplumber.open(path) as pdf:
        return [(page.extract_text() or "").splitlines() for page in pdf.pages]


def test_a_short_household_sheet_fits_one_page(store: Store, tmp_path: Path) -> None:
    household = _household(store, visits=2)
    out = tmp_path / "sheet.pdf"
    build_household_sheet(store, household, out, today=TODAY)
    assert page_count(out) == 1
    page = read_pdf(out).pages[0]
    for heading in ("I. THÔNG TIN CHUNG", "II. NHÂN KHẨU", "III. LỊCH SỬ THĂM HỘ", "IV. VỤ VIỆC LIÊN QUAN"):
        assert heading in page
    assert "Trần Thị Hoa" in page and "Lần thăm 2" in page and "Không có" in page


def test_a_heading_keeps_with_the_first_rows_of_a_long_table(store: Store, tmp_path: Path) -> None:
    household = _household(store, visits=40)
    out = tmp_path / "sheet.pdf"
    build_household_sheet(store, household, out, today=TODAY)
    pages = _pages(out)
    first = pages[0]
    assert "III. LỊCH SỬ THĂM HỘ" in first  # starts under the members, not on a page of its own
    after = first[first.index("III. LỊCH SỬ THĂM HỘ") + 1 :]
    assert sum(line[:2].isdigit() and line[2:3] == "/" for line in after) >= 3  # with its first visits
    for lines in pages:
        assert not lines[-1].startswith(("I. ", "II. ", "III. ", "IV. ")), lines[-1]  # never alone at a foot


def test_a_short_walk_list_fits_one_page(store: Store, tmp_path: Path) -> None:
    area, _ = _ward(store, 3)
    out = tmp_path / "walk.pdf"
    build_walk_list(store, area, out, flt=WalkFilter(not_visited_days=30), today=TODAY)
    assert page_count(out) == 1
    page = read_pdf(out).pages[0]
    assert "Điều kiện lọc: chưa được thăm trong 30 ngày" in page and "Tổng số: 3 hộ." in page
    assert "HK800003" in page and "NGƯỜI LẬP" in page


def _words(path: Path) -> set[str]:
    return {word for page in read_pdf(path).pages for word in page.split()}


def test_no_number_in_a_household_sheet_is_split(store: Store, tmp_path: Path) -> None:
    household = _household(store, visits=1)
    out = tmp_path / "sheet.pdf"
    build_household_sheet(store, household, out, today=TODAY)
    assert "1.000.154.321" in _words(out)


def _assert_cells_whole(figures: object, out: Path, lang: str) -> None:
    """Every word of every cell of Bảng 1 is printed whole: none broken over two lines."""
    words = _words(out)
    table = review_tables(figures, lang)["summary"]  # type: ignore[arg-type]
    for row in table_rows(table, lang):
        for cell in row:
            for word in cell.split():
                assert word in words, (word, row)


def test_large_figures_and_targets_print_on_one_line(store: Store, tmp_path: Path) -> None:
    _household(store, visits=1)
    store.set_setting("report.target.support_value", "500.000.000")
    out = tmp_path / "review.pdf"
    figures = build_review(store, Q3, out, issued_on=TODAY, today=TODAY)
    words = _words(out)
    assert "+1.000.154" in words and "500.000.000" in words
    _assert_cells_whole(figures, out, "vi")


def test_english_units_are_not_broken_mid_word(demo_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "en.pdf"
    figures = build_review(demo_store, quarter(2026, 2), out, lang="en", issued_on=TODAY, today=TODAY)
    words = _words(out)
    assert "households" in words and "attendees" in words and "househo" not in words
    _assert_cells_whole(figures, out, "en")
