"""Which encoding a file's Vietnamese text is in, judged by whether its words read as Vietnamese syllables.

A byte sequence decodes without error in almost any 8-bit code page, so the test is the text it gives: every
word with a non-ASCII letter must be a Vietnamese syllable (onset, vowel nucleus, final, at most one tone).
"TrÇn", "NguyÔn" (TCVN3 read as Windows-1258) or "Nguyeãn" (VNI) are not; "Trần", "Nguyễn" are. The reading
with the most such words wins only when it is clearly right; otherwise the file is refused with the reason,
since storing mojibake is worse than asking the clerk to save the file again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from desktop.io.legacy import from_tcvn3, from_vni

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_VOWEL_GROUPS = (  # the vowel nuclei of Vietnamese syllables, tones aside
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu "
    "yê iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu"
)
_NUCLEI = sorted(_VOWEL_GROUPS.split(" "), key=len, reverse=True)
_SYLLABLE = re.compile(
    r"(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?(" + "|".join(_NUCLEI) + r")(ch|ng|nh|[cmnpt])?")
_SEPARATORS = re.compile(r"[\s\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e0-9]+")  # ASCII punctuation, digits, space
CONFIDENT = 0.9  # share of the non-ASCII words that must be syllables
MIN_LEAD = 0.3  # how much better than the next reading the chosen one must be

Converter = Callable[[str], str]


@dataclass(frozen=True)
class Reading:
    """A way to turn the text as first decoded into Unicode Vietnamese, and the share of words it gets right."""

    name: str  # "unicode", "cp1258", "tcvn3", "vni"
    convert: Converter
    score: float


def is_syllable(word: str) -> bool:
    """Whether `word` (one word, any case) is a Vietnamese syllable written in Unicode."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(tone) for tone in _TONES) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _judged(word: str) -> bool:
    """Whether a word says anything about the encoding: it has a non-ASCII character, it has a letter (a tick
    mark ✓ or another symbol alone is no word of any language), and it is not an abbreviation of consonants
    only ("Đ." for Đường, "SĐT"), which no syllable test can pass."""
    if word.isascii() or not any(c.isalpha() for c in word):
        return False
    bases = unicodedata.normalize("NFD", word.lower())
    return not word.isalpha() or any(vowel in bases for vowel in "aeiouy")


def syllable_share(text: str) -> tuple[float, int]:
    """The share of the words with a non-ASCII letter that are syllables, and how many such words there are."""
    foreign = [w for w in _SEPARATORS.split(text) if w and _judged(w)]
    if not foreign:
        return 1.0, 0
    return sum(map(is_syllable, foreign)) / len(foreign), len(foreign)


def _same(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _cp1258(text: str) -> str:
    """Text decoded as Latin-1 (one code point per byte) read again as Windows-1258."""
    return unicodedata.normalize("NFC", text.encode("latin-1").decode("cp1258", errors="replace"))


def readings(sample: str, *, eight_bit: bool) -> list[Reading]:
    """Each plausible reading of `sample`, best first. `eight_bit`: the sample is a file's bytes decoded as
    Latin-1 (a CSV that is not UTF-8), so Windows-1258 is a candidate; otherwise it is Unicode text (UTF-8 or
    UTF-16 CSV, XLSX cells), where legacy font codes show as the code points U+0080–U+00FF."""
    candidates: list[tuple[str, Converter]] = [("cp1258", _cp1258) if eight_bit else ("unicode", _same)]
    if all(ord(c) < 0x100 for c in sample):
        candidates += [("tcvn3", from_tcvn3), ("vni", from_vni)]
    scored = [Reading(name, convert, syllable_share(convert(sample))[0]) for name, convert in candidates]
    return sorted(scored, key=lambda reading: -reading.score)


def choose(sample: str, *, eight_bit: bool) -> Reading | None:
    """The reading of `sample` that is clearly right, or None when none is (the caller refuses the file)."""
    ranked = readings(sample, eight_bit=eight_bit)
    best = ranked[0]
    if syllable_share(sample)[1] == 0:
        return ranked[[r.name for r in ranked].index("cp1258" if eight_bit else "unicode")]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if best.score >= CONFIDENT and best.score - runner_up >= MIN_LEAD:
        return best
    if best.score >= CONFIDENT and best.name in ("unicode", "cp1258"):
        return best  # a legacy reading that also reads as Vietnamese adds nothing to trust
    return None
