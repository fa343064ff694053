"""The app's "today" is the ward's day whatever the laptop's time zone (the window as `ui.app` builds it,
without a pinned today)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.register.households import add_area, add_household
from desktop.register.visits import add_visit
from desktop.store import Store


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
