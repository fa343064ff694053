"""The rules of a case's timeline, a visit's follow-up and a visit's correction that a busy officer's day broke:
what an officer is told about a colleague's record, dates out of order, what a reopened case keeps."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.errors import WardbookError
from desktop.register.cases import add_case, update_case
from desktop.register.reintegration import add_reintegration
from desktop.register.visits import add_visit, complete_follow_up, correct_visit, open_visit
from desktop.security import users
from desktop.security.permissions import Actor
from desktop.security.session import attach, detach
from desktop.store import Store
from desktop.store.queries import case_detail, list_visits
from tests.security.conftest import add_accounts


@pytest.fixture
def accounts(demo_store: Store) -> dict[str, Actor]:
    """The demo ward's admin, team lead and officer `canbo`, and a second officer `canbo1`."""
    actors = add_accounts(demo_store)
    attach(demo_store, actors["quantri"])
    actors["canbo1"] = Actor(users.add_user(demo_store, "canbo1", "", "officer", "officer1-password"), "canbo1",
                             "officer")
    detach(demo_store)
    return actors


def _a_person(store: Store) -> tuple[str, str]:
    row = store.conn.execute("SELECT id, full_name FROM people WHERE deleted_hlc IS NULL ORDER BY id LIMIT 1")
    person_id, name = row.fetchone()
    return str(person_id), str(name)


def test_an_officer_is_not_told_of_a_colleagues_reintegration_record(demo_store, accounts) -> None:  # type: ignore[no-untyped-def]
    person, name = _a_person(demo_store)
    attach(demo_store, accounts["canbo"])
    add_reintegration(demo_store, person_id=person, started_on="01/03/2026")
    attach(demo_store, accounts["canbo1"])
    with pytest.raises(WardbookError) as refused:
        add_reintegration(demo_store, person_id=person, started_on="01/06/2026")
    assert refused.value.msg_id == "register.record_kept_by_other"
    for lang in ("vi", "en"):
        told = refused.value.message(lang)
        assert name in told and "01/03/2026" not in told
        assert "tái hòa nhập" not in told and "reintegration" not in told
    # the team lead, who may see it, is told which record to end
    attach(demo_store, accounts["totruong"])
    with pytest.raises(WardbookError) as lead:
        add_reintegration(demo_store, person_id=person, started_on="01/06/2026")
    assert lead.value.msg_id == "register.reintegration_open" and "01/03/2026" in lead.value.message()
    detach(demo_store)


def test_a_case_event_dated_before_its_latest_event_is_refused_naming_that_date(demo_store) -> None:  # type: ignore[no-untyped-def]
    case = add_case(demo_store, kind="complaint", title="Khiếu nại X", received_on="01/06/2026")
    update_case(demo_store, case, on="20/06/2026", new_status="closed", resolution="Xong")
    with pytest.raises(WardbookError) as refused:
        update_case(demo_store, case, on="15/06/2026", new_status="open", note="Mở lại")
    assert refused.value.msg_id == "register.event_before_latest" and refused.value.params["field"] == "on"
    assert "20/06/2026" in refused.value.message() and "20/06/2026" in refused.value.message("en")
    assert case_detail(demo_store, case)["status"] == "closed"
    update_case(demo_store, case, on="20/06/2026", note="Cùng ngày: vẫn được ghi")  # the same day is fine


def test_reopening_a_case_clears_its_resolution_and_keeps_the_closing_in_its_timeline(demo_store) -> None:  # type: ignore[no-untyped-def]
    case = add_case(demo_store, kind="complaint", title="Khiếu nại tiếng ồn", received_on="01/06/2026")
    update_case(demo_store, case, on="10/06/2026", new_status="resolved", resolution="Đã nhắc nhở")
    update_case(demo_store, case, on="20/06/2026", new_status="open", note="Tái diễn")
    reopened = case_detail(demo_store, case)
    assert (reopened["status"], reopened["resolved_on"], reopened["resolution"]) == ("open", None, None)
    assert [event["new_status"] for event in reopened["events"]] == ["open", "resolved", "open"]
    update_case(demo_store, case, on="25/06/2026", new_status="closed", resolution="Hai bên cam kết")
    closed = case_detail(demo_store, case)
    assert (closed["resolved_on"], closed["resolution"]) == ("2026-06-25", "Hai bên cam kết")


def _a_household(store: Store) -> tuple[str, str]:
    row = store.conn.execute("SELECT id, code FROM households WHERE deleted_hlc IS NULL ORDER BY code LIMIT 1")
    household_id, code = row.fetchone()
    return str(household_id), str(code)


def test_a_new_follow_up_date_after_the_day_it_was_done_opens_the_follow_up_again(demo_store) -> None:  # type: ignore[no-untyped-def]
    household, _code = _a_household(demo_store)
    visit = add_visit(demo_store, household_id=household, visited_on="10/06/2026", purposes=["welfare_check"],
                      outcome="met", follow_up_due="20/06/2026")
    complete_follow_up(demo_store, visit, "20/06/2026")
    correct_visit(demo_store, visit, {"findings": "Đã quay lại"})  # another field: still done
    assert open_visit(demo_store, visit)["follow_up_done_at"] == "2026-06-20"
    correct_visit(demo_store, visit, {"follow_up_due": "30/06/2026"})
    assert open_visit(demo_store, visit)["follow_up_done_at"] is None
    due = {row["id"] for row in list_visits(demo_store, due_on=date(2026, 6, 30), officer_id=None)}
    assert visit in due


def test_a_visit_cannot_be_moved_after_the_day_its_follow_up_was_done(demo_store) -> None:  # type: ignore[no-untyped-def]
    household, _code = _a_household(demo_store)
    visit = add_visit(demo_store, household_id=household, visited_on="10/06/2026", purposes=["welfare_check"],
                      outcome="met", follow_up_due="25/06/2026")
    complete_follow_up(demo_store, visit, "12/06/2026")
    with pytest.raises(WardbookError) as refused:
        correct_visit(demo_store, visit, {"visited_on": "20/06/2026"})
    assert refused.value.msg_id == "register.visit_after_follow_up_done"
    assert "20/06/2026" in refused.value.message() and "12/06/2026" in refused.value.message()
    assert open_visit(demo_store, visit)["visited_at"] == "2026-06-10"


def test_a_visit_on_a_household_deleted_since_is_corrected_and_none_is_moved_to_one(demo_store) -> None:  # type: ignore[no-untyped-def]
    household, _code = _a_household(demo_store)
    gone, gone_code = demo_store.conn.execute(
        "SELECT id, code FROM households WHERE deleted_hlc IS NULL AND id != ? ORDER BY code LIMIT 1",
        (household,)).fetchone()
    visit = add_visit(demo_store, household_id=gone, visited_on="20/06/2026", purposes=["welfare_check"],
                      outcome="met", findings="abc")
    other = add_visit(demo_store, household_id=household, visited_on="20/06/2026", purposes=["welfare_check"],
                      outcome="met")
    demo_store.writer.delete("households", gone)  # as a sync's tombstone would
    correct_visit(demo_store, visit, {"findings": "abc def"})
    assert open_visit(demo_store, visit)["findings"] == "abc def"
    with pytest.raises(WardbookError) as refused:
        correct_visit(demo_store, other, {"household_id": gone})
    assert refused.value.msg_id == "register.record_deleted" and refused.value.params["field"] == "household"
    assert gone_code in refused.value.message() and gone not in refused.value.message()
    assert open_visit(demo_store, other)["household_id"] == household
