"""What every page shares: the open store, its path, the key store and the settings remembered on this
computer, the language, who is logged in, and notifications that data changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from desktop import clock
from desktop.errors import WardbookError
from desktop.security.permissions import Actor, can
from desktop.security.secrets import SecretStore
from desktop.security.session import attached_actor, current_actor
from desktop.store import Store
from desktop.store.connection import set_busy_wait
from ui.language import LanguageManager

# How long the GUI thread waits for another WardBook job's write lock (an import, a sync, the other window)
# before the officer is told the register is busy. SQLite's wait blocks the thread, so the window is frozen for
# all of it: a second rides over another window's save or a small sync step (milliseconds), while an import
# or a big sync holds the lock for seconds to minutes, where a longer wait would only freeze the window longer
# before the same message. What was typed stays in the form, to save again in a moment.
GUI_BUSY_WAIT_MS = 1000


def wait_briefly_for_writers(store: Store) -> None:
    """Make the writes of `store`, the GUI thread's connection, wait at most `GUI_BUSY_WAIT_MS` for the lock."""
    set_busy_wait(store.conn, GUI_BUSY_WAIT_MS)


class AppContext(QObject):
    """One per window. Pages read through `store` (GUI thread only) and tell each other about writes."""

    households_changed = Signal(str)  # a household id ('' = many) whose data changed
    records_changed = Signal()  # visits, cases or activities were written
    user_changed = Signal()  # login or logout: pages show or hide what the role allows

    def __init__(
        self,
        store: Store,
        language: LanguageManager,
        today: Callable[[], date] = clock.today,
        parent: QObject | None = None,
        secrets: SecretStore | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        wait_briefly_for_writers(store)
        self.language = language
        self.today = today
        self.secrets = secrets  # where the database key lives (None: plain database); backups need it
        self.settings = settings  # what this computer remembers between starts, such as the key file's path
        self.pending_restore: Path | None = None  # a backup to restore once the window has closed
        self.user_id: str | None = None
        self.user_name: str | None = None
        self.role: str | None = None
        self.set_actor(attached_actor(store))

    def set_actor(self, actor: Actor | None) -> None:
        """Remember who is logged in (the core's session is the truth; this is what the window shows)."""
        self.user_id = actor.user_id if actor and not actor.is_setup else None
        self.user_name = actor.username if actor and not actor.is_setup else None
        self.role = actor.role if actor and not actor.is_setup else None
        self.user_changed.emit()

    def can(self, permission: str) -> bool:
        """Whether the current user may do this: the same rule the core enforces, asked before offering it."""
        try:
            return can(current_actor(self.store), permission)
        except WardbookError:  # login required (after a logout): nothing is allowed
            return False

    @property
    def db_path(self) -> Path:
        return self.store.path
