"""Times as the ward reads them: every stored UTC time in Ho Chi Minh City time (dd/mm/yyyy HH:MM), whatever zone
the laptop is set to."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from desktop.errors import WardbookError
from desktop.security import audit, users
from desktop.security.session import attach
from desktop.sync.errors import record_error
from desktop.sync.jobs import LAST_SYNC
from tests.security.conftest import add_accounts
from ui.audit_dialog import AuditDialog
from ui.main_window import MainWindow

AT = "2026-06-30T23:30:00.000Z"  # stored in UTC: 06:30 on 1 July in Ho Chi Minh City, the day before in UTC
SHOWN = "01/07/2026 06:30"
HCMC = timezone(timedelta(hours=7))


@pytest.fixture
def laptop_in_california() -> Iterator[None]:
    """A laptop set to US Pacific time (a fresh Windows laptop): the ward's times must not follow it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "America/Los_Angeles"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_every_stored_time_is_shown_as_ho_chi_minh_city_time(ctx, owned, qtbot, laptop_in_california) -> None:  # type: ignore[no-untyped-def]
    store = ctx.store
    audit.install(store)
    actors = add_accounts(store)
    for _ in range(users.FREE_ATTEMPTS):  # canbo is locked out for a while
        with pytest.raises(WardbookError):
            users.login(store, "canbo", "sai-mat-khau")
    attach(store, actors["quantri"])
    ctx.set_actor(actors["quantri"])
    store.conn.execute("UPDATE login_failures SET locked_until = ?", (AT,))
    store.set_setting(LAST_SYNC, AT)
    record_error(store, "0123456789abcdef", 3, "truncated", "000000000003.chg")
    store.conn.execute("UPDATE sync_errors SET at = ?", (AT,))

    window = MainWindow(ctx)
    owned.append(window)
    window.show()
    assert window.sync_label.text() == f"Đồng bộ lần cuối: {SHOWN}"  # was 30/06/2026: yesterday, and no time
    window.show_page("sync")
    problems = window.page("sync").problems  # type: ignore[attr-defined]
    assert problems.rowCount() == 1 and problems.index(0, 0).data() == SHOWN
    window.show_page("admin")
    accounts = window.admin.users_box.model
    canbo = next(r for r in range(accounts.rowCount()) if accounts.row(r)["username"] == "canbo")
    cells = [str(accounts.index(canbo, c).data()) for c in range(accounts.columnCount())]
    assert any(cell.endswith(f"bị khoá đến {SHOWN}") for cell in cells), cells
    assert not any("UTC" in cell for cell in cells)

    dialog = AuditDialog(ctx)
    owned.append(dialog)
    for row in range(dialog.model.rowCount()):
        stored = datetime.fromisoformat(str(dialog.model.row(row)["at"]).replace("Z", "+00:00"))
        assert dialog.model.index(row, 0).data() == stored.astimezone(HCMC).strftime("%d/%m/%Y %H:%M")
