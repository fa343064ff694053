"""Importing a ward's list again: the rows find the register's people and households they are, never another,
and what officers entered in the app since is not undone by the older list.

Lists are written here as CSV files; assertions read the SQLite rows. All names are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.io.importer import import_file
from desktop.io.plan import ImportPlan
from desktop.register.households import add_area
from desktop.store import Store
from tests.test_import_export import write_csv

PEOPLE_HEADER = ["STT", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Giới tính", "SĐT", "Số nhà", "Đường",
                 "Khu phố"]
HEAD = ["1", "Nguyễn Văn Hùng", "Chủ hộ", "1960", "Nam", "", "12", "Lê Lợi", "KP1"]
TAM = ["2", "Nguyễn Minh Tâm", "Con", "1990", "Nam", "0903111222", "12", "Lê Lợi", "KP1"]
TAM8 = ["3", "Nguyễn Minh Tám", "Con", "1995", "Nữ", "0988777666", "12", "Lê Lợi", "KP1"]


@pytest.fixture
def ward(store: Store) -> Store:
    add_area(store, "Khu phố 1")
    return store


def _people(store: Store) -> list[tuple[object, ...]]:
    return sorted(store.conn.execute(
        "SELECT p.full_name, p.birth_year, p.gender, p.phone, p.moved_out_on FROM people p "
        "WHERE p.deleted_hlc IS NULL"))


def _told(plan: ImportPlan) -> list[str]:
    return [problem.message("vi") for problem in plan.problems]


def test_namesakes_differing_by_accents_keep_their_own_data_in_any_order(ward: Store, tmp_path: Path) -> None:
    """Tâm and Tám are two children: the same list with their rows swapped changes nothing."""
    import_file(ward, write_csv(tmp_path / "a.csv", [PEOPLE_HEADER, HEAD, TAM, TAM8]))
    before = _people(ward)
    plan, result = import_file(ward, write_csv(tmp_path / "b.csv", [PEOPLE_HEADER, HEAD, TAM8, TAM]))
    assert result is not None and (result.updated_people, result.skipped_people) == (0, 3), _told(plan)
    assert _people(ward) == before


def test_a_list_without_accents_pairs_namesakes_by_birth_year_and_gender(ward: Store, tmp_path: Path) -> None:
    """Typed without accents, "Nguyen Minh Tam" is either child: the birth year and gender tell which, and the
    phone each row gives goes to that child."""
    import_file(ward, write_csv(tmp_path / "a.csv", [PEOPLE_HEADER, HEAD, TAM, TAM8]))
    plain = [["3", "Nguyen Minh Tam", "Con", "1995", "Nu", "0911000111", "12", "Lê Lợi", "KP1"],
             ["2", "Nguyen Minh Tam", "Con", "1990", "Nam", "0903111222", "12", "Lê Lợi", "KP1"]]
    plan, result = import_file(ward, write_csv(tmp_path / "b.csv", [PEOPLE_HEADER, HEAD, *plain]))
    assert result is not None and (result.added_people, result.updated_people) == (0, 1), _told(plan)
    assert _people(ward) == [("Nguyễn Minh Tám", 1995, "female", "0911000111", None),
                             ("Nguyễn Minh Tâm", 1990, "male", "0903111222", None),
                             ("Nguyễn Văn Hùng", 1960, "male", None, None)]


def test_namesakes_nothing_tells_apart_are_told_and_left_as_they_are(ward: Store, tmp_path: Path) -> None:
    """Without birth year or gender, two "Nguyen Minh Tam" rows could be either child: neither is paired by its
    place in the list; the check says so for each row, and nobody is changed, added or listed as absent."""
    import_file(ward, write_csv(tmp_path / "a.csv", [PEOPLE_HEADER, HEAD, TAM, TAM8]))
    before = _people(ward)
    header = ["Họ và tên", "Quan hệ với chủ hộ", "SĐT", "Số nhà", "Đường", "Khu phố"]
    rows = [["Nguyễn Văn Hùng", "Chủ hộ", "", "12", "Lê Lợi", "KP1"],
            ["Nguyen Minh Tam", "Con", "0911000111", "12", "Lê Lợi", "KP1"],
            ["Nguyen Minh Tam", "Con", "0922000222", "12", "Lê Lợi", "KP1"]]
    plan, result = import_file(ward, write_csv(tmp_path / "b.csv", [header, *rows]), mark_moved_out=True)
    told = [m for m in _told(plan) if "Không xác định được Nguyen Minh Tam" in m]
    assert [p.row for p in plan.problems if p.msg_id == "io.ambiguous_person"] == [3, 4], told
    assert "2 người cùng tên" in told[0]
    assert result is not None and (result.added_people, result.updated_people, result.moved_out_people) == (0, 0, 0)
    assert _people(ward) == before
