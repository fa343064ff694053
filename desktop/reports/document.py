"""The administrative document layout of Decree 30/2020/NĐ-CP, as reportlab flowables and a page template.

What the decree fixes and this module draws: A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; a
two-column title block (issuing body in upper case bold over a short rule; the national title and motto
in bold with a rule as long as the motto; the number line "Số:     /BC-…" left blank for the clerk; the
italic place and date line); the document kind "BÁO CÁO" with its summary line and a short rule; a 13 pt
justified body; the "Nơi nhận:" block beside the signature block; page numbers centred in the top margin
from page 2 on. Landscape pages (walk lists) keep the same margins, turned with the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop import files, i18n
from desktop.collector import collector_paused
from desktop.errors import WardbookError
from desktop.progress import Cancelled, Progress
from desktop.reports.fonts import BOLD, BOLD_ITALIC, ITALIC, REGULAR, register_fonts, text_width, write
from desktop.reports.formatting import date_line, markup, text
from desktop.reports.settings import ReportSettings
from desktop.reports.tables import PagedTable

MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
MARGIN_LEFT = 30 * mm
MARGIN_RIGHT = 15 * mm
BODY_SIZE = 13
TABLE_SIZE = 11


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    caption: ParagraphStyle
    title: ParagraphStyle
    summary: ParagraphStyle
    addressee: ParagraphStyle
    reference: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    note: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.3,
        alignment=TA_JUSTIFY,
        firstLineIndent=10 * mm,
        spaceAfter=6,
    )
    cell = ParagraphStyle(
        "cell", fontName=REGULAR, fontSize=TABLE_SIZE, leading=TABLE_SIZE * 1.2, alignment=TA_LEFT
    )
    return Styles(
        body=body,
        heading=ParagraphStyle(
            "heading", parent=body, fontName=BOLD, firstLineIndent=10 * mm, spaceBefore=6, keepWithNext=1
        ),
        # numbered sub-headings ("1. Thăm hộ …") upright bold, as the decree's model reports set them
        subheading=ParagraphStyle(
            "subheading", parent=body, fontName=BOLD, firstLineIndent=10 * mm, spaceBefore=6, keepWithNext=1
        ),
        caption=ParagraphStyle(
            "caption",
            parent=body,
            fontName=ITALIC,
            fontSize=12,
            leading=15,
            alignment=TA_CENTER,
            firstLineIndent=0,
            spaceBefore=4,
            spaceAfter=4,
        ),
        title=ParagraphStyle(
            "title", fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER, spaceBefore=18
        ),
        summary=ParagraphStyle("summary", fontName=BOLD, fontSize=14, leading=18, alignment=TA_CENTER),
        addressee=ParagraphStyle(
            "addressee", fontName=REGULAR, fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=6
        ),
        # an annex's reference line: italic, 14 pt (the decree: 13 to 14), centred under its title
        reference=ParagraphStyle(
            "reference", fontName=ITALIC, fontSize=14, leading=18, alignment=TA_CENTER, spaceAfter=4
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        note=ParagraphStyle(
            "note", parent=body, fontName=ITALIC, fontSize=12, leading=15, firstLineIndent=0, keepWithNext=1
        ),
    )


def paragraph(value: object, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(value), style)


def issuer_rule(last_line: str) -> float:
    """The rule under the issuing body: half its last line (the decree: a third to a half of the line above,
    centred on it), so it never outruns a short last line."""
    return 0.5 * text_width(text(last_line), BOLD, 12)


class _Lines:
    """Centred lines of one column of the title block, each with its font, and rules under chosen lines."""

    def __init__(self, width: float) -> None:
        self.width = width
        self.items: list[tuple[str, str, float]] = []  # (text, font, size); text "" + font "rule" is a rule
        self.rules: list[tuple[int, float]] = []  # (index of the line above, rule length)

    def add(self, value: str, font: str, size: float) -> None:
        for line in simpleSplit(text(value), font, size, self.width):
            self.items.append((line, font, size))

    def rule(self, length: float) -> None:
        self.rules.append((len(self.items) - 1, min(length, self.width)))

    def line_width(self, index: int) -> float:
        line, font, size = self.items[index]
        return text_width(line, font, size)


class TitleBlock(Flowable):
    """The two-column block that opens every official document (issuer | national title), ending with the
    number line and the place-and-date line on the same baseline."""

    LEADING = 1.25
    RULE_GAP = 3.0

    def __init__(
        self, settings: ReportSettings, issued_on: date, kind_code: str | None, lang: str | None = None
    ) -> None:
        """`kind_code` ("BC") makes the number line "Số:     /BC-…"; None leaves it out (working papers)."""
        super().__init__()
        self.settings = settings
        self.issued_on = issued_on
        self.kind_code = kind_code
        self.lang = lang

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        left_width = available_width * 0.42
        right_width = available_width - left_width
        left, right = _Lines(left_width - 6), _Lines(right_width)
        if self.settings.superior_body:
            left.add(self.settings.superior_body, REGULAR, 12)
        left.add(self.settings.issuing_body, BOLD, 12)
        left.rule(issuer_rule(left.items[-1][0]))
        right.add(i18n.tr("reports.national_title", self.lang), BOLD, 12)
        right.add(i18n.tr("reports.motto", self.lang), BOLD, 13)
        right.rule(right.line_width(len(right.items) - 1))
        number = (
            i18n.tr("reports.number_line", self.lang, kind=self.kind_code, symbol=self.settings.symbol)
            if self.kind_code
            else ""
        )
        self.columns = ((0.0, left), (left_width, right))
        self.top_height = max(self._height(left), self._height(right))
        self.bottom_left = [text(number)] if number else []  # as is: simpleSplit would close up the blank
        self.bottom_right, self.date_size = date_line(self.settings.place, self.issued_on, right_width, self.lang)
        lines_below = max(len(self.bottom_left), len(self.bottom_right))
        self.height = self.top_height + 8 + lines_below * 13 * self.LEADING
        return available_width, self.height

    def _height(self, lines: _Lines) -> float:
        return sum(size * self.LEADING for _, _, size in lines.items) + (
            self.RULE_GAP + 2 if lines.rules else 0
        )

    def draw(self) -> None:
        canvas = self.canv
        for x, lines in self.columns:
            centre = x + lines.width / 2 + (3 if x == 0 else 0)
            y = self.height
            rules = dict(lines.rules)
            for index, (line, font, size) in enumerate(lines.items):
                y -= size * self.LEADING
                _draw_centred(canvas, centre, y + size * 0.25, line, font, size)
                if index in rules:
                    rule_y = y - self.RULE_GAP + size * 0.25 - 1
                    canvas.setLineWidth(0.6)
                    canvas.line(centre - rules[index] / 2, rule_y, centre + rules[index] / 2, rule_y)
        y_below = self.height - self.top_height - 8
        left_centre = self.columns[0][1].width / 2 + 3
        right_x, right = self.columns[1]
        for below, font, centre, size in (
            (self.bottom_left, REGULAR, left_centre, 13.0),
            (self.bottom_right, ITALIC, right_x + right.width / 2, self.date_size),
        ):
            y = y_below
            for line in below:
                y -= 13 * self.LEADING  # a smaller date line keeps the number line's baseline
                _draw_centred(canvas, centre, y + 13 * 0.25, line, font, size)


def _draw_centred(canvas: Canvas, centre: float, y: float, line: str, font: str, size: float) -> None:
    """A line centred on `centre`, each run in its font (a place or a body's name may hold Chinese)."""
    words = canvas.beginText(centre - text_width(line, font, size) / 2, y)
    write(words, line, font, size, size * 1.2, None)
    canvas.drawText(words)


class CentredRule(Flowable):
    """A short centred rule (a third of the line above), as under a document's summary line."""

    def __init__(self, length: float) -> None:
        super().__init__()
        self.length = length

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 8

    def draw(self) -> None:
        self.canv.setLineWidth(0.6)
        self.canv.line((self.width - self.length) / 2, 5, (self.width + self.length) / 2, 5)


def document_title(kind: str, summary: str, styles: Styles, body_width: float) -> list[Flowable]:
    """ "BÁO CÁO" and its summary line (bold, centred) with the short rule under it."""
    lines = simpleSplit(text(summary), BOLD, 14, body_width)
    widest = max((text_width(line, BOLD, 14) for line in lines), default=0.0)
    return [
        paragraph(kind, styles.title),
        paragraph(summary, styles.summary),
        CentredRule(widest / 3),
        Spacer(1, 6),
    ]


def closing_block(
    settings: ReportSettings, styles: Styles, body_width: float, lang: str | None = None
) -> Table:
    """ "Nơi nhận:" on the left, the signature block on the right, kept on one page."""
    recipients_style = ParagraphStyle("recipients", fontName=REGULAR, fontSize=11, leading=13)
    left: list[Flowable] = [
        Paragraph(
            markup(i18n.tr("reports.recipients", lang)),
            ParagraphStyle("recipients_title", fontName=BOLD_ITALIC, fontSize=12, leading=15),
        )
    ]
    left += [Paragraph(markup(f"- {line}"), recipients_style) for line in settings.recipients]
    centred = ParagraphStyle("sign", fontName=BOLD, fontSize=13, leading=16, alignment=TA_CENTER)
    right: list[Flowable] = []
    if settings.signer_capacity:
        right.append(paragraph(settings.signer_capacity, centred))
    right.append(paragraph(settings.signer_post, centred))
    right.append(Spacer(1, 28 * mm))  # room for the signature and the seal
    right.append(paragraph(settings.signer_name or " ", centred))
    table = Table([[left, right]], colWidths=[body_width * 0.45, body_width * 0.55])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ]
        )
    )
    table.spaceBefore = 12
    table.keepWithNext = 0
    return table


