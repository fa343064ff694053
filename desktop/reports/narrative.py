"""The words of a review: each section's text as the team lead wrote it, or a draft the figures give.

A sơ kết (month, quarter, half-year) and a tổng kết (year) state the same things in a fixed order — the plan
reviewed, leadership and direction, results, strengths, limitations and their causes, lessons, direction and
tasks for the next period, proposals — so a draft can be made from the figures for every section the lead
has not written. The app's editor opens with these drafts; the review prints them where nothing was written,
and the lead's text wherever it was.
"""

from __future__ import annotations

from desktop import i18n
from desktop.reports.compare import change, reached
from desktop.reports.figures import ReviewFigures
from desktop.reports.formatting import number, percent
from desktop.reports.indicators import BY_KEY
from desktop.reports.periods import following, short_date
from desktop.reports.rounding import half_up
from desktop.store.tables import NOTE_SECTIONS


def _t(msg_id: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"reports.{msg_id}", lang, **params)


def section_title(section: str, lang: str | None = None) -> str:
    """The section's name as the editor and `report notes` list it."""
    return _t(f"section_{section}", lang)


def next_period_title(figures: ReviewFigures, lang: str | None, upper: bool = False) -> str:
    """ "quý III năm 2026", or "kỳ tới" after a date range."""
    after = following(figures.period)
    if after is None:
        return _t("next_period", lang) if upper else _t("next_lower", lang)
    title = after.title(lang)
    return title.upper() if upper else title


def drafts(figures: ReviewFigures, lang: str | None = None) -> dict[str, str]:
    """A draft text of every section, from the figures."""
    f = figures
    scope = _t("scope_area", lang, area=f.scope.area_name) if f.scope.area_name else ""
    received = sum(line.total for line in f.cases)
    resolved = sum(line.resolved for line in f.cases)
    settled = sum(line.by_status.get("resolved", 0) + line.by_status.get("closed", 0) for line in f.cases)
    result = {
        "plan": _t(
            "intro",
            lang,
            period=f.period.title(lang),
            scope=scope,
            start=short_date(f.period.start),
            end=short_date(f.period.end),
            cutoff=short_date(f.cutoff),
        ),
        "leadership": _t(
            "draft_leadership",
            lang,
            officers=number(sum(1 for line in f.officers if line.officer_id), lang),
            areas=number(len(f.coverage), lang),
            activities=number(len(f.activities), lang),
        ),
        "results": comparison_text(f, lang),
        "strengths": _t(
            "draft_strengths",
            lang,
            rate=percent(f.coverage_percent, lang),
            visits=number(f.visits, lang),
            done=number(f.follow_ups.done, lang),
            total=number(f.follow_ups.total, lang),
            resolved=number(max(resolved, settled), lang),
            cases=number(received, lang),
        )
        if f.visits or f.follow_ups.total or received
        else _t("draft_strengths_none", lang),
        "limitations": _t(
            "text_issues", lang, not_visited=number(len(f.not_visited), lang), overdue=number(len(f.overdue), lang)
        ),
        "causes_internal": _causes_internal(f, lang),
        "causes_external": _t(
            "draft_causes_external",
            lang,
            not_home=number(f.visits_by_outcome.get("not_home", 0), lang),
            refused=number(f.visits_by_outcome.get("refused", 0), lang),
        ),
        "lessons": _t("draft_lessons", lang),
        "tasks": _t(
            "draft_tasks",
            lang,
            next=next_period_title(f, lang),
            not_visited=number(len(f.not_visited), lang),
            never=number(f.never_visited, lang),
            overdue=number(f.follow_ups.overdue, lang),
            open_cases=number(received - settled, lang),
        ),
        "proposals": _t("draft_proposals", lang),
    }
    return {section: result[section] for section in NOTE_SECTIONS}


