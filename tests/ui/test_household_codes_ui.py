"""A household made in the app gets this laptop's readable code, shown on its page and in the list, and found
by typing it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.register.households import code_prefix


def test_a_new_household_s_code_is_shown_and_found(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_household()
    dialog.house_no.setText("25")
    dialog.street.setText("Hẻm 7 Lê Lợi")
    dialog.head_name.setText("Đoàn Thị Gấm")
    dialog._try_save()
    assert dialog.saved_id is not None
    code = f"{code_prefix(ctx.store.device_id)}-00001"
    assert window.household.household_id == dialog.saved_id
    assert code in window.household.facts.text()
    qtbot.keyClicks(window.households.search, code.lower())
    window.households.search.flush()
    qtbot.waitUntil(lambda: window.households.model.household_id(0) == dialog.saved_id, timeout=5000)
    model = window.households.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == "Mã hộ")
    assert model.index(0, column).data() == code
