"""Business rules of the register: what officers type is checked before anything is written."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.activities import add_activity
from desktop.register.cases import add_case
from desktop.register.households import (
    add_area,
    add_household,
    add_person,
    find_area,
    move_out_person,
    set_flags,
    set_head,
    update_household,
)
from desktop.register.validation import check_birth_year, normalise_phone, parse_date
from desktop.register.visits import SupportItem, add_visit, complete_follow_up, void_visit
from desktop.store import Store
from desktop.store.queries import HouseholdFilter, household_detail, list_household_ids, ward_stats


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("05/01/2026", "2026-01-05"), ("5/1/2026", "2026-01-05"), ("05-01-2026", "2026-01-05"),
     ("2026-01-05", "2026-01-05"), ("29/02/2024", "2024-02-29"), ("", None)],
)
def test_dates_are_read_the_vietnamese_way(typed: str, iso: str | None) -> None:
    assert parse_date(typed) == iso


@pytest.mark.parametrize("typed", ["29/02/2025", "13/13/2026", "2026/01/05", "hôm qua"])
def test_impossible_dates_are_refused(typed: str) -> None:
    with pytest.raises(WardbookError) as caught:
        parse_date(typed)
    assert caught.value.msg_id == "register.bad_date"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("0903 123 456", "0903123456"), ("0903.123.456", "0903123456"), ("+84 903 123 456", "0903123456"),
     ("84903123456", "0903123456"), ("(028) 3812 3456", "02838123456"), ("+84 28 3812 3456", "02838123456"),
     ("", None)],
)
def test_phone_numbers_are_normalised(typed: str, stored: str | None) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12345", "09031234567", "abc", "1903123456"])
def test_malformed_phone_numbers_are_refused(typed: str) -> None:
    with pytest.raises(WardbookError):
        normalise_phone(typed)


def test_birth_year_range() -> None:
    assert check_birth_year("1950") == 1950
    for bad in ("1899", str(clock.today().year + 1), "năm"):
        with pytest.raises(WardbookError):
            check_birth_year(bad)


def test_household_with_members_head_and_flags(store: Store) -> None:
    area = add_area(store, "Khu phố 3")
    assert find_area(store, "khu pho 3") == area
    household = add_household(store, area_id=area, house_no="45", street="Nguyễn Trãi", head_name="Lê Văn Tám",
                              head_birth_year=1950, flags=["poor"])
    daughter = add_person(store, household, "Lê Thị Mai", birth_year=1980, relation="con")
    set_head(store, household, daughter)
    set_flags(store, household, ["elderly_alone", "disability"])
    detail = household_detail(store, household)
    assert detail["head"] == "Lê Thị Mai"
    assert detail["flags"] == ["elderly_alone", "disability"]
    assert [p["full_name"] for p in detail["people"]] == ["Lê Thị Mai", "Lê Văn Tám"]  # type: ignore[attr-defined]
    assert list_household_ids(store, HouseholdFilter(area_id=area, flags=("disability",))) == [household]


def test_a_household_address_and_phone_are_corrected_and_searched_anew(store: Store) -> None:
    from desktop.search.index import search_household_ids

    old_area, new_area = add_area(store, "Khu phố 1"), add_area(store, "Khu phố 4")
    household = add_household(store, area_id=old_area, house_no="7", street="Đường Số 3", head_name="Võ Văn Bảy")
    changed = update_household(store, household, area_id="khu pho 4", house_no="7A", street="Hẻm 12 Lê Văn Sỹ",
                               phone="0903 222 333")
    assert set(changed) == {"area_id", "house_no", "street", "phone"}
    detail = household_detail(store, household)
    assert (detail["area_id"], detail["house_no"], detail["street"], detail["phone"]) == (
        new_area, "7A", "Hẻm 12 Lê Văn Sỹ", "0903222333")
    assert search_household_ids(store.conn, "le van sy") == [household]
    assert search_household_ids(store.conn, "duong so 3") == []
    assert update_household(store, household, area_id=new_area, house_no="7A", street="Hẻm 12 Lê Văn Sỹ",
                            phone="0903222333") == {}  # the same values again: nothing written


@pytest.mark.parametrize(("fields", "msg_id"), [
    ({"phone": "12345"}, "register.bad_phone"),
    ({"street": "  "}, "register.required"),
    ({"area_id": "Khu phố 99"}, "register.unknown_area"),
])
def test_a_bad_household_correction_is_refused_and_changes_nothing(
        store: Store, fields: dict[str, str], msg_id: str) -> None:
    household = add_household(store, area_id=None, house_no="7", street="Đường Số 3", head_name="Võ Văn Bảy")
    before = household_detail(store, household)
    values: dict[str, str | None] = {"area_id": None, "house_no": "8", "street": "Đường Số 5", "phone": None}
    with pytest.raises(WardbookError) as refused:
        update_household(store, household, **{**values, **fields})  # type: ignore[arg-type]
    assert refused.value.msg_id == msg_id
    assert household_detail(store, household) == before


def test_set_head_refuses_someone_from_another_household(store: Store) -> None:
    first = add_household(store, area_id=None, house_no="1", street="A", head_name="Một")
    second = add_household(store, area_id=None, house_no="2", street="A", head_name="Hai")
    stranger = add_person(store, second, "Người Lạ")
    with pytest.raises(WardbookError):
        set_head(store, first, stranger)


def test_visit_with_support_follow_up_and_void(store: Store) -> None:
    household = add_household(store, area_id=None, house_no="9", street="Hai Bà Trưng", head_name="Phạm Thị Lan")
    visited = clock.today() - timedelta(days=30)
    visit = add_visit(store, household_id=household, visited_on=visited, purposes=["food_support"], outcome="met",
                      follow_up_due=visited + timedelta(days=7),
                      support=[SupportItem("food", 10, "kg", 200_000), SupportItem("medical", 1, "túi", 150_000)])
    assert list_household_ids(store, HouseholdFilter(has_overdue_follow_up=True)) == [household]
    assert ward_stats(store)["follow_ups_overdue"] == 1
    detail = household_detail(store, household)
    assert detail["visits"][0]["support_vnd"] == 350_000  # type: ignore[index]
    complete_follow_up(store, visit, clock.today())
    assert list_household_ids(store, HouseholdFilter(has_overdue_follow_up=True)) == []
    void_visit(store, visit, "Nhập nhầm hộ")
    assert ward_stats(store)["visits"] == 0
    assert list_household_ids(store, HouseholdFilter(not_visited_days=365)) == [household]
    # a visit of no household (a passer-by met on the street) leaves every household's "not visited" as it was
    add_visit(store, household_id=None, visited_on=clock.today(), purposes=["scam_awareness"], outcome="met")
    assert list_household_ids(store, HouseholdFilter(not_visited_days=365)) == [household]
    assert list_household_ids(store, HouseholdFilter(text="hai ba trung", not_visited_days=365)) == [household]


def test_visit_rules(store: Store) -> None:
    household = add_household(store, area_id=None, house_no="9", street="A", head_name="B")
    today = clock.today()
    cases = [
        dict(visited_on=today + timedelta(days=1), purposes=["welfare_check"], outcome="met"),
        dict(visited_on=today, purposes=[], outcome="met"),
        dict(visited_on=today, purposes=["welfare_check"], outcome="sleeping"),
        dict(visited_on=today, purposes=["welfare_check"], outcome="met", follow_up_due=today),
        dict(visited_on=today, purposes=["welfare_check"], outcome="met", support=[SupportItem("gold")]),
        dict(visited_on=today, purposes=["welfare_check"], outcome="met", support=[SupportItem("food", -1)]),
    ]
    for kwargs in cases:
        with pytest.raises(WardbookError):
            add_visit(store, household_id=household, **kwargs)  # type: ignore[arg-type]
    assert store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == 0
    assert store.conn.execute("SELECT COUNT(*) FROM support_items").fetchone()[0] == 0


def _refusal(action) -> WardbookError:  # type: ignore[no-untyped-def]
    with pytest.raises(WardbookError) as refused:
        action()
    return refused.value


def test_a_member_moves_out_on_a_day_that_has_come_and_not_before_moving_in(store: Store) -> None:
    """A move-out typed 2062 for 2026 took the member off the household's page while every review counted them."""
    household = add_household(store, area_id=None, house_no="7", street="Lê Lợi", head_name="Nguyễn Văn An")
    son = add_person(store, household, "Nguyễn Văn Cường", moved_in_on="01/03/2020")
    ahead = clock.today() + timedelta(days=1)
    refused = _refusal(lambda: move_out_person(store, son, ahead.strftime("%d/%m/%Y")))
    assert refused.params["field"] == "moved_out_on"
    assert refused.message("vi") == f"Ngày chuyển đi ({ahead:%d/%m/%Y}) không được ở tương lai."
    assert refused.message("en") == f"Date moved out ({ahead:%d/%m/%Y}) cannot be in the future."
    refused = _refusal(lambda: move_out_person(store, son, "28/02/2020"))
    assert refused.params["field"] == "moved_out_on"
    assert refused.message("vi") == "Ngày chuyển đi (28/02/2020) không được trước ngày chuyển đến (01/03/2020)."
    assert refused.message("en") == "The date moved out (28/02/2020) cannot be before the date moved in (01/03/2020)."
    assert [p["moved_out_on"] for p in household_detail(store, household)["people"]] == [None, None]  # type: ignore[index]
    move_out_person(store, son, "01/03/2020")  # the day they came is a day they can leave
    assert store.conn.execute("SELECT moved_out_on FROM people WHERE id = ?", (son,)).fetchone() == ("2020-03-01",)
    refused = _refusal(lambda: add_person(store, household, "Trần Thị Bé", moved_in_on=ahead))
    assert refused.params["field"] == "moved_in_on"
    assert refused.message("vi") == f"Ngày chuyển đến ({ahead:%d/%m/%Y}) không được ở tương lai."


