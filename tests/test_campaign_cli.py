"""`wardbook campaign …`: a sweep defined from a shared JSON file, assigned, answered and followed from the
command line; bad input is one line on stderr with exit 2 and nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import main
from desktop.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEFINITION = {
    "name": "Rà soát người cao tuổi", "purpose": "Nắng nóng", "starts_on": "2026-06-01", "ends_on": "2026-06-30",
    "target": {"areas": ["Khu phố 1"]},
    "questions": [
        {"code": "ok", "label": "Sức khoẻ ổn định?", "kind": "yes_no", "required": True},
        {"code": "fans", "label": "Số quạt", "kind": "number", "unit": "cái", "low": 0, "high": 10},
        {"code": "need", "label": "Cần hỗ trợ", "kind": "several_choices", "choices": ["Nước", "Thuốc", "Quạt"]},
    ],
}


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as store:
        area = store.writer.insert("areas", {"name": "Khu phố 1", "kind": "khu_pho"})
        other = store.writer.insert("areas", {"name": "Khu phố 2", "kind": "khu_pho"})
        for number in range(1, 4):
            store.writer.insert("households", {"code": f"HK{number}", "area_id": area, "street": "Lê Lợi",
                                               "status": "active"})
        store.writer.insert("households", {"code": "HK9", "area_id": other, "street": "Hai Bà Trưng"})
    return path


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_sweep_from_a_shared_file_is_answered_and_followed(
        ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ra-soat.json"
    source.write_text(json.dumps(DEFINITION, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, ward, "campaign", "create", "--from", str(source))
    assert code == 0, err
    assert "Rà soát người cao tuổi" in out
    code, out, _ = run(capsys, ward, "campaign", "list")
    assert "Rà soát người cao tuổi" in out and "Đang diễn ra" in out
    name = DEFINITION["name"]
    assert run(capsys, ward, "campaign", "answer", name, "HK1", "--status", "reached", "--on", "02/06/2026",
               "--set", "ok=có", "--set", "fans=2", "--set", "need=Nước;Quạt")[0] == 0
    assert run(capsys, ward, "campaign", "answer", name, "HK2", "--status", "not_home", "--on", "03/06/2026")[0] == 0
    code, out, _ = run(capsys, ward, "campaign", "progress", name)
    totals = out.splitlines()[-1].split()
    assert totals[-5:] == ["3", "1", "1", "1", "0"], out  # households, reached, to retry, not started, other
    code, out, _ = run(capsys, ward, "campaign", "progress", name, "--by", "day")
    assert "02/06/2026" in out and "2026-06" not in out  # each day as the officers write it
    code, out, _ = run(capsys, ward, "campaign", "show", name, "--json")
    shared = json.loads(out)
    assert [(q["code"], q["label"], q["kind"]) for q in shared["questions"]] == [
        (q["code"], q["label"], q["kind"]) for q in DEFINITION["questions"]]
    assert shared["target"]["areas"] == ["Khu phố 1"] and shared["questions"][2]["choices"] == ["Nước", "Thuốc", "Quạt"]
    assert run(capsys, ward, "campaign", "results", name, "--out", str(tmp_path / "kq.xlsx"))[0] == 0
    rows = list(load_workbook(tmp_path / "kq.xlsx", read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 4 and rows[1][0] == "HK1" and rows[1][-3:] == ("Có", 2, "Nước; Quạt")
    assert run(capsys, ward, "campaign", "close", name, "--narrative", "Xong.")[0] == 0
    code, _out, err = run(capsys, ward, "campaign", "answer", name, "HK3", "--status", "reached", "--set", "ok=yes")
    assert code == 2 and "đã kết thúc" in err


@pytest.mark.parametrize(("args", "words"), [
    (("answer", DEFINITION["name"], "HK1", "--status", "reached", "--set", "fans=11"), "ngoài khoảng"),
    (("answer", DEFINITION["name"], "HK1", "--status", "reached", "--set", "ok=có", "--set", "need=Gạo"), "Gạo"),
    (("answer", DEFINITION["name"], "HK1", "--status", "reached"), "bắt buộc"),
    (("answer", DEFINITION["name"], "HK9", "--status", "reached", "--set", "ok=có"), "không thuộc"),
    (("answer", DEFINITION["name"], "HK1", "--status", "reached", "--set", "nope"), "MÃ=GIÁ_TRỊ"),
    (("answer", "no-such-sweep", "HK1", "--status", "reached"), "Không tìm thấy"),
])
def test_bad_answers_are_one_line_and_write_nothing(
        ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: str) -> None:
    source = tmp_path / "ra-soat.json"
    source.write_text(json.dumps(DEFINITION, ensure_ascii=False), encoding="utf-8")
    assert run(capsys, ward, "campaign", "create", "--from", str(source))[0] == 0
    code, _out, err = run(capsys, ward, "campaign", *args)
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1, err
    with Store.open(ward) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM campaign_results").fetchone() == (0,)
        assert store.conn.execute("SELECT COUNT(*) FROM campaign_answers").fetchone() == (0,)


@pytest.mark.parametrize("content", ["{not json", json.dumps({"name": "x", "questions": "all"}),
                                     json.dumps({**DEFINITION, "questions": []}),
                                     json.dumps({**DEFINITION, "ends_on": "2026-05-01"})])
def test_a_bad_definition_file_is_refused_whole(
        ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str) -> None:
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    code, _out, err = run(capsys, ward, "campaign", "create", "--from", str(source))
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _out, err = run(capsys, ward, "campaign", "create", "--from", str(tmp_path / "missing.json"))
    assert code == 2 and "missing.json" in err and "tồn tại" in err and "No such file" not in err
    with Store.open(ward) as store:
        assert store.conn.execute("SELECT COUNT(*) FROM campaigns").fetchone() == (0,)


def test_campaign_progress_loads_nothing_heavy(ward: Path, tmp_path: Path) -> None:
    source = tmp_path / "ra-soat.json"
    source.write_text(json.dumps(DEFINITION, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(ward), "campaign", "create", "--from", str(source)]) == 0
    run_code = ("import json, sys; from desktop.cli import main; code = main(sys.argv[1:]); "
                "print(json.dumps([code, list(sys.modules)]))")
    done = subprocess.run([sys.executable, "-c", run_code, "--db", str(ward), "campaign", "progress",
                           DEFINITION["name"]], capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0
    assert not [m for m in modules if m.split(".")[0] in ("openpyxl", "reportlab", "cryptography")
                or m.startswith(("desktop.sync", "desktop.reports", "desktop.io"))]


def test_walk_list_and_report_pdfs(ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The walk list has the households not reached yet, with the checklist; the report the coverage and the
    tallies of each question; both render."""
    import pdfplumber

    source = tmp_path / "ra-soat.json"
    source.write_text(json.dumps(DEFINITION, ensure_ascii=False), encoding="utf-8")
    assert run(capsys, ward, "campaign", "create", "--from", str(source))[0] == 0
    name = DEFINITION["name"]
    assert run(capsys, ward, "campaign", "answer", name, "HK1", "--status", "reached", "--on", "02/06/2026",
               "--set", "ok=có", "--set", "fans=2", "--set", "need=Nước;Quạt")[0] == 0
    assert run(capsys, ward, "campaign", "answer", name, "HK2", "--status", "not_home", "--on", "03/06/2026")[0] == 0
    code, _out, err = run(capsys, ward, "campaign", "walklist", name, "--area", "Khu phố 1",
                         "--out", str(tmp_path / "di.pdf"))
    assert code == 0, err
    with pdfplumber.open(tmp_path / "di.pdf") as pdf:
        words = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "HK2" in words and "HK3" in words and "HK1" not in words
    assert "□ Có" in words and "Số quạt" in words and "□ Vắng nhà" in words
    assert run(capsys, ward, "campaign", "close", name, "--narrative", "Hoàn thành đúng hạn.")[0] == 0
    assert run(capsys, ward, "campaign", "report", name, "--out", str(tmp_path / "bc.pdf"))[0] == 0
    with pdfplumber.open(tmp_path / "bc.pdf") as pdf:
        words = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "Tổng số hộ thuộc đợt rà soát: 3; đã gặp 1 hộ (33,3%)" in words
    assert "Khu phố 1 3 1 1 1 0" in words and "Hoàn thành đúng hạn." in words and "Nơi nhận" in words
    assert "Quạt 1 100,0%" in words and "Tổng 2 cái" in words
    rendered = subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(tmp_path / "bc.pdf"),
                               str(tmp_path / "page")], capture_output=True)
    assert rendered.returncode == 0 and list(tmp_path.glob("page*.png"))


