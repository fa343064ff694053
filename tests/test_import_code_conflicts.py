"""A list whose household codes are the register's codes for other families (another laptop's or another
ward's list numbered from the same HK-00001) must not merge those families into the register's: the check
names each such household as a problem and the import writes nothing. A list that really updates the same
households (a new phone, a move, headship passed within the family) still imports as an update, and a second
head or spouse added beside the register's is told.

All names are invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.demo import DemoSize, generate_demo_ward
from desktop.io.exporter import export
from desktop.io.importer import import_file
from desktop.io.plan import ImportPlan
from desktop.register.households import add_area
from desktop.store import Store
from tests.test_import_export import _dump, write_csv, write_xlsx

HEADER = ["Mã hộ", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Giới tính", "SĐT hộ", "Số nhà", "Đường",
          "Khu phố", "Hộ nghèo"]
REGISTER = [
    ["HK-00001", "Nguyễn Văn Đạt", "Chủ hộ", "1958", "Nam", "0903111222", "12/3A", "Lê Văn Sỹ", "Khu phố 1", "x"],
    ["HK-00001", "Trần Thị Hoà", "Vợ", "1960", "Nữ", "0903111222", "12/3A", "Lê Văn Sỹ", "Khu phố 1", "x"],
    ["HK-00001", "Nguyễn Thị Ánh", "Con", "1990", "Nữ", "0903111222", "12/3A", "Lê Văn Sỹ", "Khu phố 1", "x"],
    ["HK-00002", "Đặng Quốc Việt", "Chủ hộ", "1975", "Nam", "", "45", "Hẻm 7 Nguyễn Trãi", "Khu phố 2", ""],
    ["HK-00002", "Lê Thị Ngọc", "Vợ", "1978", "Nữ", "", "45", "Hẻm 7 Nguyễn Trãi", "Khu phố 2", ""],
]
# Another khu phố's list, numbered from HK-00001 too: the same codes, other families.
OTHER_LIST = [
    ["HK-00001", "Phạm Minh Khôi", "Chủ hộ", "1980", "Nam", "0909555666", "7", "Bạch Đằng", "Khu phố 1", ""],
    ["HK-00001", "Võ Thị Lan", "Vợ", "1982", "Nữ", "0909555666", "7", "Bạch Đằng", "Khu phố 1", ""],
    ["HK-00002", "Hồ Văn Tâm", "Chủ hộ", "1969", "Nam", "", "3", "Âu Cơ", "Khu phố 2", ""],
]
WRITERS = {"csv": write_csv, "xlsx": write_xlsx}


@pytest.fixture
def ward(store: Store) -> Store:
    add_area(store, "Khu phố 1")
    add_area(store, "Khu phố 2")
    return store


@pytest.fixture
def registered(ward: Store, tmp_path: Path) -> Store:
    _, result = import_file(ward, write_csv(tmp_path / "register.csv", [HEADER, *REGISTER]))
    assert result is not None and result.added_households == 2
    return ward


def _check(store: Store, path: Path, **options: object) -> ImportPlan:
    """The dry run, asserting that it leaves the register as it was."""
    before = _dump(store)
    plan, _ = import_file(store, path, dry_run=True, **options)  # type: ignore[arg-type]
    assert _dump(store) == before
    return plan


def _household(store: Store, code: str) -> tuple[object, ...]:
    return store.conn.execute("SELECT h.house_no, h.street, h.phone, h.flag_poor, p.full_name FROM households h "
                              "JOIN people p ON p.id = h.head_person_id WHERE h.code = ?", (code,)).fetchone()


def _members(store: Store, code: str) -> list[tuple[object, ...]]:
    return sorted(store.conn.execute(
        "SELECT p.full_name, p.relation_to_head, p.moved_out_on IS NOT NULL FROM people p "
        "JOIN households h ON h.id = p.household_id WHERE h.code = ?", (code,)))


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_codes_of_other_families_are_problems_and_nothing_is_merged(registered: Store, tmp_path: Path,
                                                                    suffix: str) -> None:
    path = WRITERS[suffix](tmp_path / f"other.{suffix}", [HEADER, *OTHER_LIST])
    plan = _check(registered, path)
    conflicts = [p for p in plan.blocking if p.msg_id == "io.code_conflict"]
    assert [(p.row, p.column) for p in conflicts] == [(2, "Mã hộ"), (4, "Mã hộ")]
    assert conflicts[0].message("vi") == (
        "Dòng 2, cột Mã hộ: Trong sổ, mã hộ HK-00001 là hộ Nguyễn Văn Đạt, 12/3A Lê Văn Sỹ, còn tệp ghi Phạm Minh "
        "Khôi, 7 Bạch Đằng: có thể là một hộ khác trùng mã; nếu là hộ khác, xoá mã hộ ở các dòng của hộ này để nhập "
        "thành hộ mới, nếu đúng là hộ đó, sửa chủ hộ hoặc địa chỉ trong sổ trước.")
    assert conflicts[1].message("en") == (
        "Row 4, column Mã hộ: In the register, household code HK-00002 is Đặng Quốc Việt, 45 Hẻm 7 Nguyễn Trãi, but "
        "the file gives Hồ Văn Tâm, 3 Âu Cơ: probably another household with the same code; if it is another "
        "household, clear the code on its rows to import it as a new one, if it is the same, correct its head or "
        "address in the register first.")
    # Neither the merge's notices nor a new household's checks are told about a household that is neither.
    assert {p.msg_id for p in plan.problems} == {"io.code_conflict"}
    before = _dump(registered)
    plan, result = import_file(registered, path)
    assert result is None and _dump(registered) == before
    assert _household(registered, "HK-00001") == ("12/3A", "Lê Văn Sỹ", "0903111222", 1, "Nguyễn Văn Đạt")


def test_clearing_the_codes_imports_the_other_families_as_new_households(registered: Store,
                                                                         tmp_path: Path) -> None:
    """The remedy the problem gives: without their codes the families are new, with this laptop's next codes."""
    rows = [["", *row[1:]] for row in OTHER_LIST]
    _, result = import_file(registered, write_csv(tmp_path / "uncoded.csv", [HEADER, *rows]))
    assert result is not None and (result.added_households, result.merged_households) == (2, 0)
    assert _members(registered, "HK-00001") == [("Nguyễn Thị Ánh", "Con", 0), ("Nguyễn Văn Đạt", "Chủ hộ", 0),
                                                ("Trần Thị Hoà", "Vợ", 0)]


