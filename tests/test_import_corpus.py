"""The lists ward clerks really keep, generated here the way their tools write them (legacy font encodings,
Excel's "Unicode text", `;` CSV, several sheets, hidden rows and sheets, protected or renamed files): each one
imports to exactly the expected register or is refused with the expected message, writing nothing.

All names are invented.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main
from desktop.errors import WardbookError
from desktop.io.importer import import_file
from desktop.register.households import add_area
from desktop.store import Store

HEADER = ["Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Giới tính", "Số nhà", "Đường", "Khu phố"]
ROWS = [
    ["Trần Kim Xuân", "Chủ hộ", "1956", "Nữ", "12", "Nguyễn Đình Chiểu", "Khu phố 7"],
    ["Lê Văn Đức", "Chồng", "1954", "Nam", "12", "Nguyễn Đình Chiểu", "Khu phố 7"],
    ["Lê Thị Mỹ Hạnh", "Con", "1985", "Nữ", "12", "Nguyễn Đình Chiểu", "Khu phố 7"],
    ["Võ Quốc Dũng", "Chủ hộ", "1970", "Nam", "8/2", "Hẻm 4 Trường Sa", "Khu phố 7"],
]
EXPECTED = sorted(
    (r[0], r[1], int(r[2]), "female" if r[3] == "Nữ" else "male", r[4], r[5], r[6]) for r in ROWS
)

# The test's own spelling of these letters in the legacy encodings (TCVN 5712:1993 VN3 code chart; VNI's
# letter + mark codes), typed apart from desktop/io/legacy.py so that a wrong table there fails here.
TCVN3_LETTERS = {
    "ọ": 0xE4, "à": 0xB5, "ê": 0xAA, "ệ": 0xD6, "ớ": 0xED, "ủ": 0xF1, "ộ": 0xE9, "ă": 0xA8, "í": 0xDD, "ố": 0xE8,
    "Đ": 0xA7, "ư": 0xAD, "ờ": 0xEA, "ầ": 0xC7, "â": 0xA9, "ễ": 0xD4, "ì": 0xD7, "ể": 0xD3, "ứ": 0xF8, "ồ": 0xE5,
    "ị": 0xDE, "ỹ": 0xFC, "ạ": 0xB9, "ữ": 0xF7, "đ": 0xAE, "ũ": 0xF2, "ẻ": 0xCE, "ơ": 0xAC, "õ": 0xE2,
}
VNI_LETTERS = {
    "ọ": "oï", "à": "aø", "ê": "eâ", "ệ": "eä", "ớ": "ôù", "ủ": "uû", "ộ": "oä", "ă": "aê", "í": "í", "ố": "oá",
    "Đ": "Ñ", "ư": "ö", "ờ": "ôø", "ầ": "aà", "â": "aâ", "ễ": "eã", "ì": "ì", "ể": "eå", "ứ": "öù", "ồ": "oà",
    "ị": "ò", "ỹ": "yõ", "ạ": "aï", "ữ": "öõ", "đ": "ñ", "ũ": "uõ", "ẻ": "eû", "ơ": "ô", "õ": "oõ",
}


def tcvn3(text: str) -> str:
    """Text as a TCVN3 font stores it, each 8-bit code as the character U+0000–U+00FF (what XLSX cells hold)."""
    return "".join(chr(TCVN3_LETTERS[c]) if c in TCVN3_LETTERS else c for c in text)


def vni(text: str) -> str:
    return "".join(VNI_LETTERS.get(c, c) for c in text)


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8-sig", delimiter: str = ",",
              convert=lambda text: text) -> Path:  # type: ignore[no-untyped-def]
    lines = [delimiter.join(f'"{cell}"' if delimiter in cell or '"' in cell else cell for cell in row)
             for row in rows]
    path.write_bytes(convert("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]], *, active: int = 0,
               hidden_sheets: tuple[str, ...] = (), hidden_rows: dict[str, list[int]] | None = None) -> Path:
    book = openpyxl.Workbook()
    assert book.active is not None
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        for number in (hidden_rows or {}).get(title, []):
            sheet.row_dimensions[number].hidden = True
        if title in hidden_sheets:
            sheet.sheet_state = "hidden"
    book.active = active
    book.save(path)
    return path


def register(store: Store) -> list[tuple[object, ...]]:
    return sorted(store.conn.execute(
        "SELECT p.full_name, p.relation_to_head, p.birth_year, p.gender, h.house_no, h.street, a.name "
        "FROM people p JOIN households h ON h.id = p.household_id LEFT JOIN areas a ON a.id = h.area_id"))


def imported(store: Store, path: Path, **options: object) -> list[str]:
    """Import `path` after a dry run; return the dry run's notices (in Vietnamese)."""
    plan, rehearsal = import_file(store, path, dry_run=True, **options)  # type: ignore[arg-type]
    assert plan.blocking == [] and rehearsal is not None, [p.message("en") for p in plan.blocking]
    _, result = import_file(store, path, **options)  # type: ignore[arg-type]
    assert result is not None and result.added_people == rehearsal.added_people
    return [n.message("vi") for n in plan.notices]


