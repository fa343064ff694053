"""Disk full, permission denied, a file gone: one clear line naming the file and the cause, exit 2, nothing
half written, the real cause never hidden by a secondary error."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path

import pytest

from tests.safety.conftest import ROOT, Result, fill_disk, mounted_disk


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MiB tmpfs (needs root and a kernel that lets us mount; skipped otherwise)."""
    with mounted_disk(tmp_path / "small", "3m") as folder:
        yield folder


def _one_line_disk_full(result: Result, path: Path) -> None:
    assert result.code == 2, result
    errors = [line for line in result.err.splitlines() if not line.startswith("Warning:")]
    assert errors == [f"Error: Cannot use {path}: the disk is full."], result.err


def test_demo_on_a_full_disk_says_so_not_cannot_rollback(small_disk: Path, cli: Callable[..., Result]) -> None:
    db = small_disk / "ward.db"
    result = cli("--db", db, "demo", "--households", "3000")
    _one_line_disk_full(result, db)


def test_init_on_a_full_disk_leaves_nothing_and_works_once_there_is_room(small_disk: Path,
                                                                        cli: Callable[..., Result]) -> None:
    """The half-made file used to stay, and was then refused for ever as "not a WardBook database"."""
    db = small_disk / "ward.db"
    fill_disk(small_disk, 100_000)
    _one_line_disk_full(cli("--db", db, "init"), db)
    assert sorted(path.name for path in small_disk.iterdir()) == ["ballast"]
    (small_disk / "ballast").unlink()
    assert cli("--db", db, "init").code == 0


def test_visit_add_on_a_full_disk(small_disk: Path, ward_template: Path, tmp_path: Path,
                                  cli: Callable[..., Result]) -> None:
    db = small_disk / "ward.db"
    assert cli("--db", db, "demo", "--households", "100").code == 0
    fill_disk(small_disk, 0)
    result = cli("--db", db, "visit", "add", "--household", "HK-00001", "--date", "05/01/2026",
                 "--purpose", "welfare_check", "--findings", "x" * 20000)
    _one_line_disk_full(result, db)


@pytest.mark.parametrize(("command", "name"), [
    (["report", "review", "--period", "2026", "--out"], "review.pdf"),
    (["report", "walklist", "--area", "Khu phố 1", "--out"], "walk.pdf"),
    (["export", "people", "--out"], "people.xlsx"),
    (["export", "visits", "--out"], "visits.csv"),
    (["person", "export", "HK-00001", "--out"], "person.json"),
    (["backup"], "copy.db"),
])
def test_an_output_on_a_full_disk_leaves_nothing_behind(
    small_disk: Path, ward: Path, cli: Callable[..., Result], command: list[str], name: str
) -> None:
    if command[0] == "person":
        import sqlite3

        command = [*command[:2], sqlite3.connect(ward).execute("SELECT id FROM people LIMIT 1").fetchone()[0],
                   *command[3:]]
    fill_disk(small_disk, 0)
    target = small_disk / name
    result = cli("--db", ward, *command, target)
    _one_line_disk_full(result, target)
    assert sorted(p.name for p in small_disk.iterdir()) == ["ballast"]


