"""The app's language: Qt translators for the UI's own texts and Qt's standard buttons, plus the core's
catalogue.

Source texts in `tr()` are English; Vietnamese (the default) comes from `resources/translations/*.qm`.
Switching language at runtime swaps the translators, which makes Qt send a LanguageChange event to every
widget: pages re-set their visible labels in `retranslate()`. The core's messages (errors, labels of coded
values) follow the same choice through `desktop.i18n.set_language`.

Formatting is the Vietnamese convention in both languages (the data is Vietnamese): dates dd/MM/yyyy, times in
Ho Chi Minh City's zone as dd/MM/yyyy HH:mm, numbers with dots as thousands separators.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop import i18n
from desktop.text import format_time

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("vi", "en")
# Our own texts, then Qt's standard buttons and dialogs (Qt ships no Vietnamese for them).
CATALOGUES = ("wardbook", "qtbase")


class LanguageManager:
    """Installs the translators of one language in the running application."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.lang = i18n.DEFAULT_LANG

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(lang)
        if lang == self.lang and (self._installed or lang == "en"):
            return  # already in place: no LanguageChange storm for nothing
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        # English is the source language: its catalogue holds only the plural forms of texts with a count.
        for catalogue in CATALOGUES:
            translator = QTranslator(app)
            if translator.load(str(TRANSLATIONS_DIR / f"{catalogue}_{lang}.qm")):
                self._installed.append(translator)
        self.lang = lang
        i18n.set_language(lang)
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English,
                QLocale.Country.Vietnam,
            )
        )
        # Install after the core's language is set, so LanguageChange handlers see both switched.
        for translator in self._installed:
            app.installTranslator(translator)


def fmt_date(iso: object) -> str:
    """A day (`2026-06-30`) → `30/06/2026`; empty stays empty. A stored time goes through `fmt_time`: its date
    cut from the UTC text is the day before in Ho Chi Minh City until 07:00."""
    text = str(iso or "")
    if len(text) < 10 or text[4] != "-":
        return text
    return f"{text[8:10]}/{text[5:7]}/{text[0:4]}"


def fmt_time(at: object) -> str:
    """A stored UTC time as the ward's (Ho Chi Minh City) date and time, `01/07/2026 06:30`: how every time the
    app shows is written (last sync, sync problems and conflicts, the audit log, a lock-out)."""
    return format_time(at)


def fmt_number_exact(value: object) -> str:
    """A number to be edited, written as `fmt_number` writes it but with every decimal it has (`1.234,125`), so
    that saving a form unchanged stores the same number (`desktop.numbers.read_number` reads it back)."""
    if value is None or value == "":
        return ""
    number = float(value)  # type: ignore[arg-type]
    if number.is_integer():
        return f"{int(number):,}".replace(",", ".")
    whole, frac = f"{Decimal(repr(number)):,f}".split(".")  # positional (never "1e-06"), every digit kept
    return whole.replace(",", ".") + "," + frac


def fmt_number(value: object) -> str:
    """`1234567` → `1.234.567` (Vietnamese thousands separator)."""
    if value is None or value == "":
        return ""
    number = float(value)  # type: ignore[arg-type]
    if number.is_integer():
        return f"{int(number):,}".replace(",", ".")
    whole, frac = f"{number:,.2f}".split(".")
    return whole.replace(",", ".") + "," + frac.rstrip("0")
