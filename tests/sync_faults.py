"""A share that misbehaves on purpose, wrapped around a real folder (`LocalTransport`).

Everything it returns comes from real files; it only adds what goes wrong with a real network share or a real
laptop: the power going at the worst moment of a publish, a file read torn or with a flipped bit, the share
dropping off the network part way through a sync, a listing that is out of date (SMB caches directory listings
for seconds) and listings that repeat or reorder names. The test arms a fault; one-shot faults disarm
themselves once they have fired, so the sync after them must recover on its own.
"""

from __future__ import annotations

import errno
import random
import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import BinaryIO

from desktop.sync.transport import LocalTransport

_CHANGESET = re.compile(r"^\d{12}\.chg$")


class Crash(Exception):
    """The process dying at this point: nothing after it runs, the test reopens the laptop's database."""


class FaultyTransport:
    """The `Transport` operations of a real folder, with faults the test switches on."""

    def __init__(self, inner: LocalTransport, rng: random.Random) -> None:
        self.inner = inner
        self.description = inner.description
        self.rng = rng
        self.crash: str | None = None  # "before_rename" / "after_rename": the next changeset written, once
        self.damage: str | None = None  # "truncate" / "flip": the next changeset read, once
        self.offline_after: int | None = None  # the share drops after this many more operations
        self.stale = False  # device folder listings miss their newest changeset
        self.shuffle = False  # listings come in random order with some names twice

    def calm(self) -> None:
        """No more faults: what the final rounds of a simulation run on."""
        self.crash = self.damage = self.offline_after = None
        self.stale = self.shuffle = False

    def _reach(self) -> None:
        if self.offline_after is not None:
            if self.offline_after <= 0:
                raise OSError(errno.EHOSTUNREACH, "The network path was not found", self.description)
            self.offline_after -= 1

    def read(self, rel: str) -> bytes:
        self._reach()
        data = self.inner.read(rel)
        if self.damage and _CHANGESET.match(PurePosixPath(rel).name):
            kind, self.damage = self.damage, None
            if kind == "truncate":
                return data[: self.rng.randrange(len(data))]
            flipped = bytearray(data)
            flipped[self.rng.randrange(len(data))] ^= 1 << self.rng.randrange(8)
            return bytes(flipped)
        return data

    def open_read(self, rel: str) -> BinaryIO:  # snapshots: the simulation does not damage them
        self._reach()
        return self.inner.open_read(rel)

    def exists(self, rel: str) -> bool:
        self._reach()
        return self.inner.exists(rel)

    def modified_ms(self, rel: str) -> int:
        self._reach()
        return self.inner.modified_ms(rel)

    def listdir(self, rel: str) -> list[str]:
        self._reach()
        names = self.inner.listdir(rel)
        if self.stale and rel.startswith("devices/"):
            changesets = sorted(n for n in names if _CHANGESET.match(n))
            if changesets:
                names = [n for n in names if n != changesets[-1]]
        if self.shuffle and names:
            names = names + self.rng.sample(names, self.rng.randint(1, len(names)))
            self.rng.shuffle(names)
        return names

    def entries(self, rel: str) -> list[tuple[str, bool]]:  # the names as `listdir` gives them, faults included
        folders = dict(self.inner.entries(rel))
        return [(name, folders[name]) for name in self.listdir(rel)]

    def write_new(self, rel: str, data: bytes) -> None:
        self._reach()
        changeset = _CHANGESET.match(PurePosixPath(rel).name) is not None  # what a crash fault is armed for
        if self.crash == "before_rename" and changeset:  # the temporary file is complete, the rename never ran
            self.crash = None
            path = PurePosixPath(rel)
            self.inner.replace(str(path.with_name(f".{path.name}.tmp-{self.rng.getrandbits(32):08x}")), data)
            raise Crash(f"power cut before renaming {rel}")
        self.inner.write_new(rel, data)
        if self.crash == "after_rename" and changeset:  # the file is there, the laptop never learnt it
            self.crash = None
            raise Crash(f"power cut after renaming {rel}")

    def write_new_chunks(self, rel: str, chunks: Iterable[bytes]) -> None:
        self._reach()
        self.inner.write_new_chunks(rel, chunks)

    def replace(self, rel: str, data: bytes) -> None:
        self._reach()
        self.inner.replace(rel, data)

    def delete(self, rel: str) -> None:
        self._reach()
        self.inner.delete(rel)

    def makedirs(self, rel: str) -> None:
        self._reach()
        self.inner.makedirs(rel)

    def remove_empty_folder(self, rel: str) -> None:
        self._reach()
        self.inner.remove_empty_folder(rel)
