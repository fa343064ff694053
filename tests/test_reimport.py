"""Importing a ward's list again: the rows find the register's people and households they are, never another,
and what officers entered in the app since is not undone by the older list.

Lists are written here as CSV files; assertions read the SQLite rows. All names are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.io.importer import import_file
from desktop.io.plan import ImportPlan
from desktop.register.households import add_area, move_out_person, set_flags, update_household
from desktop.register.members import update_person
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


FLAG_HEADER = ["STT", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "SĐT", "Số nhà", "Đường", "Khu phố",
               "Hộ nghèo"]
AN = ["1", "Nguyễn Văn An", "Chủ hộ", "1960", "0903111222", "12", "Lê Lợi", "KP1", ""]
BINH = ["2", "Trần Thị Bình", "Vợ", "1962", "", "12", "Lê Lợi", "KP1", ""]


def _household(store: Store) -> tuple[object, ...]:
    return tuple(store.conn.execute(
        "SELECT h.flag_poor, h.street, p.phone FROM households h JOIN people p ON p.id = h.head_person_id"
    ).fetchone())


def test_importing_the_list_again_does_not_undo_what_the_officer_entered(ward: Store, tmp_path: Path) -> None:
    """The officer ticks "Hộ nghèo" and corrects the head's phone in the app; last month's list imported again
    keeps both (an empty flag cell is no "no"), tells each value kept with the file's, and the summary counts
    them in words."""
    path = write_csv(tmp_path / "ds.csv", [FLAG_HEADER, AN, BINH])
    import_file(ward, path)
    household, head = ward.conn.execute("SELECT id, head_person_id FROM households").fetchone()
    set_flags(ward, household, ["poor"])
    update_person(ward, head, full_name="Nguyễn Văn An", birth_year=1960, phone="0909999888", relation="Chủ hộ")
    plan, rehearsal = import_file(ward, path, dry_run=True)
    told = _told(plan)
    assert ("Dòng 2, cột SĐT: Nguyễn Văn An: giữ '0909999888' đã nhập trong ứng dụng, không thay bằng '0903111222' "
            "của tệp. Nếu tệp đúng, sửa trong sổ.") in told, told
    assert rehearsal is not None and "Giữ 1 giá trị đã nhập trong ứng dụng ở 1 hộ" in rehearsal.summary("vi")
    plan, result = import_file(ward, path)
    assert _household(ward) == (1, "Lê Lợi", "0909999888")
    assert result is not None and (result.updated_people, result.skipped_people) == (0, 2)
    assert result.summary("en").endswith("Of the households already there, 0 updated. Kept 1 values entered in "
                                         "the app in 1 households where the file differs (see each row in the "
                                         "check's list).")


def test_a_flag_entered_in_the_app_is_kept_over_a_no_in_the_list(ward: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ds.csv", [FLAG_HEADER, AN, BINH])
    import_file(ward, path)
    set_flags(ward, ward.conn.execute("SELECT id FROM households").fetchone()[0], ["poor"])
    plan, result = import_file(ward, write_csv(tmp_path / "no.csv", [FLAG_HEADER, [*AN[:8], "không"], BINH]))
    assert _household(ward)[0] == 1
    assert any("Hộ 12 Lê Lợi: giữ 'có' đã nhập trong ứng dụng, không thay bằng 'không' của tệp" in m
               for m in _told(plan)), _told(plan)
    assert result is not None and "Giữ 1 giá trị đã nhập trong ứng dụng ở 1 hộ" in result.summary("vi")


def test_a_later_list_still_corrects_what_an_earlier_list_gave(ward: Store, tmp_path: Path) -> None:
    """Values that came from a list are the list's to correct: the poor flag ticked and a new phone in June's
    list are written, and again in July's; the households updated are counted in the summary."""
    import_file(ward, write_csv(tmp_path / "may.csv", [FLAG_HEADER, AN, BINH]))
    june = [FLAG_HEADER, [*AN[:4], "0911000111", *AN[5:8], "x"], BINH]
    plan, result = import_file(ward, write_csv(tmp_path / "june.csv", june))
    assert _household(ward) == (1, "Lê Lợi", "0911000111"), _told(plan)
    assert result is not None and result.updated_people == 1
    assert "Trong các hộ đã có, 1 hộ được cập nhật." in result.summary("vi")
    july = [FLAG_HEADER, [*AN[:4], "0922000222", *AN[5:8], "không"], BINH]
    plan, result = import_file(ward, write_csv(tmp_path / "july.csv", july))
    assert _household(ward) == (0, "Lê Lợi", "0922000222"), _told(plan)
    assert not [p for p in plan.problems if p.msg_id.startswith("io.kept")]


