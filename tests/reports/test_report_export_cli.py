"""The review's figures as XLSX and CSV, and the `wardbook report` commands on a real database file."""

from __future__ import annotations

import csv
from datetime import date

import openpyxl
import pytest

from desktop.cli import main
from desktop.reports.export import csv_rows, write_csv, write_xlsx
from desktop.reports.figures import review_figures
from desktop.reports.periods import quarter
from desktop.reports.review_tables import review_tables
from tests.reports.pdfcheck import pdf_fonts, read_pdf, table_rows

Q2 = quarter(2026, 2)


@pytest.fixture
def figures(demo_store):  # type: ignore[no-untyped-def]
    return review_figures(demo_store, Q2, today=date(2026, 11, 25), names=True)  # the exports with names too


def test_xlsx_holds_the_same_rows(figures, tmp_path):  # type: ignore[no-untyped-def]
    out = write_xlsx(figures, tmp_path / "review.xlsx", names=True)
    workbook = openpyxl.load_workbook(out)
    tables = review_tables(figures, "vi")
    assert len(workbook.sheetnames) == len(tables)
    default = openpyxl.load_workbook(write_xlsx(figures, tmp_path / "default.xlsx"))
    assert len(default.sheetnames) == len(tables) - 2  # no list of households by name unless asked for
    summary = default["Các chỉ tiêu chính"]
    formats = {row[0].value: row[2].number_format for row in summary.iter_rows(min_row=6)}
    assert formats["Lượt thăm hộ trong kỳ"] == "#,##0" and formats["Tỷ lệ hộ được thăm"] == "#,##0.0"
    coverage = workbook["Kết quả thăm hộ theo khu phố"]
    values = [row for row in coverage.iter_rows(values_only=True)]
    assert values[0][0] == "Kết quả thăm hộ theo khu phố"
    assert values[1][:2] == ("Kỳ báo cáo", "quý II năm 2026 (2026-Q2)")
    header_at = values.index(tuple(field.title for field in tables["coverage"].fields))
    body = [list(row) for row in values[header_at + 1 :]]
    assert body == [*tables["coverage"].rows, tables["coverage"].total]
    assert body[-1][1:4] == [figures.households, figures.households_visited, figures.coverage_percent]
    not_visited = workbook["Danh sách hộ chưa được thăm"]  # Excel's 31 characters, cut after a whole word
    codes = [row[1] for row in not_visited.iter_rows(min_row=7, values_only=True)]
    assert codes == [line.code for line in figures.not_visited]
    dates = [row[5] for row in not_visited.iter_rows(min_row=7, values_only=True)]
    assert any(hasattr(value, "year") for value in dates)  # ISO dates become real dates


def test_csv_is_long_format_with_raw_numbers(figures, tmp_path):  # type: ignore[no-untyped-def]
    out = write_csv(figures, tmp_path / "review.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Kỳ báo cáo", "Phạm vi", "bảng", "dòng", "cột", "giá trị"]
    assert len(rows) - 1 == len(csv_rows(figures))
    total = {
        row[4]: row[5]
        for row in rows[1:]
        if row[2] == "Kết quả thăm hộ theo khu phố" and row[3] == str(len(figures.coverage) + 1)
    }
    assert total["Số hộ"] == str(figures.households)
    assert total["Hộ đã thăm"] == str(figures.households_visited)
    assert total["Tỷ lệ"] == str(figures.coverage_percent)
    assert {row[0] for row in rows[1:]} == {"2026-Q2"} and {row[1] for row in rows[1:]} == {"Toàn phường"}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_exports_name_each_table_in_the_reports_language(figures, lang, tmp_path):  # type: ignore[no-untyped-def]
    """The CSV's table column held "summary", "coverage", "not_visited_by_officer": the tables are named as the
    report and the XLSX name them, and a sheet's name ends on a whole word."""
    tables = review_tables(figures, lang)
    titles = {table.title for table in tables.values()}
    named = {row[2] for row in csv_rows(figures, lang, names=True)}
    assert named == {table.title for table in tables.values() if table.rows or table.total}
    assert not named & set(tables)
    sheets = openpyxl.load_workbook(write_xlsx(figures, tmp_path / "r.xlsx", lang, names=True)).sheetnames
    assert len(set(sheets)) == len(tables)
    words = {word for title in titles for word in title.split()}
    for sheet in sheets:
        assert len(sheet) <= 31 and sheet.rstrip(" 0123456789").split()[-1] in words, sheet