def test_one_common_name_beside_others_is_not_the_same_family(registered: Store, tmp_path: Path) -> None:
    """Another "Nguyễn Văn Đạt" heads another HK-00001 elsewhere: a namesake, not the register's family. Alone
    on the list (one row per household, or a family of one) that person is all the list says: the same."""
    namesake = [["HK-00001", "Nguyễn Văn Đạt", "Chủ hộ", "1971", "Nam", "", "7", "Bạch Đằng", "Khu phố 1", ""],
                ["HK-00001", "Võ Thị Lan", "Vợ", "1973", "Nữ", "", "7", "Bạch Đằng", "Khu phố 1", ""]]
    plan = _check(registered, write_csv(tmp_path / "namesake.csv", [HEADER, *namesake]))
    assert [p.msg_id for p in plan.blocking] == ["io.code_conflict"]
    households = write_csv(tmp_path / "households.csv", [["Mã hộ", "Chủ hộ", "Số nhà", "Đường", "Khu phố"],
                                                         ["HK-00001", "Nguyễn Văn Đạt", "7", "Bạch Đằng", "KP1"]])
    plan = _check(registered, households)
    assert plan.blocking == [] and [p.msg_id for p in plan.problems] == ["io.duplicate"]


def test_the_exploratory_repro_two_demo_wards(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The report's steps: ward B's people list imported into ward A, whose codes are the same HK-00001…"""
    with Store.open(tmp_path / "wa.db", create=True) as ward_a, Store.open(tmp_path / "wb.db", create=True) as ward_b:
        generate_demo_ward(ward_a, DemoSize(households=5, seed=1))
        generate_demo_ward(ward_b, DemoSize(households=5, seed=2))
        export(ward_b, "people", tmp_path / "wb_people.csv")
        before = _dump(ward_a)
    assert main(["--db", str(tmp_path / "wa.db"), "import", str(tmp_path / "wb_people.csv"), "--dry-run"]) == 2
    out, err = capsys.readouterr()
    assert "không có lỗi" not in out and err.count("có thể là một hộ khác trùng mã") == 5
    assert main(["--db", str(tmp_path / "wa.db"), "import", str(tmp_path / "wb_people.csv")]) == 2
    with Store.open(tmp_path / "wa.db") as ward_a:
        assert _dump(ward_a) == before


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_same_households_updated_still_import_as_updates(registered: Store, tmp_path: Path,
                                                             suffix: str) -> None:
    """HK-00001 has a new phone; HK-00002 moved house (same head, same members)."""
    later = [row[:] for row in REGISTER]
    for row in later[:3]:
        row[5] = "0911222333"
    for row in later[3:]:
        row[6:8] = ["88", "Trường Sa"]
    plan = _check(registered, WRITERS[suffix](tmp_path / f"later.{suffix}", [HEADER, *later]))
    assert plan.blocking == [] and {p.msg_id for p in plan.problems} == {"io.duplicate"}
    _, result = import_file(registered, tmp_path / f"later.{suffix}")
    assert result is not None
    assert (result.added_households, result.merged_households, result.added_people) == (0, 2, 0)
    assert _household(registered, "HK-00001") == ("12/3A", "Lê Văn Sỹ", "0911222333", 1, "Nguyễn Văn Đạt")
    assert _household(registered, "HK-00002") == ("88", "Trường Sa", None, 0, "Đặng Quốc Việt")


def test_headship_passed_within_a_family_that_moved_is_an_update(registered: Store, tmp_path: Path) -> None:
    """HK-00001 moved after its head died: his wife, a member in the register, is now the head. HK-00002 moved
    and the son took over, his parents listed as "Cha" and "Mẹ". Each is the same family (two people in
    common), told as a second head."""
    later = [
        ["HK-00001", "Trần Thị Hoà", "Chủ hộ", "1960", "Nữ", "", "5", "Cao Thắng", "Khu phố 1", "x"],
        ["HK-00001", "Nguyễn Thị Ánh", "Con", "1990", "Nữ", "", "5", "Cao Thắng", "Khu phố 1", "x"],
        ["HK-00002", "Đặng Quốc Huy", "Chủ hộ", "2000", "Nam", "", "9", "Phổ Quang", "Khu phố 2", ""],
        ["HK-00002", "Đặng Quốc Việt", "Cha", "1975", "Nam", "", "9", "Phổ Quang", "Khu phố 2", ""],
        ["HK-00002", "Lê Thị Ngọc", "Mẹ", "1978", "Nữ", "", "9", "Phổ Quang", "Khu phố 2", ""],
    ]
    path = write_csv(tmp_path / "moved.csv", [HEADER, *later])
    plan = _check(registered, path)
    assert plan.blocking == [], [p.message("en") for p in plan.blocking]
    heads = [p for p in plan.problems if p.msg_id == "io.second_head"]
    assert [(p.row, p.blocking) for p in heads] == [(2, False), (4, False)]
    assert heads[0].message("en") == (
        "Row 2, column Quan hệ với chủ hộ: Trần Thị Hoà is written as head, but household HK-00001 already has "
        "head Nguyễn Văn Đạt in the register: Trần Thị Hoà is imported as a member written as head; if the list "
        "is right, change the head in the register.")
    _, result = import_file(registered, path)
    assert result is not None and (result.added_households, result.merged_households) == (0, 2)
    assert _household(registered, "HK-00001")[:2] == ("5", "Cao Thắng")


def test_a_second_spouse_beside_the_registers_is_told(registered: Store, tmp_path: Path) -> None:
    later = [*REGISTER[:3], ["HK-00001", "Lý Thị Mai", "Vợ", "1970", "Nữ", "", "12/3A", "Lê Văn Sỹ", "Khu phố 1",
                             "x"]]
    path = write_csv(tmp_path / "spouse.csv", [HEADER, *later])
    plan = _check(registered, path)
    spouses = [p for p in plan.problems if p.msg_id == "io.second_spouse"]
    assert [(p.row, p.blocking) for p in spouses] == [(5, False)]
    assert spouses[0].message("vi") == (
        "Dòng 5, cột Quan hệ với chủ hộ: Lý Thị Mai được ghi là vợ/chồng chủ hộ, nhưng trong sổ hộ HK-00001 đã có "
        "Trần Thị Hoà là vợ/chồng chủ hộ: vẫn nhập; kiểm tra lại quan hệ với chủ hộ.")
    # The register's spouse left out and marked moved out by this import: no second spouse remains.
    moved = write_csv(tmp_path / "moved.csv", [HEADER, *[row for row in later if row[1] != "Trần Thị Hoà"]])
    assert not [p for p in _check(registered, moved, mark_moved_out=True).problems if p.msg_id == "io.second_spouse"]
    assert [p.row for p in _check(registered, moved).problems if p.msg_id == "io.second_spouse"] == [4]


def test_a_new_head_beside_the_registers_is_told(registered: Store, tmp_path: Path) -> None:
    later = [["HK-00002", "Đặng Quốc Huy", "Chủ hộ", "2000", "Nam", "", "45", "Hẻm 7 Nguyễn Trãi", "Khu phố 2", ""],
             REGISTER[4]]
    plan = _check(registered, write_csv(tmp_path / "head.csv", [HEADER, *later]))
    assert plan.blocking == []
    assert [(p.msg_id, p.row) for p in plan.problems if p.msg_id in ("io.second_head", "io.absent_head")] == [
        ("io.second_head", 2), ("io.absent_head", 2)]
