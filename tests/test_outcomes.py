"""What the ward's work achieved, beyond counts: a tip's status and a mediation's result on the case, the
reintegration register, community models — and their figures for a period, as of its cut-off day, from the
rows' own dates (a reprint after later edits shows the same numbers)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.cases import add_case, update_case
from desktop.register.community_models import (
    add_model,
    edit_model,
    get_model,
    list_models,
    model_counts,
    remove_model_count,
)
from desktop.register.reintegration import add_reintegration, end_reintegration, list_reintegration
from desktop.reports.figures import review_figures
from desktop.reports.indicators import values
from desktop.reports.narrative import drafts
from desktop.reports.outcomes import outcome_figures, outcome_tables
from desktop.reports.periods import quarter, running
from desktop.reports.review import build_review
from desktop.reports.review_tables import summary_table
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf, render

Q2 = quarter(2026, 2)
LATER = date(2026, 11, 25)  # the review is printed long after the quarter: its cut-off is 30/06/2026


class Ward:
    """Two khu phố, a household in each, people to support, and the quarter's tips, mediations and models."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.area_a = store.writer.insert("areas", {"name": "Khu phố 1", "kind": "khu_pho"})
        self.area_b = store.writer.insert("areas", {"name": "Khu phố 2", "kind": "khu_pho"})
        self.home_a = store.writer.insert("households", {"code": "A1", "street": "Lê Lợi", "area_id": self.area_a,
                                                         "status": "active"})
        self.home_b = store.writer.insert("households", {"code": "B1", "street": "Hàm Nghi", "area_id": self.area_b,
                                                         "status": "active"})
        self.people = {name: store.writer.insert("people", {"household_id": home, "full_name": name})
                       for name, home in (("Lê Văn Một", self.home_a), ("Lê Văn Hai", self.home_a),
                                          ("Lê Văn Ba", self.home_a), ("Phạm Thị Bốn", self.home_b))}

    def case(self, kind: str, received: str, home: str, *outcomes: tuple[str, str]) -> str:
        case_id = add_case(self.store, kind=kind, title=f"{kind} {received}", received_on=received,
                           household_id=self.home_a if home == "A" else self.home_b)
        for on, outcome in outcomes:
            update_case(self.store, case_id, on=on, outcome=outcome)
        return case_id

    def fill(self) -> None:
        self.tip_unseen = self.case("tip", "2026-04-15", "B")  # no event: received
        self.case("tip", "2026-04-02", "A", ("2026-04-10", "verified"), ("2026-05-01", "forwarded_police"))
        self.case("tip", "2026-05-20", "A", ("2026-06-30", "closed"))  # on the cut-off day: counts
        self.case("tip", "2026-06-01", "A", ("2026-07-05", "verified"))  # after the cut-off: still received
        self.case("tip", "2026-03-30", "A", ("2026-04-03", "verified"))  # received before the quarter
        self.case("tip", "2026-07-02", "A")  # after it
        self.case("dispute", "2026-04-05", "A", ("2026-04-20", "successful"))
        self.case("dispute", "2026-05-05", "A", ("2026-05-25", "unsuccessful"), ("2026-06-10", "referred"))
        self.case("complaint", "2026-06-05", "B", ("2026-07-10", "successful"))  # no result by the cut-off
        self.case("complaint", "2026-04-01", "B", ("2026-06-01", "successful"))
        self.case("reintegration", "2026-04-01", "B")  # a case of support: no outcome of these kinds
        p = self.people
        self.support_one = add_reintegration(self.store, person_id=p["Lê Văn Một"], started_on="10/01/2026")
        add_reintegration(self.store, person_id=p["Lê Văn Hai"], started_on="15/04/2026", ended_on="20/06/2026")
        add_reintegration(self.store, person_id=p["Lê Văn Ba"], started_on="01/05/2026", ended_on="01/08/2026")
        add_reintegration(self.store, person_id=p["Phạm Thị Bốn"], started_on="01/06/2025", ended_on="30/04/2026")
        self.safe_area = add_model(self.store, name="Khu dân cư an toàn KP1", kind="safe_area", area_id=self.area_a,
                                   members=40, recognised_on="01/12/2025")
        add_model(self.store, name="Camera hẻm 12", kind="security_camera", area_id=self.area_a, members=12,
                  recognised_on="10/05/2026")
        add_model(self.store, name="Tổ tự quản KP2", kind="self_managed_group", area_id=self.area_b, members=9,
                  recognised_on="01/08/2026")  # recognised, and recorded, after the cut-off
        add_model(self.store, name="Tổ liên gia PCCC", kind="fire_safety", area_id=self.area_b, members=15,
                  status="stopped", recognised_on="01/01/2025", stopped_on="15/06/2026")
        add_model(self.store, name="Mô hình mới", kind="other", area_id=self.area_a, status="building")


