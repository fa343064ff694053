"""The reports as background jobs for the app: one call per report, dates in, path of the PDF out.

The Reports page runs these in a worker (with its own database connection) and shows their progress; every
printed report is recorded in the audit log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from desktop.errors import WardbookError
from desktop.progress import Progress
from desktop.reports.periods import date_range
from desktop.reports.review import build_review
from desktop.reports.walklist import build_walk_list
from desktop.store import Store


def periodic_review(store: Store, *, out: Path, start: date, end: date, area_id: str | None = None,
                    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> str:
    period = date_range(start, end)
    build_review(store, period, out, area_id=area_id, progress=progress, cancelled=cancelled)
    return str(out)


def walk_list(store: Store, *, out: Path, start: date, end: date, area_id: str | None = None,
              progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> str:
    """The walk list of one khu phố (it lists households as of today; the dates are not used)."""
    if not area_id:
        raise WardbookError("register.required", field="khu phố")
    build_walk_list(store, area_id, out, progress=progress, cancelled=cancelled)
    return str(out)
