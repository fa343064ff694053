"""Import speed and memory (DESIGN.md §8): a ward's full list exported to XLSX (default 20k households, ~70k
people), imported into an empty database, beside a baseline measured in the same run on the same file:
openpyxl's read-only read of every row plus a raw `executemany` of the same households and people (no checks,
clocks, outbox, audit or search index). Targets: import ≤ 1.3× the baseline; peak memory ≤ 200 MiB for the
import and for the dry run.

Each measurement runs in a fresh process, so its peak memory (the process's maximum resident set) is its own;
the rounds take turns (baseline, import, dry run) and each figure is its best round, since the machine is
shared and a round can be slowed by others.

    .venv/bin/python bench/bench_import.py [--households 20000] [--rounds 3] [--csv]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.demo import DemoSize, generate_demo_ward
from desktop.io.exporter import export
from desktop.io.importer import import_file
from desktop.store import Store, new_id
from desktop.store.connection import connect

TARGET_RATIO = 1.3
TARGET_MIB = 200


def _peak_mib() -> float:
    """This process's peak resident memory. Not `ru_maxrss`: Linux carries it over from the parent across
    fork and exec, so a child of the process that made the demo ward would report that one's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def baseline(path: Path, database: Path) -> float:
    """openpyxl read-only over every row, grouped into households and people, then raw executemany."""
    import openpyxl

    started = time.perf_counter()
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    households: dict[object, tuple[object, ...]] = {}
    people: list[tuple[object, ...]] = []
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    next(rows)
    for code, _area, house_no, street, phone, name, relation, year, _gender, person_phone, *_ in rows:
        if code not in households:
            households[code] = (new_id(), code, house_no, street, phone)
        people.append((new_id(), households[code][0], name, relation, year, person_phone))
    book.close()
    Store.open(database, create=True).close()  # the same tables, made as the app makes them
    conn = connect(database)  # the baseline bypasses the write path (and its table guard) on purpose
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO households (id, code, house_no, street, phone, created_at, "
                         "updated_at) VALUES (?, ?, ?, ?, ?, '', '')", households.values())
        conn.executemany("INSERT INTO people (id, household_id, full_name, relation_to_head, birth_year, "
                         "phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', '')", people)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return time.perf_counter() - started


def child(mode: str, path: Path, database: Path) -> None:
    """One measurement in this (fresh) process; prints its seconds and peak memory as JSON."""
    if mode == "baseline":
        seconds = baseline(path, database)
    else:
        with Store.open(database, create=True) as store:
            started = time.perf_counter()
            plan, result = import_file(store, path, create_areas=True, dry_run=mode == "dry-run")
            seconds = time.perf_counter() - started
        assert result is not None, [p.message("en") for p in plan.blocking[:5]]
    print(json.dumps({"seconds": seconds, "peak_mib": _peak_mib()}))


def measure(mode: str, path: Path, database: Path) -> dict[str, float]:
    database.unlink(missing_ok=True)
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path), str(database)], check=True,
                         capture_output=True, text=True).stdout
    return dict(json.loads(out.splitlines()[-1]))


def best(rounds: list[dict[str, float]]) -> dict[str, float]:
    return {"seconds": min(r["seconds"] for r in rounds), "peak_mib": max(r["peak_mib"] for r in rounds)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--csv", action="store_true", help="also the same list as CSV")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FILE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory(prefix="wardbook-bench-import-") as folder:  # the ward and its copies go with it
        run(args, Path(folder))


def run(args: argparse.Namespace, scratch: Path) -> None:
    with Store.open(scratch / "source.db", create=True) as source:
        generate_demo_ward(source, DemoSize(households=args.households, visits_per_household=0))
        people = source.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0]
        for suffix in ("xlsx", "csv") if args.csv else ("xlsx",):
            export(source, "people", scratch / f"people.{suffix}")
    print(f"{args.households} households, {people} people")
    runs: dict[str, list[dict[str, float]]] = {}
    for _ in range(args.rounds):
        runs.setdefault("baseline", []).append(measure("baseline", scratch / "people.xlsx", scratch / "base.db"))
        for suffix in ("xlsx", "csv") if args.csv else ("xlsx",):
            for mode in ("import", "dry-run"):
                runs.setdefault(f"{mode} {suffix.upper()}", []).append(
                    measure(mode, scratch / f"people.{suffix}", scratch / f"{mode}-{suffix}.db"))
    base = best(runs.pop("baseline"))
    print(f"baseline (openpyxl read-only read + raw executemany): {base['seconds']:.1f} s, "
          f"peak {base['peak_mib']:.0f} MiB")
    for name, rounds in runs.items():
        got = best(rounds)
        print(f"{name}: {got['seconds']:.1f} s = {got['seconds'] / base['seconds']:.2f}x the baseline (target "
              f"<= {TARGET_RATIO}x), peak {got['peak_mib']:.0f} MiB (target <= {TARGET_MIB} MiB)")


if __name__ == "__main__":
    main()
