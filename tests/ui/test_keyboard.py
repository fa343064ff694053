"""Every form and dialog works from the keyboard in both languages: each Alt+letter belongs to one field or
button only, a label's Alt+letter puts the cursor in its field, and a form opens with the cursor where typing
starts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QLineEdit, QWidget

from desktop.register.cases import add_case
from desktop.register.visits import SupportItem, add_visit


def _dialogs(window) -> dict[str, Callable[[], QDialog]]:  # type: ignore[no-untyped-def]
    """Every dialog the app opens that takes typed input, made the way the app makes it."""
    from desktop.register.community_models import list_models
    from desktop.reports.periods import parse_period
    from ui.audit_dialog import AuditDialog
    from ui.commendations_dialog import CommendationsDialog
    from ui.first_start import FirstStartDialog
    from ui.forms.cases import CaseDialog, CaseView
    from ui.forms.community_models import CommunityModelDialog
    from ui.forms.people import HouseholdDialog, HouseholdEditDialog, PersonDialog
    from ui.forms.reintegration import ReintegrationDialog
    from ui.forms.visit import VisitDialog
    from ui.import_dialog import ImportDialog
    from ui.keys import KeyFileDialog
    from ui.login import FirstAdminDialog, LoginDialog
    from ui.pages.admin_users import UserDialog
    from ui.pages.records import ActivityDialog

    ctx = window.ctx
    household = window.households.model.household_id(0)
    detail = window.household.detail if window.household.household_id == household else None
    if detail is None:
        window.open_household(household)
        detail = window.household.detail
    visit = add_visit(ctx.store, household_id=household, visited_on="20/06/2026", purposes=["food_support"],
                      outcome="met", support=[SupportItem("food", 5, "kg")])
    case = add_case(ctx.store, kind="tip", title="Tin báo", household_id=household, received_on="01/06/2026")
    return {
        "new visit": lambda: VisitDialog(ctx, None, window),
        "new visit for a household": lambda: VisitDialog(ctx, household, window),
        "correct a visit": lambda: VisitDialog(ctx, parent=window, visit_id=visit),
        "new household": lambda: HouseholdDialog(ctx, window),
        "edit address": lambda: HouseholdEditDialog(ctx, detail, window),
        "new member": lambda: PersonDialog(ctx, household, parent=window),
        "new case": lambda: CaseDialog(ctx, household, window),
        "new activity": lambda: ActivityDialog(ctx, window),
        "case": lambda: CaseView(ctx, case, window),
        "new reintegration support": lambda: ReintegrationDialog(ctx, window),
        "new community model": lambda: CommunityModelDialog(ctx, window),
        "community model with its counts": lambda: CommunityModelDialog(ctx, window, list_models(ctx.store)[0]),
        "new account": lambda: UserDialog(ctx, None, window),
        "new password": lambda: UserDialog(ctx, "canbo1", window),
        "audit log": lambda: AuditDialog(ctx, None, None, window),
        "commendations": lambda: CommendationsDialog(ctx, parse_period("2026-Q2"), window),
        "import": lambda: ImportDialog(ctx.store, window),
        "login": lambda: LoginDialog(ctx.store, window),
        "first admin": lambda: FirstAdminDialog(ctx.store, window),
        "key file": lambda: KeyFileDialog("/tmp/keys.json", "", window),
        "first start": lambda: FirstStartDialog(ctx.store.path, window),
    }


def _activate(qtbot, dialog: QDialog) -> None:  # type: ignore[no-untyped-def]
    """Make the dialog the active window, as a click on it would: shortcuts only reach the active window."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)


def _mnemonics(dialog: QDialog) -> list[tuple[str, QWidget]]:
    """(letter, widget) of every Alt+letter of the dialog: labels' and buttons' texts."""
    found = []
    for widget in dialog.findChildren(QWidget):
        if widget.window() is not dialog or not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            key = QKeySequence.mnemonic(widget.text())
            if not key.isEmpty():
                found.append((key.toString(), widget))
    return found


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_alt_letter_belongs_to_one_field_and_puts_the_cursor_there(window, qtbot, lang: str) -> None:  # type: ignore[no-untyped-def]
    makers = _dialogs(window)
    window.ctx.language.set_language(lang)
    for name, make in makers.items():
        dialog = make()
        dialog.open()
        _activate(qtbot, dialog)
        keys = _mnemonics(dialog)
        letters = [key for key, _widget in keys]
        assert len(letters) == len(set(letters)), (name, lang, sorted(letters))
        labelled = [(key, label) for key, label in keys if isinstance(label, QLabel)]
        if hasattr(dialog, "add_field"):  # the app's forms: every text field can be reached by its label
            for label in dialog.findChildren(QLabel):
                if isinstance(label.buddy(), QLineEdit) and label.buddy().isVisibleTo(dialog):
                    assert (QKeySequence.mnemonic(label.text()).toString(), label) in labelled, (name, label.text())
        for key, label in labelled:
            buddy = label.buddy()
            assert buddy is not None, (name, lang, label.text())
            if not buddy.isEnabled():
                continue
            dialog.setFocus()
            sequence = QKeySequence(key)[0]
            qtbot.keyClick(QApplication.focusWidget() or dialog, sequence.key(), sequence.keyboardModifiers())
            assert QApplication.focusWidget() is buddy, (name, lang, label.text(), QApplication.focusWidget())
        dialog.done(0)
        dialog.deleteLater()


def test_quick_follow_up_buttons_count_days_in_either_language(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_visit("")
    assert [button.text() for button, _days in dialog.quick_dates] == ["+7 ngày", "+14 ngày", "+30 ngày"]
    window.ctx.language.set_language("en")
    qtbot.waitUntil(lambda: [button.text() for button, _days in dialog.quick_dates] == ["+7 days", "+14 days",
                                                                                        "+30 days"])


def test_an_alt_letter_that_is_no_shortcut_types_nothing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = window.new_visit(window.households.model.household_id(0))
    _activate(qtbot, dialog)
    before = dialog.visited_on.text()
    dialog.visited_on.setFocus()
    qtbot.keyClick(dialog.visited_on, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # the label has no Q
    assert dialog.visited_on.text() == before


def test_a_form_opens_with_the_cursor_where_typing_starts(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.forms.people import PersonDialog

    household = window.households.model.household_id(0)
    window.open_household(household)
    dialog = PersonDialog(window.ctx, household, parent=window.household)
    dialog.open()
    _activate(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.full_name  # "Thêm nhân khẩu": the name first
    qtbot.keyClicks(QApplication.focusWidget(), "Tran Van Nam")
    assert dialog.full_name.text() == "Tran Van Nam"
    dialog.discard()
    visit = window.new_visit("")
    _activate(qtbot, visit)
    assert QApplication.focusWidget() is visit.picker.box  # no household yet: find it first
