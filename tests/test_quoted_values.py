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
