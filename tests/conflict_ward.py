"""A ward whose laptops recorded conflicts of every kind of record (the conflicts inbox's tests, core and UI)."""

from __future__ import annotations

import re
from pathlib import Path

from test_campaign_sync import Ward

from desktop.security import users
from desktop.security.permissions import Actor
from desktop.security.session import attach
from desktop.store import Store
from desktop.store.tables import CHOICES, SYNCED

OTHERS_FINDINGS = ("Zzkp2 tranh chấp đất với hàng xóm", "Zzkp2 nợ cờ bạc 50 triệu")


class Inbox:
    """A ward whose laptops recorded concurrent edits of the register, of each officer's visits, of an account's
    password and of a commendation; `officer` is canbo1's laptop, logged in as canbo1."""

    def __init__(self, folder: Path) -> None:
        self.ward = ward = Ward(folder)
        admin, lead = ward.admin.store, ward.laptops["totruong"].store
        first, second = ward.laptops["canbo1"].store, ward.laptops["canbo2"].store
        self.officer = first
        own, gone = (first.writer.insert("visits", {
            "household_id": _household(first, "1-001"), "visited_at": "2026-06-05", "purposes": "welfare_check",
            "officer_id": ward.user_ids["canbo1"], "findings": text}) for text in ("Ghi nhận đầu", "Ghi nhầm"))
        theirs = second.writer.insert("visits", {
            "household_id": _household(second, "2-001"), "visited_at": "2026-06-06", "purposes": "mediation",
            "officer_id": ward.user_ids["canbo2"], "findings": "Zzkp2 tranh chấp đất"})
        person = admin.writer.insert("people", {"household_id": _household(admin, "2-002"), "full_name": "Lê Văn An"})
        praise = lead.writer.insert("commendations", {"period": "2026", "person_id": person, "status": "proposed",
                                                     "reason": "Giúp hàng xóm"})
        ward.sync_all()
        # Concurrent edits, each pair on two laptops that have not seen each other's
        household = _household(first, "1-001")
        first.writer.update("households", household, {"phone": "0903111111", "flag_poor": 1})
        second.writer.update("households", household, {"phone": "0903222222", "flag_poor": 0})
        first.writer.update("visits", own, {"visited_at": "2026-06-07", "purposes": "food_support"})
        admin.writer.update("visits", own, {"visited_at": "2026-06-08", "purposes": "mediation,welfare_check"})
        first.writer.delete("visits", gone)
        admin.writer.update("visits", gone, {"findings": "Sửa trên máy trạm"})
        second.writer.update("visits", theirs, {"findings": OTHERS_FINDINGS[1]})
        admin.writer.update("visits", theirs, {"findings": OTHERS_FINDINGS[0]})
        users.set_password(second, "canbo2", "officer-password-new-2")
        users.set_password(admin, "canbo2", "officer-password-reset-2")
        lead.writer.update("commendations", praise, {"reason": "Giúp hàng xóm khi lũ"})
        admin.writer.update("commendations", praise, {"reason": "Cứu người đuối nước"})
        ward.sync_all(rounds=1)
        # The admin's reset reached canbo2's laptop: the session opened there with the old password is ended, and
        # canbo2 logs in again (with the password the reset gave) before that laptop syncs once more.
        attach(second, users.login(second, "canbo2", "officer-password-reset-2"))
        ward.sync_all(rounds=1)
        self.hashes = {row[0] for row in first.conn.execute("SELECT password_hash FROM users")}

    def login(self, name: str, role: str) -> None:
        found = users.find_user(self.officer, name)
        assert found is not None
        attach(self.officer, Actor(str(found["id"]), name, role))


def _household(store: Store, code: str) -> str:
    return str(store.conn.execute("SELECT id FROM households WHERE code = ?", (code,)).fetchone()[0])


def assert_in_words(text: str, hashes: set[str]) -> None:
    """No table name, field key, choice code, JSON quote, ISO date or password hash in what the inbox shows."""
    keys = {*SYNCED, "deleted_hlc", *(name for spec in SYNCED.values() for name in spec.fields)}
    codes = {code for choices in CHOICES.values() for code in choices}
    assert not [word for word in re.findall(r"\w+", text) if word in keys | codes], text
    assert '"' not in text and not re.search(r"\d{4}-\d{2}-\d{2}", text), text
    assert not [value for value in hashes if value and value in text]
