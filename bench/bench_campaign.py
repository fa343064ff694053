"""Benchmark of a door-to-door sweep over a whole ward (20k households, 10 questions, 60 % of households
recorded), each figure beside a baseline measured in the same run:

* the Sweeps page's first paint (the sweep's households read, tallied by khu phố and officer and per day, the
  tables filled and painted) vs one raw GROUP BY query of the same counts shown in a bare QTableWidget;
* the results workbook (one row per household, one column per question) vs a raw SQL read of the same rows and
  answers written by openpyxl's write-only workbook, without labels or cell types.

Run: `python bench/bench_campaign.py [--db sweep20k.db] [--households 20000] [--runs 5]`. Prints figures.
The ward and the sweep are made once (through the write path) and kept in the file for later runs.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.campaigns import answers, definition  # noqa: E402
from desktop.campaigns.definition import Question  # noqa: E402
from desktop.store import RowWrite, Store  # noqa: E402

TODAY = date(2026, 6, 30)
QUESTIONS = [
    Question("Có người cao tuổi sống một mình?", "yes_no", code="alone", required=True),
    Question("Có người khuyết tật?", "yes_no", code="disabled"),
    Question("Nhu cầu hỗ trợ", "one_choice", code="need", choices=("Gạo", "Thuốc", "Tiền mặt", "Không cần")),
    Question("Kênh nhận tin", "several_choices", code="channels", choices=("Loa phường", "Zalo", "Tờ rơi", "Tổ")),
    Question("Số người trong hộ", "number", code="people", unit="người", low=1, high=20),
    Question("Số quạt", "number", code="fans", unit="cái", low=0, high=10),
    Question("Thu nhập tháng", "number", code="income", unit="triệu đồng", low=0, high=500),
    Question("Ghi chú ngắn", "text", code="remark"),
    Question("Ngày tiêm gần nhất", "date", code="vaccinated"),
    Question("Đã nhận tờ rơi chống lừa đảo?", "yes_no", code="leaflet"),
]


def _value(question: Question, rng: random.Random) -> object:
    if question.kind == "yes_no":
        return rng.choice(("yes", "no"))
    if question.kind == "one_choice":
        return rng.choice(question.choices)
    if question.kind == "several_choices":
        return rng.sample(question.choices, rng.randint(1, 3))
    if question.kind == "number":
        return rng.randint(int(question.low or 0), int(question.high or 10))
    if question.kind == "date":
        return (TODAY - timedelta(days=rng.randint(0, 400))).isoformat()
    return rng.choice(("Ổn định", "Nhà vắng ban ngày", "Cần theo dõi thêm"))


def make_sweep(path: Path, households: int) -> str:
    """The demo ward, a sweep over all of it with an officer per khu phố, and 60 % of households recorded
    (the answers written in batches through the write path, as record() would write them)."""
    from desktop.demo import DemoSize, generate_demo_ward

    if path.exists():
        with Store.open(path) as store:
            return str(store.conn.execute("SELECT id FROM campaigns LIMIT 1").fetchone()[0])
    print(f"making a demo ward of {households:,} households and a sweep in {path} …", flush=True)
    with Store.open(path, create=True) as store:
        generate_demo_ward(store, DemoSize(households=households, seed=5, end=TODAY))
        areas = [row[0] for row in store.conn.execute("SELECT id FROM areas ORDER BY name")]
        officers = [store.writer.insert("users", {"username": f"canbo{n}", "full_name": f"Cán bộ {n}",
                                                  "role": "officer", "active": 1}) for n in range(len(areas))]
        campaign_id = definition.create_campaign(
            store, name="Rà soát toàn phường", starts_on="2026-06-01", ends_on="2026-07-15", questions=QUESTIONS,
            assignments=dict(zip(areas, officers, strict=True)))
        campaign = definition.load_campaign(store, campaign_id)
        rng = random.Random(7)
        ids = [row[0] for row in store.conn.execute("SELECT id FROM households ORDER BY code")]
        batch: list[RowWrite] = []
        for household_id in rng.sample(ids, int(len(ids) * 0.6)):
            status = rng.choices(("reached", "not_home", "refused", "moved_away"), (80, 14, 4, 2))[0]
            on = (date(2026, 6, 1) + timedelta(days=rng.randint(0, 29))).isoformat()
            batch.append(RowWrite("campaign_results", answers.result_id(campaign_id, household_id), "insert", {
                "campaign_id": campaign_id, "household_id": household_id, "status": status,
                "attempts": 1 if status != "not_home" else rng.randint(1, 3), "last_on": on}))
            if status == "reached":
                for question in campaign.questions:
                    batch.append(RowWrite("campaign_answers", answers.answer_id(campaign_id, household_id,
                                                                                question.id), "insert", {
                        "campaign_id": campaign_id, "household_id": household_id, "question_id": question.id,
                        "value": answers.check_answer(question, _value(question, rng)), "answered_on": on}))
            if len(batch) > 20_000:
                store.writer.write(batch)
                batch = []
        store.writer.write(batch)
    return campaign_id


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


BASELINE_COUNTS = """
SELECT h.area_id, COUNT(*), SUM(r.status = 'reached'), SUM(r.status = 'not_home'), SUM(r.status IS NULL),
       SUM(r.status IN ('refused', 'moved_away', 'not_found'))
