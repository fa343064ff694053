"""Where a piece of database work spends its time, statement by statement (`bench_sync.py --statements`).

The profiler sees one `execute` call for a whole set-wise merge; what is worth changing next is the statement
inside it. `timed_statements` puts a timing wrapper in place of a `Store`'s connection while the work runs (every
module reads `store.conn` at each call, so all of them go through it) and adds up, per SQL text, the time of the
call and of reading its rows. The wrapper's own cost makes the work slower: its figures show shares, and the work
measured this way is never one of a benchmark's timed rounds.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from desktop.store import Store


class _TimedCursor:
    def __init__(self, cursor: Any, sql: str, times: dict[str, float]) -> None:
        self._cursor, self._sql, self._times = cursor, sql, times

    def __iter__(self) -> Iterator[Any]:
        started = time.perf_counter()
        try:
            yield from self._cursor  # the caller's work on each row is counted too (a loop folding each row's
            # text shows here with its Python): read a row-by-row statement's figure with that in mind
        finally:
            self._times[self._sql] += time.perf_counter() - started

    def _timed(self, method: str) -> Any:
        started = time.perf_counter()
        try:
            return getattr(self._cursor, method)()
        finally:
            self._times[self._sql] += time.perf_counter() - started

    def fetchone(self) -> Any:
        return self._timed("fetchone")

    def fetchall(self) -> Any:
        return self._timed("fetchall")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class _TimedConnection:
    def __init__(self, conn: Any, times: dict[str, float]) -> None:
        object.__setattr__(self, "_conn", conn)
        object.__setattr__(self, "_times", times)

    def execute(self, sql: str, *args: Any) -> _TimedCursor:
        started = time.perf_counter()
        cursor = self._conn.execute(sql, *args)
        self._times[sql] += time.perf_counter() - started
        return _TimedCursor(cursor, sql, self._times)

    def executemany(self, sql: str, rows: Iterable[Any]) -> Any:
        started = time.perf_counter()
        try:
            return self._conn.executemany(sql, rows)
        finally:
            self._times[sql] += time.perf_counter() - started

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._conn, name, value)


@contextmanager
def timed_statements(store: Store) -> Iterator[dict[str, float]]:
    """Seconds per SQL text of what runs on `store` inside the block (filled as it runs)."""
    times: dict[str, float] = defaultdict(float)
    real = store.conn
    store.conn = _TimedConnection(real, times)  # type: ignore[assignment]
    try:
        yield times
    finally:
        store.conn = real


def print_statements(times: dict[str, float], total: float, top: int = 15) -> None:
    """The `top` statements by time, each with its share of `total` (the whole work's seconds)."""
    print(f"  statements, {sum(times.values()):.2f} s of {total:.2f} s (the rest is Python):")
    for sql, seconds in sorted(times.items(), key=lambda item: -item[1])[:top]:
        print(f"  {seconds:7.2f} s {seconds / total:4.0%}  {' '.join(sql.split())[:150]}")
