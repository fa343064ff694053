"""A laptop that was tampered with cannot stop the others' sync with an oversized file.

Its holder has its signing key and the ward's data key, so it can write a file that verifies and decrypts:
a few megabytes that inflate to gigabytes, or a file of gigabytes. Every other laptop read such a file whole
at every sync. Now each is refused unread (or before it is inflated whole), named in words, and the rest of
the share still syncs.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from desktop import i18n
from desktop.errors import WardbookError
from desktop.sync import changeset
from desktop.sync.folder import FolderShare
from desktop.sync.problems import open_problems
from tests.test_sync import laptops


def _reasons(store) -> list[str]:  # type: ignore[no-untyped-def]
    return [row[0] for row in store.conn.execute("SELECT kind FROM sync_errors WHERE resolved_at IS NULL")]


def test_a_body_that_inflates_beyond_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    admin, honest, hostile = laptops(tmp_path, FolderShare(tmp_path / "share"), 3)
    honest.store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
    honest.sync()
    monkeypatch.setattr(changeset, "MAX_BODY_BYTES", 1024 * 1024)
    real_compress = zlib.compress
    with monkeypatch.context() as hostile_code:  # JSON allows trailing blanks: 2 MiB of them compress to 2 KiB
        hostile_code.setattr(changeset.zlib, "compress", lambda data, level: real_compress(data + b" " * 2**21))
        hostile.store.writer.insert("households", {"code": "HK2", "street": "Trần Phú"})
        hostile.sync()
    published, report = admin.sync()
    assert not published or report
    assert "too_big" in _reasons(admin.store)
    assert admin.store.conn.execute("SELECT code FROM households").fetchall() == [("HK1",)]  # the honest file
    i18n.set_language("en")
    assert any("far larger than any file a laptop writes" in problem.text for problem in open_problems(admin.store))


def test_a_file_beyond_the_size_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    admin, other = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    other.store.writer.insert_many("households", [{"code": f"HK{n}", "street": "Lê Lợi " * 40} for n in range(50)])
    other.sync()
    monkeypatch.setattr("desktop.sync.folder.MAX_FILE_BYTES", 2000)
    admin.sync()
    assert "too_big" in _reasons(admin.store)
    assert admin.store.conn.execute("SELECT COUNT(*) FROM households").fetchone() == (0,)


def test_huge_or_garbage_files_in_the_share_never_block_the_station(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    share = FolderShare(tmp_path / "share")
    laptops(tmp_path, share, 2)
    monkeypatch.setattr("desktop.sync.folder.MAX_SMALL_FILE_BYTES", 4096)
    enroll = tmp_path / "share" / "enroll"
    enroll.mkdir(exist_ok=True)
    (enroll / "huge.req").write_bytes(b" " * 5000 + b"{}")
    (enroll / "garbage.req").write_bytes(b"\x00\xff not json")
    (enroll / "list.req").write_text('["not", "a", "request"]', "utf-8")
    share.write_request("a" * 32, {"device": "a" * 32, "name": "new laptop", "public_key": "", "exchange_key": ""})
    assert [request["device"] for request in share.requests()] == ["a" * 32]
    roster = tmp_path / "share" / "station.json"
    roster.write_bytes(roster.read_bytes() + b" " * 5000)
    with pytest.raises(WardbookError) as caught:
        share.station()
    assert caught.value.msg_id == "sync.roster_damaged"
