"""A whole day in one window: what an officer repeats many times leaves nothing behind that grows with it.

WardBook stays open all day on 4 GB laptops. Each test repeats one ordinary operation on the real window and
counts what is alive afterwards (objects, widgets), never how long it took: a count that grows with the number
of repetitions would grow all day.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.test_security_ui import accounts, window_as  # noqa: F401  (the fixtures of a logged-in window)

ROUNDS = 30


def settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Let the event loop deliver what is queued and delete what was closed, then collect Python's cycles."""
    for _ in range(3):
        qtbot.wait(5)
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_the_forms_of_a_day_of_visits_and_imports_are_let_go_once_closed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A visit form (new, saved, or a recorded visit opened to correct it), the new household form and the import
    dialog each hold some hundred widgets: a closed one is deleted, not kept under the window all day."""
    from desktop.register.visits import add_visit

    store = window.ctx.store
    household = window.households.model.household_id(0)
    visit = add_visit(store, household_id=household, visited_on="20/06/2026", purposes=["welfare_check"],
                      outcome="met")
    settle(qtbot)
    before = len(window.findChildren(QDialog)), len(QApplication.allWidgets())
    for round_no in range(ROUNDS):
        window.new_visit(household).discard()
        opened = window.open_visit(visit)
        opened.findings.setPlainText(f"Gặp chủ hộ, lần {round_no}")
        opened._try_save()
        assert not opened.isVisible()  # saved and closed
        window.new_household().discard()
        window.open_import().reject()
        settle(qtbot)
    assert len(window.findChildren(QDialog)) == before[0]
    assert len(QApplication.allWidgets()) <= before[1]


def test_the_overviews_figure_lists_and_the_reports_dialogs_are_let_go_once_closed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A team lead clicks the Overview's figures and opens the review's text, commendations and settings many
    times a day: each opens a new dialog, which is deleted once closed."""
    overview, reports = window.overview, window.reports
    qtbot.waitUntil(lambda: overview.current is not None, timeout=10_000)
    settle(qtbot)
    before = len(window.findChildren(QDialog))
    for _ in range(ROUNDS):
        overview.open_list("visits").reject()
        for opened in (reports.open_commendations(), reports.open_notes(), reports.open_settings()):
            assert opened is not None
            opened.done(0)
        settle(qtbot)
    assert len(window.findChildren(QDialog)) == before


