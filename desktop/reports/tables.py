"""`PagedTable`: a table of any length laid out page by page in linear time.

reportlab sizes a whole `Table` on every split, so a 10k-row table costs seconds and grows faster than
linearly. A `PagedTable` measures each row once (cached), takes as many rows as fit the space left on the
page, and hands reportlab a `Table` of just those rows with their heights already known; the rest waits for
the next page, where the header is repeated. Cells that fit their column stay plain strings; only those that
need wrapping (very long names) become Paragraphs, which are much slower to lay out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from desktop import i18n
from desktop.reports.fonts import BOLD, REGULAR, text_width, write
from desktop.reports.formatting import markup, text
from desktop.text import ELLIPSIS

CELL_SIZE = 11
ANNEX_SIZE = 10  # long annex lists: one size smaller, so names and addresses fit on one line
PAD_X = 3.0
MAX_CELL_LINES = 24  # a cell's most lines: a row of them still fits any page
PAD_TOP = 1.5
PAD_BOTTOM = 2.5
MIN_ROWS = 3  # fewest rows of a table left alone at the foot or the head of a page
LONG_WORD = 40 * mm  # a text column is widened for no longer word: that one breaks where the column ends
_ALIGN = {"LEFT": TA_LEFT, "RIGHT": TA_RIGHT, "CENTER": TA_CENTER}

Cells = list[object]


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # points
    align: str = "LEFT"  # LEFT, RIGHT (numbers) or CENTER


def fit_columns(
    columns: Sequence[Column],
    rows: Sequence[Sequence[object]],
    total: Sequence[object] | None = None,
    size: float = CELL_SIZE,
) -> list[Column]:
    """The columns widened so that no word of a cell or heading breaks over two lines: a number printed as
    "1.000.154" over ".321" is misread or looks tampered with, and "househo" over "lds" looks broken. Each
    column gets at least its longest word, whatever the values or the language; the width comes from the text
    columns with room to spare (a description wraps well between its words), never below their own longest
    word. Whatever is still missing then (no text column left to give) breaks as it did before, as does text
    with a "word" longer than `LONG_WORD` (a web address, a run of Chinese characters)."""
    needs = [_longest_word(index, column, rows, total, size) + 2 * PAD_X for index, column in enumerate(columns)]
    needs = [
        column.width if column.align == "LEFT" and need > LONG_WORD else need
        for column, need in zip(columns, needs, strict=True)
    ]
    widths = [column.width for column in columns]
    for index, need in enumerate(needs):
        while widths[index] < need:
            spare = [
                (widths[other] - needs[other], other)
                for other, column in enumerate(columns)
                if other != index and column.align == "LEFT" and widths[other] > needs[other]
            ]
            if not spare:
                break
            room, donor = max(spare)
            given = min(room, need - widths[index])
            widths[donor] -= given
            widths[index] += given
    return [Column(column.title, width, column.align) for column, width in zip(columns, widths, strict=True)]


def _longest_word(
    index: int, column: Column, rows: Sequence[Sequence[object]], total: Sequence[object] | None, size: float
) -> float:
    """The width of the longest word in the column: its cells (each distinct word measured once, as long
    lists repeat their words), its bold total and its bold heading."""
    words = {word for row in rows for word in text(row[index]).split()}
    bold = set(text(column.title).split()) | (set(text(total[index]).split()) if total is not None else set())
    widths = [text_width(word, REGULAR, size) for word in words]
    widths += [text_width(word, BOLD, size) for word in bold]
    return max(widths, default=0.0)


class _Rows:
    """The cells and heights of one table's rows, made once and shared by all its page parts."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[object]],
        total: Sequence[object] | None,
        min_row_height: float,
        size: float,
    ) -> None:
        self.size = size
        self._advances: dict[str, dict[str, float]] = {}
        self.line = size * 1.2  # reportlab's line height for plain-string cells
        self.columns = list(columns)
        self.values = rows
        self.min_row_height = min_row_height
        self.styles = [
            ParagraphStyle(
                f"c{index}",
                fontName=REGULAR,
                fontSize=size,
                leading=self.line,
                alignment=_ALIGN[column.align],
            )
            for index, column in enumerate(columns)
        ]
        self.bold_styles = [
            ParagraphStyle(f"b{index}", parent=style, fontName=BOLD)
            for index, style in enumerate(self.styles)
        ]
        header_style = ParagraphStyle(
            "header", fontName=BOLD, fontSize=size, leading=self.line, alignment=TA_CENTER
        )
        self.header: Cells = [Paragraph(markup(column.title), header_style) for column in columns]
        self.header_height = self._height(self.header, 0.0)
        self.total: Cells | None = self._cells(total, bold=True) if total is not None else None
        self.total_height = self._height(self.total, min_row_height) if self.total is not None else 0.0
        self._cache: dict[int, tuple[Cells, float]] = {}

    def __len__(self) -> int:
        return len(self.values)

    def row(self, index: int) -> tuple[Cells, float]:
        cached = self._cache.pop(index, None)  # each row is drawn once: no need to keep it afterwards
        if cached is None:
            cells = self._cells(self.values[index])
            cached = (cells, self._height(cells, self.min_row_height))
        return cached

    def keep(self, index: int, made: tuple[Cells, float]) -> None:
        """Put back a row measured for a page it did not fit on."""
        self._cache[index] = made

    def width(self, cell_text: str, font: str) -> float:
        """The text's width from per-character advances, measured once each (TrueType widths just add up,
        and measuring every cell with reportlab's stringWidth dominated the layout of long lists)."""
        widths = self._advances.setdefault(font, {})
        total = 0.0
        for char in cell_text:
            advance = widths.get(char)
            if advance is None:
                advance = widths[char] = text_width(char, font, self.size)
            total += advance
        return total

    def _fit(self, cell_text: str, font: str, width: float) -> str:
        """The cell's text cut, with an ellipsis, to what `MAX_CELL_LINES` lines of the column can show: one
        row taller than a page would stop the whole report (reportlab's LayoutError)."""
        lines = cell_text.split("\n")
        if len(lines) > MAX_CELL_LINES:
            cell_text = "\n".join(lines[:MAX_CELL_LINES]).rstrip() + ELLIPSIS
        budget = MAX_CELL_LINES * width * 0.75 - self.width(ELLIPSIS, font)  # wrapping wastes line ends
        if self.width(cell_text, font) <= budget:
            return cell_text
        used = 0.0
        widths = self._advances[font]
        for end, char in enumerate(cell_text):
            used += widths[char]
            if used > budget:
                return cell_text[:end].rstrip() + ELLIPSIS
        return cell_text

    def _cells(self, values: Sequence[object], bold: bool = False) -> Cells:
        cells: Cells = []
        font = BOLD if bold else REGULAR
        for index, (value, column) in enumerate(zip(values, self.columns, strict=True)):
            cell_text = text(value)
            inner = column.width - 2 * PAD_X
            if "\n" in cell_text or self.width(cell_text, font) > inner:  # most cells fit on one line as they are
                cell_text = self._fit(cell_text, font, inner)
                style = (self.bold_styles if bold else self.styles)[index]
                cells.append(Paragraph(markup(cell_text).replace("\n", "<br/>"), style))
            else:
                cells.append(cell_text)
        return cells

    def _height(self, cells: Cells, minimum: float) -> float:
        tallest = self.line
        for cell, column in zip(cells, self.columns, strict=True):
            if isinstance(cell, Paragraph):
                tallest = max(tallest, cell.wrap(column.width - 2 * PAD_X, 1e6)[1])
        return max(tallest + PAD_TOP + PAD_BOTTOM, minimum)


