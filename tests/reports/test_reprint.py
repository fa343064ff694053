"""A review printed again with figures unlike those of its earlier print as of the same day is told so
(`desktop.reports.reprint`): a visit of the quarter entered late, or one whose day was corrected, changes its
figures (the register keeps no history of the day a visit was first given), and the copy already signed and sent
would silently differ from the new one."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop.register.visits import add_visit, correct_visit
from desktop.reports.periods import quarter
from desktop.reports.review import build_review
from desktop.store import Store

Q2 = quarter(2026, 2)
LATER = date(2026, 11, 25)  # long after the quarter: its figures are as of 30/06/2026


def _print(store: Store, out: Path, *, area_id: str | None = None, today: date = LATER,
           lang: str = "vi") -> list[str]:
    told: list[str] = []
    build_review(store, Q2, out, area_id=area_id, today=today, lang=lang, changed=told.append)
    return told


def _entered_late(store: Store, area_id: str | None = None) -> None:
    """A visit of the quarter recorded in November (the officer's notebook found again)."""
    household = store.conn.execute("SELECT id FROM households WHERE deleted_hlc IS NULL AND (? IS NULL OR "
                                   "area_id = ?) ORDER BY code LIMIT 1", (area_id, area_id)).fetchone()[0]
    add_visit(store, household_id=household, visited_on="2026-05-05", purposes=["welfare_check"], outcome="met")


def _moved_out_of_the_quarter(store: Store) -> None:
    """A visit's day corrected from June to July."""
    visit = store.conn.execute(
        "SELECT id FROM visits WHERE voided = 0 AND deleted_hlc IS NULL AND follow_up_due IS NULL "
        "AND visited_at BETWEEN '2026-06-01' AND '2026-06-30' ORDER BY visited_at LIMIT 1").fetchone()[0]
    correct_visit(store, visit, {"visited_on": "2026-07-02"})


def test_a_review_printed_again_after_its_visits_changed_says_which_figures_changed(
        demo_store: Store, tmp_path: Path) -> None:
    assert _print(demo_store, tmp_path / "first.pdf") == []
    first = demo_store.conn.execute(
        "SELECT detail FROM audit_log WHERE action = 'print' ORDER BY at DESC LIMIT 1").fetchone()[0]
    visits = json.loads(first)["indicators"]["visits"]
    assert _print(demo_store, tmp_path / "same.pdf") == []  # nothing changed: nothing to tell
    _entered_late(demo_store)
    (told,) = _print(demo_store, tmp_path / "again.pdf")
    assert told.startswith("Số liệu khác với bản in lúc ") and "cùng tính đến ngày chốt" in told
    assert f"Lượt thăm hộ trong kỳ {visits:,} → {visits + 1:,}".replace(",", ".") in told, told
    assert _print(demo_store, tmp_path / "third.pdf") == []  # told once: compared with the latest print
    _moved_out_of_the_quarter(demo_store)
    (told,) = _print(demo_store, tmp_path / "fourth.pdf", lang="en")
    assert told.startswith("The figures differ from the copy printed at ")
    assert f"Visits in the period {visits + 1:,} → {visits:,}" in told, told


def test_a_print_while_the_period_ran_or_of_another_khu_pho_is_not_compared(
        demo_store: Store, tmp_path: Path) -> None:
    """Figures counted as of another day (the quarter still running) or for one khu phố only are other figures,
    not a changed copy."""
    area_id = str(demo_store.conn.execute("SELECT id FROM areas ORDER BY name LIMIT 1").fetchone()[0])
    assert _print(demo_store, tmp_path / "running.pdf", today=date(2026, 6, 15)) == []
    assert _print(demo_store, tmp_path / "area.pdf", area_id=area_id) == []
    _entered_late(demo_store, area_id)
    assert _print(demo_store, tmp_path / "ward.pdf") == []  # the first print as of 30/06 of the whole ward
    _entered_late(demo_store, area_id)
    (told,) = _print(demo_store, tmp_path / "area-again.pdf", area_id=area_id)
    assert "Lượt thăm hộ trong kỳ" in told


def test_an_earlier_print_with_figures_of_another_shape_is_read_without_harm(
        demo_store: Store, tmp_path: Path) -> None:
    """Another laptop's print of an older release (fewer figures) or a hand-edited entry (text where a number
    is): compared figure by figure where both have one, shown as a dash where it is no number."""
    _print(demo_store, tmp_path / "first.pdf")
    entry_id, detail = demo_store.conn.execute(
        "SELECT id, detail FROM audit_log WHERE action = 'print' ORDER BY at DESC LIMIT 1").fetchone()
    data = json.loads(detail)
    data["indicators"] = {"visits": "many", "people": data["indicators"]["people"]}
    edit = sqlite3.connect(str(demo_store.path), isolation_level=None)  # a tool on the file, past the write path
    edit.execute("UPDATE audit_log SET detail = ? WHERE id = ?", (json.dumps(data), entry_id))
    edit.close()
    (told,) = _print(demo_store, tmp_path / "again.pdf")
    assert "Lượt thăm hộ trong kỳ — → " in told and "Nhân khẩu" not in told


def test_the_command_line_tells_it_beside_the_files_written(demo_store: Store, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    review = ["--lang", "en", "--db", str(demo_store.path), "report", "review", "--period", "2026-Q2", "--out"]
    assert main([*review, str(tmp_path / "first.pdf")]) == 0
    _entered_late(demo_store)
    capsys.readouterr()
    assert main([*review, str(tmp_path / "again.pdf")]) == 0
    captured = capsys.readouterr()
    assert "again.pdf" in captured.out and "The figures differ from the copy printed at " in captured.err
    assert "Visits in the period" in captured.err
