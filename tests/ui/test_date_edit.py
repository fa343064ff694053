"""The date field: typed dd/mm/yyyy or short d/m/yy, or picked from a calendar by mouse or keyboard; and every
date field of the app's forms is one."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QLineEdit

from desktop.register.validation import parse_date
from tests.ui.test_keyboard import _dialogs
from ui.date_edit import DateDialog, DateEdit

DATE_TEXT = re.compile(r"^\d{2}/\d{2}/\d{4}$")


def test_short_dates_are_accepted_and_written_in_full(language, owned, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateEdit("")
    owned.append(field)
    field.show()
    for typed, shown in (("30/9/26", "30/09/2026"), ("5/6/2026", "05/06/2026"), ("1-2-25", "01/02/2025"),
                         ("31/12/2026", "31/12/2026")):
        field.setText(typed)
        field.editingFinished.emit()
        assert field.text() == shown
        assert parse_date(typed) == parse_date(shown)
    field.setText("31/2/26")  # no such day: left as typed, for the core to refuse in words
    field.editingFinished.emit()
    assert field.text() == "31/2/26" and field.date() is None


def test_the_calendar_opens_on_the_date_and_picks_by_keyboard(language, owned, qtbot) -> None:  # type: ignore[no-untyped-def]
    field = DateEdit("15/06/2026")
    owned.append(field)
    field.show()
    qtbot.waitExposed(field)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert isinstance(calendar, QCalendarWidget) and calendar.isVisible()
    assert calendar.selectedDate() == QDate(2026, 6, 15)
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    calendar.setSelectedDate(QDate(2026, 6, 18))
    view = calendar.focusWidget() or calendar
    with qtbot.waitSignal(field.picked, timeout=2000) as picked:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert picked.args == ["2026-06-18"]
    assert field.text() == "18/06/2026" and field.date() == date(2026, 6, 18)
    assert field.calendar is None


def test_the_calendar_button_and_the_date_question(language, owned, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = DateDialog("Đã theo dõi", "Ngày:", "01/07/2026")
    owned.append(dialog)
    dialog.show()
    dialog.field.pick_action.trigger()
    calendar = dialog.field.calendar
    assert calendar is not None and calendar.selectedDate() == QDate(2026, 7, 1)
    calendar.clicked.emit(QDate(2026, 7, 3))
    assert dialog.field.text() == "03/07/2026"
    assert dialog.field.pick_action.toolTip() == "Chọn trên lịch (Alt+↓)"


def test_every_date_field_of_the_forms_is_a_date_edit(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for name, make in _dialogs(window).items():
        dialog = make()
        try:
            for line in dialog.findChildren(QLineEdit):
                looks_like_a_date = bool(DATE_TEXT.match(line.text())) or "dd/mm" in line.placeholderText()
                if looks_like_a_date:
                    assert isinstance(line, DateEdit), f"{name}: a date typed in a plain line edit"
                    seen += 1
        finally:
            dialog.close()
            dialog.deleteLater()
    assert seen >= 6  # visit date and follow-up (three visit forms), case received/due, update, activity
