"""The one exception type the core raises for problems a user can fix (bad input, missing database…).

It carries a catalogue message id and parameters rather than a text, so the CLI and the UI each render it in
the user's language.
"""

from __future__ import annotations

from desktop import i18n


class WardbookError(Exception):
    """A user-facing error: `message(lang)` gives a one-line explanation in that language."""

    def __init__(self, msg_id: str, **params: object) -> None:
        self.msg_id = msg_id
        self.params = params
        super().__init__(msg_id)

    def message(self, lang: str | None = None) -> str:
        return i18n.tr(self.msg_id, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")
