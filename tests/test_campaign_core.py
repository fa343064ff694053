"""Door-to-door sweeps in the core: definitions by team leads, typed answers checked against their questions,
progress and results counted from one list, a question's kind frozen once it has answers."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop import clock, i18n
from desktop.campaigns import answers, definition, progress, results
from desktop.campaigns.definition import Question
from desktop.errors import WardbookError
from desktop.security import users
from desktop.security.permissions import Actor
from desktop.security.session import attach, detach
from desktop.store import Store

CHECKLIST = [
    Question("Có người cao tuổi sống một mình?", "yes_no", code="alone", required=True),
    Question("Nhu cầu hỗ trợ", "one_choice", code="need", choices=("Gạo", "Thuốc", "Không cần")),
    Question("Kênh nhận tin", "several_choices", code="channels", choices=("Loa phường", "Zalo", "Tờ rơi")),
    Question("Số người trong hộ", "number", code="people", unit="người", low=1, high=20),
    Question("Ghi chú ngắn", "text", code="remark"),
    Question("Ngày tiêm gần nhất", "date", code="vaccinated"),
]


def _make(store: Store, **extra: object) -> str:
    return definition.create_campaign(store, name="Rà soát mùa nắng nóng", starts_on="01/06/2026",
                                      ends_on="30/06/2026", questions=CHECKLIST, **extra)  # type: ignore[arg-type]


def _household(store: Store, area: str) -> str:
    return str(store.conn.execute("SELECT h.id FROM households h JOIN areas a ON a.id = h.area_id "
                                  "WHERE a.name = ? AND h.status = 'active' ORDER BY h.code LIMIT 1",
                                  (area,)).fetchone()[0])


def test_answers_are_stored_by_kind_and_bad_ones_refused_with_a_message(demo_store: Store) -> None:
    campaign = definition.load_campaign(demo_store, _make(demo_store))
    household = _household(demo_store, "Khu phố 1")
    answers.record(demo_store, campaign.id, household, status="reached", on="2026-06-02", answers={
        "alone": "có", "need": "2", "channels": "zalo; Loa phường", "people": "4", "remark": "Nhà vắng ban ngày",
        "vaccinated": "15/05/2026"})
    stored = answers.household_answers(demo_store, campaign.id, household)
    by_code = {q.code: stored.get(q.id) for q in campaign.questions}
    assert by_code == {"alone": "yes", "need": "Thuốc", "channels": json.dumps(["Loa phường", "Zalo"],
                                                                               ensure_ascii=False),
                       "people": "4", "remark": "Nhà vắng ban ngày", "vaccinated": "2026-05-15"}
    for code, value, words in (("people", "25", "ngoài khoảng"), ("people", "bốn", "phải là một số"),
                               ("alone", "maybe", "có hoặc không"), ("need", "Tiền", "chọn một trong: Gạo, Thuốc"),
                               ("vaccinated", "31/02/2026", "dd/mm/yyyy")):
        with pytest.raises(WardbookError) as refused:
            answers.record(demo_store, campaign.id, household, status="reached", answers={code: value})
        assert words in refused.value.message("vi"), refused.value.message("vi")
    assert answers.household_answers(demo_store, campaign.id, household) == stored  # nothing half written
    assert answers.household_status(demo_store, campaign.id, household)["attempts"] == 1  # type: ignore[index]
    with pytest.raises(WardbookError) as missing:
        answers.record(demo_store, campaign.id, _household(demo_store, "Khu phố 2"), status="reached")
    assert "Có người cao tuổi" in missing.value.message("vi")
    english = WardbookError("campaign.bad_answer", question="Q", value="x",
                            expected=i18n.Ref("campaign.expect.yes_no")).message("en")
    assert english == "Q: 'x' is not a valid answer (yes or no)."


def test_a_question_with_answers_keeps_its_kind_and_a_retired_one_keeps_its_answers(
        demo_store: Store, tmp_path: Path) -> None:
    campaign_id = _make(demo_store)
    household = _household(demo_store, "Khu phố 1")
    answers.record(demo_store, campaign_id, household, status="reached", on="2026-06-03",
                   answers={"alone": "không", "people": 3})
    with pytest.raises(WardbookError) as frozen:
        definition.update_question(demo_store, campaign_id, "people", Question("Số người", "text", code="people"))
    assert frozen.value.msg_id == "campaign.kind_answered"
    definition.update_question(demo_store, campaign_id, "remark", Question("Ghi chú", "number", code="remark"))
    definition.retire_question(demo_store, campaign_id, "people")
    definition.add_question(demo_store, campaign_id, Question("Số người dưới 6 tuổi", "number", code="young",
                                                              low=0, high=20))
    campaign = definition.load_campaign(demo_store, campaign_id)
    assert [q.code for q in campaign.questions][-1] == "young" and campaign.question("people").retired
    with pytest.raises(WardbookError) as retired:
        answers.record(demo_store, campaign_id, household, status="reached", answers={"people": 5})
    assert retired.value.msg_id == "campaign.question_retired"
    rows = results.result_rows(demo_store, campaign)
    row = next(r for r in rows if r.target.household_id == household)
    assert row.answers[campaign.question("people").id] == "3"
    out = results.write_results_xlsx(demo_store, campaign, tmp_path / "ket-qua.xlsx")
    sheet = load_workbook(out, read_only=True).worksheets[0]
    table = list(sheet.iter_rows(values_only=True))
    assert len(table) == 1 + len(rows) == 401
    column = table[0].index("Số người trong hộ (người) (ngừng dùng)")
    line = next(line for line in table if line[0] == row.code)
    assert line[column] == 3 and line[5] == "Đã gặp"


def test_progress_by_area_officer_and_day_counts_one_list(demo_store: Store) -> None:
    areas = dict(demo_store.conn.execute("SELECT name, id FROM areas"))
    campaign_id = _make(demo_store, target_area_ids=["Khu phố 1", "Khu phố 2"])
    campaign = definition.load_campaign(demo_store, campaign_id)
    rows = progress.targets(demo_store, campaign)
    assert {row.area_id for row in rows} == {areas["Khu phố 1"], areas["Khu phố 2"]}
    first, second = _household(demo_store, "Khu phố 1"), _household(demo_store, "Khu phố 2")
    answers.record(demo_store, campaign_id, first, status="reached", on="2026-06-02", answers={"alone": "no"})
    answers.record(demo_store, campaign_id, second, status="not_home", on="2026-06-02")
    answers.record(demo_store, campaign_id, second, status="not_home", on="2026-06-04")
    rows = progress.targets(demo_store, campaign)
    by_area = {t.key: t.counts for t in progress.tallies_by(rows, "area_id")}
    assert by_area[areas["Khu phố 1"]]["reached"] == 1 and by_area[areas["Khu phố 2"]]["to_retry"] == 1
    assert progress.tally(rows).counts == {"reached": 1, "to_retry": 1, "not_started": len(rows) - 2, "other": 0}
    assert answers.household_status(demo_store, campaign_id, second)["attempts"] == 2  # type: ignore[index]
    days = progress.per_day(rows, campaign, today=date(2026, 6, 5))
    assert [(d.on, d.done, d.cumulative) for d in days][:3] == [
        ("2026-06-01", 0, 0), ("2026-06-02", 1, 1), ("2026-06-03", 0, 1)]
    assert len(days) == 5 and days[-1].planned == round(len(rows) * 5 / 30)
    elsewhere = _household(demo_store, "Khu phố 3")
    with pytest.raises(WardbookError) as outside:
        answers.record(demo_store, campaign_id, elsewhere, status="reached")
    assert outside.value.msg_id == "campaign.not_targeted"
    assert [c.id for c in answers.open_campaigns_of(demo_store, first)] == [campaign_id]
    definition.close_campaign(demo_store, campaign_id, "Hoàn thành 2 khu phố.")
    assert answers.open_campaigns_of(demo_store, first) == []
    with pytest.raises(WardbookError):
        answers.record(demo_store, campaign_id, first, status="reached")


def test_only_team_leads_define_and_officers_answer_only_their_areas(demo_store: Store) -> None:
    admin = users.create_first_admin(demo_store, "quantri", "Quản trị", "admin-password-1")
    attach(demo_store, admin)
    lead = Actor(users.add_user(demo_store, "totruong", "Tổ trưởng", "team_lead", "lead-password-1"), "totruong",
                 "team_lead")
    officer = Actor(users.add_user(demo_store, "canbo", "Cán bộ", "officer", "officer-password-1"), "canbo",
                    "officer")
    attach(demo_store, officer)
    with pytest.raises(WardbookError) as denied:
        _make(demo_store)
    assert denied.value.msg_id == "security.denied"
    attach(demo_store, lead)
    campaign_id = _make(demo_store, assignments={"Khu phố 1": "canbo"})
    attach(demo_store, officer)
    with pytest.raises(WardbookError):
        definition.retire_question(demo_store, campaign_id, "alone")
    with pytest.raises(WardbookError) as other_area:
        answers.record(demo_store, campaign_id, _household(demo_store, "Khu phố 2"), status="not_home")
    assert other_area.value.msg_id == "campaign.not_assigned"
    own = _household(demo_store, "Khu phố 1")
    answers.record(demo_store, campaign_id, own, status="reached", answers={"alone": "yes"})
    campaign = definition.load_campaign(demo_store, campaign_id)
    mine = progress.targets(demo_store, campaign)
    assert {row.officer_id for row in mine} == {officer.user_id} and len(mine) == 134
    attach(demo_store, lead)
    assert len(progress.targets(demo_store, campaign)) == 400
    detach(demo_store)


def test_a_definition_file_round_trips(demo_store: Store) -> None:
    data = {"name": "Phòng chống lừa đảo", "starts_on": "2026-06-01", "ends_on": "2026-06-15",
            "target": {"areas": ["Khu phố 3"], "flag": "elderly_alone"},
            "questions": [{"label": "Đã nhận tờ rơi?", "kind": "yes_no", "required": True},
                          {"label": "Số cuộc gọi lạ", "kind": "number", "unit": "cuộc", "low": 0, "high": 100}]}
    campaign_id = definition.create_campaign(demo_store, **definition.definition_from_json(data))
    campaign = definition.load_campaign(demo_store, campaign_id)
    shared = definition.definition_to_json(campaign, {v: k for k, v in demo_store.conn.execute(
        "SELECT name, id FROM areas")})
    assert shared["target"] == data["target"] and [q["code"] for q in shared["questions"]] == ["q1", "q2"]
    assert all(row.area_id == campaign.target_area_ids[0] for row in progress.targets(demo_store, campaign))
    for broken in ({"name": "x"}, {"questions": [{"label": "a", "kind": "yes_no", "colour": "red"}]}, []):
        with pytest.raises(WardbookError) as bad:
            definition.definition_from_json(broken)
        assert bad.value.msg_id in ("campaign.bad_definition", "campaign.bad_question")
        assert "questions" not in bad.value.message() and "{" not in bad.value.message()  # said in words


@pytest.mark.parametrize(("question", "named"), [
    ({"label": 123, "kind": "yes_no"}, "questions[1].label"), ({"label": "a", "kind": 5}, "questions[1].kind"),
    ({"label": "a", "kind": "text", "code": 7}, "questions[1].code"),
    ({"label": "a", "kind": "number", "unit": 1}, "questions[1].unit"),
    ({"label": "a", "kind": "text", "help": ["x"]}, "questions[1].help"),
    ({"label": "a", "kind": "yes_no", "required": "no"}, "questions[1].required"),
    ({"label": "a", "kind": "number", "low": "0"}, "questions[1].low"),
    ({"label": "a", "kind": "one_choice", "choices": ["x", {"y": 1}]}, "questions[1].choices"),
])
def test_a_wrongly_typed_value_in_a_definition_file_is_named_never_a_crash(question: dict[str, object],
                                                                            named: str) -> None:
    """Seen: a number as a label raised AttributeError in the app, and "required": "no" made a required question."""
    data = {"name": "Rà soát", "starts_on": "2026-06-01", "ends_on": "2026-06-15", "questions": [question]}
    with pytest.raises(WardbookError) as bad:
        definition.definition_from_json(data)
    assert bad.value.msg_id == "campaign.bad_question" and bad.value.params["detail"] == named
    told = bad.value.message()  # in words, never the file's JSON name
    assert told.startswith("Tệp định nghĩa đợt rà soát không đúng: ở câu hỏi số 1, ") and named[13:] not in told


@pytest.mark.parametrize(("target", "named"), [({"flag": 5}, "target.flag"), ({"areas": [None]}, "target.areas")])
def test_a_wrongly_typed_target_is_named(target: dict[str, object], named: str) -> None:
    data = {"name": "Rà soát", "starts_on": "2026-06-01", "ends_on": "2026-06-15", "target": target,
            "questions": [{"label": "a", "kind": "yes_no"}]}
    with pytest.raises(WardbookError) as bad:
        definition.definition_from_json(data)
    assert bad.value.params["detail"] == named and "target" not in bad.value.message()


def test_a_questions_kind_and_code_are_named_as_a_questions(demo_store: Store) -> None:
    """Not "Kind" (a case's) nor "Household code"."""
    data = {"name": "Rà soát", "starts_on": "2026-06-01", "ends_on": "2026-06-15",
            "questions": [{"label": "a", "kind": "so_lieu"}]}
    with pytest.raises(WardbookError) as bad:
        definition.create_campaign(demo_store, **definition.definition_from_json(data))
    assert bad.value.message("vi").startswith("Giá trị 'so_lieu' không hợp lệ cho Kiểu câu trả lời")
    data["questions"] = [{"label": "a", "kind": "text", "code": "a\x01"}]
    with pytest.raises(WardbookError) as bad:
        definition.create_campaign(demo_store, **definition.definition_from_json(data))
    assert "Mã câu hỏi" in bad.value.message("vi") and "Mã hộ" not in bad.value.message("vi")


def test_a_purged_household_takes_its_sweep_status_and_answers_with_it(demo_store: Store) -> None:
    from desktop.security import retention

    campaign_id = _make(demo_store)
    gone, kept = _household(demo_store, "Khu phố 1"), _household(demo_store, "Khu phố 2")
    for household in (gone, kept):
        answers.record(demo_store, campaign_id, household, status="reached", on="2026-06-02",
                       answers={"alone": "yes", "remark": "Sống một mình"})
    demo_store.writer.update("households", gone, {"status": "moved_out"})
    retention.set_rule(demo_store, 5)
    later = date(clock.today().year + 6, 1, 15)
    plan = retention.preview(demo_store, today=later)
    assert plan.counts["campaign_results"] >= 1 and plan.counts["campaign_answers"] >= 2
    retention.purge(demo_store, today=later)
    assert answers.household_answers(demo_store, campaign_id, gone) == {}
    assert answers.household_status(demo_store, campaign_id, gone) is None
    assert demo_store.conn.execute("SELECT COUNT(*) FROM campaign_answers WHERE household_id = ? AND value IS NOT "
                                   "NULL", (gone,)).fetchone() == (0,)
    assert len(answers.household_answers(demo_store, campaign_id, kept)) == 2


def test_an_officers_answer_waits_for_the_assignment_that_allows_it(demo_store: Store) -> None:
    """On apply, an answer whose assignment is not here yet is `unknown_row` (sync waits for the files its sender
    had seen, then refuses it); once the area is assigned to its officer, it is allowed; another's, refused."""
    from desktop.security.rights import UNKNOWN_ROW, Principal, RowView, refusal

    campaign_id = _make(demo_store)
    household = _household(demo_store, "Khu phố 1")
    officer = Principal("laptop-1", "officer", "officer-1", "canbo")
    fields = {"campaign_id": campaign_id, "household_id": household, "officer_id": "officer-1",
              "status": "reached", "attempts": 1}
    row_id = answers.result_id(campaign_id, household)
    assert refusal(officer, "campaign_results", "insert", row_id, fields, RowView(demo_store)) == UNKNOWN_ROW
    area = demo_store.conn.execute("SELECT id FROM areas WHERE name = 'Khu phố 1'").fetchone()[0]
    demo_store.writer.insert("campaign_assignments", {"campaign_id": campaign_id, "area_id": area,
                                                      "officer_id": "officer-1"})
    assert refusal(officer, "campaign_results", "insert", row_id, fields, RowView(demo_store)) is None
    assert refusal(officer, "campaign_results", "insert", row_id, {**fields, "officer_id": "officer-2"},
                   RowView(demo_store)) == "not_owner"
    assert refusal(officer, "campaigns", "update", campaign_id, {"name": "x"}, RowView(demo_store)) == "no_rights"


def test_a_persons_data_export_includes_what_sweeps_recorded_at_their_household(demo_store: Store) -> None:
    from desktop.security.access import export_person

    campaign_id = _make(demo_store)
    household, other = _household(demo_store, "Khu phố 1"), _household(demo_store, "Khu phố 2")
    answers.record(demo_store, campaign_id, household, status="reached", on="2026-06-02",
                   answers={"alone": "yes", "remark": "Sống một mình"})
    answers.record(demo_store, campaign_id, other, status="reached", on="2026-06-03",
                   answers={"alone": "no", "remark": "Hộ khác"})
    person = demo_store.conn.execute("SELECT id FROM people WHERE household_id = ? LIMIT 1", (household,)).fetchone()[0]
    exported = export_person(demo_store, person)
    (sweep,) = exported["door_to_door_sweeps"]  # type: ignore[misc]
    assert sweep["sweep"] == "Rà soát mùa nắng nóng" and sweep["status"] == "reached"
    # An answer typed in words, at a household of several people, is left out of one member's export (it may be
    # about another; `desktop.security.access._withhold`) and counted among what was withheld.
    assert demo_store.conn.execute("SELECT count(*) FROM people WHERE household_id = ? AND deleted_hlc IS NULL",
                                   (household,)).fetchone()[0] > 1
    assert {(a["question"], a["value"]) for a in sweep["answers"]} == {
        ("Có người cao tuổi sống một mình?", "yes"), ("Ghi chú ngắn", None)}
    assert "Sống một mình" not in json.dumps(exported, ensure_ascii=False)
    assert exported["withheld"]["free_texts"] >= 1  # type: ignore[index]
    assert "Hộ khác" not in json.dumps(exported, ensure_ascii=False)  # another household's answers stay out
