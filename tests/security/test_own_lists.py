"""The lists an officer sees are narrowed to their own records: `list_cases(assignee_id=…)` and
`list_activities(officer_id=…)` (the Cases and Activities pages of the app pass `visible_officer`) return only
the cases assigned to that officer and the activities they recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.register.activities import add_activity
from desktop.register.cases import add_case
from desktop.reports.household_sheet import build_household_sheet
from desktop.security.permissions import Actor
from desktop.security.session import attach, detach, visible_officer
from desktop.store import Store
from desktop.store.queries import case_detail, household_detail, list_activities, list_cases
from tests.reports.pdfcheck import read_pdf


def test_cases_list_narrows_to_the_assignee(demo_store: Store, accounts: dict[str, Actor]) -> None:
    officer, lead = accounts["canbo"], accounts["totruong"]
    attach(demo_store, officer)
    mine = add_case(demo_store, kind="tip", title="Tin báo của tôi", received_on="01/06/2026")
    attach(demo_store, lead)
    theirs = add_case(demo_store, kind="tip", title="Tin báo của tổ trưởng", received_on="01/06/2026")
    everyone = {row["id"] for row in list_cases(demo_store)}
    assert {mine, theirs} <= everyone and visible_officer(demo_store) is None
    attach(demo_store, officer)
    own = list_cases(demo_store, assignee_id=visible_officer(demo_store))
    assert [row["id"] for row in own] == [mine]
    detach(demo_store)


def test_activities_list_narrows_to_the_officer(demo_store: Store, accounts: dict[str, Actor]) -> None:
    officer, lead = accounts["canbo"], accounts["totruong"]
    attach(demo_store, officer)
    mine = add_activity(demo_store, kind="awareness_session", held_on="01/06/2026", topic="Phòng chống lừa đảo")
    attach(demo_store, lead)
    theirs = add_activity(demo_store, kind="meeting", held_on="01/06/2026", topic="Họp tổ")
    everyone = {row["id"] for row in list_activities(demo_store, officer_id=visible_officer(demo_store))}
    assert {mine, theirs} <= everyone and len(everyone) > 2  # the demo ward's too
    attach(demo_store, officer)
    own = list_activities(demo_store, officer_id=visible_officer(demo_store))
    assert [row["id"] for row in own] == [mine]
    detach(demo_store)


def test_find_people_by_name_without_accents(demo_store: Store) -> None:
    from desktop.search.folding import fold
    from desktop.store.queries import find_people

    person_id, name = demo_store.conn.execute(
        "SELECT id, full_name FROM people WHERE deleted_hlc IS NULL ORDER BY id LIMIT 1").fetchone()
    found = find_people(demo_store, fold(name).upper())
    assert person_id in {row["id"] for row in found}
    assert all(fold(name) in fold(str(row["full_name"])) for row in found)
    assert find_people(demo_store, "   ") == []


def test_find_people_finds_those_who_moved_out_and_every_holder_of_a_common_name(demo_store: Store) -> None:
    """A data-subject request concerns everyone held: members who moved out (whom the household search leaves
    out) and, for a common family name, people in more households than the search index returns."""
    from desktop.register.households import move_out_person
    from desktop.search.folding import fold
    from desktop.store.queries import find_people

    person_id, name = demo_store.conn.execute(
        "SELECT id, full_name FROM people WHERE deleted_hlc IS NULL AND moved_out_on IS NULL ORDER BY id LIMIT 1"
    ).fetchone()
    move_out_person(demo_store, person_id, "01/02/2026")
    found = {row["id"]: row for row in find_people(demo_store, fold(name))}
    assert found[person_id]["moved_out_on"] == "2026-02-01"
    family = fold(name).split()[0]
    holders = [row[0] for row in demo_store.conn.execute("SELECT full_name FROM people WHERE deleted_hlc IS NULL")
               if fold(row[0]).startswith(family + " ")]
    assert len(find_people(demo_store, family, limit=100_000)) >= len(holders) > 50


def test_an_officer_corrects_or_deletes_only_own_activities(demo_store: Store, accounts: dict[str, Actor]) -> None:
    import pytest

    from desktop.errors import WardbookError
    from desktop.register.activities import delete_activity, update_activity

    officer, lead = accounts["canbo"], accounts["totruong"]
    attach(demo_store, officer)
    mine = add_activity(demo_store, kind="meeting", held_on="01/06/2026", topic="Họp tổ 3", attendance=12)
    changed = update_activity(demo_store, mine, kind="forum", held_on="02/06/2026", topic="Diễn đàn tổ 3",
                              attendance="1.200")
    assert changed == {"kind": "forum", "held_on": "2026-06-02", "topic": "Diễn đàn tổ 3", "attendance": 1200}
    with pytest.raises(WardbookError) as refused:  # a wrong count is refused and changes nothing
        update_activity(demo_store, mine, kind="forum", held_on="02/06/2026", topic="Diễn đàn tổ 3",
                        attendance="-4")
    assert refused.value.msg_id == "register.bad_attendance"
    assert demo_store.conn.execute("SELECT attendance FROM activities WHERE id = ?", (mine,)).fetchone() == (1200,)
    attach(demo_store, lead)
    theirs = add_activity(demo_store, kind="meeting", held_on="01/06/2026", topic="Họp của tổ trưởng")
    attach(demo_store, officer)
    for attempt in (lambda: update_activity(demo_store, theirs, kind="meeting", held_on="01/06/2026", topic="Đổi"),
                    lambda: delete_activity(demo_store, theirs)):
        with pytest.raises(WardbookError) as refused:
            attempt()
        assert refused.value.msg_id == "security.denied"
    assert demo_store.conn.execute("SELECT topic, deleted_hlc FROM activities WHERE id = ?", (theirs,)).fetchone() \
        == ("Họp của tổ trưởng", None)
    delete_activity(demo_store, mine)
    assert list_activities(demo_store, officer_id=visible_officer(demo_store)) == []
    with pytest.raises(WardbookError) as refused:
        delete_activity(demo_store, mine)
    assert refused.value.msg_id == "register.record_deleted"
    attach(demo_store, lead)  # a team lead may correct anyone's
    update_activity(demo_store, theirs, kind="meeting", held_on="01/06/2026", topic="Họp tổ (đã sửa)")
    detach(demo_store)


def test_a_list_called_without_saying_whose_shows_what_the_session_may_see(
        demo_store: Store, accounts: dict[str, Actor]) -> None:
    """A forgotten argument must not show an officer other officers' records: the default scope is the session's,
    and with nobody logged in on a register that has accounts the lists are refused."""
    import pytest

    from desktop.errors import WardbookError
    from desktop.store.queries import household_detail, list_visits

    officer = accounts["canbo"]
    attach(demo_store, officer)
    mine = add_case(demo_store, kind="tip", title="Tin báo của tôi", received_on="01/06/2026")
    own_activity = add_activity(demo_store, kind="meeting", held_on="01/06/2026", topic="Họp tổ")
    assert [row["id"] for row in list_cases(demo_store)] == [mine]
    assert [row["id"] for row in list_activities(demo_store)] == [own_activity]
    assert list_visits(demo_store) == []  # the demo ward's visits are other officers'
    household = str(demo_store.conn.execute("SELECT household_id FROM visits LIMIT 1").fetchone()[0])
    assert household_detail(demo_store, household)["visits"] == []
    attach(demo_store, accounts["totruong"])
    assert len(list_visits(demo_store)) > 100 and len(household_detail(demo_store, household)["visits"]) >= 1
    detach(demo_store)
    for listing in (list_cases, list_activities, list_visits):
        with pytest.raises(WardbookError, match=r"Login required|Cần đăng nhập"):
            listing(demo_store)


def test_an_officer_opening_a_household_sees_only_own_cases_and_how_many_are_left_out(
    demo_store: Store, accounts: dict[str, Actor], tmp_path: Path
) -> None:
    """Every officer opens every household of the register; another officer's case on it (a citizen's tip names
    people) is counted, not shown: not on the household page, not in the case view, not on the printed sheet."""
    officer, lead = accounts["canbo"], accounts["totruong"]
    household_id, code = demo_store.conn.execute(
        "SELECT id, code FROM households WHERE deleted_hlc IS NULL ORDER BY code LIMIT 1").fetchone()
    attach(demo_store, lead)
    theirs = add_case(demo_store, kind="tip", title="Tin báo: người lạ tụ tập", received_on="01/06/2026",
                      household_id=household_id, source="Người báo tin giấu tên")
    assert theirs in {case["id"] for case in household_detail(demo_store, household_id)["cases"]}
    attach(demo_store, officer)
    mine = add_case(demo_store, kind="dispute", title="Tranh chấp lối đi", received_on="02/06/2026",
                    household_id=household_id)
    detail = household_detail(demo_store, household_id)
    shown = {case["id"] for case in detail["cases"]}
    assert mine in shown and theirs not in shown
    others = demo_store.conn.execute("SELECT count(*) FROM cases WHERE household_id = ? AND deleted_hlc IS NULL "
                                     "AND assignee_id IS NOT ?", (household_id, officer.user_id)).fetchone()[0]
    assert detail["hidden_cases"] == others >= 1
    assert len(shown) + others == demo_store.conn.execute(
        "SELECT count(*) FROM cases WHERE household_id = ? AND deleted_hlc IS NULL", (household_id,)).fetchone()[0]
    with pytest.raises(WardbookError) as refused:  # refused in words: the view shows nothing of it
        case_detail(demo_store, theirs)
    assert refused.value.msg_id == "security.denied"
    assert case_detail(demo_store, mine)["title"] == "Tranh chấp lối đi"
    sheet = tmp_path / "sheet.pdf"
    build_household_sheet(demo_store, code, sheet)
    printed = read_pdf(sheet).text
    assert "Tranh chấp lối đi" in printed and "tụ tập" not in printed
    detach(demo_store)
