"""A record deleted between a list being read and a row of it being opened or saved (a sync, another window) is
refused in words that name it as the officer knows it, never by its id (`desktop.register.gone`)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from desktop import i18n
from desktop.errors import WardbookError
from desktop.register.cases import add_case, update_case
from desktop.register.households import move_out_person, set_head, update_household
from desktop.register.members import update_person
from desktop.register.visits import add_visit, correct_visit
from desktop.store import Store
from desktop.store.queries import case_detail

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")


class Ward:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.household = store.writer.insert("households", {"code": "KP1-007", "house_no": "12",
                                                            "street": "Nguyễn Trãi", "status": "active"})
        self.person = store.writer.insert("people", {"household_id": self.household, "full_name": "Lê Thị Hoa"})
        self.case = add_case(store, kind="dispute", title="Tranh chấp lối đi", received_on="2026-05-04",
                             household_id=self.household)
        self.visit = add_visit(store, household_id=self.household, visited_on="2026-05-06", purposes=["welfare_check"],
                               outcome="met")


def _refusal(action: Callable[[], object]) -> WardbookError:
    with pytest.raises(WardbookError) as caught:
        action()
    for lang in i18n.LANGUAGES:
        text = caught.value.message(lang)
        assert not UUID.search(text), text
    return caught.value


@pytest.mark.parametrize(("table", "named", "action"), [
    ("households", "KP1-007, 12 Nguyễn Trãi",
     lambda ward: update_household(ward.store, ward.household, area_id=None, house_no="14", street="Lê Lợi",
                                   phone=None)),
    ("people", "Lê Thị Hoa", lambda ward: update_person(ward.store, ward.person, full_name="Lê Thị Hòa")),
    ("people", "Lê Thị Hoa", lambda ward: move_out_person(ward.store, ward.person, "2026-06-01")),
    ("people", "Lê Thị Hoa", lambda ward: set_head(ward.store, ward.household, ward.person)),
    ("cases", "Tranh chấp lối đi", lambda ward: update_case(ward.store, ward.case, on="2026-05-10", note="Gặp")),
    ("cases", "Tranh chấp lối đi", lambda ward: case_detail(ward.store, ward.case)),
    ("visits", "06/05/2026", lambda ward: correct_visit(ward.store, ward.visit, {"findings": "Đã gặp"})),
])
def test_a_record_deleted_meanwhile_is_refused_by_its_name(store: Store, table: str, named: str,
                                                            action: Callable[[Ward], object]) -> None:
    ward = Ward(store)
    store.writer.delete(table, getattr(ward, {"households": "household", "people": "person", "cases": "case",
                                              "visits": "visit"}[table]))
    error = _refusal(lambda: action(ward))
    assert error.msg_id == "register.record_deleted"
    assert named in error.message("vi") and "đã bị xóa khỏi sổ" in error.message("vi")
    assert named in error.message("en") and "has been deleted" in error.message("en")
    assert error.message("en").startswith({"households": "Household", "people": "Person", "cases": "Case",
                                           "visits": "Visit"}[table])


def test_a_purged_record_is_refused_without_a_name(store: Store) -> None:
    """A purge blanks what named the record: the sentence says what kind of record it was."""
    ward = Ward(store)
    store.writer.update("people", ward.person, {"full_name": None, "household_id": None})
    store.writer.delete("people", ward.person)
    error = _refusal(lambda: update_person(store, ward.person, full_name="Lê Thị Hòa"))
    assert error.msg_id == "register.record_deleted_unnamed"
    assert error.message("en").startswith("This record (Person) has been deleted")


def test_a_case_never_here_is_still_told_by_what_was_asked(store: Store) -> None:
    """The command line's prefixes and codes: a record that never was here keeps its lookup's own message."""
    with pytest.raises(WardbookError) as caught:
        case_detail(store, "no-such-case")
    assert caught.value.msg_id == "register.unknown_case" and "no-such-case" in caught.value.message("en")


def test_a_record_named_by_pages_of_text_is_named_in_one_line(store: Store) -> None:
    ward = Ward(store)
    store.writer.update("cases", ward.case, {"title": "Tranh chấp " * 2000})
    store.writer.delete("cases", ward.case)
    error = _refusal(lambda: case_detail(store, ward.case))
    assert error.msg_id == "register.record_deleted" and len(error.message("vi")) < 300


def test_a_new_case_on_a_household_deleted_meanwhile_points_at_the_household(store: Store) -> None:
    """The case form's household field is the one the sentence is about (the form marks it)."""
    ward = Ward(store)
    store.writer.delete("households", ward.household)
    error = _refusal(lambda: add_case(store, kind="tip", title="Tin báo", received_on="2026-05-04",
                                      household_id=ward.household))
    assert error.msg_id == "register.record_deleted" and error.params["field"] == "household"
    assert "KP1-007" in error.message("vi")
