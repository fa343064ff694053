"""Another job holding a register's write lock, as a CLI import or sync in another process does."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def another_job_writing(path: Path) -> Iterator[sqlite3.Connection]:
    """A second connection to the file at `path` holding its write lock until the block ends (or the test rolls
    it back itself, releasing the register early)."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield holder
    finally:
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