FROM households h LEFT JOIN campaign_results r ON r.campaign_id = ? AND r.household_id = h.id
WHERE h.deleted_hlc IS NULL GROUP BY h.area_id
"""


def bench_page(path: Path, campaign_id: str, runs: int) -> None:
    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    from ui.context import AppContext
    from ui.language import LanguageManager
    from ui.pages.campaigns import CampaignsPage

    app = QApplication.instance() or QApplication([])
    language = LanguageManager()
    language.set_language("vi")
    with Store.open(path) as store:
        ctx = AppContext(store, language, today=lambda: TODAY)

        def page_paint() -> None:
            page = CampaignsPage(ctx)
            page.resize(1200, 760)
            page.show()
            page.refresh()  # what showing the page does
            page.repaint()
            app.processEvents()
            assert page.models["area_id"].rowCount() > 0
            page.close()
            page.deleteLater()

        def baseline() -> None:
            rows = store.conn.execute(BASELINE_COUNTS, (campaign_id,)).fetchall()
            table = QTableWidget(len(rows), 6)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.setItem(r, c, QTableWidgetItem(str(value)))
            table.resize(1200, 760)
            table.show()
            table.repaint()
            app.processEvents()
            table.close()
            table.deleteLater()

        page_paint()  # the first page of a run pays for imports and fonts, in both cases
        baseline()
        page_t, base_t = median_time(page_paint, runs), median_time(baseline, runs)
        households = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    print(f"Sweeps page first paint, {households:,} households: {page_t * 1000:.0f} ms, raw GROUP BY in a bare "
          f"table {base_t * 1000:.0f} ms → ratio {page_t / base_t:.2f}× (median of {runs})")


def bench_xlsx(path: Path, campaign_id: str, runs: int) -> None:
    from openpyxl import Workbook

    from desktop.campaigns.results import write_results_xlsx

    with Store.open(path) as store, tempfile.TemporaryDirectory() as folder:
        campaign = definition.load_campaign(store, campaign_id)
        out = Path(folder) / "ket-qua.xlsx"

        def results() -> None:
            write_results_xlsx(store, campaign, out)

        def baseline() -> None:
            answers_by: dict[str, dict[str, str]] = {}
            for household_id, question_id, value in store.conn.execute(
                    "SELECT household_id, question_id, value FROM campaign_answers WHERE campaign_id = ?",
                    (campaign_id,)):
                answers_by.setdefault(household_id, {})[question_id] = value
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("x")
            for row in store.conn.execute(
                    "SELECT h.id, h.code, h.house_no, h.street, r.status, r.attempts, r.last_on FROM households h "
                    "LEFT JOIN campaign_results r ON r.campaign_id = ? AND r.household_id = h.id ORDER BY h.code",
                    (campaign_id,)):
                given = answers_by.get(row[0], {})
                sheet.append([*row[1:], *(given.get(q.id) for q in campaign.questions)])
            workbook.save(io.BytesIO())

        results_t, base_t = median_time(results, runs), median_time(baseline, runs)
    print(f"results workbook, {len(campaign.questions)} questions: {results_t * 1000:.0f} ms, raw SQL + openpyxl "
          f"write-only {base_t * 1000:.0f} ms → ratio {results_t / base_t:.2f}× (median of {runs})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "wardbook-sweep20k.db")
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    campaign_id = make_sweep(args.db, args.households)
    bench_page(args.db, campaign_id, args.runs)
    bench_xlsx(args.db, campaign_id, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
