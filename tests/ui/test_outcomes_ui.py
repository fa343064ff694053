"""The outcome records in the app: a case's outcome in its view, the reintegration register and the community
models on their page — filled and saved through the real forms, refused for roles that may not."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.register.cases import add_case
from desktop.register.community_models import add_model
from desktop.store.queries import case_detail
from tests.ui.test_security_ui import accounts, window_as  # noqa: F401  (the fixtures of a logged-in window)


def test_a_tip_gets_its_status_and_a_dispute_its_result_in_the_case_view(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.forms.cases import CaseView

    store = window.ctx.store
    tip = add_case(store, kind="tip", title="Tin báo tụ tập", received_on="01/06/2026")
    view = CaseView(window.ctx, tip, window)
    view.show()
    assert view.outcome.isVisibleTo(view)
    assert [view.outcome.itemText(i) for i in range(view.outcome.count())] == [
        "Mới tiếp nhận", "Đã xác minh", "Đã chuyển công an", "Đã kết thúc"]
    assert view.outcome.currentData() == "received" and "Kết quả: Mới tiếp nhận" in view.facts.text()
    view.outcome.setCurrentIndex(view.outcome.findData("forwarded_police"))
    view._try_save()
    assert view.result() == 1
    detail = case_detail(store, tip)
    assert detail["tip_status"] == "forwarded_police"
    assert detail["events"][-1]["new_outcome"] == "forwarded_police"  # type: ignore[index]

    dispute = add_case(store, kind="dispute", title="Tranh chấp ranh giới", received_on="01/06/2026")
    view = CaseView(window.ctx, dispute, window)
    view.show()
    assert view.outcome.currentData() is None and "Kết quả: chưa có" in view.facts.text()
    view.outcome.setCurrentIndex(view.outcome.findData("successful"))
    view._try_save()
    assert case_detail(store, dispute)["mediation_result"] == "successful"

    support = add_case(store, kind="reintegration", title="Hỗ trợ tìm việc", received_on="01/06/2026")
    view = CaseView(window.ctx, support, window)
    view.show()
    assert not view.outcome.isVisibleTo(view)
    view.close()
    window.show_page("cases")  # the list says each case's outcome too
    cases = window.cases.model
    outcomes = {cases.row(i)["title"]: cases.data(cases.index(i, 4)) for i in range(cases.rowCount())}
    assert outcomes["Tin báo tụ tập"] == "Đã chuyển công an" and outcomes["Hỗ trợ tìm việc"] == ""
    assert cases.headerData(4, Qt.Orientation.Horizontal) == "Kết quả"


def test_a_person_is_put_under_reintegration_support_from_the_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_page("outcomes")
    tab = window.outcomes.reintegration
    before = tab.model.rowCount()
    household = window.households.model.household_id(0)
    dialog = tab.open_record(None)
    dialog.picker.set_household(household)
    dialog.picker.picked.emit(household)
    assert dialog.person.count() > 0
    dialog.started_on.setText("01/05/2026")
    dialog.ended_on.setText("01/04/2026")
    dialog._try_save()
    assert dialog.isVisible() and "không được trước ngày bắt đầu" in dialog.errors["ended_on"].text()
    dialog.ended_on.setText("")
    dialog._try_save()
    assert not dialog.isVisible()
    assert tab.model.rowCount() == before + 1
    row = next(tab.model.row(i) for i in range(tab.model.rowCount())
               if tab.model.row(i)["person_id"] == dialog.person.currentData())
    end = tab.open_record(row)
    end.ended_on.setText("20/06/2026")
    end._try_save()
    assert not end.isVisible()
    assert tab.model.rowCount() == before  # no longer under support on the app's today (30/06/2026)


def test_team_leads_record_community_models_and_officers_only_read_them(window_as, qtbot) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    lead = window_as("totruong")
    lead.show_page("outcomes")
    page = lead.outcomes
    page.tabs.setCurrentWidget(page.models)
    assert page.models.new_button.isVisibleTo(page)
    before = page.models.model.rowCount()  # the demo ward's models
    dialog = page.models.open_model(None)
    dialog.name.setText("Camera an ninh hẻm 7")
    dialog.kind.setCurrentIndex(dialog.kind.findData("security_camera"))
    dialog.members.setText("15")
    dialog._try_save()
    assert dialog.isVisible() and dialog.errors["recognised_on"].text()  # an active model was recognised
    dialog.recognised_on.setText("01/03/2026")
    dialog._try_save()
    assert not dialog.isVisible()
    names = [page.models.model.row(i)["name"] for i in range(page.models.model.rowCount())]
    assert len(names) == before + 1 and "Camera an ninh hẻm 7" in names
    row = next(page.models.model.row(i) for i in range(page.models.model.rowCount())
               if page.models.model.row(i)["name"] == "Camera an ninh hẻm 7")
    dialog = page.models.open_model(row)  # a recount, dated
    dialog.members.setText("21")
    dialog.members_on.setText("2/3/2099")
    dialog._try_save()
    assert dialog.isVisible() and "2099" in dialog.errors["members_on"].text()  # not in the future, said there
    dialog.members_on.setText("15/06/2026")
    dialog._try_save()
    assert not dialog.isVisible()
    counts = lead.ctx.store.conn.execute(
        "SELECT counted_on, members FROM community_model_counts WHERE model_id = ? ORDER BY counted_on",
        (row["id"],)).fetchall()
    assert counts == [("2026-03-01", 15), ("2026-06-15", 21)]

    dialog = page.models.open_model(row)  # the recount was a mistake: removed from the list of counts
    assert [dialog.counts.item(i).text() for i in range(dialog.counts.count())] == [
        "15/06/2026: 21 thành viên", "01/03/2026: 15 thành viên"]
    assert not dialog.remove_count.isEnabled()  # nothing chosen yet
    dialog.counts.setCurrentRow(0)
    dialog.remove_count.click()
    asked = [box for box in dialog.findChildren(QMessageBox) if box.objectName() == "confirmBox"]
    assert len(asked) == 1 and "15/06/2026: 21" in asked[0].text()
    asked[0].button(QMessageBox.StandardButton.Yes).click()
    assert dialog.counts.count() == 1 and dialog.members.text() == "15"
    assert not dialog.is_filled()  # the removal is saved: closing asks nothing
    assert lead.ctx.store.conn.execute("SELECT members FROM community_models WHERE id = ?",
                                       (row["id"],)).fetchone() == (15,)
    dialog.reject()

    officer = window_as("canbo1")
    officer.show_page("outcomes")
    tab = officer.outcomes.models
    officer.outcomes.tabs.setCurrentWidget(tab)
    assert not tab.new_button.isVisibleTo(officer.outcomes)
    assert tab.model.rowCount() == before + 1 and tab.open_model(tab.model.row(0)) is None


def test_the_page_follows_the_language(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    add_model(window.ctx.store, name="Tổ tự quản số 1", kind="self_managed_group", recognised_on="01/01/2026")
    window.show_page("outcomes")
    page = window.outcomes
    page.tabs.setCurrentWidget(page.models)
    models = page.models.model
    row = next(i for i in range(models.rowCount()) if models.row(i)["name"] == "Tổ tự quản số 1")
    assert page.tabs.tabText(1) == "Mô hình ở khu dân cư"
    assert models.data(models.index(row, 1)) == "Tổ tự quản"
    window.ctx.language.set_language("en")
    qtbot.waitUntil(lambda: page.tabs.tabText(1) == "Community models", timeout=2000)
    assert models.data(models.index(row, 1)) == "Self-managed group"
    from ui.main_window import NAV

    assert window.nav.item(NAV.index("outcomes")).text() == "Reintegration & models"


def test_a_case_title_with_angle_brackets_is_shown_as_typed(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The case view's facts line is rich text (the kind in bold): a title's "<khu trọ số 5>" vanished, and an
    unclosed "<" hid the status, dates and household after it."""
    from PySide6.QtGui import QTextDocument

    from ui.forms.cases import CaseView

    for title in ("Tụ tập sau 22h <khu trọ số 5>", "Nợ 5tr, lãi > 20%/tháng <tín dụng đen", "<b>30%</b> lãi"):
        case = add_case(window.ctx.store, kind="tip", title=title, received_on="01/06/2026")
        view = CaseView(window.ctx, case, window)
        shown = QTextDocument()
        shown.setHtml(view.facts.text())
        text = shown.toPlainText()
        assert title in text and "Trạng thái" in text and "01/06/2026" in text, text
        view.reject()


def test_a_resolution_on_a_case_still_open_is_refused_under_its_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Seen: the view closed as saved and the resolution was thrown away."""
    from ui.forms.cases import CaseView

    store = window.ctx.store
    case = add_case(store, kind="dispute", title="Tranh chấp lối đi", received_on="01/06/2026")
    view = CaseView(window.ctx, case, window)
    view.show()
    view.note.setText("Đã gặp hai bên")
    view.resolution.setText("Đã hoà giải xong")
    view._try_save()
    assert view.isVisible() and view.errors["resolution"].text().startswith("Kết quả giải quyết chỉ ghi khi")
    view.status.setCurrentIndex(view.status.findData("resolved"))
    view._try_save()
    assert view.result() == 1 and case_detail(store, case)["resolution"] == "Đã hoà giải xong"
