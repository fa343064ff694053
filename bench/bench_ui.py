"""The app on a 50k-household ward, beside a bare PySide6 window measured in the same run (DESIGN.md §8):
start to usable main window (≤ 3×), memory (≤ 3×), and search keystroke to updated list (≤ 50 ms median;
the 150 ms typing debounce is not counted).

    .venv/bin/python bench/bench_ui.py [--db PATH] [--households 50000]
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

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BARE = """
import resource, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow(); window.resize(1280, 760); window.show(); app.processEvents()
print(time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
APP = """
import resource, sys, time
from PySide6.QtWidgets import QApplication
from desktop.store import Store
from ui.main_window import MainWindow
from ui.translation import Translations
app = QApplication([])
translations = Translations(app); translations.switch("vi")
window = MainWindow(Store.open(sys.argv[1]), translations); window.show(); app.processEvents()
assert window.households.model.rowCount() > 0
print(time.time(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def start(code: str, *args: str) -> tuple[float, float]:
    """Seconds from process start to a shown, usable window, and peak memory in MiB."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "PYTHONPATH": str(ROOT)}
    began = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                         env=env).stdout.split()
    return float(out[0]) - began, int(out[1]) / 1024


def keystrokes(db: Path) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.store import Store
    from ui.main_window import MainWindow
    from ui.translation import Translations

    app = QApplication.instance() or QApplication([])
    window = MainWindow(Store.open(db), Translations(app))
    window.show()
    page = window.households
    timings = []
    for text in ("nguyen van an", "duong le van sy", "tran thi hoa", "0903"):
        for n in range(1, len(text) + 1):
            page.search.setText(text[:n])
            started = time.perf_counter()
            page.apply_filter()  # what the debounce timer calls
            app.processEvents()
            timings.append((time.perf_counter() - started) * 1000)
    window.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--households", type=int, default=50_000)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / "ui.db"
    if not db.exists():
        from desktop.demo import DemoSize, generate_demo_ward
        from desktop.store import Store

        with Store.open(db, create=True) as store:
            generate_demo_ward(store, DemoSize(households=args.households))
    start(APP, str(db))  # first run migrates and warms the page cache
    bare = [start(BARE) for _ in range(3)]
    app = [start(APP, str(db)) for _ in range(3)]
    bare_s, bare_mib = statistics.median(b[0] for b in bare), statistics.median(b[1] for b in bare)
    app_s, app_mib = statistics.median(a[0] for a in app), statistics.median(a[1] for a in app)
    print(f"start to usable window: bare PySide6 {bare_s:.2f} s, WardBook {app_s:.2f} s ({app_s / bare_s:.1f}x; "
          f"target <= 3x)")
    print(f"peak memory: bare {bare_mib:.0f} MiB, WardBook {app_mib:.0f} MiB ({app_mib / bare_mib:.1f}x; "
          f"target <= 3x)")
    timings = keystrokes(db)
    print(f"search keystroke -> updated list: median {statistics.median(timings):.1f} ms, "
          f"max {max(timings):.1f} ms over {len(timings)} keystrokes (target median <= 50 ms)")


if __name__ == "__main__":
    main()
