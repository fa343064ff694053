"""A review printed again whose key figures are not those of its earlier print, as of the same day: told.

A review is signed on paper and sent up. Printed again later (a lost copy, a second khu phố's copy), it is
computed again from the register, which keeps no history of some of what it counts — a visit corrected, a
follow-up's done date cleared by a later due date, a household back after moving out — and takes in a visit of
the period entered late. The copy printed again can then differ from the one already signed, with nothing on it to
say so. Each print of a review keeps its key figures (`indicators.values`) and the day they were counted as of in
its audit entry (which syncs with the log), and a later print of the same review (period, khu phố, that day) is
compared with the latest earlier one, on whichever laptop it was made: the person printing is told which figures
changed, from what to what. A print while the period still runs counts as of another day, and is not compared.
"""

from __future__ import annotations

import json

from desktop import i18n
from desktop.reports.figures import ReviewFigures
from desktop.reports.formatting import NO_VALUE, number, percent
from desktop.reports.indicators import BY_KEY, values
from desktop.store import Store
from desktop.text import format_time

Recorded = dict[str, float | int | None]


def recorded(figures: ReviewFigures) -> dict[str, object]:
    """What a print's audit entry keeps of its figures: the day they are as of and each key figure."""
    return {"cutoff": figures.cutoff.isoformat(), "indicators": values(figures)}


def _earlier_print(store: Store, figures: ReviewFigures, area_id: str | None) -> tuple[str, str, Recorded] | None:
    """The latest print of this review as of the same day: when, by whom, and its key figures."""
    row = store.conn.execute(
        "SELECT at, coalesce(username, ''), json_extract(detail, '$.indicators') FROM audit_log "
        "WHERE target_table IS NULL AND target_id IS NULL AND action = 'print' AND deleted_hlc IS NULL "
        "AND json_valid(detail) AND json_extract(detail, '$.report') = 'review' "
        "AND json_extract(detail, '$.period') = ? AND json_extract(detail, '$.area') IS ? "
        "AND json_extract(detail, '$.cutoff') = ? AND json_type(detail, '$.indicators') = 'object' "
        "ORDER BY at DESC LIMIT 1",
        (figures.period.code, area_id, figures.cutoff.isoformat())).fetchone()
    if row is None:
        return None
    return str(row[0]), str(row[1]), json.loads(row[2])


def _shown(key: str, value: object, lang: str | None) -> str:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return NO_VALUE
    return percent(float(value), lang) if BY_KEY[key].share else number(value, lang)


def changed_since_printed(store: Store, figures: ReviewFigures, area_id: str | None,
                          lang: str | None = None) -> str | None:
    """The sentence telling how `figures` differ from the latest earlier print of the same review as of the same
    day (None: no such print, or the same figures). Called before this print is recorded."""
    earlier = _earlier_print(store, figures, area_id)
    if earlier is None:
        return None
    at, who, before = earlier
    now = values(figures)
    changes = [
        i18n.tr("reports.reprint_change", lang, figure=i18n.tr(f"reports.fact_{key}", lang),
                before=_shown(key, before.get(key), lang), after=_shown(key, value, lang))
        for key, value in now.items() if key in before and before[key] != value
    ]
    if not changes:
        return None
    return i18n.tr("reports.reprint_changed", lang, at=format_time(at), who=who or "—", changes="; ".join(changes))
