"""A laptop whose clock is off is told so by its own sync, against the clock of the share's computer.

The share's computer here is this machine (a folder on it, or a real Samba server on loopback, which stamps the
files it receives with its own clock, as the station computer does); the laptop's clock as the app reads it is
set off from it, since this machine's own clock cannot be changed under the test.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_faults import FaultyTransport
from test_sync import laptops, samba_url, share  # noqa: F401  (the folder and Samba share fixtures)

from desktop import clock, i18n
from desktop.cli import main
from desktop.sync import share_clock
from desktop.sync.folder import FolderShare
from desktop.sync.transport import LocalTransport

HOUR_MS = 60 * 60 * 1000


@pytest.fixture
def laptop_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The laptop's clock as the sync reads it, `offset[0]` ms off this machine's (0 until a test sets it)."""
    offset = [0]
    monkeypatch.setattr(share_clock, "wall_ms", lambda: clock.wall_ms() + offset[0])
    yield offset


def _left_in_own_folder(share: FolderShare, device: str) -> list[str]:  # noqa: F811
    return [name for name in share.transport.listdir(f"devices/{device}") if name.startswith(".")]


def test_a_clock_hours_ahead_of_the_share_is_told_and_the_warning_ends_once_it_is_right(
    tmp_path: Path, share: FolderShare, laptop_clock: list[int]  # noqa: F811
) -> None:
    """Seven hours ahead is a laptop set to UTC whose clock was then put to the wall clock's time by hand."""
    admin, officer = laptops(tmp_path, share, 2)
    admin.sync()
    officer.sync()
    assert share_clock.clock_off(officer.store) is None
    laptop_clock[0] = 7 * HOUR_MS
    officer.sync()
    offset = share_clock.clock_off(officer.store)
    assert offset is not None and 7 * HOUR_MS - 60_000 < offset < 7 * HOUR_MS + 60_000
    assert share_clock.clock_off_message(officer.store) == i18n.tr("sync.clock_ahead_of_share", amount=i18n.tr(
        "sync.clock_amount_hours", hours=7, minutes=0))
    assert share_clock.clock_off(admin.store) is None  # the admin's laptop measured its own, right clock
    assert _left_in_own_folder(share, officer.store.device_id) == []  # the probe is gone
    laptop_clock[0] = 0
    officer.sync()
    assert share_clock.clock_off(officer.store) is None and share_clock.clock_off_message(officer.store) is None


def test_a_clock_days_behind_is_told_in_days_in_both_languages(
    tmp_path: Path, share: FolderShare, laptop_clock: list[int]  # noqa: F811
) -> None:
    (admin,) = laptops(tmp_path, share, 1)
    laptop_clock[0] = -3 * 24 * HOUR_MS
    admin.sync()
    vi, en = (i18n.tr("sync.clock_behind_share", lang, amount=i18n.tr("sync.clock_amount_days", lang, days=3))
              for lang in ("vi", "en"))
    assert "chậm hơn" in vi and "3 ngày" in vi and "3 days behind" in en
    previous = i18n.current_language()
    try:
        for lang, sentence in (("vi", vi), ("en", en)):
            i18n.set_language(lang)
            assert share_clock.clock_off_message(admin.store) == sentence
    finally:
        i18n.set_language(previous)


def test_minutes_apart_are_not_told(tmp_path: Path, share: FolderShare, laptop_clock: list[int]) -> None:  # noqa: F811
    """Clocks left to drift differ by minutes: telling an officer to change a clock for that would do harm."""
    (admin,) = laptops(tmp_path, share, 1)
    laptop_clock[0] = 20 * 60_000
    admin.sync()
    assert int(admin.store.setting(share_clock.SHARE_OFFSET) or 0) > 19 * 60_000
    assert share_clock.clock_off(admin.store) is None


def test_a_share_that_drops_during_the_probe_keeps_the_last_measurement(
    tmp_path: Path, laptop_clock: list[int]
) -> None:
    """Measuring is no reason for a sync to fail: a share lost part way fails the sync later, in its own words;
    the measurement stays as the last sync made it."""
    folder = tmp_path / "share"
    (admin,) = laptops(tmp_path, FolderShare(folder), 1)
    laptop_clock[0] = 5 * HOUR_MS
    admin.sync()
    faulty = FaultyTransport(LocalTransport(folder), random.Random(1))
    faulty.offline_after = 1  # its own folder is there; the probe's write is not
    laptop_clock[0] = 0
    assert share_clock.measure(admin.store, FolderShare(faulty)) is None
    assert share_clock.clock_off(admin.store) is not None


def test_the_sync_command_says_the_clock_is_off(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 laptop_clock: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", "mật khẩu tệp khóa")
    folder = str(tmp_path / "share")
    station = ["--db", str(tmp_path / "station.db"), "--key-file", str(tmp_path / "station.keys"), "--lang", "en"]
    assert main(["demo", "--households", "20", "--db", station[1]]) == 0
    assert main(["share", "init", folder, *station]) == 0
    assert main(["sync", *station]) == 0
    assert "clock" not in capsys.readouterr().out
    laptop_clock[0] = 30 * 24 * HOUR_MS
    assert main(["sync", *station]) == 0
    told = "This laptop's clock is about 30 days ahead of the clock of the computer that keeps the shared folder"
    assert told in capsys.readouterr().out
    assert main(["sync", "status", *station]) == 0
    assert told in capsys.readouterr().out
    laptop_clock[0] = 0
    assert main(["sync", *station]) == 0
    assert "clock" not in capsys.readouterr().out


def test_a_probe_left_by_a_crash_is_removed_by_the_next_sync(tmp_path: Path, share: FolderShare) -> None:  # noqa: F811
    (admin,) = laptops(tmp_path, share, 1)
    admin.sync()
    share.transport.write_new(f"devices/{admin.store.device_id}/.clock.tmp-0badf00d", b"")
    admin.sync()
    assert _left_in_own_folder(share, admin.store.device_id) == []
