"""The open database stays protected from being written over while background jobs open and close their own
connections to it: the app's workers (the Overview, the household list, a review's earlier periods) each
reopen the register on a thread of their own, at the same moment, and each open and close counts once."""

from __future__ import annotations

import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from desktop import files
from desktop.errors import WardbookError


class _SlowCounter(Counter[str]):
    """The protections' count, where a first protection of a file takes a moment (a thread switch on a loaded
    laptop can fall anywhere in it): the one part of the timing a test cannot get from the machine."""

    def __missing__(self, key: str) -> int:
        time.sleep(0.05)
        return 0


def test_a_database_opened_on_two_threads_at_once_stays_protected_until_its_last_close(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "_protected", _SlowCounter())
    database = tmp_path / "ward.db"
    database.write_bytes(b"")
    both_open, first_closed = threading.Barrier(2), threading.Event()
    refused: list[bool] = []

    def first() -> None:
        files.protect(database)
        both_open.wait()
        files.release(database)
        first_closed.set()

    def second() -> None:
        files.protect(database)
        both_open.wait()
        first_closed.wait()
        try:
            files.check_target(database)  # still open here: no report may be written over it
            refused.append(False)
        except WardbookError:
            refused.append(True)
        files.release(database)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert refused == [True]
    files.check_target(database)  # both closed: an ordinary (empty) file again