def test_the_admins_account_dialogs_are_let_go_once_closed(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """An admin adds accounts and resets passwords one after another: each dialog, saved or cancelled, is
    deleted once closed, and the list still shows what was saved."""
    from desktop.security import users

    window = window_as("quantri")
    window.show_page("admin")
    box = window.admin.users_box
    username = "canbo"
    box.select(username)
    settle(qtbot)
    before = len(window.findChildren(QDialog))
    for round_no in range(ROUNDS):
        box.add_user().reject()
        reset = box.reset_password()
        assert reset is not None
        reset.password.setText(f"mat-khau-moi-{round_no:02}")
        reset.again.setText(f"mat-khau-moi-{round_no:02}")
        reset.try_save()
        assert not reset.isVisible()  # saved and closed
        settle(qtbot)
    assert len(window.findChildren(QDialog)) == before
    assert box.selected() == username  # the list refreshed after each save, the account still chosen
    assert users.login(window.ctx.store, username, f"mat-khau-moi-{ROUNDS - 1:02}").username == username


def test_the_reintegration_and_community_model_forms_are_let_go_once_closed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each record opened on the Reintegration & models page makes a new form: closed, it is deleted."""
    from desktop.register.community_models import add_model

    add_model(window.ctx.store, name="Camera an ninh hẻm 7", kind="security_camera", members=15,
              members_on="01/03/2026", recognised_on="01/03/2026")
    window.show_page("outcomes")
    page = window.outcomes
    page.models.refresh()
    model = page.models.model.row(0)
    settle(qtbot)
    before = len(window.findChildren(QDialog))
    for _ in range(ROUNDS):
        page.reintegration.open_record(None).reject()
        for opened in (page.models.open_model(None), page.models.open_model(model)):
            assert opened is not None
            opened.reject()
        settle(qtbot)
    assert len(window.findChildren(QDialog)) == before


def test_the_sync_pages_key_file_and_approve_dialogs_are_let_go_once_closed(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On a laptop with no keyring the key file is asked for at each sync until one is given, and an admin
    approves laptops one after another: each dialog is deleted once closed."""
    import keyring
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.core.init_backend()
    try:
        page = window.sync
        page.setup.laptops.set_rows([{"device": "a1b2c3d4e5f6", "name": "Máy khu phố 2", "state": "waiting",
                                      "username": None, "role": None}])
        page.setup.laptops_view.selectRow(0)
        settle(qtbot)
        before = len(window.findChildren(QDialog))
        for _ in range(ROUNDS):
            page.keys.with_secrets(lambda _secrets: None)
            asked = page.keys.dialog
            assert asked is not None and asked.isVisible()
            asked.reject()
            page.setup.approve()
            approve = page.setup.approve_dialog
            assert approve is not None and approve.isVisible()
            approve.reject()
            settle(qtbot)
        assert len(window.findChildren(QDialog)) == before
        assert page.keys.dialog is None and page.setup.approve_dialog is None
    finally:
        keyring.set_keyring(previous)


def test_a_day_of_printed_reports_leaves_no_progress_dialog_behind(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Each report of more than one page printed shows its progress in a dialog of its own: it goes once the
    report is printed."""
    from PySide6.QtPrintSupport import QPrinter

    from tests.ui.test_pdf_view import _pdf_printer, _report
    from ui.pdf_view import Printed, open_pdf, print_pdf

    reports = window.reports
    source = _report(tmp_path / "bao-cao.pdf")
    document = open_pdf(source, reports)
    assert document is not None
    settle(qtbot)
    before = len(window.findChildren(QDialog))
    for round_no in range(ROUNDS):
        printer: QPrinter = _pdf_printer(tmp_path / f"ban-in-{round_no}.pdf")
        assert print_pdf(document, printer, reports) is Printed.DONE
        settle(qtbot)
    assert len(window.findChildren(QDialog)) == before


def test_a_case_viewed_between_logins_is_let_go_once_closed(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    """A team lead opens a case, closes it, logs out for lunch and back in, many times: no case's view is kept
    under the Cases page (after a logout and login one stayed for good, every time, each a few hundred widgets)."""
    from PySide6.QtCore import QTimer

    from desktop.register.cases import add_case
    from tests.security.conftest import PASSWORDS

    window = window_as("quantri")
    household = window.households.model.household_id(0)
    case = add_case(window.ctx.store, kind="dispute", title="Tranh chấp lối đi", received_on="01/06/2026",
                    household_id=household)
    settle(qtbot)
    before = len(window.findChildren(QDialog))
    seen: list[str] = []

    def close_the_view() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog) and modal.isVisible():
            seen.append(type(modal).__name__)
            modal.reject()

    closing = QTimer()
    closing.timeout.connect(close_the_view)
    closing.start(5)
    try:
        for _ in range(ROUNDS // 3):
            window.show_page("cases")
            window.cases.open_case(case)
            login = window.log_out()
            login.username.setText("quantri")
            login.password.setText(PASSWORDS["quantri"])
            login.login_button.click()
            settle(qtbot)
            assert window.isVisible()
    finally:
        closing.stop()
    assert seen == ["CaseView"] * (ROUNDS // 3)
    assert len(window.findChildren(QDialog)) == before


def test_what_a_finished_job_held_is_let_go(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Every search, page and login runs a background job; whoever still holds its worker (a page, to cancel it)
    must not keep through it what its job held (a query, the households a filter kept) once it ran."""
    import weakref

    from ui import workers

    class Held:
        """Stands for what a job reads and holds."""

    held = Held()
    kept = weakref.ref(held)

    def job(_progress: workers.Progress, _cancelled: workers.Cancelled, held: Held = held) -> str:
        return type(held).__name__

    answers: list[object] = []
    worker = workers.start(job, finished=answers.append)
    qtbot.waitUntil(lambda: answers == ["Held"], timeout=10_000)
    del held, job
    settle(qtbot)
    assert worker.done.is_set() and kept() is None