@pytest.fixture
def ward(store: Store) -> Ward:
    made = Ward(store)
    made.fill()
    return made


def test_outcomes_of_the_quarter_as_of_its_cut_off(ward: Ward) -> None:
    f = outcome_figures(ward.store, Q2, today=LATER)
    assert f.cutoff == date(2026, 6, 30)
    assert f.tips == {"received": 2, "verified": 0, "forwarded_police": 1, "closed": 1}
    assert f.mediations == {"dispute": {"pending": 0, "successful": 1, "unsuccessful": 0, "referred": 1},
                            "complaint": {"pending": 1, "successful": 1, "unsuccessful": 0, "referred": 0}}
    assert (f.mediations_total, f.mediations_decided, f.mediation_success_percent) == (4, 3, 66.7)
    assert (f.reintegration_at_start, f.reintegration_active, f.reintegration_started, f.reintegration_ended) == (
        2, 2, 2, 2)
    assert {kind: {s: n for s, n in per.items() if n} for kind, per in f.models.items() if any(per.values())} == {
        "safe_area": {"active": 1}, "security_camera": {"active": 1}, "fire_safety": {"stopped": 1}}
    assert f.model_members == {"safe_area": 40, "security_camera": 12, "self_managed_group": 0, "fire_safety": 0,
                               "other": 0}
    assert (f.models_recognised, f.models_stopped) == (1, 1)


def test_outcomes_of_one_khu_pho(ward: Ward) -> None:
    f = outcome_figures(ward.store, Q2, ward.area_a, today=LATER)
    assert f.tips == {"received": 1, "verified": 0, "forwarded_police": 1, "closed": 1}
    assert f.mediations["complaint"] == {"pending": 0, "successful": 0, "unsuccessful": 0, "referred": 0}
    assert (f.reintegration_at_start, f.reintegration_active, f.reintegration_started, f.reintegration_ended) == (
        1, 2, 2, 1)
    assert f.models_in("active") == 2 and f.models_in("stopped") == 0


def test_a_running_period_counts_models_being_set_up(ward: Ward) -> None:
    """While a period runs its cut-off is today: a model recorded today and not yet recognised is being set up."""
    f = outcome_figures(ward.store, running("quarter", clock.today()), today=clock.today())
    assert f.models["other"]["building"] == 1
    assert f.models["self_managed_group"]["active"] == 1


def test_a_reprint_after_later_work_shows_the_same_figures(ward: Ward) -> None:
    before = outcome_figures(ward.store, Q2, today=LATER)
    update_case(ward.store, ward.tip_unseen, on="2026-07-20", outcome="verified")
    end_reintegration(ward.store, ward.support_one, ended_on="01/09/2026")
    edit_model(ward.store, ward.safe_area, status="stopped", stopped_on="01/10/2026")
    ward.case("tip", "2026-07-03", "A", ("2026-07-04", "closed"))
    ward.case("dispute", "2026-08-01", "B", ("2026-08-02", "successful"))
    assert outcome_figures(ward.store, Q2, today=LATER) == before
    assert outcome_figures(ward.store, quarter(2026, 3), today=LATER).tips["closed"] == 1


def test_a_model_keeps_the_members_it_had_on_each_cut_off(ward: Ward) -> None:
    """A model's members change over the years: each period reads the count of its own cut-off day."""
    store = ward.store
    q1 = quarter(2026, 1)
    assert outcome_figures(store, q1, today=LATER).model_members["safe_area"] == 40
    edit_model(store, ward.safe_area, members=55, members_on="15/05/2026")  # counted within Q2
    edit_model(store, ward.safe_area, members=70)  # counted today
    assert outcome_figures(store, q1, today=LATER).model_members["safe_area"] == 40
    assert outcome_figures(store, Q2, today=LATER).model_members["safe_area"] == 55
    assert outcome_figures(store, running("quarter", clock.today()), today=clock.today()).model_members[
        "safe_area"] == 70
    assert get_model(store, ward.safe_area)["members"] == 70  # the model's own number: the latest
    counts = store.conn.execute("SELECT counted_on, members FROM community_model_counts WHERE model_id = ? "
                                "ORDER BY counted_on", (ward.safe_area,)).fetchall()
    assert counts == [("2025-12-01", 40), ("2026-05-15", 55), (clock.today().isoformat(), 70)]


