"""The shared folder as seen by sync: a local path, a mounted SMB share or a USB stick.

Only immutable files live there, one writer per device folder. A file is published by writing a temporary
name, flushing it to disk, then linking it to its final name — which fails if the name exists, so a file is
never replaced — and reading it back.
"""

from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path
from typing import Any

from desktop.errors import WardbookError
from desktop.sync.changeset import file_name

_CHANGESET = re.compile(r"^(\d{12})\.chg$")


class FolderShare:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _devices_dir(self) -> Path:
        return self.root / "devices"

    def station(self) -> dict[str, Any]:
        path = self.root / "station.json"
        try:
            return dict(json.loads(path.read_text("utf-8")))
        except FileNotFoundError:
            raise WardbookError("sync.not_a_share", path=str(self.root)) from None
        except OSError as error:
            raise WardbookError("sync.no_share", path=str(self.root)) from error

    def write_station(self, data: dict[str, Any]) -> None:
        """The roster is the one file that changes (admin only): replaced atomically."""
        self.root.mkdir(parents=True, exist_ok=True)
        temp = self.root / f".station.json.tmp-{secrets.token_hex(4)}"
        temp.write_text(json.dumps(data, indent=1, sort_keys=True), "utf-8")
        os.replace(temp, self.root / "station.json")

    def device_ids(self) -> list[str]:
        try:
            return sorted(p.name for p in self._devices_dir().iterdir() if p.is_dir())
        except FileNotFoundError:
            return []
        except OSError as error:
            raise WardbookError("sync.no_share", path=str(self.root)) from error

    def seqs(self, device_id: str) -> list[int]:
        folder = self._devices_dir() / device_id
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            return []
        except OSError as error:
            raise WardbookError("sync.no_share", path=str(self.root)) from error
        return sorted(int(m.group(1)) for m in map(_CHANGESET.match, names) if m)

    def read(self, device_id: str, seq: int) -> bytes:
        return (self._devices_dir() / device_id / file_name(seq)).read_bytes()

    def exists(self, device_id: str, seq: int) -> bool:
        return (self._devices_dir() / device_id / file_name(seq)).exists()

    def publish(self, device_id: str, seq: int, data: bytes) -> None:
        """Write `data` as changeset `seq` of `device_id`: temp, fsync, link without replacing, read back."""
        folder = self._devices_dir() / device_id
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / file_name(seq)
        temp = folder / f".{seq}.tmp-{secrets.token_hex(4)}"
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temp, final)  # fails with FileExistsError rather than replace a published file
        finally:
            temp.unlink()
        if final.read_bytes() != data:
            raise OSError(f"read-back of {final} differs")

    def clean_temporaries(self, device_id: str) -> None:
        """Remove temp files a crash left behind in this device's own folder."""
        folder = self._devices_dir() / device_id
        if folder.is_dir():
            for leftover in folder.glob(".*.tmp-*"):
                leftover.unlink(missing_ok=True)