def test_a_follow_up_is_done_between_the_visit_and_today(store: Store) -> None:
    """Done "in 2027", it left every list of due follow-ups today while the reviews counted it open until then."""
    household = add_household(store, area_id=None, house_no="9", street="Hai Bà Trưng", head_name="Phạm Thị Lan")
    visited = clock.today() - timedelta(days=30)
    visit = add_visit(store, household_id=household, visited_on=visited, purposes=["welfare_check"], outcome="met",
                      follow_up_due=visited + timedelta(days=7))
    ahead, before = clock.today() + timedelta(days=1), visited - timedelta(days=1)
    refused = _refusal(lambda: complete_follow_up(store, visit, ahead))
    assert refused.params["field"] == "done_on"
    assert refused.message("vi") == f"Ngày hoàn thành ({ahead:%d/%m/%Y}) không được ở tương lai."
    refused = _refusal(lambda: complete_follow_up(store, visit, before.strftime("%d/%m/%Y")))
    assert refused.params["field"] == "done_on"
    assert refused.message("vi") == (f"Ngày hoàn thành ({before:%d/%m/%Y}) không được trước ngày thăm "
                                     f"({visited:%d/%m/%Y}).")
    assert refused.message("en") == (f"The date done ({before:%d/%m/%Y}) cannot be before the visit "
                                     f"({visited:%d/%m/%Y}).")
    assert store.conn.execute("SELECT follow_up_done_at FROM visits").fetchone() == (None,)
    complete_follow_up(store, visit, visited)  # done on the day of the visit itself
    assert store.conn.execute("SELECT follow_up_done_at FROM visits").fetchone() == (visited.isoformat(),)


