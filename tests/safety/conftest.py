"""Fixtures of the fail-safe tests: a CLI runner that captures what the user sees, and byte-level snapshots
of files and folders to prove a refused command left them as they were."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.cli import main


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
    """Every file under `folder` with its bytes (folders as empty markers)."""
    return {
        str(path.relative_to(folder)): (b"<dir>" if path.is_dir() else path.read_bytes())
        for path in sorted(folder.rglob("*"))
    }
