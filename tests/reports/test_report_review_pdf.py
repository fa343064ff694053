"""The periodic review PDF, read back: title block, layout of Decree 30, every figure, fonts, rendering."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from itertools import pairwise
from pathlib import Path

import docx
import pdfplumber
import pytest
from reportlab.lib.units import mm

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.households import add_area, add_household, move_out_person
from desktop.register.visits import add_visit, void_visit
from desktop.reports.figures import review_figures
from desktop.reports.periods import date_range, quarter, year
from desktop.reports.review import build_review, table_rows
from desktop.reports.review_tables import review_tables
from desktop.store.queries import list_visits
from tests.reports.pdfcheck import page_count, pdf_fonts, read_pdf, render, title_columns
from tests.reports.pdfcheck import table_rows as pdf_table_rows

Q2 = quarter(2026, 2)
TODAY = date(2026, 11, 25)
ISSUED = date(2027, 1, 5)
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, (210 - 15) * mm, 20 * mm, (297 - 20) * mm
SPLIT_X = LEFT + 0.42 * (RIGHT - LEFT)  # where the title block's columns meet
BODY_TABLES = (
    "summary",
    "coverage",
    "not_visited_by_officer",
    "visits_by_month",
    "visits_by_purpose",
    "visits_by_outcome",
    "support",
    "follow_ups",
    "cases",
    "activities_by_kind",
    "officers",
)


def _settings(store) -> None:  # type: ignore[no-untyped-def]
    store.set_setting("report.superior_body", "Ủy ban nhân dân Quận 1")
    store.set_setting("report.issuing_body", "Ủy ban nhân dân phường Bến Nghé")
    store.set_setting("report.symbol", "UBND")
    store.set_setting("report.place", "Phường Bến Nghé")
    store.set_setting("report.signer_capacity", "TM. Ủy ban nhân dân")
    store.set_setting("report.signer_post", "Chủ tịch")
    store.set_setting("report.signer_name", "Nguyễn Thị Thanh Hương")
    store.set_setting("report.recipients", "Như trên;\nĐảng ủy phường;\nLưu: VT, CA.")


@pytest.fixture
def review(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    _settings(demo_store)
    out = tmp_path / "review.pdf"
    figures = build_review(demo_store, Q2, out, issued_on=ISSUED, today=TODAY, invariant=True)
    return out, figures


def _raw_text(path: Path) -> str:
    """The first page's text with its spaces as drawn (pypdf keeps runs of spaces)."""
    from pypdf import PdfReader

    return PdfReader(path).pages[0].extract_text()


def _chars(page, text: str):  # type: ignore[no-untyped-def]
    """The characters of the first line on `page` that contains `text`."""
    for line in page.extract_text_lines():
        if text in line["text"]:
            start = len(line["text"][: line["text"].index(text)].replace(" ", ""))
            return [c for c in line["chars"] if not c["text"].isspace()][
                start : start + len(text.replace(" ", ""))
            ]
    raise AssertionError(f"{text!r} not on the page")


def test_title_block_and_closing_block(review):  # type: ignore[no-untyped-def]
    out, _ = review
    left, right = title_columns(out, SPLIT_X)
    # issuer column: governing body, then the issuing body (wrapped), then the number left blank for the clerk
    assert re.fullmatch(r"ỦY BAN NHÂN DÂN QUẬN 1 ỦY BAN NHÂN DÂN PHƯỜNG BẾN NGHÉ Số: /BC-UBND", left), left
    assert right == (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
        "Phường Bến Nghé, ngày 05 tháng 01 năm 2027"
    )
    text = read_pdf(out)
    assert re.search(r"Số:\s{3,}/BC-UBND", _raw_text(out))  # the blank is really there, not closed up
    assert "BÁO CÁO\nSơ kết công tác địa bàn quý II năm 2026" in text.pages[0]
    closing = text.flat
    for expected in (
        "Nơi nhận:",
        "- Như trên;",
        "- Đảng ủy phường;",
        "- Lưu: VT, CA.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Thị Thanh Hương",
    ):
        assert expected in closing


