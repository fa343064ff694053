"""Attacks of a curious colleague or a laptop thief that the core refuses: guesses at a password in parallel,
a data-subject export that names others, a purge that leaves the data somewhere, a reset that leaves the old
password's session open."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.security import users
from desktop.store import Store
from tests.security.conftest import PASSWORDS, add_accounts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ward(tmp_path: Path) -> Path:
    """A register file with an admin, a team lead and an officer, closed again."""
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as store:
        add_accounts(store)
    return path


def _failures(path: Path, username: str) -> int:
    with Store.open(path) as store:
        row = store.conn.execute("SELECT failures FROM login_failures WHERE username = ?", (username,)).fetchone()
        return 0 if row is None else int(row[0])


def test_guesses_made_at_once_from_many_windows_are_at_most_the_free_attempts(ward: Path) -> None:
    count = 12
    stores = [Store.open(ward) for _ in range(count)]
    told: list[str] = [""] * count
    start = threading.Barrier(count)

    def guess(index: int) -> None:
        start.wait()
        try:
            users.login(stores[index], "canbo", f"wrong-guess-{index}")
        except WardbookError as error:
            told[index] = error.msg_id

    threads = [threading.Thread(target=guess, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert told.count("security.bad_login") == users.FREE_ATTEMPTS
    assert told.count("security.locked") == count - users.FREE_ATTEMPTS
    with Store.open(ward) as store, pytest.raises(WardbookError) as error:
        users.login(store, "canbo", PASSWORDS["canbo"])
    assert error.value.msg_id == "security.locked"


def test_guesses_from_many_commands_at_once_are_at_most_the_free_attempts(ward: Path) -> None:
    """A shell loop starting `wardbook stats` in the background: every process has its own connection."""
    count = 10
    commands = [
        subprocess.Popen([sys.executable, "-m", "desktop.cli", "--lang", "en", "--db", str(ward), "stats",
                          "--user", "totruong"], env={**os.environ, "WARDBOOK_PASSWORD": f"wrong-guess-{index}"},
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for index in range(count)
    ]
    errors = [command.communicate(timeout=120)[1] for command in commands]
    assert all(command.returncode != 0 for command in commands)
    tried = [error for error in errors if "Wrong username or password" in error]
    assert len(tried) <= users.FREE_ATTEMPTS, errors
    assert _failures(ward, "totruong") == users.FREE_ATTEMPTS
