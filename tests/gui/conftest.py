"""Qt tests run offscreen on real widgets over a real demo database."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.store import Store
from ui.main_window import MainWindow
from ui.translation import Translations


@pytest.fixture
def window(qapp: QApplication, demo_store: Store) -> Iterator[MainWindow]:
    translations = Translations(qapp)
    translations.switch("vi")
    main = MainWindow(demo_store, translations)
    main.show()
    yield main
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before its store closes
    translations.switch("en")
    i18n.set_language("vi")
