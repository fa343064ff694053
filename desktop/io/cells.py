"""The kinds of cell a workbook tells apart and a row of text would lose: dates, error values, hidden columns.

The reader (`desktop.io.reading`) gives each row as a list of texts; these subclasses of `str` carry what the
workbook said about a cell, so the layout and the row reader can act on it while every other use sees text.
"""

from __future__ import annotations


class DateCell(str):
    """A date cell's text (dd/mm/yyyy, what a birth-year column needs), and the text the officer saw in it
    when its number format says it for certain (`shown`; None otherwise). A "12/3" typed in a house-number
    column is kept by Excel as the date 12 March: read back as a date it would be stored as "12/03/2026"."""

    shown: str | None

    def __new__(cls, text: str, shown: str | None) -> DateCell:
        cell = super().__new__(cls, text)
        cell.shown = shown
        return cell


class HiddenCell(str):
    """A cell of a column the clerk hid: an old copy of a column is often kept hidden beside the one in use,
    so `desktop.io.layout` reads a hidden column only for a field no visible column holds."""


class ErrorCell(str):
    """An Excel error value (#N/A, #REF!…) a formula left in a cell: refused, never stored as the officer's
    text. Only a workbook says a cell is one; in a CSV the same characters are text like any other."""
