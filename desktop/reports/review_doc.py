"""The review as a list of blocks — headings, paragraphs, tables, charts, the closing, the annexes — made once
from the figures and the narrative, and drawn by the PDF (`review`) and the DOCX (`review_docx`) alike, so
the two files say the same thing in the same order.

A sơ kết (month, quarter, half-year) and a tổng kết (year) have their own layouts: the tổng kết opens with
"Đặc điểm tình hình", reports the year's results with a table by quarter, and gives emulation and
commendations a part of their own before the next year's tasks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop import i18n
from desktop.reports.figures import ReviewFigures, mean_days
from desktop.reports.formatting import NUMBER_BLANK, number, percent, written_date
from desktop.reports.narrative import next_period_title, texts
from desktop.reports.periods import short_date
from desktop.reports.review_tables import DataTable, review_tables
from desktop.reports.settings import ReportSettings

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
KIND_CODE = "BC"


@dataclass(frozen=True)
class Block:
    """One block of the document. `kind`: heading, subheading, body, lead (a body paragraph starting with an
    italic run, `lead_in`), note, table, chart (`chart` names the drawing: coverage or visits_month)."""

    kind: str
    text: str = ""
    lead_in: str = ""
    table: DataTable | None = None
    caption: str = ""
    chart: str = ""


@dataclass(frozen=True)
class Annex:
    number: str  # Roman numeral
    table: DataTable


@dataclass
class ReviewDocument:
    summary: str  # "Sơ kết công tác địa bàn quý II năm 2026"
    blocks: list[Block] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    closing: str = ""


def _t(msg_id: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"reports.{msg_id}", lang, **params)


def scope_text(figures: ReviewFigures, lang: str | None) -> str:
    return _t("scope_area", lang, area=figures.scope.area_name) if figures.scope.area_name else ""


def review_summary_line(figures: ReviewFigures, lang: str | None) -> str:
    msg = "review_summary_annual" if figures.period.kind == "year" else "review_summary_interim"
    return _t(msg, lang, period=figures.period.title(lang), scope=scope_text(figures, lang))


def annex_keys(figures: ReviewFigures, annex_names: bool) -> tuple[str, ...]:
    """The annexes' tables in order. The list of activities only when there were some: an annex that says
    "Không có" is a page for nothing. Lists naming residents (heads of households not visited or with an
    overdue follow-up) go to superiors only when asked for (`annex_names`, recorded in the audit log); by
    default the review counts them by khu phố and officer, and the walk list names them."""
    activities = ("activities",) if figures.activities else ()
    if annex_names and not figures.names:
        raise ValueError("the figures were read without the households' names (review_figures(names=True))")
    return (*activities, "not_visited", "overdue") if annex_names else activities


def annex_reference(settings: ReportSettings, issued_on: date, lang: str | None) -> str:
    """ "(Kèm theo Báo cáo số       /BC-UBND ngày 05 tháng 7 năm 2026 của Ủy ban nhân dân …)": the number left
    blank for the clerk (no-break spaces, which a paragraph does not close up), the date, the issuer."""
    return _t(
        "annex_reference",
        lang,
        blank=NUMBER_BLANK,
        kind=KIND_CODE,
        symbol=settings.symbol,
        date=written_date(issued_on, lang),
        issuer=settings.issuer_name,
    )


class _Builder:
    def __init__(self, figures: ReviewFigures, lang: str | None) -> None:
        self.figures = figures
        self.lang = lang
        self.tables = review_tables(figures, lang)
        self.blocks: list[Block] = []
        self.table_count = 0
        self.chart_count = 0

    def add(self, kind: str, text: str = "", lead_in: str = "") -> None:
        self.blocks.append(Block(kind, text, lead_in))

    def words(self, text: str) -> None:
        """A section's text: one body paragraph per line the lead wrote."""
        for line in text.splitlines():
            if line.strip():
                self.add("body", line.strip())

    def table(self, key: str) -> None:
        self.table_count += 1
        table = self.tables[key]
        caption = _t("table_caption", self.lang, number=self.table_count, title=table.title)
        self.blocks.append(Block("table", table=table, caption=caption))

    def chart(self, name: str, title_id: str) -> None:
        self.chart_count += 1
        caption = _t("chart_caption", self.lang, number=self.chart_count, title=_t(title_id, self.lang))
        self.blocks.append(Block("chart", caption=caption, chart=name))


