"""Benchmarks of the desktop app (DESIGN.md §8), each beside a baseline measured in the same run:

* start to usable main window with 50k households vs a bare PySide6 window (wall time of a fresh process until
  the window is shown and, for the app, the household list is filled and its first rows painted);
* search keystroke → updated list (the debounced query, model reset and first screen of rows) vs the raw FTS5
  query on the same data;
* memory (RSS) of the app with 50k households vs the bare window.

Run: `python bench/bench_ui.py [--db ward50k.db] [--households 50000] [--runs 5] [--encrypted]`. Prints figures.
With `--encrypted` the ward is a SQLCipher file as the app keeps it (its random key beside it in DB.key: demo
data, for the benchmark only).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 760); w.show(); app.processEvents()
print("ready", flush=True); sys.stdin.readline()
"""
APP = """
import sys, time
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
from ui.app import build_window
from ui.language import LanguageManager
from desktop.store import Store
app = QApplication([])
language = LanguageManager(); language.set_language("vi")
key = bytes.fromhex(sys.argv[2]) if len(sys.argv) > 2 else None
window = build_window(Store.open(sys.argv[1], key=key), language)
window.show()
app.processEvents()
print("shown", time.time(), flush=True)  # the window is up and its search box answers (text search is direct)
if window.households.model.rowCount() == 0:
    loop = QEventLoop()
    window.households.loaded.connect(lambda _n: loop.quit())
    loop.exec()  # idle like app.exec(): the worker thread sorts the ward's 50k ids meanwhile
window.households.table.viewport().repaint()
print("ready", flush=True); sys.stdin.readline()
"""
QUERIES = (
    "n",
    "ng",
    "ngu",
    "nguy",
    "nguyen",
    "nguyen v",
    "nguyen van",
    "duong",
    "hem 12",
    "le van sy",
    "tran",
    "pham thi",
    "090",
    "0903",
    "hai ba trung",
    "123",
    "dang",
    "vo van",
    "huynh",
    "cach mang",
)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_once(script: str, *args: str) -> tuple[float, float, float]:
    """Seconds from process start until the window is shown and until it says ready, and its RSS (MiB)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(ROOT),
    }
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert child.stdout and child.stdin
    line = child.stdout.readline()
    shown = time.perf_counter() - started
    if line.startswith("shown"):
        line = child.stdout.readline()
    elapsed = time.perf_counter() - started
    if line.strip() != "ready":
        raise RuntimeError(f"child failed: {line!r}")
    memory = rss_mib(child.pid)
    child.stdin.write("\n")
    child.stdin.flush()
    child.wait(timeout=30)
    return shown, elapsed, memory


def ensure_db(path: Path, households: int, key: bytes | None) -> None:
    if path.exists():
        return
    from desktop.demo import DemoSize, generate_demo_ward
    from desktop.store import Store

    print(f"making a demo ward of {households:,} households in {path} …", flush=True)
    with Store.open(path, create=True, key=key) as store:
        generate_demo_ward(store, DemoSize(households=households, seed=3, end=date(2026, 6, 30)))


def bench_start(db: Path, runs: int, key: bytes | None) -> None:
    bare = [start_once(BARE) for _ in range(runs)]
    app = [start_once(APP, str(db), *([key.hex()] if key else [])) for _ in range(runs)]
    bare_t = statistics.median(t for _, t, _ in bare)
    shown_t, app_t = statistics.median(s for s, _, _ in app), statistics.median(t for _, t, _ in app)
    bare_m, app_m = statistics.median(m for _, _, m in bare), statistics.median(m for _, _, m in app)
    print(
        f"start to main window shown and searchable: app {shown_t * 1000:.0f} ms, bare PySide6 window "
        f"{bare_t * 1000:.0f} ms → ratio {shown_t / bare_t:.2f}× (target ≤ 3×; median of {runs})"
    )
    print(
        f"start to whole-ward list filled (50k ids sorted in a worker): {app_t * 1000:.0f} ms "
        f"→ ratio {app_t / bare_t:.2f}×"
    )
    print(
        f"memory (RSS): app {app_m:.0f} MiB, bare window {bare_m:.0f} MiB → ratio {app_m / bare_m:.2f}× "
        "(target ≤ 3×)"
    )


def bench_search(db: Path, rounds: int, key: bytes | None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.search.index import search_household_ids
    from desktop.store import Store
    from ui.app import build_window
    from ui.language import LanguageManager

    app = QApplication.instance() or QApplication([])
    language = LanguageManager()
    language.set_language("vi")
    store = Store.open(db, key=key)
    window = build_window(store, language)
    window.show()
    page = window.households
    while page.model.rowCount() == 0:
        app.processEvents()
    visible = 30
    ui_times: list[float] = []
    raw_times: list[float] = []
    for _ in range(rounds):
        for text in QUERIES:
            started = time.perf_counter()
            search_household_ids(store.conn, text, limit=500)
            raw_times.append(time.perf_counter() - started)
            page.search.setText(text)
            started = time.perf_counter()
            page.search.flush()  # what the 150 ms debounce timer fires
            for row in range(min(visible, page.model.rowCount())):
                page.model.index(row, 1).data()  # the rows the view paints first
            app.processEvents()
            ui_times.append(time.perf_counter() - started)

    def ms(values: list[float], q: float) -> float:
        return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000

    print(
        f"search keystroke → updated list ({len(ui_times)} searches, after the {150} ms debounce): "
        f"median {statistics.median(ui_times) * 1000:.1f} ms, p99 {ms(ui_times, 0.99):.1f} ms "
        f"(target median ≤ 50 ms); raw FTS5 query on the same data: median "
        f"{statistics.median(raw_times) * 1000:.1f} ms, p99 {ms(raw_times, 0.99):.1f} ms"
    )
    window.close()
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/wardbook-bench-ui-50k.db"))
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--encrypted", action="store_true", help="a SQLCipher database, as the app keeps it")
    options = parser.parse_args()
    key: bytes | None = None
    if options.encrypted:
        key_path = options.db.with_name(options.db.name + ".key")
        if not key_path.exists():
            key_path.write_text(os.urandom(32).hex())
        key = bytes.fromhex(key_path.read_text())
    ensure_db(options.db, options.households, key)
    from desktop.store import Store
    from desktop.store.queries import ward_stats

    with Store.open(options.db, key=key) as store:
        stats = ward_stats(store, date(2026, 6, 30))
    print(f"ward: {stats['households']:,} households, {stats['people']:,} people, {stats['visits']:,} visits "
          f"({'SQLCipher, encrypted' if key else 'plain SQLite'})")
    bench_start(options.db, options.runs, key)
    bench_search(options.db, rounds=3, key=key)
    return 0


if __name__ == "__main__":
    sys.exit(main())
