"""A command of the command line imports what it uses, not what the other commands use (DESIGN.md §8: a CLI
command's whole process ≤ 4× a one-shot Python sqlite query script).

Only a fresh interpreter can tell what a command loads: the test process has imported everything already.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import COMMAND_MODULES, COMMANDS, _command_of
from desktop.store import Store

ROOT = Path(__file__).resolve().parents[1]

# Module → which commands need it.
HEAVY = {
    "reportlab": "PDF reports",
    "openpyxl": "XLSX import, export and report figures",
    "cryptography": "sync, a key file, backups",
    "keyring": "the OS key store of an encrypted database",
    "smbprotocol": "an smb:// share",
    "sqlite_utils": "migrations of an old database",
    "desktop.demo": "wardbook demo",
    "desktop.sync": "sync, share, enroll",
    "desktop.io": "import, export",
    "desktop.reports": "report, commendation",
}

RUN = ("import json, sys; from desktop.cli import main; code = main(sys.argv[1:]); "
       "print(json.dumps([code, list(sys.modules)]))")


def _loaded(db: Path, *command: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", RUN, "--db", str(db), *command], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    code, modules = json.loads(done.stdout.splitlines()[-1])
    assert code == 0, done.stdout
    return {name for name in HEAVY if any(m == name or m.startswith(name + ".") for m in modules)}


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    """An up-to-date plain database with one household (WARDBOOK_UNENCRYPTED=1 is set by tests/conftest.py)."""
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as store:
        area = store.writer.insert("areas", {"name": "Khu phố 1", "kind": "khu_pho"})
        store.writer.insert("households", {"code": "HK-00001", "area_id": area, "street": "Lê Lợi"})
    return path


@pytest.mark.parametrize("command", [("search", "le loi"), ("stats",), ("household", "show", "HK-00001"),
                                     ("household", "list"), ("visit", "list")])
def test_everyday_commands_load_nothing_heavy(ward: Path, command: tuple[str, ...]) -> None:
    assert _loaded(ward, *command) == set()


def test_a_command_loads_what_it_uses(ward: Path, tmp_path: Path) -> None:
    """The check above can see a heavy module: an XLSX export loads openpyxl and the export code."""
    assert _loaded(ward, "export", "households", "--out", str(tmp_path / "hk.xlsx")) >= {"openpyxl", "desktop.io"}


def test_the_command_table_is_what_the_modules_register() -> None:
    registered = {}
    for module_name in COMMAND_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(module_name).register(subparsers)
        registered.update(dict.fromkeys(subparsers.choices, module_name.rsplit(".", 1)[1]))
    assert registered == COMMANDS


def test_the_command_word_is_found_after_options_and_their_values() -> None:
    assert _command_of(["--db", "search", "--lang", "en", "search", "stats"]) == "search"
    assert _command_of(["--user", "lan", "--key-file", "k", "stats"]) == "stats"
    assert _command_of(["--db=x.db", "report", "review"]) == "report"
    assert _command_of(["--db", "x.db"]) is None
