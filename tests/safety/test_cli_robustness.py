"""Careless or hostile command lines: each is one line on stderr, exit 2, and nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop import clock
from desktop.cli import main
from desktop.errors import WardbookError
from desktop.register.validation import check_int, check_number, check_text, parse_date
from desktop.reports.periods import parse_period
from desktop.reports.review import build_review
from desktop.reports.walklist import WalkFilter, build_walk_list
from desktop.store import Store
from tests.safety.conftest import ROOT, Result, dump, snapshot

BAD = [
    ["household", "list", "--limit", "99999999999999999999999"],
    ["household", "list", "--not-visited-days", "-3"],
    ["household", "list", "--not-visited-days", "1e9"],
    ["search", "nguyen", "--limit", "nan"],
    ["visit", "list", "--limit", "-1"],
    ["demo", "--visits-per-household", "nan"],
    ["demo", "--visits-per-household", "-3"],
    ["demo", "--visits-per-household", "1e9"],
    ["demo", "--visits-per-household", "inf"],
    ["demo", "--households", "0"],
    ["report", "review", "--period", "0000", "--out", "{tmp}/r.pdf"],
    ["report", "review", "--period", "9999", "--out", "{tmp}/r.pdf"],
    ["report", "review", "--from", "01/01/0001", "--to", "01/01/2026", "--out", "{tmp}/r.pdf"],
    ["report", "walklist", "--area", "Khu phố 1", "--not-visited-days", "-5", "--out", "{tmp}/w.pdf"],
    ["retention", "preview", "--years", "5000"],
    ["retention", "set", "--moved-out-years", "-1"],
    ["setting", "no.such.key", "x"],
    ["setting", "", "x"],
    ["setting", "report.place", "x" * 5000],
    ["household", "add", "--area", "Khu phố 1", "--house-no", "1", "--street", "A", "--head", "B",
     "--code", "HK-00001"],
    ["household", "add", "--area", "Khu phố 1", "--house-no", "1", "--street", "A", "--head", "N" * 5000],
    ["household", "add", "--area", "Khu phố 1", "--house-no", "1", "--street", "A", "--head", "B\x00C"],
    ["household", "add", "--area", "Khu phố 1", "--house-no", "1", "--street", "A", "--head", "B",
     "--head-birth-year", "9999"],
    ["visit", "add", "--household", "HK-00001", "--purpose", "welfare_check", "--date", "01/01/2026",
     "--support", "food:nan"],
    ["visit", "add", "--household", "HK-00001", "--purpose", "welfare_check", "--date", "01/01/2026",
     "--support", "food:1:kg:1e99"],
    ["visit", "add", "--household", "HK-00001", "--purpose", "welfare_check", "--date", "31/12/9999"],
    ["visit", "add", "--household", "HK-00001", "--purpose", "welfare_check", "--date", "01/01/2026",
     "--findings", "x" * 100_000],
    ["import", "{tmp}/list.csv", "--mapping", "{tmp}/missing.json"],
    ["import", "{tmp}/list.csv", "--mapping", "{tmp}/binary.json"],
    ["import", "{tmp}/list.csv", "--mapping", "{tmp}/list.json"],
    ["frobnicate"],
    ["household", "add", "--area"],
    ["search", "nguy\udcffen"],
    ["household", "show", "\ud800"],
]


@pytest.mark.parametrize("argv", BAD, ids=lambda a: " ".join(a)[:50])
def test_a_bad_command_line_is_one_line_exit_2_and_writes_nothing(
    ward: Path, tmp_path: Path, cli: Callable[..., Result], argv: list[str]
) -> None:
    (tmp_path / "binary.json").write_bytes(b"\x00\xff\xfe binary")
    (tmp_path / "list.json").write_text("[1, 2, 3]", "utf-8")
    (tmp_path / "list.csv").write_text("Chủ hộ,Địa chỉ\nA,1\n", "utf-8")
    rows, before = dump(ward), snapshot(tmp_path)
    result = cli("--db", ward, *(arg.replace("{tmp}", str(tmp_path)) for arg in argv))
    assert result.code == 2, result
    assert len(result.err.splitlines()) == 1 and "Traceback" not in result.err, result.err
    assert result.err.startswith(("Error: ", "Usage error: ")), result.err
    assert dump(ward) == rows
    assert snapshot(tmp_path) == before


def test_a_usage_error_points_to_help(cli: Callable[..., Result], tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    result = cli("--db", tmp_path / "x.db", "household", "add", "--area", "x")
    assert result.err.strip().endswith("(see 'wardbook household add --help')"), result.err
    assert main(["frobnicate"]) == 2
    assert capsys.readouterr().err.startswith("Lỗi cú pháp lệnh: ")


def test_invalid_utf8_in_an_argument_from_the_shell(ward: Path) -> None:
    env = {**os.environ, "WARDBOOK_UNENCRYPTED": "1", "LC_ALL": "C.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "--lang", "en", "--db", str(ward).encode(),
                           "search", b"nguy\xffen"], cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.decode().startswith("Error: The argument 'nguy\ufffden' is not valid UTF-8 text")


def test_a_closed_pipe_ends_quietly(ward: Path) -> None:
    env = {**os.environ, "WARDBOOK_UNENCRYPTED": "1"}
    done = subprocess.run(
        f"{sys.executable} -m desktop.cli --db {ward} search nguyen --limit 100000 | head -1",
        shell=True, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.stderr == "" and len(done.stdout.splitlines()) == 1


@pytest.mark.parametrize(("check", "value"), [
    (lambda v: check_int(v, "n", low=0, high=10), "11"),
    (lambda v: check_int(v, "n", low=0, high=10), "1.5"),
    (lambda v: check_int(v, "n", low=0, high=10), True),
    (lambda v: check_number(v, "x", low=0, high=10), "nan"),
    (lambda v: check_number(v, "x", low=0, high=10), "-inf"),
    (lambda v: check_number(v, "x", low=0, high=10), "1e400"),
    (lambda v: check_text(v, "t", limit=5), "123456"),
    (lambda v: check_text(v, "t", limit=5), "a\x07b"),
    (lambda v: parse_date(v), "01/01/1899"),
    (lambda v: parse_date(v), "2101-01-01"),
    (parse_period, "1899"),
    (parse_period, "2026-01-01..9999-12-31"),
])
def test_the_validation_layer_refuses(check: Callable[[object], object], value: object) -> None:
    with pytest.raises(WardbookError):
        check(value)


def test_reports_cut_a_stored_5000_character_name_instead_of_failing(ward: Path, tmp_path: Path) -> None:
    """Such a name cannot be typed any more, but one may be stored (an older version, an import, a sync)."""
    from desktop.store import new_id

    with Store.open(ward) as store:
        area_id = store.conn.execute("SELECT id FROM areas ORDER BY name LIMIT 1").fetchone()[0]
        household_id, head_id = new_id(), new_id()
        store.writer.insert("households", {"code": "LONG1", "area_id": area_id, "house_no": "9" * 400,
                                           "street": "Đường " + "rất dài " * 600, "head_person_id": head_id,
                                           "status": "active"}, row_id=household_id)
        store.writer.insert("people", {"household_id": household_id, "full_name": "Nguyễn " + "A" * 5000,
                                       "relation_to_head": "chủ hộ"}, row_id=head_id)
        # this year's review: the household is in the ward from today, so at this year's cut-off (today)
        review = build_review(store, parse_period(str(clock.today().year)), tmp_path / "review.pdf")
        assert any(line.household_id == household_id for line in review.not_visited)
        lines = build_walk_list(store, area_id, tmp_path / "walk.pdf", flt=WalkFilter(None, True, False))
        assert any(line.household_id == household_id for line in lines)
    import pdfplumber

    with pdfplumber.open(tmp_path / "walk.pdf") as pdf:
        shown = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "Nguyễn AAAA" in shown and "…" in shown


@pytest.mark.parametrize(("damage", "command"), [
    ({"station.json": b"not json"}, ["sync", "status"]),  # (`sync` on the admin's laptop puts it back)
    ({"station.json": b"[1, 2]"}, ["share", "list"]),
    ({"enroll/abc.req": b'{"no": "keys"}'}, ["share", "approve", "abc"]),
])
def test_a_damaged_sync_folder_is_one_line(tmp_path: Path, cli: Callable[..., Result],
                                           monkeypatch: pytest.MonkeyPatch, damage: dict[str, bytes],
                                           command: list[str]) -> None:
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", "a passphrase for the station")
    monkeypatch.delenv("WARDBOOK_UNENCRYPTED")
    station = ["--db", tmp_path / "station.db", "--key-file", tmp_path / "station.keys"]
    share = tmp_path / "share"
    assert cli(*station, "init").code == 0
    assert cli(*station, "share", "init", share).code == 0
    for name, data in damage.items():
        (share / name).parent.mkdir(exist_ok=True)
        (share / name).write_bytes(data)
    before = snapshot(share)
    result = cli(*station, *command, "--share", share)
    assert result.code == 2 and len(result.err.splitlines()) == 1, result
    assert "damaged" in result.err and str(share) in result.err
    assert snapshot(share) == before


def test_a_garbage_request_in_the_share_is_passed_over(tmp_path: Path, cli: Callable[..., Result],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """One bad file in enroll/ must not keep the admin from the station's laptops and real requests."""
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", "a passphrase for the station")
    monkeypatch.delenv("WARDBOOK_UNENCRYPTED")
    station = ["--db", tmp_path / "station.db", "--key-file", tmp_path / "station.keys"]
    share = tmp_path / "share"
    assert cli(*station, "init").code == 0
    assert cli(*station, "share", "init", share).code == 0
    (share / "enroll").mkdir(exist_ok=True)
    # A name no device id can contain (ids are hex), so its absence from the list is meaningful.
    (share / "enroll" / "not-a-laptop.req").write_bytes(b"\x00garbage")
    before = snapshot(share)
    result = cli(*station, "share", "list", "--share", share)
    assert result.code == 0 and "enrolled" in result.out and "not-a-laptop" not in result.out, result
    assert snapshot(share) == before