def test_a_model_counted_only_later_shows_its_first_count(ward: Ward) -> None:
    """A model recorded with its count dated after a period it was active in: that period shows the first count
    (nothing earlier is known), and a count made later still does not change it."""
    store = ward.store
    late = add_model(store, name="Camera hẻm 40", kind="security_camera", area_id=ward.area_b, members=8,
                     recognised_on="01/02/2026", members_on="01/09/2026")
    assert outcome_figures(store, Q2, ward.area_b, today=LATER).model_members["security_camera"] == 8
    edit_model(store, late, members=11)
    assert outcome_figures(store, Q2, ward.area_b, today=LATER).model_members["security_camera"] == 8
    unchanged = edit_model(store, late, members=11, notes="Đã kiểm tra")
    assert unchanged == {"notes": "Đã kiểm tra"}
    assert store.conn.execute("SELECT COUNT(*) FROM community_model_counts WHERE model_id = ?",
                              (late,)).fetchone()[0] == 2  # the same number again is no new count


def test_a_count_entered_by_mistake_is_removed(ward: Ward) -> None:
    """A count with a wrong day is removed: the periods it covered read the count before it again, and the
    model's own number becomes its latest remaining count."""
    store = ward.store
    edit_model(store, ward.safe_area, members=55, members_on="15/05/2026")
    wrong = edit_model(store, ward.safe_area, members=90, members_on="20/06/2026")  # meant for next year
    assert wrong == {"members": 90, "members_on": "2026-06-20"}
    assert outcome_figures(store, Q2, today=LATER).model_members["safe_area"] == 90
    mistaken = next(row["id"] for row in model_counts(store, ward.safe_area) if row["members"] == 90)
    remove_model_count(store, str(mistaken))
    assert outcome_figures(store, Q2, today=LATER).model_members["safe_area"] == 55
    assert get_model(store, ward.safe_area)["members"] == 55
    assert [(row["counted_on"], row["members"]) for row in model_counts(store, ward.safe_area)] == [
        ("2025-12-01", 40), ("2026-05-15", 55)]
    with pytest.raises(WardbookError) as gone:
        remove_model_count(store, str(mistaken))
    assert gone.value.msg_id == "register.unknown_model_count"


def test_a_count_dated_back_keeps_the_models_latest_number(ward: Ward) -> None:
    """A count made long ago, entered now, is a count of its day: the model's own number stays its latest count,
    and entering the same count again records nothing."""
    store = ward.store
    edit_model(store, ward.safe_area, members=48, members_on="01/09/2026")
    recorded = edit_model(store, ward.safe_area, members=30, members_on="01/01/2026")
    assert recorded == {"members_on": "2026-01-01"}  # a count, not a new number for the model
    assert get_model(store, ward.safe_area)["members"] == 48
    assert outcome_figures(store, quarter(2026, 1), today=LATER).model_members["safe_area"] == 30
    assert edit_model(store, ward.safe_area, members=30, members_on="1/1/26") == {}
    assert [(row["counted_on"], row["members"]) for row in model_counts(store, ward.safe_area)] == [
        ("2025-12-01", 40), ("2026-01-01", 30), ("2026-09-01", 48)]


def test_a_model_recorded_before_counts_were_kept(ward: Ward) -> None:
    """A model from an older version has a number and no count: a count dated back does not replace the number,
    a count of today does."""
    store = ward.store
    legacy = store.writer.insert("community_models", {"name": "Tổ tự quản cũ", "kind": "self_managed_group",
                                                      "area_id": ward.area_b, "members": 25, "status": "active",
                                                      "recognised_on": "2024-01-01"})
    assert edit_model(store, legacy, members=18, members_on="01/06/2024") == {"members_on": "2024-06-01"}
    assert get_model(store, legacy)["members"] == 25
    assert outcome_figures(store, quarter(2024, 2), ward.area_b, today=LATER).model_members[
        "self_managed_group"] == 18
    assert edit_model(store, legacy, members=27)["members"] == 27
    # A model with no count at all, changed on the day of its last change: its number of that day is no count row,
    # so the new number is kept as one (it was left without).
    other = store.writer.insert("community_models", {"name": "Tổ tự quản mới", "kind": "self_managed_group",
                                                     "area_id": ward.area_b, "members": 10, "status": "active",
                                                     "recognised_on": "2024-01-01"})
    edit_model(store, other, members=12)
    assert [(row["counted_on"], row["members"]) for row in model_counts(store, other)] == [
        (clock.today().isoformat(), 12)]
    assert get_model(store, other)["members"] == 12


