"""`PagedTable`: a table of any length laid out page by page in linear time.

reportlab sizes a whole `Table` on every split, so a 10k-row table costs seconds and grows faster than
linearly. A `PagedTable` only ever builds a reportlab `Table` of about one page of rows (the next slice),
lets reportlab split that, and keeps the rest for the next page — the header is repeated on each page and
the cost stays proportional to the rows. Cells that fit their column stay plain strings; only those that
need wrapping (very long names) become Paragraphs, which are much slower to lay out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from desktop import i18n
from desktop.reports.fonts import BOLD, REGULAR, text_width
from desktop.reports.formatting import markup, text

CELL_SIZE = 11
PAD_X = 3.0
PAD_TOP = 1.5
PAD_BOTTOM = 2.5
_MIN_ROW = CELL_SIZE * 1.2 + PAD_TOP + PAD_BOTTOM
MIN_ROWS = 3  # fewest rows of a table left alone on a page
_ALIGN = {"LEFT": TA_LEFT, "RIGHT": TA_RIGHT, "CENTER": TA_CENTER}


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # points
    align: str = "LEFT"  # LEFT, RIGHT (numbers) or CENTER


class _CellMaker:
    """Turns values into cells of one table, keeping one ParagraphStyle per column."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.columns = columns
        self.styles = [ParagraphStyle(f"c{index}", fontName=REGULAR, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.2,
                                      alignment=_ALIGN[column.align]) for index, column in enumerate(columns)]
        self.bold = [ParagraphStyle(f"b{index}", parent=style, fontName=BOLD) for index, style in enumerate(self.styles)]
        self.header_style = ParagraphStyle("header", fontName=BOLD, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.2,
                                           alignment=TA_CENTER)

    def row(self, values: Sequence[object], bold: bool = False) -> list[object]:
        cells: list[object] = []
        for index, (value, column) in enumerate(zip(values, self.columns, strict=True)):
            cell_text = text(value)
            font = BOLD if bold else REGULAR
            if "\n" in cell_text or text_width(cell_text, font, CELL_SIZE) > column.width - 2 * PAD_X:
                style = (self.bold if bold else self.styles)[index]
                cells.append(Paragraph(markup(cell_text).replace("\n", "<br/>"), style))
            else:
                cells.append(cell_text)
        return cells

    def header(self) -> list[object]:
        return [Paragraph(markup(column.title), self.header_style) for column in self.columns]


class PagedTable(Flowable):
    """A ruled table with a repeated header and an optional bold total row; `caption` stays with its first rows."""

    def __init__(self, columns: Sequence[Column], rows: Sequence[Sequence[object]], *,
                 total: Sequence[object] | None = None, caption: Flowable | None = None,
                 lang: str | None = None, min_row_height: float = 0.0, _start: int = 0,
                 _maker: _CellMaker | None = None) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows = rows
        self.total = total
        self.caption = caption
        self.lang = lang
        self.start = _start
        self.min_row_height = min_row_height  # room to write by hand (walk lists)
        self.maker = _maker or _CellMaker(self.columns)
        self.total_work = len(rows) - _start + (1 if caption is not None else 0)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Never claim to fit: the frame then calls split(), which lays out just the rows that fit.
        return available_width, 0xFFFFFF

    def _table(self, first: int, count: int, with_total: bool) -> Table:
        header = self.maker.header()
        body = [self.maker.row(values) for values in self.rows[first:first + count]]
        if not self.rows:
            body = [[text(i18n.tr("reports.none", self.lang))] + [""] * (len(self.columns) - 1)]
        if with_total and self.total is not None:
            body.append(self.maker.row(self.total, bold=True))
        commands: list[tuple[object, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
            ("LEADING", (0, 0), (-1, -1), CELL_SIZE * 1.2),
            ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
        ]
        commands += [("ALIGN", (index, 1), (index, -1), column.align) for index, column in enumerate(self.columns)]
        if not self.rows:
            commands += [("SPAN", (0, 1), (-1, 1)), ("ALIGN", (0, 1), (-1, 1), "CENTER")]
        if with_total and self.total is not None:
            last = len(body)
            commands.append(("FONTNAME", (0, last), (-1, last), BOLD))
        minimum = [0.0] + [self.min_row_height] * len(body) if self.min_row_height else None
        table = Table([header, *body], colWidths=[column.width for column in self.columns], repeatRows=1,
                      spaceAfter=6, minRowHeights=minimum)
        table.setStyle(TableStyle(commands))
        return table

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height
        if self.caption is not None:
            room -= self.caption.wrap(available_width, available_height)[1] + self.caption.getSpaceAfter()
            self.caption.work = 1  # type: ignore[attr-defined]
        if room < 2 * _MIN_ROW:
            return []
        remaining = len(self.rows) - self.start
        guess = int(room / max(_MIN_ROW, self.min_row_height)) + 2
        if remaining <= guess:
            whole = self._table(self.start, remaining, with_total=True)
            if whole.wrap(available_width, room)[1] <= room:
                whole.work = max(remaining, 1)  # type: ignore[attr-defined]
                return self._with_caption(whole)
        while True:
            count = min(guess, remaining)
            slice_table = self._table(self.start, count, with_total=False)
            pieces = slice_table.split(available_width, room)
            if not pieces:
                return []
            if len(pieces) == 1 and count < remaining:
                guess *= 2  # the rows were shorter than assumed: take a bigger slice
                continue
            first = pieces[0]
            fitted = len(first._cellvalues) - 1  # type: ignore[attr-defined]
            at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
            if fitted < min(MIN_ROWS, remaining) and not at_top:
                return []  # no lonely rows at the foot of a page: start the table on the next one
            left = remaining - fitted + (1 if self.total is not None else 0)
            if 0 < left < MIN_ROWS and fitted - (MIN_ROWS - left) >= MIN_ROWS:
                fitted -= MIN_ROWS - left  # nor alone at the head of the next page
                first = self._table(self.start, fitted, with_total=False)
            first.work = fitted  # type: ignore[attr-defined]
            if fitted == remaining and self.total is None:
                return self._with_caption(first)
            rest = PagedTable(self.columns, self.rows, total=self.total, lang=self.lang,
                              min_row_height=self.min_row_height, _start=self.start + fitted, _maker=self.maker)
            return self._with_caption(first, rest)

    def _with_caption(self, *parts: Flowable) -> list[Flowable]:
        return [self.caption, *parts] if self.caption is not None else list(parts)

    def draw(self) -> None:  # pragma: no cover - never drawn itself, only its parts are
        raise RuntimeError("PagedTable is laid out through split()")