@pytest.fixture
def ward(store: Store) -> Store:
    add_area(store, "Khu phố 7")
    return store


def test_the_issue_s_mojibake_is_tcvn3() -> None:
    """The mojibake seen in the field ("TrÇn Kim Xu©n", "NguyÔn §×nh ChiÓu", "Khu phè 7") reads back right."""
    from desktop.io.legacy import from_tcvn3

    assert from_tcvn3("TrÇn Kim Xu©n, NguyÔn §×nh ChiÓu, Khu phè 7") == "Trần Kim Xuân, Nguyễn Đình Chiểu, Khu phố 7"
    assert tcvn3("Trần Kim Xuân Nguyễn Đình Chiểu Khu phố") == "TrÇn Kim Xu©n NguyÔn §×nh ChiÓu Khu phè"


@pytest.mark.parametrize(
    ("make", "encoding_notice"),
    [
        (lambda d: write_csv(d / "tcvn3.csv", [HEADER, *ROWS], encoding="latin-1", convert=tcvn3), "TCVN3"),
        (lambda d: write_csv(d / "vni.csv", [HEADER, *ROWS], encoding="latin-1", convert=vni), "VNI"),
        (lambda d: write_xlsx(d / "tcvn3.xlsx", {"DS": [[tcvn3(c) for c in r] for r in [HEADER, *ROWS]]}),
         "TCVN3"),
        (lambda d: write_xlsx(d / "vni.xlsx", {"DS": [[vni(c) for c in r] for r in [HEADER, *ROWS]]}), "VNI"),
        (lambda d: write_csv(d / "tcvn3-utf8.csv", [HEADER, *ROWS], convert=tcvn3), "TCVN3"),
        (lambda d: write_csv(d / "unicode.txt", [HEADER, *ROWS], encoding="utf-16", delimiter="\t"), "UTF-16"),
        (lambda d: write_csv(d / "semicolon.csv", [HEADER, *ROWS], delimiter=";"), None),
        (lambda d: write_csv(d / "nfd.csv", [HEADER, *ROWS], convert=lambda t: unicodedata.normalize("NFD", t)),
         None),
    ],
    ids=["csv-tcvn3", "csv-vni", "xlsx-tcvn3", "xlsx-vni", "csv-utf8-of-tcvn3-cells", "utf16-tab", "csv-semicolon",
         "csv-nfd"],
)
def test_encodings_import_the_same_register(ward: Store, tmp_path: Path, make, encoding_notice) -> None:  # type: ignore[no-untyped-def]
    notices = imported(ward, make(tmp_path))
    assert register(ward) == EXPECTED
    if encoding_notice:
        assert f"Tệp dùng mã {encoding_notice}" in " ".join(notices), notices
    if encoding_notice in ("TCVN3", "VNI"):
        assert any(n.endswith("đã chuyển sang Unicode.") for n in notices)


def test_abbreviations_do_not_make_unicode_look_garbled(ward: Store, tmp_path: Path) -> None:
    """"Đ." for Đường on every row and "SĐT" in the header are no syllables, but no evidence of mojibake."""
    rows = [[*HEADER, "SĐT"], *[[*r[:4], f"{r[4]}/{n}", f"Đ. {r[5]}", r[6], ""] for n in range(1, 5) for r in ROWS]]
    imported(ward, write_csv(tmp_path / "abbreviated.csv", rows))
    assert len(register(ward)) == 16 and {r[5] for r in register(ward)} == {f"Đ. {r[5]}" for r in ROWS}


