"""Figures of a signed review checked against the register by hand: each sentence agrees with its table, a
reprint of a past period is the review signed on its day, and rounded numbers round as a person or Excel would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.register.cases import add_case, update_case
from desktop.reports.figures import CaseLine, review_figures
from desktop.reports.periods import quarter
from desktop.reports.review import build_review
from desktop.store import Store
from tests.reports.pdfcheck import read_pdf

Q2 = quarter(2026, 2)
TODAY = date(2026, 11, 25)


def _line(store: Store, kind: str) -> CaseLine:
    return next(line for line in review_figures(store, Q2, today=TODAY).cases if line.kind == kind)


@pytest.mark.parametrize(
    ("kind", "received", "resolved", "later", "days"),
    [
        # resolved in the quarter, its file closed in the next one
        ("complaint", "2026-05-04", {"on": "2026-05-14", "new_status": "resolved", "resolution": "Đã nhắc nhở"},
         {"on": "2026-07-03", "new_status": "closed"}, 10),
        # resolved in the quarter, reopened in the next one
        ("dispute", "2026-04-02", {"on": "2026-04-10", "new_status": "resolved", "resolution": "Hòa giải thành"},
         {"on": "2026-07-05", "new_status": "open", "note": "Phát sinh lại"}, 8),
    ],
)
def test_a_resolution_stays_in_the_review_of_its_period_whatever_the_case_became_later(
    store: Store, tmp_path: Path, kind: str, received: str, resolved: dict[str, str], later: dict[str, str],
    days: int,
) -> None:
    case_id = add_case(store, kind=kind, title="Vụ việc", received_on=received)
    update_case(store, case_id, **resolved)  # type: ignore[arg-type]
    signed = _line(store, kind)
    assert (signed.by_status["resolved"], signed.resolved, signed.resolution_days) == (1, 1, days)

    update_case(store, case_id, **later)  # type: ignore[arg-type]
    assert _line(store, kind) == signed
    out = tmp_path / "q2.pdf"
    build_review(store, Q2, out, issued_on=date(2026, 7, 5), today=TODAY)
    flat = read_pdf(out).flat
    assert (f"Trong kỳ tiếp nhận 1 vụ việc; đã giải quyết, kết thúc 1 vụ việc với thời gian giải quyết trung bình "
            f"{days} ngày.") in flat
    assert "chưa có vụ việc nào được giải quyết xong" not in flat

