"""A sweep on paper: the walk list of the households still to see (per officer or khu phố, with boxes to tick
and the checklist to fill in by hand) and the campaign report in the Decree 30 layout (coverage, the tallies of
each question, the team lead's narrative).

Both count the list `progress.targets` gives, as the page and the CLI do, and reuse the walk list's and the
review's layout (`desktop.reports`): title block, document title, paged tables, recipients and signature.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from desktop import clock, i18n
from desktop.campaigns.answers import shown
from desktop.campaigns.definition import Campaign, Question
from desktop.campaigns.progress import STATES, Target, tallies_by, tally, targets
from desktop.campaigns.results import QuestionTally, question_tallies, result_rows
from desktop.progress import Cancelled, Progress
from desktop.reports.document import (
    TitleBlock,
    body_width,
    build_pdf,
    closing_block,
    document_title,
    make_styles,
    paragraph,
)
from desktop.reports.formatting import day, number, percent
from desktop.reports.settings import report_settings
from desktop.reports.tables import Column, PagedTable
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store import Store

BOX = "\u25a1"  # □: the body font has it (☐ it has not)


def _t(key: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"campaign.doc.{key}", lang, **params)


def checklist_line(question: Question, lang: str | None = None) -> str:
    """A question as it is filled in on paper: boxes for its answers, a line for a number, text or date."""
    if question.kind == "yes_no":
        blanks = f"{BOX} {i18n.tr('campaign.yes', lang)}   {BOX} {i18n.tr('campaign.no', lang)}"
    elif question.kind in ("one_choice", "several_choices"):
        blanks = "   ".join(f"{BOX} {choice}" for choice in question.choices)
    elif question.kind == "number":
        blanks = "………… " + (question.unit or "")
    elif question.kind == "date":
        blanks = "…… / …… / …………"
    else:
        blanks = "……………………………………"
    star = " *" if question.required else ""
    return f"{question.position}. {question.label}{star}: {blanks}"


def build_campaign_walk_list(
    store: Store,
    campaign: Campaign,
    out: Path | str,
    *,
    area_id: str | None = None,
    officer_id: str | None = None,
    lang: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    invariant: bool = False,
) -> list[Target]:
    """The households of the sweep not reached yet (not started or to retry), of one khu phố or one officer,
    in code order, with status boxes to tick; the checklist is printed above. Returns the households listed."""
    actor = authorize(store, "register.edit")
    lang = lang or i18n.current_language()
    today = today or clock.today()
    rows = [row for row in targets(store, campaign) if row.state in ("not_started", "to_retry")
            and (area_id is None or row.area_id == area_id) and (officer_id is None or row.officer_id == officer_id)]
    lines = {line.target.household_id: line for line in result_rows(store, campaign, rows)}
    styles = make_styles()
    width = body_width(landscape_pages=True)
    who = _scope_name(store, area_id, officer_id, lang)
    summary = _t("walk_summary", lang, name=campaign.name, scope=who)
    boxes = "  ".join(f"{BOX} {i18n.tr(f'sweep.{status}', lang)}"
                      for status in ("reached", "not_home", "refused", "moved_away", "not_found"))
    columns = [
        Column(i18n.tr("reports.col_no", lang), 11 * mm, "RIGHT"),
        Column(i18n.tr("reports.col_address", lang), 52 * mm),
        Column(i18n.tr("reports.col_code", lang), 22 * mm),
        Column(i18n.tr("reports.col_head", lang), 42 * mm),
        Column(i18n.tr("sweep.col.attempts", lang), 18 * mm, "RIGHT"),
        Column(i18n.tr("sweep.col.status", lang), 70 * mm),
        Column(i18n.tr("reports.col_notes", lang), width - 215 * mm),
    ]
    table = [[str(index), lines[row.household_id].address, lines[row.household_id].code,
              lines[row.household_id].head, str(row.attempts) if row.attempts else "", boxes, ""]
             for index, row in enumerate(rows, start=1)]
    story: list[Flowable] = [TitleBlock(report_settings(store, lang), today, None, lang)]
    story += document_title(i18n.tr("reports.kind_list", lang), summary, styles, width)
    story.append(paragraph(_t("walk_count", lang, count=number(len(rows), lang),
                              ends=day(campaign.ends_on)), styles.note))
    story.append(paragraph(_t("checklist", lang), styles.subheading))
    story += [paragraph(checklist_line(q, lang), styles.body) for q in campaign.questions if not q.retired]
    story.append(Spacer(1, 4 * mm))
    story.append(PagedTable(columns, table, lang=lang, min_row_height=10 * mm))
    build_pdf(out, story, landscape_pages=True, progress=progress, cancelled=cancelled,
              message=i18n.tr("reports.progress_layout", lang), invariant=invariant, title=summary)
    audit.record(store, "print", "campaigns", campaign.id, {"report": "campaign_walk_list", "rows": len(rows)},
                 actor=actor)
    return rows


def _scope_name(store: Store, area_id: str | None, officer_id: str | None, lang: str | None) -> str:
    if area_id is not None:
        row = store.conn.execute("SELECT name FROM areas WHERE id = ?", (area_id,)).fetchone()
        return str(row[0]) if row else i18n.tr("sweep.no_area", lang)
    if officer_id is not None:
        row = store.conn.execute("SELECT COALESCE(full_name, username) FROM users WHERE id = ?",
                                 (officer_id,)).fetchone()
        return str(row[0]) if row else i18n.tr("sweep.unassigned", lang)
    return _t("whole_sweep", lang)


def _tally_rows(tallies: list[QuestionTally], lang: str | None) -> list[list[object]]:
    """Rows of the tallies table: a question's line, then one line per answer (or the numbers' sum and mean)."""
    rows: list[list[object]] = []
    for item in tallies:
        question = item.question
        heading = f"{question.position}. {question.label}" + (
            f" {i18n.tr('sweep.col.retired', lang)}" if question.retired else "")
        rows.append([heading, "", number(item.answered, lang), ""])
        if question.kind in ("yes_no", "one_choice", "several_choices"):
            options = ["yes", "no"] if question.kind == "yes_no" else list(question.choices)
            for option in options:
                count = item.counts.get(option, 0)
                share = percent(100 * count / item.answered, lang) if item.answered else ""
                rows.append(["", shown(question, option, lang), number(count, lang), share])
        elif question.kind == "number" and item.answered:
            unit = f" {question.unit}" if question.unit else ""
            rows.append(["", _t("sum", lang), f"{number(item.total, lang, decimals=1)}{unit}", ""])
            rows.append(["", _t("mean", lang), f"{number(item.mean or 0, lang, decimals=1)}{unit}", ""])
    return rows


@dataclass(frozen=True)
class ReportContent:
    """What the campaign report says, made once and drawn by the PDF (here) and the DOCX (`report_docx`)
    alike, so the two files say the same thing in the same words: rows are already formatted."""

    summary: str
    intro: str
    coverage: str
    area_rows: list[list[object]]
    area_total: list[object]
    tally_rows: list[list[object]]
    narrative: list[str]


def report_content(store: Store, campaign: Campaign, lang: str | None) -> ReportContent:
    """Coverage overall and per khu phố, the tallies of every question (retired ones included), the narrative."""
    rows = targets(store, campaign)
    overall = tally(rows)
    areas = dict(store.conn.execute("SELECT id, name FROM areas"))
    reached = overall.counts["reached"]
    groups = sorted(tallies_by(rows, "area_id"), key=lambda t: str(areas.get(t.key or "", "")))
    return ReportContent(
        summary=_t("report_summary", lang, name=campaign.name),
        intro=_t("intro", lang, purpose=campaign.purpose or campaign.name, starts=day(campaign.starts_on),
                 ends=day(campaign.ends_on)),
        coverage=_t("coverage", lang, total=number(overall.total, lang), reached=number(reached, lang),
                    share=percent(100 * reached / overall.total if overall.total else 0, lang),
                    retry=number(overall.counts["to_retry"], lang),
                    left=number(overall.counts["not_started"], lang),
                    other=number(overall.counts["other"], lang)),
        area_rows=[[areas.get(t.key or "", i18n.tr("sweep.no_area", lang)), number(t.total, lang),
                    *(number(t.counts[s], lang) for s in STATES)] for t in groups],
        area_total=[_t("total", lang), number(overall.total, lang),
                    *(number(overall.counts[s], lang) for s in STATES)],
        tally_rows=_tally_rows(question_tallies(campaign, result_rows(store, campaign, rows)), lang),
        narrative=[part for part in (campaign.narrative or "").split("\n") if part.strip()],
    )


def area_titles(lang: str | None) -> list[str]:
    """The headings of the coverage table by khu phố."""
    return [i18n.tr("sweep.col.area", lang), i18n.tr("campaign.cli.col.total", lang),
            *(i18n.tr(f"sweep.state.{state}", lang) for state in STATES)]


def tally_titles(lang: str | None) -> list[str]:
    """The headings of the tallies table."""
    return [_t("question", lang), _t("answer", lang), _t("count", lang), "%"]


def build_campaign_report(
    store: Store,
    campaign: Campaign,
    out: Path | str,
    *,
    lang: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    invariant: bool = False,
) -> None:
    """The sweep's report: coverage (households reached, to retry, not started) overall and per khu phố, the
    tallies of every question (retired ones included), the narrative, recipients and signature."""
    actor = authorize(store, "reports.view")
    lang = lang or i18n.current_language()
    today = today or clock.today()
    content = report_content(store, campaign, lang)
    styles = make_styles()
    width = body_width()
    settings = report_settings(store, lang)
    story: list[Flowable] = [TitleBlock(settings, today, "BC", lang)]
    story += document_title(i18n.tr("reports.kind_report", lang), content.summary, styles, width)
    story.append(paragraph(content.intro, styles.body))
    story.append(paragraph(content.coverage, styles.body))
    story.append(paragraph(_t("by_area", lang), styles.heading))
    area, total, *states = area_titles(lang)
    columns = [Column(area, width - 4 * 26 * mm - 24 * mm), Column(total, 24 * mm, "RIGHT"),
               *(Column(title, 26 * mm, "RIGHT") for title in states)]
    story.append(PagedTable(columns, content.area_rows, total=content.area_total, lang=lang))
    story.append(paragraph(_t("answers", lang), styles.heading))
    question, answer, count, share = tally_titles(lang)
    story.append(PagedTable([Column(question, width - 28 * mm - 22 * mm - 50 * mm), Column(answer, 50 * mm),
                             Column(count, 28 * mm, "RIGHT"), Column(share, 22 * mm, "RIGHT")],
                            content.tally_rows, lang=lang))
    if content.narrative:
        story.append(paragraph(_t("narrative", lang), styles.heading))
        story += [paragraph(part, styles.body) for part in content.narrative]
    story.append(closing_block(settings, styles, width, lang))
    build_pdf(out, story, progress=progress, cancelled=cancelled, message=i18n.tr("reports.progress_layout", lang),
              invariant=invariant, title=content.summary)
    audit.record(store, "print", "campaigns", campaign.id, {"report": "campaign_report"}, actor=actor)
