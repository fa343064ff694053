"""A busy officer's day in the app: what they chose in a form survives a language switch, nothing of one
session is left for the next user, the keyboard reaches every field, and the lists and messages say plainly
what they mean."""

from __future__ import annotations

from desktop.register.cases import add_case
from desktop.store.queries import case_detail


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
