"""Rounding as a person or a spreadsheet rounds a printed figure: half up (away from zero), on the exact value.

Python's `round` and `format(".1f")` round half to even, and a float on its binary value: a clerk checking the
review by hand or in Excel found 1 household of 16 printed "6,2%" (6,25 %: they write 6,3), a mean of 1,25 days
"1,2" and 2.500 đồng "2" nghìn đồng. Shares and means are therefore rounded from the integers they are made of
(`Fraction`), and a float — a quantity or a target as typed — from its shortest decimal form, the digits the
user entered, not from its binary value (2,675 stored as 2,67499…).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext
from fractions import Fraction

Exact = int | float | Fraction | Decimal


def exact(value: Exact) -> Decimal:
    """`value` as a decimal: a fraction to 40 digits (ample for a tie of counts to show), a float as written."""
    if isinstance(value, Fraction):
        with localcontext() as context:
            context.prec = 40
            return Decimal(value.numerator) / Decimal(value.denominator)
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def half_up(value: Exact, decimals: int = 0) -> Decimal:
    """`value` rounded half up to `decimals` places; never "-0" (a change of -0,04 is no change: "0,0")."""
    return exact(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) + 0
