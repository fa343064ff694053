"""Parsing and checking what officers type: dates, phone numbers, birth years, choices, texts and numbers.

Officers write dates the Vietnamese way (dd/mm/yyyy); the database stores ISO dates so they sort and compare.
This is the one layer every user-supplied value passes (the CLI, the app's forms and the register functions):
texts have lengths a ward never reaches but every report can still print, numbers are finite and bounded
(SQLite stores 64-bit integers; a NaN sorts and sums as nonsense), dates lie within 1900–2100.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import date, datetime

from desktop import clock, i18n
from desktop.errors import WardbookError
from desktop.text import format_date, is_blank

MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_NAME = 300  # a person's or an area's name
MAX_ADDRESS = 300  # house number, street
MAX_TEXT = 4000  # findings, notes, reasons, settings
# A section of a review's narrative (`desktop.reports.notes`): a tổng kết's results or plan runs to several pages
# pasted from Word; 40,000 characters is about ten printed pages, well inside the store's own bound.
MAX_NARRATIVE = 40_000
MAX_DAYS = 100 * 366  # "not visited in N days"
MAX_COUNT = 1_000_000  # list limits, quantities
MAX_VND = 10**12  # a support item's value

# Mobiles have 10 digits (09x…); landlines 11 since 2017 (028 for Ho Chi Minh City, then 8 digits).
_PHONE = re.compile(r"^(0\d{9}|02\d{9})$")


def parse_date(value: str | date | None, *, required: bool = False, field: str = "date") -> str | None:
    """ISO `yyyy-mm-dd` from `dd/mm/yyyy`, `d/m/yyyy`, `d/m/yy` (20yy: the register's dates are this century's),
    `dd-mm-yyyy` or ISO input."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise required_error(field)
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip()
    day_month_year = re.fullmatch(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2})", text)
    if day_month_year:  # two-digit year: strptime's %y would put 69–99 in the 1900s
        day, sep, month, year = day_month_year.groups()
        text = f"{day}{sep}{month}{sep}20{year}"
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        check_year(parsed.year, field)
        return parsed.isoformat()
    raise _refusal("register.bad_date", field, value=text[:40])  # `field`: the form shows it under the right date


def not_in_future(day: str | None, field: str) -> str | None:
    """`day` (ISO, from `parse_date`), refused when after today: a record of what happened cannot be dated ahead."""
    if day is not None and day > clock.today().isoformat():
        raise _refusal("register.future_date", field, value=format_date(day))
    return day


def field_name(field: str) -> object:
    """How a field is named in a message: its label in the user's language (the app shows no field keys);
    a command-line option (`--limit`) as typed."""
    return i18n.Ref(f"field.{field}") if i18n.has_message(f"field.{field}") else field


def required_error(field: str) -> WardbookError:
    """A required field left empty, named by its label (`field` keeps the key: where the form shows it)."""
    return _refusal("register.required", field)


def _refusal(msg_id: str, field: str, part: str | None = None, **params: object) -> WardbookError:
    """`field` says where the form shows the message; `part` (a support item's quantity) what it names."""
    return WardbookError(msg_id, field=field, name=field_name(part or field), **params)


def check_year(year: int, field: str = "year") -> int:
    """A calendar year the register can hold (reports, periods, dates): 1900–2100."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _refusal("register.out_of_range", field, value=year, low=MIN_YEAR, high=MAX_YEAR)
    return year


# A whole number as typed: ASCII digits, a sign. Python's int() also takes "1_980" and other scripts' digits
# ("１９８０", "٣٠"), which no ward's form means and which the record would then show differently.
_WHOLE = re.compile(r"\s*[+-]?[0-9]+\s*")


def whole_number(value: object) -> int | None:
    """`value` as a whole number (an int, or text of ASCII digits); None when it is none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _WHOLE.fullmatch(value):
        try:
            return int(value)
        except ValueError:  # thousands of digits: more than Python converts, and no count of anything
            return None
    return None


