"""Every CLI command driven with generated bad arguments (Hypothesis): exit 0, 1 or 2 only, never a traceback,
and a refused command leaves the database (every row), the key file and the folder exactly as they were.

The commands come from the parser itself, so a command added later is fuzzed too. Values mix plausible ones
(a real household code, area, period) with odd Unicode, lone surrogates, huge, NaN and negative numbers, odd
dates and periods, and paths onto a folder, the database, its WAL, the key file or a missing folder.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from desktop.cli import build_parser, main
from desktop.demo import DemoSize, generate_demo_ward
from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from tests.safety.conftest import dump, snapshot

COMMON = {"--db", "--lang", "--user", "--key-file", "-h", "--help"}
PLAUSIBLE = ["HK-00001", "HK-00002", "Khu phố 1", "khu pho 2", "Nguyen", "Nguyễn Văn An", "2026", "2026-Q2",
             "2026-06", "05/01/2026", "01/01/2026", "30/06/2026", "food:10:kg:200000", "report.place", "quantri",
             "officer", "welfare_check", "met", "1", "7", "90"]
NUMBERS = ["nan", "NaN", "inf", "-inf", "-3", "-0", "0", "1e9", "1e400", "99999999999999999999999", "1.5", "0x10",
           " 7 ", "٣"]
DATES = ["00/00/0000", "31/12/9999", "29/02/2026", "01/01/1899", "2026-13-01", "1/1/1", "05/01/2026", "..",
         "0000", "9999", "2026-Q5", "2026-H3", "2026-01-01..2025-01-01", "1900-01-01..2100-12-31"]
ODD_TEXT = ["", " ", "\x00", "a\x07b", "\ud800", "x\udcffy", "‮evil", "😀" * 40, "A" * 5000, "-", "--", "%s%n",
            "'; DROP TABLE households; --", "Nguyễn\u0301", "\\", "\n\n"]
PATH_NAMES = ["<folder>", "<db>", "<db>-wal", "<db>-shm", "<keys>", "<missing>/deep/out.pdf", "<folder>/out.pdf",
              "<folder>/out.xlsx", "<folder>/out.csv", "<folder>/out.json", "<folder>/out.db", "/", "<folder>/"]


def _leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[
        tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from _leaves(child, (*path, name))


LEAVES = sorted(_leaves(build_parser()), key=lambda leaf: leaf[0])
VALUES = st.one_of(st.sampled_from(PLAUSIBLE), st.sampled_from(NUMBERS), st.sampled_from(DATES),
                   st.sampled_from(ODD_TEXT), st.sampled_from(PATH_NAMES), st.text(max_size=20))


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    path, parser = draw(st.sampled_from(LEAVES))
    argv = list(path)
    for action in parser._actions:
        if set(action.option_strings) & COMMON or isinstance(action, argparse._HelpAction):
            continue
        wanted = action.required or bool(action.option_strings) is False
        if not draw(st.booleans() if not wanted else st.sampled_from([True] * 9 + [False])):
            continue
        if action.nargs == 0:
            argv.append(action.option_strings[0])
            continue
        if action.choices is not None:
            value = draw(st.one_of(st.sampled_from(sorted(map(str, action.choices))), VALUES))
        else:
            value = draw(VALUES)
        argv += [action.option_strings[0], value] if action.option_strings else [value]
    return argv


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz-template")
    with Store.open(folder / "ward.db", create=True) as store:
        generate_demo_ward(store, DemoSize(households=30, seed=3))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    PassphraseFileSecrets(folder / "keys.json", "a passphrase for the fuzzer").set("db-key:x", b"k" * 32)
    return folder


def _resolve(arg: str, folder: Path) -> str:
    return (arg.replace("<folder>", str(folder)).replace("<db>", str(folder / "ward.db"))
            .replace("<keys>", str(folder / "keys.json")).replace("<missing>", str(folder / "missing")))


EXAMPLES = int(os.environ.get("WARDBOOK_FUZZ_EXAMPLES", "300"))  # more when hunting, locally


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(argv=command_lines())
@example(argv=["init", "--admin", "HK-00001", "--ward", "HK-00001"])  # the ward was named, then no password came
def test_every_command_fails_safe(template: Path, argv: list[str]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    cwd = os.getcwd()
    os.chdir(folder)  # a relative path (`--out 2026`) lands in the example's folder, where it is checked
    try:
        for name in ("ward.db", "keys.json"):
            shutil.copy(template / name, folder / name)
        rows, before = dump(folder / "ward.db"), snapshot(folder)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--lang", "en", "--db", str(folder / "ward.db"), *(_resolve(a, folder) for a in argv)])
        told = err.getvalue()
        event(f"exit {code}")
        assert code in (0, 1, 2), (argv, code, told)
        assert "Traceback" not in told and "Exception" not in told, (argv, told)
        if code != 0:
            lines = [line for line in told.splitlines() if line.strip()]
            assert lines and lines[-1].startswith(("Error: ", "Usage error: ")), (argv, told)
            assert len(lines) == 1 or argv[0] == "import", (argv, told)  # an import lists its rows' problems
            assert dump(folder / "ward.db") == rows, argv
            assert snapshot(folder) == before, argv
    finally:
        os.chdir(cwd)
        shutil.rmtree(folder, ignore_errors=True)
