"""A command that writes several files (a review's PDF, DOCX, XLSX and CSV) replaces all of them or none: stopped
half way by Ctrl-C or a failure, it must not leave this period's PDF beside last period's spreadsheet."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop import files
from desktop.cli.commands import report as report_command
from tests.safety.conftest import Result


def _old_outputs(folder: Path) -> dict[str, bytes]:
    """Last period's files, each of its own kind (an output replaces only a file of its kind)."""
    olds = {
        "review.pdf": b"%PDF-1.4 last quarter",
        "review.csv": b"last quarter;1\n",
    }
    for name, data in olds.items():
        (folder / name).write_bytes(data)
    return olds


@pytest.fixture(autouse=True)
def ctrl_c_interrupts() -> Iterator[None]:
    """Ctrl-C as a terminal delivers it: a shell starting a job in the background (as CI may) makes it ignore
    SIGINT, and these tests need the handler Python installs in a program run from a terminal."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def _ctrl_c(*_args: object, **_kwargs: object) -> None:
    """What the user does while the spreadsheet is being written: a real SIGINT, to this (the main) thread."""
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)  # interrupted at once by the signal's KeyboardInterrupt
    raise AssertionError("SIGINT was not delivered")


def test_ctrl_c_while_the_review_writes_its_spreadsheet_leaves_every_old_file_and_no_new_one(
    ward: Path, tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    olds = _old_outputs(out)
    monkeypatch.setattr(report_command, "write_csv", _ctrl_c)
    result = cli("--db", ward, "report", "review", "--period", "2026", "--out", out / "review.pdf",
                 "--csv", out / "review.csv")
    assert result.code == 130 and "review.pdf" not in result.out
    assert {path.name: path.read_bytes() for path in out.iterdir()} == olds  # nothing new, no temporary file


def test_without_interruption_every_file_of_the_set_is_new(
    ward: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    olds = _old_outputs(out)
    result = cli("--db", ward, "report", "review", "--period", "2026", "--out", out / "review.pdf",
                 "--csv", out / "review.csv")
    assert result.code == 0, result.err
    written = {path.name: path.read_bytes() for path in out.iterdir()}
    assert sorted(written) == sorted(olds)
    assert all(written[name] != olds[name] for name in olds)
    assert written["review.pdf"].startswith(b"%PDF-")


def test_a_failure_in_the_last_file_puts_back_nothing_but_leaves_nothing_half(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "sub" / "b.csv"
    first.write_text("old a", "utf-8")
    with pytest.raises(RuntimeError), files.output_set():
        files.write_text(first, "new a")
        assert first.read_text("utf-8") == "old a"  # complete, but not yet under its name
        with files.atomic_output(second, kind="csv") as temp:
            temp.write_text("half", "utf-8")
            raise RuntimeError("the disk is full")
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"] and first.read_text("utf-8") == "old a"


def test_a_ctrl_c_during_the_renames_is_held_until_all_are_done(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    targets = [tmp_path / f"{name}.csv" for name in "abc"]
    real_replace = os.replace
    renamed: list[str] = []

    def replace_then_ctrl_c(source: str | Path, target: str | Path) -> None:
        real_replace(source, target)
        renamed.append(Path(target).name)
        if len(renamed) == 1:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.05)  # the signal arrives here, between two renames

    monkeypatch.setattr(os, "replace", replace_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt), files.output_set():
        for target in targets:
            files.write_text(target, target.stem)
    assert renamed == ["a.csv", "b.csv", "c.csv"]
    assert [t.read_text("utf-8") for t in targets] == ["a", "b", "c"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
