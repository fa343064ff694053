"""The local SQLite store: connection, migrations, the single write path and the queries."""

from desktop.store.store import Store
from desktop.store.writer import RowWrite, new_id

__all__ = ["RowWrite", "Store", "new_id"]
