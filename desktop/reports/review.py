"""The periodic review PDF (báo cáo sơ kết / tổng kết): figures → a Decree 30 report with tables and charts.

The text states each figure in words and the tables repeat it in rows; both are filled from the same
`ReviewFigures` and the same `review_tables`, so the report, its XLSX/CSV and the app agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from desktop import i18n
from desktop.progress import Cancelled, Progress
from desktop.reports.charts import coverage_chart, visits_per_month_chart
from desktop.reports.document import (
    Styles,
    TitleBlock,
    body_width,
    build_pdf,
    closing_block,
    document_title,
    make_styles,
    paragraph,
)
from desktop.reports.figures import ReviewFigures, mean_days, review_figures
from desktop.reports.formatting import number, percent
from desktop.reports.periods import Period, short_date
from desktop.reports.review_tables import DataTable, review_tables
from desktop.reports.settings import ReportSettings, report_settings
from desktop.reports.tables import ANNEX_SIZE, CELL_SIZE, Column, PagedTable
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store.store import Store

KIND_CODE = "BC"


def _t(msg_id: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"reports.{msg_id}", lang, **params)


def pdf_table(
    table: DataTable, styles: Styles, lang: str | None, caption: str | None = None, size: float = CELL_SIZE
) -> PagedTable:
    """A `DataTable` as printed: values formatted for `lang`, the caption kept with the first rows."""
    columns = [Column(field.title, field.width_mm * mm, field.align) for field in table.fields]
    rows = [
        [field.show(value, lang) for field, value in zip(table.fields, row, strict=True)]
        for row in table.rows
    ]
    total = (
        [field.show(value, lang) for field, value in zip(table.fields, table.total, strict=True)]
        if table.total is not None
        else None
    )
    return PagedTable(
        columns,
        rows,
        total=total,
        lang=lang,
        size=size,
        caption=paragraph(caption, styles.caption) if caption else None,
    )


def review_summary_line(figures: ReviewFigures, lang: str | None) -> str:
    msg = "review_summary_annual" if figures.period.kind == "year" else "review_summary_interim"
    return _t(msg, lang, period=figures.period.title(lang), scope=_scope(figures, lang))


def _scope(figures: ReviewFigures, lang: str | None) -> str:
    return _t("scope_area", lang, area=figures.scope.area_name) if figures.scope.area_name else ""


def review_story(
    figures: ReviewFigures, settings: ReportSettings, issued_on: date, lang: str | None = None
) -> list[Flowable]:
    """The flowables of the whole review, title block to annexes."""
    styles = make_styles()
    width = body_width()
    tables = review_tables(figures, lang)
    f = figures
    numbered = _Numbering(lang)
    period_text = f.period.title(lang)
    story: list[Flowable] = [TitleBlock(settings, issued_on, KIND_CODE, lang)]
    story += document_title(_t("kind_report", lang), review_summary_line(f, lang), styles, width)
    story.append(
        paragraph(
            _t(
                "intro",
                lang,
                period=period_text,
                scope=_scope(f, lang),
                start=short_date(f.period.start),
                end=short_date(f.period.end),
                cutoff=short_date(f.cutoff),
            ),
            styles.body,
        )
    )

    story.append(paragraph(_t("sec_general", lang), styles.heading))
    story.append(
        paragraph(
            _t(
                "text_general",
                lang,
                households=number(f.households, lang),
                people=number(f.people, lang),
                areas=number(len(f.coverage), lang),
            ),
            styles.body,
        )
    )
    story.append(numbered.table(tables["summary"], styles))

    story.append(paragraph(_t("sec_results", lang), styles.heading))
    story.append(paragraph(_t("sub_visits", lang), styles.subheading))
    story.append(
        paragraph(
            _t(
                "text_visits",
                lang,
                visits=number(f.visits, lang),
                visited=number(f.households_visited, lang),
                households=number(f.households, lang),
                rate=percent(f.coverage_percent, lang),
                not_visited=number(len(f.not_visited), lang),
                never=number(f.never_visited, lang),
                voided=number(f.visits_voided, lang),
            ),
            styles.body,
        )
    )
    story.append(numbered.table(tables["coverage"], styles))
    story.append(
        numbered.chart(
            coverage_chart(
                [(line.name or _t("no_area", lang), line.percent) for line in f.coverage], width, lang
            ),
            "chart_coverage",
            styles,
        )
    )
    story.append(
        numbered.chart(visits_per_month_chart(f.visits_by_month, width, lang), "chart_visits_month", styles)
    )
    story.append(numbered.table(tables["visits_by_month"], styles))
    story.append(paragraph(_t("purpose_note", lang), styles.note))
    story.append(numbered.table(tables["visits_by_purpose"], styles))
    story.append(numbered.table(tables["visits_by_outcome"], styles))

    story.append(paragraph(_t("sub_support", lang), styles.subheading))
    items = sum(line.items for line in f.support)
    story.append(
        paragraph(
            _t("text_support", lang, items=number(items, lang), value=number(f.support_value_vnd, lang))
            if items
            else _t("text_no_support", lang),
            styles.body,
        )
    )
    story.append(numbered.table(tables["support"], styles))

    story.append(paragraph(_t("sub_follow_ups", lang), styles.subheading))
    story.append(
        paragraph(
            _t(
                "text_follow_ups",
                lang,
                total=number(f.follow_ups.total, lang),
                done=number(f.follow_ups.done, lang),
                open=number(f.follow_ups.open, lang),
                overdue=number(f.follow_ups.overdue, lang),
                cutoff=short_date(f.cutoff),
                households=number(len(f.overdue), lang),
            ),
            styles.body,
        )
    )
    story.append(numbered.table(tables["follow_ups"], styles))

    story.append(paragraph(_t("sub_cases", lang), styles.subheading))
    received = sum(line.total for line in f.cases)
    resolved = sum(line.resolved for line in f.cases)
    mean = mean_days(sum(line.resolution_days for line in f.cases), resolved)
    story.append(
        paragraph(
            _t(
                "text_cases",
                lang,
                total=number(received, lang),
                resolved=number(resolved, lang),
                mean=number(mean, lang, 1),
            )
            if mean is not None
            else _t("text_cases_unresolved", lang, total=number(received, lang)),
            styles.body,
        )
    )
    story.append(numbered.table(tables["cases"], styles))

    story.append(paragraph(_t("sub_activities", lang), styles.subheading))
    story.append(
        paragraph(
            _t(
                "text_activities",
                lang,
                count=number(len(f.activities), lang),
                attendance=number(f.attendance, lang),
            ),
            styles.body,
        )
    )
    story.append(numbered.table(tables["activities_by_kind"], styles))

    story.append(paragraph(_t("sub_officers", lang), styles.subheading))
    story.append(numbered.table(tables["officers"], styles))

    story.append(paragraph(_t("sub_commendations", lang), styles.subheading))
    if f.commendations:
        story.append(numbered.table(tables["commendations"], styles))
    else:
        story.append(paragraph(_t("text_no_commendations", lang), styles.body))

    story.append(paragraph(_t("sec_issues", lang), styles.heading))
    story.append(
        paragraph(
            _t(
                "text_issues",
                lang,
                not_visited=number(len(f.not_visited), lang),
                overdue=number(len(f.overdue), lang),
            ),
            styles.body,
        )
    )
    story.append(paragraph(_t("closing", lang, period=period_text, scope=_scope(f, lang)), styles.body))
    story.append(closing_block(settings, styles, width, lang))

    reference = _t(
        "annex_reference", lang, kind=KIND_CODE, symbol=settings.symbol, date=short_date(issued_on)
    )
    for annex, key in enumerate(("not_visited", "overdue", "activities"), start=1):
        story += annex_pages(annex, tables[key], reference, styles, lang)
    return story


def annex_pages(
    annex: int, table: DataTable, reference: str, styles: Styles, lang: str | None
) -> list[Flowable]:
    """An annex on its own pages: "Phụ lục n", its title in capitals, the reference line, the table."""
    return [
        PageBreak(),
        paragraph(_t("annex_label", lang, number=annex), styles.title),
        paragraph(table.title.upper(), styles.summary),
        paragraph(reference, styles.caption),
        Spacer(1, 4),
        pdf_table(table, styles, lang, size=ANNEX_SIZE),
    ]


class _Numbering:
    """Numbers the body's tables ("Bảng 1. …", caption above) and charts ("Biểu đồ 1. …", caption below)."""

    def __init__(self, lang: str | None) -> None:
        self.lang = lang
        self.tables = 0
        self.charts = 0

    def table(self, table: DataTable, styles: Styles) -> PagedTable:
        self.tables += 1
        caption = _t("table_caption", self.lang, number=self.tables, title=table.title)
        return pdf_table(table, styles, self.lang, caption)

    def chart(self, drawing: Flowable, title_id: str, styles: Styles) -> KeepTogether:
        self.charts += 1
        caption = _t("chart_caption", self.lang, number=self.charts, title=_t(title_id, self.lang))
        return KeepTogether([Spacer(1, 6), drawing, paragraph(caption, styles.caption)])


