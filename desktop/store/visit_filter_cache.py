"""The search documents that pass the households page's visit filters, kept while the register is unchanged.

A search with "overdue follow-ups" or "not visited in N days" chosen tests its matches against the households of
those filters, gathered from the visits' indexes: 20–40 ms on a 50k ward, on a connection the page opens for the
query, so each keystroke's results came a tenth of a second after it. The set does not change while the user types.
The page keeps it here with the version of the register it was read at (`register_version`); a keystroke with the
same filters, on the same day, on an unchanged register, filters its matches against the set kept, as fast as a
search with a khu phố chosen. Any write anywhere (this window, the app's sync on its own connection, the command
line) changes the version, and the set is read again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.store.queries import HouseholdFilter, VisitDocuments
from desktop.store.store import Store


def register_version(store: Store) -> tuple[int, int]:
    """A value that changes whenever the register does: SQLite's `data_version` (it moves when another connection,
    of this process or another, commits) and this connection's own count of rows changed."""
    return int(store.conn.execute("PRAGMA data_version").fetchone()[0]), store.conn.total_changes


@dataclass(frozen=True)
class VisitFilterKey:
    """What a kept set answers for: the visit filters, the day they count from and the register's version."""

    not_visited_days: int | None
    has_overdue_follow_up: bool
    today: date
    version: tuple[int, int]


def visit_filter_key(store: Store, flt: HouseholdFilter, today: date) -> VisitFilterKey | None:
    """The key of `flt`'s visit filters on `store` now (read on the store's own connection, in its thread), or None
    when `flt` has none."""
    if flt.not_visited_days is None and not flt.has_overdue_follow_up:
        return None
    return VisitFilterKey(flt.not_visited_days, flt.has_overdue_follow_up, today, register_version(store))


class VisitFilterCache:
    """One `VisitDocuments` and the key it was read for: a page shows one choice of filters at a time."""

    def __init__(self) -> None:
        self._key: VisitFilterKey | None = None
        self._documents: VisitDocuments | None = None

    def documents(self, key: VisitFilterKey | None) -> VisitDocuments | None:
        """The set kept for `key`, or None when it is not the one kept (or there is none)."""
        return self._documents if key is not None and key == self._key else None

    def keep(self, key: VisitFilterKey, documents: VisitDocuments) -> None:
        """Keep `documents`, read for `key` (by `visit_filtered_documents`, on any connection: `key`'s version was
        read before, on the store the page keys with, so a write in between only makes the next keystroke read
        the set again)."""
        self._key, self._documents = key, documents
