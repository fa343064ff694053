"""Fixtures of the fail-safe tests: a CLI runner that captures what the user sees, and byte-level snapshots
of files and folders to prove a refused command left them as they were."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
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


@pytest.fixture(scope="session")
def ward_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain demo ward of 2,000 households, made once; tests copy it."""
    path = tmp_path_factory.mktemp("ward") / "ward.db"
    with Store.open(path, create=True) as made:
        generate_demo_ward(made, DemoSize(households=2000, seed=5))
        made.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


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
