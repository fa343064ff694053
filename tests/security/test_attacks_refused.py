"""Attacks of a curious colleague or a laptop thief that the core refuses: guesses at a password in parallel,
a data-subject export that names others, a purge that leaves the data somewhere, a reset that leaves the old
password's session open."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import cast

import pytest

from desktop.errors import WardbookError
from desktop.register.cases import add_case
from desktop.register.households import add_household
from desktop.register.visits import add_visit, void_visit
from desktop.security import retention, users
from desktop.security.access import export_person
from desktop.security.permissions import Actor
from desktop.security.session import attach
from desktop.store import Store
from desktop.sync.folder import FolderShare
from tests.security.conftest import PASSWORDS, add_accounts
from tests.test_sync import Laptop, laptops

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    """A register file with an admin, a team lead and an officer, closed again."""
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as store:
        add_accounts(store)
    return path


def _failures(path: Path, username: str) -> int:
    with Store.open(path) as store:
        row = store.conn.execute("SELECT failures FROM login_failures WHERE username = ?", (username,)).fetchone()
        return 0 if row is None else int(row[0])


def test_guesses_made_at_once_from_many_windows_are_at_most_the_free_attempts(ward: Path) -> None:
    count = 12
    stores = [Store.open(ward) for _ in range(count)]
    told: list[str] = [""] * count
    start = threading.Barrier(count)

    def guess(index: int) -> None:
        start.wait()
        try:
            users.login(stores[index], "canbo", f"wrong-guess-{index}")
        except WardbookError as error:
            told[index] = error.msg_id

    threads = [threading.Thread(target=guess, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert told.count("security.bad_login") == users.FREE_ATTEMPTS
    assert told.count("security.locked") == count - users.FREE_ATTEMPTS
    with Store.open(ward) as store, pytest.raises(WardbookError) as error:
        users.login(store, "canbo", PASSWORDS["canbo"])
    assert error.value.msg_id == "security.locked"


def test_guesses_from_many_commands_at_once_are_at_most_the_free_attempts(ward: Path) -> None:
    """A shell loop starting `wardbook stats` in the background: every process has its own connection."""
    count = 10
    commands = [
        subprocess.Popen([sys.executable, "-m", "desktop.cli", "--lang", "en", "--db", str(ward), "stats",
                          "--user", "totruong"], env={**os.environ, "WARDBOOK_PASSWORD": f"wrong-guess-{index}"},
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for index in range(count)
    ]
    errors = [command.communicate(timeout=120)[1] for command in commands]
    assert all(command.returncode != 0 for command in commands)
    tried = [error for error in errors if "Wrong username or password" in error]
    assert len(tried) <= users.FREE_ATTEMPTS, errors
    assert _failures(ward, "totruong") == users.FREE_ATTEMPTS


def _household_of_two(store: Store) -> tuple[str, str, str]:
    """A household with two members: its id, the first member's id and the second one's name."""
    household = store.conn.execute(
        "SELECT h.id FROM households h WHERE h.deleted_hlc IS NULL AND (SELECT COUNT(*) FROM people p "
        "WHERE p.household_id = h.id AND p.deleted_hlc IS NULL) >= 2 LIMIT 1").fetchone()[0]
    members = store.conn.execute("SELECT id, full_name FROM people WHERE household_id = ? AND deleted_hlc IS NULL "
                                 "ORDER BY id LIMIT 2", (household,)).fetchall()
    return household, members[0][0], members[1][1]


def test_a_data_subject_export_names_neither_a_tips_informant_nor_another_member(
    demo_store: Store, accounts: dict[str, Actor],
) -> None:
    household, person, other = _household_of_two(demo_store)
    attach(demo_store, accounts["canbo"])
    add_case(demo_store, kind="tip", title="Nghi vấn buôn bán ma túy", received_on="02/06/2026",
             household_id=household, source="Bà Lê Thị Tố, nhà số 14 bên cạnh, SĐT 0903 999 888")
    add_visit(demo_store, household_id=household, visited_on="02/06/2026", purposes=["welfare_check"],
              outcome="met", person_met=other, findings="Gặp trực tiếp")
    attach(demo_store, accounts["quantri"])
    data = export_person(demo_store, person)
    text = json.dumps(data, ensure_ascii=False)
    assert "Lê Thị Tố" not in text and "0903 999 888" not in text and "ma túy" not in text
    assert other not in text
    cases = cast(list[dict[str, object]], data["cases"])
    assert [(case["kind"], case["received_on"]) for case in cases if case["kind"] == "tip"][-1] \
        == ("tip", "2026-06-02")  # the subject is told a record about them exists, and since when


def test_free_text_written_at_a_household_of_several_stays_out_of_one_members_export(
    demo_store: Store, accounts: dict[str, Actor],
) -> None:
    """A visit's findings (often about another member: "bà Hoa ốm nặng") and a voided visit's reason are left out
    of the export of a household of several, and the export says how many and why; a person living alone gets
    them."""
    household, person, other = _household_of_two(demo_store)
    attach(demo_store, accounts["canbo"])
    add_visit(demo_store, household_id=household, visited_on="02/06/2026", purposes=["welfare_check"],
              outcome="met", findings=f"{other} nợ tiền, hay say rượu")
    voided = add_visit(demo_store, household_id=household, visited_on="03/06/2026", purposes=["welfare_check"],
                       outcome="met", findings="Ghi nhầm")
    void_visit(demo_store, voided, f"Nhầm hộ của {other}")
    alone = add_household(demo_store, area_id=None, house_no="9", street="Lê Lợi", head_name="Trần Văn Một")
    add_visit(demo_store, household_id=alone, visited_on="02/06/2026", purposes=["welfare_check"],
              outcome="met", findings="Sống một mình, cần hỗ trợ gạo")
    attach(demo_store, accounts["quantri"])
    data = export_person(demo_store, person)
    text = json.dumps(data, ensure_ascii=False)
    assert other not in text and "say rượu" not in text and "Ghi nhầm" not in text
    visits = cast(list[dict[str, object]], data["visits_to_household"])
    assert {visit["visited_at"][:10] for visit in visits} >= {"2026-06-02", "2026-06-03"}  # type: ignore[index]
    withheld = cast(dict[str, object], data["withheld"])
    written = demo_store.conn.execute(
        "SELECT count(nullif(findings, '')) + count(nullif(void_reason, '')) FROM visits WHERE household_id = ? "
        "AND deleted_hlc IS NULL", (household,)).fetchone()[0]
    assert withheld["free_texts"] == written >= 3 and "người khác" in str(withheld["why"])
    head = demo_store.conn.execute("SELECT head_person_id FROM households WHERE id = ?", (alone,)).fetchone()[0]
    data = export_person(demo_store, head)
    assert [visit["findings"] for visit in cast(list[dict[str, object]], data["visits_to_household"])] == [
        "Sống một mình, cần hỗ trợ gạo"] and data["withheld"] is None


def test_an_unknown_or_disabled_name_takes_as_long_to_refuse_as_an_account(ward: Path) -> None:
    """How long the answer takes must not tell which names have an account on this laptop."""
    with Store.open(ward) as store:
        attach(store, users.login(store, "quantri", PASSWORDS["quantri"]))
        users.set_active(store, "totruong", False)

        def refusal_time(name: str) -> float:
            start = time.perf_counter()
            with pytest.raises(WardbookError) as error:
                users.login(store, name, "some-wrong-password")
            assert error.value.msg_id == "security.bad_login"
            return time.perf_counter() - start

        account = min(refusal_time("canbo") for _ in range(2))
        for name in ("khongco", "totruong"):
            assert min(refusal_time(name) for _ in range(2)) > account / 2, name


def test_a_reset_password_ends_the_session_opened_with_the_old_one_and_opens_at_once(ward: Path) -> None:
    """An officer's password leaked and the account was locked by guesses; the admin resets it."""
    with Store.open(ward) as intruder, Store.open(ward) as admin, Store.open(ward) as officer:
        users.login(intruder, "canbo", PASSWORDS["canbo"])
        for attempt in range(users.FREE_ATTEMPTS):
            with pytest.raises(WardbookError):
                users.login(officer, "canbo", f"forgot-{attempt}")
        users.login(admin, "quantri", PASSWORDS["quantri"])
        users.set_password(admin, "canbo", "brand-new-secret-9")
        with pytest.raises(WardbookError) as error:
            add_household(intruder, area_id=None, house_no="1", street="Lê Lợi", head_name="Trần Văn Xâm")
        assert error.value.msg_id == "security.session_ended"
        assert users.login(officer, "canbo", "brand-new-secret-9").username == "canbo"
        users.set_password(officer, "canbo", "own-choice-again-7")  # one's own change keeps one's session
        add_household(officer, area_id=None, house_no="2", street="Lê Lợi", head_name="Trần Văn Thật")


