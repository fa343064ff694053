"""A report or an export replaces only a file of its own kind, is named for its kind, and two outputs of one
command are two files: an unrelated file under the chosen name is never silently turned into a report."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from desktop import files
from desktop.errors import WardbookError
from desktop.reports import jobs
from desktop.store import Store
from tests.safety.conftest import Result, snapshot

REVIEW = ["report", "review", "--period", "2026-Q2"]


def _word(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return path


def _one_line_error(result: Result, words: str) -> None:
    assert result.code == 2, result
    assert result.err.startswith("Error: ") and len(result.err.splitlines()) == 1, result.err
    assert words in result.err, result.err


def test_a_report_onto_an_unrelated_file_is_refused_and_the_file_stays(
    tmp_path: Path, ward: Path, cli: Callable[..., Result]
) -> None:
    mine = tmp_path / "mine.txt"
    mine.write_text("important", "utf-8")
    notes_named_pdf = tmp_path / "notes.pdf"
    notes_named_pdf.write_text("important", "utf-8")
    before = snapshot(tmp_path)
    _one_line_error(cli("--db", ward, *REVIEW, "--out", mine), "name ending in .pdf")
    _one_line_error(cli("--db", ward, *REVIEW, "--out", notes_named_pdf), "exists and is not of type PDF.")
    _one_line_error(cli("--db", ward, *REVIEW, "--out", tmp_path / "r.pdf", "--docx", mine), "name ending in .docx")
    _one_line_error(cli("--db", ward, *REVIEW, "--out", tmp_path / "r.pdf", "--xlsx", notes_named_pdf),
                    "name ending in .xlsx")
    assert snapshot(tmp_path) == before


def test_two_outputs_of_one_command_onto_one_file_are_refused(
    tmp_path: Path, ward: Path, cli: Callable[..., Result]
) -> None:
    before = snapshot(tmp_path)
    same = tmp_path / "q5.pdf"
    _one_line_error(cli("--db", ward, *REVIEW, "--out", same, "--docx", same), "named for two of the outputs")
    _one_line_error(cli("--db", ward, *REVIEW, "--out", same, "--xlsx", tmp_path / "sub" / ".." / "q5.pdf"),
                    "named for two of the outputs")
    assert snapshot(tmp_path) == before
    assert "được chỉ cho hai tệp kết quả" in files.WardbookError("files.same_target", path="x").message("vi")


def test_a_report_replaces_its_own_kind_and_an_empty_file(
    tmp_path: Path, ward: Path, cli: Callable[..., Result]
) -> None:
    """A ward prints the same report name every month: last month's PDF, Word file and figures are replaced."""
    outputs = ["--out", tmp_path / "q.pdf", "--docx", tmp_path / "q.docx", "--xlsx", tmp_path / "q.xlsx",
               "--csv", tmp_path / "q.csv"]
    assert cli("--db", ward, *REVIEW, *outputs).code == 0
    first = snapshot(tmp_path)
    result = cli("--db", ward, "report", "review", "--period", "2026-Q1", *outputs)
    assert result.code == 0, result
    assert all(snapshot(tmp_path)[f"q.{kind}"] != first[f"q.{kind}"] for kind in ("pdf", "docx", "xlsx", "csv"))
    (tmp_path / "empty.pdf").touch()
    assert cli("--db", ward, "report", "walklist", "--area", "Khu phố 1", "--out", tmp_path / "empty.pdf").code == 0
    assert (tmp_path / "empty.pdf").read_bytes().startswith(b"%PDF-")


def test_an_export_replaces_only_a_spreadsheet_of_its_kind(
    tmp_path: Path, ward: Path, cli: Callable[..., Result]
) -> None:
    sheet = tmp_path / "ho.xlsx"
    listing = tmp_path / "ho.csv"
    assert cli("--db", ward, "export", "households", "--out", sheet).code == 0
    assert cli("--db", ward, "export", "households", "--out", sheet).code == 0
    assert cli("--db", ward, "export", "households", "--out", listing).code == 0
    assert cli("--db", ward, "export", "people", "--out", listing).code == 0
    assert openpyxl.load_workbook(sheet).active is not None
    word_named_xlsx = _word(tmp_path / "letter.xlsx")
    pdf_named_csv = tmp_path / "scan.csv"
    pdf_named_csv.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    before = snapshot(tmp_path)
    _one_line_error(cli("--db", ward, "export", "people", "--out", word_named_xlsx),
                    "is not of type Excel (XLSX)")
    _one_line_error(cli("--db", ward, "export", "people", "--out", pdf_named_csv), "is not of type CSV.")
    assert snapshot(tmp_path) == before


