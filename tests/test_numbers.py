"""Numbers typed the Vietnamese way ("." groups thousands, "," marks decimals) read as the officer means them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.numbers import read_number


@pytest.mark.parametrize(("typed", "meant"), [
    ("1.000", 1000.0), ("1.500.000", 1_500_000.0), ("1.234,5", 1234.5), ("1,5", 1.5), ("0,25", 0.25),
    ("1.5", 1.5), ("2.25", 2.25), ("1500", 1500.0), (" 12 ", 12.0), ("1 000", 1000.0), ("-3", -3.0),
    ("1,000", 1.0),  # Vietnamese: one, with three decimals
])
def test_what_an_officer_types_is_what_is_meant(typed: str, meant: float) -> None:
    assert read_number(typed) == meant


@pytest.mark.parametrize("typed", ["", "  ", "abc", "1,2,3", "1_000", "１９８０", "٣٠", "1e3", "nan", "inf",
                                   "1.2.3,4,5"])
def test_what_is_no_number_reads_as_none(typed: str) -> None:
    assert read_number(typed) is None


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False))
def test_what_the_app_shows_for_editing_reads_back_the_same(number: float) -> None:
    from ui.language import fmt_number_exact

    assert read_number(fmt_number_exact(number)) == number



@pytest.mark.parametrize(("typed", "meant"), [
    ("200.000", 200_000), ("200,000", 200_000), ("1.500.000", 1_500_000), ("1,500,000", 1_500_000),
    ("200000", 200_000), ("0", 0), ("1,5", None), ("1.5", None), ("12,34", None), ("abc", None), ("1.000,5", None),
])
def test_a_sum_of_dong_groups_thousands_with_either_mark(typed: str, meant: int | None) -> None:
    """Read with a decimal comma, "200,000" đồng would be 200: a thousand times less than typed, without a word."""
    from desktop.numbers import read_whole

    assert read_whole(typed) == meant
