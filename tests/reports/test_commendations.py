"""Commendations proposed for a period: recorded by a team lead, decided, listed by period and printed in the
review of every period that contains theirs; officers may not propose them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.errors import WardbookError
from desktop.reports.commendations import list_commendations, propose_commendation, set_commendation_status
from desktop.reports.figures import review_figures
from desktop.reports.periods import month, quarter
from desktop.reports.review import build_review
from desktop.security.session import attach, detach
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf
from tests.security.conftest import add_accounts

TODAY = date(2026, 11, 25)


def _resident(store: Store) -> tuple[str, str]:
    row = store.conn.execute("SELECT id, full_name FROM people WHERE deleted_hlc IS NULL ORDER BY id LIMIT 1")
    person_id, name = row.fetchone()
    return str(person_id), str(name)


def test_proposed_decided_and_printed_in_the_review_of_its_period(demo_store: Store, tmp_path: Path) -> None:
    person_id, name = _resident(demo_store)
    officer_id, officer = demo_store.conn.execute(
        "SELECT id, full_name FROM users WHERE username = 'canbo1'").fetchone()
    for_resident = propose_commendation(demo_store, period="2026-05", person_id=person_id,
                                        reason="Tố giác kịp thời một vụ lừa đảo qua mạng")
    propose_commendation(demo_store, period="2026-Q2", officer_id=officer_id, reason="Hoàn thành xuất sắc nhiệm vụ")
    propose_commendation(demo_store, period="2026-Q3", officer_id=officer_id, reason="Kỳ sau")
    assert set_commendation_status(demo_store, for_resident, "approved") == {"status": "approved"}
    in_q2 = list_commendations(demo_store, "2026-Q2")
    assert sorted((row["whom"], row["name"], row["status"]) for row in in_q2) == [
        ("officer", officer, "proposed"), ("resident", name, "approved")]
    assert [row["reason"] for row in list_commendations(demo_store, "2026-06")] == []  # May is not in June
    assert len(review_figures(demo_store, month(2026, 5), today=TODAY).commendations) == 1
    out = tmp_path / "q2.pdf"
    build_review(demo_store, quarter(2026, 2), out, today=TODAY)
    text = read_pdf(out).flat
    assert "Tố giác kịp thời một vụ lừa đảo qua mạng" in text and "Được duyệt" in text
    assert "Hoàn thành xuất sắc nhiệm vụ" in text and "Kỳ sau" not in text


@pytest.mark.parametrize(("fields", "msg_id"), [
    ({"period": "2026-Q5", "reason": "x", "officer": True}, "reports.bad_period_code"),
    ({"period": "2026-Q2", "reason": "  ", "officer": True}, "register.required"),
    ({"period": "2026-Q2", "reason": "x"}, "reports.commendation_whom"),
    ({"period": "2026-Q2", "reason": "x", "officer": True, "person": True}, "reports.commendation_whom"),
])
def test_a_bad_proposal_is_refused_and_nothing_is_written(demo_store: Store, fields: dict[str, object],
                                                          msg_id: str) -> None:
    officer_id = demo_store.conn.execute("SELECT id FROM users LIMIT 1").fetchone()[0]
    with pytest.raises(WardbookError) as refused:
        propose_commendation(demo_store, period=str(fields["period"]), reason=str(fields["reason"]),
                             officer_id=officer_id if fields.get("officer") else None,
                             person_id=_resident(demo_store)[0] if fields.get("person") else None)
    assert refused.value.msg_id == msg_id
    assert demo_store.conn.execute("SELECT COUNT(*) FROM commendations").fetchone()[0] == 0


def test_officers_may_not_propose_commendations(demo_store: Store) -> None:
    actors = add_accounts(demo_store)
    attach(demo_store, actors["canbo"])
    with pytest.raises(WardbookError) as refused:
        propose_commendation(demo_store, period="2026-Q2", person_id=_resident(demo_store)[0], reason="x")
    assert refused.value.msg_id == "security.denied"
    attach(demo_store, actors["totruong"])
    propose_commendation(demo_store, period="2026-Q2", person_id=_resident(demo_store)[0], reason="Giúp đỡ")
    detach(demo_store)


def test_cli_proposes_lists_and_decides(demo_store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(demo_store.path)
    demo_store.close()
    assert main(["commendation", "add", "--db", db, "--period", "2026-Q2", "--officer", "canbo1",
                 "--reason", "Vận động người dân lắp camera an ninh"]) == 0
    assert main(["commendation", "add", "--db", db, "--period", "2026-Q2", "--officer", "nobody",
                 "--reason", "x"]) == 2
    capsys.readouterr()
    assert main(["commendation", "list", "--db", db, "--period", "2026", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Vận động người dân lắp camera an ninh" in out and "Proposed" in out
    short_id = out.splitlines()[2].split()[0]
    assert main(["commendation", "status", short_id, "approved", "--db", db, "--lang", "en"]) == 0
    assert "Approved" in capsys.readouterr().out
    with Store.open(Path(db)) as store:
        assert store.conn.execute("SELECT status FROM commendations").fetchall() == [("approved",)]


def test_the_same_proposal_twice_is_refused(demo_store: Store) -> None:
    """Seen: the same officer proposed twice for the same reason (a second click), listed and printed twice."""
    person_id, _name = _resident(demo_store)
    propose_commendation(demo_store, period="2026-Q2", person_id=person_id, reason="Tích cực tham gia tổ tự quản")
    with pytest.raises(WardbookError) as refused:
        propose_commendation(demo_store, period="2026-Q2", person_id=person_id,
                             reason="  Tích cực tham gia   tổ tự quản ")
    assert refused.value.msg_id == "reports.commendation_exists" and refused.value.params["field"] == "reason"
    assert len(list_commendations(demo_store, "2026-Q2")) == 1
    propose_commendation(demo_store, period="2026-Q2", person_id=person_id, reason="Phát hiện tin báo kịp thời")
    propose_commendation(demo_store, period="2026-Q3", person_id=person_id, reason="Tích cực tham gia tổ tự quản")
