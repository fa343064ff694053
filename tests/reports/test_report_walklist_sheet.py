"""Walk lists and household sheets, read back; a 2,000-row table and very long names."""

from __future__ import annotations

import re
from datetime import date

import pdfplumber

from desktop.register.households import add_area, add_household
from desktop.register.visits import add_visit
from desktop.reports.household_sheet import build_household_sheet, mask_id
from desktop.reports.walklist import WalkFilter, build_walk_list
from desktop.store.queries import HouseholdFilter, household_detail, list_household_ids
from tests.reports.pdfcheck import page_count, pdf_fonts, read_pdf, render, table_rows

DEMO_END = date(2026, 6, 30)


def _first_area(store) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return store.conn.execute("SELECT id, name FROM areas ORDER BY name LIMIT 1").fetchone()


def test_walk_list_follows_the_household_list(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    area_id, area_name = _first_area(demo_store)
    out = tmp_path / "walk.pdf"
    lines = build_walk_list(
        demo_store, area_id, out, flt=WalkFilter(not_visited_days=60), today=DEMO_END, invariant=True
    )
    expected = list_household_ids(
        demo_store, HouseholdFilter(area_id=area_id, not_visited_days=60), today=DEMO_END
    )
    assert [line.household_id for line in lines] == expected and expected
    text = read_pdf(out)
    assert f"Hộ dân cần đến thăm tại {area_name}" in text.flat
    assert "chưa được thăm trong 60 ngày (tính đến ngày 30/06/2026)" in text.flat
    rows = table_rows(out)
    body = [row for row in rows if row[0].isdigit()]
    assert [row[2] for row in body] == [line.code for line in lines]  # same order as the app's list
    assert [row[0] for row in body] == [str(n) for n in range(1, len(lines) + 1)]
    assert all(row[-2:] == ("", "") for row in body)  # left empty to tick and write in
    with pdfplumber.open(out) as pdf:
        assert pdf.pages[0].width > pdf.pages[0].height  # landscape


def test_walk_list_filters(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    area_id, _ = _first_area(demo_store)
    never = build_walk_list(
        demo_store, area_id, tmp_path / "never.pdf", flt=WalkFilter(never_visited=True), today=DEMO_END
    )
    assert never and all(line.last_visit is None for line in never)
    assert {row[4] for row in table_rows(tmp_path / "never.pdf") if row[0].isdigit()} == {"Chưa từng thăm"}
    overdue = build_walk_list(
        demo_store, area_id, tmp_path / "overdue.pdf", flt=WalkFilter(overdue=True), today=DEMO_END
    )
    assert overdue and all(line.overdue >= 1 and line.open_follow_ups >= line.overdue for line in overdue)
    printed = {row[2]: row[5] for row in table_rows(tmp_path / "overdue.pdf") if row[0].isdigit()}
    assert all(printed[line.code] == f"{line.open_follow_ups} ({line.overdue} quá hạn)" for line in overdue)


def test_two_thousand_rows_and_very_long_names(store, tmp_path):  # type: ignore[no-untyped-def]
    area = add_area(store, "Khu phố Tân Hưng Thuận Đông", ward_name="Phường Tân Hưng Thuận")
    long_name = "Tôn Nữ " + " ".join(["Hoàng Phương Thảo Nguyên Khánh Ngọc Diệp"] * 6)
    long_street = (
        "Hẻm 1234/56/78 Đường Nguyễn Văn Quá nối dài khu dân cư Tân Hưng Thuận mở rộng giai đoạn hai"
    )
    with store.transaction():
        for number in range(1, 2001):
            add_household(
                store,
                area_id=area,
                house_no=f"{number}/{number % 7}",
                street="Trường Chinh",
                head_name=long_name if number % 500 == 1 else f"Phạm Văn Đức {number}",
                code=f"HK{number:06d}",
            )
        add_household(
            store, area_id=area, house_no="9999", street=long_street, head_name=long_name, code="HK999999"
        )
    out = tmp_path / "big.pdf"
    lines = build_walk_list(store, area, out, invariant=True)
    assert len(lines) == 2001
    rows = [row for row in table_rows(out) if row[0].isdigit()]
    assert [row[0] for row in rows] == [str(n) for n in range(1, 2002)]
    assert sorted(row[2] for row in rows) == sorted(line.code for line in lines)
    pages = page_count(out)
    text = read_pdf(out)
    assert all("STT" in page for page in text.pages[1:])  # the header repeats on every page
    assert text.flat.count("Tôn Nữ Hoàng Phương Thảo") == 5
    assert long_name in " ".join(row[3] for row in rows)  # wrapped in its cell, whole when read back
    assert any(long_street in row[1] for row in rows)
    assert all(font["emb"] == "yes" for font in pdf_fonts(out))
    render(out, tmp_path / "first", first=1, last=2)
    render(out, tmp_path / "last", first=pages - 1, last=pages)


def test_household_sheet(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    household_id = demo_store.conn.execute(
        "SELECT household_id FROM visits GROUP BY household_id ORDER BY COUNT(*) DESC, household_id LIMIT 1"
    ).fetchone()[0]
    detail = household_detail(demo_store, household_id)
    head = detail["people"][0]
    demo_store.writer.update("people", head["id"], {"id_number": "079123456789"})
    add_visit(
        demo_store,
        household_id=household_id,
        visited_on="01/07/2026",
        purposes=["mediation"],
        outcome="not_home",
        findings="Gia đình vắng nhà, hẹn lại",
    )
    out = tmp_path / "sheet.pdf"
    printed = build_household_sheet(
        demo_store, str(detail["code"]), out, today=date(2026, 7, 2), invariant=True
    )
    text = read_pdf(out)
    assert f"Hộ {detail['code']}, {detail['house_no']} {detail['street']}" in text.flat
    assert "Tài liệu có thông tin cá nhân" in text.flat
    assert "079123456789" not in text.text and "*********789" in text.text
    rows = table_rows(out)
    for person in printed["people"]:
        assert any(person["full_name"] in row for row in rows)
    dates = [row[0] for row in rows if re.fullmatch(r"\d\d/\d\d/\d{4}", row[0] or "")]
    assert dates[0] == "01/07/2026" and len(printed["visits"]) == len(detail["visits"]) + 1
    assert any(row[:3] == ("01/07/2026", "Hòa giải", "Vắng nhà") for row in rows)
    render(out, tmp_path / "png")


def test_mask_id() -> None:
    assert mask_id("079123456789") == "*********789"
    assert mask_id(None) == "" and mask_id("12") == "12"
