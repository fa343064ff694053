"""The visit form driven with the keyboard: it saves through the core, or shows the core's message and saves
nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.store.queries import household_detail, list_visits


def _visit_count(store) -> int:  # type: ignore[no-untyped-def]
    return int(store.conn.execute("SELECT COUNT(*) FROM visits").fetchone()[0])


def test_visit_typed_with_the_keyboard_lands_in_db_and_timeline(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    household_id = window.households.model.household_id(4)
    summary_head = household_detail(ctx.store, household_id)["head"]
    window.open_household(household_id)
    before = window.household.timeline.rowCount()
    dialog = window.new_visit("")
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    # pick the household by typing the head's name without accents, then ↓/Enter
    from desktop.search import fold

    qtbot.keyClicks(dialog.picker.box, fold(str(summary_head)))
    dialog.picker.box.flush()
    assert dialog.picker.list.isVisible()
    row = next(
        r
        for r in range(dialog.picker.results.rowCount())
        if dialog.picker.results.row(r)["id"] == household_id
    )
    for _ in range(row):
        qtbot.keyClick(dialog.picker.box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.picker.box, Qt.Key.Key_Return)
    assert dialog.picker.household_id == household_id and dialog.isVisible()
    # date: select all and type; purposes with Alt+1 and Alt+4; findings; follow-up in 14 days
    qtbot.keyClick(dialog.visited_on, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.visited_on, "28/06/2026")
    qtbot.keyClick(dialog.visited_on, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # from a field
    qtbot.keyClick(dialog, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert dialog.purposes["welfare_check"].isChecked() and dialog.purposes["scam_awareness"].isChecked()
    qtbot.keyClicks(dialog.findings, "Gia dinh on dinh")
    qtbot.keyClicks(dialog.follow_up, "12/07/2026")
    count = _visit_count(ctx.store)
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible()
    assert _visit_count(ctx.store) == count + 1
    (saved,) = [v for v in list_visits(ctx.store, household_id=household_id) if v["findings"] == "Gia dinh on dinh"]
    assert (
        saved["visited_at"],
        saved["purposes"],
        saved["outcome"],
        saved["follow_up_due"],
        saved["findings"],
    ) == ("2026-06-28", "scam_awareness,welfare_check", "met", "2026-07-12", "Gia dinh on dinh")
    # the household page (open behind the dialog) shows it at once
    assert window.household.timeline.rowCount() == before + 1
    texts = [
        window.household.timeline.index(r, 0).data() for r in range(window.household.timeline.rowCount())
    ]
    assert "28/06/2026" in texts


def test_invalid_visit_shows_the_message_next_to_the_field_and_saves_nothing(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    household_id = window.households.model.household_id(0)
    dialog = window.new_visit(household_id)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    count = _visit_count(ctx.store)
    # no purpose chosen → the core's "required" message under the purposes
    qtbot.keyClick(dialog.visited_on, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.errors["purposes"].isVisible()
    assert "Thiếu thông tin bắt buộc" in dialog.errors["purposes"].text()
    # follow-up before the visit → message under the follow-up field, in Vietnamese, from the core
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(dialog.follow_up, "01/01/2026")
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    assert dialog.isVisible() and not dialog.errors["purposes"].isVisible()
    assert dialog.errors["follow_up_due"].isVisible()
    assert "phải sau ngày thăm" in dialog.errors["follow_up_due"].text()
    # a malformed visit date → under the date
    dialog.follow_up.clear()
    dialog.visited_on.setText("31/02/2026")
    qtbot.keyClick(dialog.visited_on, Qt.Key.Key_Return)
    assert dialog.errors["visited_on"].isVisible() and "31/02/2026" in dialog.errors["visited_on"].text()
    # a support value that is not a number → under the support items
    dialog.visited_on.setText("29/06/2026")
    support = dialog.add_support_row()
    qtbot.keyClicks(support.value, "abc")
    qtbot.keyClick(support.value, Qt.Key.Key_Return)
    assert dialog.errors["support"].isVisible()
    assert _visit_count(ctx.store) == count
    # Esc on this filled form asks first; Yes throws it away, still nothing saved
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    (box,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    box.button(QMessageBox.StandardButton.Yes).click()
    assert not dialog.isVisible()
    assert _visit_count(ctx.store) == count


def test_visit_with_support_items(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    household_id = window.households.model.household_id(2)
    dialog = window.new_visit(household_id)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    support = dialog.add_support_row()
    qtbot.keyClicks(support.quantity, "10")
    qtbot.keyClicks(support.unit, "kg")
    qtbot.keyClicks(support.value, "150.000")
    qtbot.keyClick(support.value, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    visit = list_visits(ctx.store, household_id=household_id)[0]
    assert visit["support_vnd"] == 150_000 and visit["purposes"] == "food_support"


def test_findings_written_on_several_lines_keep_their_lines(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The findings box offers Shift+Enter for a new line; the lines are the officer's list of what was seen and
    given, and come back as written when the visit is opened again."""
    household_id = window.households.model.household_id(2)
    dialog = window.new_visit(household_id)
    dialog.purposes["welfare_check"].setChecked(True)
    qtbot.keyClicks(dialog.findings, "1. Can gao 10kg")
    qtbot.keyClick(dialog.findings, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.findings, "2. Ba cu bi dau chan")
    qtbot.keyClick(dialog.findings, Qt.Key.Key_Return)  # Enter saves
    assert not dialog.isVisible() and dialog.saved_id
    stored = ctx.store.conn.execute("SELECT findings FROM visits WHERE id = ?", (dialog.saved_id,)).fetchone()[0]
    assert stored == "1. Can gao 10kg\n2. Ba cu bi dau chan"
    reopened = window.open_visit(dialog.saved_id)
    assert reopened.findings.toPlainText() == stored
    reopened.reject()
