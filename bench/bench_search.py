"""Search latency on a demo ward of 50k households (~200k people), beside a raw FTS5 query in the same run.

Prints, for keystrokes an officer really types (each prefix of a name, a street, a phone), the median and p99
of the path the app's keystroke takes: `find_households` with the households page's filters (none, as the
page opens) and its limit of 500 — the ranked ids (`desktop.search.index.RankedQuery`) and the count of every
match — then the same plus the summaries of the first 50 rows the list shows, and the visit form picker's
8 rows; against the raw FTS5 query (pre-built MATCH expression, LIMIT 200: no folding, no ranking, no join,
no count). The same keystrokes with a khu phố chosen in the filter are printed too (the khu phố is a tag of
each document in the index, so that is one full-text query too, ranked from the matches' documents or from the
index); with `--filters` also with a vulnerability flag chosen (a tag too), with overdue follow-ups only and
with households not visited in 90 days (visit filters: the documents of the households they keep, read from the
visits' indexes). The page reads that set in a worker, on a connection of its own, when the filter is chosen (with
the list) or at the first keystroke after the register changed, and keeps it while the user types
(`VisitFilterCache`, keyed by the register's version): the benchmark times the keystrokes as the page answers them,
each keyed and answered with the set kept, and also a keystroke after a change (the worker: a connection opened,
the set read, the search).
Also prints how long the demo ward took to generate. With `--encrypted` the ward is a SQLCipher file, as the
app keeps it (its random key is kept beside it in PATH.key: demo data, for the benchmark only), and both the
baseline and our search read through the same encrypted connection.

    .venv/bin/python bench/bench_search.py [--households 50000] [--db PATH] [--encrypted] [--filters]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.demo import DemoSize, generate_demo_ward
from desktop.search.index import match_expression
from desktop.security.database import reopen
from desktop.store import Store
from desktop.store.queries import (
    HouseholdFilter,
    find_households,
    household_summaries,
    list_household_ids,
    visit_filtered_documents,
)
from desktop.store.visit_filter_cache import VisitFilterCache, visit_filter_key

TYPED = ["nguyen van an", "tran thi hoa", "duong", "le van sy", "hem 12", "0903", "dang", "pham quoc vinh"]
RUNS = 5


def keystrokes() -> list[str]:
    """Every prefix of every typed text, as the search box sees it while the officer types."""
    return [text[:n] for text in TYPED for n in range(1, len(text) + 1) if text[:n].strip()]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(label: str, action, queries: list[str]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    timings = []
    for _ in range(RUNS):
        for query in queries:
            started = time.perf_counter()
            action(query)
            timings.append((time.perf_counter() - started) * 1000)
    median, p99 = statistics.median(timings), percentile(timings, 0.99)
    print(f"{label:<44} median {median:7.3f} ms   p99 {p99:7.3f} ms   ({len(timings)} queries)")
    return median, p99


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--encrypted", action="store_true", help="a SQLCipher database, as the app keeps it")
    parser.add_argument("--filters", action="store_true",
                        help="also the keystrokes with a flag chosen, with overdue follow-ups only and with households "
                             "not visited in 90 days (no target)")
    args = parser.parse_args()
    if args.db is not None:
        run(args, args.db)
        return
    with tempfile.TemporaryDirectory(prefix="wardbook-bench-search-") as folder:  # the demo ward goes with the run
        run(args, Path(folder) / "bench.db")


def run(args: argparse.Namespace, path: Path) -> None:
    key_path = path.with_name(path.name + ".key")
    key: bytes | None = None
    if args.encrypted:
        if not key_path.exists():
            key_path.write_text(os.urandom(32).hex())
        key = bytes.fromhex(key_path.read_text())
    if not path.exists():
        with Store.open(path, create=True, key=key) as store:
            started = time.perf_counter()
            counts = generate_demo_ward(store, DemoSize(households=args.households, seed=1))
            seconds = time.perf_counter() - started
        print(f"demo ward: {counts['households']} households, {counts['people']} people, {counts['visits']} visits "
              f"generated in {seconds:.1f} s ({counts['households'] / seconds:,.0f} households/s)")
    print(f"database: {'SQLCipher (encrypted)' if key else 'plain SQLite'}")
    with Store.open(path, key=key) as store:
        conn = store.conn
        queries = keystrokes()
        expressions = {q: match_expression(q) for q in queries}
        area = str(conn.execute("SELECT id FROM areas ORDER BY name LIMIT 1").fetchone()[0])
        for q in queries:  # warm the page cache the same way for both
            find_households(store, HouseholdFilter(text=q), limit=500)

        def raw(query: str) -> None:
            conn.execute("SELECT rowid FROM household_fts WHERE household_fts MATCH ? LIMIT 200",
                         (expressions[query],)).fetchall()

        def keystroke(query: str) -> None:  # the households page: 500 best ids and the count of all
            find_households(store, HouseholdFilter(text=query), limit=500)

        def keystroke_with_page(query: str) -> None:
            household_summaries(store, find_households(store, HouseholdFilter(text=query), limit=500).ids[:50])

        def picker(query: str) -> None:  # the visit form (ui/picker.py): 8 rows and their summaries, no count
            household_summaries(store, list_household_ids(store, HouseholdFilter(text=query), limit=8))

        def keystroke_in_area(query: str) -> None:
            find_households(store, HouseholdFilter(text=query, area_id=area), limit=500)

        def keystroke_with_flag(query: str) -> None:
            find_households(store, HouseholdFilter(text=query, flags=("elderly_alone",)), limit=500)

        today = date.today()
        kept = VisitFilterCache()

        def in_worker(flt: HouseholdFilter) -> None:
            """The page's worker at a keystroke after the register changed: a connection of its own, the set the
            filters keep read, the search, the set kept."""
            key = visit_filter_key(store, flt, today)
            assert key is not None
            with reopen(store) as reader:
                documents = visit_filtered_documents(reader, flt, today)
                find_households(reader, flt, today, limit=500, visit_documents=documents)
            kept.keep(key, documents)

        def typed(flt: HouseholdFilter) -> None:
            """The page's keystroke (`HouseholdsPage.reload`): keyed on its connection, answered with the set kept
            (read by `in_worker` when it is not the one kept)."""
            documents = kept.documents(visit_filter_key(store, flt, today))
            if documents is None:
                in_worker(flt)
            else:
                find_households(store, flt, today, limit=500, visit_documents=documents)

        overdue, not_visited = HouseholdFilter(has_overdue_follow_up=True), HouseholdFilter(not_visited_days=90)

        base_median, base_p99 = measure("raw FTS5 query (baseline)", raw, queries)
        median, p99 = measure("households page: 500 ranked ids + count", keystroke, queries)
        page_median, _ = measure("  + first 50 summaries", keystroke_with_page, queries)
        measure("visit form picker: 8 rows + summaries", picker, queries)
        measure("households page, one khu pho chosen", keystroke_in_area, queries)
        if args.filters:
            measure("households page, one flag chosen", keystroke_with_flag, queries)
            for label, flt in (("overdue follow-ups only", overdue), ("not visited in 90 days", not_visited)):
                measure(f"households page, {label}", lambda query, flt=flt: typed(replace(flt, text=query)),
                        queries)
                measure("  after a change (worker, set read)",
                        lambda query, flt=flt: in_worker(replace(flt, text=query)), queries)
        print(f"ratio vs raw FTS5: median {median / base_median:.2f}x, p99 {p99 / base_p99:.2f}x; "
              f"with page: median {page_median / base_median:.2f}x")
        print(f"target (DESIGN.md §8): median <= 5 ms, p99 <= 20 ms -> "
              f"{'met' if median <= 5 and p99 <= 20 else 'NOT met'}")


if __name__ == "__main__":
    main()
