"""The main window opens where the officer left it on this computer, and the first time it fits the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import DEMO_END


def _window(demo_store, language, settings: QSettings, owned):  # type: ignore[no-untyped-def]
    from ui.context import AppContext
    from ui.main_window import MainWindow

    window = MainWindow(AppContext(demo_store, language, today=lambda: DEMO_END, settings=settings))
    owned.append(window)
    return window


def test_the_window_size_is_remembered_and_first_fits_the_screen(  # type: ignore[no-untyped-def]
        demo_store, language, owned, qtbot, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "wardbook.ini"), QSettings.Format.IniFormat)
    first = _window(demo_store, language, settings, owned)
    available = first.screen().availableGeometry()
    assert first.width() <= available.width() and first.height() <= available.height() - 48
    first.show()
    size = (first.minimumSizeHint().width() + 37, first.minimumSizeHint().height() + 23)
    first.resize(*size)
    first.close()
    again = _window(demo_store, language, settings, owned)
    again.show()
    # the height as left (the test screen is narrower than the window's least width, so the width is the
    # screen's to decide)
    assert again.height() == size[1] != first.screen().availableGeometry().height() - 48
    assert QSettings(str(tmp_path / "wardbook.ini"), QSettings.Format.IniFormat).value("window/geometry")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_navigation_names_each_page_as_the_page_names_itself(window, lang: str) -> None:  # type: ignore[no-untyped-def]
    """The navigation names the pages without building them (`nav_title`); once built, each says the same."""
    from ui.main_window import NAV, nav_title

    window.ctx.language.set_language(lang)
    QApplication.processEvents()  # the language change reaches the window as an event
    for row, key in enumerate(NAV):
        assert window.nav.item(row).text() == nav_title(key) == window.page(key).title(), (lang, key)
