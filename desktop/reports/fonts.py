"""The documents' typeface: Liberation Serif (Times New Roman metrics, OFL), bundled and embedded.

reportlab's built-in fonts (Times, Helvetica) are neither embedded nor able to show most Vietnamese letters,
so every style, table and chart label names these TrueType fonts; reportlab embeds the subset each PDF uses.
Registered as one family so `<b>`, `<i>` and bold italic in paragraphs pick the right file.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FAMILY = "LiberationSerif"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Italic"
BOLD_ITALIC = f"{FAMILY}-BoldItalic"
_FILES = {REGULAR: "Regular", BOLD: "Bold", ITALIC: "Italic", BOLD_ITALIC: "BoldItalic"}


def register_fonts() -> str:
    """Register the family once per process; returns the regular face's name."""
    registered = set(pdfmetrics.getRegisteredFontNames())
    for name, style in _FILES.items():
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / f"LiberationSerif-{style}.ttf")))
    for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, name)
    return REGULAR


def text_width(text: str, font: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, font, size))
