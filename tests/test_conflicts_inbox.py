"""The conflicts inbox across a station and three laptops: each user sees the conflicts of the records they may
see — an officer the register and their own records, never another officer's visit findings, an account or a
commendation — and may decide only those; every conflict is told in words (no table name, field key, code,
JSON quote, ISO date or password hash)."""

from __future__ import annotations

import re
from dataclasses import astuple

import pytest
from conflict_ward import OTHERS_FINDINGS, Inbox, assert_in_words

from desktop import i18n
from desktop.errors import WardbookError
from desktop.store import Store
from desktop.store.tables import CHOICES, SYNCED
from desktop.sync.conflict_words import CHOICE_WORDS, NAMED_BY, ConflictEntry, choice_words, field_name, inbox
from desktop.sync.conflicts import open_conflicts, resolve


@pytest.fixture(scope="module")
def ward(tmp_path_factory: pytest.TempPathFactory) -> Inbox:
    return Inbox(tmp_path_factory.mktemp("inbox"))


def _recorded(store: Store) -> set[str]:
    return {row[0] for row in store.conn.execute("SELECT DISTINCT tbl FROM conflicts WHERE resolved_at IS NULL")}


def _words(entries: list[ConflictEntry]) -> str:
    return "\n".join(" | ".join(str(part) for part in astuple(entry)[2:]) for entry in entries)


def test_an_officer_sees_and_decides_only_the_register_and_their_own_records(ward: Inbox) -> None:
    assert {"households", "visits", "users", "commendations"} <= _recorded(ward.officer)  # all recorded here
    ward.login("canbo1", "officer")
    mine = inbox(ward.officer)
    text = _words(mine)
    assert {entry.record for entry in mine} == {"Hộ", "Lượt thăm"}
    assert not any(findings in text for findings in OTHERS_FINDINGS), text
    assert "Mật khẩu" not in text and "Giúp hàng xóm" not in text and "Cứu người" not in text
    assert_in_words(_words(mine), ward.hashes)
    recorded = dict(ward.officer.conn.execute("SELECT id, tbl FROM conflicts WHERE resolved_at IS NULL"))
    theirs = recorded.keys() - {c.id for c in open_conflicts(ward.officer)}
    assert {recorded[conflict_id] for conflict_id in theirs} == {"visits", "users", "commendations"}
    for conflict_id in theirs:
        with pytest.raises(WardbookError) as refused:
            resolve(ward.officer, conflict_id, use_other=False)
        assert refused.value.msg_id == "sync.conflict_not_yours" and "Xung đột" in refused.value.message()
    assert ward.officer.conn.execute("SELECT COUNT(*) FROM conflicts WHERE resolved_at IS NOT NULL").fetchone() == (0,)


def test_each_conflict_says_which_record_which_field_and_both_values_in_words(ward: Inbox) -> None:
    ward.login("canbo1", "officer")
    by_field = {entry.field: entry for entry in inbox(ward.officer)}
    assert {"Số điện thoại", "Hộ nghèo", "Ngày thăm", "Mục đích thăm", "Xoá bản ghi"} <= by_field.keys()
    assert by_field["Số điện thoại"].which == "1-001, Nguyễn Trãi"
    assert {by_field["Hộ nghèo"].kept, by_field["Hộ nghèo"].lost} == {"Có", "Không"}
    assert {by_field["Ngày thăm"].kept, by_field["Ngày thăm"].lost} == {"07/06/2026", "08/06/2026"}
    assert {by_field["Mục đích thăm"].kept, by_field["Mục đích thăm"].lost} == {"Hỗ trợ lương thực",
                                                                               "Hòa giải, Thăm hỏi"}
    assert re.fullmatch(r"0[78]/06/2026 \(1-001, Nguyễn Trãi\)", by_field["Ngày thăm"].which)
    deletion = by_field["Xoá bản ghi"]
    assert (deletion.kept, deletion.lost) == ("đã xoá", "sửa Ghi nhận: Sửa trên máy trạm")
    i18n.set_language("en")
    try:
        english = {entry.field: entry for entry in inbox(ward.officer)}
        assert english["Phone"].record == "Household" and english["Deletion of the record"].kept == "deleted"
        assert {english["Poor household"].kept, english["Poor household"].lost} == {"Yes", "No"}
        assert {english["Visit date"].kept, english["Visit date"].lost} == {"07/06/2026", "08/06/2026"}
    finally:
        i18n.set_language("vi")


def test_a_team_lead_sees_every_officers_records_and_an_admin_the_accounts_never_their_hash(ward: Inbox) -> None:
    ward.login("totruong", "team_lead")
    lead = inbox(ward.officer)
    assert {entry.record for entry in lead} == {"Hộ", "Lượt thăm", "Khen thưởng"}
    assert any(findings in _words(lead) for findings in OTHERS_FINDINGS)
    ward.login("quantri", "admin")
    everything = inbox(ward.officer)
    assert {entry.record for entry in everything} == {"Hộ", "Lượt thăm", "Khen thưởng", "Tài khoản"}
    (password,) = [entry for entry in everything if entry.record == "Tài khoản"]
    assert (password.field, password.kept, password.lost) == ("Mật khẩu", "mật khẩu đã được đổi",
                                                              "mật khẩu đã được đổi")
    assert password.which == "canbo2, canbo2"
    assert_in_words(_words(everything), ward.hashes)


def test_an_officer_decides_a_conflict_of_their_own_visit(ward: Inbox) -> None:
    ward.login("canbo1", "officer")
    (dates,) = [entry for entry in inbox(ward.officer) if entry.field == "Ngày thăm"]
    resolve(ward.officer, dates.id, use_other=True)
    assert dates.id not in {entry.id for entry in inbox(ward.officer)}
    assert ward.officer.conn.execute("SELECT COUNT(*) FROM visits WHERE visited_at = ?", (
        f"{dates.lost[6:]}-{dates.lost[3:5]}-{dates.lost[:2]}",)).fetchone() == (1,)


def test_every_field_a_conflict_can_concern_and_every_choice_has_words() -> None:
    """Every business field of every synced table (the audit log is never edited, so never in conflict) has a
    label, and every code of a choice field a label of its groups; every table names its records."""
    unnamed = [(table, name) for table, spec in SYNCED.items() if table != "audit_log" for name in spec.fields
               if field_name(table, name) == i18n.tr("sync.conflict.other_field")]
    assert unnamed == []
    raw = [(table, name, code) for (table, name), codes in CHOICES.items() for code in codes
           if choice_words(table, name, code) == code]
    assert raw == [] and CHOICES.keys() == CHOICE_WORDS.keys()
    assert NAMED_BY.keys() == SYNCED.keys() - {"audit_log"}