@pytest.mark.parametrize(("name", "password", "reason"), [
    ("lan.nguyen", "lan.nguyen", "security.password_has_username"),
    ("lan.nguyen", "Lan.Nguyen1990", "security.password_has_username"),
    ("binh1", "11111111", "security.password_one_character"),
    ("hoa12", "12345678", "security.password_sequence"),
    ("hoa12", "abcdefghi", "security.password_sequence"),
    ("hoa12", "98765432", "security.password_sequence"),
])
def test_a_password_a_guesser_tries_first_is_refused_with_its_reason(ward: Path, name: str, password: str,
                                                                      reason: str) -> None:
    with Store.open(ward) as store:
        users.login(store, "quantri", PASSWORDS["quantri"])
        with pytest.raises(WardbookError) as error:
            users.add_user(store, name, name, "officer", password)
        assert error.value.msg_id == reason
        assert error.value.message("vi").startswith("Mật khẩu không được")  # told why, in Vietnamese


SECRET_NAME, SECRET_PHONE = "Trịnh Thị Riêngtư", "0909777555"


def _holding(store: Store, needle: str) -> list[str]:
    """Every table.column of the register holding `needle`, bookkeeping and search index included."""
    found = set()
    for (table,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        cursor = store.conn.execute(f'SELECT * FROM "{table}"')
        for row in cursor:
            for column, value in zip([d[0] for d in cursor.description], row, strict=True):
                text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                if needle in text:
                    found.add(f"{table}.{column}")
    return sorted(found)


def _moved_out_family(laptop: Laptop) -> str:
    household = laptop.store.writer.insert("households", {"code": "HK-OLD", "street": "Hẻm 7", "house_no": "9",
                                                          "phone": SECRET_PHONE})
    person = laptop.store.writer.insert("people", {"household_id": household, "full_name": SECRET_NAME})
    laptop.store.writer.update("households", household, {"status": "moved_out"})
    return person


def test_a_purge_leaves_no_copy_of_the_values_on_the_laptop_that_registered_the_family(tmp_path: Path) -> None:
    admin, officer = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    _moved_out_family(officer)
    officer.sync()
    admin.sync()
    admin.store.writer.clock.observe(0)
    retention.purge(admin.store, years=1, today=date(2099, 1, 1))
    for laptop in (admin, officer, admin, officer):
        laptop.sync()
    assert officer.store.conn.execute("SELECT deleted_hlc IS NOT NULL, full_name FROM people").fetchall() \
        == [(1, None)]
    assert _holding(officer.store, SECRET_PHONE) == _holding(officer.store, "Riêngtư") \
        == _holding(officer.store, "riengtu") == []  # outbox, conflicts, the search index's own tables
    officer.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert not any(SECRET_PHONE.encode() in path.read_bytes() for path in tmp_path.glob("laptop1.db*"))


def test_an_edit_made_elsewhere_after_a_purge_puts_nothing_back_into_the_purged_row(tmp_path: Path) -> None:
    admin, officer = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    person = _moved_out_family(admin)
    admin.sync()
    officer.sync()
    retention.purge(admin.store, years=1, today=date(2099, 1, 1))
    officer.store.writer.update("people", person, {"phone": "0911222333"})  # not synced yet: a correction
    for laptop in (admin, officer, admin, officer):
        laptop.sync()
    assert _holding(admin.store, "0911222333") == _holding(admin.store, "Riêngtư") == []