class OfficialDocTemplate(BaseDocTemplate):
    """A4 document with the decree's margins, page numbers from page 2, progress and cancel per flowable."""

    def __init__(
        self,
        filename: str,
        *,
        landscape_pages: bool = False,
        total_work: int = 1,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        message: str = "",
        invariant: bool = False,
        title: str = "",
        author: str = "",
    ) -> None:
        pagesize = landscape(A4) if landscape_pages else A4
        super().__init__(
            filename,
            pagesize=pagesize,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            initialFontName=REGULAR,
            initialFontSize=BODY_SIZE,
            invariant=int(invariant),
            title=title,
            author=author,
            creator="WardBook",
            subject=title,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._page_number)])
        self.total_work = max(total_work, 1)
        self.done_work = 0
        self.progress = progress
        self.cancelled = cancelled
        self.message = message

    def _page_number(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Page numbers are centred in the top margin, from the second page on."""
        if doc.page >= 2:
            canvas.saveState()
            canvas.setFont(REGULAR, BODY_SIZE)
            canvas.drawCentredString(
                self.leftMargin + self.width / 2, self.pagesize[1] - self.topMargin / 2 - 4, str(doc.page)
            )
            canvas.restoreState()

    def handle_keepWithNext(self, flowables: list[Flowable]) -> None:
        """Keep headings (and notes) with what follows them. reportlab does so by laying them out as one
        block with it, which a `PagedTable` cannot join (it never claims to fit): the block would go to a new
        page whole, leaving the rest of this one blank. The table takes them into its lead instead, which
        keeps them with its first rows."""
        heads = 0
        while heads < len(flowables) and flowables[heads].getKeepWithNext():
            heads += 1
        following = flowables[heads] if heads < len(flowables) else None
        if heads and isinstance(following, PagedTable):
            flowables[: heads + 1] = [following.led_by(flowables[:heads])]
        super().handle_keepWithNext(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:
        self.done_work += int(getattr(flowable, "work", 1))
        if self.progress:
            self.progress(min(self.done_work, self.total_work), self.total_work, self.message)
        if self.cancelled is not None and self.cancelled():
            raise WardbookError("reports.cancelled")


def story_work(story: Sequence[Flowable]) -> int:
    """How much progress a story will report: one per flowable, one per table row for paged tables."""
    return sum(int(getattr(flowable, "total_work", 1)) for flowable in story)


def build_pdf(
    out: Path | str,
    story: list[Flowable],
    *,
    landscape_pages: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    message: str = "",
    invariant: bool = False,
    title: str = "",
) -> Path:
    """Lay out `story` into `out`, atomically: a cancelled or failed build leaves no file behind."""
    out = Path(out)
    # Every flowable of the story lives until the last page is laid out: the collector waits (`desktop.collector`).
    with files.atomic_output(out, kind="pdf") as temp, collector_paused():
        doc = OfficialDocTemplate(
            str(temp),
            landscape_pages=landscape_pages,
            total_work=story_work(story),
            progress=progress,
            cancelled=cancelled,
            message=message,
            invariant=invariant,
            title=text(title),
            author="WardBook",
        )
        doc.build(story)
    return out


def body_width(landscape_pages: bool = False) -> float:
    page_width = landscape(A4)[0] if landscape_pages else A4[0]
    return float(page_width - MARGIN_LEFT - MARGIN_RIGHT)
