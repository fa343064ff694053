"""The small core functions the app needed: cases with their timeline, activities, member edits, duplicates.

They live in desktop/register/ (Qt-free); tested here with the app that brought them.
"""

from __future__ import annotations

import pytest

from desktop.errors import WardbookError
from desktop.register.activities import add_activity
from desktop.register.cases import add_case, update_case
from desktop.register.duplicates import find_duplicate_people
from desktop.register.households import add_household, add_person
from desktop.register.members import update_person
from desktop.store.queries import case_detail, household_detail, list_activities, list_cases


def _count(store, table: str) -> int:  # type: ignore[no-untyped-def]
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_case_status_changes_only_with_an_event(store) -> None:  # type: ignore[no-untyped-def]
    case_id = add_case(
        store, kind="dispute", title="Tranh chấp lối đi", received_on="02/05/2026", due_on="01/06/2026"
    )
    update_case(store, case_id, on="05/05/2026", note="Đã gặp hai bên", new_status="in_progress")
    update_case(store, case_id, on="20/05/2026", new_status="resolved", resolution="Hòa giải thành")
    detail = case_detail(store, case_id)
    assert [(e["at"], e["new_status"]) for e in detail["events"]] == [
        ("2026-05-02", "open"),
        ("2026-05-05", "in_progress"),
        ("2026-05-20", "resolved"),
    ]
    assert (detail["status"], detail["resolved_on"], detail["resolution"]) == (
        "resolved",
        "2026-05-20",
        "Hòa giải thành",
    )
    assert list_cases(store, statuses=("resolved",))[0]["id"] == case_id


def test_a_resolution_is_kept_with_the_case_it_settles_never_dropped(store) -> None:  # type: ignore[no-untyped-def]
    """Seen: a resolution typed while the status stayed as it was closed the form as saved, and was thrown away."""
    case_id = add_case(store, kind="dispute", title="Tranh chấp lối đi", received_on="02/05/2026")
    events = _count(store, "case_events")
    with pytest.raises(WardbookError) as refused:
        update_case(store, case_id, on="05/05/2026", note="Đã gặp hai bên", resolution="Đã hoà giải xong")
    assert refused.value.params["field"] == "resolution" and "Đã giải quyết" in refused.value.message("vi")
    assert _count(store, "case_events") == events and case_detail(store, case_id)["resolution"] is None
    update_case(store, case_id, on="20/05/2026", new_status="resolved", resolution="Hòa giải thành")
    update_case(store, case_id, on="21/05/2026", resolution="Hòa giải thành, hai bên ký biên bản")  # corrected
    detail = case_detail(store, case_id)
    assert (detail["status"], detail["resolved_on"], detail["resolution"]) == (
        "resolved", "2026-05-20", "Hòa giải thành, hai bên ký biên bản")
    with pytest.raises(WardbookError):
        update_case(store, case_id, on="22/05/2026", new_status="in_progress", resolution="Mở lại")


def test_a_case_event_cannot_be_dated_before_the_case_was_received(store) -> None:  # type: ignore[no-untyped-def]
    """Seen: an event of 1950 on a case received in 2026, and a case resolved before it was received."""
    case_id = add_case(store, kind="dispute", title="Tranh chấp lối đi", received_on="01/06/2026")
    for on, status in (("01/01/1950", None), ("15/05/2026", "resolved")):
        with pytest.raises(WardbookError) as refused:
            update_case(store, case_id, on=on, note="Ghi chú", new_status=status)
        assert refused.value.msg_id == "register.event_before_received" and refused.value.params["field"] == "on"
        assert "01/06/2026" in refused.value.message("vi")
    detail = case_detail(store, case_id)
    assert (detail["status"], detail["resolved_on"], len(detail["events"])) == ("open", None, 1)
    update_case(store, case_id, on="01/06/2026", note="Cùng ngày tiếp nhận")  # the day itself is fine


def test_the_head_moves_out_only_once_another_member_is_head(store) -> None:  # type: ignore[no-untyped-def]
    """Seen: the head moved out and the household page went on showing them as its head."""
    from desktop.register.households import move_out_person, set_head

    household = add_household(store, area_id=None, house_no="12", street="Lê Lợi", head_name="Trần Văn Cả")
    head = household_detail(store, household)["head_id"]
    child = add_person(store, household, full_name="Trần Thị Út", relation="child")
    with pytest.raises(WardbookError) as refused:
        move_out_person(store, str(head), "01/06/2026")
    assert refused.value.msg_id == "register.head_moving_out" and "Trần Văn Cả" in refused.value.message("vi")
    set_head(store, household, child)
    move_out_person(store, str(head), "01/06/2026")
    detail = household_detail(store, household)
    assert detail["head_id"] == child
    assert [p["full_name"] for p in detail["people"] if not p["moved_out_on"]] == ["Trần Thị Út"]
    move_out_person(store, child, "02/06/2026")  # the last one living there: nobody else to be head


