"""The layout of the shared folder as sync sees it, over any transport (local path or smb://).

    station.json                         roster: station id, key epoch, devices and their keys, the base snapshot
    devices/<device_id>/<seq:012d>.chg   changesets, written only by that device, never changed (removed by the
                                         admin's compaction once every laptop has applied them)
    snapshots/<id>.snap                  the station's data at a version vector (admin)
    acks/<device_id>.json                what that laptop has applied, signed by it (`desktop.sync.compaction`)
    enroll/<device_id>.req               a laptop asking to join

Changesets and snapshots are immutable, one writer per device folder; the database never lives there.
"""

from __future__ import annotations

import errno
import json
import re
import secrets
from pathlib import Path
from typing import Any

from desktop.errors import WardbookError
from desktop.sync import share_messages as _share_messages  # noqa: F401  (registers the sentences)
from desktop.sync.changeset import MAX_FILE_BYTES, InvalidChangeset, file_name
from desktop.sync.transport import LocalTransport, NotAFile, SmbTransport, Transport, open_transport

# The roster grows with laptops, grants and key epochs: a few hundred kilobytes for a large station.
MAX_SMALL_FILE_BYTES = 16 * 1024 * 1024
_CHANGESET = re.compile(r"^(\d{12})\.chg$")
ROSTER_DAMAGED = "sync.roster_damaged"
NOT_A_FILE = "not_a_file"  # a changeset's or a snapshot's name held by a folder, a pipe… (`transport.NotAFile`)
# A device id (`store.new_id()`: a UUID) has none of the spaces or brackets a copy's name gets ("<id> - Copy",
# "<id> (2)", "Copy of <id>", in any language of Explorer or Finder).
_DEVICE_ID = re.compile(r"^[0-9A-Za-z_-]+$")


