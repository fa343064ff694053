"""`wardbook` runs the app with no command (or `gui`), the command line with one; `wardbook --help` lists the
commands (seen: it printed the window's three options and no command, while every refusal of a bad command
sends the user to it)."""

from __future__ import annotations

import pytest

from ui.launcher import main, wants_gui


@pytest.mark.parametrize(("args", "gui"), [
    ([], True), (["gui"], True), (["--db", "x.db"], True), (["--self-test"], True), (["gui", "--help"], True),
    (["--help"], False), (["-h"], False), (["--lang", "en", "--help"], False), (["stats"], False),
])
def test_which_side_runs(args: list[str], gui: bool) -> None:
    assert wants_gui(args) is gui


def test_help_lists_the_commands_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    shown = capsys.readouterr().out
    assert all(command in shown for command in ("import", "sync", "report", "backup", "restore"))
    assert "đồng bộ / sync now" in shown