def test_the_apps_report_jobs_refuse_another_kind(demo_store: Store, tmp_path: Path) -> None:
    """The Reports page asks before replacing a file; the core still refuses one of another kind."""
    period = {"start": date(2026, 4, 1), "end": date(2026, 6, 30)}
    word_named_pdf = _word(tmp_path / "bao-cao.pdf")
    pdf = tmp_path / "bao-cao-2.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    with pytest.raises(WardbookError) as refused:
        jobs.periodic_review(demo_store, out=word_named_pdf, **period)
    assert refused.value.msg_id == "files.other_kind"
    with pytest.raises(WardbookError) as wrong_name:
        jobs.periodic_review(demo_store, out=tmp_path / "figures.csv", fmt="xlsx", **period)
    assert wrong_name.value.msg_id == "files.wrong_suffix"
    with pytest.raises(WardbookError) as not_a_workbook:
        jobs.periodic_review(demo_store, out=_word(tmp_path / "figures.xlsx"), fmt="xlsx", **period)
    assert not_a_workbook.value.msg_id == "files.other_kind"
    assert jobs.periodic_review(demo_store, out=pdf, **period) == jobs.Made(str(pdf))
    assert pdf.stat().st_size > 1000
    assert word_named_pdf.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("kind", "content", "replaced"),
    [
        ("pdf", b"%PDF-1.4\n", True),
        ("pdf", b"\xef\xbb\xbfsome junk\n%PDF-1.4\n", True),  # readers allow bytes before the header
        ("pdf", b"important notes\n", False),
        ("csv", "Tên;Năm\nNguyên Văn;1950\n".encode("cp1258"), True),
        ("csv", "Họ tên\tNăm sinh\n".encode("utf-16"), True),
        ("csv", b"%PDF-1.4\n", False),
        ("csv", b"PK\x03\x04" + bytes(40), False),
        ("csv", bytes(range(32)) * 4, False),
        ("xlsx", b"PK\x03\x04 not really a zip", False),
        ("docx", b"", True),
    ],
    ids=["pdf", "pdf-after-junk", "text-as-pdf", "cp1258-csv", "utf16-csv", "pdf-as-csv", "zip-as-csv",
         "binary-as-csv", "broken-zip-as-xlsx", "empty-docx"],
)
def test_an_existing_file_is_judged_by_its_content(tmp_path: Path, kind: str, content: bytes,
                                                   replaced: bool) -> None:
    target = tmp_path / f"out.{kind}"
    target.write_bytes(content)
    if replaced:
        assert files.check_target(target, kind) == target
    else:
        with pytest.raises(WardbookError) as refused:
            files.check_target(target, kind)
        assert refused.value.msg_id == "files.other_kind"


def test_office_files_are_told_apart_by_their_main_part(tmp_path: Path) -> None:
    word = _word(tmp_path / "a.docx")
    book = openpyxl.Workbook()
    book.save(tmp_path / "b.xlsx")
    assert files.check_target(word, "docx") == word
    assert files.check_target(tmp_path / "b.xlsx", "xlsx") == tmp_path / "b.xlsx"
    swapped = tmp_path / "c.docx"
    swapped.write_bytes((tmp_path / "b.xlsx").read_bytes())
    with pytest.raises(WardbookError) as refused:
        files.check_target(swapped, "docx")
    assert refused.value.message("en") == (f"Will not overwrite {swapped}: that file exists and is not of type "
                                           "Word (DOCX). Choose another name.")


def test_the_extension_must_name_the_kind_but_not_its_case(tmp_path: Path) -> None:
    assert files.check_target(tmp_path / "BAO-CAO.PDF", "pdf") == tmp_path / "BAO-CAO.PDF"
    for name in ("bao-cao", "bao-cao.docx", "bao-cao.pdf.txt"):
        with pytest.raises(WardbookError) as refused:
            files.check_target(tmp_path / name, "pdf")
        assert refused.value.msg_id == "files.wrong_suffix"
    with pytest.raises(WardbookError) as refused:
        files.write_bytes(tmp_path / "x.txt", b"%PDF-1.4", kind="pdf")
    assert refused.value.message("vi") == (f"Không ghi {tmp_path / 'x.txt'}: tệp loại PDF phải có tên kết thúc "
                                           "bằng .pdf.")
    assert not (tmp_path / "x.txt").exists()


def test_two_names_of_one_file_are_one_output(tmp_path: Path) -> None:
    (tmp_path / "link.pdf").symlink_to(tmp_path / "real.pdf")
    with pytest.raises(WardbookError) as refused:
        files.check_outputs([(tmp_path / "real.pdf", "pdf"), (None, "docx"), (tmp_path / "link.pdf", "pdf")])
    assert refused.value.msg_id == "files.same_target"
    files.check_outputs([(tmp_path / "r.pdf", "pdf"), (tmp_path / "r.docx", "docx"), (None, "xlsx")])
