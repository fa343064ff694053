"""The periodic review PDF (báo cáo sơ kết / tổng kết): figures → a Decree 30 report with tables and charts.

The text states each figure in words and the tables repeat it in rows; both are filled from the same
`ReviewFigures` and the same `review_tables`, so the report, its XLSX/CSV and the app agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from desktop import clock, i18n
from desktop.collector import collector_paused
from desktop.progress import Cancelled, Progress
from desktop.reports.charts import review_chart
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
from desktop.reports.figures import ReviewFigures, review_figures
from desktop.reports.formatting import markup
from desktop.reports.notes import notes_for
from desktop.reports.periods import Period
from desktop.reports.reprint import changed_since_printed, recorded
from desktop.reports.review_doc import KIND_CODE, Block, annex_reference, review_document, review_summary_line
from desktop.reports.review_tables import DataTable
from desktop.reports.settings import ReportSettings, report_settings
from desktop.reports.tables import ANNEX_SIZE, CELL_SIZE, Column, PagedTable
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store.store import Store


def _t(msg_id: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"reports.{msg_id}", lang, **params)


def pdf_table(
    table: DataTable,
    styles: Styles,
    lang: str | None,
    caption: str | None = None,
    size: float = CELL_SIZE,
) -> PagedTable:
    """A `DataTable` as printed: values formatted for `lang`, the caption kept with the first rows (and the
    headings just above it, by `OfficialDocTemplate`)."""
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


def review_story(
    figures: ReviewFigures,
    settings: ReportSettings,
    issued_on: date,
    lang: str | None = None,
    *,
    written: dict[str, str] | None = None,
    annex_names: bool = False,
) -> list[Flowable]:
    """The flowables of the whole review, title block to annexes, drawn from `review_document`."""
    styles = make_styles()
    width = body_width()
    document = review_document(figures, written or {}, lang, annex_names=annex_names)
    story: list[Flowable] = [TitleBlock(settings, issued_on, KIND_CODE, lang)]
    story += document_title(_t("kind_report", lang), document.summary, styles, width)
    if settings.addressee:
        story.append(paragraph(_t("addressee", lang, to=settings.addressee), styles.addressee))
    for block in document.blocks:  # headings and notes keep with what follows (their styles say so)
        if block.kind == "table":
            assert block.table is not None
            story.append(pdf_table(block.table, styles, lang, block.caption))
        else:
            story.append(_flowable(block, figures, styles, width, lang))
    # the signature never stands alone: the last paragraph goes over with it
    story.append(KeepTogether([paragraph(document.closing, styles.body), closing_block(settings, styles, width, lang)]))
    reference = annex_reference(settings, issued_on, lang)
    for annex in document.annexes:
        story += annex_pages(annex.number, annex.table, reference, styles, lang)
    return story


def _flowable(block: Block, figures: ReviewFigures, styles: Styles, width: float, lang: str | None) -> Flowable:
    if block.kind == "chart":
        drawing = review_chart(block.chart, figures, width, lang)
        return KeepTogether([Spacer(1, 6), drawing, paragraph(block.caption, styles.caption)])
    if block.kind == "lead":
        return Paragraph(f"<i>{markup(block.lead_in)}</i>{markup(block.text)}", styles.body)
    style = {"heading": styles.heading, "subheading": styles.subheading, "note": styles.note}.get(
        block.kind, styles.body
    )
    return paragraph(block.text, style)


def annex_pages(
    annex: str, table: DataTable, reference: str, styles: Styles, lang: str | None
) -> list[Flowable]:
    """An annex on its own pages: "Phụ lục I", its title in capitals, the reference line, the table."""
    return [
        PageBreak(),
        paragraph(_t("annex_label", lang, number=annex), styles.title),
        paragraph(table.title.upper(), styles.summary),
        paragraph(reference, styles.reference),
        Spacer(1, 4),
        pdf_table(table, styles, lang, size=ANNEX_SIZE),
    ]


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
    written: dict[str, str] | None = None,
    annex_names: bool = False,
) -> Path:
    """Lay out a review of already computed figures into `out` (atomically); `written`: the narrative's
    sections the team lead wrote (drafts from the figures elsewhere)."""
    story = review_story(
        figures, settings, issued_on or clock.today(), lang, written=written, annex_names=annex_names
    )
    return build_pdf(
        out,
        story,
        progress=progress,
        cancelled=cancelled,
        message=_t("progress_layout", lang),
        invariant=invariant,
        title=review_summary_line(figures, lang),
    )


@collector_paused()  # the figures' rows and the documents' flowables stay alive until written (`desktop.collector`)
def build_review(
    store: Store,
    period: Period,
    out: Path | str | None,
    *,
    docx: Path | str | None = None,
    area_id: str | None = None,
    lang: str | None = None,
    issued_on: date | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    invariant: bool = False,
    annex_names: bool = False,
    changed: Callable[[str], None] | None = None,
) -> ReviewFigures:
    """Compute the review's figures and write its PDF (`out`) and/or its DOCX (`docx`); returns the figures
    (for the XLSX/CSV exports).

    Team leads and admins only; the printout is recorded in the audit log, with the formats written, whether it
    lists residents by name (`annex_names`) and its key figures (`reprint.recorded`). `changed` is told, in a
    sentence, how they differ from an earlier print of the same review as of the same day (`reprint`).
    """
    actor = authorize(store, "reports.view")
    lang = lang or i18n.current_language()

    def figures_progress(done: int, total: int, _what: str) -> None:
        if progress:
            progress(done, total, _t("progress_figures", lang))

    figures = review_figures(
        store, period, area_id, today=today, progress=figures_progress, cancelled=cancelled, names=annex_names
    )
    settings = report_settings(store, lang)
    written = notes_for(store, period.code, area_id)
    issued_on = issued_on or clock.today()
    if out is not None:
        write_review_pdf(
            figures,
            settings,
            out,
            issued_on=issued_on,
            lang=lang,
            progress=progress,
            cancelled=cancelled,
            invariant=invariant,
            written=written,
            annex_names=annex_names,
        )
    if docx is not None:
        from desktop.reports.review_docx import write_review_docx  # python-docx only when asked for

        document = review_document(figures, written, lang, annex_names=annex_names)
        write_review_docx(document, settings, docx, issued_on=issued_on, lang=lang, figures=figures)
    if changed is not None:
        note = changed_since_printed(store, figures, area_id, lang)
        if note:
            changed(note)
    detail: dict[str, object] = {"report": "review", "period": period.code, "area": area_id, **recorded(figures)}
    detail["formats"] = [name for name, path in (("pdf", out), ("docx", docx)) if path is not None]
    if annex_names:
        detail["names"] = True
    audit.record(store, "print", None, None, detail, actor=actor)
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
