"""A visit opened from where it is listed (household timeline, follow-ups), corrected, voided with a reason,
restored from the status bar's Undo or from the form; a filled form asks before it is thrown away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton

from desktop.cli import main
from desktop.register.visits import SupportItem, add_visit, open_visit, void_visit
from desktop.store.queries import list_visits


def _visit_with_support(store, household_id: str) -> str:  # type: ignore[no-untyped-def]
    return add_visit(store, household_id=household_id, visited_on="20/06/2026", purposes=["food_support"],
                     outcome="met", findings="Cần gạo", follow_up_due="25/06/2026",
                     support=[SupportItem("food", 10, "kg", 200_000)])


def _timeline_row(window, visit_id: str) -> int:  # type: ignore[no-untyped-def]
    timeline = window.household.timeline
    return next(n for n in range(timeline.rowCount()) if timeline.row(n)["id"] == visit_id)


def _open_form(window):  # type: ignore[no-untyped-def]
    from ui.forms.visit import VisitDialog

    (dialog,) = [d for d in window.findChildren(VisitDialog) if d.isVisible()]
    return dialog


def test_a_visit_is_opened_from_the_timeline_corrected_voided_and_undone(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    household_id = window.households.model.household_id(3)
    visit_id = _visit_with_support(ctx.store, household_id)
    window.open_household(household_id)
    row = _timeline_row(window, visit_id)
    support_column = next(n for n in range(window.household.timeline.columnCount())
                          if window.household.timeline.headerData(n, Qt.Orientation.Horizontal) == "Hỗ trợ đã trao")
    assert window.household.timeline.index(row, support_column).data() == "Lương thực 10 kg (200.000 đ)"

    # double-click opens the visit, filled in
    view = window.household.timeline_view
    where = view.visualRect(window.household.timeline.index(row, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # the press a double-click follows
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = _open_form(window)
    assert dialog.visit_id == visit_id and dialog.windowTitle() == "Sửa lượt thăm"
    assert dialog.findings.toPlainText() == "Cần gạo" and dialog.follow_up.text() == "25/06/2026"
    assert dialog.rows[0].quantity.text() == "10" and dialog.rows[0].value.text() == "200.000"
    # corrected: the same checks as a new visit (a follow-up before the visit is refused by the core)
    dialog.follow_up.setText("01/06/2026")
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    assert dialog.isVisible() and "phải sau ngày thăm" in dialog.errors["follow_up_due"].text()
    dialog.follow_up.setText("30/06/2026")
    dialog.findings.setPlainText("Đã nhận gạo")
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    corrected = open_visit(ctx.store, visit_id)
    assert (corrected["findings"], corrected["follow_up_due"]) == ("Đã nhận gạo", "2026-06-30")
    assert window.statusBar().currentMessage() == "Đã sửa lượt thăm."

    # Enter on the timeline row opens it again; Void… asks for the reason
    row = _timeline_row(window, visit_id)
    view.setFocus()
    view.setCurrentIndex(window.household.timeline.index(row, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    dialog = _open_form(window)
    qtbot.mouseClick(dialog.void_button, Qt.MouseButton.LeftButton)
    (asked,) = [d for d in dialog.findChildren(QInputDialog) if d.isVisible()]
    asked.setTextValue("Ghi nhầm hộ")
    asked.accept()
    assert not dialog.isVisible()
    assert (open_visit(ctx.store, visit_id)["voided"], open_visit(ctx.store, visit_id)["void_reason"]) == (
        1, "Ghi nhầm hộ")
    row = _timeline_row(window, visit_id)
    assert "đã hủy: Ghi nhầm hộ" in window.household.timeline.index(row, 3).data()
    # the status bar offers to undo it
    assert window.undo_button.isVisible() and window.undo_button.text() == "Hoàn tác hủy"
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert open_visit(ctx.store, visit_id)["voided"] == 0 and not window.undo_button.isVisible()
    assert "đã hủy" not in window.household.timeline.index(_timeline_row(window, visit_id), 3).data()


def test_a_voided_follow_up_leaves_the_list_and_is_restored_from_its_form(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page("followups")
    page = window.followups
    overdue = page.models["overdue"]
    first = overdue.row(0)
    count = overdue.rowCount()
    page.views["overdue"].setFocus()
    page.views["overdue"].setCurrentIndex(overdue.index(0, 0))
    qtbot.keyClick(page.views["overdue"], Qt.Key.Key_Return)
    dialog = _open_form(window)
    assert dialog.visit_id == first["id"] and dialog.picker.household_id == first["household_id"]
    dialog.ask_void_reason()
    (asked,) = [d for d in dialog.findChildren(QInputDialog) if d.isVisible()]
    asked.setTextValue("")  # no reason: refused, nothing written, the form stays open
    asked.accept()
    (again,) = [d for d in dialog.findChildren(QInputDialog) if d.isVisible()]  # asked again, the refusal said
    assert dialog.isVisible() and "lý do" in again.labelText()
    again.setTextValue("Trùng\x01 lượt thăm")  # refused too: the reason typed comes back, to be corrected
    again.accept()
    (third,) = [d for d in dialog.findChildren(QInputDialog) if d.isVisible()]
    assert third.textValue() == "Trùng\x01 lượt thăm" and "ký tự" in third.labelText()
    third.reject()
    assert overdue.rowCount() == count
    dialog.ask_void_reason().textValueSelected.emit("Trùng lượt thăm")
    assert overdue.rowCount() == count - 1 and first["id"] not in {overdue.row(n)["id"] for n in range(count - 1)}
    recent = page.models["recent"]  # a voided visit stays among the latest visits, marked
    latest = str(recent.row(0)["id"])
    void_visit(ctx.store, latest, "Ghi nhầm")
    ctx.records_changed.emit()
    assert recent.row(0)["id"] == latest and recent.index(0, 4).data().endswith("— đã hủy")
    assert not recent.index(1, 4).data().endswith("— đã hủy")

    # opened again (a team lead, from the household's timeline): read-only, with Restore
    reopened = window.open_visit(str(first["id"]))
    assert reopened.windowTitle() == "Lượt thăm đã hủy" and "Trùng lượt thăm" in reopened.void_note.text()
    assert reopened.restore_button.isVisible() and not reopened.void_button.isVisible()
    assert not reopened.findings.isEnabled()
    qtbot.mouseClick(reopened.restore_button, Qt.MouseButton.LeftButton)
    assert reopened.isVisible() and reopened.findings.isEnabled() and reopened.windowTitle() == "Sửa lượt thăm"
    assert overdue.rowCount() == count
    qtbot.keyClick(reopened, Qt.Key.Key_Escape)  # nothing typed since the restore: closes without asking
    assert not reopened.isVisible()


def test_esc_on_a_filled_form_asks_before_discarding(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    household_id = window.households.model.household_id(0)
    count = len(list_visits(ctx.store))
    dialog = window.new_visit(household_id)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible()

    dialog = window.new_visit(household_id)
    qtbot.keyClicks(dialog.findings, "Gia dinh co nguoi benh")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    (box,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    box.button(QMessageBox.StandardButton.No).click()  # No: the form and what was typed stay
    assert dialog.isVisible() and dialog.findings.toPlainText() == "Gia dinh co nguoi benh"
    dialog.close()  # the window's close button asks the same
    (box,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    box.button(QMessageBox.StandardButton.Yes).click()
    assert not dialog.isVisible()
    assert len(list_visits(ctx.store)) == count


def _corrected_elsewhere(ctx, visit_id: str, findings: str) -> None:  # type: ignore[no-untyped-def]
    """The same visit corrected through another connection while its form is open (here the CLI; the second
    window or a sync write the same way)."""
    assert main(["--db", str(ctx.store.path), "visit", "edit", visit_id[:8], "--findings", findings]) == 0


def test_a_form_open_while_its_visit_is_corrected_elsewhere_keeps_that_correction(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The form sent every field it had loaded: saving a new follow-up date wrote the old findings back."""
    visit_id = _visit_with_support(ctx.store, window.households.model.household_id(3))
    dialog = window.open_visit(visit_id)
    _corrected_elsewhere(ctx, visit_id, "Đã nhận 10 kg gạo")
    dialog.follow_up.setText("30/06/2026")  # the officer changes only the follow-up date
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    corrected = open_visit(ctx.store, visit_id)
    assert (corrected["findings"], corrected["follow_up_due"]) == ("Đã nhận 10 kg gạo", "2026-06-30")
    assert corrected["support"] == [SupportItem("food", 10.0, "kg", 200_000)]


