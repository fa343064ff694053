"""Resident text never becomes a live formula in a spreadsheet the app writes: XLSX cells holding text are text
cells (read back: data type 's', value unchanged), and in CSV a text a spreadsheet would run as a formula
starts with an apostrophe, which the importer takes off, so an export imports back unchanged."""

from __future__ import annotations

import csv
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import openpyxl
import pytest

from desktop import files
from desktop.campaigns import answers, definition, results
from desktop.campaigns.definition import Question
from desktop.io.importer import import_file
from desktop.register.households import add_area
from desktop.store import Store
from tests.safety.conftest import Result

AREA = "=2*3"
HOUSEHOLDS = [
    {"--house-no": "=1+1", "--street": "+cmd|' /C calc'!A0", "--head": '=HYPERLINK("http://evil","x")',
     "--notes": "#N/A"},
    {"--house-no": "-12", "--street": "@SUM(A1)", "--head": "-Nguyễn Văn Ánh", "--notes": "'=đã ghi"},
]
FINDINGS = "=1+1 cần hỗ trợ"
PERSON_MET = "@bà Lan"
REGISTER_TEXTS = {value for household in HOUSEHOLDS for value in household.values()} | {AREA}


@pytest.fixture
def injected(ward: Path, cli: Callable[..., Result]) -> Path:
    """The demo ward with a khu phố and two households whose texts a spreadsheet would run, and a visit."""
    with Store.open(ward) as store:
        add_area(store, AREA)
    for number, household in enumerate(HOUSEHOLDS):
        fields = [f"{flag}={value}" for flag, value in household.items()]
        added = cli("--db", ward, "household", "add", "--area", AREA, *fields, "--code", f"INJ-{number}")
        assert added.code == 0, added
    visit = cli("--db", ward, "visit", "add", "--household", "INJ-0", "--purpose", "welfare_check",
                "--findings", FINDINGS, f"--person-met={PERSON_MET}", "--support", "cash:1::150000")
    assert visit.code == 0, visit
    return ward


def _cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    book = openpyxl.load_workbook(path)
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def _no_live_formula(path: Path) -> set[str]:
    """The texts of the workbook, each checked to be a text cell."""
    cells = _cells(path)
    texts = {cell.value for cell in cells if isinstance(cell.value, str)}
    assert [(cell.coordinate, cell.value) for cell in cells if isinstance(cell.value, str) and cell.data_type != "s"] \
        == []
    return texts  # type: ignore[return-value]


def _unsafe(path: Path) -> list[str]:
    """The CSV fields a spreadsheet would read as a formula (a number, negative ones too, is no formula)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        fields = [field for row in csv.reader(handle) for field in row]
    return [field for field in fields if field.startswith(files.FORMULA_STARTS) and not _is_number(field)]


def _is_number(field: str) -> bool:
    try:
        float(field)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("kind", ["people", "households", "visits"])
def test_exported_workbooks_hold_resident_text_as_text(tmp_path: Path, injected: Path, cli: Callable[..., Result],
                                                       kind: str) -> None:
    out = tmp_path / f"{kind}.xlsx"
    assert cli("--db", injected, "export", kind, "--out", out).code == 0
    texts = _no_live_formula(out)
    expected = {FINDINGS, PERSON_MET} if kind == "visits" else REGISTER_TEXTS
    assert expected <= texts, expected - texts
    if kind == "visits":
        assert any(cell.value == 150000 and cell.data_type == "n" for cell in _cells(out))


@pytest.mark.parametrize("kind", ["people", "households", "visits"])
def test_exported_csv_guards_formulas_with_an_apostrophe(tmp_path: Path, injected: Path,
                                                         cli: Callable[..., Result], kind: str) -> None:
    out = tmp_path / f"{kind}.csv"
    assert cli("--db", injected, "export", kind, "--out", out).code == 0
    assert _unsafe(out) == []
    text = out.read_text("utf-8-sig")
    if kind == "visits":
        assert f"'{FINDINGS}" in text and f"'{PERSON_MET}" in text and ",150000" in text
    else:
        assert "'=1+1," in text and "'-12," in text and "''=đã ghi" in text and "#N/A" in text


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_export_with_such_texts_imports_back_unchanged(tmp_path: Path, injected: Path,
                                                          cli: Callable[..., Result], suffix: str) -> None:
    out = tmp_path / f"people.{suffix}"
    assert cli("--db", injected, "export", "people", "--out", out).code == 0
    query = ("SELECT h.code, a.name, h.house_no, h.street, h.notes, p.full_name FROM households h "
             "JOIN areas a ON a.id = h.area_id JOIN people p ON p.id = h.head_person_id WHERE h.code LIKE 'INJ-%' "
             "ORDER BY h.code")
    with Store.open(injected) as store:
        original = store.conn.execute(query).fetchall()
    assert [row[2:] for row in original] == [
        (h["--house-no"], h["--street"], h["--notes"], h["--head"]) for h in HOUSEHOLDS]
    with Store.open(tmp_path / "copy.db", create=True) as copy:
        _plan, result = import_file(copy, out, create_areas=True)
        assert result is not None
        assert copy.conn.execute(query).fetchall() == original


def test_the_reviews_workbook_and_csv_name_residents_as_text(tmp_path: Path, injected: Path,
                                                             cli: Callable[..., Result]) -> None:
    """The review's tables name the khu phố; its list of households not visited (asked for by name) names the
    unvisited household's head."""
    made = cli("--db", injected, "report", "review", "--period", "2026", "--out", tmp_path / "r.pdf",
               "--xlsx", tmp_path / "r.xlsx", "--csv", tmp_path / "r.csv", "--annex-names")
    assert made.code == 0, made
    texts = _no_live_formula(tmp_path / "r.xlsx")
    assert {AREA, HOUSEHOLDS[1]["--head"]} <= texts
    assert _unsafe(tmp_path / "r.csv") == []
    assert f"'{AREA}" in (tmp_path / "r.csv").read_text("utf-8-sig")


