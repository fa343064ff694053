"""Times and dates as the ward reads them: every stored UTC time in Ho Chi Minh City time (dd/mm/yyyy HH:MM),
whatever zone the laptop is set to; and a date of something that happened (a member's move-out, a follow-up
done) refused at its field when it is still to come or before what it follows."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.households import add_household, add_person
from desktop.register.visits import add_visit
from desktop.security import audit, users
from desktop.security.session import attach
from desktop.sync.errors import record_error
from desktop.sync.jobs import LAST_SYNC
from tests.security.conftest import add_accounts
from tests.ui.test_security_ui import drive_modal
from ui.audit_dialog import AuditDialog
from ui.date_edit import DateDialog
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


def _answer(typed: list[str]) -> list[str]:
    """In the next date dialog, type each date of `typed` and press OK; what is said under the field after each
    ("" once the dialog closed); cancel if still open at the end."""
    seen: list[str] = []

    def act(dialog: DateDialog) -> None:
        for text in typed:
            dialog.field.setText(text)
            dialog.accept()
            seen.append(dialog.error.text() if dialog.isVisible() and dialog.error.isVisible() else "")
        if dialog.isVisible():
            dialog.reject()

    drive_modal(DateDialog, act)
    return seen


def test_a_move_out_still_to_come_or_before_moving_in_is_refused_at_its_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    household = add_household(store, area_id=None, house_no="7", street="Lê Lợi", head_name="Nguyễn Văn An")
    son = add_person(store, household, "Nguyễn Văn Cường", moved_in_on="01/03/2020")
    window.open_household(household)
    page = window.household
    members = page.members
    page.members_view.selectRow(next(r for r in range(members.rowCount()) if members.row(r)["id"] == son))
    ahead = clock.today() + timedelta(days=1)
    seen = _answer([ahead.strftime("%d/%m/%Y"), "28/02/2020"])
    page.move_out.click()
    assert seen == [f"Ngày chuyển đi ({ahead:%d/%m/%Y}) không được ở tương lai.",
                    "Ngày chuyển đi (28/02/2020) không được trước ngày chuyển đến (01/03/2020)."]
    assert store.conn.execute("SELECT moved_out_on FROM people WHERE id = ?", (son,)).fetchone() == (None,)
    seen = _answer(["15/06/2024"])
    page.move_out.click()
    assert seen == [""]  # saved, and the dialog closed
    assert store.conn.execute("SELECT moved_out_on FROM people WHERE id = ?", (son,)).fetchone() == ("2024-06-15",)


def test_a_follow_up_done_still_to_come_or_before_its_visit_is_refused_at_its_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    today = window.ctx.today()
    visited = today - timedelta(days=20)
    household = add_household(store, area_id=None, house_no="8", street="Lê Lợi", head_name="Trần Thị Bình")
    visit = add_visit(store, household_id=household, visited_on=visited, purposes=["welfare_check"], outcome="met",
                      follow_up_due=today - timedelta(days=10))
    window.show_page("followups")
    page = window.followups
    view, model = page.views["overdue"], page.models["overdue"]
    view.selectRow(next(r for r in range(model.rowCount()) if model.row(r)["id"] == visit))
    ahead, before = clock.today() + timedelta(days=400), visited - timedelta(days=1)
    seen = _answer([ahead.strftime("%d/%m/%Y"), before.strftime("%d/%m/%Y")])
    page.done_button.click()
    assert seen == [f"Ngày hoàn thành ({ahead:%d/%m/%Y}) không được ở tương lai.",
                    f"Ngày hoàn thành ({before:%d/%m/%Y}) không được trước ngày thăm ({visited:%d/%m/%Y})."]
    assert store.conn.execute("SELECT follow_up_done_at FROM visits WHERE id = ?", (visit,)).fetchone() == (None,)
