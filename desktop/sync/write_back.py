"""Writing back, on the admin's laptop, the fields of the edits the station refuses, so every laptop ends with the
same records.

A refused change is applied on no laptop that screens it, but the laptop that made it keeps it: a team lead lowered
to officer while their laptop was offline goes on changing colleagues' visits there, and from then on that laptop
shows its own value of each such field, every other laptop the value from before, for good (until someone edits
the field again). The station's admin laptop (the one that holds the station's admin key: one laptop, so one
write-back per refused change) therefore writes its own value of each refused field back, as an edit stamped just
above the refused change. Every laptop takes it: the sender, where it replaces the refused value, and the others,
where the value stays as it was.

Just above the refused stamp, not now: an edit another laptop made, with the right to, after the refused one still
wins everywhere, as it would have had the refused change never been made; and a field changed here since is left
alone (`Writer.write_back`). Only edits of records this laptop has are written back; the laptop that made a refused
change undoes a refused delete itself and is told of each (`desktop.sync.own_refused`).

Written once the round has applied every file, not as each file is applied: a write-back is published at the next
round, before anything more is applied, so the version vector its file carries is what this laptop had seen when
it wrote it. Written in the middle of a round, the files applied after it (another laptop's concurrent edit of the
field, say) were counted as seen, and that laptop recorded no loss of its edit. The refused changes themselves are
the queue (`refused_changes`, up to the one last written back): a round cut short writes them back at the next.
"""

from __future__ import annotations

from desktop.store import Store
from desktop.store.tables import APPEND_ONLY, SYNCED
from desktop.sync.screen import fields_of

_DONE = "sync.written_back_up_to"  # the last refused change (its id in `refused_changes`) written back


def write_back_refused(store: Store) -> int:
    """Write this laptop's values of the fields refused edits from other laptops would have changed back, for the
    edits refused since the last write-back, in one transaction; returns how many fields were written back."""
    done = int(store.setting(_DONE, "0") or 0)
    last = store.conn.execute("SELECT coalesce(max(id), 0) FROM refused_changes").fetchone()[0]
    if last <= done:
        return 0
    refused = store.conn.execute(
        "SELECT tbl, row_id, hlc, fields FROM refused_changes WHERE id > ? AND id <= ? AND device_id != ? "
        "AND op = 'update'", (done, last, store.device_id)).fetchall()
    newest = store.writer.latest()  # every applied file's newest stamp is absorbed; a stamp beyond was refused
    stamps: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for table, row_id, hlc, fields in refused:
        spec = SYNCED.get(table)
        # A stamp beyond this laptop's clock was refused as one no laptop could ever correct: none is made above it.
        if spec is None or table in APPEND_ONLY or not isinstance(hlc, int) or not 0 < hlc <= newest:
            continue
        names = {name for name in fields_of(fields) if name in spec.fields}  # a purged row's: names only
        if names:
            before, seen = stamps.get((table, row_id), (0, set()))
            stamps[table, row_id] = (max(before, hlc), seen | names)
    with store.transaction():
        written = store.writer.write_back(
            [(table, row_id, hlc + 1, sorted(names)) for (table, row_id), (hlc, names) in stamps.items()])
        store.set_setting(_DONE, str(last))
    return written