def test_a_sweeps_results_workbook_keeps_answers_as_text(demo_store: Store, tmp_path: Path) -> None:
    questions = [Question("=Ghi chú", "text", code="remark", help="@xem hướng dẫn"),
                 Question("Số người", "number", code="people", low=-5, high=20)]
    campaign_id = definition.create_campaign(demo_store, name="Rà soát", starts_on="01/06/2026",
                                             ends_on="30/06/2026", questions=questions)
    household = str(demo_store.conn.execute("SELECT id FROM households ORDER BY code LIMIT 1").fetchone()[0])
    answers.record(demo_store, campaign_id, household, status="reached", on="2026-06-02",
                   answers={"remark": '=HYPERLINK("http://evil","x")', "people": "-3"})
    out = results.write_results_xlsx(demo_store, definition.load_campaign(demo_store, campaign_id),
                                     tmp_path / "ket-qua.xlsx")
    texts = _no_live_formula(out)
    assert {'=HYPERLINK("http://evil","x")', "=Ghi chú", "@xem hướng dẫn"} <= texts
    assert any(cell.value == -3 and cell.data_type == "n" for cell in _cells(out))


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@a", "\tx", "\rx", "'=x", "'x", "''", "x", "", "'"])
def test_the_csv_apostrophe_comes_off_exactly(text: str) -> None:
    guarded = files.csv_field(text)
    assert isinstance(guarded, str) and files.csv_unguarded(guarded) == text
    assert not guarded.startswith(files.FORMULA_STARTS)


def test_numbers_stay_numbers_in_csv() -> None:
    assert files.csv_field(-5) == -5 and files.csv_field(-1.5) == -1.5 and files.csv_field(None) is None


def test_a_control_character_already_in_the_register_does_not_stop_an_export(ward: Path, tmp_path: Path) -> None:
    """Another laptop's street with a control character was taken in before such values were refused: the export
    to Excel of every household failed on it (openpyxl refuses the character)."""
    import sqlite3

    from desktop.io.exporter import export

    with closing(sqlite3.connect(ward)) as raw, raw:  # as an older version's merge stored it
        raw.execute("UPDATE households SET street = 'Lê\x01Lợi' WHERE code = (SELECT min(code) FROM households)")
    with Store.open(ward) as store:
        export(store, "households", tmp_path / "households.xlsx")
    cells = {cell for row in openpyxl.load_workbook(tmp_path / "households.xlsx").active.iter_rows(values_only=True)
             for cell in row}
    assert "LêLợi" in cells


def test_a_control_character_already_in_the_register_does_not_stop_the_reviews_xlsx(
    ward: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    """The review's figures exported to Excel failed the same way on a khu phố's name holding one."""
    import sqlite3

    with closing(sqlite3.connect(ward)) as raw, raw:  # as an older version's merge stored it
        name = raw.execute("SELECT name FROM areas ORDER BY name LIMIT 1").fetchone()[0]
        raw.execute("UPDATE areas SET name = ? WHERE name = ?", (name + "\x01", name))
    done = cli("--db", ward, "report", "review", "--period", "2026-Q2", "--out", tmp_path / "review.pdf",
               "--xlsx", tmp_path / "review.xlsx")
    assert done.code == 0, done
    cells = {cell for sheet in openpyxl.load_workbook(tmp_path / "review.xlsx").worksheets
             for row in sheet.iter_rows(values_only=True) for cell in row}
    assert name in cells
