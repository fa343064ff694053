"""The reports as background jobs for the app: one call per report, dates in, path of the file out.

The Reports page runs these in a worker (with its own database connection) and shows their progress; every
printed or exported report is recorded in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop import files
from desktop.progress import Progress
from desktop.reports.periods import date_range
from desktop.reports.review import build_review
from desktop.reports.walklist import build_walk_list
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store import Store

FORMATS = ("pdf", "docx", "xlsx", "csv")


@dataclass(frozen=True)
class Made:
    """A report written (`path`), with what the person who made it must be told about it (`note`; None: nothing)."""

    path: str
    note: str | None = None


def periodic_review(store: Store, *, out: Path, start: date, end: date, area_id: str | None = None,
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                    fmt: str = "pdf") -> Made:
    """The review of the period as `fmt`: the document (pdf, docx) or its figures as data (xlsx, csv); a document
    whose figures differ from an earlier print of it as of the same day says so (`reprint`)."""
    files.check_target(out, fmt)
    period = date_range(start, end)
    if fmt in ("pdf", "docx"):
        notes: list[str] = []
        build_review(store, period, out if fmt == "pdf" else None, docx=out if fmt == "docx" else None,
                     area_id=area_id, progress=progress, cancelled=cancelled, changed=notes.append)
        return Made(str(out), notes[0] if notes else None)
    from desktop.reports.export import write_csv, write_xlsx
    from desktop.reports.figures import review_figures

    actor = authorize(store, "reports.view")
    figures = review_figures(store, period, area_id, progress=progress, cancelled=cancelled)
    (write_xlsx if fmt == "xlsx" else write_csv)(figures, out)
    audit.record(store, "export", None, None, {"report": "review", "period": period.code, "area": area_id,
                                                "format": fmt}, actor=actor)
    return Made(str(out))


def walk_list(store: Store, *, out: Path, start: date, end: date, area_id: str | None = None,
              progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
              fmt: str = "pdf") -> Made:
    """The walk list of one khu phố, or of the whole ward (it lists households as of today; the dates are not
    used, and it is a PDF only)."""
    files.check_target(out, "pdf")
    build_walk_list(store, area_id, out, progress=progress, cancelled=cancelled)
    return Made(str(out))