def test_questions_are_added_and_retired_keeping_their_answers(
        ward: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "ra-soat.json"
    source.write_text(json.dumps(DEFINITION, ensure_ascii=False), encoding="utf-8")
    assert run(capsys, ward, "campaign", "create", "--from", str(source))[0] == 0
    name = DEFINITION["name"]
    assert run(capsys, ward, "campaign", "answer", name, "HK1", "--status", "reached", "--on", "02/06/2026",
               "--set", "ok=có", "--set", "fans=2")[0] == 0
    code, out, err = run(capsys, ward, "campaign", "retire", name, "fans")
    assert code == 0 and "vẫn giữ" in out, err
    code, _out, err = run(capsys, ward, "campaign", "add-question", name, "--label", "Nguồn nước", "--kind",
                          "one_choice", "--choices", "Máy;Giếng", "--code", "water")
    assert code == 0, err
    code, _out, err = run(capsys, ward, "campaign", "add-question", name, "--label", "Một lựa chọn", "--kind",
                          "one_choice", "--choices", "Chỉ một")
    assert code == 2 and "hai lựa chọn" in err
    code, out, _err = run(capsys, ward, "campaign", "show", name)
    assert "ngừng dùng" in out and "Nguồn nước" in out and "Máy; Giếng" in out
    code, _out, err = run(capsys, ward, "campaign", "answer", name, "HK2", "--status", "reached", "--set", "ok=có",
                          "--set", "fans=1")
    assert code == 2 and "ngừng dùng" in err
    assert run(capsys, ward, "campaign", "answer", name, "HK2", "--status", "reached", "--set", "ok=có",
               "--set", "water=2")[0] == 0
    assert run(capsys, ward, "campaign", "results", name, "--out", str(tmp_path / "kq.xlsx"))[0] == 0
    rows = list(load_workbook(tmp_path / "kq.xlsx", read_only=True).worksheets[0].iter_rows(values_only=True))
    header = rows[0]
    fans, water = header.index("Số quạt (cái) (ngừng dùng)"), header.index("Nguồn nước")
    assert (rows[1][fans], rows[2][water]) == (2, "Giếng")


def test_a_definition_file_that_is_a_pipe_is_refused_not_waited_for(tmp_path: Path) -> None:
    from desktop.campaigns.definition import read_definition_file
    from desktop.errors import WardbookError

    pipe = tmp_path / "checklist.json"
    os.mkfifo(pipe)
    with pytest.raises(WardbookError) as refused:
        read_definition_file(pipe)
    assert refused.value.msg_id == "files.not_a_file"
