"""A WardBook database carries its own mark; a file that is not WardBook's is refused untouched."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.security.database import open_database
from desktop.security.secrets import PassphraseFileSecrets
from desktop.store import Store
from desktop.store.identity import APPLICATION_ID
from desktop.store.migrations import migrate
from tests.safety.conftest import Result, snapshot


def _other_programs_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('my shopping list')")
    conn.commit()
    conn.close()


def _other_programs_wal_db(path: Path) -> None:
    _other_programs_db(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


def _text_file(path: Path) -> None:
    path.write_text("Đây là một tệp văn bản, không phải cơ sở dữ liệu.\n" * 20, "utf-8")


@pytest.mark.parametrize("make", [_other_programs_db, _other_programs_wal_db, _text_file])
@pytest.mark.parametrize("command", [["init"], ["stats"], ["household", "list"], ["demo", "--households", "3"]])
def test_a_foreign_file_is_refused_untouched_by_every_command(
    tmp_path: Path, cli: Callable[..., Result], make: Callable[[Path], None], command: list[str]
) -> None:
    target = tmp_path / "other.db"
    make(target)
    before, names = snapshot(tmp_path), sorted(p.name for p in tmp_path.iterdir())
    result = cli(*command, "--db", target)
    assert result.code == 2
    assert "not a WardBook database" in result.err and len(result.err.strip().splitlines()) == 1
    assert snapshot(tmp_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == names  # not even a -wal or -shm beside it


@pytest.mark.parametrize("make", [_other_programs_db, _other_programs_wal_db, _text_file])
def test_a_foreign_file_is_never_encrypted_in_place(
    tmp_path: Path, make: Callable[[Path], None]
) -> None:
    target = tmp_path / "other.db"
    make(target)
    keys = PassphraseFileSecrets(tmp_path / "keys.json", "a long enough passphrase")
    before = snapshot(tmp_path)
    with pytest.raises(WardbookError) as raised:
        open_database(target, keys, create=True)
    assert raised.value.msg_id == "store.not_wardbook"
    assert snapshot(tmp_path) == before


def test_a_new_database_carries_the_mark(tmp_path: Path, cli: Callable[..., Result]) -> None:
    path = tmp_path / "ward.db"
    assert cli("init", "--db", path).code == 0
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_an_unmarked_database_of_an_older_version_is_marked_and_migrated(tmp_path: Path) -> None:
    import sqlite_utils

    path = tmp_path / "old.db"
    migrate(sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None)), target=3)
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == 0
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_a_folder_as_database_is_one_clear_line(tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = cli("stats", "--db", tmp_path)
    assert result.code == 2 and "is a folder" in result.err and "Traceback" not in result.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["init"], ["demo", "--households", "5"], ["stats"]])
def test_a_device_or_a_pipe_as_database_is_refused_untouched(tmp_path: Path, cli: Callable[..., Result],
                                                              command: list[str]) -> None:
    """`--db /dev/null` made /dev/null private to root and left /dev/null-journal beside it: a pipe stands in
    for the device here (the same kind of file to WardBook, and safe to try)."""
    pipe = tmp_path / "pipe.db"
    os.mkfifo(pipe, 0o666)
    mode = pipe.stat().st_mode
    for db in (pipe, tmp_path / "link.db"):
        if db.name == "link.db":
            db.symlink_to(pipe)
        result = cli(*command, "--db", db)
        assert result.code == 2 and "not an ordinary file" in result.err, result
    assert pipe.stat().st_mode == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.db", "pipe.db"]


def test_an_endless_input_is_refused_instead_of_hanging(tmp_path: Path, cli: Callable[..., Result],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A list, a mapping or a key file that is a pipe or a link to /dev/zero would be read for ever."""
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", "a passphrase of some length")
    assert cli("init", "--db", tmp_path / "w.db").code == 0
    pipe = tmp_path / "list.csv"
    os.mkfifo(pipe)
    endless = tmp_path / "endless.csv"
    endless.symlink_to("/dev/zero")
    (tmp_path / "list2.csv").write_text("Họ và tên,Số nhà\n", "utf-8")
    for args in (["import", pipe], ["import", endless, "--dry-run"],
                 ["import", tmp_path / "list2.csv", "--mapping", endless], ["--key-file", endless, "stats"]):
        result = cli(*args, "--db", tmp_path / "w.db")
        assert result.code == 2 and "not an ordinary file" in result.err, result
