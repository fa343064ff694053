"""A case handed to another body is counted the one way in every table: the cases by status ("Đã chuyển"), the
tips ("Đã chuyển công an"), the mediations ("Chuyển cơ quan có thẩm quyền") and the key figures. A tip forwarded
to the police and then closed printed "Đã chuyển 0" beside "Đã chuyển công an 2" in the same review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.register.cases import add_case, update_case
from desktop.reports.periods import quarter
from desktop.reports.review import build_review, table_rows
from desktop.reports.review_tables import review_tables
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf

Q2 = quarter(2026, 2)


def _case(store: Store, kind: str, received: str, *events: dict[str, str]) -> None:
    case_id = add_case(store, kind=kind, title=f"{kind} {received}", received_on=received)
    for event in events:
        update_case(store, case_id, **event)  # type: ignore[arg-type]


def test_a_case_handed_on_counts_as_handed_on_in_every_table(store: Store, tmp_path: Path) -> None:
    # forwarded to the police, then the ward closed its file: forwarded
    _case(store, "tip", "2026-04-02", {"on": "2026-04-10", "outcome": "forwarded_police"},
          {"on": "2026-04-20", "new_status": "closed"})
    # the status says referred, the tip's own status was never changed: forwarded all the same
    _case(store, "tip", "2026-05-02", {"on": "2026-05-10", "new_status": "referred"})
    _case(store, "tip", "2026-05-03", {"on": "2026-05-12", "outcome": "closed", "new_status": "closed"})
    # a dispute referred to the competent body, its file then resolved by the ward
    _case(store, "dispute", "2026-04-05", {"on": "2026-04-25", "outcome": "referred", "new_status": "resolved"})
    out = tmp_path / "review.pdf"
    figures = build_review(store, Q2, out, issued_on=date(2026, 7, 5), today=date(2026, 11, 25))

    tips = next(line for line in figures.cases if line.kind == "tip")
    assert tips.by_status["referred"] == figures.outcomes.tips["forwarded_police"] == 2
    assert tips.by_status["closed"] == figures.outcomes.tips["closed"] == 1
    dispute = next(line for line in figures.cases if line.kind == "dispute")
    assert dispute.by_status["referred"] == figures.outcomes.mediations["dispute"]["referred"] == 1
    assert dispute.by_status["resolved"] == 0

    tables = review_tables(figures, "vi")
    cases = {cells[0]: cells for cells in table_rows(tables["cases"], "vi")}
    referred = [field.title for field in tables["cases"].fields].index("Đã chuyển")
    summary = {cells[0]: cells for cells in table_rows(tables["summary"], "vi")}
    assert cases["Tin báo"][referred] == summary["Tin báo đã chuyển cơ quan công an"][2] == "2"
    assert cases["Tranh chấp"][referred] == "1"
    flat = read_pdf(out).flat
    assert "Đã chuyển công an 2" in flat and "Chuyển cơ quan có thẩm quyền 1" in flat
