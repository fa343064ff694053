"""The core's message catalogue: every user-facing string of `desktop/` is looked up here by id.

Vietnamese is the default language; each message has a `vi` and an `en` text so the CLI and the reports
can speak either. Domains (store, search, sync, reports, …) register their own messages at import time, so
the catalogue stays one lookup while each module owns its texts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DEFAULT_LANG = "vi"
LANGUAGES = ("vi", "en")

_catalogue: dict[str, dict[str, str]] = {}
_current_lang = DEFAULT_LANG


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add messages `{id: {"vi": …, "en": …}}`; an id registered twice with other texts is a bug."""
    for msg_id, texts in messages.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"message {msg_id!r} lacks {missing}")
        if msg_id in _catalogue and _catalogue[msg_id] != dict(texts):
            raise ValueError(f"message {msg_id!r} registered twice with different texts")
        _catalogue[msg_id] = dict(texts)


def set_language(lang: str) -> None:
    """Choose the language used when `tr()` is called without one."""
    global _current_lang
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current_lang = lang


def current_language() -> str:
    return _current_lang


@dataclass(frozen=True)
class Ref:
    """A parameter that is itself a catalogue message: rendered in the language of the sentence holding it
    (an error raised while the CLI speaks Vietnamese may still be rendered in English, e.g. in a log)."""

    msg_id: str


def tr(msg_id: str, lang: str | None = None, /, **params: object) -> str:
    """The text of `msg_id` in `lang` (default: the current language), formatted with `params`."""
    texts = _catalogue.get(msg_id)
    if texts is None:
        raise KeyError(f"unknown message id {msg_id!r}")
    lang = lang or _current_lang
    return texts[lang].format(**{name: render(value, lang) for name, value in params.items()})


def render(value: object, lang: str | None = None) -> object:
    """A message parameter as it is shown: a `Ref` becomes its text in `lang`, anything else stays as is."""
    return tr(value.msg_id, lang) if isinstance(value, Ref) else value


def has_message(msg_id: str) -> bool:
    return msg_id in _catalogue



def count(value: int, lang: str | None = None) -> str:
    """A whole number with its thousands grouped the language's way: vi "1.486", en "1,486" (the reports
    write numbers so; a summary on the command line must not read "1486")."""
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if (lang or _current_lang) == "vi" else grouped
