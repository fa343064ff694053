"""What every page shares: the open store, its path, the language, and notifications that data changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.store import Store
from ui.language import LanguageManager


class AppContext(QObject):
    """One per window. Pages read through `store` (GUI thread only) and tell each other about writes."""

    households_changed = Signal(str)  # a household id ('' = many) whose data changed
    records_changed = Signal()  # visits, cases or activities were written

    def __init__(
        self,
        store: Store,
        language: LanguageManager,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.language = language
        self.today = today
        self.user_id: str | None = None  # set by the login of the security module when it lands
        self.user_name: str | None = None

    @property
    def db_path(self) -> Path:
        return self.store.path
