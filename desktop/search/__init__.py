"""Vietnamese accent-insensitive search: folding, the FTS5 index and the people sort key."""

from desktop.search.folding import fold
from desktop.search.sortkey import person_sort_key, vi_sort_key

__all__ = ["fold", "person_sort_key", "vi_sort_key"]