def test_cli_review_with_exports(demo_store, tmp_path):  # type: ignore[no-untyped-def]
    db = demo_store.path
    demo_store.close()
    out = tmp_path / "out" / "review.pdf"
    code = main(
        [
            "--db",
            str(db),
            "report",
            "review",
            "--from",
            "01/04/2026",
            "--to",
            "30/06/2026",
            "--area",
            "khu pho 2",
            "--out",
            str(out),
            "--xlsx",
            str(tmp_path / "r.xlsx"),
            "--csv",
            str(tmp_path / "r.csv"),
            "--date",
            "05/07/2026",
        ]
    )
    assert code == 0 and out.exists() and (tmp_path / "r.xlsx").exists() and (tmp_path / "r.csv").exists()
    flat = read_pdf(out).flat
    assert "Sơ kết công tác địa bàn quý II năm 2026 tại Khu phố 2" in flat
    assert "ngày 05 tháng 7 năm 2026" in flat
    assert all(font["emb"] == "yes" for font in pdf_fonts(out))
    assert "Phụ lục II" not in flat  # no list of households by name unless asked for
    named = tmp_path / "named.pdf"
    argv = ["--db", str(db), "report", "review", "--period", "2026-Q2", "--area", "khu pho 2"]
    assert main([*argv, "--out", str(named), "--annex-names"]) == 0
    assert "Phụ lục II" in read_pdf(named).flat


def test_cli_walklist_and_household(demo_store, tmp_path, capsys):  # type: ignore[no-untyped-def]
    db = demo_store.path
    code_of_household = demo_store.conn.execute(
        "SELECT code FROM households ORDER BY code LIMIT 1"
    ).fetchone()[0]
    demo_store.close()
    walk = tmp_path / "walk.pdf"
    assert (
        main(
            [
                "--db",
                str(db),
                "report",
                "walklist",
                "--area",
                "Khu phố 1",
                "--never-visited",
                "--out",
                str(walk),
            ]
        )
        == 0
    )
    printed = [row for row in table_rows(walk) if row[0].isdigit()]
    assert printed and all(row[4] == "Chưa từng thăm" for row in printed)
    assert f"({len(printed)} hộ)" in capsys.readouterr().out
    sheet = tmp_path / "sheet.pdf"
    assert (
        main(["--db", str(db), "--lang", "en", "report", "household", code_of_household, "--out", str(sheet)])
        == 0
    )
    assert "HOUSEHOLD SHEET" in read_pdf(sheet).flat


def test_cli_refuses_bad_input_and_writes_nothing(demo_store, tmp_path, capsys):  # type: ignore[no-untyped-def]
    db = demo_store.path
    demo_store.close()
    out = tmp_path / "out"
    cases = [
        ["report", "review", "--from", "01/07/2026", "--to", "30/06/2026", "--out", str(out / "a.pdf")],
        ["report", "review", "--period", "2026-Q5", "--out", str(out / "b.pdf")],
        ["report", "review", "--out", str(out / "c.pdf")],
        ["report", "review", "--period", "2026-Q2", "--area", "Khu phố 99", "--out", str(out / "d.pdf")],
        ["report", "household", "HK-NONE", "--out", str(out / "e.pdf")],
    ]
    for args in cases:
        assert main(["--db", str(db), *args]) == 2
        assert capsys.readouterr().err.startswith("Lỗi:")
    assert not out.exists() or list(out.iterdir()) == []
