"""Review PDF and DOCX on a 10k-household / ~45k-visit demo ward, each against its bare library drawing the
same tables in the same run.

Budget (DESIGN §8): ≤ 2 s and ≤ 1.3× the baseline. The ward is a SQLCipher database opened as the app opens it
(`Store.open` with its key; `--plain` for plain SQLite), and the review is made by `build_review`, the call the
app and `wardbook report review` make: figures with their comparisons (previous quarter, same quarter last
year), the narrative, the Decree 30 layout, the comparison with the review's earlier print, the audit entry.
The baselines get the very rows the document prints, already formatted: reportlab lays them out as plain Tables
(chunks of 500 rows, the embedded font, the same grid); python-docx adds them as plain "Table Grid" tables and
saves. The ratio is what WardBook adds.
`--big` also times one review of a 50k-household ward (the DESIGN's second row: ≤ 1.3× in chunks).

    .venv/bin/python bench/bench_report.py [--households 10000] [--db PATH] [--repeat 3] [--plain] [--big]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from desktop.demo import DemoSize, generate_demo_ward
from desktop.reports.figures import ReviewFigures, review_figures
from desktop.reports.fonts import BOLD, REGULAR, register_fonts
from desktop.reports.periods import quarter
from desktop.reports.review import build_review, table_rows, write_review_pdf
from desktop.reports.review_doc import review_document
from desktop.reports.review_docx import write_review_docx
from desktop.reports.settings import report_settings
from desktop.reports.tables import ANNEX_SIZE, CELL_SIZE
from desktop.store import Store

END = date(2026, 6, 30)
PERIOD = quarter(2026, 2)
TODAY = date(2026, 11, 25)


def make_ward(path: Path, households: int, encrypted: bool) -> Store:
    key_path = path.with_name(path.name + ".key")
    key: bytes | None = None
    if encrypted:
        if not key_path.exists():
            key_path.write_text(os.urandom(32).hex())
        key = bytes.fromhex(key_path.read_text())
    if path.exists():
        return Store.open(path, key=key)
    store = Store.open(path, create=True, key=key)
    started = time.perf_counter()
    generate_demo_ward(store, DemoSize(households=households, visits_per_household=4.5, seed=11, end=END))
    print(f"generated demo ward in {time.perf_counter() - started:.1f} s")
    return store


Printed = tuple[list[str], list[list[str]], list[float], float]


def printed_tables(figures: ReviewFigures, annex_names: bool = False) -> list[Printed]:
    """The tables the review prints, in order (body, then annexes), as formatted rows with their widths."""
    document = review_document(figures, {}, "vi", annex_names=annex_names)
    tables = [(block.table, CELL_SIZE) for block in document.blocks if block.table is not None]
    tables += [(annex.table, ANNEX_SIZE) for annex in document.annexes]
    return [
        (
            [field.title for field in table.fields],
            [list(row) for row in table_rows(table, "vi")],
            [field.width_mm * mm for field in table.fields],
            size,
        )
        for table, size in tables
    ]


def baseline_pdf(tables: list[Printed], out: Path, chunk: int | None) -> float:
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


def baseline_docx(tables: list[Printed], out: Path) -> float:
    """python-docx alone: the same formatted rows as plain "Table Grid" tables, then saved."""
    started = time.perf_counter()
    doc = docx.Document()
    for header, rows, _widths, _size in tables:
        table = doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        cells = table._cells
        for index, cell_text in enumerate([cell for row in (header, *rows) for cell in row]):
            cells[index].text = cell_text
        doc.add_paragraph()
    doc.save(str(out))
    return time.perf_counter() - started


CPU: dict[str, float] = {}  # the last `timed` call's CPU seconds, by name: steadier than wall time on a busy machine


def timed(run: Callable[[], object], repeat: int, name: str = "") -> float:
    """Median wall seconds of `repeat` runs (and their median CPU seconds in `CPU[name]`)."""
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        run()
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    CPU[name] = statistics.median(cpu)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) the demo ward here")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--plain", action="store_true", help="plain SQLite instead of SQLCipher")
    parser.add_argument("--big", action="store_true", help="also one review of a 50k-household ward")
    args = parser.parse_args()
    # The outputs (and a ward made without --db) go with the run, as every benchmark's scratch files do.
    with tempfile.TemporaryDirectory(prefix="wardbook-bench-report-") as folder:
        work = Path(folder)
        db = args.db or work / f"ward-{args.households}.db"
        with make_ward(db, args.households, not args.plain) as store:
            run(store, work, args.repeat, "encrypted" if not args.plain else "plain")
        if args.big:
            big_db = db.with_name(f"ward-50000{'-plain' if args.plain else ''}.db")
            with make_ward(big_db, 50_000, not args.plain) as big:
                run(big, work, 1, "50k")


def run(store: Store, work: Path, repeat: int, label: str) -> None:
    households = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    visits = store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    print(f"[{label}] ward: {households} households, {visits} visits; period {PERIOD.code}")
    pdf, word = work / f"review-{label}.pdf", work / f"review-{label}.docx"
    told: list[str] = []  # as the app and the command take it: each print compared with the one before (`reprint`)
    t_pdf = timed(lambda: build_review(store, PERIOD, pdf, today=TODAY, issued_on=TODAY, changed=told.append),
                  repeat, "pdf")
    t_docx = timed(
        lambda: build_review(store, PERIOD, None, docx=word, today=TODAY, issued_on=TODAY, changed=told.append),
        repeat, "docx"
    )
    t_query = timed(lambda: review_figures(store, PERIOD, today=TODAY), repeat)  # as a review naming nobody
    figures = review_figures(store, PERIOD, today=TODAY)
    t_layout = timed(
        lambda: write_review_pdf(figures, report_settings(store), work / "layout.pdf", issued_on=TODAY), repeat
    )
    t_docx_layout = timed(
        lambda: write_review_docx(
            review_document(figures, {}, None), report_settings(store), work / "layout.docx", issued_on=TODAY,
            figures=figures,
        ),
        repeat,
    )
    tables = printed_tables(figures)
    rows = sum(len(body) for _, body, _, _ in tables)
    t_base_pdf = timed(lambda: baseline_pdf(tables, work / "baseline.pdf", 500), repeat, "base_pdf")
    t_base_docx = timed(lambda: baseline_docx(tables, work / "baseline.docx"), repeat, "base_docx")

    from pypdf import PdfReader

    pages = len(PdfReader(pdf).pages)
    print(f"[{label}] tables: {len(tables)}, {rows} rows; period visits {figures.visits}")
    print(
        f"[{label}] review PDF : {t_pdf:.3f} s ({pages} pages)  [figures with comparisons {t_query:.3f} s, "
        f"layout {t_layout:.3f} s]"
    )
    print(f"[{label}] reportlab  : {t_base_pdf:.3f} s   ratio {t_pdf / t_base_pdf:.2f}x  (budget <= 1.3x, <= 2 s)")
    print(f"[{label}] CPU seconds: PDF {CPU['pdf']:.3f} vs {CPU['base_pdf']:.3f}")
    print(
        f"[{label}] review DOCX: {t_docx:.3f} s ({word.stat().st_size // 1024} KiB)  [figures with comparisons "
        f"{t_query:.3f} s, layout {t_docx_layout:.3f} s]"
    )
    print(f"[{label}] python-docx: {t_base_docx:.3f} s   ratio {t_docx / t_base_docx:.2f}x  (budget <= 1.3x, <= 2 s)")
    print(f"[{label}] CPU seconds: DOCX {CPU['docx']:.3f} vs {CPU['base_docx']:.3f}")
    # what the layout adds by itself: the whole document (title block, text, charts, tables) against the bare
    # library drawing its tables alone
    print(
        f"[{label}] layout alone: PDF {t_layout / t_base_pdf:.2f}x reportlab, DOCX {t_docx_layout / t_base_docx:.2f}x "
        "python-docx"
    )
    # reference: the same review with the lists of households by name (--annex-names), thousands of rows
    named = printed_tables(review_figures(store, PERIOD, today=TODAY, names=True), annex_names=True)
    t_named = timed(
        lambda: build_review(store, PERIOD, pdf, today=TODAY, issued_on=TODAY, annex_names=True,
                             changed=told.append), repeat, "named"
    )
    t_named_base = timed(lambda: baseline_pdf(named, work / "baseline-named.pdf", 500), repeat, "base_named")
    print(
        f"[{label}] with names: {t_named:.3f} s vs reportlab {t_named_base:.3f} s "
        f"({sum(len(body) for _, body, _, _ in named)} rows): ratio {t_named / t_named_base:.2f}x"
    )
    print(
        f"[{label}] CPU seconds: with names {CPU['named']:.3f} vs {CPU['base_named']:.3f}, "
        f"ratio {CPU['named'] / CPU['base_named']:.2f}x"
    )


if __name__ == "__main__":
    main()
