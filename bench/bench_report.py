"""Quarterly review PDF on a 10k-household / ~40k-visit demo ward, against reportlab drawing the same tables.

Budget (DESIGN §8): ≤ 2 s and ≤ 1.3× the baseline measured in the same run. The baseline gets the very rows
the report prints, already formatted, and lays them out as plain reportlab Tables (chunks of 500 rows, the
embedded font, the same grid), so the ratio is what WardBook adds: the queries, the title block, the text,
the charts and its own paging. An unchunked baseline (one Table per list) is printed for reference.

    /work/venv/bin/python bench/bench_report.py [--households 10000] [--db PATH] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from desktop.demo import DemoSize, generate_demo_ward
from desktop.reports.figures import review_figures
from desktop.reports.fonts import BOLD, REGULAR, register_fonts
from desktop.reports.periods import quarter
from desktop.reports.review import build_review, table_rows, write_review_pdf
from desktop.reports.review_tables import review_tables
from desktop.reports.settings import report_settings
from desktop.reports.tables import ANNEX_SIZE, CELL_SIZE
from desktop.store import Store

END = date(2026, 6, 30)
PERIOD = quarter(2026, 2)
TODAY = date(2026, 11, 25)


def make_ward(path: Path, households: int) -> Store:
    if path.exists():
        return Store.open(path)
    store = Store.open(path, create=True)
    started = time.perf_counter()
    generate_demo_ward(store, DemoSize(households=households, visits_per_household=4.5, seed=11, end=END))
    print(f"generated demo ward in {time.perf_counter() - started:.1f} s")
    return store


def baseline(
    tables: list[tuple[list[str], list[list[str]], list[float], float]], out: Path, chunk: int | None
) -> float:
    """reportlab alone: the same formatted rows as plain Tables, header repeated, `chunk` rows per Table."""
    register_fonts()
    started = time.perf_counter()
    story = []
    for header, rows, widths, size in tables:
        style = TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), size),
                ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
        step = chunk or max(len(rows), 1)
        for first in range(0, max(len(rows), 1), step):
            table = Table([header, *rows[first : first + step]], colWidths=widths, repeatRows=1)
            table.setStyle(style)
            story.append(table)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=30 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        initialFontName=REGULAR,
    )
    doc.build(story)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) the demo ward here")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="wardbook-bench-report-"))
    db = args.db or work / f"ward-{args.households}.db"
    store = make_ward(db, args.households)
    households = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    visits = store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    print(f"ward: {households} households, {visits} visits; period {PERIOD.code}")

    ours, query, layout = [], [], []
    out = work / "review.pdf"
    for _ in range(args.repeat):
        started = time.perf_counter()
        build_review(store, PERIOD, out, today=TODAY, issued_on=TODAY)
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        figures = review_figures(store, PERIOD, today=TODAY)
        query.append(time.perf_counter() - started)
        started = time.perf_counter()
        write_review_pdf(figures, report_settings(store), work / "layout.pdf", issued_on=TODAY)
        layout.append(time.perf_counter() - started)

    annexes = ("not_visited", "overdue", "activities")  # printed one size smaller, in the report and here
    tables = [
        (
            [field.title for field in table.fields],
            [list(row) for row in table_rows(table, "vi")],
            [field.width_mm * mm for field in table.fields],
            ANNEX_SIZE if key in annexes else CELL_SIZE,
        )
        for key, table in review_tables(figures, "vi").items()
    ]
    rows = sum(len(body) for _, body, _, _ in tables)
    chunked = [baseline(tables, work / "baseline.pdf", 500) for _ in range(args.repeat)]
    whole = baseline(tables, work / "baseline-whole.pdf", None)

    from pypdf import PdfReader

    pages = len(PdfReader(out).pages)
    base_pages = len(PdfReader(work / "baseline.pdf").pages)
    t_ours, t_base = statistics.median(ours), statistics.median(chunked)
    print(
        f"tables: {len(tables)}, {rows} rows (not visited: {len(figures.not_visited)}, "
        f"overdue: {len(figures.overdue)}); period visits {figures.visits}"
    )
    print(
        f"wardbook review PDF     : {t_ours:.3f} s median of {args.repeat} ({pages} pages, "
        f"{out.stat().st_size // 1024} KiB)  [queries {statistics.median(query):.3f} s, "
        f"layout {statistics.median(layout):.3f} s]"
    )
    print(f"baseline reportlab 500 : {t_base:.3f} s median of {args.repeat} ({base_pages} pages)")
    print(f"baseline one Table/list: {whole:.3f} s (reference, unchunked)")
    print(f"ratio wardbook/baseline: {t_ours / t_base:.2f}x  (budget <= 1.3x, <= 2 s)")


if __name__ == "__main__":
    main()
