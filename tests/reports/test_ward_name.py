"""The ward's name in a report's heading: a register set up by import or in the app had none, and every report
printed "ỦY BAN NHÂN DÂN PHƯỜNG" and stopped. The name is asked for when the register is set up (`init --ward`)
and in the ward settings; while it is missing the heading prints a dotted line to write it in by hand, as on a
paper form, and the report says so before it is made."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.units import mm

from desktop.cli import main
from desktop.register.activities import add_activity
from desktop.register.households import add_area, add_household
from desktop.reports.periods import quarter
from desktop.reports.review import build_review
from desktop.reports.settings import missing_ward_name
from desktop.reports.walklist import build_walk_list
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf, title_columns

SPLIT_X = 30 * mm + 0.42 * (210 - 45) * mm  # where the title block's columns meet
BLANK = "………………"


def _imported_ward(store: Store) -> None:
    """What `import --create-areas` leaves: areas and households, no ward name anywhere."""
    area = add_area(store, "Khu phố 1")
    add_household(store, area_id=area, house_no="10", street="Trần Hưng Đạo", head_name="Nguyễn Văn An")


def test_a_ward_without_a_name_prints_a_line_to_fill_in_never_a_bare_ward(store: Store, tmp_path: Path) -> None:
    _imported_ward(store)
    add_activity(store, kind="meeting", held_on="01/05/2026", topic="Họp tổ dân phố")  # so its annex is printed
    assert missing_ward_name(store)
    out = tmp_path / "review.pdf"
    build_review(store, quarter(2026, 2), out, issued_on=date(2026, 7, 5), today=date(2026, 11, 25))
    left, _right = title_columns(out, SPLIT_X)
    assert left.startswith(f"ỦY BAN NHÂN DÂN PHƯỜNG {BLANK}"), left
    assert f"của Ủy ban nhân dân phường {BLANK})" in read_pdf(out).flat  # the annex's reference line
    walk = tmp_path / "walk.pdf"
    build_walk_list(store, None, walk)
    assert read_pdf(walk).lines[0].startswith(f"ỦY BAN NHÂN DÂN PHƯỜNG {BLANK} CỘNG HÒA")  # landscape: one line


def test_the_ward_name_set_once_names_the_issuer_and_the_place(store: Store, tmp_path: Path) -> None:
    _imported_ward(store)
    store.set_setting("report.ward_name", "Phường Chợ Lớn")
    assert not missing_ward_name(store)
    out = tmp_path / "review.pdf"
    build_review(store, quarter(2026, 2), out, issued_on=date(2026, 7, 5), today=date(2026, 11, 25))
    left, right = title_columns(out, SPLIT_X)
    assert left.startswith("ỦY BAN NHÂN DÂN PHƯỜNG CHỢ LỚN"), left
    assert "Phường Chợ Lớn, ngày 05 tháng 7 năm 2026" in right
    assert BLANK not in read_pdf(out).flat
    store.set_setting("report.ward_name", "")
    store.set_setting("report.issuing_body", "ỦY BAN NHÂN DÂN\nPHƯỜNG SÀI GÒN")  # typed in full: named too
    assert not missing_ward_name(store)


def test_cli_asks_for_the_ward_name_and_warns_before_a_report_without_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "ward.db")
    assert main(["--db", db, "init"]) == 0
    assert "wardbook setting report.ward_name" in capsys.readouterr().out  # said at once, while setting up
    rows = tmp_path / "ho.csv"
    rows.write_text("Họ và tên chủ hộ,Năm sinh,Số nhà,Đường,Khu phố\nNguyễn Văn An,1950,10,Trần Hưng Đạo,Khu phố 1\n",
                    encoding="utf-8")
    assert main(["--db", db, "import", str(rows), "--create-areas"]) == 0
    capsys.readouterr()
    out = tmp_path / "review.pdf"
    assert main(["--db", db, "report", "review", "--period", "2026-Q2", "--out", str(out)]) == 0
    assert "chưa có tên phường" in capsys.readouterr().err
    assert main(["--db", db, "report", "walklist", "--area", "Khu phố 1", "--out", str(tmp_path / "walk.pdf")]) == 0
    assert "chưa có tên phường" in capsys.readouterr().err
    assert main(["--db", db, "setting", "report.ward_name", "Phường Chợ Lớn"]) == 0
    assert main(["--db", db, "report", "review", "--period", "2026-Q2", "--out", str(out)]) == 0
    assert "chưa có tên phường" not in capsys.readouterr().err
    assert title_columns(out, SPLIT_X)[0].startswith("ỦY BAN NHÂN DÂN PHƯỜNG CHỢ LỚN")

    named = str(tmp_path / "named.db")
    assert main(["--db", named, "init", "--ward", "Phường 14"]) == 0
    assert "report.ward_name" not in capsys.readouterr().out
    with Store.open(Path(named)) as store:
        assert store.setting("report.ward_name") == "Phường 14" and not missing_ward_name(store)
