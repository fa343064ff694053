"""Search as you type on the households page, the household page and the duplicate warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop.register.households import add_household, find_area
from desktop.search import fold
from desktop.store.queries import household_detail
from tests.ui.conftest import DEMO_END


def test_typing_duong_lists_households_on_duong_streets(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    area = find_area(ctx.store, "Khu phố 1")
    on_duong = add_household(
        ctx.store,
        area_id=area,
        house_no="12/3",
        street="Đường Số 7",
        head_name="Lâm Thị Hạnh",
        head_birth_year=1970,
    )
    elsewhere = add_household(
        ctx.store,
        area_id=area,
        house_no="5",
        street="Hẻm 9 Lê Văn Sỹ",
        head_name="Tạ Văn Bình",
        head_birth_year=1980,
    )
    page = window.households
    page.search.setFocus()
    with qtbot.waitSignal(page.loaded, timeout=3000):
        qtbot.keyClicks(page.search, "duong")  # no accents, no đ: debounced search runs once typing pauses
    ids = page.model.ids()
    assert on_duong in ids and elsewhere not in ids
    shown = [page.model.index(row, 1).data() for row in range(page.model.rowCount())]
    assert "12/3 Đường Số 7" in shown
    for row, address in enumerate(shown):
        # every hit is on an "Đường …" street or has "duong"/"dương" in a member's name
        people = household_detail(ctx.store, page.model.household_id(row))["people"]
        assert "duong" in fold(address) or any("duong" in fold(str(p["full_name"])) for p in people)


def test_clearing_the_search_lists_the_whole_ward_again(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.households
    with qtbot.waitSignal(page.loaded, timeout=3000):
        qtbot.keyClicks(page.search, "nguyen")
    narrowed = page.model.rowCount()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.clear()
    assert page.model.rowCount() == 400 > narrowed > 0
    with qtbot.waitSignal(page.loaded, timeout=3000):
        qtbot.keyClicks(page.search, "nguyen")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.search.setText("\u200b ")  # a zero-width space pasted: the box looks empty, and is (seen: "0 hộ")
    assert page.model.rowCount() == 400


def test_filters_narrow_the_list(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.households
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.overdue.setChecked(True)
    overdue = page.model.rowCount()
    assert 0 < overdue < 400
    assert all(page.model.index(row, 7).data() for row in range(overdue))


def test_enter_opens_the_household_page(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.households
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.household
    assert window.household.household_id == page.model.household_id(2)
    assert window.household.members.rowCount() >= 1
    assert window.household.heading.text().strip() == page.model.index(2, 1).data()


def test_new_household_warns_of_a_duplicate_before_saving(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    detail = household_detail(ctx.store, window.households.model.household_id(0))
    head = next(p for p in detail["people"] if p["id"] == detail["head_id"])
    dialog = window.new_household()
    qtbot.keyClicks(dialog.house_no, str(detail["house_no"]))
    dialog.street.setText(str(detail["street"]))  # QTest cannot type non-Latin-1 keys; the rest is typed
    qtbot.keyClicks(dialog.head_name, fold(str(head["full_name"])).upper())  # typed without accents
    qtbot.keyClicks(dialog.head_year, str(head["birth_year"]))
    before = ctx.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    qtbot.keyClick(dialog.head_year, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.general_error.isVisible()
    assert str(head["full_name"]) in dialog.general_error.text()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before
    question = dialog.duplicates.question
    assert question is not None and question.isVisible()
    assert question.defaultButton() == question.button(QMessageBox.StandardButton.No)
    qtbot.keyClick(dialog.head_year, Qt.Key.Key_Return)  # Enter again at once (seen: it added the duplicate)
    assert dialog.isVisible() and dialog.duplicates.question is question
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before
    qtbot.keyClick(question, Qt.Key.Key_Return)  # Enter on the question: its default, No
    assert dialog.isVisible() and dialog.duplicates.question is None
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before
    qtbot.keyClick(dialog.head_year, Qt.Key.Key_Return)  # the officer checked: Save, then Yes, adds anyway
    dialog.duplicates.question.button(QMessageBox.StandardButton.Yes).click()
    assert not dialog.isVisible()
    assert ctx.store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == before + 1


def test_member_added_on_the_household_page(window, ctx, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.forms.people import PersonDialog

    household_id = window.households.model.household_id(1)
    window.open_household(household_id)
    before = window.household.members.rowCount()

    def fill_and_save(dialog: PersonDialog) -> int:
        dialog.full_name.setText("Phùng Gia Khang")
        qtbot.keyClicks(dialog.birth_year, "2015")
        qtbot.keyClick(dialog.birth_year, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(PersonDialog, "exec", fill_and_save)  # modal exec would wait for a human
    window.household.add_member.click()
    assert window.household.members.rowCount() == before + 1
    names = [p["full_name"] for p in household_detail(ctx.store, household_id)["people"]]
    assert "Phùng Gia Khang" in names


def test_household_address_corrected_on_its_page(window, ctx, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A wrong phone is refused under its field, then a corrected address shows on the page, in the list and in
    search."""
    from ui.forms.people import HouseholdEditDialog

    household_id = window.households.model.household_id(1)
    window.open_household(household_id)
    refusals: list[str] = []

    def fill_and_save(dialog: HouseholdEditDialog) -> int:
        assert dialog.street.text() == window.household.detail["street"]  # the form starts from what is held
        dialog.street.setText("Hẻm 88 Phan Đăng Lưu")
        dialog.phone.setText("12")
        qtbot.keyClick(dialog.house_no, Qt.Key.Key_Return)
        refusals.append(dialog.errors["phone"].text())
        dialog.phone.setText("0909 888 777")
        qtbot.keyClick(dialog.house_no, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(HouseholdEditDialog, "exec", fill_and_save)  # modal exec would wait for a human
    window.household.edit_button.click()
    assert refusals and refusals[0]
    assert "Hẻm 88 Phan Đăng Lưu" in window.household.heading.text()
    detail = household_detail(ctx.store, household_id)
    assert (detail["street"], detail["phone"]) == ("Hẻm 88 Phan Đăng Lưu", "0909888777")
    window.households.search.setText("phan dang luu")
    qtbot.waitUntil(lambda: window.households.model.rowCount() == 1, timeout=5000)
    assert window.households.model.household_id(0) == household_id


def test_the_household_chosen_stays_chosen_when_a_sync_reloads_the_list(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A sync or an import reloads the whole list under the officer: the household they picked stays picked
    (New visit starts on it), and when it is no longer listed nothing is, rather than another one."""
    page, view = window.households, window.households.table
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(page.model.index(5, 1)).center())
    chosen = page.current_id()
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ctx.households_changed.emit("")  # what a sync, an import or a new household says
    assert page.current_id() == chosen
    assert [index.row() for index in view.selectionModel().selectedRows()] == [page.model.ids().index(chosen)]
    ctx.store.writer.delete("households", str(chosen))  # as a purge, or a deletion synced from another laptop
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ctx.households_changed.emit("")
    assert chosen not in page.model.ids()
    assert page.current_id() is None and not view.selectionModel().hasSelection()


def test_typing_with_a_visit_filter_reads_its_households_once_and_again_after_a_change(  # type: ignore[no-untyped-def]
        window, ctx, qtbot) -> None:
    """Choosing "not visited" reads the households the filter keeps (in a worker, on a connection of its own,
    with the list); the keystrokes after it are answered on the page's own connection from what it kept; a visit
    logged from elsewhere (a sync, the command line) makes the next keystroke read them again, without it."""
    from desktop.register.visits import add_visit
    from desktop.store import Store
    from desktop.store.queries import HouseholdFilter, list_household_ids

    page = window.households
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.not_visited.setChecked(True)
    on_page: list[str] = []  # statements run on the page's own connection
    ctx.store.conn.set_trace_callback(on_page.append)
    try:
        for letter in "ng":  # the first keystroke too: the set was read with the list
            on_page.clear()
            with qtbot.waitSignal(page.loaded, timeout=5000):
                qtbot.keyClicks(page.search, letter)
            assert [sql for sql in on_page if "household_fts" in sql], on_page  # answered here, from the set kept
            assert not [sql for sql in on_page if "visits" in sql], on_page
        flt = HouseholdFilter(text="ngu", not_visited_days=90)
        wanted = list_household_ids(ctx.store, flt, today=DEMO_END)
        assert len(wanted) > 1
        with Store.open(ctx.store.path) as elsewhere:
            add_visit(elsewhere, household_id=wanted[0], visited_on=DEMO_END, purposes=["welfare_check"],
                      outcome="met")
        on_page.clear()
        with qtbot.waitSignal(page.loaded, timeout=5000):
            qtbot.keyClicks(page.search, "u")
    finally:
        ctx.store.conn.set_trace_callback(None)
    assert not [sql for sql in on_page if "household_fts" in sql], on_page  # read again, in the worker
    assert page.model.ids() == wanted[1:]
