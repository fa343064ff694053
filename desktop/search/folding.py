"""Accent folding used on both sides of search (index and query).

SQLite's `remove_diacritics 2` does not fold `đ`, and `remove_diacritics 1` misses letters with two marks
(ặ, ố…), so folding is done here in Python: NFD, drop combining marks, `đ/Đ → d`, lower-case, collapse
spaces. Old ("hoà") and new ("hòa") tone placement fold to the same text because the marks are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """`Nguyễn Văn Đạt` → `nguyen van dat`."""
    if text.isascii():  # phones, codes, house numbers: nothing to decompose, map or drop
        return _SPACES.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.lower()).strip()


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """`fold` of one word (no spaces in it) with a letter outside ASCII."""
    return fold(word)


def fold_words(text: str) -> str:
    """`fold(text)`, computed word by word with each distinct word folded once.

    Indexing folds every household's names and address, and a ward repeats the same family names, middle
    names and streets thousands of times, so this caches per word what `fold` would redo per character. The
    result is the same: folding never joins or splits words (marks are dropped per character and spaces are
    collapsed), so folding the words and joining them with one space equals folding the whole.
    """
    if text.isascii():  # codes, phones, house numbers: only lower-cased
        return " ".join(text.lower().split())
    # An ASCII word (a phone, a number, a code) is only lower-cased, not cached: mostly distinct, such words pushed
    # the ward's names out of the cache.
    words = [word.lower() if word.isascii() else _fold_word(word) for word in text.split()]
    return " ".join(filter(None, words))


def fold_cache_clear() -> None:
    """Forget the words folded so far (benchmarks measure a fresh process's work)."""
    _fold_word.cache_clear()
