"""Household sheet: one household's details, members, visits and cases on paper (from `household_detail`).

It carries personal data, so it says so on its face, and the citizen ID is printed masked as on screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from desktop import clock, i18n
from desktop.progress import Cancelled, Progress
from desktop.register.households import resolve_household
from desktop.register.labels import label, labels
from desktop.reports.document import (
    Styles,
    TitleBlock,
    body_width,
    build_pdf,
    document_title,
    make_styles,
    paragraph,
)
from desktop.reports.fonts import BOLD, REGULAR
from desktop.reports.formatting import clip, day, number
from desktop.reports.settings import report_settings
from desktop.reports.tables import Column, PagedTable
from desktop.security import audit
from desktop.security.session import authorize, visible_officer
from desktop.store.queries import household_detail
from desktop.store.rows import HouseholdDetail, MemberRow
from desktop.store.store import Store


def _opt(value: object) -> str | None:
    """A column value as text, None staying None (the labels and dates treat None as blank)."""
    return None if value is None else str(value)


def mask_id(value: object) -> str:
    """All but the last three characters hidden: enough to tell two cards apart, not to copy one."""
    shown = str(value or "")
    return "" if not shown else "*" * max(len(shown) - 3, 0) + shown[-3:]


def build_household_sheet(
    store: Store,
    household: str,
    out: Path | str,
    *,
    lang: str | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    invariant: bool = False,
) -> HouseholdDetail:
    """Write the sheet of the household with this id or code; returns the detail it printed (audited)."""
    actor = authorize(store, "register.edit")
    lang = lang or i18n.current_language()
    today = today or clock.today()
    detail = household_detail(store, resolve_household(store, household), officer_id=visible_officer(store))
    styles = make_styles()
    width = body_width()

    def t(key: str, **params: object) -> str:
        return i18n.tr(f"reports.{key}", lang, **params)

    address = f"{detail['house_no'] or ''} {detail['street'] or ''}".strip()
    summary = t("sheet_summary", code=detail["code"], address=address)
    story: list[Flowable] = [TitleBlock(report_settings(store, lang), today, None, lang)]
    story += document_title(t("kind_sheet"), summary, styles, width)
    story.append(paragraph(t("sheet_privacy"), styles.note))

    story.append(paragraph(t("sheet_general"), styles.heading))
    story.append(_facts(detail, address, styles, width, lang))

    story.append(paragraph(t("sheet_members"), styles.heading))
    people = detail["people"]
    story.append(
        PagedTable(
            [
                Column(t("col_no"), 10 * mm, "RIGHT"),
                Column(t("col_name"), 45 * mm),
                Column(t("col_gender"), 15 * mm),
                Column(t("col_birth_year"), 15 * mm, "CENTER"),
                Column(t("col_relation"), 27 * mm),
                Column(t("col_phone"), 23 * mm),
                Column(t("col_id_number"), 30 * mm),
            ],
            [
                [
                    str(index),
                    _member_name(person, lang),
                    label("gender", _opt(person["gender"]), lang),
                    person["birth_year"] or "",
                    person["relation_to_head"] or "",
                    person["phone"] or "",
                    mask_id(person["id_number"]),
                ]
                for index, person in enumerate(people, start=1)
            ],
            lang=lang,
        )
    )

    story.append(paragraph(t("sheet_visits"), styles.heading))
    visits = detail["visits"]
    story.append(
        PagedTable(
            [
                Column(t("col_date"), 22 * mm, "CENTER"),
                Column(t("col_purposes"), 38 * mm),
                Column(t("col_outcome"), 20 * mm),
                Column(t("col_findings"), 45 * mm),
                Column(t("col_follow_up"), 22 * mm, "CENTER"),
                Column(t("col_support"), 18 * mm, "RIGHT"),
            ],
            [
                [
                    day(str(visit["visited_at"])),
                    labels("purpose", _opt(visit["purposes"]), lang),
                    t("voided") if visit["voided"] else label("outcome", _opt(visit["outcome"]), lang),
                    visit["findings"] or "",
                    day(_opt(visit["follow_up_due"])),
                    number(int(str(visit["support_vnd"])), lang) if visit["support_vnd"] else "",
                ]
                for visit in visits
            ],
            lang=lang,
        )
    )

    story.append(paragraph(t("sheet_cases"), styles.heading))
    cases = detail["cases"]
    story.append(
        PagedTable(
            [
                Column(t("col_received"), 25 * mm, "CENTER"),
                Column(t("col_case_kind"), 28 * mm),
                Column(t("col_title"), 62 * mm),
                Column(t("col_status"), 27 * mm),
                Column(t("col_due"), 23 * mm, "CENTER"),
            ],
            [
                [
                    day(_opt(case["received_on"])),
                    label("case_kind", _opt(case["kind"]), lang),
                    case["title"] or "",
                    label("case_status", _opt(case["status"]), lang),
                    day(_opt(case["due_on"])),
                ]
                for case in cases
            ],
            lang=lang,
        )
    )
    build_pdf(
        out,
        story,
        progress=progress,
        cancelled=cancelled,
        message=t("progress_layout"),
        invariant=invariant,
        title=summary,
    )
    audit.record(store, "print", "households", str(detail["id"]), {"report": "household_sheet"}, actor=actor)
    return detail


def _member_name(person: MemberRow, lang: str | None) -> str:
    name = str(person["full_name"] or "")
    if person["moved_out_on"]:
        return f"{name} ({i18n.tr('reports.moved_out', lang, date=day(str(person['moved_out_on'])))})"
    return name


def _facts(detail: HouseholdDetail, address: str, styles: Styles, width: float, lang: str | None) -> Table:
    """The household's key facts as a two-column list without rules."""

    def t(key: str) -> str:
        return i18n.tr(f"reports.{key}", lang)

    facts = [
        (t("field_code"), detail["code"]),
        (t("field_address"), address),
        (t("field_area"), detail["area"]),
        (t("field_head"), detail["head"]),
        (t("field_phone"), detail["phone"]),
        (t("field_flags"), labels("flag", detail["flags"], lang)),
        (t("field_members"), detail["members"]),
        (t("field_last_visit"), day(_opt(detail["last_visit"])) if detail["last_visit"] else t("never")),
    ]
    table = Table(
        [[paragraph(name, styles.cell_bold), paragraph(clip(value or ""), styles.cell)] for name, value in facts],
        colWidths=[45 * mm, width - 45 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (0, -1), BOLD),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table
