"""The `wardbook` command line, run in-process on real database files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store import Store
from desktop.store.tables import SYNCED

ROOT = Path(__file__).resolve().parents[1]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "cli.db")
    assert run(capsys, "--db", path, "demo", "--households", "60", "--seed", "3")[0] == 0
    return path


def _counts(path: str) -> dict[str, int]:
    with Store.open(path) as store:
        return {t: store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in [*SYNCED, "outbox"]}


def test_init_creates_a_database_and_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sub" / "new.db"
    code, out, _ = run(capsys, "init", "--db", str(path))
    assert code == 0 and path.exists() and "Đã tạo" in out
    code, out, _ = run(capsys, "init", "--db", str(path), "--lang", "en")
    assert code == 0 and "exists" in out


def test_demo_and_stats(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stats", "--db", db, "--lang", "en")
    assert code == 0
    with Store.open(db) as store:
        households = store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    assert households == 60
    assert any(line.startswith("Active households") and line.split()[-1] == "60" for line in out.splitlines())


def test_demo_refuses_a_database_that_has_data(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = _counts(db)
    code, _, err = run(capsys, "demo", "--db", db, "--households", "5")
    assert code == 2 and "60" in err
    assert _counts(db) == before


def test_household_add_show_list_and_search(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "household", "add", "--db", db, "--area", "khu pho 1", "--house-no", "12/3A",
                       "--street", "Đường Lê Lợi", "--head", "Đặng Thị Hòa", "--head-birth-year", "1948",
                       "--phone", "0903 111 222", "--flag", "elderly_alone", "--code", "KP1-999")
    assert code == 0 and "KP1-999" in out
    code, out, _ = run(capsys, "household", "show", "KP1-999", "--db", db, "--lang", "en")
    assert code == 0
    assert "Đặng Thị Hòa" in out and "12/3A Đường Lê Lợi" in out and "Elderly living alone" in out
    code, out, _ = run(capsys, "search", "dang thi hoa", "--db", db)
    assert code == 0 and "KP1-999" in out
    code, out, _ = run(capsys, "household", "list", "--db", db, "--flag", "elderly_alone", "--limit", "500")
    assert code == 0 and "KP1-999" in out
    code, out, _ = run(capsys, "household", "list", "--db", db, "--area", "Khu phố 2", "--limit", "500")
    assert code == 0 and "KP1-999" not in out and "Khu phố 2" in out


def test_household_edit_changes_only_what_is_given(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "household", "edit", "HK-00001", "--db", db, "--street", "Hẻm 5 Cách Mạng Tháng 8",
                       "--phone", "028 3812 3456", "--lang", "en")
    assert code == 0 and "Updated household HK-00001: phone, street." in out
    with Store.open(db) as store:
        house_no, street, phone = store.conn.execute(
            "SELECT house_no, street, phone FROM households WHERE code = 'HK-00001'").fetchone()
    assert (street, phone) == ("Hẻm 5 Cách Mạng Tháng 8", "02838123456") and house_no
    code, out, _ = run(capsys, "search", "cach mang thang 8", "--db", db)
    assert code == 0 and "HK-00001" in out
    code, _, err = run(capsys, "household", "edit", "HK-00001", "--db", db, "--phone", "12")
    assert code == 2 and "điện thoại" in err.lower()


def test_visit_add_and_list(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "visit", "add", "--db", db, "--household", "HK-00001", "--date", "05/01/2026",
                       "--purpose", "food_support", "--purpose", "welfare_check", "--findings", "Cần gạo",
                       "--follow-up", "20/01/2026", "--support", "food:10:kg:200000")
    assert code == 0
    visit_id = out.strip().split()[-1].rstrip(".")
    with Store.open(db) as store:
        row = store.conn.execute("SELECT visited_at, purposes, follow_up_due FROM visits WHERE id = ?",
                                 (visit_id,)).fetchone()
        support = store.conn.execute("SELECT kind, quantity, unit, value_vnd FROM support_items WHERE visit_id = ?",
                                     (visit_id,)).fetchall()
    assert row == ("2026-01-05", "food_support,welfare_check", "2026-01-20")
    assert support == [("food", 10.0, "kg", 200000)]
    code, out, _ = run(capsys, "visit", "list", "--db", db, "--household", "HK-00001", "--lang", "en")
    assert code == 0 and "05/01/2026" in out and "Food support" in out
    code, out, _ = run(capsys, "visit", "list", "--db", db, "--overdue", "--limit", "1000")
    assert code == 0 and "20/01/2026" in out


@pytest.mark.parametrize(
    ("args", "vi_text"),
    [
        (["visit", "add", "--household", "NOPE", "--purpose", "mediation"], "Không tìm thấy hộ 'NOPE'"),
        (["visit", "add", "--household", "HK-00001", "--purpose", "mediation", "--date", "31/02/2026"],
         "Ngày không hợp lệ"),
        (["visit", "add", "--household", "HK-00001", "--purpose", "mediation", "--date", "05/01/2026",
          "--follow-up", "01/01/2026"], "Hạn theo dõi"),
        (["visit", "add", "--household", "HK-00001", "--purpose", "mediation", "--support", "food:-3"],
         "nằm ngoài khoảng cho phép"),
        (["household", "add", "--area", "Khu phố 99", "--house-no", "1", "--street", "A", "--head", "B"],
         "Khu phố 99"),
        (["household", "add", "--area", "Khu phố 1", "--house-no", "1", "--street", "A", "--head", "B",
          "--phone", "12345"], "Số điện thoại không hợp lệ"),
        (["household", "add", "--area", "Khu phố 1", "--house-no", "1", "--street", "A", "--head", "B",
          "--head-birth-year", "1850"], "Năm sinh không hợp lệ"),
        (["household", "show", "HK999999"], "Không tìm thấy hộ"),
        (["visit", "add", "--household", "HK-00001", "--purpose", "dancing"], "không phải một lựa chọn"),
    ],
)
def test_bad_input_is_one_clear_line_and_writes_nothing(
    db: str, capsys: pytest.CaptureFixture[str], args: list[str], vi_text: str
) -> None:
    before = _counts(db)
    code, _, err = run(capsys, "--db", db, *args)
    assert code == 2
    assert vi_text in err
    assert _counts(db) == before


def test_errors_speak_english_when_asked(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "household", "show", "NOPE", "--db", db, "--lang", "en")
    assert code == 2 and err.strip().splitlines()[-1] == "Error: No household 'NOPE'."


def test_missing_database_is_reported_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "absent.db"
    code, _, err = run(capsys, "stats", "--db", str(path))
    assert code == 2 and "absent.db" in err and len(err.strip().splitlines()) == 1
    assert not path.exists()


def test_installed_entry_point_runs_the_cli(db: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "ui.launcher", "--db", db, "--lang", "en", "search", "nguyen"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Nguyễn" in done.stdout


def test_ward_settings_are_set_and_listed(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["setting", "report.place", "Phường Demo", "--db", db]) == 0
    capsys.readouterr()
    assert main(["setting", "--db", db]) == 0
    assert "report.place  Phường Demo" in capsys.readouterr().out
    with Store.open(db) as store:
        assert store.setting("report.place") == "Phường Demo"


@pytest.mark.parametrize(("args", "vi", "en"), [
    (["campaign", "create"], "thiếu tham số bắt buộc: --from", "a required argument is missing: --from"),
    (["stats", "extra"], "không hiểu các tham số: extra", "arguments not understood: extra"),
    (["case", "update", "abcd", "--on", "01/01/2026", "--outcome", "rejected"],
     "'rejected' không phải một lựa chọn", "'rejected' is not one of the choices"),
    (["visit", "add", "--household"], "tham số --household cần một giá trị", "argument --household needs a value"),
])
def test_a_usage_error_is_said_in_the_users_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    args: list[str], vi: str, en: str) -> None:
    """argparse's own English ("the following arguments are required") reached the Vietnamese command line."""
    db = str(tmp_path / "w.db")
    for lang, expected in (("vi", vi), ("en", en)):
        code = main(["--db", db, "--lang", lang, *args])
        err = capsys.readouterr().err
        assert code == 2 and expected in err and err.count("\n") == 1
        if lang == "vi":
            assert not any(word in err for word in ("required", "unrecognized", "invalid choice", "expected"))


def test_a_support_item_with_a_fifth_part_or_an_unknown_kind_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`food:10:kg:200000:extra` dropped "extra" without a word; an unknown kind was told with a "∉" sign."""
    db = str(tmp_path / "w.db")
    assert main(["--db", db, "demo", "--households", "3"]) == 0
    capsys.readouterr()
    base = ["--db", db, "visit", "add", "--household", "HK-00001", "--purpose", "food_support"]
    assert main([*base, "--support", "food:10:kg:200000:extra"]) == 2
    assert "quá bốn phần" in capsys.readouterr().err
    assert main([*base, "--support", "xyz"]) == 2
    err = capsys.readouterr().err
    assert "loại hỗ trợ 'xyz' không có" in err and "∉" not in err
