"""Fixtures of the fail-safe tests: a CLI runner that captures what the user sees, and byte-level snapshots
of files and folders to prove a refused command left them as they were."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.demo import DemoSize, generate_demo_ward
from desktop.store import Store


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """Run `wardbook ARGS` in-process, in English unless the arguments choose."""

    def run(*args: object) -> Result:
        capsys.readouterr()
        code = main(["--lang", "en", *(str(a) for a in args)])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (folders as empty markers), but a database's -wal and -shm:
    SQLite itself creates and removes them as connections open and close, whatever the command does."""
    return {
        str(path.relative_to(folder)): (b"<dir>" if path.is_dir() else path.read_bytes())
        for path in sorted(folder.rglob("*"))
        if not path.name.endswith(("-wal", "-shm"))
    }


ROOT = Path(__file__).resolve().parents[2]


def demo_ward(path: Path, households: int, seed: int) -> Path:
    """A plain demo ward at `path`, its log checkpointed (one file to copy)."""
    with Store.open(path, create=True) as made:
        generate_demo_ward(made, DemoSize(households=households, seed=seed))
        made.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def ward_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain demo ward of 2,000 households, made once; tests copy it."""
    return demo_ward(tmp_path_factory.mktemp("ward") / "ward.db", 2000, 5)


@pytest.fixture
def ward(ward_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "ward.db"
    shutil.copy(ward_template, path)
    return path


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of a plain database, read through a read-only connection."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
        return {name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr) for name in names}
    finally:
        conn.close()


@contextmanager
def mounted_disk(folder: Path, size: str) -> Iterator[Path]:
    """`folder` as a tmpfs of `size` ("3m"), a disk that fills up for real (needs root and a kernel that lets us
    mount: the test is skipped otherwise)."""
    folder.mkdir()
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill_disk(folder: Path, leave: int) -> None:
    """Fill the file system of `folder` so that about `leave` bytes stay free (`folder/ballast`)."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "ballast", "wb") as handle:
        handle.write(b"\0" * max(0, free - leave))
