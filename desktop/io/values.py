"""Cell values as Excel and clerks leave them: birth years inside dates, numbers that lost their zeros or digits.

A birth year comes as a year, a full date (dd/mm/yyyy, d/m/yy, yyyy-mm-dd; m/d/yyyy when the day shows it;
with a time after it), a month (mm/yyyy) or an Excel date serial (a date cell read as a number). A phone or
CCCD typed into a number cell loses its leading zero, and a long one may be shown and saved in scientific
notation ("7.90123E+10"): it is restored only when every digit is still there, and refused otherwise rather
than stored wrong.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.validation import check_birth_year, normalise_phone
from desktop.search.folding import fold

# Marks as clerks tick a column: letters, and the tick symbols Unikey, Word and Excel's fonts insert.
TRUE_WORDS = {"x", "co", "1", "yes", "true", "v", "✓", "có", "√", "✔", "☑", "✅", "☒"}
FALSE_WORDS = {"", "0", "khong", "no", "false", "-", "–", "—", "☐"}
_EXCEL_EPOCH = date(1899, 12, 30)
_TIME = r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?"  # "00:00:00" some exports add to a date
_FULL_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})" + _TIME)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?")
_MONTH = re.compile(r"(\d{1,2})[/.-](\d{4})")
_SCIENTIFIC = re.compile(r"(\d+)(?:[.,](\d+))?[eE]\+?(\d+)")


def mark(text: str) -> int:
    """1 for a ticked cell, 0 for an empty or "no" one; any other word or number is refused (a "2" or a note
    in a flag column read as "no" would drop the household from the lists of vulnerable households)."""
    folded = fold(text)
    if text in TRUE_WORDS or folded in TRUE_WORDS:
        return 1
    if folded in FALSE_WORDS:
        return 0
    raise WardbookError("io.bad_mark", value=text)


def _century(two_digits: str) -> str:
    """`61` → 1961, `05` → 2005: a two-digit year not after this year is this century's."""
    year = int(two_digits)
    return str(2000 + year if 2000 + year <= clock.today().year else 1900 + year)


def birth_year(text: str) -> int | None:
    """The year of a birth year or date in any of the forms above; a bad one raises the register's error."""
    text = text.strip()
    if not text:
        return None
    if full := _FULL_DATE.fullmatch(text):
        day, month, year = full.groups()
        year = year if len(year) == 4 else _century(year)
        if int(month) > 12 >= int(day):  # m/d/yyyy, as Excel on an English Windows writes a CSV: same year
            day, month = month, day
        _check_date(text, int(year), int(month), int(day))
        return check_birth_year(year)
    if iso := _ISO_DATE.fullmatch(text):
        _check_date(text, int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        return check_birth_year(iso.group(1))
    if month_only := _MONTH.fullmatch(text):
        _check_date(text, int(month_only.group(2)), int(month_only.group(1)), 1)
        return check_birth_year(month_only.group(2))
    if text.isdigit() and 10000 <= int(text) <= 80000:  # a date cell read as its serial number
        return check_birth_year((_EXCEL_EPOCH + timedelta(days=int(text))).year)
    return check_birth_year(text)


def _check_date(text: str, year: int, month: int, day: int) -> None:
    try:
        date(year, month, day)
    except ValueError:
        raise WardbookError("register.bad_birth_year", value=text) from None


def exact_digits(text: str) -> str:
    """`7.9012345678E+10` → `79012345678`; `7.90123E+10` (digits lost to rounding) raises; other text as is."""
    text = text.strip()
    scientific = _SCIENTIFIC.fullmatch(text)
    if scientific is None:
        return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text
    whole, fraction, exponent = scientific.group(1), scientific.group(2) or "", int(scientific.group(3))
    if len(fraction) != exponent:
        raise WardbookError("io.number_rounded", value=text)
    return whole + fraction


def spreadsheet_phone(text: str) -> str | None:
    """A phone number as Excel may have kept it: a number cell drops the leading 0 (903111222 for 0903111222,
    2838123456 for 028 3812 3456), so a bare 9-digit mobile or 10-digit landline number gets it back."""
    digits = exact_digits(text)
    if digits.isdigit() and ((len(digits) == 9 and digits[0] != "0") or (len(digits) == 10 and digits[0] == "2")):
        digits = "0" + digits
    return normalise_phone(digits)


def spreadsheet_id_number(text: str) -> str | None:
    """A citizen ID (CCCD: 12 digits, starting with the province code 001–096) whose leading zeros a number cell
    dropped is padded back to 12 digits; an old ID card number (CMND: 9 digits, starting with its province's
    code, 01 for Hà Nội, 02 for Hồ Chí Minh City) that lost its zero (8 digits) gets it back."""
    digits = exact_digits(text)
    if digits.isdigit() and len(digits) in (10, 11):
        return digits.zfill(12)
    if digits.isdigit() and len(digits) == 8:
        return "0" + digits
    return digits or None
