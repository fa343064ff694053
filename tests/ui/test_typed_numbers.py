"""Numbers typed in the forms mean what a Vietnamese officer means ("1.000" a thousand, "1,5" one and a half), and
a form saved unchanged stores the same numbers it showed (seen: "1.000" kg saved as 1, a value "1.5" as 15 đồng,
a recorded 1,500 ml written back as 1.5 when another item was added to the visit)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from desktop.campaigns.definition import Question, create_campaign


def _save(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _support(store, visit_id: str) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [tuple(row) for row in store.conn.execute(
        "SELECT kind, quantity, unit, value_vnd FROM support_items WHERE visit_id = ? AND deleted_hlc IS NULL "
        "ORDER BY quantity", (visit_id,))]


def _visit(window, qtbot, quantity: str, value: str) -> object:  # type: ignore[no-untyped-def]
    dialog = window.new_visit(window.households.model.household_id(3))
    qtbot.waitExposed(dialog)
    dialog.purposes["welfare_check"].setChecked(True)
    dialog.visited_on.setText("15/06/2026")
    row = dialog.add_support_row()
    row.quantity.setText(quantity)
    row.unit.setText("ml")
    row.value.setText(value)
    _save(dialog)
    return dialog


@pytest.mark.parametrize(("quantity", "value", "stored"), [
    ("1.000", "200.000", (1000.0, 200000)), ("1,5", "1.500.000", (1.5, 1500000)), ("1500", "200000", (1500.0, 200000)),
    ("1.234,5", "", (1234.5, None)), ("2.25", "0", (2.25, 0)), ("5", "200,000", (5.0, 200000)),
])
def test_support_typed_the_vietnamese_way_is_stored_as_meant(window, ctx, qtbot, quantity: str, value: str,  # type: ignore[no-untyped-def]
                                                             stored: tuple[object, ...]) -> None:
    dialog = _visit(window, qtbot, quantity, value)
    assert not dialog.isVisible(), dialog.general_error.text()
    assert [row[1:2] + row[3:] for row in _support(ctx.store, dialog.saved_id)] == [stored]


def test_a_value_in_dong_with_decimals_is_refused_not_multiplied(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _visit(window, qtbot, "5", "1.5")
    assert dialog.isVisible()  # refused with a message, never 15 đồng
    dialog.discard()


@pytest.mark.parametrize("quantity", ["1500", "1234,5", "0,125", "1.000.000"])
def test_a_correction_stores_the_numbers_it_showed(window, ctx, qtbot, quantity: str) -> None:  # type: ignore[no-untyped-def]
    first = _visit(window, qtbot, quantity, "200000")
    visit_id = first.saved_id
    before = _support(ctx.store, visit_id)
    dialog = window.open_visit(visit_id)
    qtbot.waitExposed(dialog)
    added = dialog.add_support_row()  # another item given on that visit
    added.quantity.setText("5")
    added.unit.setText("kg")
    _save(dialog)
    assert not dialog.isVisible(), dialog.general_error.text()
    after = _support(ctx.store, visit_id)
    assert before[0] in after and len(after) == 2


@pytest.mark.parametrize(("typed", "stored"), [("1.000", "1000"), ("2,5", "2.5"), ("1.500.000", "1500000"), ("7", "7")])
def test_a_sweeps_number_answer_is_stored_as_meant_and_shown_back_the_same(window, ctx, qtbot, typed: str,  # type: ignore[no-untyped-def]
                                                                           stored: str) -> None:
    campaign = create_campaign(ctx.store, name="Rà soát camera", starts_on="2026-06-01", ends_on="2026-12-31",
                               questions=[Question(label="Số mét dây", kind="number", code="day")])
    household = window.households.model.household_id(3)
    dialog = window.new_visit(household)
    qtbot.waitExposed(dialog)
    dialog.campaign.boxes[0].fields[0].input.setText(typed)
    dialog.purposes["welfare_check"].setChecked(True)
    dialog.visited_on.setText("15/06/2026")
    _save(dialog)
    assert not dialog.isVisible(), dialog.general_error.text()
    query = "SELECT value FROM campaign_answers WHERE campaign_id = ? AND deleted_hlc IS NULL"
    assert ctx.store.conn.execute(query, (campaign,)).fetchall() == [(stored,)]
    again = window.new_visit(household)  # the next visit shows the answer as typed the Vietnamese way
    qtbot.waitExposed(again)
    field = again.campaign.boxes[0].fields[0]
    assert field.value() == float(stored)
    again.discard()
