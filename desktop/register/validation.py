"""Parsing and checking what officers type: dates, phone numbers, birth years, choices.

Officers write dates the Vietnamese way (dd/mm/yyyy); the database stores ISO dates so they sort and compare.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from desktop.errors import WardbookError

# Mobiles have 10 digits (09x…); landlines 11 since 2017 (028 for Ho Chi Minh City, then 8 digits).
_PHONE = re.compile(r"^(0\d{9}|02\d{9})$")


def parse_date(value: str | date | None, *, required: bool = False, field: str = "date") -> str | None:
    """ISO `yyyy-mm-dd` from `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy` or ISO input."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise WardbookError("register.required", field=field)
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = value.strip()
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise WardbookError("register.bad_date", value=text)


def normalise_phone(value: str | None) -> str | None:
    """`0903 123 456`, `0903.123.456` or `+84903123456` → `0903123456`, `(028) 3812 3456` → `02838123456`;
    None when empty."""
    if value is None or not str(value).strip():
        return None
    digits = re.sub(r"[\s.\-()]", "", str(value))
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and (len(digits) == 11 or (len(digits) == 12 and digits[2] == "2")):
        digits = "0" + digits[2:]
    if not _PHONE.match(digits):
        raise WardbookError("register.bad_phone", value=value)
    return digits


def check_birth_year(value: int | str | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        year = int(value)
    except (TypeError, ValueError):
        raise WardbookError("register.bad_birth_year", value=value) from None
    if not 1900 <= year <= date.today().year:
        raise WardbookError("register.bad_birth_year", value=value)
    return year


def check_choice(value: str | None, choices: Iterable[str], field: str, *, required: bool = True) -> str | None:
    options = tuple(choices)
    if value is None or value == "":
        if required:
            raise WardbookError("register.required", field=field)
        return None
    if value not in options:
        raise WardbookError("register.bad_choice", value=value, field=field, choices=", ".join(options))
    return value


def require_text(value: str | None, field: str) -> str:
    if value is None or not value.strip():
        raise WardbookError("register.required", field=field)
    return value
