"""The review's key figures, each defined once: what it counts (from `ReviewFigures`), its unit, whether it
is a count or a share, and the ward setting that may give it a target.

The summary table of the PDF and the DOCX, its XLSX/CSV rows, the comparison with earlier periods and the
drafted text all read these definitions, so a figure cannot be computed two ways.

Two figures count overdue follow-ups on different bases, and their names say so: `follow_ups_overdue` counts
the follow-ups *set by this period's visits* that are overdue at the cut-off; `households_overdue` counts the
households with *any* overdue follow-up at the cut-off, whichever period set it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from desktop.errors import WardbookError
from desktop.numbers import read_number
from desktop.reports.figures import ReviewFigures
from desktop.reports.rounding import half_up
from desktop.reports.settings import TARGETED as TARGETED
from desktop.store.tables import MAX_NUMBER

TARGET_PREFIX = "report.target."  # + a key of `settings.TARGETED`


@dataclass(frozen=True)
class Indicator:
    key: str
    unit: str  # message id of the unit
    share: bool  # a percentage (one decimal) rather than a count
    value: Callable[[ReviewFigures], float | None]  # None: a share with no base (nothing to divide by)

    @property
    def setting(self) -> str:
        """The ward setting holding this figure's target for a period ("report.target.coverage")."""
        return TARGET_PREFIX + self.key


INDICATORS: tuple[Indicator, ...] = (
    Indicator("households", "unit_household", False, lambda f: f.households),
    Indicator("people", "unit_person", False, lambda f: f.people),
    Indicator("visits", "unit_visit", False, lambda f: f.visits),
    Indicator("households_visited", "unit_household", False, lambda f: f.households_visited),
    Indicator("coverage", "unit_percent", True, lambda f: f.coverage_percent),
    Indicator("not_visited", "unit_household", False, lambda f: f.households - f.households_visited),
    Indicator("never_visited", "unit_household", False, lambda f: f.never_visited),
    # in thousands of đồng, as reports state amounts: a count of eight digits would not fit its column
    Indicator("support_value", "unit_thousand_vnd", False,
              lambda f: int(half_up(Fraction(f.support_value_vnd, 1000)))),
    Indicator("follow_ups_total", "unit_task", False, lambda f: f.follow_ups.total),
    Indicator("follow_ups_done", "unit_task", False, lambda f: f.follow_ups.done),
    Indicator("follow_ups_open", "unit_task", False, lambda f: f.follow_ups.open),
    Indicator("follow_ups_overdue", "unit_task", False, lambda f: f.follow_ups.overdue),
    Indicator("households_overdue", "unit_household", False, lambda f: len(f.overdue)),
    Indicator("cases_received", "unit_case", False, lambda f: sum(line.total for line in f.cases)),
    Indicator("activities", "unit_session", False, lambda f: sum(line.count for line in f.activities_by_kind)),
    Indicator("attendance", "unit_attendee", False, lambda f: f.attendance),
    # What the work achieved (`desktop.reports.outcomes`), as of each period's own cut-off day.
    Indicator("tips_received", "unit_case", False, lambda f: f.outcomes.tips_total),
    Indicator("tips_forwarded", "unit_case", False, lambda f: f.outcomes.tips["forwarded_police"]),
    Indicator("mediations_decided", "unit_case", False, lambda f: f.outcomes.mediations_decided),
    Indicator("mediation_success", "unit_percent", True, lambda f: f.outcomes.mediation_success_percent),
    Indicator("reintegration_active", "unit_person", False, lambda f: f.outcomes.reintegration_active),
    Indicator("models_active", "unit_model", False, lambda f: f.outcomes.models_in("active")),
    Indicator("model_members", "unit_person", False, lambda f: sum(f.outcomes.model_members.values())),
)
BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
# The figures about the ward's households and what was done at their doors: for a period when the register held
# no household yet (before the ward was set up in it) they have no value, not 0 — "tăng 3 hộ" against a quarter
# before the register began is no change. Cases, activities, reintegration and models are counted as they were.
ABOUT_HOUSEHOLDS = frozenset({
    "households", "people", "visits", "households_visited", "coverage", "not_visited", "never_visited",
    "support_value", "follow_ups_total", "follow_ups_done", "follow_ups_open", "follow_ups_overdue",
    "households_overdue",
})


def values(figures: ReviewFigures) -> dict[str, float | None]:
    """Every key figure of `figures`, by key (counts as int, shares as float, None for a share with no base and
    for the figures `ABOUT_HOUSEHOLDS` when the register held no household)."""
    empty = not figures.households
    return {indicator.key: None if empty and indicator.key in ABOUT_HOUSEHOLDS else indicator.value(figures)
            for indicator in INDICATORS}


def parse_target(text: str | None) -> float | None:
    """A target as typed in the settings ("90", "90,5", "1.000.000"); None when empty or not a number."""
    value = None if text is None else read_number(text)
    return value if value is not None and value >= 0 else None


def check_target(key: str, value: str) -> None:
    """A target typed in the settings that the review can use: a number, not negative, a share at most 100 %.
    Empty removes the target. Anything else was saved and then silently left out of the review (or printed as a
    target of 150 % coverage)."""
    if not value.strip():
        return
    indicator = BY_KEY[key.removeprefix(TARGET_PREFIX)]
    target = parse_target(value)
    if target is None or (indicator.share and target > 100) or target > MAX_NUMBER:
        raise WardbookError("reports.bad_target", value=value.strip()[:40], field=key)
