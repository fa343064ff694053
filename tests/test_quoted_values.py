"""What a refusal quotes back of what was typed is cut short: recognisable, never a wall of text."""

from __future__ import annotations

import pytest


def test_a_message_quotes_a_long_value_cut_short() -> None:
    """Seen: 5,000 letters typed in the birth year made a message (and its label) 5,000 letters wide."""
    from desktop.errors import QUOTED, WardbookError
    from desktop.register.validation import check_birth_year, normalise_phone

    for check in (check_birth_year, normalise_phone):
        with pytest.raises(WardbookError) as refused:
            check("9" * 5000)
        message = refused.value.message("vi")
        assert "9" * QUOTED + "…" in message and len(message) < QUOTED + 200


@pytest.mark.parametrize("typed", ["1_980", "１９８０", "١٩٨٠", "1980.0", "1e3", " "])
def test_a_whole_number_is_ascii_digits_as_a_form_means_it(typed: str) -> None:
    """Python's int() takes "1_980" and other scripts' digits; a birth year or an attendance does not."""
    from desktop.errors import WardbookError
    from desktop.register.validation import check_birth_year, check_int, whole_number

    assert whole_number(typed) is None
    with pytest.raises(WardbookError):
        check_int(typed, "attendance", low=0, high=10_000)
    if typed.strip() and typed != "1980.0":  # that one is a spreadsheet's year cell saved as text: read
        with pytest.raises(WardbookError):
            check_birth_year(typed)


def test_whole_numbers_as_typed() -> None:
    from desktop.register.validation import check_birth_year, whole_number

    assert [whole_number(v) for v in ("1980", " 42 ", "-3", "+7", 12)] == [1980, 42, -3, 7, 12]
    assert whole_number(True) is None and check_birth_year(" 1980 ") == 1980
    assert check_birth_year(1980.0) == 1980  # a spreadsheet's number cell
    assert check_birth_year("1980.0") == 1980  # the same cell in a list saved as text


def test_a_whole_quantity_out_of_range_is_quoted_as_typed() -> None:
    """Seen: "-3.0" for the "-3" typed (the form hands the core a float)."""
    from desktop.errors import WardbookError
    from desktop.register.validation import check_number

    with pytest.raises(WardbookError) as refused:
        check_number(-3.0, "support", low=0, high=1000, part="quantity")
    assert ": -3 " in refused.value.message("vi") and "-3.0" not in refused.value.message("vi")


def test_a_reports_dates_are_named_in_words() -> None:
    """Seen: "start: 1800 nằm ngoài khoảng cho phép" on the Reports page."""
    import desktop.reports.messages  # noqa: F401  (loaded with any report)
    from desktop.errors import WardbookError
    from desktop.register.validation import parse_date

    for field, word in (("start", "Từ ngày"), ("end", "Đến ngày")):
        with pytest.raises(WardbookError) as refused:
            parse_date("01/01/1800", field=field)
        assert refused.value.message("vi").startswith(f"{word}: 1800")


def test_a_phone_kept_as_text_with_a_leading_apostrophe_is_read() -> None:
    """Seen in lists saved as CSV: "'0903111333" (the spreadsheet's mark of a number kept as text) refused."""
    from desktop.register.validation import normalise_phone

    assert normalise_phone("'0903111333") == normalise_phone("' 0903 111 333") == "0903111333"