def _limit(number: float) -> str:
    """A range's bound as the message shows it: thousands grouped the language's way ("1.000.000.000.000", not
    "1000000000000", which nobody reads at a glance), a whole float without its ".0"."""
    return i18n.count(int(number)) if float(number).is_integer() else str(number)


def check_int(value: object, field: str, *, low: int, high: int, part: str | None = None) -> int:
    """A whole number within [low, high], from an int or its text (no bools, no floats, no 1e9)."""
    number = whole_number(value)
    if number is None:
        raise _refusal("register.not_a_whole_number", field, part, value=str(value)[:40])
    if not low <= number <= high:
        raise _refusal("register.out_of_range", field, part, value=str(value)[:40], low=_limit(low),
                       high=_limit(high))
    return number


def check_number(value: object, field: str, *, low: float, high: float, part: str | None = None) -> float:
    """A finite number within [low, high] (NaN and infinities refused), from a number or its text."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise _refusal("register.not_a_number", field, part, value=str(value)[:40])
    try:
        number = float(value)
    except (ValueError, OverflowError):
        raise _refusal("register.not_a_number", field, part, value=str(value)[:40]) from None
    if not math.isfinite(number):
        raise _refusal("register.not_a_number", field, part, value=str(value)[:40])
    if not low <= number <= high:  # quoted as typed: -3, not the -3.0 a form's float makes of it
        shown = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)[:40]
        raise _refusal("register.out_of_range", field, part, value=shown, low=_limit(low), high=_limit(high))
    return number


# Control characters other than tab and line breaks, and lone surrogates (which no text can be saved with). One
# search in C: a loop over the characters in Python was a tenth of importing a ward's list.
BAD_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def check_text(value: str | None, field: str, *, limit: int, required: bool = False,
               part: str | None = None) -> str | None:
    """Text no longer than `limit` characters and free of control characters (tabs and newlines allowed)."""
    if value is None or is_blank(value):  # spaces or invisible characters only: nothing would be stored
        if required:
            raise required_error(field)
        return None if value is None else value
    if len(value) > limit:
        raise _refusal("register.too_long", field, part, length=len(value), limit=limit)
    if BAD_CHARACTERS.search(value):
        raise _refusal("register.bad_characters", field, part)
    return value


def normalise_phone(value: str | None) -> str | None:
    """`0903 123 456`, `0903.123.456` or `+84903123456` → `0903123456`, `(028) 3812 3456` → `02838123456`;
    None when empty."""
    if value is None or not str(value).strip():
        return None
    # "'0903…": the apostrophe spreadsheets put before a number kept as text, so that its 0 stays (a list saved
    # as CSV keeps it in the cell)
    digits = re.sub(r"[\s.\-()]", "", str(value)).lstrip("'")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and (len(digits) == 11 or (len(digits) == 12 and digits[2] == "2")):
        digits = "0" + digits[2:]
    if not _PHONE.match(digits):
        raise WardbookError("register.bad_phone", value=value)
    return digits


def check_birth_year(value: int | float | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():  # a spreadsheet's number cell
        value = int(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*[0-9]{4}\.0+\s*", value):  # that cell saved as text: "1990.0"
        value = value.strip().split(".")[0]
    year = whole_number(value)
    if year is None:
        raise WardbookError("register.bad_birth_year", value=value)
    if not 1900 <= year <= clock.today().year:
        raise WardbookError("register.bad_birth_year", value=value)
    return year


def check_choice(value: str | None, choices: Iterable[str], field: str, *, required: bool = True) -> str | None:
    options = tuple(choices)
    if value is None or value == "":
        if required:
            raise required_error(field)
        return None
    if value not in options:
        raise _refusal("register.bad_choice", field, value=value[:40], choices=", ".join(options))
    return value


def require_text(value: str | None, field: str, limit: int = MAX_ADDRESS) -> str:
    checked = check_text(value, field, limit=limit, required=True)
    assert checked is not None
    return checked
