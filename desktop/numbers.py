"""Numbers as a Vietnamese user types them, and as the app shows them.

Vietnamese writes "1.500.000" for a million and a half and "1,5" for one and a half: "." groups thousands, ","
marks decimals (`ui.language.fmt_number` shows numbers so). Read the other way ("1.000" as one, "1.5" as fifteen)
a ward's records would hold other quantities than the officer typed, without a word: every form reads typed
numbers here.
"""

from __future__ import annotations

import math
import re


def read_number(text: str) -> float | None:
    """The number `text` means, or None when it means none (or one that is not finite).

    With a "," it is the decimal mark and every "." groups thousands ("1.234,5"); without one, several "." or a
    single "." followed by exactly three digits group thousands ("1.500.000", "1.000"), and any other single "."
    is a decimal point ("1.5", "2.25": the number pad's key). Spaces between digits are ignored ("1 000").
    """
    cleaned = "".join(text.split())
    if not cleaned:
        return None
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") > 1 or (cleaned.count(".") == 1 and len(cleaned.split(".")[1]) == 3):
        cleaned = cleaned.replace(".", "")
    if not all(c.isascii() and (c.isdigit() or c in ".-+") for c in cleaned):
        return None  # "1_000", full-width or other scripts' digits, "1e3", "nan": not what a ward's form takes
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


# Groups of three digits after the first, each after a "." or a ",": "200.000", "200,000", "1.500.000".
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:[.,][0-9]{3})+")


def read_whole(text: str) -> int | None:
    """The whole amount `text` means (đồng, a count), or None when it means none or a fraction.

    A "." or a "," between groups of three digits groups thousands either way ("200.000", "200,000"): a sum of
    đồng has no decimals, and read as "200,0" the amount an officer typed would be a thousand times smaller.
    Otherwise as `read_number`, and only when the number is whole ("1,5" is none)."""
    cleaned = "".join(text.split())
    if _GROUPED.fullmatch(cleaned):
        return int(re.sub("[.,]", "", cleaned))
    number = read_number(text)
    return int(number) if number is not None and number.is_integer() else None
