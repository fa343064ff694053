"""Import speed: a ward's full list (50k households, ~180k people) exported to CSV and XLSX, imported into an
empty database, beside a raw `executemany` of the same rows into the same tables in the same run.

    .venv/bin/python bench/bench_import.py [--households 50000] [--xlsx]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.demo import DemoSize, generate_demo_ward
from desktop.io.exporter import export
from desktop.io.importer import import_file
from desktop.store import Store
from desktop.store.tables import SYNCED


def raw_copy_seconds(source: Store, target: Path) -> float:
    """Baseline: the same households and people rows copied with executemany, no checks, no clocks, no index."""
    households = source.conn.execute("SELECT * FROM households").fetchall()
    people = source.conn.execute("SELECT * FROM people").fetchall()
    with Store.open(target, create=True) as store:
        store.conn.set_authorizer(None)  # the baseline bypasses the write path on purpose
        started = time.perf_counter()
        with store.transaction():
            for table, rows in (("households", households), ("people", people)):
                marks = ",".join("?" * len(SYNCED[table].columns))
                store.conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--xlsx", action="store_true", help="also time an XLSX file (slow to read)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp())
    with Store.open(scratch / "source.db", create=True) as source:
        generate_demo_ward(source, DemoSize(households=args.households, visits_per_household=0))
        people = source.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0]
        baseline = raw_copy_seconds(source, scratch / "raw.db")
        print(f"{args.households} households, {people} people; raw executemany baseline {baseline:.2f} s")
        for suffix in ("csv", "xlsx") if args.xlsx else ("csv",):
            path = scratch / f"people.{suffix}"
            export(source, "people", path)
            with Store.open(scratch / f"imported-{suffix}.db", create=True) as target:
                started = time.perf_counter()
                plan, result = import_file(target, path, create_areas=True)
                seconds = time.perf_counter() - started
            assert result is not None, [p.message("en") for p in plan.blocking[:5]]
            print(f"import {suffix.upper()}: {seconds:.1f} s ({people / seconds:,.0f} people/s), "
                  f"{seconds / baseline:.1f}x the raw executemany (which skips reading, checks, clocks, outbox, "
                  f"search index)")


if __name__ == "__main__":
    main()