def review_document(
    figures: ReviewFigures, written: dict[str, str], lang: str | None = None, *, annex_names: bool = False
) -> ReviewDocument:
    """The review's blocks: the narrative (`written` sections, drafts elsewhere) around the figures."""
    f = figures
    annual = f.period.kind == "year"
    words = texts(f, written, lang)
    b = _Builder(f, lang)
    b.words(words["plan"])

    b.add("heading", _t("sec_situation_annual" if annual else "sec_situation", lang))
    b.add("subheading", _t("sub_area", lang))
    b.add(
        "body",
        _t(
            "text_general",
            lang,
            households=number(f.households, lang),
            people=number(f.people, lang),
            areas=number(len(f.coverage), lang),
        ),
    )
    b.table("summary")
    b.add("subheading", _t("sub_leadership", lang))
    b.words(words["leadership"])

    if annual:
        b.add("heading", _t("sec_results_annual", lang, period=f.period.title(lang).upper()))
    else:
        b.add("heading", _t("sec_results", lang))
    b.words(words["results"])
    _results(b, annual)

    b.add("heading", _t("sec_assessment", lang))
    b.add("subheading", _t("sub_strengths", lang))
    b.words(words["strengths"])
    b.add("subheading", _t("sub_limitations", lang))
    b.words(words["limitations"])
    b.add("subheading", _t("sub_causes", lang))
    b.add("lead", words["causes_internal"], lead_in=_t("causes_internal", lang))
    b.add("lead", words["causes_external"], lead_in=_t("causes_external", lang))
    b.add("subheading", _t("sub_lessons", lang))
    b.words(words["lessons"])

    if annual:
        b.add("heading", _t("sec_emulation", lang))
        _commendations(b)
    next_title = next_period_title(f, lang, upper=True)
    b.add("heading", _t("sec_tasks_annual" if annual else "sec_tasks", lang, next=next_title))
    b.words(words["tasks"])
    b.add("heading", _t("sec_proposals_annual" if annual else "sec_proposals", lang))
    b.words(words["proposals"])

    return ReviewDocument(
        summary=review_summary_line(f, lang),
        blocks=b.blocks,
        annexes=[Annex(ROMAN[index], b.tables[key]) for index, key in enumerate(annex_keys(f, annex_names))],
        closing=_t("closing", lang, period=f.period.title(lang), scope=scope_text(f, lang)),
    )


def _visits_text(f: ReviewFigures, lang: str | None) -> str:
    """The visits and the coverage in words; with no household in the scope at the cut-off there is no rate, and
    "đến được 0/0 hộ, đạt —" said nothing a reader could sign."""
    if f.households:
        return _t(
            "text_visits",
            lang,
            visits=number(f.visits, lang),
            visited=number(f.households_visited, lang),
            households=number(f.households, lang),
            rate=percent(f.coverage_percent, lang),
            not_visited=number(len(f.not_visited), lang),
            never=number(f.never_visited, lang),
        )
    cutoff = short_date(f.cutoff)
    if f.visits:
        return _t("text_visits_no_households", lang, visits=number(f.visits, lang), cutoff=cutoff)
    return _t("text_visits_none", lang, cutoff=cutoff)


def _results(b: _Builder, annual: bool) -> None:
    f, lang = b.figures, b.lang
    b.add("subheading", _t("sub_visits", lang))
    b.add("body", _visits_text(f, lang))
    b.table("coverage")
    b.table("not_visited_by_officer")
    b.chart("coverage", "chart_coverage")
    b.chart("visits_month", "chart_visits_month")
    b.table("visits_by_quarter" if annual else "visits_by_month")
    b.add("note", _t("purpose_note", lang))
    b.table("visits_by_purpose")
    b.table("visits_by_outcome")

    b.add("subheading", _t("sub_support", lang))
    items = sum(line.items for line in f.support)
    b.add(
        "body",
        _t("text_support", lang, items=number(items, lang), value=number(f.support_value_vnd, lang))
        if items
        else _t("text_no_support", lang),
    )
    b.table("support")

    b.add("subheading", _t("sub_follow_ups", lang))
    b.add(
        "body",
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
    )
    b.table("follow_ups")

    b.add("subheading", _t("sub_cases", lang))
    received = sum(line.total for line in f.cases)
    resolved = sum(line.resolved for line in f.cases)
    mean = mean_days(sum(line.resolution_days for line in f.cases), resolved)
    b.add(
        "body",
        _t("text_cases", lang, total=number(received, lang), resolved=number(resolved, lang),
           mean=number(mean, lang, 1))
        if mean is not None
        else _t("text_cases_unresolved", lang, total=number(received, lang)),
    )
    b.table("cases")

    b.add("subheading", _t("sub_activities", lang))
    b.add(
        "body",
        _t(
            "text_activities",
            lang,
            count=number(len(f.activities), lang),
            attendance=number(f.attendance, lang),
            annex=ROMAN[0],  # the first annex, when there are activities to list
        )
        if f.activities
        else _t("text_no_activities", lang),
    )
    b.table("activities_by_kind")

    b.add("subheading", _t("sub_officers", lang))
    b.table("officers")
    if not annual:
        b.add("subheading", _t("sub_commendations", lang))
        _commendations(b)
    _outcomes(b, "7." if annual else "8.")


def _outcomes(b: _Builder, number_label: str) -> None:
    """What the ward's work achieved beyond counts (`desktop.reports.outcomes`): tips, mediations, people under
    reintegration support, community models, each a sentence and its table."""
    from desktop.reports.outcomes import outcome_heading, outcome_paragraphs

    assert b.figures.outcomes is not None
    b.add("subheading", outcome_heading(number_label, b.lang))
    for key, text in outcome_paragraphs(b.figures.outcomes, b.lang).items():
        b.add("body", text)
        b.table(key)


def _commendations(b: _Builder) -> None:
    if b.figures.commendations:
        b.table("commendations")
    else:
        b.add("body", _t("text_no_commendations", b.lang))

