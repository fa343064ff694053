"""Give the memory a finished piece of work freed back to the operating system.

Why: the Overview, a review, an import or a sync reads a whole ward through a connection of its own, with
temporary tables and a page cache that are freed when the job ends. The C allocator keeps freed memory for
reuse — with glibc in the pool thread's own arena, which little else will reuse — so after the Overview of a
50k-household ward the app held some 45 MiB it no longer used (168 against 120 MiB, `bench/bench_ui.py`). On a
ward laptop with 4 GiB that memory belongs to the other programs. Asking the allocator to return its free pages
costs a few milliseconds in the worker thread, once per job.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache


@cache
def _allocator_release() -> Callable[[], object] | None:
    """The C library's call that returns free heap pages to the system, or None where there is none."""
    import ctypes  # only when a job ends: the app's start does not need it

    try:
        if sys.platform == "win32":
            # The universal C runtime, whose heap Python and SQLite allocate from: _heapmin decommits free pages.
            heapmin = ctypes.CDLL("ucrtbase")._heapmin
            heapmin.restype = ctypes.c_int
            return heapmin
        trim = ctypes.CDLL(None).malloc_trim  # glibc; other C libraries (musl, macOS) have no such call
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return lambda: trim(0)  # 0: keep no free space at the heap's top; every arena is trimmed


def release_freed_memory() -> bool:
    """Return the heap's free pages to the operating system; False where the C library cannot."""
    release = _allocator_release()
    if release is None:
        return False
    release()
    return True
