"""The memory a finished job freed goes back to the operating system (`desktop.memory`, `ui.workers.Worker`).

Each case runs in a fresh process so that its resident size is its own: a pool thread fills an in-memory
SQLite table (as a review fills its temporary tables), closes the connection, and the process's RSS is read
before and after the release."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

glibc_only = pytest.mark.skipif(
    sys.platform != "linux" or platform.libc_ver()[0] != "glibc", reason="malloc_trim is glibc's"
)

FILL = """
import os, sqlite3, threading
def rss_mib():
    for line in open(f"/proc/{os.getpid()}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
KEPT = []
def fill():
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT)")
    for start in range(0, 300_000, 1000):
        rows = ((f"household {i} " * 4,) for i in range(start, start + 1000))
        conn.executemany("INSERT INTO t (text) VALUES (?)", rows)
        KEPT.append(bytes(1000 + start % 7))  # outlives the job, as a job's result does: the heap cannot shrink
    conn.commit()
    conn.close()
"""

CORE = FILL + """
from desktop.memory import release_freed_memory
worker = threading.Thread(target=fill); worker.start(); worker.join()
before = rss_mib()
released = release_freed_memory()
print(released, before, rss_mib())
"""

WORKER = FILL + """
import sys
from PySide6.QtCore import QCoreApplication, QThreadPool
import ui.workers
if sys.argv[1:] == ["keep"]:  # the same worker, had it not released its job's memory
    ui.workers.release_freed_memory = lambda: False
app = QCoreApplication([])
worker = ui.workers.start(lambda _progress, _cancelled: fill())
worker.done.wait(60)
QThreadPool.globalInstance().waitForDone()
print(True, None, rss_mib())
"""


def run(script: str, *args: str) -> tuple[str, float | None, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, env=env, check=True,
                         timeout=120).stdout.split()
    return out[0], None if out[1] == "None" else float(out[1]), float(out[2])


@glibc_only
def test_the_pages_a_finished_thread_freed_leave_the_process() -> None:
    released, before, after = run(CORE)
    assert released == "True"
    assert before is not None and before - after > 12, (before, after)  # ~22 MiB freed, held until released


@glibc_only
def test_a_worker_returns_its_job_memory_when_the_job_ends() -> None:
    _, _, kept_without = run(WORKER, "keep")
    _, _, kept_by_worker = run(WORKER)
    assert kept_by_worker < kept_without - 12, (kept_by_worker, kept_without)


def test_without_an_allocator_call_nothing_breaks() -> None:
    """Where the C library has no such call (musl, macOS) the release is a no-op saying so, never an error."""
    from desktop import memory

    memory._allocator_release.cache_clear()
    try:
        result = memory.release_freed_memory()
    finally:
        memory._allocator_release.cache_clear()
    assert result is (memory._allocator_release() is not None)