def test_a_model_count_cannot_be_dated_in_the_future(ward: Ward) -> None:
    with pytest.raises(WardbookError) as refused:
        edit_model(ward.store, ward.safe_area, members=41, members_on="01/01/2099")
    assert refused.value.msg_id == "register.future_date"
    assert ward.store.conn.execute("SELECT members FROM community_models WHERE id = ?",
                                   (ward.safe_area,)).fetchone()[0] == 40  # nothing written


def test_outcome_figures_are_compared_with_the_previous_quarter_and_a_year_before(ward: Ward) -> None:
    """Each period's outcome figures as of its own cut-off: Q1 2026 (31/03) and Q2 2025 (30/06/2025)."""
    f = review_figures(ward.store, Q2, today=LATER)
    assert f.comparison is not None and f.comparison.previous_values and f.comparison.last_year_values
    keys = ("tips_received", "tips_forwarded", "mediations_decided", "mediation_success", "reintegration_active",
            "models_active", "model_members")
    now, before, year_ago = (values(f), f.comparison.previous_values, f.comparison.last_year_values)
    assert [now[key] for key in keys] == [4, 1, 3, 66.7, 2, 2, 52]
    # Q1: one tip (verified only in April); Một and Bốn supported; the safe area (40) and the fire-safety
    # group (15, stopped in June) active
    # no mediation had a result in either: no rate (None), not 0 %
    assert [before[key] for key in keys] == [1, 0, 0, None, 2, 2, 55]
    assert [year_ago[key] for key in keys] == [0, 0, 0, None, 1, 1, 15]  # Bốn from 01/06/2025; the fire group
    summary = {row[0]: row for row in summary_table(f, "en").rows}
    assert summary["Members of the active models"][2:] == [52, 55, -3, 15, 37]
    assert summary["Mediations that succeeded (of those with a result)"][2:] == [66.7, None, None, None, None]
    drafted = drafts(f, "vi")["results"].splitlines()  # the lead's draft says it in words
    assert "tin báo, tố giác tiếp nhận tăng 3 vụ việc" in drafted[0]
    assert "tin báo, tố giác tiếp nhận tăng 4 vụ việc" in drafted[1]
    assert "tỷ lệ hòa giải thành" not in drafted[0]  # no rise "66,7 điểm phần trăm" from a rate over nothing


def test_an_outcome_of_another_kind_of_case_is_no_figure(ward: Ward) -> None:
    """The core never sets a tip status on a dispute; an event saying so (from a laptop whose database was edited
    by hand) leaves the dispute's result as its own events say."""
    before = outcome_figures(ward.store, Q2, today=LATER)
    dispute = ward.case("dispute", "2026-05-05", "A", ("2026-05-06", "unsuccessful"))
    ward.store.writer.insert("case_events", {"case_id": dispute, "at": "2026-05-07", "new_outcome": "verified"})
    after = outcome_figures(ward.store, Q2, today=LATER)
    assert after.mediations["dispute"]["unsuccessful"] == before.mediations["dispute"]["unsuccessful"] + 1
    assert after.mediations_total == before.mediations_total + 1 and after.tips == before.tips


def test_an_outcome_belongs_to_its_kind_of_case(ward: Ward) -> None:
    tip = ward.case("tip", "2026-05-01", "A")
    dispute = ward.case("dispute", "2026-05-01", "A")
    support = ward.case("reintegration", "2026-05-01", "A")
    for case_id, outcome in ((tip, "successful"), (dispute, "verified"), (support, "successful")):
        with pytest.raises(WardbookError) as refused:
            update_case(ward.store, case_id, on="2026-05-02", outcome=outcome)
        assert refused.value.params["field"] == "outcome"
    assert refused.value.msg_id == "register.no_outcome_for_kind"
    event = update_case(ward.store, dispute, on="2026-05-03", outcome="successful", new_status="resolved")
    row = ward.store.conn.execute("SELECT status, mediation_result, tip_status, resolved_on FROM cases WHERE id = ?",
                                  (dispute,)).fetchone()
    assert row == ("resolved", "successful", None, "2026-05-03")
    assert ward.store.conn.execute("SELECT new_status, new_outcome FROM case_events WHERE id = ?",
                                   (event,)).fetchone() == ("resolved", "successful")
    with pytest.raises(WardbookError):  # the same result again says nothing new
        update_case(ward.store, dispute, on="2026-05-04", outcome="successful")


