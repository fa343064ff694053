"""Figures of a signed review checked against the register by hand: each sentence agrees with its table, a
reprint of a past period is the review signed on its day, and rounded numbers round as a person or Excel would."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pdfplumber
import pytest
from docx import Document
from docx.oxml.ns import qn

from desktop.register.cases import add_case, update_case
from desktop.register.households import add_area, add_household
from desktop.register.visits import SupportItem, add_visit
from desktop.reports.document import MARGIN_LEFT, MARGIN_RIGHT
from desktop.reports.figures import CaseLine, review_figures
from desktop.reports.fonts import ITALIC, text_width
from desktop.reports.periods import quarter
from desktop.reports.review import build_review, table_rows
from desktop.reports.review_tables import review_tables
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf

Q2 = quarter(2026, 2)
TODAY = date(2026, 11, 25)
ISSUED = date(2026, 7, 5)


def _line(store: Store, kind: str) -> CaseLine:
    return next(line for line in review_figures(store, Q2, today=TODAY).cases if line.kind == kind)


@pytest.mark.parametrize(
    ("kind", "received", "resolved", "later", "days"),
    [
        # resolved in the quarter, its file closed in the next one
        ("complaint", "2026-05-04", {"on": "2026-05-14", "new_status": "resolved", "resolution": "Đã nhắc nhở"},
         {"on": "2026-07-03", "new_status": "closed"}, 10),
        # resolved in the quarter, reopened in the next one
        ("dispute", "2026-04-02", {"on": "2026-04-10", "new_status": "resolved", "resolution": "Hòa giải thành"},
         {"on": "2026-07-05", "new_status": "open", "note": "Phát sinh lại"}, 8),
    ],
)
def test_a_resolution_stays_in_the_review_of_its_period_whatever_the_case_became_later(
    store: Store, tmp_path: Path, kind: str, received: str, resolved: dict[str, str], later: dict[str, str],
    days: int,
) -> None:
    case_id = add_case(store, kind=kind, title="Vụ việc", received_on=received)
    update_case(store, case_id, **resolved)  # type: ignore[arg-type]
    signed = _line(store, kind)
    assert (signed.by_status["resolved"], signed.resolved, signed.resolution_days) == (1, 1, days)

    update_case(store, case_id, **later)  # type: ignore[arg-type]
    assert _line(store, kind) == signed
    out = tmp_path / "q2.pdf"
    build_review(store, Q2, out, issued_on=ISSUED, today=TODAY)
    flat = read_pdf(out).flat
    assert (f"Trong kỳ tiếp nhận 1 vụ việc; đã giải quyết, kết thúc 1 vụ việc với thời gian giải quyết trung bình "
            f"{days} ngày.") in flat
    assert "chưa có vụ việc nào được giải quyết xong" not in flat



def _households(store: Store, area: str, visited: int, not_visited: int = 0) -> None:
    """Households of `area` visited in Q2, and others known there by a visit of Q1 only."""
    for n in range(visited + not_visited):
        household = add_household(store, area_id=area, house_no=str(n + 1), street="Lê Lợi", head_name=f"Chủ hộ {n}")
        day = "2026-05-04" if n < visited else "2026-03-02"
        add_visit(store, household_id=household, visited_on=day, purposes=["welfare_check"], outcome="met")


def _causes(store: Store, tmp_path: Path, area_id: str | None = None) -> str:
    out = tmp_path / "review.pdf"
    build_review(store, Q2, out, area_id=area_id, issued_on=ISSUED, today=TODAY)
    flat = read_pdf(out).flat
    return flat[flat.index("a) Nguyên nhân chủ quan:"):flat.index("b) Nguyên nhân khách quan")]


def test_the_visits_are_called_uneven_only_between_khu_pho_at_different_rates(store: Store, tmp_path: Path) -> None:
    kp1, kp2 = add_area(store, "Khu phố 1"), add_area(store, "Khu phố 2")
    _households(store, kp1, 1)
    _households(store, kp2, 2)
    # one khu phố; two at the same rate: nothing uneven to say, and no overdue follow-up
    for area_id in (kp1, None):
        causes = _causes(store, tmp_path, area_id)
        assert "chưa đều giữa các khu phố" not in causes
        assert causes.strip() == "a) Nguyên nhân chủ quan: Không có việc theo dõi quá hạn chưa được hoàn thành."
    _households(store, kp2, 0, 2)  # Khu phố 2: 2 of 4 visited
    assert _causes(store, tmp_path).strip() == (
        "a) Nguyên nhân chủ quan: Việc bố trí lịch thăm hộ chưa đều giữa các khu phố (thấp nhất Khu phố 2 đạt "
        "50,0%, cao nhất Khu phố 1 đạt 100,0%)."
    )


def test_a_period_without_data_says_so(store: Store, tmp_path: Path) -> None:
    out, docx = tmp_path / "review.pdf", tmp_path / "review.docx"
    build_review(store, Q2, out, docx=docx, issued_on=ISSUED, today=TODAY)
    words = "\n".join(paragraph.text for paragraph in Document(str(docx)).paragraphs)
    for text in (read_pdf(out).flat, words):
        assert "Trong kỳ không có lượt thăm hộ nào; tính đến ngày 30/06/2026, địa bàn không có hộ đang cư trú." in text
        assert "a) Nguyên nhân chủ quan: Trong kỳ không có lượt thăm hộ nào." in text
        assert "Trong kỳ không có lượt thăm hộ, việc theo dõi sau thăm hay vụ việc nào để đánh giá." in text
        assert not re.search(r"(?<![\d/])0/0(?![\d/])", text), "a share of nothing"
        assert "đạt —" not in text and "(Chưa có khu phố)" not in text


def test_shares_means_and_amounts_round_half_up_as_by_hand(store: Store, tmp_path: Path) -> None:
    area = add_area(store, "Khu phố 1")
    _households(store, area, 0, 15)
    household = add_household(store, area_id=area, house_no="99", street="Lê Lợi", head_name="Trần Văn Bình")
    add_visit(store, household_id=household, visited_on="2026-05-04", purposes=["welfare_check"], outcome="met",
              support=[SupportItem("cash", None, None, 2_500), SupportItem("food", 2.25, "kg", None)])
    for n, days in enumerate((1, 1, 1, 2)):  # 5 days over 4 cases: 1,25
        case_id = add_case(store, kind="complaint", title=f"Vụ việc {n}", received_on="2026-05-04")
        update_case(store, case_id, on=f"2026-05-0{4 + days}", new_status="resolved")
    out = tmp_path / "review.pdf"
    figures = build_review(store, Q2, out, issued_on=ISSUED, today=TODAY)

    flat = read_pdf(out).flat
    assert "đến được 1/16 hộ, đạt 6,3%" in flat  # 6,25 %
    assert "với thời gian giải quyết trung bình 1,3 ngày" in flat
    tables = review_tables(figures, "vi")
    summary = {cells[0]: cells for cells in table_rows(tables["summary"], "vi")}
    assert summary["Giá trị hỗ trợ đã trao"][2] == "3"  # 2.500 đồng in nghìn đồng
    assert summary["Tỷ lệ hộ được thăm"][2] == "6,3"
    support = {cells[0]: cells for cells in table_rows(tables["support"], "vi")}
    assert support["Lương thực"][3] == "2,3"  # 2,25 kg


LONG_PLACE = "Phường Bến Thành, Thành phố Hồ Chí Minh"


@pytest.mark.parametrize(
    ("place", "lines"),
    [
        ("Phường 1", ["Phường 1, ngày 05 tháng 7 năm 2026"]),
        ("Phường Nguyễn Thái Bình", ["Phường Nguyễn Thái Bình,", "ngày 05 tháng 7 năm 2026"]),
        ("", ["Thành phố Hồ Chí Minh,", "ngày 05 tháng 7 năm 2026"]),  # the place printed when none is set
        (LONG_PLACE, [f"{LONG_PLACE},", "ngày 05 tháng 7 năm 2026"]),
    ],
)
def test_the_date_line_keeps_the_date_whole(store: Store, tmp_path: Path, place: str, lines: list[str]) -> None:
    if place:
        store.set_setting("report.place", place)
    out, docx = tmp_path / "review.pdf", tmp_path / "review.docx"
    build_review(store, Q2, out, docx=docx, issued_on=ISSUED, today=TODAY)

    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        right_edge = page.width - MARGIN_RIGHT
        right_column = page.crop((MARGIN_LEFT + (right_edge - MARGIN_LEFT) * 0.42, 0, page.width, page.height / 3))
        printed = [line for line in right_column.extract_text_lines()
                   if line["chars"][0]["fontname"].endswith("Italic")]
        assert [line["text"] for line in printed] == lines
        for line in printed:
            size = line["chars"][0]["size"]
            assert size == 13  # Decree 30: 13–14 pt
            assert line["x1"] <= right_edge + 0.5
            assert abs((line["x1"] - line["x0"]) - text_width(line["text"], ITALIC, size)) < 1
    title = Document(str(docx)).tables[0]
    cell = title.cell(1, 1)
    assert cell.paragraphs[0].text.split("\n") == lines
    size = cell.paragraphs[0].runs[0].font.size.pt
    padding = title._tbl.tblPr.find(qn("w:tblCellMar"))  # Word's own is 5,4 pt each side
    room = cell.width.pt - (5.4 * 2 if padding is None else sum(
        int(padding.find(qn(f"w:{side}")).get(qn("w:w"))) / 20 for side in ("left", "right")))
    assert size == 13 and all(text_width(line, ITALIC, size) <= room for line in lines)