def test_layout_follows_the_decree(review):  # type: ignore[no-untyped-def]
    out, _ = review
    with pdfplumber.open(out) as pdf:
        assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (595, 842)  # A4
        for page in pdf.pages:
            words = page.extract_words()
            assert min(w["x0"] for w in words) >= LEFT - 0.5
            assert max(w["x1"] for w in words) <= RIGHT + 0.5
            assert max(w["bottom"] for w in words) <= BOTTOM + 0.5
        first = pdf.pages[0]
        title = _chars(first, "BÁO CÁO")
        assert all("Bold" in c["fontname"] and round(c["size"]) == 14 for c in title)
        date_line = _chars(first, "ngày 05 tháng 01 năm 2027")
        assert all("Italic" in c["fontname"] and round(c["size"]) == 13 for c in date_line)
        motto = _chars(first, "Độc lập - Tự do - Hạnh phúc")
        assert all("Bold" in c["fontname"] for c in motto)
        motto_width = motto[-1]["x1"] - motto[0]["x0"]
        rules = [line for line in first.lines if abs(line["top"] - line["bottom"]) < 0.1]
        under_motto = [r for r in rules if 0 < r["top"] - motto[0]["bottom"] < 8]
        assert under_motto and abs((under_motto[0]["x1"] - under_motto[0]["x0"]) - motto_width) < 2
        intro = next(line for line in first.extract_text_lines() if line["text"].startswith("Thực hiện"))
        assert all(round(c["size"]) == 13 for c in intro["chars"])
        assert abs(intro["x1"] - RIGHT) < 1  # justified: a full line reaches the right margin
        assert intro["x0"] > LEFT + 5 * mm  # first-line indent
        # page numbers: none on page 1, centred in the top margin from page 2 on
        assert not any(w["top"] < TOP and w["text"].isdigit() for w in first.extract_words())
        for index in (1, len(pdf.pages) - 1):
            top_word = min(pdf.pages[index].extract_words(), key=lambda w: w["top"])
            assert top_word["text"] == str(index + 1) and top_word["bottom"] < TOP
            assert abs((top_word["x0"] + top_word["x1"]) / 2 - (LEFT + RIGHT) / 2) < 1


def test_every_figure_is_printed(review, demo_store):  # type: ignore[no-untyped-def]
    out, figures = review
    assert figures == review_figures(demo_store, Q2, today=TODAY)
    text = read_pdf(out)
    printed = set(pdf_table_rows(out))
    tables = review_tables(figures, "vi")
    for key in BODY_TABLES:
        header = tuple(field.title for field in tables[key].fields)
        assert header in printed, header
        for cells in table_rows(tables[key], "vi"):
            assert tuple(cells) in printed, (key, cells)
    flat = text.flat
    assert f"thực hiện {figures.visits} lượt thăm hộ" in flat
    assert f"đến được {figures.households_visited}/{figures.households} hộ" in flat
    assert figures.not_visited and figures.overdue


def _resident_names(store) -> set[str]:  # type: ignore[no-untyped-def]
    """Residents' names, less those an officer or the signer happens to share."""
    people = {row[0] for row in store.conn.execute("SELECT full_name FROM people")}
    staff = {row[0] for row in store.conn.execute("SELECT full_name FROM users")}
    return people - staff - {"Nguyễn Thị Thanh Hương"}


def test_no_resident_is_named_by_default(review, demo_store):  # type: ignore[no-untyped-def]
    out, figures = review
    flat = read_pdf(out).flat
    assert not re.findall(r"HK-\d{5}", flat)
    assert not [name for name in _resident_names(demo_store) if name in flat]
    assert "Phụ lục I " in flat + " " and "Phụ lục II" not in flat  # the activities only
    # the unvisited households counted by khu phố and by the officer of their last visit
    printed = set(pdf_table_rows(out))
    by_officer = review_tables(figures, "vi")["not_visited_by_officer"]
    assert sum(row[1] for row in by_officer.rows) == len(figures.not_visited)  # type: ignore[misc]
    for cells in table_rows(by_officer, "vi"):
        assert tuple(cells) in printed


