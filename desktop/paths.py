"""Where WardBook keeps its database by default: the user's data folder.

Its own small module so the app can name the default path at start without importing the CLI (which loads
the whole security stack to open and log in).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "WardBook"


def default_db_path() -> Path:
    """The database in the user's data folder (e.g. %LOCALAPPDATA%\\WardBook on Windows)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "wardbook.db"
