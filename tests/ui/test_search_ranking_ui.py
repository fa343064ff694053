"""The visit form's picker and the households list rank an exactly typed name first, and a capped list says
how many households match in all."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.demo import DemoSize, generate_demo_ward
from desktop.register.households import add_household, find_area
from desktop.store import Store
from desktop.store.queries import HouseholdFilter, find_households

END = date(2026, 6, 30)


def test_the_picker_s_first_row_is_the_household_typed_exactly(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    area = find_area(ctx.store, "Khu phố 1")
    wanted = add_household(ctx.store, area_id=area, house_no="7", street="Lê Lợi", head_name="Đặng Thị Hòa")
    for number, name in enumerate(["Đặng Thị Hoài", "Đặng Thị Hoàng", "Đặng Công Hải", "Hòa Thị Đặng"] * 4):
        add_household(ctx.store, area_id=area, house_no=str(100 + number), street="Lê Lợi", head_name=name)
    dialog = window.new_visit("")
    qtbot.keyClicks(dialog.picker.box, "dang thi hoa")
    dialog.picker.box.flush()
    assert dialog.picker.list.isVisible() and dialog.picker.results.rowCount() == 8
    assert dialog.picker.results.row(0)["id"] == wanted
    assert dialog.picker.results.index(0, 0).data() == "7 Lê Lợi — Đặng Thị Hòa"
    qtbot.keyClick(dialog.picker.box, Qt.Key.Key_Return)  # Enter picks the first row
    assert dialog.picker.household_id == wanted


@pytest.fixture
def big_ctx(tmp_path: Path, language) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from ui.context import AppContext

    with Store.open(tmp_path / "big.db", create=True) as store:
        generate_demo_ward(store, DemoSize(households=1200, seed=11, end=END))
        yield AppContext(store, language, today=lambda: END)


def test_a_capped_list_says_how_many_match_and_filters_count_every_match(big_ctx, qtbot, owned) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.households import HouseholdsPage

    page = HouseholdsPage(big_ctx)
    owned.append(page)
    page.show()
    total = find_households(big_ctx.store, HouseholdFilter(text="n")).total
    assert total > 500
    with qtbot.waitSignal(page.loaded, timeout=5000):
        qtbot.keyClicks(page.search, "n")
    assert page.model.rowCount() == 500
    assert page.count.text() == f"hiển thị 500 / {total:,} hộ".replace(",", ".")
    area_row = 1  # the first khu phố of the filter (row 0 is the whole ward)
    area_id = page.area.itemData(area_row)
    in_area = find_households(big_ctx.store, HouseholdFilter(text="n", area_id=area_id)).total
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.area.setCurrentIndex(area_row)
    assert page.model.rowCount() == in_area and page.count.text() == f"{in_area} hộ"
    big_ctx.language.set_language("en")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.area.setCurrentIndex(0)
    assert page.count.text() == f"showing 500 of {total:,} households".replace(",", ".")
    # English plurals come from Qt's %n: one household, two households
    area, house = find_area(big_ctx.store, "Khu phố 1"), "99/9"
    add_household(big_ctx.store, area_id=area, house_no=house, street="Hẻm Độc Nhất", head_name="Ông Một")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.setText("hem doc nhat")
        page.search.flush()
    assert page.count.text() == "1 household"