def test_the_reintegration_register_refuses_what_cannot_be(ward: Ward) -> None:
    store, one = ward.store, ward.people["Lê Văn Một"]
    for kwargs, msg_id in (
        ({"person_id": one, "started_on": "01/02/2026"}, "register.reintegration_open"),
        ({"person_id": "nobody", "started_on": "01/02/2026"}, "register.unknown_person"),
        ({"person_id": ward.people["Lê Văn Hai"], "started_on": "01/07/2026", "ended_on": "01/06/2026"},
         "register.end_before_start"),
        ({"person_id": ward.people["Lê Văn Hai"], "started_on": "01/01/2099"}, "register.future_date"),
    ):
        with pytest.raises(WardbookError) as refused:
            add_reintegration(store, **kwargs)  # type: ignore[arg-type]
        assert refused.value.msg_id == msg_id
    end_reintegration(store, ward.support_one, ended_on="30/06/2026")
    with pytest.raises(WardbookError) as refused:
        end_reintegration(store, ward.support_one, ended_on="01/07/2026")
    assert refused.value.msg_id == "register.already_ended"
    current = list_reintegration(store, current_only=True, on=date(2026, 6, 1), officer_id=None)
    assert sorted(str(row["person"]) for row in current) == ["Lê Văn Ba", "Lê Văn Hai", "Lê Văn Một"]
    assert add_reintegration(store, person_id=one, started_on="01/07/2026")  # a new period once the last ended


def test_support_cannot_start_before_the_person_was_born(ward: Ward) -> None:
    """Seen: support "from 01/01/1901" (a typo of the year) kept for a person born in 1951."""
    store, four = ward.store, ward.people["Phạm Thị Bốn"]
    store.writer.update("people", four, {"birth_year": 1951})
    with pytest.raises(WardbookError) as refused:
        add_reintegration(store, person_id=four, started_on="01/01/1901")
    assert refused.value.msg_id == "register.support_before_birth" and refused.value.params["field"] == "started_on"
    assert "1951" in refused.value.message("vi")
    assert add_reintegration(store, person_id=four, started_on="01/01/2021")


def test_a_community_model_has_the_dates_its_status_needs(ward: Ward) -> None:
    store = ward.store
    for kwargs, msg_id in (
        ({"status": "active"}, "register.model_needs_date"),
        ({"status": "stopped", "recognised_on": "01/01/2026"}, "register.model_needs_date"),
        ({"status": "stopped", "recognised_on": "01/05/2026", "stopped_on": "01/04/2026"},
         "register.end_before_start"),
        ({"status": "active", "recognised_on": "01/01/2026", "members": "-3"}, "register.out_of_range"),
        ({"status": "active", "recognised_on": "01/01/2026", "area_id": "nowhere"}, "register.unknown_area"),
    ):
        with pytest.raises(WardbookError) as refused:
            add_model(store, name="Tổ tự quản", kind="self_managed_group", **kwargs)  # type: ignore[arg-type]
        assert refused.value.msg_id == msg_id
    assert edit_model(store, ward.safe_area, members="1.200") == {"members": 1200,
                                                                  "members_on": clock.today().isoformat()}
    assert [row["name"] for row in list_models(store, area_id=ward.area_b)] == ["Tổ liên gia PCCC", "Tổ tự quản KP2"]


