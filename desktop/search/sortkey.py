"""Vietnamese collation in pure Python (CLDR `vi` tailoring), and the sort order for people's names.

CLDR `vi` makes ă, â, đ, ê, ô, ơ, ư letters of their own (primary difference) and orders the five tone marks
after the unmarked letter as a secondary difference: none < huyền (`) < hỏi (̉) < ngã (~) < sắc (´) < nặng (.).
Case is a tertiary difference, lower first. Vietnamese lists of people sort by given name (the last word),
then the middle names, then the family name.
"""

from __future__ import annotations

import unicodedata

# Primary order of letters; f, j, w, z keep their Latin place for foreign names.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_PRIMARY = {letter: 100 + index for index, letter in enumerate(_ALPHABET)}
_DIGIT_BASE = 10  # digits sort before letters

# Combining marks that make a new letter out of a base letter.
_LETTER_MARKS = {
    ("a", "\u0306"): "ă",
    ("a", "\u0302"): "â",
    ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô",
    ("o", "\u031b"): "ơ",
    ("u", "\u031b"): "ư",
}
# Tone marks in CLDR `vi` secondary order.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

Key = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]


def _letters(word: str) -> list[tuple[str, int, int]]:
    """Split `word` into (base letter, tone, is_upper) triples, with ă/â/đ/ê/ô/ơ/ư as letters."""
    result: list[tuple[str, int, int]] = []
    for char in unicodedata.normalize("NFC", word):
        upper = 1 if char.isupper() else 0
        decomposed = unicodedata.normalize("NFD", char.lower())
        base, marks = decomposed[0], decomposed[1:]
        tone = 0
        for mark in marks:
            if (base, mark) in _LETTER_MARKS:
                base = _LETTER_MARKS[(base, mark)]
            elif mark in _TONES:
                tone = _TONES[mark]
        result.append((base, tone, upper))
    return result


def _primary(base: str) -> int:
    if base in _PRIMARY:
        return _PRIMARY[base]
    if base.isdigit():
        return _DIGIT_BASE + int(base) if base in "0123456789" else _DIGIT_BASE
    if base.isspace():
        return 1
    return 1000 + ord(base)  # anything else sorts after letters, in code point order


def vi_sort_key(text: str) -> Key:
    """A key that sorts strings the way CLDR `vi` does: letters, then tones, then case."""
    letters = _letters(text)
    return (
        tuple(_primary(base) for base, _, _ in letters),
        tuple(tone for _, tone, _ in letters),
        tuple(upper for _, _, upper in letters),
    )


def person_sort_key(full_name: str) -> tuple[Key, Key, Key]:
    """Sort key for a Vietnamese full name: given name, then middle names, then family name."""
    words = full_name.split()
    if not words:
        return (vi_sort_key(""), vi_sort_key(""), vi_sort_key(""))
    given = words[-1]
    family = words[0] if len(words) > 1 else ""
    middle = " ".join(words[1:-1])
    return (vi_sort_key(given), vi_sort_key(middle), vi_sort_key(family))
