"""Each key figure against the previous period, the same period a year earlier and the ward's targets: in
the summary table, the drafted results and the exports, from the same figures those periods print."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.register.visits import add_visit
from desktop.reports.figures import review_figures
from desktop.reports.indicators import INDICATORS, parse_target, values
from desktop.reports.narrative import drafts
from desktop.reports.periods import quarter, year
from desktop.reports.review import build_review, table_rows
from desktop.reports.review_tables import review_tables
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf
from tests.reports.pdfcheck import table_rows as pdf_table_rows

Q2 = quarter(2026, 2)
TODAY = date(2026, 11, 25)


def test_summary_compares_with_the_previous_quarter_and_last_year(demo_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"
    figures = build_review(demo_store, Q2, out, issued_on=date(2026, 7, 5), today=TODAY)
    comparison = figures.comparison
    assert comparison is not None and comparison.previous == quarter(2026, 1)
    assert comparison.last_year == quarter(2025, 2)
    assert comparison.previous_values == values(review_figures(demo_store, quarter(2026, 1), compare=False))
    assert comparison.last_year_values == values(review_figures(demo_store, quarter(2025, 2), compare=False))
    summary = review_tables(figures, "vi")["summary"]
    assert [field.title for field in summary.fields] == [
        "Nội dung", "Đơn vị tính", "Kỳ này", "Kỳ trước", "Tăng (+), giảm (-)", "Cùng kỳ năm trước",
        "Tăng (+), giảm (-)",
    ]
    visits = next(row for row in summary.rows if row[0] == "Lượt thăm hộ trong kỳ")
    before = comparison.previous_values["visits"]
    assert visits[2:5] == [figures.visits, before, figures.visits - before]
    printed = pdf_table_rows(out)
    for cells in table_rows(summary, "vi"):
        assert tuple(cells) in printed
    coverage = next(cells for cells in table_rows(summary, "vi") if cells[0] == "Tỷ lệ hộ được thăm")
    assert all("," in cell for cell in coverage[2:4])  # a share keeps its decimal: "37,0", never "37"
    flat = read_pdf(out).flat
    assert "So với quý I năm 2026: lượt thăm hộ trong kỳ" in flat
    assert "So với cùng kỳ năm trước:" in flat


def test_targets_from_the_ward_settings(demo_store: Store) -> None:
    demo_store.set_setting("report.target.coverage", "60")
    demo_store.set_setting("report.target.visits", "1.000")
    demo_store.set_setting("report.target.activities", "không rõ")  # not a number: no target
    figures = review_figures(demo_store, Q2, today=TODAY)
    assert figures.comparison is not None and figures.comparison.targets == {"visits": 1000.0, "coverage": 60.0}
    summary = review_tables(figures, "vi")["summary"]
    assert summary.fields[-1].title == "Chỉ tiêu giao"
    rows = {cells[0]: cells for cells in table_rows(summary, "vi")}
    assert rows["Tỷ lệ hộ được thăm"][-1] == "60,0" and rows["Lượt thăm hộ trong kỳ"][-1] == "1.000"
    assert rows["Nhân khẩu"][-1] == ""
    results = drafts(figures, "vi")["results"]
    assert f"lượt thăm hộ trong kỳ đạt {figures.visits}/1.000 lượt" in results


def test_annual_review_compares_with_the_year_before_once(demo_store: Store) -> None:
    figures = review_figures(demo_store, year(2026), today=TODAY)
    titles = [field.title for field in review_tables(figures, "vi")["summary"].fields]
    assert "Năm trước" in titles and "Cùng kỳ năm trước" not in titles


def test_targets_parse_the_vietnamese_way() -> None:
    assert parse_target("90,5") == 90.5 and parse_target("1.000.000") == 1_000_000
    assert parse_target("85.5") == 85.5 and parse_target("") is None and parse_target("-3") is None
    assert len({indicator.key for indicator in INDICATORS}) == len(INDICATORS)


def test_a_target_the_review_cannot_use_is_refused_when_it_is_set(store: Store) -> None:
    """150 % coverage was printed as a target; -5, "nan", "abc" were saved and silently left out of the review."""
    from desktop.errors import WardbookError
    from desktop.security.access import change_setting

    for value in ("150", "-5", "nan", "abc", "1e999", "100,5"):
        with pytest.raises(WardbookError) as refused:
            change_setting(store, "report.target.coverage", value)
        assert refused.value.msg_id == "reports.bad_target" and value in refused.value.message("vi")
    change_setting(store, "report.target.coverage", "90,5")
    change_setting(store, "report.target.visits", "1.500")  # a count may pass 100
    change_setting(store, "report.target.visits", "")  # removes the target
    assert store.setting("report.target.coverage") == "90,5" and not store.setting("report.target.visits")


def test_earlier_periods_are_computed_on_connections_of_their_own_with_the_same_figures(
        demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The previous quarter and the same quarter last year run beside the period's own figures, each on its own
    connection in a thread, and give what the same figures computed one after another on one connection give."""
    from desktop.reports import compare

    seen: list[tuple[bool, str]] = []
    computed = compare._earlier_values

    def watched(store: Store, *args: object) -> list[dict[str, float | None]]:
        seen.append((store.conn is demo_store.conn, threading.current_thread().name))
        return computed(store, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(compare, "_earlier_values", watched)
    alongside = review_figures(demo_store, Q2, today=TODAY).comparison
    assert len(seen) == 1 and not any(same for same, _thread in seen)  # both periods, on one other connection
    assert all(thread.startswith("review-compare") for _same, thread in seen)
    seen.clear()
    with demo_store.transaction():  # inside a transaction: in turn, on the caller's connection
        in_turn = review_figures(demo_store, Q2, today=TODAY).comparison
    assert [same for same, _thread in seen] == [True]
    assert alongside == in_turn
    assert alongside is not None and alongside.previous_values and alongside.previous_values["visits"]


def test_a_review_inside_a_transaction_compares_with_what_the_transaction_wrote(demo_store: Store) -> None:
    before = review_figures(demo_store, Q2, today=TODAY).comparison
    assert before is not None and before.previous_values is not None
    household = demo_store.conn.execute(
        "SELECT id FROM households WHERE deleted_hlc IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    with demo_store.transaction():
        add_visit(demo_store, household_id=household, visited_on="15/02/2026", purposes=["welfare_check"],
                  outcome="met")
        during = review_figures(demo_store, Q2, today=TODAY).comparison
    assert during is not None and during.previous_values is not None
    assert during.previous_values["visits"] == before.previous_values["visits"] + 1


def test_a_cancelled_review_stops_its_earlier_periods_too(demo_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user cancels while the period's own figures are computed: the earlier periods' threads stop at their
    next step instead of finishing figures nobody will read (the review waits for them before it gives up)."""
    from desktop.reports import compare

    finished: list[str] = []
    computed = compare._earlier_values

    def watched(*args: object) -> list[dict[str, float | None]]:
        result = computed(*args)  # type: ignore[arg-type]
        finished.append(threading.current_thread().name)
        return result

    monkeypatch.setattr(compare, "_earlier_values", watched)
    caller = threading.current_thread()

    def cancelled() -> bool:  # the user's cancel, seen by the review's own thread; the others learn it from it
        return threading.current_thread() is caller

    with pytest.raises(WardbookError) as raised:
        review_figures(demo_store, Q2, today=TODAY, cancelled=cancelled)
    assert raised.value.msg_id == "reports.cancelled"
    assert finished == []
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("review-compare")]