def test_a_file_size_limit_is_told_in_one_line(ward: Path, tmp_path: Path) -> None:
    """Without root: RLIMIT_FSIZE makes writes fail with EFBIG, as a full disk makes them fail with ENOSPC."""
    target = tmp_path / "people.csv"
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))\n"
        "from desktop.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "WARDBOOK_UNENCRYPTED": "1"}
    done = subprocess.run([sys.executable, "-c", script, "--lang", "en", "--db", str(ward), "export", "people",
                           "--out", str(target)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"Error: Cannot use {target}: the file is larger than allowed."]
    assert not [p for p in tmp_path.iterdir() if p.name != ward.name and not p.name.startswith(ward.name)]


def test_an_unwritable_folder_is_one_line(ward: Path, tmp_path: Path, cli: Callable[..., Result]) -> None:
    target = tmp_path / "missing-parent-is-a-file" / "x.pdf"
    (tmp_path / "missing-parent-is-a-file").write_text("a file, not a folder", "utf-8")
    result = cli("--db", ward, "report", "review", "--period", "2026", "--out", target)
    assert result.code == 2 and len(result.err.splitlines()) == 1 and "Traceback" not in result.err, result.err


def test_a_deleted_working_folder_is_one_line(tmp_path: Path, ward: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys\n"
        f"os.chdir({str(gone)!r}); os.rmdir({str(gone)!r})\n"
        "from desktop.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    env = {**os.environ, "WARDBOOK_UNENCRYPTED": "1", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, "--lang", "en", "--db", str(ward), "stats"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == ["Error: Cannot use .: the current working folder was deleted; "
                                        "change to another folder."]


def test_a_system_cause_is_told_in_words_not_by_its_code(tmp_path: Path) -> None:
    """"lỗi hệ thống (EEXIST)" and "Is a directory" (the system's English) reached users."""
    import errno

    from desktop.campaigns.definition import read_definition_file
    from desktop.errors import WardbookError
    from desktop.failures import environment_error

    exists = environment_error(FileExistsError(errno.EEXIST, "File exists", str(tmp_path / "x")), tmp_path / "x")
    assert exists is not None and "EEXIST" not in exists.message("vi") and "trùng tên" in exists.message("vi")
    with pytest.raises(WardbookError) as folder:
        read_definition_file(tmp_path)
    assert "Is a directory" not in folder.value.message("en") and "thư mục" in folder.value.message("vi")


def test_a_full_disk_while_applying_is_recorded_as_a_full_disk(small_disk: Path, tmp_path: Path) -> None:
    """This laptop's disk fills up while it applies another laptop's file: its problem says the disk is full in
    words (not the exception's name, not "unusual data"), and once there is room the next sync applies the file."""
    from desktop import i18n
    from desktop.cli import ENVIRONMENT_ERRORS
    from desktop.sync.changeset import file_name
    from desktop.sync.folder import FolderShare
    from desktop.sync.problems import explained, open_problems
    from tests.test_sync import Laptop, content

    share = FolderShare(tmp_path / "share")
    admin = Laptop(tmp_path, "admin", share)
    laptop = Laptop(small_disk, "laptop", share, admin)  # its database on the small disk
    try:
        admin.sync()
        laptop.sync()
        with admin.store.transaction():
            for number in range(100):
                admin.store.writer.insert("households", {"code": f"HK-{number:04d}", "street": f"Đường {number} " * 20})
        admin.sync()
        fill_disk(small_disk, leave=16 * 1024)
        with suppress(*ENVIRONMENT_ERRORS):  # the sync may then fail as a whole too: the CLI tells that (above)
            laptop.sync()
        assert laptop.store.conn.execute("SELECT kind, detail FROM sync_errors").fetchall() == [
            ("here_disk_full", file_name(1))]
        (problem,) = open_problems(laptop.store)
        assert problem.text == explained(problem.kind)
        assert "the disk is full" in i18n.tr(f"sync.reason.{problem.kind}", "en")
        (small_disk / "ballast").unlink()
        _, report = laptop.sync()
        assert report.errors == [] and open_problems(laptop.store) == []
        assert content(laptop.store) == content(admin.store)
    finally:
        laptop.store.close()  # before the small disk is unmounted
        admin.store.close()


def test_a_full_share_is_told_naming_the_shared_folder(small_disk: Path, tmp_path: Path) -> None:
    """The share fills up while this laptop publishes: the line names the file on the share being written (it
    said "Cannot use ?", and nobody knew whether the laptop or the stick was full), and no temporary is left."""
    from desktop.failures import environment_error
    from desktop.sync.folder import FolderShare
    from tests.test_sync import Laptop

    share = FolderShare(small_disk / "share")
    laptop = Laptop(tmp_path, "admin", share)
    try:
        laptop.sync()
        with laptop.store.transaction():
            for number in range(200):
                laptop.store.writer.insert("households", {"code": f"HK-{number:04d}", "street": f"{number} " * 50})
        fill_disk(small_disk, leave=0)
        with pytest.raises(OSError) as caught:
            laptop.sync()
        told = environment_error(caught.value, None)  # as the CLI and the app tell an OSError
        assert told is not None
        folder = small_disk / "share" / "devices" / laptop.store.device_id
        assert told.message("en") == f"Cannot use {folder / '000000000001.chg'}: the disk is full."
        assert list(folder.iterdir()) == []
    finally:
        laptop.store.close()
