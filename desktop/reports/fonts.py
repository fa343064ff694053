"""The documents' typefaces: Liberation Serif (Times New Roman metrics, OFL), and Droid Sans Fallback (Apache
2.0) for the characters the serif lacks, both bundled and embedded.

reportlab's built-in fonts (Times, Helvetica) are neither embedded nor able to show most Vietnamese letters,
so every style, table and chart label names these TrueType fonts; reportlab embeds the subset each PDF uses.
The serif is registered as one family so `<b>`, `<i>` and bold italic in paragraphs pick the right file.

The serif has no Chinese characters, and the Hoa community's names (陳國強) would print as blanks. The text
of paragraphs (`formatting.markup`), of table cells and of the title block is cut into `runs`: what the serif
can draw stays in it, the rest is drawn in the fallback, which has the CJK ideographs, kana and bopomofo.
The fallback (4 MB) is read only when a document has such a character, so it costs nothing to, and is
embedded in none of, the Vietnamese-only documents. A character neither font has (emoji, Arabic, Korean)
prints as `MISSING`, a visible □: a blank in a printed name would pass unseen, the mark tells the reader
something is there that the paper could not show (the DOCX keeps it).
"""

from __future__ import annotations

import functools
import string
import unicodedata
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.textobject import PDFTextObject

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FAMILY = "LiberationSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"
_FILES = {REGULAR: "Regular", BOLD: "Bold", ITALIC: "Italic", BOLD_ITALIC: "BoldItalic"}
FALLBACK = "DroidSansFallback"
FALLBACK_FILE = "DroidSansFallbackFull.ttf"
MISSING = "\u25a1"  # □, drawn in the serif, for a character no bundled font has
_INVISIBLE = {"Cc", "Cf", "Mn", "Me"}  # controls, joiners, variation selectors, combining marks: nothing to draw

Runs = list[tuple[str, str]]


def register_fonts() -> str:
    """Register the family once per process; returns the regular face's name."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, style in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"LiberationSerif-{style}.ttf")))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, name)
    return REGULAR


@functools.cache
def _serif_chars() -> frozenset[str]:
    """What every face of the serif can draw (a paragraph's `<b>` or `<i>` may pick any of them), and the
    whitespace a paragraph breaks lines at."""
    register_fonts()
    faces = [set(pdfmetrics.getFont(name).face.charToGlyph) for name in _FILES]
    return frozenset(map(chr, set.intersection(*faces))) | frozenset(string.whitespace)


@functools.cache
def _fallback_chars() -> frozenset[str]:
    """Register the fallback on first need (never for a document the serif draws alone); what it can draw.
    It has one face: bold or italic runs use it too, as paragraphs map their `<b>` and `<i>` through the family."""
    pdfmetrics.registerFont(TTFont(FALLBACK, str(FONT_DIR / FALLBACK_FILE)))
    for bold, italic in ((0, 0), (1, 0), (0, 1), (1, 1)):
        addMapping(FALLBACK, bold, italic, FALLBACK)
    return frozenset(map(chr, pdfmetrics.getFont(FALLBACK).face.charToGlyph))


def _glyph(char: str, font: str) -> tuple[str, str]:
    """The character as drawn and its font, for one the serif lacks."""
    if char in _fallback_chars():
        return char, FALLBACK
    if char.isspace():
        return " ", font
    if unicodedata.category(char) in _INVISIBLE:
        return "", font
    return MISSING, font


def runs(value: str, font: str) -> Runs:
    """`value` as (text, font) runs: the serif face `font` where it has the glyphs, `FALLBACK` where that one
    has them, `MISSING` in `font` for the rest. Nearly every string is drawn by the serif alone: one set test."""
    if _serif_chars().issuperset(value):
        return [(value, font)]
    serif = _serif_chars()
    made: Runs = []
    for char in value:
        drawn, drawn_font = (char, font) if char in serif else _glyph(char, font)
        if made and made[-1][1] == drawn_font:
            made[-1] = (made[-1][0] + drawn, drawn_font)
        elif drawn:
            made.append((drawn, drawn_font))
    return made


def text_width(text: str, font: str, size: float) -> float:
    """The width of `text` as drawn: each run measured in its font."""
    return float(sum(stringWidth(run, run_font, size) for run, run_font in runs(text, font)))


def write(
    words: PDFTextObject, value: str, font: str, size: float, leading: float, current: str | None
) -> str | None:
    """Write `value` at the text object's cursor, each run in its font; returns the font left set, so the many
    strings of a table switch fonts only where one changes."""
    for run, run_font in runs(value, font):
        if run_font != current:
            words.setFont(run_font, size, leading)
            current = run_font
        words.textOut(run)
    return current
