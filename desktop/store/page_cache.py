"""A larger SQLite page cache for one piece of heavy work on a connection, put back afterwards.

SQLite's default cache is 2 MiB (SQLCipher's 8 MiB). Work that reads or writes the same pages many times
over — a review's thirty-odd queries over the visits, a sync that merges edits of a whole ward into its rows
and its search index — re-reads pages the small cache has just let go, and on an encrypted register each
re-read is decrypted (and each spilled write encrypted) again. The cache is per connection; when it is set
back, SQLite frees the pages above the old size and the background job's end hands that memory back to the
system (`desktop.memory`), so the app's resting memory stays within its budget.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

# A review's figures read covering indexes: 32 MiB is as fast on a 50k ward as 128 MiB was (1.3 s against 2.1 s
# with the default).
REVIEW_CACHE_KIB = 32_768
# Applying a sync round: merging edits of 100k households into an encrypted register took 3.9 s in its search
# index alone with the default cache, 3.2 s with 32 MiB, 2.9 s with 64 MiB (no gain above).
SYNC_CACHE_KIB = 65_536
# A write of at least this many changes through the write path (an import, an edit of a whole ward's households)
# gets the sync's cache too: it updates rows, clocks, outbox and search index spread over the whole register,
# as a merge does. Editing 3 fields of 100k households, profiled on a busy machine: 28 s of CPU with the default
# cache, 23 s with 64 MiB (the households' UPDATE alone 2.4 s → 1.4 s).
BULK_WRITE_CHANGES = 5_000


@contextmanager
def larger_page_cache(conn: sqlite3.Connection, kib: int) -> Iterator[None]:
    """Give `conn` a page cache of at least `kib` KiB while the block runs; a cache already that large (a
    comparison inside a review, an apply inside a sync) is left as it is."""
    before = int(conn.execute("PRAGMA cache_size").fetchone()[0])
    if before < 0 and -before >= kib:
        yield
        return
    conn.execute(f"PRAGMA cache_size = {-kib}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {before}")