def _causes_internal(f: ReviewFigures, lang: str | None) -> str:
    """The internal causes the figures show: visits uneven between khu phố, only when two or more of them were
    visited at rates that print differently (a review of one khu phố said it was uneven, "thấp nhất Khu phố 1
    đạt 100,0%, cao nhất Khu phố 1 đạt 100,0%"), and overdue follow-ups, only when there are some; otherwise
    what is plainly true."""
    clauses = []
    lowest = min(f.coverage, key=lambda line: line.percent, default=None)
    highest = max(f.coverage, key=lambda line: line.percent, default=None)
    if lowest and highest and percent(lowest.percent, lang) != percent(highest.percent, lang):
        no_area = _t("no_area", lang)
        clauses.append(_t(
            "draft_causes_uneven",
            lang,
            low_area=lowest.name or no_area,
            low_rate=percent(lowest.percent, lang),
            high_area=highest.name or no_area,
            high_rate=percent(highest.percent, lang),
        ))
    if f.follow_ups.overdue:
        clauses.append(_t("draft_causes_overdue", lang, overdue=number(f.follow_ups.overdue, lang)))
    if clauses:
        sentence = "; ".join(clauses)
        return sentence[:1].upper() + sentence[1:] + "."
    return _t("draft_causes_none" if f.visits else "draft_causes_no_visits", lang)


COMPARED = ("visits", "households_visited", "coverage", "follow_ups_done", "cases_received", "activities",
            "tips_received", "mediation_success")


def comparison_text(figures: ReviewFigures, lang: str | None = None) -> str:
    """The key figures against the previous period, the same period a year earlier and the targets, in words
    (the results' opening lines; the summary table holds every figure)."""
    comparison = figures.comparison
    if comparison is None:
        return ""
    lines = []
    for then, name in (
        (comparison.previous_values, comparison.previous.title(lang) if comparison.previous else ""),
        (comparison.last_year_values, _t("draft_same_period", lang)),
    ):
        words = [] if then is None else [_change_words(figures, key, then[key], lang) for key in COMPARED]
        changes = "; ".join(word for word in words if word)
        if changes:
            lines.append(_t("draft_compare", lang, period=name, changes=changes))
    items = [_target_words(figures, key, target, lang) for key, target in comparison.targets.items()]
    if any(items):
        lines.append(_t("draft_targets", lang, items="; ".join(item for item in items if item)))
    return "\n".join(lines)


def _target_words(figures: ReviewFigures, key: str, target: float, lang: str | None) -> str:
    """ "tỷ lệ hộ được thăm đạt 85,3/90 % (94,8%)"; "" for a share with no base, which reached nothing."""
    indicator = BY_KEY[key]
    now = indicator.value(figures)
    share = reached(figures, key, target)
    if now is None or share is None:
        return ""
    return _t(
        "draft_target",
        lang,
        figure=_t(f"fact_{key}", lang).lower(),
        now=_figure(now, lang),
        target=_figure(target if indicator.share else int(half_up(target)), lang),
        unit=_t(indicator.unit, lang),
        share=percent(share, lang),
    )


def _figure(value: float, lang: str | None) -> str:
    return number(value, lang, 1, keep_zeros=True) if isinstance(value, float) else number(value, lang)


def _change_words(figures: ReviewFigures, key: str, then: float | None, lang: str | None) -> str:
    """ "số lượt thăm tăng 12 lượt"; "" when either period's figure has no value (a share over nothing): there
    is no change to state, not a rise from 0 %."""
    indicator = BY_KEY[key]
    difference = change(indicator.value(figures), then)
    if difference is None:
        return ""
    name = _t(f"fact_{key}", lang).lower()
    unit = _t("draft_points", lang) if indicator.share else _t(indicator.unit, lang)
    if not difference:
        return _t("draft_same", lang, figure=name)
    msg = "draft_up" if difference > 0 else "draft_down"
    return _t(msg, lang, figure=name, amount=_figure(abs(difference), lang), unit=unit)


def texts(
    figures: ReviewFigures,
    written: dict[str, str],
    lang: str | None = None,
) -> dict[str, str]:
    """What the review prints in each section: the lead's text where written, the draft elsewhere."""
    draft = drafts(figures, lang)
    return {section: written.get(section) or draft[section] for section in NOTE_SECTIONS}
