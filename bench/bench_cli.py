"""A command's whole process, beside a one-shot Python sqlite script doing the same search, in the same run
(DESIGN.md §8: a CLI command ≤ 4× the script).

`wardbook search` (the installed entry point, as a user types it) on a plain demo ward, against a script that
opens the same file with Python's sqlite3 and runs the same kind of FTS5 prefix query. Runs alternate, so the
machine's noise hits both; the medians and their ratio are printed. Also `wardbook stats` and `--version`.

    .venv/bin/python bench/bench_cli.py [--households N] [--ward WARD_DB] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QUERY = "nguyen van"
ONE_SHOT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute(
    "SELECT h.code, h.house_no, h.street FROM household_fts f JOIN search_doc s ON s.id = f.rowid "
    "JOIN households h ON h.id = s.household_id WHERE household_fts MATCH ? LIMIT 500",
    ('"nguyen"* "van"*',)).fetchall()
print(len(rows))
"""


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=5000, help="size of the demo ward made for the run")
    parser.add_argument("--ward", type=Path, help="an existing plain ward database instead")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {**os.environ, "WARDBOOK_UNENCRYPTED": "1"}
    wardbook = str(Path(sys.executable).with_name("wardbook"))
    if args.ward is not None:
        compare(args.ward, wardbook, env, args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="wardbook-bench-cli-") as folder:  # the demo ward goes with the run
        ward = Path(folder) / "ward.db"
        subprocess.run([wardbook, "--db", str(ward), "demo", "--households", str(args.households)], check=True,
                       stdout=subprocess.DEVNULL, env=env)
        compare(ward, wardbook, env, args.runs)


def compare(ward: Path, wardbook: str, env: dict[str, str], runs: int) -> None:
    """Time each command as a whole process on `ward`, alternating them, and print their medians."""
    commands = {
        "wardbook search": [wardbook, "--db", str(ward), "search", *QUERY.split()],
        "wardbook stats": [wardbook, "--db", str(ward), "stats"],
        "wardbook --version": [wardbook, "--version"],
        "one-shot sqlite script": [sys.executable, "-c", ONE_SHOT, str(ward)],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():
        _timed(command, env)  # warm the file cache
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_timed(command, env))
    baseline = statistics.median(times["one-shot sqlite script"])
    print(f"ward: {ward} (plain); medians of {runs} alternating runs, whole processes")
    for name, values in times.items():
        median = statistics.median(values)
        target = "; target <= 4x" if name == "wardbook search" else ""
        print(f"{name:24} {median * 1000:7.0f} ms  {median / baseline:5.1f}x the one-shot script{target}")


if __name__ == "__main__":
    main()
