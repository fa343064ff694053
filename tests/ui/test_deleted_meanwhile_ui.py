"""A case a sync deleted while the Cases list was on screen: opening it is refused in words and it leaves the list
(it let a bare `KeyError` out of the page before)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def test_opening_a_case_deleted_meanwhile_says_so_and_takes_it_off_the_list(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page("cases")
    cases = window.cases
    cases.status.setCurrentIndex(cases.status.findData(None))  # all cases
    rows = [cases.model.row(r) for r in range(cases.model.rowCount())]
    gone = rows[0]
    window.ctx.store.writer.delete("cases", str(gone["id"]))  # as a sync applying another laptop's delete
    cases.open_case(str(gone["id"]))
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    assert text.startswith("Vụ việc ") and str(gone["title"]) in text and "đã bị xóa khỏi sổ" in text, text
    assert str(gone["id"]) not in text and boxes[0].windowTitle() == "WardBook"
    boxes[0].close()
    assert [cases.model.row(r)["id"] for r in range(cases.model.rowCount())] == [row["id"] for row in rows[1:]]


def test_a_household_deleted_while_its_page_is_open_is_said_and_left(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A sync applies another laptop's delete of the household on screen: the page's next reading says so in words
    and goes back to the list; opening it again from a list read before is refused the same way."""
    store = window.ctx.store
    household_id, code = store.conn.execute(
        "SELECT id, code FROM households WHERE deleted_hlc IS NULL ORDER BY code LIMIT 1").fetchone()
    window.open_household(household_id)
    assert window.stack.currentWidget() is window.household
    store.writer.delete("households", household_id)
    window.household.refresh()
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and boxes[0].text().startswith(f"Hộ {code}") and "đã bị xóa khỏi sổ" in boxes[0].text()
    assert household_id not in boxes[0].text()
    boxes[0].close()
    assert window.stack.currentWidget() is window.households and window.household.household_id is None
    window.open_household(household_id)
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and boxes[0].windowTitle() == "WardBook" and "đã bị xóa khỏi sổ" in boxes[0].text()
    assert window.stack.currentWidget() is window.households
