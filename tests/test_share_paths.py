"""A shared folder named as what it is: a bare name, a path with nothing there or a file is told so, never as
"not a station folder yet" (which offered to set up a station there, in whatever folder the app ran in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.sync import setup


@pytest.mark.parametrize(("where", "msg_id"), [
    ("tram-dong-bo", "sync.share_relative"), ("missing", "sync.share_missing"), ("a-file", "sync.share_not_folder"),
])
def test_a_share_that_is_no_folder_is_named_as_what_it_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         where: str, msg_id: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("x")
    location = {"tram-dong-bo": "tram-dong-bo", "missing": str(tmp_path / "khong-co"),
                "a-file": str(tmp_path / "a-file")}[where]
    with pytest.raises(WardbookError) as refused:
        setup.standing("device", location)
    assert refused.value.msg_id == msg_id and "station" not in refused.value.message("vi")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]  # nothing made
    if where == "tram-dong-bo":
        with pytest.raises(WardbookError):
            setup.require_location(location)


def test_a_folder_without_a_station_is_one_to_set_up(tmp_path: Path) -> None:
    assert setup.standing("device", str(tmp_path)) == "not_a_share"
    assert setup.require_location(str(tmp_path / "new-folder")) == str(tmp_path / "new-folder")  # made on setup
