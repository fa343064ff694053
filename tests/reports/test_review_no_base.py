"""A share over nothing is not 0 %: a ward set up this quarter compared with the quarter before it had any
household, and a mediation rate when no mediation had a result, print a dash and state no change — never
"0,0" or "tăng 66,7 điểm phần trăm"."""

from __future__ import annotations

from pathlib import Path

from desktop import clock
from desktop.register.households import add_area, add_household
from desktop.register.visits import add_visit
from desktop.reports.export import csv_rows
from desktop.reports.figures import review_figures
from desktop.reports.narrative import drafts
from desktop.reports.periods import Period, quarter
from desktop.reports.review import build_review, table_rows
from desktop.reports.review_tables import review_tables
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf


def _this_quarter() -> Period:
    today = clock.today()
    return quarter(today.year, (today.month - 1) // 3 + 1)


def _new_ward(store: Store) -> None:
    """Three households entered today, two of them visited today: the ward has no earlier period."""
    area = add_area(store, "Khu phố Mới", ward_name="Phường 14")
    homes = [add_household(store, area_id=area, house_no=str(n), street="Hùng Vương", head_name=f"Nguyễn Văn {n}")
             for n in range(1, 4)]
    for home in homes[:2]:
        add_visit(store, household_id=home, visited_on=clock.today(), purposes=["welfare_check"], outcome="met")


def test_a_ward_set_up_this_quarter_has_no_earlier_figures_to_compare(store: Store, tmp_path: Path) -> None:
    _new_ward(store)
    out = tmp_path / "review.pdf"
    figures = build_review(store, _this_quarter(), out)
    assert figures.coverage_percent == 66.7
    comparison = figures.comparison
    assert comparison is not None and comparison.previous_values is not None
    before = comparison.previous_values
    assert before["households"] is None and before["visits"] is None and before["coverage"] is None  # not 0
    assert before["cases_received"] == 0  # what is not about households was counted as it was
    rows = {cells[0]: cells for cells in table_rows(review_tables(figures, "vi")["summary"], "vi")}
    assert rows["Tỷ lệ hộ được thăm"][2:] == ["66,7", "—", "—", "—", "—"]
    assert rows["Hộ đang cư trú"][2:] == ["3", "—", "—", "—", "—"]
    results = drafts(figures, "vi")["results"]
    assert "hộ" not in results and "tỷ lệ" not in results and "tăng" not in results
    flat = read_pdf(out).flat
    assert "Tỷ lệ hộ được thăm % 66,7 — — — —" in flat
    assert "điểm phần trăm" not in flat and "lượt thăm hộ trong kỳ tăng" not in flat


def test_a_mediation_rate_without_a_result_is_a_dash_and_not_compared(store: Store, tmp_path: Path) -> None:
    _new_ward(store)
    figures = review_figures(store, _this_quarter())
    assert figures.outcomes.mediations_decided == 0
    assert figures.outcomes.mediation_success_percent is None
    rows = {cells[0]: cells for cells in table_rows(review_tables(figures, "vi")["summary"], "vi")}
    assert rows["Tỷ lệ hòa giải thành (trong số vụ có kết quả)"][2:] == ["—", "—", "—", "—", "—"]
    summary = review_tables(figures, "vi")["summary"]
    row = next(number for number, row in enumerate(summary.rows, start=1) if row[0] == "Tỷ lệ hòa giải thành "
               "(trong số vụ có kết quả)")
    exported = [line for line in csv_rows(figures, "vi") if line[3] == row and line[4] == "Kỳ này"]
    assert len(exported) == 1 and exported[0][5] == ""  # the data holds no value either, not 0