class PagedTable(Flowable):
    """A ruled table, its header repeated on each page, an optional bold total row, and a `caption` that
    stays with its first rows (and `lead`: the headings just above it, kept with them too — reportlab's
    keep-with-next cannot, as a `PagedTable` never claims to fit; `OfficialDocTemplate` hands it the
    headings kept with it through `led_by`)."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[object]],
        *,
        total: Sequence[object] | None = None,
        caption: Flowable | None = None,
        lead: Sequence[Flowable] = (),
        lang: str | None = None,
        min_row_height: float = 0.0,
        size: float = CELL_SIZE,
        _start: int = 0,
        _rows: _Rows | None = None,
    ) -> None:
        super().__init__()
        self.columns = list(columns) if _rows is not None else fit_columns(columns, rows, total, size)
        self.caption = caption
        self.lead = list(lead)
        self.lang = lang
        self.start = _start
        self.rows = _rows if _rows is not None else _Rows(self.columns, rows, total, min_row_height, size)
        self.total_work = len(self.rows) - _start + (1 if caption is not None else 0) + len(self.lead)

    def led_by(self, heads: Sequence[Flowable]) -> PagedTable:
        """This table with `heads` (the headings and notes kept with it) above its own lead."""
        return PagedTable(
            self.columns, (), caption=self.caption, lead=[*heads, *self.lead], lang=self.lang,
            _start=self.start, _rows=self.rows,
        )

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # Never claim to fit: the frame then calls split(), which lays out just the rows that fit.
        return available_width, 0xFFFFFF

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        room = available_height
        for above in (*self.lead, self.caption):
            if above is not None:
                room -= above.wrap(available_width, available_height)[1] + above.getSpaceAfter()
                room -= above.getSpaceBefore() if above is not self._first_above() else 0
                above.work = 1
        rows = self.rows
        if not len(rows):
            return self._with_caption(self._empty()) if room >= rows.header_height + 2 * rows.line else []
        used = rows.header_height
        taken: list[tuple[Cells, float]] = []
        index = self.start
        while index < len(rows):
            made = rows.row(index)
            if used + made[1] > room:
                rows.keep(index, made)
                break
            taken.append(made)
            used += made[1]
            index += 1
        remaining = len(rows) - self.start
        with_total = len(taken) == remaining and (rows.total is None or used + rows.total_height <= room)
        if not with_total:
            at_top = bool(getattr(getattr(self, "_frame", None), "_atTop", False))
            left = remaining - len(taken) + (1 if rows.total is not None else 0)
            if len(taken) < min(MIN_ROWS, remaining) and not at_top:
                self._give_back(taken, self.start)
                return []  # no lonely rows at the foot of a page: start the table on the next one
            if 0 < left < MIN_ROWS:  # nor a row or the total alone at the head of the next page
                keep = len(taken) - (MIN_ROWS - left)
                if keep < MIN_ROWS and not at_top:
                    self._give_back(taken, self.start)
                    return []  # too short to split well: the whole table starts on the next page
                keep = max(keep, MIN_ROWS)
                self._give_back(taken[keep:], self.start + keep)
                taken = taken[:keep]
            if not taken:
                return []
        part = self._table(taken, with_total)
        part.work = len(taken)
        if with_total:
            return self._with_caption(part)
        rest = PagedTable(self.columns, (), lang=self.lang, _start=self.start + len(taken), _rows=rows)
        return self._with_caption(part, rest)

    def _give_back(self, made_rows: list[tuple[Cells, float]], first: int) -> None:
        for offset, made in enumerate(made_rows):
            self.rows.keep(first + offset, made)

    def _empty(self) -> Flowable:
        none = text(i18n.tr("reports.none", self.lang))
        return _PagePart(self.rows, [], with_total=False, spanned=none)

    def _table(self, taken: list[tuple[Cells, float]], with_total: bool) -> Flowable:
        return _PagePart(self.rows, taken, with_total=with_total)

    def _first_above(self) -> Flowable | None:
        return self.lead[0] if self.lead else self.caption

    def _with_caption(self, *parts: Flowable) -> list[Flowable]:
        above = [*self.lead, *([self.caption] if self.caption is not None else [])]
        return [*above, *parts]

    def draw(self) -> None:  # pragma: no cover - never drawn itself, only its parts are
        raise RuntimeError("PagedTable is laid out through split()")


class _PagePart(Flowable):
    """One page's part of a `PagedTable` (its header, its rows, the total when it ends there), drawn straight
    onto the canvas.

    Every cell and row height is known already (`_Rows`), so handing the part to reportlab's `Table` only cost
    time: it styled every cell again, drew each string in a text object of its own and wrapped every Paragraph
    once more — most of the layout of a long list (a 50k-household ward's named annexes: 1,100 pages). This
    draws what that `Table` drew, at the same places: a 0.5 pt grid, cells padded and centred vertically,
    strings in their column's alignment (bold in the total row), wrapped cells as their Paragraphs, the header
    centred, and `spanned` — the text of an empty table — centred across the whole width.
    """

    def __init__(
        self, rows: _Rows, taken: list[tuple[Cells, float]], *, with_total: bool, spanned: str | None = None
    ) -> None:
        super().__init__()
        self.rows = rows
        self.body = taken
        self.total = rows.total if with_total else None
        self.spanned = spanned
        self.widths = [column.width for column in rows.columns]
        heights = [rows.header_height, *(height for _, height in taken)]
        if spanned is not None:
            heights.append(rows.line + PAD_TOP + PAD_BOTTOM)
        if self.total is not None:
            heights.append(rows.total_height)
        self.heights = heights
        self.width, self.height = sum(self.widths), sum(heights)
        self.spaceAfter = 6
        self.hAlign = "CENTER"  # as reportlab places a Table narrower than its frame

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        rows, canvas = self.rows, self.canv
        lefts = [sum(self.widths[:index]) for index in range(len(self.widths))]
        canvas.setFillColorRGB(0, 0, 0)
        words = canvas.beginText()
        font: str | None = None
        paragraphs: list[tuple[Paragraph, float, float]] = []
        lines = [(*row, False) for row in self.body]
        if self.spanned is not None:
            lines.append(([self.spanned], self.heights[1], False))
        if self.total is not None:
            lines.append((self.total, rows.total_height, True))
        top = self.height
        for cells, height, bold in [(rows.header, rows.header_height, False), *lines]:
            bottom = top - height
            baseline = bottom + (PAD_BOTTOM + height - PAD_TOP + rows.line) / 2 - rows.size
            for cell, column, left in zip(cells, rows.columns, lefts, strict=False):
                if isinstance(cell, Paragraph):
                    inner = column.width - 2 * PAD_X
                    # Measured by `_Rows` at this width (the header's once for every page): no need to wrap again.
                    cell_height = cell.height if cell.width == inner else cell.wrap(inner, 1e6)[1]
                    paragraphs.append((cell, left + PAD_X, bottom + (height + PAD_BOTTOM - PAD_TOP - cell_height) / 2))
                    continue
                cell_text = str(cell)
                if not cell_text:
                    continue
                wanted = BOLD if bold else REGULAR
                if self.spanned is not None and cells is not rows.header:
                    x = (self.width - rows.width(cell_text, wanted)) / 2
                elif column.align == "RIGHT":
                    x = left + column.width - PAD_X - rows.width(cell_text, wanted)
                elif column.align == "CENTER":
                    x = left + (column.width - rows.width(cell_text, wanted)) / 2
                else:
                    x = left + PAD_X
                words.setTextOrigin(x, baseline)
                font = write(words, cell_text, wanted, rows.size, rows.line, font)
            top = bottom
        canvas.drawText(words)
        for paragraph, x, y in paragraphs:
            paragraph.drawOn(canvas, x, y)
        canvas.setLineWidth(0.5)
        canvas.setStrokeColorRGB(0, 0, 0)
        edges = [self.height - sum(self.heights[:index]) for index in range(len(self.heights) + 1)]
        rules = [(0.0, y, self.width, y) for y in edges]
        inner_from = self.height - rows.header_height if self.spanned is not None else 0.0  # not across the span
        rules += [(0.0, 0.0, 0.0, self.height), (self.width, 0.0, self.width, self.height)]
        rules += [(x, inner_from, x, self.height) for x in lefts[1:]]
        canvas.lines(rules)