def write_review_pdf(
    figures: ReviewFigures,
    settings: ReportSettings,
    out: Path | str,
    *,
    issued_on: date | None = None,
    lang: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    invariant: bool = False,
) -> Path:
    """Lay out a review of already computed figures into `out` (atomically)."""
    story = review_story(figures, settings, issued_on or date.today(), lang)
    return build_pdf(
        out,
        story,
        progress=progress,
        cancelled=cancelled,
        message=_t("progress_layout", lang),
        invariant=invariant,
        title=review_summary_line(figures, lang),
    )


def build_review(
    store: Store,
    period: Period,
    out: Path | str,
    *,
    area_id: str | None = None,
    lang: str | None = None,
    issued_on: date | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    invariant: bool = False,
) -> ReviewFigures:
    """Compute the review's figures and write its PDF; returns the figures (for the XLSX/CSV exports).

    Team leads and admins only; the printout is recorded in the audit log.
    """
    actor = authorize(store, "reports.view")
    lang = lang or i18n.current_language()

    def figures_progress(done: int, total: int, _what: str) -> None:
        if progress:
            progress(done, total, _t("progress_figures", lang))

    figures = review_figures(
        store, period, area_id, today=today, progress=figures_progress, cancelled=cancelled
    )
    write_review_pdf(
        figures,
        report_settings(store, lang),
        out,
        issued_on=issued_on,
        lang=lang,
        progress=progress,
        cancelled=cancelled,
        invariant=invariant,
    )
    audit.record(store, "print", None, None, {"report": "review", "period": period.code, "area": area_id},
                 actor=actor)
    return figures


def table_rows(table: DataTable, lang: str | None) -> Sequence[Sequence[str]]:
    """The rows of a table as the PDF prints them (tests compare the PDF's text with these)."""
    rows = [
        [field.show(value, lang) for field, value in zip(table.fields, row, strict=True)]
        for row in table.rows
    ]
    if table.total is not None:
        rows.append([field.show(value, lang) for field, value in zip(table.fields, table.total, strict=True)])
    return rows
