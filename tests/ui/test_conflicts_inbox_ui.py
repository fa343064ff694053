"""The Sync page's conflicts inbox on an officer's laptop: only the register's and the officer's own conflicts,
each in words (kind of record, which one, the field's name, both values), in the language chosen."""

from __future__ import annotations

from pathlib import Path

from conflict_ward import OTHERS_FINDINGS, Inbox, assert_in_words

from desktop.security.secrets import PassphraseFileSecrets
from ui.context import AppContext
from ui.pages.sync import SyncPage


def _cells(page: SyncPage) -> list[list[str]]:
    model = page.conflicts
    return [[str(model.index(row, column).data() or "") for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def test_an_officer_sees_their_conflicts_in_words_and_no_one_elses(  # type: ignore[no-untyped-def]
        language, owned, qtbot, tmp_path: Path) -> None:
    ward = Inbox(tmp_path)
    ward.login("canbo1", "officer")
    secrets = PassphraseFileSecrets(tmp_path / "laptop.keys", "laptop passphrase")
    ward.officer.conn.execute("UPDATE conflicts SET detected_at = '2026-06-30T23:30:00.000Z'")  # stored in UTC
    page = SyncPage(AppContext(ward.officer, language), secrets=secrets)
    owned.append(page)
    page.refresh()
    cells = _cells(page)
    assert {row[0] for row in cells} == {"01/07/2026 06:30"}  # Ho Chi Minh City time, not the UTC date
    text = "\n".join(" | ".join(row) for row in cells)
    assert {row[1] for row in cells} == {"Hộ", "Lượt thăm"} and len(cells) == 5
    assert not any(findings in text for findings in OTHERS_FINDINGS) and "Mật khẩu" not in text
    assert_in_words(text, ward.hashes)
    headers = [page.conflicts.headerData(column, page.conflicts_view.horizontalHeader().orientation())
               for column in range(page.conflicts.columnCount())]
    assert headers == ["Phát hiện", "Loại", "Bản ghi", "Trường", "Giá trị đang giữ", "Giá trị khác"]
    assert ["1-001, Nguyễn Trãi", "Số điện thoại"] in [row[2:4] for row in cells]
    assert any(row[3:] == ["Xoá bản ghi", "đã xoá", "sửa Ghi nhận: Sửa trên máy trạm"] for row in cells)

    # A deleted record cannot come back: told in words, and the conflict stays to be decided.
    page.conflicts_view.selectRow(next(at for at, row in enumerate(cells) if row[3] == "Xoá bản ghi"))
    page.keep_lost.click()
    assert page.error.text() == "Bản ghi đã bị xoá trên máy khác; không thể khôi phục từ đây."
    assert page.conflicts.rowCount() == 5

    language.set_language("en")  # the words are read again in the language chosen
    qtbot.waitUntil(lambda: {row[1] for row in _cells(page)} == {"Household", "Visit"})
    english = _cells(page)
    assert ["1-001, Nguyễn Trãi", "Phone"] in [row[2:4] for row in english]
    assert any(row[3:] == ["Deletion of the record", "deleted", "edited: Findings: Sửa trên máy trạm"]
               for row in english)
