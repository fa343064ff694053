"""Saving and logging in while another WardBook job (an import, a sync, the other window) holds the register's
write lock: the window waits only briefly, then says which register is busy and to try again, in the form or
the login dialog, which stay open with what was typed; once the job is done the same key saves.

The other job is a real second connection to the same file holding `BEGIN IMMEDIATE`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.security.session import attached_actor
from desktop.store import Store
from tests.security.conftest import PASSWORDS, add_accounts
from tests.write_lock import another_job_writing


@pytest.fixture
def other_job(demo_store: Store) -> Iterator[sqlite3.Connection]:
    """A second connection to the register that holds its write lock until the test releases it."""
    with another_job_writing(demo_store.path) as holder:
        yield holder


def _busy_sentence(store: Store) -> str:
    return (f"Sổ {store.path} đang bận với một việc khác của WardBook (nhập dữ liệu hoặc đồng bộ). Chưa có gì được "
            "ghi; hãy thử lại sau giây lát.")


def _message_boxes() -> list[str]:
    return [w.text() for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_a_visit_saved_while_another_job_holds_the_register_stays_in_its_form_with_the_reason(
        window, ctx, qtbot, other_job: sqlite3.Connection) -> None:  # type: ignore[no-untyped-def]
    """It froze the window for 5 s, then a box said "Cannot use ?: another program is using the file.\""""
    dialog = window.new_visit(window.households.model.household_id(3))
    dialog.visited_on.setText("20/06/2026")
    dialog.purposes["welfare_check"].setChecked(True)
    qtbot.keyClicks(dialog.findings, "Ba cu song mot minh, can ho tro gao thang 12")
    visits = ctx.store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    qtbot.keyClick(dialog.visited_on, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.general_error.text() == _busy_sentence(ctx.store)
    assert dialog.findings.toPlainText() == "Ba cu song mot minh, can ho tro gao thang 12"
    assert _message_boxes() == []
    other_job.execute("ROLLBACK")  # the import is done: Enter again saves what was typed
    qtbot.keyClick(dialog.visited_on, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == visits + 1
    from ui.context import GUI_BUSY_WAIT_MS  # the window waited that long, not SQLite's 5 s

    assert ctx.store.conn.execute("PRAGMA busy_timeout").fetchone()[0] == GUI_BUSY_WAIT_MS


def test_logging_in_while_another_job_holds_the_register_says_so_in_the_dialog(
        demo_store: Store, language, qtbot, owned, other_job: sqlite3.Connection) -> None:  # type: ignore[no-untyped-def]
    """The dialog froze, then showed nothing at all (the error went to stderr only): the officer thought the
    password was wrong."""
    from ui.login import LoginDialog

    other_job.execute("ROLLBACK")  # the accounts are made first, then the other job starts
    add_accounts(demo_store)
    other_job.execute("BEGIN IMMEDIATE")
    dialog = LoginDialog(demo_store)
    owned.append(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.username, "canbo")
    qtbot.keyClicks(dialog.password, PASSWORDS["canbo"])
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isVisible() and dialog.error.text() == _busy_sentence(demo_store)
    assert dialog.password.text() == PASSWORDS["canbo"]  # not a wrong password: Enter again once it is free
    other_job.execute("ROLLBACK")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == 1
    actor = attached_actor(demo_store)
    assert actor is not None and actor.username == "canbo"
