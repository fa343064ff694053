"""A busy officer's day in the app: what they chose in a form survives a language switch, nothing of one
session is left for the next user, the keyboard reaches every field, and the lists and messages say plainly
what they mean."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.register.activities import add_activity, delete_activity
from desktop.register.cases import add_case, update_case
from desktop.register.visits import add_visit, complete_follow_up, open_visit
from desktop.security.session import attach
from desktop.store.queries import case_detail, list_activities, list_cases
from tests.security.conftest import PASSWORDS
from tests.ui.test_security_ui import accounts, window_as  # noqa: F401  (fixtures)


def test_a_status_and_outcome_chosen_in_a_case_survive_a_language_switch(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.forms.cases import CaseView

    store = window.ctx.store
    case = add_case(store, kind="tip", title="Tin báo", received_on="01/06/2026")
    view = CaseView(window.ctx, case, window)
    view.show()
    view.status.setCurrentIndex(view.status.findData("in_progress"))
    view.outcome.setCurrentIndex(view.outcome.findData("verified"))
    view.note.setText("Đã xác minh tại chỗ")
    window.set_language("en")
    qtbot.wait(50)  # the LanguageChange events reach the open form
    assert (view.status.currentData(), view.outcome.currentData()) == ("in_progress", "verified")
    view._try_save()
    window.set_language("vi")
    saved = case_detail(store, case)
    assert (saved["status"], saved["tip_status"]) == ("in_progress", "verified")


def test_nothing_of_an_officers_session_is_left_to_the_team_lead_who_logs_in_next(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    window = window_as("canbo")
    store = window.ctx.store
    household = window.households.model.household_id(0)
    visit = add_visit(store, household_id=household, visited_on="20/06/2026", purposes=["welfare_check"],
                      outcome="met")
    window.households.search.setText("nguyen")
    window.households.overdue.setChecked(True)
    window.open_visit(visit).ask_void_reason().textValueSelected.emit("Ghi nhầm hộ")
    assert window.undo_button.isVisible()
    login = window.log_out()
    login.username.setText("totruong")
    login.password.setText(PASSWORDS["totruong"])
    login.login_button.click()
    assert window.isVisible()
    assert not window.undo_button.isVisible()
    window.undo_button.click()  # even a click that reached it restores nothing
    assert open_visit(store, visit)["voided"] == 1
    assert window.households.search.text() == "" and not window.households.overdue.isChecked()
    assert window.statusBar().currentMessage() == ""


def test_a_closed_cases_resolution_is_shown_and_corrected_over_what_is_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.forms.cases import CaseView

    store = window.ctx.store
    case = add_case(store, kind="dispute", title="Tranh chấp lối đi", received_on="01/06/2026")
    update_case(store, case, on="10/06/2026", new_status="closed", resolution="Hai bên ký biên bản hòa giải")
    view = CaseView(window.ctx, case, window)
    view.show()
    assert view.resolution.text() == "Hai bên ký biên bản hòa giải"
    assert "Hai bên ký biên bản hòa giải" in view.facts.text()
    view.note.setText("Gọi điện hỏi lại")
    view._try_save()  # a note alone: the resolution shown is not sent again
    assert not view.isVisible()
    view = CaseView(window.ctx, case, window)
    view.show()
    view.resolution.setText("Hai bên ký biên bản, lối đi mở lại")
    view._try_save()
    assert case_detail(store, case)["resolution"] == "Hai bên ký biên bản, lối đi mở lại"


def test_the_visit_form_shows_when_its_follow_up_was_done(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = window.ctx.store
    household = window.households.model.household_id(3)
    visit = add_visit(store, household_id=household, visited_on="10/06/2026", purposes=["welfare_check"],
                      outcome="met", follow_up_due="20/06/2026")
    complete_follow_up(store, visit, "20/06/2026")
    dialog = window.open_visit(visit)
    assert dialog.follow_done.isVisible() and "20/06/2026" in dialog.follow_done.text()
    dialog.discard()
    fresh = window.new_visit(household)
    assert not fresh.follow_done.isVisible()
    fresh.discard()


def _tab_through(qtbot, dialog, start, presses: int) -> list[object]:  # type: ignore[no-untyped-def]
    """The widgets Tab reaches from `start`, in order."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    start.setFocus()
    reached = []
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    return reached


