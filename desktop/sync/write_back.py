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
"""

from __future__ import annotations

from desktop.store import Store
from desktop.store.tables import APPEND_ONLY, SYNCED
from desktop.sync.screen import Refused


def write_back_refused(store: Store, refused: list[Refused], newest: int) -> int:
    """Write this laptop's values of the fields that `refused` (one file's refused changes, whose newest stamp is
    `newest`) would have changed back, in the caller's transaction; returns how many fields were written back."""
    stamps: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for item in refused:
        spec = SYNCED.get(item.table)
        # A stamp outside the file's range was refused as one no laptop could ever correct: none is made above it.
        if item.op != "update" or spec is None or item.table in APPEND_ONLY or not 0 < item.hlc <= newest:
            continue
        names = {name for name in item.fields if name in spec.fields}
        if names:
            hlc, seen = stamps.get((item.table, item.row_id), (0, set()))
            stamps[item.table, item.row_id] = (max(hlc, item.hlc), seen | names)
    fields = [(table, row_id, hlc + 1, sorted(names)) for (table, row_id), (hlc, names) in stamps.items()]
    return store.writer.write_back(fields) if fields else 0
