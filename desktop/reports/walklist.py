"""Walk list: the households of one khu phố in street and house-number order, to take on a round.

Rows come from the same queries as the app's household list (`list_household_ids`, `household_summaries`),
so the printed order and the filters match the screen. The last two columns are left empty to tick and to
write in by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from desktop import clock, i18n
from desktop.progress import Cancelled, Progress
from desktop.register.labels import labels
from desktop.reports.document import (
    Styles,
    TitleBlock,
    body_width,
    build_pdf,
    document_title,
    make_styles,
    paragraph,
)
from desktop.reports.figures import area_scope
from desktop.reports.fonts import BOLD, ITALIC, REGULAR
from desktop.reports.formatting import day, number
from desktop.reports.periods import short_date
from desktop.reports.settings import report_settings
from desktop.reports.tables import Column, PagedTable
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store.queries import HouseholdFilter, household_summaries, list_household_ids, open_follow_up
from desktop.store.store import Store

CHUNK = 500  # ids per IN (...) query


@dataclass(frozen=True)
class WalkFilter:
    not_visited_days: int | None = None
    never_visited: bool = False
    overdue: bool = False


@dataclass(frozen=True)
class WalkLine:
    household_id: str
    code: str
    house_no: str
    street: str
    head: str
    last_visit: str | None
    open_follow_ups: int
    overdue: int
    flags: tuple[str, ...]


def walk_lines(
    store: Store, area_id: str | None, flt: WalkFilter = WalkFilter(), today: date | None = None
) -> list[WalkLine]:
    """The active households of the area (None: the whole ward) that pass the filters, in address order."""
    today = today or clock.today()
    ids = list_household_ids(
        store,
        HouseholdFilter(
            area_id=area_id, not_visited_days=flt.not_visited_days, has_overdue_follow_up=flt.overdue
        ),
        today=today,
    )
    lines: list[WalkLine] = []
    for first in range(0, len(ids), CHUNK):
        chunk = ids[first : first + CHUNK]
        open_counts = _open_follow_ups(store, chunk)
        for summary in household_summaries(store, chunk, today):
            if summary["status"] != "active" or (flt.never_visited and summary["last_visit"]):
                continue
            lines.append(
                WalkLine(
                    str(summary["id"]),
                    str(summary["code"] or ""),
                    str(summary["house_no"] or ""),
                    str(summary["street"] or ""),
                    str(summary["head"] or ""),
                    str(summary["last_visit"])[:10] if summary["last_visit"] else None,
                    open_counts.get(str(summary["id"]), 0),
                    int(str(summary["overdue"])),
                    tuple(summary["flags"]),
                )
            )
    return lines


def _open_follow_ups(store: Store, ids: list[str]) -> dict[str, int]:
    marks = ",".join("?" * len(ids))
    return dict(
        store.conn.execute(
            f"SELECT household_id, COUNT(*) FROM visits WHERE {open_follow_up()} "
            f"AND household_id IN ({marks}) "
            "GROUP BY household_id",
            ids,
        ).fetchall()
    )


def describe_filter(flt: WalkFilter, today: date, lang: str | None = None) -> str:
    parts = []
    if flt.not_visited_days is not None:
        parts.append(
            i18n.tr("reports.walk_not_visited_days", lang, days=flt.not_visited_days, today=short_date(today))
        )
    if flt.never_visited:
        parts.append(i18n.tr("reports.walk_never_visited", lang))
    if flt.overdue:
        parts.append(i18n.tr("reports.walk_overdue", lang))
    return "; ".join(parts) or i18n.tr("reports.walk_no_filter", lang)


def build_walk_list(
    store: Store,
    area_id: str | None,
    out: Path | str,
    *,
    flt: WalkFilter = WalkFilter(),
    lang: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    invariant: bool = False,
) -> list[WalkLine]:
    """Write the walk list PDF (landscape A4) of one khu phố or, with `area_id` None, the whole ward; returns
    its lines. Officers print it for their rounds; the printout is recorded in the audit log."""
    actor = authorize(store, "register.edit")
    lang = lang or i18n.current_language()
    today = today or clock.today()
    scope = area_scope(store, area_id)
    lines = walk_lines(store, area_id, flt, today)
    styles = make_styles()
    width = body_width(landscape_pages=True)
    summary = (
        i18n.tr("reports.walk_summary", lang, area=scope.area_name)
        if scope.area_name
        else i18n.tr("reports.walk_summary_ward", lang)
    )

    def t(key: str) -> str:
        return i18n.tr(f"reports.{key}", lang)

    columns = [
        Column(t("col_no"), 11 * mm, "RIGHT"),
        Column(t("col_address"), 48 * mm),
        Column(t("col_code"), 21 * mm),
        Column(t("col_head"), 42 * mm),
        Column(t("col_last_visit"), 27 * mm, "CENTER"),
        Column(t("col_open_follow_ups"), 26 * mm, "RIGHT"),
        Column(t("col_flags"), 36 * mm),
        Column(t("col_visited_tick"), 14 * mm, "CENTER"),
        Column(t("col_notes"), width - 225 * mm),
    ]
    rows = [
        [
            str(index),
            f"{line.house_no} {line.street}".strip(),
            line.code,
            line.head,
            day(line.last_visit) if line.last_visit else t("never"),
            _follow_up_cell(line, lang),
            labels("flag", list(line.flags), lang),
            "",
            "",
        ]
        for index, line in enumerate(lines, start=1)
    ]
    story: list[Flowable] = [TitleBlock(report_settings(store, lang), today, None, lang)]
    story += document_title(t("kind_list"), summary, styles, width)
    story.append(
        paragraph(
            i18n.tr("reports.walk_filters", lang, filters=describe_filter(flt, today, lang)), styles.note
        )
    )
    story.append(paragraph(i18n.tr("reports.walk_count", lang, count=number(len(lines), lang)), styles.note))
    story.append(PagedTable(columns, rows, lang=lang, min_row_height=8 * mm))
    story.append(prepared_by_block(styles, width, lang))
    build_pdf(
        out,
        story,
        landscape_pages=True,
        progress=progress,
        cancelled=cancelled,
        message=t("progress_layout"),
        invariant=invariant,
        title=summary,
    )
    audit.record(store, "print", "areas", area_id, {"report": "walk_list", "rows": len(lines)}, actor=actor)
    return lines


def prepared_by_block(styles: Styles, width: float, lang: str | None) -> Table:
    """ "NGƯỜI LẬP" with room to sign and a name, on the right under the list: who drew it up answers for it."""
    centred = ParagraphStyle("prepared", fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER)
    hint = ParagraphStyle("prepared_hint", parent=centred, fontName=ITALIC, fontSize=12)
    block = [
        paragraph(i18n.tr("reports.walk_prepared_by", lang), centred),
        paragraph(i18n.tr("reports.sign_and_name", lang), hint),
        Spacer(1, 22 * mm),
    ]
    table = Table([["", block]], colWidths=[width * 0.55, width * 0.45])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # the empty cell too: never an unembedded Helvetica
            ]
        )
    )
    table.spaceBefore = 10
    return table


def _follow_up_cell(line: WalkLine, lang: str | None) -> str:
    """ "2 (1 quá hạn)": the open follow-ups, and how many are overdue."""
    if not line.open_follow_ups:
        return ""
    if line.overdue:
        return f"{line.open_follow_ups} ({i18n.tr('reports.walk_overdue_count', lang, count=line.overdue)})"
    return str(line.open_follow_ups)
