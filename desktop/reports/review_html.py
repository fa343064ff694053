"""The review as simple HTML, for the app to print through the system's print dialog (Qt lays it out).

The app ships no PDF renderer (PySide6-Essentials has no QtPdf), so it cannot print the PDF's pages itself;
it prints the same `review_document` blocks — title block, narrative, tables, signature, annexes — set in
Times New Roman like the PDF. The PDF stays the reference copy; this is what "Print" sends to the printer.
"""

from __future__ import annotations

from datetime import date
from html import escape

from desktop import i18n
from desktop.reports.formatting import place_and_date, text
from desktop.reports.review_doc import KIND_CODE, ReviewDocument, annex_reference
from desktop.reports.review_tables import DataTable
from desktop.reports.settings import ReportSettings

_STYLE = (
    "body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 13pt; }"
    "p { margin: 0 0 6pt 0; text-align: justify; text-indent: 10mm; }"
    "p.c { text-align: center; text-indent: 0; }"
    "table.grid { border-collapse: collapse; margin: 0 auto 6pt auto; font-size: 11pt; }"
    "table.grid td, table.grid th { border: 1px solid black; padding: 2px 4px; }"
)


def _e(value: object) -> str:
    return escape(text(value)).replace("\n", "<br/>")


def _t(msg_id: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"reports.{msg_id}", lang, **params)


def review_html(
    document: ReviewDocument, settings: ReportSettings, issued_on: date, lang: str | None = None
) -> str:
    """The whole review as one HTML page."""
    parts = [f"<html><head><style>{_STYLE}</style></head><body>"]
    issuer = (f"{_e(settings.superior_body)}<br/>" if settings.superior_body else "") + (
        f"<b>{_e(settings.issuing_body)}</b>"
    )
    number = _e(_t("number_line", lang, kind=KIND_CODE, symbol=settings.symbol))
    national = f"<b>{_e(_t('national_title', lang))}</b><br/><b><u>{_e(_t('motto', lang))}</u></b>"
    dated = f"<i>{_e(place_and_date(settings.place, issued_on, lang))}</i>"
    parts.append(
        '<table width="100%"><tr>'
        f'<td width="42%" align="center">{issuer}<br/>{number}</td>'
        f'<td align="center">{national}<br/>{dated}</td></tr></table>'
    )
    parts.append(f'<p class="c"><b>{_e(_t("kind_report", lang))}</b><br/><b>{_e(document.summary)}</b></p>')
    if settings.addressee:
        parts.append(f'<p class="c">{_e(_t("addressee", lang, to=settings.addressee))}</p>')
    for block in document.blocks:
        if block.kind == "table" and block.table is not None:
            parts.append(f'<p class="c"><i>{_e(block.caption)}</i></p>')
            parts.append(_table(block.table, lang))
        elif block.kind in ("heading", "subheading"):
            parts.append(f"<p><b>{_e(block.text)}</b></p>")
        elif block.kind == "lead":
            parts.append(f"<p><i>{_e(block.lead_in)}</i>{_e(block.text)}</p>")
        elif block.kind == "note":
            parts.append(f"<p><i>{_e(block.text)}</i></p>")
        elif block.kind == "body":
            parts.append(f"<p>{_e(block.text)}</p>")
    parts.append(f"<p>{_e(document.closing)}</p>")
    recipients = "<br/>".join(f"- {_e(line)}" for line in settings.recipients)
    signer = "<br/>".join(f"<b>{_e(line)}</b>" for line in (settings.signer_capacity, settings.signer_post) if line)
    parts.append(
        '<table width="100%"><tr>'
        f'<td width="45%"><b><i>{_e(_t("recipients", lang))}</i></b><br/>{recipients}</td>'
        f'<td align="center">{signer}<br/><br/><br/><br/><br/><b>{_e(settings.signer_name)}</b></td>'
        "</tr></table>"
    )
    reference = annex_reference(settings, issued_on, lang)
    for annex in document.annexes:
        parts.append('<p class="c" style="page-break-before: always">')
        parts.append(f"<b>{_e(_t('annex_label', lang, number=annex.number))}</b><br/>")
        parts.append(f"<b>{_e(annex.table.title.upper())}</b><br/><i>{_e(reference)}</i></p>")
        parts.append(_table(annex.table, lang))
    parts.append("</body></html>")
    return "".join(parts)


def _table(table: DataTable, lang: str | None) -> str:
    align = {"LEFT": "left", "RIGHT": "right", "CENTER": "center"}
    rows = ["<tr>" + "".join(f"<th>{_e(field.title)}</th>" for field in table.fields) + "</tr>"]
    body = table.rows + ([table.total] if table.total is not None else [])
    for index, row in enumerate(body):
        bold = table.total is not None and index == len(body) - 1
        cells = "".join(
            f'<td align="{align[field.align]}">{"<b>" if bold else ""}{_e(field.show(value, lang))}'
            f'{"</b>" if bold else ""}</td>'
            for field, value in zip(table.fields, row, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    return f'<table class="grid" cellspacing="0">{"".join(rows)}</table>'
