"""Accent folding used on both sides of search (index and query).

SQLite's `remove_diacritics 2` does not fold `đ`, and `remove_diacritics 1` misses letters with two marks
(ặ, ố…), so folding is done here in Python: NFD, drop combining marks, `đ/Đ → d`, lower-case, collapse
spaces. Old ("hoà") and new ("hòa") tone placement fold to the same text because the marks are dropped.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """`Nguyễn Văn Đạt` → `nguyen van dat`."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()
