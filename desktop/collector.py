"""Hold Python's cyclic garbage collector back while bulk work runs: a sync round, a bulk write, an import, the
app's start, each of the app's background jobs (`ui.workers`).

Why: applying a changeset file, writing a batch of thousands of changes, reading a ward's spreadsheet or a ward's
rows for a report builds hundreds of thousands of small lists, dicts and tuples that all stay alive until that file,
batch or job is done. The cyclic collector runs whenever allocations outnumber frees, and each full collection walks
every object the process holds (in the app: its windows, models and caches as well): it ran again and again while
those objects piled up, though none of them could be freed before then. A merge of a 100k-household ward's edits
spent 0.3–0.5 s of 5.3–5.5 s in it, the same edits as local updates 0.4–0.6 s (`bench/bench_sync.py
--only-merge`), an import of 20k households and 72k people 0.7–1.1 s of 7.4–8.0 s (`bench/bench_import.py`), a
50k ward's review with its lists by name 0.4 s of 4.2 s, each with its peak memory unchanged. The app's start (Qt's
modules, the window's code and the window, objects that then live as long as the app) and the window's first reads,
which run in jobs while it is shown, are paused both: start to the window through the OS keyring 287–297 ms →
211–220 ms (`bench/bench_ui.py`); either pause alone only moved the collections to the other.

The objects are freed by reference counting as each file, batch or job is done, which the pause does not change;
only objects caught in reference cycles wait, and such work makes next to none (an error's traceback), so they are
collected when it ends. The collector is process-wide, so the pause is counted: nested or concurrent pauses (a sync
in its worker while a list is read in another) leave it paused until the last one ends, and it is resumed only if
it was running before.

In the app, collections must run on the GUI thread only (`ui.collection`): a collection frees whatever reference
cycles it finds, Qt objects among them (a closed dialog, a model, a job's signals), and a Qt object freed in a pool
thread crashed the app (a segmentation fault within sixty scripted operations of cases and pages: a collection
run in a job's thread as this module resumed the collector there). So the app switches automatic collection off for good
(`collect_on_one_thread`) and runs `collect_if_due` from its GUI thread; the pauses then only count, and a due
collection waits while one lasts, as before.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False  # whether the outermost pause found the collector running
_one_thread = False  # collections run only where `collect_if_due` is called (`collect_on_one_thread`)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector paused (see the module's docstring); for bulk work that ends."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled() and not _one_thread
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()


def collect_on_one_thread() -> None:
    """From now on, collect only through `collect_if_due` (the app's GUI thread calls it): automatic collection
    is switched off, also at the end of a pause that began before (see the module's docstring)."""
    global _one_thread, _resume
    with _lock:
        _one_thread = True
        _resume = False
        gc.disable()


def collect_automatically() -> None:
    """Undo `collect_on_one_thread` (a test that set it up gives the process back as it found it)."""
    global _one_thread
    with _lock:
        _one_thread = False
        if _depth == 0:
            gc.enable()


def collect_if_due() -> int:
    """Run the collection the automatic collector would have run by now, on the calling thread: the youngest
    generations whose counts passed their thresholds (`gc.get_threshold`); nothing while a pause lasts. Returns
    the number of objects found unreachable."""
    if _depth:
        return 0
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] < thresholds[0]:
        return 0
    generation = 0
    while generation < 2 and counts[generation + 1] >= thresholds[generation + 1]:
        generation += 1
    return gc.collect(generation)
