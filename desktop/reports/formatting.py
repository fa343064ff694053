"""How numbers and dates are written in a report, per language (Vietnamese: 1.234.567 and 85,3%)."""

from __future__ import annotations

import unicodedata
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.utils import simpleSplit

from desktop import i18n
from desktop.reports.fonts import FALLBACK, ITALIC, REGULAR, runs, text_width
from desktop.reports.rounding import half_up
from desktop.text import shorten


def text(value: object) -> str:
    """NFC text of a value ("" for None): decomposed input would misplace tone marks once drawn."""
    return "" if value is None else unicodedata.normalize("NFC", str(value))


MAX_CELL_CHARS = 600


def clip(value: object, limit: int = MAX_CELL_CHARS) -> str:
    """Text cut to `limit` characters, an ellipsis marking the cut. A stored value may be longer than any cell
    can hold (imported, synced, or entered before the input limits): the report shortens it, never fails."""
    return shorten(text(value), limit)


def markup(value: object) -> str:
    """NFC text escaped for a reportlab Paragraph (names may contain & or <), the runs the serif cannot draw
    (Chinese names) in the fallback font, and a mark for what no font can (see `fonts`)."""
    return "".join(
        f'<font name="{FALLBACK}">{escape(run)}</font>' if font == FALLBACK else escape(run)
        for run, font in runs(text(value), REGULAR)
    )


def number(
    value: float | int, lang: str | None = None, decimals: int = 0, *, keep_zeros: bool = False
) -> str:
    """Thousands grouped the language's way: vi `1.234.567,5`, en `1,234,567.5`.

    Whole numbers lose their `.0` (a quantity of 15 kg), unless `keep_zeros` (a share of 34,0%). Rounded half
    up, as a reader checking the figure rounds (`rounding`).
    """
    if decimals == 0 or (float(value).is_integer() and not keep_zeros):
        plain = f"{int(half_up(value)):,}"
    else:
        plain = f"{half_up(value, decimals):,.{decimals}f}"
    if (lang or i18n.current_language()) == "vi":
        return plain.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return plain


NO_VALUE = "—"  # a share with nothing to divide by, or a change from such a share: neither is 0


def percent(value: float | None, lang: str | None = None) -> str:
    """ "85,3%"; a dash for a share with no base (None)."""
    return NO_VALUE if value is None else number(value, lang, 1, keep_zeros=True) + "%"


def day(iso: str | None) -> str:
    """dd/mm/yyyy from an ISO date or date-time; "" for None."""
    if not iso:
        return ""
    parsed = date.fromisoformat(iso[:10])
    return f"{parsed.day:02d}/{parsed.month:02d}/{parsed.year}"


NUMBER_BLANK = "\u00a0" * 12  # the room left for the clerk to write a document's number by hand


def written_date(day_: date, lang: str | None = None) -> str:
    """ "ngày 05 tháng 7 năm 2026" / "5 July 2026": a date as the text of a document writes it."""
    return i18n.tr(
        "reports.written_date",
        lang,
        day=f"{day_.day:02d}",
        day_plain=day_.day,
        month=f"{day_.month:02d}" if day_.month < 3 else str(day_.month),
        month_name=i18n.tr(f"reports.month_{day_.month}", lang),
        year=day_.year,
    )


def place_and_date(place: str, issued_on: date, lang: str | None = None) -> str:
    """The date line of an official document: ", ngày 05 tháng 01 năm 2026".

    Decree 30/2020 writes days below 10 and the months January and February with a leading zero (so "tháng 01"
    cannot be altered into "tháng 11"), and the other months without.
    """
    month_text = f"{issued_on.month:02d}" if issued_on.month < 3 else str(issued_on.month)
    return i18n.tr(
        "reports.date_line",
        lang,
        place=text(place),
        day=f"{issued_on.day:02d}",
        day_plain=issued_on.day,
        month=month_text,
        month_name=i18n.tr(f"reports.month_{issued_on.month}", lang),
        year=issued_on.year,
    )


DATE_LINE_PT = 13.0  # the place-and-date line's size (Decree 30: italic, 13–14 pt)


def date_line(place: str, issued_on: date, width: float, lang: str | None = None) -> tuple[list[str], float]:
    """The place-and-date line fitted to `width` points: its lines and their size.

    One line at 13 pt (Decree 30 sets 13–14 pt: never smaller); a place too long for that ends the first line
    ("Phường …,") and the date comes whole on the next. Wrapped word by word, a ward's name of 23 letters left
    "2026" alone under "…, ngày 05 tháng 7 năm"."""
    whole = place_and_date(place, issued_on, lang)
    if text_width(whole, ITALIC, DATE_LINE_PT) <= width:
        return [whole], DATE_LINE_PT
    day = written_date(issued_on, lang)
    place_part = whole.removesuffix(day).rstrip()
    if place_part == whole:  # a language whose date line does not end with the date: wrapped as it comes
        return simpleSplit(whole, ITALIC, DATE_LINE_PT, width), DATE_LINE_PT
    return [*simpleSplit(place_part, ITALIC, DATE_LINE_PT, width), day], DATE_LINE_PT
