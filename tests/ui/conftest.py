"""Fixtures for the Qt app: the real main window on a copy of the demo ward, Vietnamese by default."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QDialog, QWidget

from desktop import i18n
from desktop.store import Store

DEMO_END = date(2026, 6, 30)  # the last day of the demo ward's year of visits (tests/conftest.py)


@pytest.fixture(scope="session")
def _language_manager(qapp):  # type: ignore[no-untyped-def]
    from ui.language import LanguageManager

    return LanguageManager()


@pytest.fixture
def language(_language_manager) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """Vietnamese at the start of every test (one manager for the session: translators installed once)."""
    _language_manager.set_language("vi")
    yield _language_manager
    _language_manager.set_language("vi")
    i18n.set_language("vi")


@pytest.fixture
def owned(qtbot) -> Iterator[list[QWidget]]:  # type: ignore[no-untyped-def]
    """Widgets appended here are deleted after the test, before its database closes."""
    import shiboken6

    widgets: list[QWidget] = []
    yield widgets
    for widget in widgets:
        widget.close()
        shiboken6.delete(widget)


@pytest.fixture
def ctx(demo_store: Store, language):  # type: ignore[no-untyped-def]
    from ui.context import AppContext

    return AppContext(demo_store, language, today=lambda: DEMO_END)


@pytest.fixture
def window(ctx, qtbot):  # type: ignore[no-untyped-def]
    """The main window; deleted (not just closed) at the end, so it never outlives its test's database."""
    import shiboken6

    from ui.main_window import MainWindow

    main = MainWindow(ctx)
    main.show()
    qtbot.waitUntil(lambda: main.households.model.rowCount() > 0, timeout=10_000)
    yield main
    for dialog in main.findChildren(QDialog):
        dialog.close()
    main.close()
    shiboken6.delete(main)
