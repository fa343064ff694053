"""Ordinary ward lists, as officers really lay them out, read into the register as the officer sees them: a
"Tổ" column beside the khu phố, a name or an address split over columns, tick marks, cells Excel turned into
dates or numbers, error values, hidden columns, merged cells, totals and signature rows. Each list is written
here (openpyxl, or CSV text), imported into a real register file, and the stored rows or the message are
checked. All names are invented.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.cli import main
from desktop.errors import WardbookError
from desktop.io.importer import import_file
from desktop.io.plan import ImportPlan, ImportResult
from desktop.register.households import add_area
from desktop.store import Store

HEADER = ["STT", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Số nhà", "Đường", "Khu phố"]
AN = ["1", "Nguyễn Văn An", "Chủ hộ", "1960", "12", "Lê Lợi", "Khu phố 1"]


@pytest.fixture
def ward(store: Store) -> Store:
    for number in range(1, 8):
        add_area(store, f"Khu phố {number}")
    return store


def csv_file(path: Path, rows: list[list[str]]) -> Path:
    lines = [",".join(f'"{cell}"' if "," in cell else cell for cell in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8-sig"))
    return path


def xlsx(path: Path, rows: list[list[Any]], setup: Callable[[Any], None] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if setup:
        setup(sheet)
    book.save(path)
    return path


def replace_cell(path: Path, reference: str, xml: str) -> Path:
    """Puts a cell openpyxl cannot write (an error value Excel cached, a formula never computed) in sheet 1."""
    patched = path.with_suffix(".patched.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rf'<c r="{reference}"[^>]*?(/>|>.*?</c>)', xml, data.decode(), count=1).encode()
            target.writestr(item, data)
    shutil.move(patched, path)
    return path


def imported(store: Store, path: Path, **options: Any) -> tuple[ImportPlan, ImportResult | None]:
    return import_file(store, path, **options)


def told(plan: ImportPlan, lang: str = "vi") -> str:
    return "\n".join([p.message(lang) for p in plan.problems] + [n.message(lang) for n in plan.notices])


def column(store: Store, sql: str) -> list[Any]:
    return sorted(row[0] for row in store.conn.execute(sql))


# ---------------------------------------------------------------- "Tổ" is not the khu phố


@pytest.mark.parametrize("heading", ["Tổ", "Tổ dân phố"])
def test_a_to_column_beside_the_khu_pho_column_leaves_the_household_in_its_khu_pho(ward, tmp_path, heading):
    rows = [[*HEADER[:6], heading, "Khu phố"], [*AN[:6], "5", "Khu phố 3"]]
    plan, result = imported(ward, csv_file(tmp_path / "to.csv", rows))
    assert result is not None, told(plan)
    assert column(ward, "SELECT a.name FROM households h JOIN areas a ON a.id = h.area_id") == ["Khu phố 3"]


def test_a_to_column_alone_does_not_override_the_khu_pho_chosen_for_the_file(ward, tmp_path):
    rows = [[*HEADER[:6], "Tổ"], [*AN[:6], "5"]]
    plan, result = imported(ward, csv_file(tmp_path / "to.csv", rows), area="Khu phố 3")
    assert result is not None, told(plan)
    assert column(ward, "SELECT a.name FROM households h JOIN areas a ON a.id = h.area_id") == ["Khu phố 3"]


def test_a_to_number_never_becomes_a_khu_pho_of_that_number(ward, tmp_path):
    rows = [[*HEADER[:6], "Tổ dân phố"], [*AN[:6], "5"]]
    plan, result = imported(ward, csv_file(tmp_path / "to.csv", rows))
    assert result is not None, told(plan)
    assert column(ward, "SELECT area_id FROM households") == [None]


# ---------------------------------------------------------------- a name over several columns


def test_family_and_given_name_columns_make_the_full_name(ward, tmp_path):
    rows = [["STT", "Họ và chữ lót", "Tên", *HEADER[2:]],
            ["1", "Nguyễn Văn", "An", *AN[2:]],
            ["2", "Trần Thị", "Bình", "Vợ", "1962", "12", "Lê Lợi", "Khu phố 1"]]
    plan, result = imported(ward, csv_file(tmp_path / "ho-ten.csv", rows))
    assert result is not None, told(plan)
    assert column(ward, "SELECT full_name FROM people") == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_ho_va_ten_merged_over_ho_dem_and_ten(ward, tmp_path):
    def setup(sheet: Any) -> None:
        sheet.merge_cells("B1:C1")
    rows = [["STT", "Họ và tên", None, *HEADER[2:]],
            [None, "Họ đệm", "Tên", None, None, None, None, None],
            [1, "Nguyễn Văn", "An", "Chủ hộ", 1960, "12", "Lê Lợi", "Khu phố 1"],
            [2, "Trần Thị", "Bình", "Vợ", 1962, "12", "Lê Lợi", "Khu phố 1"]]
    plan, result = imported(ward, xlsx(tmp_path / "ho-ten.xlsx", rows, setup))
    assert result is not None, told(plan)
    assert column(ward, "SELECT full_name FROM people") == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_a_full_name_column_wins_over_the_parts_beside_it(ward, tmp_path):
    rows = [["STT", "Họ", "Tên", *HEADER[1:]],
            ["1", "Nguyễn Văn", "An", "Nguyễn Văn An", *AN[2:]],
            ["2", "Trần Thị", "Bình", "", "Vợ", "1962", "12", "Lê Lợi", "Khu phố 1"]]
    plan, result = imported(ward, csv_file(tmp_path / "ho-ten.csv", rows))
    assert result is not None, told(plan)
    assert column(ward, "SELECT full_name FROM people") == ["Nguyễn Văn An", "Trần Thị Bình"]


# ---------------------------------------------------------------- hẻm and road


def test_a_hem_column_is_written_before_the_road(ward, tmp_path):
    rows = [["STT", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Số nhà", "Hẻm", "Đường", "Khu phố"],
            ["1", "Nguyễn Văn An", "Chủ hộ", "1960", "12", "Hẻm 45", "Lê Lợi", "KP1"],
            ["2", "Phạm Văn Cường", "Chủ hộ", "1980", "12", "45", "Nguyễn Trãi", "KP1"],
            ["3", "Lý Thị Dung", "Chủ hộ", "1985", "7", "", "Nguyễn Trãi", "KP1"]]
    plan, result = imported(ward, csv_file(tmp_path / "hem.csv", rows))
    assert result is not None and result.added_households == 3, told(plan)
    assert column(ward, "SELECT street FROM households") == ["Hẻm 45 Lê Lợi", "Hẻm 45 Nguyễn Trãi", "Nguyễn Trãi"]


# ---------------------------------------------------------------- flag marks


@pytest.mark.parametrize("tick", ["√", "✔", "☑"])
def test_the_usual_tick_marks_flag_the_household(ward, tmp_path, tick):
    rows = [[*HEADER, "Hộ nghèo", "Hộ cận nghèo"], [*AN, tick, ""]]
    plan, result = imported(ward, csv_file(tmp_path / "ngheo.csv", rows))
    assert result is not None, told(plan)
    assert ward.conn.execute("SELECT flag_poor, flag_near_poor FROM households").fetchall() == [(1, 0)]


@pytest.mark.parametrize("cell", ["2", "chờ xét"])
def test_a_flag_cell_the_reader_does_not_know_is_refused_in_words(ward, tmp_path, cell):
    rows = [[*HEADER, "Hộ nghèo"], [*AN, cell]]
    plan, result = imported(ward, csv_file(tmp_path / "ngheo.csv", rows))
    assert result is None
    assert f"Dòng 2, cột Hộ nghèo: '{cell}' không phải dấu đánh dấu" in told(plan)
    assert f"Row 2, column Hộ nghèo: '{cell}' is not a mark" in told(plan, "en")


# ---------------------------------------------------------------- cells Excel changed


def test_a_house_number_excel_made_a_date_is_read_as_the_officer_saw_it(ward, tmp_path):
    def setup(sheet: Any) -> None:
        sheet["E2"].number_format = "d/m"
    rows = [HEADER, [1, "Nguyễn Văn An", "Chủ hộ", 1960, datetime(2026, 3, 12), "Lê Lợi", "Khu phố 1"]]
    plan, result = imported(ward, xlsx(tmp_path / "so-nha.xlsx", rows, setup))
    assert result is not None, told(plan)
    assert column(ward, "SELECT house_no FROM households") == ["12/3"]


def test_a_date_in_a_text_column_whose_typing_is_not_certain_is_refused_naming_the_column(ward, tmp_path):
    def setup(sheet: Any) -> None:
        sheet["E2"].number_format = "d-mmm"  # shown "12-Mar": what was typed cannot be told
    rows = [HEADER, [1, "Nguyễn Văn An", "Chủ hộ", 1960, datetime(2026, 3, 12), "Lê Lợi", "Khu phố 1"]]
    plan, result = imported(ward, xlsx(tmp_path / "so-nha.xlsx", rows, setup))
    assert result is None
    assert "Dòng 2, cột Số nhà: Excel đã đổi ô này thành ngày tháng (12/03/2026)" in told(plan)


def test_a_cmnd_that_lost_its_leading_zero_in_a_number_cell_gets_it_back(ward, tmp_path):
    rows = [[*HEADER, "CMND"], [1, "Nguyễn Văn An", "Chủ hộ", 1960, "12", "Lê Lợi", "Khu phố 1", 25123456]]
    plan, result = imported(ward, xlsx(tmp_path / "cmnd.xlsx", rows))
    assert result is not None, told(plan)
    assert column(ward, "SELECT id_number FROM people") == ["025123456"]


def test_an_excel_error_value_is_refused_naming_the_column(ward, tmp_path):
    rows = [[*HEADER, "Nghề nghiệp"], [1, "Nguyễn Văn An", "Chủ hộ", 1960, "12", "Lê Lợi", "Khu phố 1", "x"]]
    path = replace_cell(xlsx(tmp_path / "na.xlsx", rows), "H2",
                        '<c r="H2" t="e"><f>VLOOKUP(B2,NN!A:B,2,0)</f><v>#N/A</v></c>')
    plan, result = imported(ward, path)
    assert result is None and column(ward, "SELECT occupation FROM people") == []
    assert "Dòng 2, cột Nghề nghiệp: Ô có lỗi Excel #N/A" in told(plan)


@pytest.mark.parametrize("error", ["#REF!", "#VALUE!", "#DIV/0!", "#NAME?"])
def test_excel_error_values_are_refused_in_any_column(ward, tmp_path, error):
    rows = [[*HEADER, "SĐT"], [1, "Nguyễn Văn An", "Chủ hộ", 1960, "12", "Lê Lợi", "Khu phố 1", "x"]]
    path = replace_cell(xlsx(tmp_path / "loi.xlsx", rows), "H2", f'<c r="H2" t="e"><f>A1/0</f><v>{error}</v></c>')
    plan, result = imported(ward, path)
    assert result is None
    assert f"Row 2, column SĐT: The cell holds the Excel error {error}" in told(plan, "en")


# ---------------------------------------------------------------- hidden columns


def test_a_hidden_column_is_not_read_instead_of_the_visible_one_with_the_same_heading(ward, tmp_path):
    def setup(sheet: Any) -> None:
        sheet.column_dimensions["B"].hidden = True
        sheet.column_dimensions["J"].hidden = True  # no visible column holds the phone: this one is read
    rows = [["STT", "Họ và tên", *HEADER[1:], "SĐT"],
            [1, "Nguyen Van Anh (cu)", "Nguyễn Văn An", "Chủ hộ", 1960, "12", "Lê Lợi", "Khu phố 1", "0903111222"]]
    plan, result = imported(ward, xlsx(tmp_path / "an-cot.xlsx", rows, setup))
    assert result is not None, told(plan)
    assert ward.conn.execute("SELECT full_name, phone FROM people").fetchall() == [("Nguyễn Văn An", "0903111222")]
    assert "Trang Sheet có cột bị ẩn (B, J)" in told(plan)


# ---------------------------------------------------------------- the command line's saved mapping


def test_a_mapping_naming_an_unknown_field_is_refused_before_anything_is_imported(ward, tmp_path, capsys):
    path = csv_file(tmp_path / "a.csv", [["STT", "Họ và tên", "Phái", "Quan hệ với chủ hộ", "Số nhà", "Đường",
                                          "Khu phố"], ["1", "Nguyễn Văn An", "Nam", "Chủ hộ", "12", "Lê Lợi", "KP1"]])
    mapping = tmp_path / "m.json"
    mapping.write_text('{"Phái": "Giới tính"}', "utf-8")
    code = main(["--db", str(ward.path), "import", str(path), "--mapping", str(mapping)])
    assert code != 0
    assert column(ward, "SELECT count(*) FROM households") == [0]
    err = capsys.readouterr().err
    assert "ghi 'Giới tính', không phải tên trường nào: chưa nhập gì" in err
    assert "gender (Giới tính)" in err and "Traceback" not in err


def test_a_formula_never_computed_is_read_as_empty(ward, tmp_path):
    rows = [[*HEADER, "Ghi chú"], [1, "Nguyễn Văn An", "Chủ hộ", 1960, "12", "Lê Lợi", "Khu phố 1", "=1+1"]]
    plan, result = imported(ward, xlsx(tmp_path / "cong-thuc.xlsx", rows))  # openpyxl caches no value
    assert result is not None, told(plan)
    assert column(ward, "SELECT notes FROM households") == [None]


# ---------------------------------------------------------------- refused for no good reason


def test_a_list_ticked_with_check_marks_is_not_taken_for_garbled_text(ward, tmp_path):
    rows = [["STT", "Chủ hộ", "Năm sinh", "Số nhà", "Đường", "Khu phố", "Hộ nghèo", "Hộ cận nghèo"]]
    for number in range(1, 41):
        rows.append([str(number), f"{['Nguyễn', 'Trần', 'Lê'][number % 3]} Văn Hùng {number}", "1950", str(number),
                     "Lê Lợi", "Khu phố 1", *(["✓", ""] if number % 2 else ["", "✓"])])
    plan, result = imported(ward, xlsx(tmp_path / "kho-khan.xlsx", rows))
    assert result is not None and result.added_households == 40, told(plan)
    assert ward.conn.execute("SELECT sum(flag_poor), sum(flag_near_poor) FROM households").fetchone() == (20, 20)


@pytest.mark.parametrize("text", ["Tổng cộng có 2 hộ", "TỔNG CỘNG (2 hộ, 3 khẩu)", "Cộng KP1: 2 hộ",
                                  "Khu phố trưởng", "Trưởng ban điều hành khu phố", "Ngày 10/6/2026",
                                  "TP. Hồ Chí Minh ngày 10 tháng 6 năm 2026"])
def test_totals_and_signature_rows_as_wards_write_them_are_skipped(ward, tmp_path, text):
    rows = [HEADER, AN, [text]]
    plan, result = imported(ward, csv_file(tmp_path / "tong.csv", rows))
    assert result is not None and result.added_people == 1, told(plan)
    assert "Bỏ qua" in told(plan) and "dòng 3" in told(plan)


def test_a_person_whose_family_name_reads_like_a_total_is_not_skipped(ward, tmp_path):
    rows = [["Họ và tên", *HEADER[2:]], ["Tống Văn Cộng", "Chủ hộ", "1960", "12", "Lê Lợi", "Khu phố 1"],
            ["Cộng Thị Tổng", "Vợ", "1962", "12", "Lê Lợi", "Khu phố 1"], ["Tổng cộng có 1 hộ"]]
    plan, result = imported(ward, csv_file(tmp_path / "tong.csv", rows))
    assert result is not None and result.added_people == 2, told(plan)


@pytest.mark.parametrize("numbering", [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
                                       ["A", "B", "C", "D", "E", "F", "G"]])
def test_a_row_numbering_the_columns_is_skipped(ward, tmp_path, numbering):
    plan, result = imported(ward, csv_file(tmp_path / "so-cot.csv", [HEADER, numbering, AN]))
    assert result is not None and result.added_people == 1, told(plan)
    assert "Bỏ qua dòng đánh số cột (1, 2, 3…): dòng 2." in told(plan)


def _workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_every_sheet_read_skips_a_summary_sheet_without_the_lists_header_and_names_it(ward, tmp_path):
    path = _workbook(tmp_path / "phuong.xlsx", {
        "Tổng hợp": [["TỔNG HỢP HỘ DÂN"], ["Khu phố", "Số hộ", "Số nhân khẩu"], ["KP1", 1, 1], ["KP2", 1, 1]],
        "KP1": [HEADER[:-1], [1, "Nguyễn Văn Tư", "Chủ hộ", 1960, "1", "Lê Lợi"]],
        "KP2": [HEADER[:-1], [1, "Trần Văn Năm", "Chủ hộ", 1961, "2", "Lê Lợi"]]})
    plan, result = imported(ward, path, all_sheets=True)
    assert result is not None and result.added_households == 2, told(plan)
    assert "Bỏ qua trang không có dòng tiêu đề của danh sách hộ: Tổng hợp." in told(plan)
    assert column(ward, "SELECT a.name FROM households h JOIN areas a ON a.id = h.area_id") == ["Khu phố 1",
                                                                                                "Khu phố 2"]


def test_a_workbook_where_no_sheet_has_a_header_names_the_sheets_looked_at(ward, tmp_path):
    path = _workbook(tmp_path / "phuong.xlsx", {"Tổng hợp": [["Khu phố", "Số hộ"], ["KP1", 1]],
                                                "Ghi chú": [["Cập nhật tháng 6"]]})
    with pytest.raises(WardbookError) as refused:
        imported(ward, path, all_sheets=True)
    assert refused.value.message("vi").endswith("đã xem các trang: Tổng hợp, Ghi chú.")


def test_stt_and_address_merged_down_over_a_households_rows_apply_to_each_row(ward, tmp_path):
    def setup(sheet: Any) -> None:
        for letter in "AEFG":
            sheet.merge_cells(f"{letter}2:{letter}4")
    rows = [HEADER, [1, "Nguyễn Văn An", "Chủ hộ", 1960, "12", "Lê Lợi", "Khu phố 1"],
            [None, "Trần Thị Bình", "Vợ", 1962, None, None, None],
            [None, "Nguyễn Văn Công", "Con", 1990, None, None, None],
            [2, "Phạm Văn Cường", "Chủ hộ", 1980, "14", "Lê Lợi", "Khu phố 1"]]
    plan, result = imported(ward, xlsx(tmp_path / "gop-o.xlsx", rows, setup))
    assert result is not None and result.added_households == 2 and result.added_people == 4, told(plan)
    assert sorted(ward.conn.execute("SELECT h.house_no, count(*) FROM people p JOIN households h "
                                    "ON h.id = p.household_id GROUP BY h.id")) == [("12", 3), ("14", 1)]


def test_gioi_tinh_merged_over_nam_and_nu_with_a_mark_under_one(ward, tmp_path):
    def setup(sheet: Any) -> None:
        sheet.merge_cells("D1:E1")
        for letter in "ABCFGH":
            sheet.merge_cells(f"{letter}1:{letter}2")
    rows = [["STT", "Họ và tên", "Năm sinh", "Giới tính", None, "Quan hệ với chủ hộ", "Số nhà", "Đường"],
            [None, None, None, "Nam", "Nữ", None, None, None],
            [1, "Nguyễn Văn An", 1960, "x", None, "Chủ hộ", "12", "Lê Lợi"],
            [2, "Trần Thị Bình", 1962, None, "x", "Vợ", "12", "Lê Lợi"]]
    plan, result = imported(ward, xlsx(tmp_path / "gioi-tinh.xlsx", rows, setup), area="Khu phố 1")
    assert result is not None, told(plan)
    assert sorted(ward.conn.execute("SELECT full_name, gender FROM people")) == [
        ("Nguyễn Văn An", "male"), ("Trần Thị Bình", "female")]


@pytest.mark.parametrize("written", ["3/25/1950", "05/03/1950 00:00:00"])
def test_a_birth_date_whose_year_is_certain_gives_the_birth_year(ward, tmp_path, written):
    plan, result = imported(ward, csv_file(tmp_path / "ngay.csv", [HEADER, [*AN[:3], written, *AN[4:]]]))
    assert result is not None, told(plan)
    assert column(ward, "SELECT birth_year FROM people") == [1950]


def test_a_landlords_and_a_tenants_household_at_one_address_are_two_households(ward, tmp_path):
    rows = [HEADER, AN, AN, ["2", "Trần Thị Bình", "Vợ", "1962", "12", "Lê Lợi", "Khu phố 1"],  # AN pasted twice
            ["3", "Phạm Văn Cường", "Chủ hộ", "1980", "12", "Lê Lợi", "Khu phố 1"],
            ["4", "Lý Thị Dung", "Vợ", "1985", "12", "Lê Lợi", "Khu phố 1"]]
    plan, result = imported(ward, csv_file(tmp_path / "tro.csv", rows))
    assert result is not None and result.added_households == 2, told(plan)
    assert sorted(ward.conn.execute(
        "SELECT head.full_name, group_concat(p.full_name, ', '), h.house_no, h.street, h.code IS NOT NULL "
        "FROM households h JOIN people head ON head.id = h.head_person_id JOIN people p ON p.household_id = h.id "
        "GROUP BY h.id")) == [("Nguyễn Văn An", "Nguyễn Văn An, Trần Thị Bình", "12", "Lê Lợi", 1),
                              ("Phạm Văn Cường", "Phạm Văn Cường, Lý Thị Dung", "12", "Lê Lợi", 1)]


def test_an_excel_error_in_a_part_of_a_split_name_or_address_is_refused(ward, tmp_path):
    rows = [["STT", "Họ và chữ lót", "Tên", "Quan hệ với chủ hộ", "Năm sinh", "Số nhà", "Hẻm", "Đường", "Khu phố"],
            [1, "Nguyễn Văn", "x", "Chủ hộ", 1960, "12", "x", "Lê Lợi", "Khu phố 1"]]
    path = xlsx(tmp_path / "loi.xlsx", rows)
    replace_cell(path, "C2", '<c r="C2" t="e"><f>MID(A2,1,1)</f><v>#VALUE!</v></c>')
    replace_cell(path, "G2", '<c r="G2" t="e"><f>NN!B2</f><v>#REF!</v></c>')
    plan, result = imported(ward, path)
    assert result is None
    assert "Dòng 2, cột Tên: Ô có lỗi Excel #VALUE!" in told(plan)
    assert "Dòng 2, cột Đường: Ô có lỗi Excel #REF!" in told(plan)  # the street the hẻm is part of