def test_quoted_delimiters_and_crlf_in_a_semicolon_csv(ward: Store, tmp_path: Path) -> None:
    rows = [[*HEADER, "Ghi chú"], *[[*r, ""] for r in ROWS]]
    rows[1][-1] = "Hộ nghèo; cần thăm lại"
    imported(ward, write_csv(tmp_path / "notes.csv", rows, delimiter=";"))
    assert register(ward) == EXPECTED
    assert ward.conn.execute("SELECT notes FROM households WHERE house_no = '12'").fetchone() == (
        "Hộ nghèo; cần thăm lại",)


def test_unsure_encoding_is_refused_and_nothing_stored(ward: Store, tmp_path: Path) -> None:
    path = tmp_path / "garbled.csv"
    header = b"H\xe4 v\xb5 t\xaan,S\xe8 nh\xb5,\xa7\xad\xeang\r\n"  # TCVN3, then rows no encoding reads
    path.write_bytes(header + b"\xc3\xa9\xfe\xf0 \xf0\xde\x90\x81,1,2\r\n")
    with pytest.raises(WardbookError) as caught:
        import_file(ward, path)
    assert caught.value.msg_id == "io.encoding_unsure"
    assert "garbled.csv" in caught.value.message("vi")
    assert register(ward) == []


@pytest.mark.parametrize(
    ("content", "name", "msg_id"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "protected.xlsx", "io.old_or_protected"),
        (b"%PDF-1.4\n\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12" * 20, "scan.csv", "io.not_spreadsheet"),
        (b"%PDF-1.4\nnot a workbook", "renamed.xlsx", "io.not_spreadsheet"),
        (b"PK\x03\x04not really a zip", "broken.xlsx", "io.not_spreadsheet"),
    ],
)
def test_files_that_are_not_lists_are_named_as_such(ward: Store, tmp_path: Path, content: bytes, name: str,
                                                     msg_id: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(WardbookError) as caught:
        import_file(ward, path)
    assert caught.value.msg_id == msg_id
    assert name in caught.value.message("vi") and "Error" not in caught.value.message("en")


def _without_area(rows: list[list[str]]) -> list[list[object]]:
    return [HEADER[:6], *[r[:6] for r in rows]]


def test_one_sheet_per_khu_pho(ward: Store, tmp_path: Path) -> None:
    """KP1, KP2 and KP3 sheets (no khu phố column): `all_sheets` reads each, the sheet name as its khu phố;
    without it the workbook's active sheet is read and the dry run says which sheets there are."""
    for name in ("Khu phố 1", "Khu phố 2", "Khu phố 3"):
        add_area(ward, name)
    sheets = {"KP1": _without_area(ROWS[:3]), "KP2": _without_area(ROWS[3:]),
              "KP3": _without_area([["Phạm Thị Lan", "Chủ hộ", "1990", "Nữ", "5", "Bến Vân Đồn"]])}
    path = write_xlsx(tmp_path / "three.xlsx", sheets, active=1)
    plan, _ = import_file(ward, path, dry_run=True)
    assert [n.message("vi") for n in plan.notices] == [
        "Tệp có các trang: KP1, KP2, KP3 (ẩn: —); đọc trang: KP2.",
        "Tệp không có cột khu phố: các hộ mới sẽ không thuộc khu phố nào. Nếu cả tệp là một khu phố, chọn khu phố "
        "đó khi nhập."]
    imported(ward, path, all_sheets=True)
    assert sorted((r[0], r[6]) for r in register(ward)) == [
        ("Lê Thị Mỹ Hạnh", "Khu phố 1"), ("Lê Văn Đức", "Khu phố 1"), ("Phạm Thị Lan", "Khu phố 3"),
        ("Trần Kim Xuân", "Khu phố 1"), ("Võ Quốc Dũng", "Khu phố 2")]


def test_hidden_sheets_and_rows_are_not_the_list(ward: Store, tmp_path: Path) -> None:
    """A hidden lookup sheet first and the list active: the list is read; its hidden rows are skipped, counted."""
    stale = ["Đỗ Văn Cũ", "Con", "1999", "Nam", "12", "Nguyễn Đình Chiểu", "Khu phố 7"]
    sheets = {"DM": [["Khu phố"], ["Khu phố 7"]], "Danh sach": [HEADER, ROWS[0], stale, *ROWS[1:]]}
    path = write_xlsx(tmp_path / "hidden.xlsx", sheets, active=1, hidden_sheets=("DM",),
                      hidden_rows={"Danh sach": [3]})
    notices = imported(ward, path)
    assert register(ward) == EXPECTED
    assert "Tệp có các trang: DM, Danh sach (ẩn: DM); đọc trang: Danh sach." in notices
    assert "Bỏ qua 1 dòng bị ẩn (trang Danh sach, dòng 3)." in notices


def test_a_wrong_sheet_is_a_sentence_listing_the_sheets(ward: Store, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    path = write_xlsx(tmp_path / "two.xlsx", {"DM": [["x"]], "Danh sach": [HEADER, *ROWS]}, active=1,
                      hidden_sheets=("DM",))
    assert main(["--db", str(ward.path), "import", str(path), "--sheet", "KP9"]) == 2
    err = capsys.readouterr().err
    assert "Tệp không có trang 'KP9'. Các trang: 1. DM, 2. Danh sach (ẩn: DM)" in err
    assert main(["--db", str(ward.path), "import", str(path), "--sheet", "2"]) == 0
    assert register(ward) == EXPECTED


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_header_only_file_is_warned(ward: Store, tmp_path: Path, suffix: str) -> None:
    path = (write_csv(tmp_path / "empty.csv", [HEADER]) if suffix == "csv"
            else write_xlsx(tmp_path / "empty.xlsx", {"DS": [HEADER]}))
    plan, result = import_file(ward, path, dry_run=True)
    assert result is not None and result.added_households == 0
    # a CSV has no sheet to name (seen: "Trang  chỉ có dòng tiêu đề", a blank where the sheet's name goes)
    assert [p.msg_id for p in plan.problems] == ["io.header_only_file" if suffix == "csv" else "io.header_only"]
    assert "  " not in plan.problems[0].message()


FORM_TOP = [
    ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["DANH SÁCH HỘ GIA ĐÌNH KHU PHỐ 7"],
    ["STT", "Họ và tên", "Năm sinh", "", "Quan hệ với chủ hộ", "Số nhà", "Đường", "Số CCCD"],
    ["", "", "Nam", "Nữ", "", "", "", ""],
    ["1", "2", "3", "4", "5", "6", "7", "8"],
]


def _form(birth: list[object], cccd: str = "7.9156001234E+10") -> list[list[object]]:
    """The administrative form: title, two-row header with Nam | Nữ birth-year columns, a numbering row,
    "TỔ" group rows, a totals row and the signature block, around ROWS (dates written four ways)."""
    def person(number: int, row: list[str], year: object) -> list[object]:
        male, female = (year, "") if row[3] == "Nam" else ("", year)
        return [str(number), row[0], male, female, row[1], row[4], row[5], cccd if number == 1 else ""]

    return [*FORM_TOP, ["TỔ 1"], *(person(n, r, birth[n - 1]) for n, r in enumerate(ROWS[:3], start=1)),
            ["TỔ 2"], person(4, ROWS[3], birth[3]), ["Tổng cộng: 2 hộ, 4 nhân khẩu"], [],
            ["", "", "", "", "", "Phường 5, ngày 10 tháng 6 năm 2026"], ["", "", "", "", "", "Người lập biểu"],
            ["", "", "", "", "", "Nguyễn Văn Tâm"]]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_the_administrative_form_layout(ward: Store, tmp_path: Path, suffix: str) -> None:
    from datetime import datetime

    if suffix == "csv":
        rows = _form(["1956", "04/1954", "15/03/85", "1970-04-30"])
        path = write_csv(tmp_path / "form.csv", [[str(c) for c in r] for r in rows])
    else:  # a date cell, an Excel serial left as a number (1 June 1954), d/m/yy text, ISO text
        rows = _form([datetime(1956, 5, 1), 19876, "15/03/85", "1970-04-30"])
        path = write_xlsx(tmp_path / "form.xlsx", {"DS": rows})
    notices = imported(ward, path, area="KP7")
    assert register(ward) == EXPECTED
    assert ward.conn.execute("SELECT id_number FROM people WHERE full_name = 'Trần Kim Xuân'").fetchone() == (
        "079156001234",)
    assert notices == [
        "Bỏ qua dòng đánh số cột (1, 2, 3…): dòng 5.",
        "Bỏ qua 2 dòng tên nhóm (ví dụ \"TỔ 1\"): dòng 6, 10.",
        "Bỏ qua 1 dòng tổng cộng: dòng 12.",
        "Bỏ qua phần ký tên dưới bảng (3 dòng): dòng 14, 15, 16.",
    ]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_rounded_cccd_is_refused_not_stored(ward: Store, tmp_path: Path, suffix: str) -> None:
    rows = _form(["1956", "1954", "1985", "1970"], cccd="7.90123E+10")
    path = (write_csv(tmp_path / "rounded.csv", [[str(c) for c in r] for r in rows]) if suffix == "csv"
            else write_xlsx(tmp_path / "rounded.xlsx", {"DS": rows}))
    plan, result = import_file(ward, path, area="KP7")
    assert result is None and register(ward) == []
    assert [p.message("vi") for p in plan.blocking] == [
        "Dòng 7, cột Số CCCD: Số '7.90123E+10' đã bị Excel làm tròn nên mất chữ số: định dạng cột là Văn bản "
        "(Text) rồi gõ lại số đầy đủ."]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_problems_speak_the_users_language_with_the_files_headers(ward: Store, tmp_path: Path, lang: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Own headers ("Tên", "Phái"), an unknown khu phố on two rows told once with the way out, a new household
    without a house number named by its row, a row without a name: no field key, no "None", no Python."""
    header = ["Tên", "Quan hệ", "Phái", "Số nhà", "Đường", "Khu phố"]
    rows = [header,
            ["Phan Văn Tám", "Chủ hộ", "Trai", "", "", "Khu phố 9"],
            ["Phan Thị Chín", "Vợ", "Nữ", "", "", "Khu phố 9"],
            ["", "Con", "Nữ", "", "", "Khu phố 9"]]
    mapping = tmp_path / "mapping.json"
    mapping.write_text('{"Phái": "gender"}', "utf-8")
    path = write_csv(tmp_path / "own-headers.csv", rows)
    assert main(["--db", str(ward.path), "--lang", lang, "import", str(path), "--mapping", str(mapping)]) == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    if lang == "vi":
        assert "Cột 'Phái' → Giới tính" in out
        assert "Dòng 2, cột Phái: 'Trai' không phải giới tính; ghi một trong: Nam, Nữ." in lines
        assert "Dòng 4, cột Tên: Dòng có dữ liệu nhưng không có họ tên: điền họ tên hoặc xoá dòng." in lines
        assert "Dòng 2, cột Số nhà: Hộ mới cần 'Số nhà': điền vào dòng đầu của hộ." in lines
        assert ("Dòng 2, cột Khu phố: Khu phố 'Khu phố 9' chưa có trong sổ (2 dòng). Sửa tên cho đúng khu phố đã "
                "có, hoặc chọn tạo khu phố mới khi nhập.") in lines
        assert "Nếu đây là khu phố mới: nhập lại với --create-areas." in lines
    else:
        assert "Column 'Phái' → Gender" in out
        assert "Row 2, column Phái: 'Trai' is not a gender; write one of: Nam, Nữ." in lines
        assert "If these are new khu phố: import again with --create-areas." in lines
    for bad in ("None", "full_name", "house_no", "flag_", "Traceback", *(("gender",) if lang == "vi" else ())):
        assert bad not in out + err
    assert register(ward) == []


def test_a_merged_address_heading_over_house_number_and_street(ward: Store, tmp_path: Path) -> None:
    """"Địa chỉ" merged over "Số nhà" | "Đường": the heading's text is in its first cell only, above "Số nhà"
    (seen: "Số nhà" left out, and every household refused for lacking it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Địa chỉ", None, "Khu phố"])
    sheet.append([None, None, None, None, "Số nhà", "Đường", None])
    sheet.merge_cells("E1:F1")
    for column in "ABCDG":
        sheet.merge_cells(f"{column}1:{column}2")
    sheet.append([1, "Võ Văn Hùng", "Chủ hộ", 1961, "18", "Trần Quang Khải", "Khu phố 7"])
    sheet.append([2, "Võ Thị Lan", "Vợ", 1965, "18", "Trần Quang Khải", "Khu phố 7"])
    path = tmp_path / "hai-dong-tieu-de.xlsx"
    book.save(path)
    plan, result = import_file(ward, path)
    assert not plan.blocking and result is not None and result.added_households == 1
    assert ward.conn.execute("SELECT house_no, street FROM households").fetchall() == [("18", "Trần Quang Khải")]
