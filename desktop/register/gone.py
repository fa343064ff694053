"""A record asked for by its id that is not in the register any more, told as a person reads it.

The app hands the core the ids of the records on its screen. Between a list being read and a row of it being
opened or saved, a sync (or another window) can delete the record: "No case '3f2a9c…'" then told the officer an id
nobody knows, and the Cases page's own reading let a bare `KeyError` out. A record deleted here is named as the
conflicts inbox names records (its code and address, its day, its title) and said to be deleted, on this laptop or
another; an id that names nothing at all keeps the lookup's own message with what was typed (the command line's
codes and prefixes).
"""

from __future__ import annotations

from desktop import i18n
from desktop.errors import WardbookError
from desktop.register import labels as _labels  # noqa: F401  (registers the records' names)
from desktop.store import Store
from desktop.text import shorten

_LONGEST = 120  # characters of a record's name in the sentence


def not_found(store: Store, table: str, row_id: str, unknown: str, **params: object) -> WardbookError:
    """The error for `row_id` of `table` not found alive: deleted (named in words), else `unknown` with
    `value=row_id`; both with `params` (a form's `field`, to point at)."""
    deleted = store.conn.execute(f"SELECT 1 FROM {table} WHERE id = ? AND deleted_hlc IS NOT NULL",
                                 (row_id,)).fetchone()
    if deleted is None:
        return WardbookError(unknown, value=row_id, **params)
    from desktop.sync.conflict_words import Words  # the inbox's words build on the register's labels

    # A title of pages (typed, or sent by a hand-edited laptop) must not fill the box.
    which = shorten(Words(store).record(table, row_id), _LONGEST)
    record = i18n.Ref(f"record.{table}")  # "Hộ", "Vụ việc": in the language the sentence is read in
    if not which:  # purged: nothing left to name it by
        return WardbookError("register.record_deleted_unnamed", record=record, **params)
    return WardbookError("register.record_deleted", record=record, which=which, **params)
