"""Where a database may live: never inside the station's shared sync folder.

That folder is shared by every laptop, usually over the network (a Windows share, a network drive). SQLite's
locking is unreliable over network file systems, so a database kept there can be damaged by two programs at
once, and its WAL is left where every laptop can reach it. A database there is refused, not merely warned
about: a warning scrolls past unseen in a scheduled `wardbook sync`, and moving the file to the laptop's own
disk is all it takes to go on.

A folder is known as a sync folder by what the station puts in it (`station.json` and the `devices` folder);
before the station has made those, `check_outside` compares the folder being set up with the database.
"""

from __future__ import annotations

from pathlib import Path

from desktop.errors import WardbookError

# What `desktop.sync.folder.FolderShare.create` and the station's roster put in a sync folder.
_ROSTER = "station.json"
_DEVICES = "devices"


def _sync_folder_around(path: Path) -> Path | None:
    for folder in path.resolve().parents:
        if (folder / _ROSTER).is_file() and (folder / _DEVICES).is_dir():
            return folder
    return None


def check_place(database: Path) -> None:
    """Refuse a database inside a station's sync folder, before anything is made or opened there."""
    share = _sync_folder_around(Path(database))
    if share is not None:
        raise WardbookError("store.inside_share", path=str(database), share=str(share))


def check_outside(database: Path, folder: Path) -> None:
    """Refuse `folder` as this laptop's sync folder when the database `database` lies inside it."""
    if Path(folder).resolve() in Path(database).resolve().parents:
        raise WardbookError("store.inside_share", path=str(database), share=str(folder))
