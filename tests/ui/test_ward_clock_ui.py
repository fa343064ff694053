"""The app's "today" is the ward's day whatever the laptop's time zone, and a computer whose clock went back
is told so when the window opens (the window as `ui.app` builds it, without a pinned today)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop import clock
from desktop.register.households import add_area, add_household
from desktop.register.visits import add_visit
from desktop.store import Store
from tests.test_ward_clock import written_ahead


@pytest.fixture
def ward(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    with Store.open(tmp_path / "ward.db", create=True) as store:
        area = add_area(store, "Khu phố 1")
        household = add_household(store, area_id=area, house_no="12", street="Lê Lợi", head_name="Nguyễn Văn An")
        yield store, household


@pytest.fixture
def open_window(language, owned) -> Callable[[Store], object]:  # type: ignore[no-untyped-def]
    from ui.app import build_window

    def make(store: Store):  # type: ignore[no-untyped-def]
        window = build_window(store, language)
        owned.append(window)
        window.show()
        return window

    return make


def test_the_visit_form_and_due_today_use_the_ward_day(ward, open_window, zone_a_day_behind: date) -> None:  # type: ignore[no-untyped-def]
    store, household = ward
    today = zone_a_day_behind
    add_visit(store, household_id=household, visited_on=today - timedelta(days=7), purposes=["welfare_check"],
              outcome="met", follow_up_due=today)
    window = open_window(store)
    dialog = window.new_visit(household)
    assert dialog.visited_on.text() == today.strftime("%d/%m/%Y")
    window.show_page("followups")
    assert window.followups.boxes["today"].title() == "Đến hạn hôm nay (1)"


def test_a_window_on_a_clock_gone_back_says_the_date_looks_wrong(ward, open_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store, _household = ward
    written_ahead(store, 400)  # the register was written here 400 days after the date the computer shows now
    window = open_window(store)
    bar = window.clock_warning
    assert bar.isVisible()
    text = bar.message.text()
    assert "Ngày giờ của máy tính có vẻ sai" in text
    assert clock.today().strftime("%d/%m/%Y") in text
    assert (clock.today() + timedelta(days=400)).strftime("%d/%m/%Y") in text
    window.set_language("en")
    qtbot.waitUntil(lambda: bar.message.text().startswith("This computer's date looks wrong"))
    qtbot.mouseClick(bar.hide_button, Qt.MouseButton.LeftButton)  # the officer can work on without it
    assert not bar.isVisible()


def test_a_window_on_a_right_clock_shows_no_warning(ward, open_window) -> None:  # type: ignore[no-untyped-def]
    store, _household = ward
    window = open_window(store)
    assert window.clock_warning.isHidden()


def test_a_clock_off_the_stations_at_the_last_sync_is_told_until_a_sync_finds_it_right(  # type: ignore[no-untyped-def]
        ward, open_window, qtbot) -> None:
    """`desktop.sync.share_clock` measures at each sync (tested there against a real Samba server); the window
    says what the last sync found, from its start, and again after every sync."""
    from desktop import i18n
    from desktop.sync.apply import ApplyReport
    from desktop.sync.share_clock import SHARE_OFFSET

    store, _household = ward
    store.set_setting(SHARE_OFFSET, str((7 * 60 + 5) * 60_000))  # a laptop set to UTC, its clock put to local time
    window = open_window(store)
    bar = window.clock_warning
    assert bar.isVisible()
    assert bar.message.text() == i18n.tr("sync.clock_ahead_of_share", "vi", amount="7 giờ 5 phút")
    window.set_language("en")
    qtbot.waitUntil(lambda: "clock is about 7 h 5 min ahead" in bar.message.text())
    window.show_page("sync")
    store.set_setting(SHARE_OFFSET, "0")  # the next sync found the clock right
    window.sync._finished(ApplyReport())
    assert bar.isHidden() and "clock" not in window.sync.status.text()
    store.set_setting(SHARE_OFFSET, str(-2 * 24 * 60 * 60_000))  # and the one after, two days behind
    window.sync._finished(ApplyReport())
    assert bar.isVisible() and "about 2 days behind" in bar.message.text()
    assert "about 2 days behind" in window.sync.status.text()