def test_tab_leaves_a_cases_timeline_for_the_form(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.forms.cases import CaseView

    case = add_case(window.ctx.store, kind="dispute", title="Tranh chấp", received_on="01/06/2026")
    update_case(window.ctx.store, case, on="10/06/2026", note="Đã mời hai bên")
    view = CaseView(window.ctx, case, window)
    view.show()
    reached = _tab_through(qtbot, view, view.resolution, 12)
    view.discard()
    assert view.view in reached and view.on in reached and view.status in reached


def test_tab_from_a_support_item_reaches_the_follow_up_date_before_save(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_visit(window.households.model.household_id(0))
    first = dialog.add_support_row()
    second = dialog.add_support_row()
    reached = _tab_through(qtbot, dialog, first.value, 12)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.discard()
    assert reached[:5] == [first.remove, second.kind, second.quantity, second.unit, second.value]
    assert dialog.follow_up in reached and reached.index(dialog.follow_up) < reached.index(save)


def test_the_cases_and_activities_pages_tell_an_officer_how_many_of_others_entries_they_leave_out(
        window_as, accounts, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    lead = window_as("totruong")
    add_case(lead.ctx.store, kind="tip", title="Tin báo của tổ trưởng", received_on="01/06/2026")
    add_activity(lead.ctx.store, kind="meeting", held_on="01/06/2026", topic="Họp tổ")
    lead.show_page("cases")
    assert not lead.cases.hidden_note.isVisible()  # a team lead sees everyone's
    officer = window_as("canbo")
    store = officer.ctx.store
    for key, page in (("cases", officer.cases), ("activities", officer.activities)):
        officer.show_page(key)
        attach(store, accounts["totruong"])
        others = len(list_cases(store, assignee_id=None) if key == "cases"
                     else list_activities(store, officer_id=None)) - page.model.rowCount()
        attach(store, accounts["canbo"])
        assert others > 0 and page.hidden_note.isVisible()
        assert page.hidden_note.text() == f"{others:,}".replace(",", ".") + " mục của cán bộ khác không hiển thị"
    officer.cases.status.setCurrentIndex(officer.cases.status.findData("closed"))
    assert officer.cases.hidden == count_closed_cases(store) and officer.cases.model.rowCount() == 0


def count_closed_cases(store) -> int:  # type: ignore[no-untyped-def]
    return int(store.conn.execute("SELECT COUNT(*) FROM cases WHERE status = 'closed' AND deleted_hlc IS NULL")
               .fetchone()[0])


def test_an_activity_deleted_meanwhile_is_named_by_its_topic_and_date(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.records import ActivityDialog

    store = window.ctx.store
    activity = add_activity(store, kind="meeting", held_on="15/06/2026", topic="Họp tổ dân phố", attendance="30")
    window.show_page("activities")
    row = next(row for row in list_activities(store, officer_id=None) if row["id"] == activity)
    dialog = ActivityDialog(window.ctx, window.activities, row)
    dialog.show()
    delete_activity(store, activity)  # in another window, or a sync
    dialog.topic.setText("Họp tổ dân phố số 3")
    dialog._try_save()
    told = dialog.general_error.text()
    dialog.discard()
    assert "Họp tổ dân phố" in told and "15/06/2026" in told and activity not in told


def test_a_support_items_numbers_are_refused_in_plain_words(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_visit(window.households.model.household_id(0))
    dialog.purposes["food_support"].setChecked(True)
    row = dialog.add_support_row()
    row.quantity.setText("abc")
    dialog._try_save()
    not_a_number = dialog.errors["support"].text()
    row.quantity.setText("")
    row.value.setText("99999999999999")
    dialog._try_save()
    too_big = dialog.errors["support"].text()
    dialog.discard()
    assert "phải là một số" in not_a_number and "hữu hạn" not in not_a_number
    assert "1.000.000.000.000" in too_big
