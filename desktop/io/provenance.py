"""Which of the register's values came from a list, and which an officer entered since (in the app, on this
laptop or another): a list imported again may correct the first, never the second.

The register keeps, for every field, the stamp of its last write: its `field_clock` row, or the row's creation
stamp (`created_hlc`, `created_device`) when the field was not written since. Every import records in its
audit entry the range of stamps its writes took on its device (`hlc`: first and last), and the audit log
travels with sync, so a stamp inside one of those ranges is a list's value on any laptop. Any other stamp is an
officer's (typed, ticked, or synced from another laptop's app), or one nobody can tell any more (an import made
before the ranges were recorded): both are kept, and the import reports the difference instead.
"""

from __future__ import annotations

import json

from desktop.store import Store

Stamp = tuple[int, str]  # (HLC, device id)


class Provenance:
    """The import ranges of every device, read once per import."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.ranges: dict[str, list[tuple[int, int]]] = {}
        for device, detail in store.conn.execute(
                "SELECT device_id, detail FROM audit_log WHERE action = 'import' AND detail LIKE '%\"hlc\"%'"):
            first, last = json.loads(detail)["hlc"]
            self.ranges.setdefault(str(device), []).append((int(first), int(last)))

    def from_list(self, stamp: Stamp | None) -> bool:
        if stamp is None:
            return False
        hlc, device = stamp
        return any(first <= hlc <= last for first, last in self.ranges.get(device, ()))

    def entered_since(self, table: str, fields: dict[str, set[str]]) -> dict[str, set[str]]:
        """Of `fields` (row id → field names), those whose present value was not written by an import."""
        if not fields:
            return {}
        ids = json.dumps(sorted(fields))
        created: dict[str, Stamp | None] = {
            str(row_id): (int(hlc), str(device)) if hlc is not None and device is not None else None
            for row_id, hlc, device in self.store.conn.execute(
                f"SELECT t.id, t.created_hlc, t.created_device FROM json_each(?) k JOIN {table} t ON t.id = k.value",
                (ids,))}
        cursor = self.store.conn.execute(
            "SELECT c.row_id, c.field, c.hlc, c.device_id FROM json_each(?) k JOIN field_clock c "
            "ON c.tbl = ? AND c.row_id = k.value", (ids, table))
        written = {(str(row_id), str(field)): (int(hlc), str(device)) for row_id, field, hlc, device in cursor}
        entered: dict[str, set[str]] = {}
        for row_id, names in fields.items():
            for name in names:
                if not self.from_list(written.get((row_id, name), created.get(row_id))):
                    entered.setdefault(row_id, set()).add(name)
        return entered
