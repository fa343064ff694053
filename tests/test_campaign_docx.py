"""`wardbook campaign report --docx`: the sweep's report as a Word file in the review's Decree 30 layout, saying
what the PDF says (coverage, each question's tallies, the narrative); a bad target is refused before anything
is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document

from desktop.cli import main
from desktop.store import Store
from tests.test_campaign_cli import DEFINITION, run, ward  # noqa: F401  (the fixture)


@pytest.fixture
def answered(ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:  # noqa: F811
    """The sweep of Khu phố 1: HK1 reached with its answers, HK2 not at home, HK3 not started; closed with
    the team lead's narrative."""
    source = tmp_path / "ra-soat.json"
    source.write_text(json.dumps(DEFINITION, ensure_ascii=False), encoding="utf-8")
    name = DEFINITION["name"]
    assert run(capsys, ward, "campaign", "create", "--from", str(source))[0] == 0
    assert run(capsys, ward, "campaign", "answer", name, "HK1", "--status", "reached", "--on", "02/06/2026",
               "--set", "ok=có", "--set", "fans=2", "--set", "need=Nước;Quạt")[0] == 0
    assert run(capsys, ward, "campaign", "answer", name, "HK2", "--status", "not_home", "--on", "03/06/2026")[0] == 0
    assert run(capsys, ward, "campaign", "close", name, "--narrative", "Hoàn thành đúng hạn.")[0] == 0
    return ward


def _rows(document: object) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in document.tables  # type: ignore[attr-defined]
            for row in table.rows]


def test_the_report_as_docx_beside_the_pdf(answered: Path, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    pdf, word = tmp_path / "bc.pdf", tmp_path / "bc.docx"
    code, out, err = run(capsys, answered, "campaign", "report", DEFINITION["name"], "--out", str(pdf),
                         "--docx", str(word))
    assert code == 0, err
    assert str(pdf) in out and str(word) in out and pdf.stat().st_size > 0
    document = Document(str(word))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "BÁO CÁO" in body
    assert "Tổng số hộ thuộc đợt rà soát: 3; đã gặp 1 hộ (33,3%)" in body
    assert "Hoàn thành đúng hạn." in body
    rows = _rows(document)
    assert ["Khu phố 1", "3", "1", "1", "1", "0"] in rows
    assert ["", "Có", "1", "100,0%"] in rows and ["", "Quạt", "1", "100,0%"] in rows
    assert ["", "Thuốc", "0", "0,0%"] in rows and ["", "Tổng", "2 cái", ""] in rows
    assert any(row[0].startswith("1. Sức khoẻ ổn định?") and row[2] == "1" for row in rows)
    assert any(row[0].startswith("3. Cần hỗ trợ") for row in rows)
    assert any("Nơi nhận" in cell for row in rows for cell in row)  # the signature block
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cell for row in rows for cell in row)  # the title block
    section = document.sections[0]
    margins = (section.left_margin, section.right_margin, section.top_margin)
    assert [round(margin.mm) for margin in margins if margin is not None] == [30, 15, 20]
    assert document.styles["Normal"].font.name == "Times New Roman"
    with Store.open(answered) as store:
        printed = [json.loads(row[0]) for row in store.conn.execute(
            "SELECT detail FROM audit_log WHERE action = 'print' AND target_table = 'campaigns'")]
    assert {"report": "campaign_report", "format": "docx"} in printed


def test_the_docx_alone_and_bad_targets(answered: Path, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    name = DEFINITION["name"]
    word = tmp_path / "only.docx"
    code, _out, err = run(capsys, answered, "campaign", "report", name, "--docx", str(word))
    assert code == 0, err
    assert word.exists() and not (tmp_path / "only.pdf").exists()
    before = answered.read_bytes()
    code, out, err = run(capsys, answered, "campaign", "report", name, "--docx", str(answered))
    assert code == 2 and not out and len(err.strip().splitlines()) == 1 and "cơ sở dữ liệu" in err
    assert answered.read_bytes() == before
    pdf = tmp_path / "not-written.pdf"
    code, _out, err = run(capsys, answered, "campaign", "report", name, "--out", str(pdf), "--docx", str(tmp_path))
    assert code == 2 and len(err.strip().splitlines()) == 1 and not pdf.exists()
    code, _out, err = run(capsys, answered, "campaign", "report", name)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--docx" in err
    assert main(["--db", str(answered), "campaign", "list"]) == 0
