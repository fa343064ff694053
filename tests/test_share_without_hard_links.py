"""A share on a file system without hard links: FAT32 and exFAT USB sticks, some mounted Windows shares.

Publishing names a complete file with a hard link, which never replaces an existing one. Linux's FAT drivers
refuse `link` (EPERM) and Windows' refuse CreateHardLink on FAT; this machine cannot mount a FAT image (no
vfat module), so the refusal is what is simulated here: everything else is the real folder share.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from desktop.sync.folder import FolderShare
from tests.test_sync import content, laptops


@pytest.fixture
def no_hard_links(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    refused: list[str] = []

    def link(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        refused.append(str(target))
        raise OSError(errno.EPERM, "Operation not permitted", str(target))

    monkeypatch.setattr("desktop.sync.transport.os.link", link)
    return refused


def test_a_file_is_still_written_whole_and_never_over_another(tmp_path: Path, no_hard_links: list[str]) -> None:
    share = FolderShare(tmp_path / "usb")
    share.create()
    share.makedirs("snapshots")
    share.transport.write_new_chunks("snapshots/a.snap", iter([b"first", b" piece"]))
    assert share.transport.read("snapshots/a.snap") == b"first piece" and no_hard_links
    with pytest.raises(FileExistsError):
        share.transport.write_new("snapshots/a.snap", b"other")
    assert share.transport.read("snapshots/a.snap") == b"first piece"
    assert share.transport.listdir("snapshots") == ["a.snap"]  # no temporary file left behind


def test_laptops_sync_through_a_usb_stick(tmp_path: Path, no_hard_links: list[str]) -> None:
    a, b = laptops(tmp_path, FolderShare(tmp_path / "usb"), 2)
    household = a.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi", "house_no": "5"})
    b.store.writer.insert("households", {"code": "HK2", "street": "Trần Phú", "house_no": "7"})
    for laptop in (a, b, a):
        assert not laptop.sync()[1].errors
    b.store.writer.update("households", household, {"phone": "0903000000"})
    for laptop in (b, a):
        assert not laptop.sync()[1].errors
    assert content(a.store) == content(b.store)
    assert len(no_hard_links) >= 3  # every file published went the way a FAT stick allows