def test_someone_marked_moved_out_in_the_app_stays_moved_out(ward: Store, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ds.csv", [FLAG_HEADER, AN, BINH])
    import_file(ward, path)
    binh = ward.conn.execute("SELECT id FROM people WHERE full_name = 'Trần Thị Bình'").fetchone()[0]
    move_out_person(ward, binh, "2026-03-01")
    plan, _ = import_file(ward, path)
    assert ward.conn.execute("SELECT moved_out_on FROM people WHERE id = ?", (binh,)).fetchone() == ("2026-03-01",)
    assert any("Trần Thị Bình (hộ 12 Lê Lợi) đã được đánh dấu chuyển đi trong ứng dụng" in m for m in _told(plan))


ADDRESS_HEADER = ["STT", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Số nhà", "Đường", "Khu phố"]
FAMILY = [["1", "Nguyễn Văn An", "Chủ hộ", "1960", "12", "Lê Văn Sĩ", "KP1"],
          ["2", "Trần Thị Bình", "Vợ", "1962", "12", "Lê Văn Sĩ", "KP1"]]


def test_a_street_corrected_in_the_app_does_not_make_the_list_a_second_household(ward: Store,
                                                                                 tmp_path: Path) -> None:
    """The officer corrects "Lê Văn Sĩ" to "Lê Văn Sỹ" in the app; the old list imported again is that household
    (same head, birth year, wife, house number, khu phố): it updates it, keeps the officer's spelling, and says so."""
    path = write_csv(tmp_path / "ds.csv", [ADDRESS_HEADER, *FAMILY])
    import_file(ward, path)
    household, area = ward.conn.execute("SELECT id, area_id FROM households").fetchone()
    update_household(ward, household, area_id=area, house_no="12", street="Lê Văn Sỹ")
    plan, result = import_file(ward, path)
    assert result is not None and (result.added_households, result.merged_households, result.added_people) == (
        0, 1, 0), _told(plan)
    assert ward.conn.execute("SELECT street FROM households").fetchall() == [("Lê Văn Sỹ",)]
    told = _told(plan)
    assert any(m.startswith("Dòng 2: Hộ 12 Lê Văn Sĩ trong tệp là hộ ") and "(Nguyễn Văn An, 12 Lê Văn Sỹ)" in m
               for m in told), told
    assert any("giữ 'Lê Văn Sỹ' đã nhập trong ứng dụng, không thay bằng 'Lê Văn Sĩ'" in m for m in told), told


def test_a_family_under_another_address_is_refused_not_added_twice(ward: Store, tmp_path: Path) -> None:
    """The same head and wife at another house and street: perhaps the family moved, perhaps a list typed
    wrong; the check names the register's household and nothing is imported until the clerk decides. The same
    head's name with other people is another family, imported."""
    import_file(ward, write_csv(tmp_path / "ds.csv", [ADDRESS_HEADER, *FAMILY]))
    moved = [[*row[:4], "45", "Hẻm 7 Nguyễn Trãi", "KP1"] for row in FAMILY]
    plan, result = import_file(ward, write_csv(tmp_path / "moved.csv", [ADDRESS_HEADER, *moved]), dry_run=True)
    assert result is None
    assert [p.message("vi") for p in plan.blocking] == [
        "Dòng 2: Hộ 45 Hẻm 7 Nguyễn Trãi giống hộ đã có trong sổ: "
        f"{ward.conn.execute('SELECT code FROM households').fetchone()[0]} (Nguyễn Văn An, 12 Lê Văn Sĩ) (cùng chủ "
        "hộ và nhân khẩu). Chưa nhập để tránh tạo hộ trùng: nếu là cùng một hộ, sửa địa chỉ trong tệp hoặc trong sổ "
        "cho khớp, hoặc ghi mã hộ của sổ vào cột mã hộ; nếu là hộ khác, bỏ hộ này khỏi tệp và thêm trong ứng dụng."]
    assert ward.conn.execute("SELECT count(*) FROM households").fetchone() == (1,)
    # A ward repeats "Nguyễn Văn An": another An with another wife elsewhere is simply a new household.
    other = [["1", "Nguyễn Văn An", "Chủ hộ", "1960", "7", "Bạch Đằng", "KP1"],
             ["2", "Lý Thị Dung", "Vợ", "1965", "7", "Bạch Đằng", "KP1"]]
    plan, result = import_file(ward, write_csv(tmp_path / "other.csv", [ADDRESS_HEADER, *other]))
    assert result is not None and result.added_households == 1, _told(plan)