def _question(dialog):  # type: ignore[no-untyped-def]
    (box,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    return box


def test_a_field_changed_in_the_form_and_elsewhere_is_saved_over_only_when_the_officer_says_so(
        window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    visit_id = _visit_with_support(ctx.store, window.households.model.household_id(3))
    dialog = window.open_visit(visit_id)
    _corrected_elsewhere(ctx, visit_id, "Đã nhận 10 kg gạo")
    dialog.findings.setPlainText("Cần gạo và thuốc")
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    assert dialog.isVisible() and open_visit(ctx.store, visit_id)["findings"] == "Đã nhận 10 kg gạo"
    box = _question(dialog)
    assert "đã được sửa ở nơi khác" in box.text() and "Ghi nhận" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # back to the form, nothing decided
    assert dialog.isVisible() and dialog.findings.toPlainText() == "Cần gạo và thuốc"
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    qtbot.mouseClick(_question(dialog).findChild(QPushButton, "saveMine"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and open_visit(ctx.store, visit_id)["findings"] == "Cần gạo và thuốc"


def test_a_field_changed_in_the_form_and_elsewhere_can_be_reloaded_as_it_is_now(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    visit_id = _visit_with_support(ctx.store, window.households.model.household_id(3))
    dialog = window.open_visit(visit_id)
    _corrected_elsewhere(ctx, visit_id, "Đã nhận 10 kg gạo")
    dialog.findings.setPlainText("Cần gạo và thuốc")
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    qtbot.mouseClick(_question(dialog).findChild(QPushButton, "reload"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.findings.toPlainText() == "Đã nhận 10 kg gạo"
    assert open_visit(ctx.store, visit_id)["findings"] == "Đã nhận 10 kg gạo"
    dialog.follow_up.setText("30/06/2026")  # what is shown now is what the next save compares with
    qtbot.keyClick(dialog.follow_up, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert (open_visit(ctx.store, visit_id)["findings"], open_visit(ctx.store, visit_id)["follow_up_due"]) == (
        "Đã nhận 10 kg gạo", "2026-06-30")