def test_bad_case_input_writes_nothing(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WardbookError) as error:
        add_case(store, kind="dispute", title="X", received_on="10/05/2026", due_on="01/05/2026")
    assert error.value.msg_id == "register.due_before_received"
    case_id = add_case(store, kind="tip", title="Tin báo", received_on="10/05/2026")
    events = _count(store, "case_events")
    with pytest.raises(WardbookError):
        update_case(store, case_id, on="11/05/2026")  # neither note nor status change
    with pytest.raises(WardbookError):
        update_case(store, case_id, on="11/05/2026", new_status="lost")
    assert _count(store, "case_events") == events and case_detail(store, case_id)["status"] == "open"


def test_activity_checks_date_and_attendance(store) -> None:  # type: ignore[no-untyped-def]
    add_activity(
        store, kind="forum", held_on="15/06/2026", topic="Đối thoại với người dân", attendance="1.250"
    )
    assert list_activities(store)[0]["attendance"] == 1250
    for bad in ({"attendance": "nhiều"}, {"attendance": "-3"}, {"held_on": "01/01/2999"}):
        with pytest.raises(WardbookError):
            add_activity(store, **{"kind": "meeting", "held_on": "15/06/2026", "topic": "Họp", **bad})
    assert _count(store, "activities") == 1


def test_duplicates_match_folded_name_year_and_address(store) -> None:  # type: ignore[no-untyped-def]
    household = add_household(
        store,
        area_id=None,
        house_no="45/2",
        street="Đường Trần Hưng Đạo",
        head_name="Đặng Thị Hồng",
        head_birth_year=1968,
    )
    add_person(store, household, "Nguyễn Văn Đức", birth_year=1990)
    found = find_duplicate_people(store, "dang thi hong", 1968, house_no="45/2", street="duong tran hung dao")
    assert [d.household_id for d in found] == [household]
    assert (
        find_duplicate_people(store, "Đặng Thị Hồng", 1969, house_no="45/2", street="Đường Trần Hưng Đạo")
        == []
    )
    assert (
        find_duplicate_people(store, "Đặng Thị Hồng", 1968, house_no="47", street="Đường Trần Hưng Đạo") == []
    )
    assert len(find_duplicate_people(store, "NGUYEN VAN DUC", None, household_id=household)) == 1
    for spaced in ("45 / 2", "45/ 2", " 45 /2 "):  # officers space the parts of a house number as they please
        found = find_duplicate_people(store, "dang thi hong", 1968, house_no=spaced, street="duong tran hung dao")
        assert [d.household_id for d in found] == [household], spaced


def test_update_person_uses_the_same_checks(store) -> None:  # type: ignore[no-untyped-def]
    household = add_household(store, area_id=None, house_no="3", street="Hẻm 5", head_name="Lý Văn Tâm")
    head = household_detail(store, household)["head_id"]
    changed = update_person(
        store, str(head), full_name="Lý Văn Tâm", birth_year="1975", phone="0903 123 456", relation="chủ hộ"
    )
    assert changed == {"birth_year": 1975, "phone": "0903123456"}
    with pytest.raises(WardbookError):
        update_person(store, str(head), full_name="Lý Văn Tâm", birth_year="1875")
    assert household_detail(store, household)["people"][0]["birth_year"] == 1975


def test_a_name_typed_without_an_extension_gets_the_chosen_types() -> None:
    """Qt's own save dialog keeps "ket-qua" as typed; the core then refused it for not saying its kind."""
    from ui.widgets import with_chosen_suffix

    assert with_chosen_suffix("/tmp/ket-qua", "Excel (*.xlsx)") == "/tmp/ket-qua.xlsx"
    assert with_chosen_suffix("/tmp/bao-cao.pdf", "Word (*.docx)") == "/tmp/bao-cao.pdf"  # the name says its kind
    assert with_chosen_suffix("", "PDF (*.pdf)") == ""  # the dialog was cancelled
    assert with_chosen_suffix("/tmp/so.lieu/ket-qua", "CSV (*.csv)") == "/tmp/so.lieu/ket-qua.csv"
    # a dot in the name is no extension: "so ket 30.06" is refused by the core unless it gets one
    assert with_chosen_suffix("/tmp/Bao cao so ket 30.06", "PDF (*.pdf)") == "/tmp/Bao cao so ket 30.06.pdf"


def test_attendance_is_read_as_typed_the_vietnamese_way(store) -> None:  # type: ignore[no-untyped-def]
    from desktop.store.queries import fetch_dicts

    for typed, stored in (("1.000", 1000), ("1,000", 1000), (" 30 ", 30)):
        activity = add_activity(store, kind="awareness_session", held_on="01/06/2026", topic="Phòng chống lừa đảo",
                                attendance=typed)
        assert fetch_dicts(store, "SELECT attendance FROM activities WHERE id = ?", (activity,))[0]["attendance"] \
            == stored
    for typed in ("1_000", "٣٠", "1,5", "-3"):
        with pytest.raises(WardbookError):
            add_activity(store, kind="awareness_session", held_on="01/06/2026", topic="X", attendance=typed)
