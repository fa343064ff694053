"""Another WardBook job (an import, a sync, the other window) holding the register's write lock: a write that
cannot wait for it says which register is busy and to try again, a login takes the lock only for its audit
entry, and a command waits for the job to end (saying so) instead of failing after a few seconds.

The other job is a real second connection to the same file holding `BEGIN IMMEDIATE`, as a long import does.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.failures import environment_error
from desktop.register.households import add_area
from desktop.security import users
from desktop.store import Store
from desktop.store.connection import DATABASE_ERRORS
from tests.write_lock import another_job_writing

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "admin-password-1"


@pytest.fixture
def other_job(store: Store) -> Iterator[sqlite3.Connection]:
    """A second connection to the store's file that holds the write lock until the test releases it."""
    with another_job_writing(store.path) as holder:
        yield holder


def test_a_write_refused_while_another_job_holds_the_register_names_it_and_says_to_try_again(
        store: Store, other_job: sqlite3.Connection) -> None:
    store.conn.execute("PRAGMA busy_timeout = 0")  # the test need not wait out SQLite's few seconds
    with pytest.raises(DATABASE_ERRORS) as caught:
        add_area(store, "Khu phố 1")
    told = environment_error(caught.value, store.path)
    assert told is not None
    assert told.message("en") == (f"The register {store.path} is busy with another WardBook task (an import or "
                                  "a sync). Nothing was written; try again in a moment.")
    assert told.message("vi") == (f"Sổ {store.path} đang bận với một việc khác của WardBook (nhập dữ liệu hoặc "
                                  "đồng bộ). Chưa có gì được ghi; hãy thử lại sau giây lát.")
    unnamed = environment_error(caught.value, None)  # where the app's error hook cannot know the file
    assert unnamed is not None and "?" not in unnamed.message("en")
    assert unnamed.message("en").startswith("The register is busy with another WardBook task")
    other_job.execute("ROLLBACK")
    add_area(store, "Khu phố 1")  # nothing was half written: the same action works once the job is done
    assert store.conn.execute("SELECT COUNT(*) FROM areas").fetchone()[0] == 1


def test_a_login_takes_the_register_lock_only_to_count_its_attempt_and_for_its_audit_entry(store: Store) -> None:
    """Clearing a count of failed logins that is not there wrote nothing but still took the lock: a login
    during an import had to wait for it twice more. The attempt itself is counted before the password is checked
    (guesses from many windows at once get no more tries), and the login's audit entry clears it: two short
    transactions, never a third."""
    users.create_first_admin(store, "quantri", "Quản trị", PASSWORD)
    began: list[str] = []
    store.conn.set_trace_callback(lambda sql: began.append(sql) if sql.startswith("BEGIN") else None)
    users.login(store, "quantri", PASSWORD)
    store.conn.set_trace_callback(None)
    assert began == ["BEGIN IMMEDIATE", "BEGIN IMMEDIATE"]
    assert store.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'login'").fetchone()[0] == 1


def test_a_reading_command_waits_for_the_job_holding_the_register_and_says_so(tmp_path: Path) -> None:
    """`stats` during a long import failed after 5 s with "another program is using the file"."""
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as made:
        users.create_first_admin(made, "quantri", "Quản trị", PASSWORD)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "WARDBOOK_USER": "quantri", "WARDBOOK_PASSWORD": PASSWORD}
    command = subprocess.Popen([sys.executable, "-m", "desktop.cli", "--db", str(path), "--lang", "en", "stats"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        assert command.stderr is not None
        said = command.stderr.readline()  # blocks until the command says something: waits, or fails
        holder.execute("ROLLBACK")
        out, err = command.communicate(timeout=120)
    finally:
        holder.close()
        if command.poll() is None:
            command.kill()
    assert said == (f"The register {path} is busy with another WardBook task (an import or a sync); waiting for "
                    "it to finish… (Ctrl+C to stop)\n")
    assert command.returncode == 0, err
    assert "Active households" in out and not err
    with Store.open(path) as opened:  # the audit log has the login of the command that read the register
        assert opened.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'login'").fetchone()[0] == 1
