"""The one exception type the core raises for problems a user can fix (bad input, missing database…).

It carries a catalogue message id and parameters rather than a text, so the CLI and the UI each render it in
the user's language.
"""

from __future__ import annotations

from desktop import i18n

# How much of what was typed a message quotes back (its `value`): enough to recognise it, never a wall of text.
QUOTED = 60


def quoted(value: object) -> object:
    """`value` as a message quotes it: a text cut to `QUOTED` characters with "…" (5,000 letters typed in a year
    field made a message 5,000 letters wide); anything else as it is."""
    if isinstance(value, str) and len(value) > QUOTED:
        return value[:QUOTED] + "…"
    return value


class WardbookError(Exception):
    """A user-facing error: `message(lang)` gives a one-line explanation in that language."""

    def __init__(self, msg_id: str, **params: object) -> None:
        self.msg_id = msg_id
        if "value" in params:
            params["value"] = quoted(params["value"])
        self.params = params
        super().__init__(msg_id)

    def message(self, lang: str | None = None) -> str:
        return i18n.tr(self.msg_id, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")