def test_a_review_that_names_nobody_never_reads_a_head_of_household(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    """The default review counts the households not visited and those with overdue follow-ups by khu phố and
    officer: it reads no head's name, code or address for them (a third of a 50k ward's figures, and personal
    data the document never prints); with the names asked for it reads them."""
    def heads_read(annex_names: bool) -> list[str]:
        statements: list[str] = []
        demo_store.conn.set_trace_callback(statements.append)
        try:
            figures = build_review(demo_store, Q2, tmp_path / "r.pdf", issued_on=ISSUED, today=TODAY,
                                   annex_names=annex_names)
        finally:
            demo_store.conn.set_trace_callback(None)
        assert figures.names == annex_names and figures.not_visited and figures.overdue
        named = [line for line in [*figures.not_visited, *figures.overdue] if line.code and line.head]
        assert len(named) == (len(figures.not_visited) + len(figures.overdue) if annex_names else 0)
        return [sql for sql in statements if "INDEXED BY people_names" in sql]

    assert not heads_read(False)
    assert len(heads_read(True)) == 2  # the two lists


def test_names_only_when_asked_and_audited(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "names.pdf"
    figures = build_review(demo_store, Q2, out, issued_on=ISSUED, today=TODAY, annex_names=True)
    flat = read_pdf(out).flat
    annexes = flat.split("Phụ lục II", 1)[-1]
    not_visited, overdue = annexes.split("Phụ lục III", 1)
    assert re.findall(r"HK-\d{5}", not_visited) == [line.code for line in figures.not_visited]
    assert re.findall(r"HK-\d{5}", overdue) == [line.code for line in figures.overdue]
    details = [row[0] for row in demo_store.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'print' ORDER BY seq")]
    assert '"names":true' in details[-1]


def test_fonts_are_embedded_and_pages_render(review, tmp_path):  # type: ignore[no-untyped-def]
    out, _ = review
    fonts = pdf_fonts(out)
    assert {font["name"].split("+")[-1] for font in fonts} == {
        "LiberationSerif",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    }
    assert all(font["emb"] == "yes" for font in fonts)
    pages = render(out, tmp_path / "png")
    assert len(pages) == page_count(out) > 5


def test_text_comes_out_as_nfc_even_from_decomposed_input(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    signer = "Nguyễn Thị Thanh Hương"
    demo_store.set_setting("report.signer_name", unicodedata.normalize("NFD", signer))
    demo_store.set_setting("report.place", unicodedata.normalize("NFD", "Phường Bến Nghé"))
    out = tmp_path / "nfd.pdf"
    figures = build_review(demo_store, Q2, out, issued_on=ISSUED, today=TODAY)
    pdf_text = read_pdf(out)
    text = pdf_text.text
    assert unicodedata.is_normalized("NFC", text)
    assert not any(unicodedata.combining(ch) for ch in text)
    assert signer in text and "Phường Bến Nghé, ngày 05 tháng 01 năm 2027" in text
    officers = {line.name for line in figures.officers if line.name}
    cells = {cell for row in pdf_table_rows(out) for cell in row}
    assert officers and officers <= cells


def test_output_is_reproducible(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for out in (first, second):
        build_review(demo_store, Q2, out, issued_on=ISSUED, today=TODAY, invariant=True)
    assert first.read_bytes() == second.read_bytes()


def test_empty_period(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "empty.pdf"
    figures = build_review(demo_store, year(2020), out, issued_on=ISSUED, today=TODAY, invariant=True)
    flat = read_pdf(out).flat
    assert "Tổng kết công tác địa bàn năm 2020" in flat
    # households counted from their move-in days: the demo's heads moved in between 2005 and 2024
    assert 0 < figures.households < 400
    assert f"thực hiện 0 lượt thăm hộ, đến được 0/{figures.households} hộ, đạt 0,0%" in flat
    assert "Trong kỳ không có hỗ trợ nào được ghi nhận." in flat
    assert len(figures.not_visited) == figures.households
    render(out, tmp_path / "png", first=1, last=3)


def test_ward_without_visits(store, tmp_path):  # type: ignore[no-untyped-def]
    area = add_area(store, "Khu phố 7", ward_name="Phường Tân Định")
    for number in range(1, 4):
        add_household(
            store,
            area_id=area,
            house_no=str(number),
            street="Hai Bà Trưng",
            head_name=f"Lê Văn Tâm {number}",
            code=f"HK90000{number}",
        )
    for (head,) in store.conn.execute("SELECT head_person_id FROM households").fetchall():
        store.writer.update("people", head, {"moved_in_on": "2019-03-01"})  # living there before Q2
    out = tmp_path / "novisits.pdf"
    figures = build_review(store, Q2, out, issued_on=ISSUED, today=TODAY)
    text = read_pdf(out)
    left, right = title_columns(out, SPLIT_X)
    assert left.startswith("ỦY BAN NHÂN DÂN PHƯỜNG TÂN ĐỊNH")  # default issuer from the ward name
    assert "Độc lập - Tự do - Hạnh phúc Phường Tân Định, ngày 05 tháng 01 năm 2027" in right
    assert ("Khu phố 7", "3", "0", "0,0%", "3", "3", "0") in pdf_table_rows(out)
    assert ("Chưa từng thăm", "3") in pdf_table_rows(out)
    assert "HK9" not in text.flat and "Lê Văn Tâm" not in text.flat
    assert figures.cases == [] or all(line.total == 0 for line in figures.cases)
    render(out, tmp_path / "png")


def test_no_activities_no_annex_of_them(store, tmp_path):  # type: ignore[no-untyped-def]
    area = add_area(store, "Khu phố 7", ward_name="Phường Tân Định")
    add_household(store, area_id=area, house_no="1", street="Hai Bà Trưng", head_name="Lê Văn Tâm", code="HK900001")
    out, word = tmp_path / "review.pdf", tmp_path / "review.docx"
    build_review(store, Q2, out, docx=word, issued_on=ISSUED, today=TODAY, annex_names=True)
    flat = read_pdf(out).flat
    assert "Trong kỳ không tổ chức hoạt động cộng đồng nào." in flat and "(Phụ lục" not in flat
    assert "DANH SÁCH HOẠT ĐỘNG CỘNG ĐỒNG" not in flat  # no annex page that says "Không có"
    assert "Phụ lục I DANH SÁCH HỘ CHƯA ĐƯỢC THĂM TRONG KỲ" in flat  # the lists asked for come first
    assert "Phụ lục II DANH SÁCH HỘ CÓ VIỆC THEO DÕI QUÁ HẠN" in flat and "Phụ lục III" not in flat
    paragraphs = [p.text for p in docx.Document(str(word)).paragraphs]
    assert "DANH SÁCH HOẠT ĐỘNG CỘNG ĐỒNG" not in paragraphs and "Phụ lục III" not in paragraphs


def test_english(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    out = tmp_path / "en.pdf"
    figures = build_review(demo_store, Q2, out, lang="en", issued_on=ISSUED, today=TODAY)
    text = read_pdf(out)
    assert "SOCIALIST REPUBLIC OF VIET NAM" in text.flat
    assert "5 January 2027" in text.flat and "January 05" not in text.flat
    tables = review_tables(figures, "en")
    printed = pdf_table_rows(out)
    for cells in table_rows(tables["coverage"], "en"):
        assert tuple(cells) in printed


def test_progress_and_cancel_leave_no_file(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    seen: list[tuple[int, int, str]] = []
    folder = tmp_path / "out"
    out = folder / "done.pdf"
    build_review(demo_store, Q2, out, today=TODAY, progress=lambda *a: seen.append(a))
    layout = [(done, total) for done, total, message in seen if message == "Đang dàn trang"]
    assert layout and layout[-1][0] == layout[-1][1] and all(a[0] <= b[0] for a, b in pairwise(layout))
    assert any(message == "Đang tính số liệu" for _, _, message in seen)

    cancelled_out = folder / "cancelled.pdf"
    count = 0

    def stop() -> bool:
        nonlocal count
        count += 1
        return count > 30  # well into the layout

    with pytest.raises(WardbookError) as raised:
        build_review(demo_store, Q2, cancelled_out, today=TODAY, cancelled=stop)
    assert raised.value.msg_id == "reports.cancelled"
    assert sorted(p.name for p in folder.iterdir()) == ["done.pdf"]  # no half-written file, no temp file


def test_a_reprint_after_later_work_is_identical(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    """Everything done after the cut-off (a household entered today, a member moved out, a household moved
    out, a visit voided or deleted, a visit after the period) leaves Q2's review as it was printed."""
    first, second = tmp_path / "first.pdf", tmp_path / "second.pdf"
    before = build_review(demo_store, Q2, first, issued_on=ISSUED, today=TODAY, invariant=True)
    area = before.coverage[0].area_id
    new = add_household(demo_store, area_id=area, house_no="999", street="Đường Mới", head_name="Phạm Văn Mới")
    add_visit(demo_store, household_id=new, visited_on="02/07/2026", purposes=["welfare_check"], outcome="met")
    visits = [v for v in list_visits(demo_store) if "2026-04-01" <= str(v["visited_at"])[:10] <= "2026-06-30"]
    void_visit(demo_store, str(visits[0]["id"]), "ghi nhầm")
    demo_store.writer.delete("visits", str(visits[1]["id"]))
    moved = before.not_visited[0].household_id
    demo_store.writer.update("households", moved, {"status": "moved_out"})
    member = demo_store.conn.execute(  # not a head: a head moves out once another member is head
        "SELECT id FROM people WHERE household_id != ? AND deleted_hlc IS NULL "
        "AND id NOT IN (SELECT head_person_id FROM households WHERE head_person_id IS NOT NULL) LIMIT 1", (moved,)
    ).fetchone()[0]
    move_out_person(demo_store, member, "03/07/2026")
    after = build_review(demo_store, Q2, second, issued_on=ISSUED, today=date(2027, 3, 1), invariant=True)
    assert after == before
    assert first.read_bytes() == second.read_bytes()
    # the same changes do show in a period whose cut-off comes after them
    now = clock.today()
    since_april = review_figures(demo_store, date_range(Q2.start, now), today=now)
    assert since_april.visits == before.visits - 2 + 1  # one voided, one deleted, one in July
    assert since_april.households == before.households + 1 - 1 and since_april.visits_voided == 1