def test_the_review_prints_every_figure_in_each_language(ward: Ward, tmp_path: Path) -> None:
    """The section is part of the review itself, in the PDF and in its Word copy (one list of blocks draws both),
    numbered after the quarter's other results."""
    for lang, expected in (
        ("vi", ["8. Kết quả xử lý tin báo, hòa giải", "Trong kỳ tiếp nhận 4 tin báo; tính đến ngày 30/06/2026: đã "
                "xác minh 0, đã chuyển cơ quan công an 1, đã kết thúc 1, còn 2 tin báo chưa xác minh.",
                "tỷ lệ hòa giải thành đạt 66,7%", "có 2 người đang được giúp đỡ tái hòa nhập cộng đồng (đầu kỳ 2)",
                "có 2 mô hình đang hoạt động với 52 thành viên",
                "Đã chuyển công an 1", "Hòa giải không thành 0 0 0", "Tổ liên gia an toàn PCCC 0 0 1 1 0",
                "Cộng 0 2 1 3 52"]),
        ("en", ["8. Tips, mediation, reintegration support and community models",
                "In the period, 4 tips were received; as of 30/06/2026: 0 verified, 1 forwarded to the police",
                "66.7% of those with a result were settled", "Forwarded to the police 1"]),
    ):
        out, word = tmp_path / f"review-{lang}.pdf", tmp_path / f"review-{lang}.docx"
        build_review(ward.store, Q2, out, docx=word, lang=lang, issued_on=LATER, today=LATER)
        text = read_pdf(out)
        for line in expected:
            assert line in text.flat, (lang, line)
        for table in outcome_tables(outcome_figures(ward.store, Q2, today=LATER), lang).values():
            assert table.title in text.flat
        document = docx.Document(str(word))
        paragraphs = " ".join(paragraph.text for paragraph in document.paragraphs)
        assert expected[0] in paragraphs and expected[1] in paragraphs
        cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
        assert {"Đã chuyển công an" if lang == "vi" else "Forwarded to the police"} <= cells
        render(out, tmp_path / f"pages-{lang}")


def test_every_outcome_table_fits_the_text_width(ward: Ward) -> None:
    from reportlab.lib.units import mm

    from desktop.reports.document import body_width

    for lang in ("vi", "en"):
        for table in outcome_tables(outcome_figures(ward.store, Q2, today=LATER), lang).values():
            assert sum(field.width_mm for field in table.fields) * mm <= body_width(), (lang, table.key)


def test_a_model_has_one_count_a_day_none_before_it_was_recognised_and_no_stray_dates(ward: Ward) -> None:
    """What the command line let through: a second count of the same day beside the first, a count dated before the
    model existed, a count day without a number, a date stopped for a model that stays active (dropped without a
    word), the number cleared while counts say it; and removing every count left the model's old number."""
    store = ward.store
    edit_model(store, ward.safe_area, members=50, members_on="01/05/2026")
    edit_model(store, ward.safe_area, members=52, members_on="01/05/2026")  # recounted the same day
    assert [(row["counted_on"], row["members"]) for row in model_counts(store, ward.safe_area)] == [
        ("2025-12-01", 40), ("2026-05-01", 52)]
    assert get_model(store, ward.safe_area)["members"] == 52
    refusals = [
        ({"members": 60, "members_on": "01/01/2020"}, "register.count_before_recognised"),
        ({"members_on": "01/06/2026"}, "register.count_needs_members"),
        ({"stopped_on": "01/06/2026"}, "register.stopped_needs_status"),
        ({"members": ""}, "register.required"),
    ]
    for change, msg_id in refusals:
        with pytest.raises(WardbookError) as refused:
            edit_model(store, ward.safe_area, **change)  # type: ignore[arg-type]
        assert refused.value.msg_id == msg_id
    assert get_model(store, ward.safe_area)["stopped_on"] is None
    for row in model_counts(store, ward.safe_area):
        remove_model_count(store, str(row["id"]))
    assert get_model(store, ward.safe_area)["members"] is None  # no count left: not known


def test_a_case_is_not_dated_ahead_and_its_free_text_has_limits(ward: Ward) -> None:
    """A case received in 2030, an event dated ahead, a source of 120,000 characters or with terminal escape codes
    went in from the command line (visits refused all of these)."""
    store = ward.store
    attempts = [
        (lambda: add_case(store, kind="tip", title="Tin báo", received_on="01/01/2030"), "register.future_date"),
        (lambda: add_case(store, kind="tip", title="Tin báo", received_on="01/06/2026", source="s" * 120_000),
         "register.too_long"),
        (lambda: add_case(store, kind="tip", title="Tin báo", received_on="01/06/2026", source="a\x1b[31mRED"),
         "register.bad_characters"),
    ]
    case_id = add_case(store, kind="tip", title="Tin báo", received_on="01/06/2026", source="Người dân báo")
    attempts += [
        (lambda: update_case(store, case_id, on="01/01/2030", outcome="verified"), "register.future_date"),
        (lambda: update_case(store, case_id, on="02/06/2026", note="note\x1b[2J"), "register.bad_characters"),
    ]
    for attempt, msg_id in attempts:
        with pytest.raises(WardbookError) as refused:
            attempt()
        assert refused.value.msg_id == msg_id
        assert "received_on" not in refused.value.message("vi") and "source" not in refused.value.message("en")
