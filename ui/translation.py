"""Language of the app: Vietnamese by default, English on request, switchable while it runs.

Source strings in ui/ are English and go through `tr()`; `resources/translations/wardbook_vi.qm` gives the
Vietnamese. The core's own texts (labels of coded values, error messages) follow through `desktop.i18n`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop import i18n

TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"


def translations_dir() -> Path:
    """resources/translations, also inside a PyInstaller bundle (where resources sit next to the code)."""
    bundled = Path(getattr(sys, "_MEIPASS", "")) / "resources" / "translations"
    return bundled if bundled.is_dir() else TRANSLATIONS


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> None:
        """Install the translators of `language`. The core's language is set first, because installing or
        removing a translator makes Qt send LanguageChange to every window, whose retranslate() reads both."""
        i18n.set_language(language)
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        if language == "vi":
            for name in ("wardbook_vi", "qtbase_vi"):
                translator = QTranslator(self.app)
                if translator.load(str(translations_dir() / f"{name}.qm")):
                    self.app.installTranslator(translator)
                    self._installed.append(translator)
            QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.language = language
