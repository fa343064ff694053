"""The campaign report as a Word document (DOCX), for the team lead to finish in Word as wards do: the number,
a last sentence, the signature.

It says what the PDF says (`documents.report_content`: the same sentences and the same formatted figures) and
is drawn by the review's Word writer (`desktop.reports.review_docx`), so it has the review's Decree 30 layout:
the title block, "BÁO CÁO" and the summary line, the 13 pt body, the tables with repeated header rows, "Nơi
nhận" beside the signature. As in the PDF, no "Kính gửi" line: the sweep's report goes to the ward's own
leaders.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop import clock, i18n
from desktop.campaigns.definition import Campaign
from desktop.campaigns.documents import area_titles, report_content, tally_titles
from desktop.reports.review_doc import Block, ReviewDocument
from desktop.reports.review_docx import write_review_docx
from desktop.reports.review_tables import DataTable, Field
from desktop.reports.settings import report_settings
from desktop.security import audit
from desktop.security.session import authorize
from desktop.store import Store

BODY_MM = 210 - 45  # A4 less the decree's left (30 mm) and right (15 mm) margins


def _t(key: str, lang: str | None) -> str:
    return i18n.tr(f"campaign.doc.{key}", lang)


def build_campaign_report_docx(
    store: Store,
    campaign: Campaign,
    out: Path | str,
    *,
    lang: str | None = None,
    today: date | None = None,
) -> Path:
    """Write the sweep's report as DOCX into `out`, atomically; the print is audited as the PDF's is."""
    actor = authorize(store, "reports.view")
    lang = lang or i18n.current_language()
    content = report_content(store, campaign, lang)
    area, total, *states = area_titles(lang)
    areas = DataTable("campaign_areas", _t("by_area", lang),
                      [Field(area, BODY_MM - 24 - 26 * len(states)), Field(total, 24, "shown"),
                       *(Field(title, 26, "shown") for title in states)],
                      content.area_rows, content.area_total)
    question, answer, count, share = tally_titles(lang)
    answers = DataTable("campaign_answers", _t("answers", lang),
                        [Field(question, BODY_MM - 50 - 28 - 22), Field(answer, 50), Field(count, 28, "shown"),
                         Field(share, 22, "shown")], content.tally_rows)
    blocks = [Block("body", content.intro), Block("body", content.coverage),
              Block("heading", areas.title), Block("table", table=areas),
              Block("heading", answers.title), Block("table", table=answers)]
    if content.narrative:
        blocks.append(Block("heading", _t("narrative", lang)))
        blocks += [Block("body", part) for part in content.narrative]
    settings = replace(report_settings(store, lang), addressee="")
    written = write_review_docx(ReviewDocument(content.summary, blocks), settings, out,
                                issued_on=today or clock.today(), lang=lang)
    audit.record(store, "print", "campaigns", campaign.id, {"report": "campaign_report", "format": "docx"},
                 actor=actor)
    return written
