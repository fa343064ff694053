"""The review's charts (captioned by the document, like its tables), drawn with reportlab graphics in the
embedded fonts (vector, so they print sharply).

Chart widgets default to Helvetica, which is neither embedded nor Vietnamese-capable: every label set here
names the document font explicitly.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import Color

from desktop.reports.fonts import REGULAR, text_width
from desktop.reports.formatting import number, percent, text

GREY = Color(0.35, 0.35, 0.35)
LABEL_SIZE = 9


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