def test_the_dates_in_the_registers_messages_are_written_dd_mm_yyyy(store: Store) -> None:
    household = add_household(store, area_id=None, house_no="9", street="A", head_name="B")
    ahead = clock.today() + timedelta(days=1)
    shown = f"{ahead:%d/%m/%Y}"
    visit = dict(household_id=household, purposes=["welfare_check"], outcome="met")
    messages = [
        _refusal(lambda: add_visit(store, visited_on=ahead, **visit)),  # type: ignore[arg-type]
        _refusal(lambda: add_visit(store, visited_on="10/11/2025", follow_up_due="05/11/2025", **visit)),  # type: ignore[arg-type]
        _refusal(lambda: add_activity(store, kind="meeting", held_on=ahead, topic="Họp tổ")),
        _refusal(lambda: add_case(store, kind="tip", title="Tin báo", received_on="10/11/2025",
                                  due_on="05/11/2025", household_id=household)),
    ]
    for lang in ("vi", "en"):
        texts = [refused.message(lang) for refused in messages]
        assert shown in texts[0] and shown in texts[2], texts
        assert "05/11/2025" in texts[1] and "10/11/2025" in texts[1], texts
        assert "05/11/2025" in texts[3] and "10/11/2025" in texts[3], texts
        assert not any("2025-11" in text or ahead.isoformat() in text for text in texts), texts


def test_household_list_is_in_walking_order(store: Store) -> None:
    for number in ("10", "9", "123/45A", "123/4", "10A", "2"):
        add_household(store, area_id=None, house_no=number, street="Lê Lợi", head_name=f"Hộ {number}")
    ids = list_household_ids(store)
    detail = [household_detail(store, i)["house_no"] for i in ids]
    assert detail == ["2", "9", "10", "10A", "123/4", "123/45A"]



@pytest.mark.parametrize("field", ["house_no", "street", "full_name", "code", "visited_on", "title", "note",
                                   "name", "reason", "text", "section", "purposes", "role"])
def test_a_missing_or_wrong_value_is_named_by_its_label_never_its_key(field: str) -> None:
    """The app and the CLI said "Thiếu thông tin bắt buộc: house_no." (and "… cho section", "… cho role")."""
    from desktop import i18n
    from desktop.register.validation import check_choice, required_error

    with pytest.raises(WardbookError) as wrong:
        check_choice("x", ("a", "b"), field)
    for lang in ("vi", "en"):
        label = i18n.tr(f"field.{field}", lang)
        assert label != f"field.{field}"  # a label exists in both languages
        for error in (required_error(field), wrong.value):
            text = error.message(lang)
            assert label in text and f" {field}" not in text.replace(label, ""), text


def test_invisible_characters_are_not_stored_and_a_name_of_only_them_is_missing(store: Store) -> None:
    """Zero-width spaces and direction controls (pasted, or typed on purpose) made names of nothing, a household
    code that looked exactly like another's and a name search could not find."""
    from desktop.search.index import search_household_ids

    with pytest.raises(WardbookError) as missing:
        add_household(store, area_id=None, house_no="8", street="Lê Lợi", head_name="\u200b\u200e\u202e")
    assert missing.value.msg_id == "register.required"
    household = add_household(store, area_id=None, house_no="9", street="Lê Lợi", code="HK-7\u200b",
                              head_name="Zero\u200bWidth")
    assert store.conn.execute("SELECT code FROM households WHERE id = ?", (household,)).fetchone() == ("HK-7",)
    assert search_household_ids(store.conn, "zerowidth") == [household]