class FolderShare:
    def __init__(self, location: Path | str | LocalTransport | SmbTransport | Transport) -> None:
        # Any object with the Transport operations will do (the tests wrap a real folder in one that fails).
        self.transport: Transport = open_transport(location) if isinstance(location, (str, Path)) else location

    @property
    def description(self) -> str:
        return self.transport.description

    def _unreachable(self, error: OSError) -> WardbookError:
        return WardbookError("sync.no_share", path=self.description)

    def small_json(self, rel: str) -> Any:
        """A small JSON file of the share (the roster, a request). Anyone with access to the folder can put a huge
        file there: it is refused as damaged (ValueError) after `MAX_SMALL_FILE_BYTES`, never read whole."""
        with self.transport.open_read(rel) as handle:
            data = bytes(handle.read(MAX_SMALL_FILE_BYTES + 1))
        if len(data) > MAX_SMALL_FILE_BYTES:
            raise ValueError(f"{rel} is larger than any file WardBook writes there")
        return json.loads(data)

    def station(self) -> dict[str, Any]:
        """The roster as the share holds it, unchecked. One cut short, emptied or garbled (a stick pulled out, a
        half-finished copy) is `sync.roster_damaged`, naming the folder: the callers that can do better (the
        admin rewrites it, a laptop reads its own accepted copy) catch that one error."""
        try:
            roster = self.small_json("station.json")
        except FileNotFoundError:
            raise WardbookError("sync.not_a_share", path=self.description) from None
        except NotAFile:  # a pipe or a folder in its place: the admin's laptop writes the roster again
            roster = None
        except OSError as error:
            raise self._unreachable(error) from error
        except ValueError:  # not JSON, not UTF-8, or larger than any roster
            roster = None
        if not isinstance(roster, dict):
            raise WardbookError(ROSTER_DAMAGED, path=self.description)
        return roster

    def has_station(self) -> bool:
        return self.transport.exists("station.json")

    def check_layout(self) -> None:
        """A share whose `devices` folder is gone (deleted, or the wrong folder mounted) would otherwise look like
        a station where nobody ever published: every laptop would sync "nothing new" and publish into a new one."""
        try:
            present = self.transport.exists("devices")
        except OSError as error:
            raise self._unreachable(error) from error
        if not present:
            raise WardbookError("sync.share_incomplete", path=self.description)

    def write_station(self, data: dict[str, Any]) -> None:
        """The roster is the one file that changes (admin only): replaced atomically. (The share itself is made
        by `share init` only: `create`.)

        A folder under its name (put there by hand or by another program) cannot be replaced by a file: an empty
        one is removed first, as it holds nothing anyone could lose; one with something in it is told to the
        admin (`sync.roster_name_taken`), never the system's own error, and left as it is."""
        body = json.dumps(data, indent=1, sort_keys=True).encode("utf-8")
        try:
            self.transport.replace("station.json", body)
        except OSError:
            if ("station.json", True) not in self.transport.entries(""):
                raise
            try:
                self.transport.remove_empty_folder("station.json")
            except OSError:
                raise WardbookError("sync.roster_name_taken", path=self.description) from None
            self.transport.replace("station.json", body)

    def makedirs(self, rel: str) -> None:
        self.transport.makedirs(rel)

    def create(self) -> None:
        """Make the shared folder itself, for a new station."""
        self.transport.makedirs("")

    def device_ids(self) -> list[str]:
        """The laptops' folders under devices/: those named by a device id."""
        return self.device_folders()[0]

    def device_folders(self) -> tuple[list[str], list[str]]:
        """The folders under devices/ named like a device id, and the other entries (`<id> - Copy`, `<id> (2)`: a
        folder copied or renamed by hand; a file, even one named like a laptop's folder). Those are no laptop's:
        read as one, a copy blamed the laptop it was copied from and failed every sync of every laptop, and an
        empty file named like a laptop's folder failed them all as a share that could not be reached."""
        try:
            entries = [(name, folder) for name, folder in self.transport.entries("devices")
                       if not name.startswith(".")]
        except OSError as error:
            raise self._unreachable(error) from error
        laptops = [name for name, folder in entries if folder and _DEVICE_ID.match(name)]
        return laptops, [name for name, _folder in entries if name not in laptops]

    def seqs(self, device_id: str) -> list[int]:
        """The changeset numbers in `device_id`'s folder; none when the name is no folder (a file put in its place
        since the devices/ folder was listed: nothing of a laptop's is there)."""
        try:
            names = self.transport.listdir(f"devices/{device_id}")
        except OSError as error:
            if error.errno == errno.ENOTDIR:  # NotADirectoryError here, SMBOSError from smbprotocol
                return []
            raise self._unreachable(error) from error
        return sorted(int(m.group(1)) for m in map(_CHANGESET.match, names) if m)

    def read(self, device_id: str, seq: int) -> bytes:
        """A changeset file's bytes; one larger than any laptop writes is refused unread ("too_big"), and so is
        what is no file at all ("not_a_file": a folder or a pipe under the name)."""
        try:
            handle = self.transport.open_read(f"devices/{device_id}/{file_name(seq)}")
        except NotAFile:
            raise InvalidChangeset(NOT_A_FILE) from None
        with handle:
            raw = bytes(handle.read(MAX_FILE_BYTES + 1))
        if len(raw) > MAX_FILE_BYTES:
            raise InvalidChangeset("too_big")
        return raw

    def exists(self, device_id: str, seq: int) -> bool:
        return self.transport.exists(f"devices/{device_id}/{file_name(seq)}")

    def publish(self, device_id: str, seq: int, data: bytes) -> None:
        """Write changeset `seq` of `device_id` without ever replacing one, then read it back."""
        rel = f"devices/{device_id}/{file_name(seq)}"
        self.transport.makedirs(f"devices/{device_id}")
        self.transport.write_new(rel, data)
        if self.transport.read(rel) != data:
            raise OSError(f"read-back of {rel} differs")

    def set_aside(self, device_id: str, seq: int) -> None:
        """Move a file that is not what this device wrote at `seq` out of the numbering (kept, as `.bad-…`, for
        whoever looks into it), so the device can write its own file under that number. What is no file there
        is not moved: see `clear_own_name`."""
        rel = f"devices/{device_id}/{file_name(seq)}"
        try:
            data = self.transport.read(rel)
        except NotAFile:
            self.clear_own_name(device_id, seq)
            return
        self.transport.write_new(f"devices/{device_id}/.bad-{file_name(seq)}-{secrets.token_hex(4)}", data)
        self.transport.delete(rel)

    def clear_own_name(self, device_id: str, seq: int) -> None:
        """Free the name of this laptop's file `seq` of what is no file (a folder, a pipe), or say what is in the
        way (WardbookError `sync.own_name_taken`).

        An empty folder is removed here: it holds nothing anyone could lose, only this laptop writes in its own
        folder, and removing a folder fails once anything is in it, so nothing put there meanwhile can go. A
        folder with something in it, or a pipe, may be someone's: it is left for the admin, told what to remove.
        Nothing of this laptop's own work is lost either way: its changes wait in its outbox, unpublished."""
        rel = f"devices/{device_id}/{file_name(seq)}"
        try:
            self.transport.remove_empty_folder(rel)
        except OSError:
            raise WardbookError("sync.own_name_taken", entry=rel, path=self.description) from None

    def clean_temporaries(self, device_id: str) -> None:
        """Remove temp files a crash left behind in this device's own folder. Called only with this laptop's
        sync held (`desktop.store.in_use.hold_sync`), so no writer of this laptop is alive to own one: only
        this laptop writes in its folder. A file in place of the folder is in the way of everything this laptop
        publishes: told (`sync.own_name_taken`), never as a share that cannot be reached."""
        try:
            names = self.transport.listdir(f"devices/{device_id}")
        except OSError as error:
            if error.errno == errno.ENOTDIR:
                raise WardbookError("sync.own_name_taken", entry=f"devices/{device_id}",
                                    path=self.description) from None
            raise
        for name in names:
            if name.startswith(".") and ".tmp-" in name:
                self.transport.delete(f"devices/{device_id}/{name}")

    def write_request(self, device_id: str, request: dict[str, str]) -> None:
        self.transport.makedirs("enroll")
        self.transport.replace(f"enroll/{device_id}.req", json.dumps(request, indent=1).encode("utf-8"))

    def requests(self) -> list[dict[str, str]]:
        """The enrollment requests waiting; a file there that is not one (garbage, huge, half copied) is passed
        over, so it cannot keep the admin from seeing and approving the real ones."""
        found = []
        for name in self.transport.listdir("enroll"):
            if not name.endswith(".req"):
                continue
            try:
                request = self.small_json(f"enroll/{name}")
            except (OSError, ValueError):
                continue
            # Under its own device's name only: a request is approved and removed by that name, so one filed
            # under another could be neither approved nor removed, and stayed in the admin's list for good.
            if isinstance(request, dict) and isinstance(request.get("device"), str) \
                    and name == f"{request['device']}.req":
                found.append(request)
        return found

    def request(self, device_id: str) -> dict[str, str] | None:
        """The request of `device_id`; None when there is none, or what is under its name is no request (a
        folder, a pipe, a damaged file): nothing to approve."""
        try:
            request = self.small_json(f"enroll/{device_id}.req")
        except (OSError, ValueError):
            return None
        return dict(request) if isinstance(request, dict) else None

    def remove_request(self, device_id: str) -> None:
        self.transport.delete(f"enroll/{device_id}.req")
