"""Size of the PyInstaller bundle and start time of the bundled app (`--version`, and `--self-test` which opens
a database, builds the main window offscreen and renders a PDF), beside a bare Python start in the same run.

    .venv/bin/python build_installer.py --bundle-only && .venv/bin/python bench/bench_installer.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUNDLE = Path(__file__).resolve().parents[1] / "dist" / "wardbook"


def timed(command: list[str], runs: int = 5) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds)


def main() -> None:
    binary = BUNDLE / "wardbook"
    if not binary.exists():
        raise SystemExit("build the bundle first: python build_installer.py --bundle-only")
    size = sum(f.stat().st_size for f in BUNDLE.rglob("*") if f.is_file())
    print(f"bundle size: {size / 2**20:.0f} MiB in {sum(1 for _ in BUNDLE.rglob('*'))} files")
    bare = timed([sys.executable, "-c", "pass"])
    version = timed([str(binary), "--version"])
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "bench.db")
        subprocess.run([str(binary), "--db", db, "--self-test"], check=True, capture_output=True,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        self_test = timed([str(binary), "--db", db, "--self-test"], runs=3)
    print(f"bare python start: {bare * 1000:.0f} ms")
    print(f"bundled --version: {version * 1000:.0f} ms ({version / bare:.1f}x bare python)")
    print(f"bundled --self-test (existing db): {self_test * 1000:.0f} ms")


if __name__ == "__main__":
    main()
