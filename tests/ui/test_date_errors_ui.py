"""A date the core cannot read is shown under the field it was typed in, whatever its length (seen: a follow-up
date with a note pasted after it was reported under the visit's date, the core having cut the value it quoted)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

LONG = "15/07/2026 (hẹn quay lại sau khi nhận trợ cấp)"  # a note pasted after the date: 46 characters


def _shown(dialog) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {name: error.text() for name, error in dialog.errors.items() if error.isVisible()}


def test_a_visits_follow_up_date(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_visit(window.households.model.household_id(3))
    qtbot.waitExposed(dialog)
    dialog.purposes["welfare_check"].setChecked(True)
    dialog.visited_on.setText("15/06/2026")
    dialog.follow_up.setText(LONG)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert list(_shown(dialog)) == ["follow_up_due"] and _shown(dialog)["follow_up_due"].startswith("Ngày không hợp lệ")
    dialog.discard()


def test_a_cases_due_date_and_an_events_date(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.register.cases import add_case
    from ui.forms.cases import CaseDialog, CaseView

    dialog = CaseDialog(window.ctx, None, window)
    dialog.show()
    dialog.title_edit.setText("Tranh chấp lối đi")
    dialog.received_on.setText("01/06/2026")
    dialog.due_on.setText(LONG)
    dialog._try_save()
    assert list(_shown(dialog)) == ["due_on"]
    dialog.discard()
    view = CaseView(window.ctx, add_case(window.ctx.store, kind="dispute", title="X", received_on="01/06/2026"),
                    window)
    view.show()
    view.on.setText(LONG)
    view.note.setText("Đã gặp hai bên")
    view._try_save()
    assert list(_shown(view)) == ["on"]
    view.discard()
