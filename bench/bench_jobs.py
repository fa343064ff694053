"""Memory a day of background jobs leaves behind: the app runs one job per search keystroke, page and login
(`ui/workers.py`); whatever a finished job leaves in the process grows for as long as the app stays open.

Runs a warm-up batch, then `--jobs` more jobs through `ui.workers.start` (a handler that is a page's method, as
the pages connect them) in an offscreen Qt application, and prints the resident memory before and after and what
each job left, against the same number of plain Python calls of the same job on the same thread (the baseline:
what the work itself leaves, nothing).

    .venv/bin/python bench/bench_jobs.py [--jobs 5000]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication

from ui import workers


def rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class Page:
    """Stands for a page that started the job and shows its result."""

    def loaded(self, result: object) -> None:
        self.result = result


def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> int:
    return 1


def settle() -> None:
    QThreadPool.globalInstance().waitForDone()
    for _ in range(5):
        QCoreApplication.processEvents()
    gc.collect()


def through_workers(page: Page, count: int) -> None:
    for number in range(count):
        workers.start(job, finished=page.loaded)
        if number % 100 == 0:
            settle()
    settle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=5000)
    count = parser.parse_args().jobs
    app = QApplication([])
    page = Page()
    through_workers(page, 500)  # the pool's threads, the receiver and Python's caches made once
    before = rss_mib()
    through_workers(page, count)
    after = rss_mib()
    plain_before = rss_mib()
    for _ in range(count):
        page.loaded(job(lambda *_: None, lambda: False))
    gc.collect()
    plain_after = rss_mib()
    per_job, per_call = ((end - start) * 1024 / count for start, end in ((before, after), (plain_before, plain_after)))
    print(f"{count} jobs through ui.workers: RSS {before:.1f} -> {after:.1f} MiB, "
          f"{round(per_job, 2) + 0.0:.2f} KiB left per job")  # + 0.0: no "-0.00" for a page given back
    print(f"baseline, the same jobs called plainly: {round(per_call, 2) + 0.0:.2f} KiB per job")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
