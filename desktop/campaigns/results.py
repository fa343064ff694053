"""A sweep's results: one row per household and one column per question (retired questions keep their column
and their answers), the tallies of each question, and the results workbook.

The rows follow `progress.targets`, so the results, the page and the report count the same households.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop import files, i18n
from desktop.campaigns.answers import number_value, shown
from desktop.campaigns.definition import Campaign, Question
from desktop.campaigns.progress import Target, targets
from desktop.errors import WardbookError
from desktop.register.labels import label
from desktop.store import Store


@dataclass(frozen=True)
class ResultRow:
    target: Target
    code: str
    address: str
    head: str
    area: str
    officer: str
    answers: dict[str, str]  # question id → stored answer


def result_rows(store: Store, campaign: Campaign, rows: list[Target] | None = None) -> list[ResultRow]:
    """The sweep's households with their status and answers (three queries, whatever the sweep's size)."""
    rows = targets(store, campaign) if rows is None else rows
    answers: dict[str, dict[str, str]] = {}
    for household_id, question_id, value in store.conn.execute(
            "SELECT household_id, question_id, value FROM campaign_answers WHERE campaign_id = ? "
            "AND deleted_hlc IS NULL AND value IS NOT NULL", (campaign.id,)):
        answers.setdefault(household_id, {})[question_id] = value
    households: dict[str, tuple[str, str, str, str]] = {row[0]: row[1:] for row in store.conn.execute(
        "SELECT h.id, h.code, TRIM(COALESCE(h.house_no, '') || ' ' || COALESCE(h.street, '')), "
        "COALESCE(p.full_name, ''), COALESCE(a.name, '') FROM households h "
        "LEFT JOIN people p ON p.id = h.head_person_id LEFT JOIN areas a ON a.id = h.area_id "
        "WHERE h.deleted_hlc IS NULL")}
    officers = dict(store.conn.execute("SELECT id, COALESCE(full_name, username) FROM users"))
    blank = ("", "", "", "")
    return [ResultRow(row, *(households.get(row.household_id) or blank), officers.get(row.officer_id, ""),
                      answers.get(row.household_id, {})) for row in rows]


@dataclass
class QuestionTally:
    """What one question's answers add up to: counts per answer (yes/no, choices), or the numbers' sum, mean and
    range, and how many households answered."""

    question: Question
    answered: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    total: float = 0.0
    low: float | None = None
    high: float | None = None

    @property
    def mean(self) -> float | None:
        return self.total / self.answered if self.answered and self.question.kind == "number" else None


def question_tallies(campaign: Campaign, rows: list[ResultRow]) -> list[QuestionTally]:
    tallies = [QuestionTally(question) for question in campaign.questions]
    for row in rows:
        for tally in tallies:
            value = row.answers.get(tally.question.id)
            if value is None:
                continue
            tally.answered += 1
            kind = tally.question.kind
            if kind in ("yes_no", "one_choice"):
                tally.counts[value] += 1
            elif kind == "several_choices":
                try:
                    tally.counts.update(json.loads(value))
                except (ValueError, TypeError):
                    continue
            elif kind == "number":
                number = number_value(value)
                if number is not None:
                    tally.total += number
                    tally.low = number if tally.low is None else min(tally.low, number)
                    tally.high = number if tally.high is None else max(tally.high, number)
    return tallies


def question_heading(question: Question, lang: str | None = None) -> str:
    heading = question.label + (f" ({question.unit})" if question.unit else "")
    return heading + (" " + i18n.tr("sweep.col.retired", lang) if question.retired else "")


_FIXED = ("household", "address", "head", "area", "officer", "status", "attempts", "last_on")


def write_results_xlsx(store: Store, campaign: Campaign, out: Path | str, lang: str | None = None,
                       cancelled: Callable[[], bool] | None = None) -> Path:
    """One row per household, one column per question (numbers as numbers, dates as dates), and a second
    sheet describing the questions; written to a temporary name and renamed. Answers and labels are text
    cells (`files.xlsx_text`): an answer typed as "=..." must not become a formula."""
    from datetime import date

    from openpyxl import Workbook

    rows = result_rows(store, campaign)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(i18n.tr("sweep.sheet.results", lang))
    sheet.append(files.xlsx_text(sheet, [*(i18n.tr(f"sweep.col.{name}", lang) for name in _FIXED),
                                         *(question_heading(q, lang) for q in campaign.questions)]))
    for number, row in enumerate(rows):
        if cancelled is not None and number % 1000 == 0 and cancelled():
            raise WardbookError("campaign.cancelled")
        target = row.target
        cells: list[object] = [row.code, row.address, row.head, row.area, row.officer,
                               label("sweep", target.status, lang) if target.status else "",
                               target.attempts or None,
                               date.fromisoformat(target.last_on) if target.last_on else None]
        for question in campaign.questions:
            value = row.answers.get(question.id)
            if question.kind == "number":
                cells.append(number_value(value))
            elif question.kind == "date" and value:
                cells.append(date.fromisoformat(value))
            else:
                cells.append(shown(question, value, lang) or None)
        sheet.append(files.xlsx_text(sheet, cells))
    about = workbook.create_sheet(i18n.tr("sweep.sheet.questions", lang))
    for question in campaign.questions:
        about.append(files.xlsx_text(about, [
            question.code, question.label, i18n.tr(f"campaign.kind.{question.kind}", lang),
            "; ".join(question.choices), question.unit, question.low, question.high,
            "*" if question.required else "", question.help,
            i18n.tr("sweep.col.retired", lang) if question.retired else ""]))
    return files.write_bytes(out, files.xlsx_bytes(workbook), kind="xlsx")
