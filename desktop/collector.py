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
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False  # whether the outermost pause found the collector running


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cyclic collector paused (see the module's docstring); for bulk work that ends."""
    global _depth, _resume
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
