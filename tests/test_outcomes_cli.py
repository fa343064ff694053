"""`wardbook case`, `wardbook reintegration` and `wardbook model`: the outcome records from the command line;
bad input is one line on stderr, exit status 2, and nothing written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import Store

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as store:
        area = store.writer.insert("areas", {"name": "Khu phố 3", "kind": "khu_pho"})
        home = store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi", "area_id": area})
        for name in ("Trần Văn Bình", "Trần Văn Bình An"):
            store.writer.insert("people", {"household_id": home, "full_name": name})
    return path


@pytest.fixture
def run(ward: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    def wardbook(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--lang", "en", "--db", str(ward), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return wardbook


def _rows(ward: Path, table: str) -> int:
    with Store.open(ward) as store:
        return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_a_tip_from_received_to_forwarded_to_the_police(run: Run, ward: Path) -> None:
    code, out, _err = run("case", "add", "--kind", "tip", "--title", "Tin báo trộm xe", "--received", "02/04/2026",
                          "--household", "HK1")
    assert code == 0 and out.startswith("Opened case ")
    case = out.split()[-1].rstrip(".")[:8]
    assert run("case", "update", case, "--outcome", "verified", "--date", "05/04/2026")[0] == 0
    assert run("case", "update", case, "--outcome", "forwarded_police", "--status", "referred",
               "--date", "06/04/2026")[0] == 0
    code, out, _err = run("case", "list")
    assert "Forwarded to the police" in out and "Referred" in out
    events = _rows(ward, "case_events")
    code, out, err = run("case", "update", case, "--outcome", "successful")
    assert (code, out) == (2, "") and len(err.strip().splitlines()) == 1
    assert "choose one of: Received, Verified, Forwarded to the police, Closed" in err
    assert _rows(ward, "case_events") == events


def test_the_reintegration_register_from_the_command_line(run: Run, ward: Path) -> None:
    code, out, _err = run("reintegration", "add", "--person", "tran van binh", "--start", "01/03/2026",
                          "--notes", "Hỗ trợ học nghề")
    assert code == 0, _err
    record = out.split()[-1].rstrip(".")[:8]
    code, out, _err = run("reintegration", "list", "--current")
    assert "Trần Văn Bình " in out and "01/03/2026" in out
    code, _out, err = run("reintegration", "add", "--person", "tran van binh", "--start", "01/04/2026")
    assert code == 2 and "already under reintegration support (since 01/03/2026)" in err
    code, _out, err = run("reintegration", "add", "--person", "tran", "--start", "01/04/2026")
    assert code == 2 and "matches 2 people" in err
    assert _rows(ward, "reintegration") == 1
    assert run("reintegration", "end", record, "--date", "30/06/2026")[0] == 0
    assert run("reintegration", "list", "--current")[1].strip() == "Nothing found."
    assert "30/06/2026" in run("reintegration", "list")[1]


def test_community_models_from_the_command_line(run: Run, ward: Path) -> None:
    code, out, _err = run("model", "add", "--name", "Camera hẻm 12", "--kind", "security_camera", "--area",
                          "khu pho 3", "--members", "12", "--recognised", "10/04/2026")
    assert code == 0, _err
    model = out.split()[-1].rstrip(".")[:8]
    code, out, _err = run("model", "list", "--area", "Khu phố 3")
    assert "Camera hẻm 12" in out and "Security cameras" in out and "Active" in out
    code, out, _err = run("model", "edit", model, "--status", "stopped", "--stopped", "01/06/2026")
    assert out.strip() == f"Updated community model {model}: Status, Date stopped."
    code, _out, err = run("model", "add", "--name", "Tổ tự quản", "--kind", "self_managed_group")
    assert code == 2 and err.strip().endswith("needs this date: Date recognised.")
    code, _out, err = run("model", "add", "--name", "X", "--kind", "other", "--recognised", "01/01/2026",
                          "--members", "nhiều")
    assert code == 2 and "must be a whole number" in err
    assert _rows(ward, "community_models") == 1
    code, out, _err = run("model", "edit", model, "--members", "15", "--members-on", "01/05/2026")
    assert code == 0, _err
    assert out.strip() == f"Updated community model {model}: Members, Date the members were counted."
    code, _out, err = run("model", "edit", model, "--members", "16", "--members-on", "1/1/2099")
    assert code == 2 and "Date the members were counted (01/01/2099) cannot be in the future." in err
    with Store.open(ward) as store:
        assert store.conn.execute("SELECT counted_on, members FROM community_model_counts "
                                  "ORDER BY counted_on").fetchall() == [("2026-04-10", 12), ("2026-05-01", 15)]
    code, out, _err = run("model", "counts", model)
    assert code == 0 and "10/04/2026" in out and "01/05/2026" in out, _err
    second = out.strip().splitlines()[-1].split()[0]  # the count of 01/05/2026
    code, out, _err = run("model", "remove-count", second)
    assert code == 0 and out.strip() == f"Removed member count {second}.", _err
    code, _out, err = run("model", "remove-count", second)
    assert code == 2 and f"No member count '{second}'" in err
    for typed in ("%", "________"):  # one count left: a wildcard must not name it
        code, _out, err = run("model", "remove-count", typed)
        assert code == 2 and "No member count" in err
    remaining = run("model", "counts", model)[1].strip().splitlines()[2:]  # below the header and its rule
    assert [line.split()[1:] for line in remaining] == [["10/04/2026", "12"]]
    with Store.open(ward) as store:  # the model's own number is its latest remaining count
        assert store.conn.execute("SELECT members FROM community_models").fetchall() == [(12,)]
