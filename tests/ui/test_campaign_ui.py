"""The sweep in the app: its questions on the visit form (keyboard only, the core's messages under the question,
the visit and the answers saved together or not at all) and the Campaign page (figures by khu phố and officer,
the households behind a figure, opening one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from desktop.campaigns import answers, definition
from desktop.campaigns.definition import Question
from desktop.store import Store

QUESTIONS = [
    Question("Có người cao tuổi sống một mình?", "yes_no", code="alone", required=True, help="Hỏi chủ hộ"),
    Question("Số người trong hộ", "number", code="people", unit="người", low=1, high=20),
    Question("Kênh nhận tin", "several_choices", code="channels", choices=("Loa phường", "Zalo", "Tờ rơi")),
]


def _sweep(store: Store) -> str:
    return definition.create_campaign(store, name="Rà soát mùa mưa", starts_on="2026-06-20", ends_on="2026-07-19",
                                      questions=QUESTIONS, target_area_ids=["Khu phố 1"])


def _household(store: Store, area: str, offset: int = 0) -> str:
    return str(store.conn.execute("SELECT h.id FROM households h JOIN areas a ON a.id = h.area_id WHERE a.name = ? "
                                  "AND h.status = 'active' ORDER BY h.code LIMIT 1 OFFSET ?",
                                  (area, offset)).fetchone()[0])


def _count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_the_visit_form_asks_the_sweeps_questions_and_saves_them_with_the_visit(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = ctx.store
    campaign_id = _sweep(store)
    outside = window.new_visit(_household(store, "Khu phố 3"))
    assert outside.campaign.isHidden()
    outside.discard()
    household = _household(store, "Khu phố 1")
    dialog = window.new_visit(household)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert dialog.campaign.isVisible() and len(dialog.campaign.boxes) == 1
    box = dialog.campaign.boxes[0]
    assert box.status.currentData() == "reached"
    qtbot.mouseClick(dialog.outcomes["not_home"], Qt.MouseButton.LeftButton)
    assert box.status.currentData() == "not_home"  # the status follows the visit's outcome
    qtbot.mouseClick(dialog.outcomes["met"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # a purpose
    alone, people, channels = box.fields
    assert isinstance(alone.input, QComboBox) and isinstance(people.input, QLineEdit)
    assert alone.input.toolTip() == "Hỏi chủ hộ"
    # reached with the required question unanswered: refused under the question, nothing written
    visits = _count(store, "visits")
    qtbot.keyClick(people.input, Qt.Key.Key_Return)
    assert "bắt buộc" in alone.error.text() and dialog.isVisible()
    alone.input.setFocus()
    qtbot.keyClicks(alone.input, "C")  # typed into the list: "Có"
    assert alone.input.currentData() == "yes"
    qtbot.keyClicks(people.input, "25")
    qtbot.keyClick(people.input, Qt.Key.Key_Return)
    assert "ngoài khoảng" in people.error.text() and alone.error.isHidden()
    assert (_count(store, "visits"), _count(store, "campaign_answers")) == (visits, 0)  # both or neither
    people.input.setText("")
    qtbot.keyClicks(people.input, "4")
    boxes = channels.input.findChildren(QCheckBox)
    boxes[1].setFocus()
    qtbot.keyClick(boxes[1], Qt.Key.Key_Space)
    qtbot.keyClick(people.input, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert _count(store, "visits") == visits + 1
    stored = answers.household_answers(store, campaign_id, household)
    campaign = definition.load_campaign(store, campaign_id)
    assert {q.code: stored.get(q.id) for q in campaign.questions} == {
        "alone": "yes", "people": "4", "channels": '["Zalo"]'}
    assert answers.household_status(store, campaign_id, household)["status"] == "reached"  # type: ignore[index]
    again = window.new_visit(household)  # the answers given come back for the next visit
    assert again.campaign.boxes[0].fields[1].input.text() == "4"
    assert "1 lần" in again.campaign.boxes[0].status_note.text()
    again.discard()


def test_the_campaign_page_shows_figures_and_the_households_behind_them(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = ctx.store
    campaign_id = _sweep(store)
    first, second = _household(store, "Khu phố 1"), _household(store, "Khu phố 1", 1)
    answers.record(store, campaign_id, first, status="reached", on="2026-06-21", answers={"alone": "no"})
    answers.record(store, campaign_id, second, status="not_home", on="2026-06-22")
    window.show_page("campaigns")
    page = window.campaigns
    assert page.isVisible() and page.choice.count() == 1
    assert "134 hộ: 1 đã gặp, 1 cần đến lại, 132 chưa đến" in page.summary.text()
    model = page.models["area_id"]
    assert model.rowCount() == 1 and model.row(0)["name"] == "Khu phố 1" and model.row(0)["to_retry"] == 1
    assert [d.cumulative for d in page.chart.days][:3] == [0, 1, 1] and len(page.chart.days) == 11
    assert "19 ngày" in page.pace.text()
    view = page.views["area_id"]
    view.setFocus()
    view.setCurrentIndex(model.index(0, 3))  # the "to retry" figure
    assert page.list_model.rowCount() == 1 and page.list_model.row(0)["id"] == second
    assert "Cần đến lại" in page.list_box.title()
    page.list_view.setFocus()
    page.list_view.setCurrentIndex(page.list_model.index(0, 0))
    qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.household
    assert window.household.household_id == second


def test_a_sweep_from_a_shared_file_and_its_outputs_from_the_page(window, ctx, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    import pdfplumber
    from docx import Document
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    shared = tmp_path / "ra-soat.json"
    shared.write_text(json.dumps({
        "name": "Rà soát chống lừa đảo", "starts_on": "2026-06-01", "ends_on": "2026-06-30",
        "target": {"areas": ["Khu phố 2"]},
        "questions": [{"code": "leaflet", "label": "Đã nhận tờ rơi?", "kind": "yes_no", "required": True}]},
        ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "hong.json"
    broken.write_text("{ not json", encoding="utf-8")
    window.show_page("campaigns")
    page = window.campaigns
    assert page.define_button.isVisible() and page.report_button.isVisible()  # no login: the setup mode
    assert page.word_button.isVisible() and page.word_button.text() == "Báo cáo (Word)…"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(broken), ""))
    assert page.define_from_file() is None and "không phải" in page.error.text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(shared), ""))
    campaign_id = page.define_from_file()
    assert campaign_id and page.choice.currentData() == campaign_id and page.error.isHidden()
    answers.record(ctx.store, campaign_id, _household(ctx.store, "Khu phố 2"), status="reached", on="2026-06-05",
                   answers={"leaflet": "có"})
    ctx.records_changed.emit()
    assert "133 hộ: 1 đã gặp" in page.summary.text()
    for button, name in ((page.results_button, "kq.xlsx"), (page.report_button, "bc.pdf"),
                         (page.word_button, "bc.docx")):
        out = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, o=out, **_k: (str(o), ""))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda o=out: str(o) in page.summary_note.text(), timeout=20_000)
    rows = list(load_workbook(tmp_path / "kq.xlsx", read_only=True).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 134 and rows[0][-1] == "Đã nhận tờ rơi?"
    with pdfplumber.open(tmp_path / "bc.pdf") as pdf:
        assert "Tổng số hộ thuộc đợt rà soát: 133" in " ".join((pdf.pages[0].extract_text() or "").split())
    word = "\n".join(paragraph.text for paragraph in Document(str(tmp_path / "bc.docx")).paragraphs)
    assert "Tổng số hộ thuộc đợt rà soát: 133" in word


def test_a_visit_whose_household_was_changed_records_nothing_for_the_first(window, ctx, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = ctx.store
    _sweep(store)
    dialog = window.new_visit(_household(store, "Khu phố 1"))
    assert dialog.campaign.isVisible()
    dialog.campaign.boxes[0].fields[0].input.setCurrentIndex(1)
    qtbot.keyClicks(dialog.picker.box, "x")  # the officer starts looking for another household
    dialog.picker.household_id = None
    dialog.picker.box.setText("")
    dialog.purposes["welfare_check"].setChecked(True)
    visits = _count(store, "visits")
    qtbot.keyClick(dialog.visited_on, Qt.Key.Key_Return)
    assert _count(store, "visits") == visits + 1  # a visit with no household
    assert (_count(store, "campaign_results"), _count(store, "campaign_answers")) == (0, 0)
