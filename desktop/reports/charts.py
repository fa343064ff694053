"""The review's charts (captioned by the document, like its tables), drawn with reportlab graphics in the
embedded fonts: vectors in the PDF, so they print sharply, and the same drawings as pictures in the Word copy
(`chart_png`).

Chart widgets default to Helvetica, which is neither embedded nor Vietnamese-capable: every label set here
names the document font explicitly.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color

from desktop import i18n
from desktop.reports.fonts import REGULAR, text_width
from desktop.reports.formatting import number, percent, text

if TYPE_CHECKING:
    from desktop.reports.figures import ReviewFigures

GREY = Color(0.35, 0.35, 0.35)
LABEL_SIZE = 9
_PDFIUM = threading.Lock()  # PDFium must not be called from two threads at once, even on two documents


def _fit(label: str, width: float) -> str:
    """The label, shortened with "…" to `width` points (axis labels do not wrap)."""
    label = text(label)
    if text_width(label, REGULAR, LABEL_SIZE) <= width:
        return label
    while label and text_width(label + "…", REGULAR, LABEL_SIZE) > width:
        label = label[:-1]
    return label + "…"


def visits_per_month_chart(
    months: Sequence[tuple[str, int]], width: float, lang: str | None = None
) -> Drawing:
    """Vertical bars, one per month of the period ("2026-04" → "04/26"), the count above each bar."""
    height = 170.0
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 60, height - 45
    values = [count for _, count in months] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [f"{key[5:7]}/{key[2:4]}" for key, _ in months] or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    if len(months) > 12:
        chart.categoryAxis.labels.angle = 60
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(max(values) * 1.15, 5)
    chart.valueAxis.labelTextFormat = lambda value: number(value, lang)
    chart.bars[0].fillColor = GREY
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda value: number(value, lang)
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def coverage_chart(rows: Sequence[tuple[str, float]], width: float, lang: str | None = None) -> Drawing:
    """Horizontal bars of the share of households visited (0–100%), one per khu phố, top to bottom."""
    bar_room = 16.0
    height = 35 + bar_room * max(len(rows), 1)
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=LABEL_SIZE)
    chart = HorizontalBarChart()
    chart.x, chart.y = 95, 25
    chart.width, chart.height = width - 140, height - 35
    ordered = list(reversed(rows))  # the chart draws its first category at the bottom
    chart.data = [[value for _, value in ordered] or [0]]
    chart.categoryAxis.categoryNames = [_fit(name, chart.x - 8) for name, _ in ordered] or [""]
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = 100
    chart.valueAxis.valueStep = 20
    chart.valueAxis.labelTextFormat = lambda value: f"{int(value)}%"
    chart.bars[0].fillColor = GREY
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda value: percent(value, lang)
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def review_chart(name: str, figures: ReviewFigures, width: float, lang: str | None = None) -> Drawing:
    """The review's chart `name` (a chart block of `review_doc`: "coverage" or "visits_month") from its
    figures, `width` points wide: one definition for the PDF and the Word copy."""
    if name == "coverage":
        no_area = i18n.tr("reports.no_area", lang)
        return coverage_chart([(line.name or no_area, line.percent) for line in figures.coverage], width, lang)
    if name == "visits_month":
        return visits_per_month_chart(figures.visits_by_month, width, lang)
    raise ValueError(f"no chart named {name!r}")


def chart_png(drawing: Drawing, dpi: int = 300) -> bytes:
    """The drawing as a PNG picture at `dpi`, white behind, for a document that takes pictures (the DOCX).

    The drawing is made into a one-page PDF by reportlab, as the review's PDF draws it, and that page is
    rasterised by PDFium (pypdfium2, wheels for every platform the app ships on): the glyphs come from the
    same embedded font, so Vietnamese marks look as they print. reportlab's own bitmap renderer needs a C
    backend (rl_renderPM, not released since 2023, or pycairo, built from source on Linux).
    """
    import pypdfium2  # only when a picture is asked for: the PDF and the app's start do without it

    pdf = renderPDF.drawToString(drawing)
    with _PDFIUM:
        document = pypdfium2.PdfDocument(pdf)
        try:
            image = document[0].render(scale=dpi / 72).to_pil()
        finally:
            document.close()
    out = io.BytesIO()
    # zlib's level 3: the same pixels, half the time of the default level 6 for a file 4 % larger
    image.save(out, "PNG", compress_level=3)
    return out.getvalue()
