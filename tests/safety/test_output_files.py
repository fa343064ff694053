"""Every output file is written beside its target and renamed when complete; the open database, its side
files, key files and folders are never written over."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop import files
from desktop.errors import WardbookError
from desktop.security.secrets import PassphraseFileSecrets
from tests.safety.conftest import ROOT, Result, snapshot

PASSPHRASE = "correct horse battery staple"

OUTPUT_COMMANDS = [
    ["report", "review", "--period", "2026", "--out"],
    ["report", "walklist", "--area", "Khu phố 1", "--out"],
    ["report", "household", "HK-00001", "--out"],
    ["export", "people", "--out"],
    ["person", "export", "Nguyen", "--out"],
    ["backup"],
]


def _targets(folder: Path, db: Path, keys: Path) -> list[Path]:
    side = Path(str(db) + "-wal")
    side.write_bytes(b"")  # as SQLite leaves it between connections
    lookalike = folder / "old-keys.json"
    lookalike.write_text('{"version": 1, "salt": "AAAA", "check": "x", "secrets": {}}', "utf-8")
    return [db, side, keys, lookalike, folder]


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_an_output_onto_the_database_its_wal_a_key_file_or_a_folder_is_refused_before_any_work(
    tmp_path: Path, ward: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    keys = tmp_path / "keys.json"
    PassphraseFileSecrets(keys, PASSPHRASE)
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)
    assert cli("--db", ward, "--key-file", keys, "stats").code == 0  # encrypts the plain ward first
    for target in _targets(tmp_path, ward, keys):
        before = snapshot(tmp_path)
        result = cli("--db", ward, "--key-file", keys, *command, target)
        assert result.code == 2, (target, result)
        assert result.err.startswith("Error: ") and len(result.err.splitlines()) == 1, result.err
        assert "Will not overwrite" in result.err or "is a folder" in result.err
        assert snapshot(tmp_path) == before, target


@pytest.mark.parametrize("command", OUTPUT_COMMANDS, ids=lambda c: "-".join(c[:2]))
def test_an_output_onto_a_device_or_a_pipe_is_refused_and_the_device_stays(
    tmp_path: Path, ward: Path, cli: Callable[..., Result], command: list[str]
) -> None:
    """Renaming a finished report onto /dev/null (as root may) would replace the device for every program."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    to_null = tmp_path / "to-null.pdf"
    to_null.symlink_to(os.devnull)
    for target in (pipe, to_null):
        result = cli("--db", ward, *command, target)
        assert result.code == 2, (target, result)
        assert "not an ordinary file" in result.err and len(result.err.splitlines()) == 1, result.err
    assert pipe.is_fifo() and to_null.is_symlink()
    assert Path(os.devnull).is_char_device()


def test_a_failed_write_leaves_neither_the_target_nor_a_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "new" / "deeper" / "report.pdf"
    with pytest.raises(RuntimeError), files.atomic_output(target) as temp:
        temp.write_bytes(b"%PDF half")
        raise RuntimeError("the writer failed")
    assert list(tmp_path.iterdir()) == []


def test_the_target_appears_complete_and_private(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", "utf-8")
    files.write_text(target, "new")
    assert target.read_text("utf-8") == "new" and [p.name for p in tmp_path.iterdir()] == ["out.json"]
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_a_key_file_in_use_is_protected_even_under_another_name(tmp_path: Path) -> None:
    keys = tmp_path / "keys.json"
    PassphraseFileSecrets(keys, PASSPHRASE)
    link = tmp_path / "link.json"
    link.symlink_to(keys)
    with pytest.raises(WardbookError) as raised:
        files.write_text(link, "{}")
    assert raised.value.msg_id == "files.is_key_file"


def _complete(path: Path) -> bool:
    """Whether a written PDF or XLSX file is whole: a PDF ends with its end-of-file mark, an XLSX is a sound zip."""
    if path.suffix == ".pdf":
        return b"%%EOF" in path.read_bytes()[-32:]
    with zipfile.ZipFile(path) as archive:
        return archive.testzip() is None


def _kill_while_writing(argv: list[str], folder: Path, target: Path) -> None:
    """Start the CLI, kill -9 it while its temporary output file exists; retried if it finished first."""
    env = {**os.environ, "WARDBOOK_UNENCRYPTED": "1"}
    for _attempt in range(5):
        child = subprocess.Popen([sys.executable, "-m", "desktop.cli", *argv], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while child.poll() is None and not any(p.name.endswith(".wbpart") for p in folder.iterdir()):
            time.sleep(0.001)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            child.wait()
            if target.exists() and not any(".wbpart" in p.name for p in folder.iterdir()):
                # the rename landed just before the signal: the whole file, which is no failure; tried again
                assert _complete(target), "a killed writer left a partial file under the target's name"
                target.unlink()
                continue
            assert not target.exists(), "a killed writer left a file under the target's name"
            return
        target.unlink()
    pytest.fail("the command always finished before it could be killed")


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
@pytest.mark.parametrize(("command", "name"), [
    (["report", "review", "--period", "2026", "--xlsx"], "review.xlsx"),
    (["report", "review", "--period", "2026", "--out"], "review.pdf"),
    (["export", "people", "--out"], "people.xlsx"),
])
def test_kill_9_during_a_long_write_leaves_no_partial_output(ward: Path, tmp_path: Path, command: list[str],
                                                             name: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / name
    argv = ["--db", str(ward), *command, str(target)]
    if "--xlsx" in command:
        argv += ["--out", str(out_dir / "with-xlsx.pdf")]
    _kill_while_writing(argv, out_dir, target)
    env = {**os.environ, "WARDBOOK_UNENCRYPTED": "1"}
    again = subprocess.run([sys.executable, "-m", "desktop.cli", *argv], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert target.stat().st_size > 0
    assert not [p.name for p in out_dir.iterdir() if ".wbpart" in p.name]
