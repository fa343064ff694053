"""Text normalisation shared by every layer: all stored text is NFC.

Vietnamese typed on Windows, pasted from Excel or from the web arrives in NFC, NFD or with old-style tone
placement; storing one form makes equality, sorting and PDF rendering behave.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

from desktop.clock import WARD_TIME

# Characters that show nothing: zero-width spaces and joiners, direction marks and overrides, the byte-order mark,
# the soft hyphen. Pasted from the web or typed on purpose, they made a name of nothing but them, or a household
# code that looks exactly like another's, and a name that search could not find.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
ELLIPSIS = "…"


def nfc(value: str) -> str:
    """NFC form without invisible characters, runs of whitespace collapsed and the ends trimmed."""
    if not value.isascii():  # (every invisible character is beyond ASCII: most codes and numbers skip the search)
        value = _INVISIBLE.sub("", unicodedata.normalize("NFC", value))
    # str.split() splits at exactly the characters `\s` matches (str.isspace()), at a third of a regex's cost:
    # a bulk write cleans every text it is given.
    return " ".join(value.split())


def is_blank(value: str) -> bool:
    """Whether `value` holds nothing but spaces and invisible characters (what `nfc` leaves empty)."""
    return not value.strip() or (not value.isascii() and not _INVISIBLE.sub("", value).strip())


def nfc_lines(value: str) -> str:
    """`nfc()` line by line, keeping the line breaks between non-empty lines (paragraphs of a long text)."""
    return "\n".join(line for line in (nfc(part) for part in value.splitlines()) if line)


def clean(value: object) -> object:
    """`nfc()` for strings; other values pass through untouched (numbers, None)."""
    return nfc(value) if isinstance(value, str) else value


def shorten(value: str, limit: int) -> str:
    """`value` cut to `limit` characters, an ellipsis marking the cut: for text gathered from many cells or
    stored before the input limits, which must still fit where it goes (a field, a report cell)."""
    return value if len(value) <= limit else value[: limit - 1].rstrip() + ELLIPSIS


def format_date(iso: object) -> str:
    """`2026-01-05` → `05/01/2026`, the way Vietnamese forms write dates; empty for None or non-dates."""
    if not isinstance(iso, str) or len(iso) < 10:
        return ""
    year, month, day = iso[:10].split("-")
    return f"{day}/{month}/{year}"



def format_time(at: object) -> str:
    """A stored UTC instant (`2026-06-30T23:30:01.905Z`) as Ho Chi Minh City time to the minute (`01/07/2026
    06:30`), whatever zone the laptop is set to: officers read every time as their ward's, and the stored text cut
    to its date was yesterday before 07:00. Empty for None; a text that is no time is shown as it is."""
    text = str(at or "")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is None:  # every stored time is UTC, also one written without its zone
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(WARD_TIME).strftime("%d/%m/%Y %H:%M")
