"""Overview (the first page for team leads and admins): the ward at a glance for a period against the one
before — visits, households reached, overdue follow-ups, open cases, support given — households reached by khu
phố and visits by officer as bar charts. Each figure and bar opens the list behind it.

The figures are `desktop.reports.overview`'s, computed by the review's own queries, so the Overview and the
printed review never disagree. They are read in a worker (seconds of SQL on a large ward): the page paints at
once, shows this period's figures when they arrive, then the previous period's beside them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.register.labels import label
from desktop.reports.overview import (
    OPEN_CASE_STATUSES,
    KeyFigures,
    Overview,
    PeriodFigures,
    not_visited,
    overdue_households,
    period_figures,
    previous_period,
)
from desktop.reports.periods import Period, half_year, month, quarter, year
from desktop.security.database import reopen
from desktop.store.queries import list_areas
from ui import workers
from ui.charts import BarChart
from ui.context import AppContext
from ui.language import fmt_date, fmt_number
from ui.models import Column, RowsModel, text_of
from ui.progress import JobProgress
from ui.widgets import FieldError, Page, chosen, record_table

FIGURES = ("visits", "reached", "overdue", "cases", "support")


def periods_of(today: date) -> dict[str, Period]:
    """The periods the page offers, each the one running today."""
    return {
        "month": month(today.year, today.month),
        "quarter": quarter(today.year, (today.month - 1) // 3 + 1),
        "half": half_year(today.year, 1 if today.month <= 6 else 2),
        "year": year(today.year),
    }


def _percent(value: float) -> str:
    return fmt_number(round(value, 1)) + " %"


class FigureList(QDialog):
    """The rows behind one figure; a household row opens the household (double-click or Enter)."""

    open_household = Signal(str)

    def __init__(self, title: str, columns: list[Column], rows: list[dict[str, Any]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureList")
        self.setWindowTitle(title)
        self.model = RowsModel(columns, self)
        self.model.set_rows(rows)
        self.view = record_table(self, self.model)
        self.count = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.count.setText(self.tr("%n row(s)", "", len(rows)))
        self.view.activated.connect(self._activated)
        self.resize(820, 520)

    def _activated(self) -> None:
        index = chosen(self.view)
        if index.isValid():
            household = self.model.row(index.row()).get("household_id")
            if household:
                self.open_household.emit(str(household))


class OverviewPage(Page):
    open_household = Signal(str)
    open_area = Signal(str)  # a khu phố's bar: its households
    first_figures = Signal()  # this period's figures are on screen (the previous period's still coming)
    loaded = Signal()  # the figures of both periods are on screen
    list_opened = Signal(object)  # the FigureList of a figure, once its rows are read

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.overview: Overview | None = None  # both periods, once the previous one has come too
        self.current: PeriodFigures | None = None  # this period: shown as soon as it comes
        self._asked: Period | None = None  # the period the last refresh asked for
        self._previous: PeriodFigures | None = None  # the previous period's, when it came before this period's
        self._previous_worker: workers.Worker | None = None
        self.list_dialog: FigureList | None = None
        self._household_columns: list[Column] = []
        self.period = QComboBox(self)
        self.period_label = QLabel(self)
        self.period_label.setBuddy(self.period)
        self.area = QComboBox(self)
        self.area_label = QLabel(self)
        self.area_label.setBuddy(self.area)
        self.heading = QLabel(self)
        self.heading.setObjectName("overviewHeading")
        self.heading.setWordWrap(True)
        self.progress = JobProgress(self, cancellable=False, messages=False, reads_only=True)
        self.error = FieldError(self)
        self.cards: dict[str, QPushButton] = {}
        cards = QGridLayout()
        for number, key in enumerate(FIGURES):
            card = QPushButton(self)
            card.setObjectName(f"figure_{key}")
            card.setMinimumHeight(100)
            card.setMinimumWidth(150)  # not its text's width: five cards fit a 1366-pixel screen in either language
            card.setStyleSheet("QPushButton { text-align: left; padding: 8px 12px; font-size: 10.5pt; }")
            card.clicked.connect(lambda _c=False, k=key: self.open_list(k))
            cards.addWidget(card, 0, number)
            self.cards[key] = card
        self.areas_box = QGroupBox(self)
        self.areas_chart = BarChart(self.areas_box)
        QVBoxLayout(self.areas_box).addWidget(self.areas_chart)
        self.officers_box = QGroupBox(self)
        self.officers_chart = BarChart(self.officers_box)
        QVBoxLayout(self.officers_box).addWidget(self.officers_chart)
        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.period)
        top.addSpacing(12)
        top.addWidget(self.area_label)
        top.addWidget(self.area)
        top.addStretch(1)
        charts = QHBoxLayout()
        charts.addWidget(self.areas_box, 1)
        charts.addWidget(self.officers_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addLayout(cards)
        layout.addLayout(charts, 1)
        for key in periods_of(ctx.today()):
            self.period.addItem("", key)
        self.period.setCurrentIndex(1)  # this quarter: the review's usual period
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.area.currentIndexChanged.connect(lambda _i: self.refresh())
        self.areas_chart.activated.connect(self._area_activated)
        self.officers_chart.activated.connect(lambda _i: self.open_list("officers"))
        self.progress.finished.connect(self._show)
        self.progress.failed.connect(self.error.show_message)
        self.list_progress = JobProgress(self, cancellable=False, messages=False, reads_only=True)
        self.list_progress.finished.connect(self._show_households)
        self.list_progress.failed.connect(self.error.show_message)
        layout.insertWidget(layout.indexOf(self.error), self.list_progress)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Overview")

    # -- texts ----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        names = {"month": self.tr("This month"), "quarter": self.tr("This quarter"),
                 "half": self.tr("This half-year"), "year": self.tr("This year")}
        for index in range(self.period.count()):
            self.period.setItemText(index, names[str(self.period.itemData(index))])
        if self.area.count():
            self.area.setItemText(0, self.tr("Whole ward"))
        self.period_label.setText(self.tr("&Period"))
        self.area_label.setText(self.tr("&Khu phố"))
        self.areas_box.setTitle(self.tr("Households reached, by khu phố"))
        self.officers_box.setTitle(self.tr("Visits, by officer"))
        self._show_figures()

    def _chosen_period(self) -> Period:
        return periods_of(self.ctx.today())[str(self.period.currentData() or "quarter")]

    def _card(self, key: str, title: str, now: str, before: str, change: str) -> None:
        self.cards[key].setText(f"{title}\n{now}\n" + self.tr("Previous period: %1").replace("%1", before)
                                + f"\n{change}")

    @staticmethod
    def _change(now: float, before: float, as_percent: bool = False) -> str:
        difference = round(now - before, 1)
        sign = "▲ +" if difference > 0 else "▼ −" if difference < 0 else "= "
        text = fmt_number(abs(difference))
        return sign + (text + " %" if as_percent else text)

    def _show_figures(self) -> None:
        current = self.current
        if current is None:
            for key in FIGURES:
                self.cards[key].setText("…")
            return
        previous = self.overview.previous if self.overview is not None else None
        title = current.period.title()
        self.heading.setText(self.tr("%1, compared with %2 (figures as in the review)").replace(
            "%1", title[:1].upper() + title[1:]).replace("%2", previous_period(current.period).title()))
        now = current.key
        before = previous.key if previous is not None else None
        cards: list[tuple[str, str, Callable[[KeyFigures], float], Callable[[float], str], bool]] = [
            ("visits", self.tr("Visits"), lambda f: f.visits, fmt_number, False),
            ("reached", self.tr("Households reached"), lambda f: f.households_reached_percent, _percent, True),
            ("overdue", self.tr("Overdue follow-ups"), lambda f: f.overdue_follow_ups, fmt_number, False),
            ("cases", self.tr("Open cases"), lambda f: f.open_cases, fmt_number, False),
            ("support", self.tr("Support given (đồng)"), lambda f: f.support_value_vnd, fmt_number, False),
        ]
        for key, title, value, shown, as_percent in cards:
            if before is None:  # the previous period is still being read
                self._card(key, title, shown(value(now)), "…", "")
            else:
                self._card(key, title, shown(value(now)), shown(value(before)),
                           self._change(value(now), value(before), as_percent))
        self.areas_chart.set_bars([(line.name, line.percent, f"{_percent(line.percent)} "
                                    f"({fmt_number(line.visited)}/{fmt_number(line.households)})")
                                   for line in current.coverage])
        self.officers_chart.set_bars([(line.name or self.tr("(no officer)"), line.visits, fmt_number(line.visits))
                                      for line in current.officers])

    # -- data ------------------------------------------------------------------------------------------------

    def _fill_areas(self) -> None:
        chosen = self.area.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("Whole ward"), None)
        for area in list_areas(self.ctx.store):
            self.area.addItem(str(area["name"]), area["id"])
        self.area.setCurrentIndex(max(0, self.area.findData(chosen)))
        self.area.blockSignals(False)

    def refresh(self) -> None:
        """Read this period's figures and the previous period's in the background, each on a connection of its
        own, at the same time (one after the other, both took half as long again on a 50k ward); show this
        period's as soon as they come, the comparison once both are here (the page shows "…" until then)."""
        if self.progress.worker is not None:
            return
        if not self.area.count():
            self._fill_areas()
        self.error.clear_message()
        self.overview = None
        self._asked = self._chosen_period()
        self._previous = None
        self._read(self._asked)
        self._read_previous(previous_period(self._asked))

    def _figures_job(self, period: Period, details: bool) -> workers.Job:
        store, area_id, today = self.ctx.store, self.area.currentData(), self.ctx.today()

        def job(_progress: workers.Progress, cancelled: workers.Cancelled) -> object:
            with reopen(store) as own:
                try:
                    return period_figures(own, period, area_id, today=today, cancelled=cancelled, details=details)
                except WardbookError as error:
                    return error

        return job

    def _read(self, period: Period) -> None:
        self.progress.start(self._figures_job(period, True), lock=(self.period, self.area))

    def _read_previous(self, period: Period) -> None:
        """Only its key figures are shown: read without the officers (`details=False`)."""
        if self._previous_worker is not None:
            self._previous_worker.cancel()  # a period or khu phố no longer asked for
        self._previous_worker = workers.start(self._figures_job(period, False), finished=self._previous_read,
                                              failed=self.error.show_message)

    def _asked_for(self, figures: PeriodFigures, period: Period | None) -> bool:
        return figures.period == period and figures.area_id == self.area.currentData()

    def _show(self, result: object) -> None:
        if isinstance(result, WardbookError):
            self.error.show_message(result.message())
            return
        assert isinstance(result, PeriodFigures)
        if not self._asked_for(result, self._asked):
            return  # figures of a period no longer asked for (the choice changed while they were read)
        self.current = result
        self._show_figures()
        self.first_figures.emit()
        self._compare()

    def _previous_read(self, result: object) -> None:
        self._previous_worker = None
        if isinstance(result, WardbookError):
            self.error.show_message(result.message())
            return
        assert isinstance(result, PeriodFigures)
        if self._asked is not None and self._asked_for(result, previous_period(self._asked)):
            self._previous = result
            self._compare()

    def _compare(self) -> None:
        """Both periods' figures side by side, once this period's are shown and the previous period's are here."""
        current, previous = self.current, self._previous
        if current is None or previous is None or not self._asked_for(current, self._asked):
            return
        self.overview = Overview(current, previous)
        self._previous = None
        self._show_figures()
        self.loaded.emit()

    def _area_activated(self, index: int) -> None:
        if self.current is not None and 0 <= index < len(self.current.coverage):
            area_id = self.current.coverage[index].area_id
            if area_id:
                self.open_area.emit(str(area_id))

    # -- the lists behind the figures --------------------------------------------------------------------------

    @staticmethod
    def _status_column(status: str) -> Column:
        return Column(status, lambda: label("case_status", status),
                      lambda row: fmt_number(row["by_status"].get(status, 0)), True)

    def open_list(self, key: str) -> FigureList | None:
        if self.current is None:
            return None
        figures = self.current
        household = [Column("code", lambda: self.tr("Code"), text_of("code")),
                     Column("address", lambda: self.tr("Address"),
                            lambda r: f"{r.get('house_no') or ''} {r.get('street') or ''}".strip()),
                     Column("area", lambda: self.tr("Khu phố"), text_of("area")),
                     Column("head", lambda: self.tr("Head"), text_of("head"))]
        if key == "visits":
            title = self.tr("Visits in %1").replace("%1", figures.period.title())
            columns = [Column("what", lambda: self.tr("Month or purpose"), text_of("what")),
                       Column("count", lambda: self.tr("Visits"), lambda r: fmt_number(r["count"]), True)]
            rows = [{"what": f"{m[5:7]}/{m[:4]}", "count": n} for m, n in figures.visits_by_month]
            rows += [{"what": label("purpose", code), "count": n} for code, n in figures.visits_by_purpose.items()]
        elif key in ("reached", "overdue"):  # long lists on a large ward: read in the background, shown when come
            self._household_columns = household
            self._read_households(key)
            return None
        elif key == "cases":
            title = self.tr("Open cases by kind")
            columns = [Column("kind", lambda: self.tr("Kind"), lambda r: label("case_kind", r["kind"])),
                       *[self._status_column(status) for status in OPEN_CASE_STATUSES]]
            rows = [asdict(line) for line in figures.cases
                    if any(line.by_status.get(status) for status in OPEN_CASE_STATUSES)]
        elif key == "support":
            title = self.tr("Support given in %1").replace("%1", figures.period.title())
            columns = [Column("kind", lambda: self.tr("Kind"), lambda r: label("support", r["kind"])),
                       Column("quantity", lambda: self.tr("Quantity"),
                              lambda r: f"{fmt_number(r['quantity'])} {r['unit'] or ''}".strip(), True),
                       Column("items", lambda: self.tr("Times given"), lambda r: fmt_number(r["items"]), True),
                       Column("value_vnd", lambda: self.tr("Value (đồng)"), lambda r: fmt_number(r["value_vnd"]),
                              True)]
            rows = [asdict(line) for line in figures.support]
        else:
            title = self.tr("Officers in %1").replace("%1", figures.period.title())
            columns = [Column("name", lambda: self.tr("Officer"), lambda r: r["name"] or self.tr("(no officer)")),
                       Column("visits", lambda: self.tr("Visits"), lambda r: fmt_number(r["visits"]), True),
                       Column("households", lambda: self.tr("Households"), lambda r: fmt_number(r["households"]),
                              True),
                       Column("activities", lambda: self.tr("Activities"), lambda r: fmt_number(r["activities"]),
                              True),
                       Column("cases", lambda: self.tr("Cases"), lambda r: fmt_number(r["cases"]), True)]
            rows = [asdict(line) for line in figures.officers]
        return self._open(title, columns, rows)

    def _open(self, title: str, columns: list[Column], rows: list[dict[str, Any]]) -> FigureList:
        dialog = FigureList(title, columns, rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each figure clicked opens a new list
        dialog.open_household.connect(self.open_household)
        self.list_dialog = dialog
        dialog.open()
        self.list_opened.emit(dialog)
        return dialog

    def _read_households(self, key: str) -> None:
        """Read the households behind a figure ("reached": those not visited; "overdue": those with an overdue
        follow-up) with their names, in a worker: thousands of rows on a large ward, which the figures themselves
        do not read."""
        if self.current is None or self.list_progress.worker is not None:
            return
        store, figures, today = self.ctx.store, self.current, self.ctx.today()
        read = not_visited if key == "reached" else overdue_households

        def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> object:
            with reopen(store) as own:
                try:
                    return key, read(own, figures, today=today)
                except WardbookError as error:
                    return error

        self.list_progress.start(job, lock=(self.cards[key],))

    def _show_households(self, result: object) -> None:
        if isinstance(result, WardbookError):
            self.error.show_message(result.message())
            return
        assert self.current is not None and isinstance(result, tuple)
        key, lines = result
        if key == "reached":
            title = self.tr("Households not visited in %1").replace("%1", self.current.period.title())
            columns = [*self._household_columns, Column("last_visit", lambda: self.tr("Last visit"),
                                                        lambda r: fmt_date(r.get("last_visit")) or self.tr("never"))]
        else:
            title = self.tr("Households with overdue follow-ups")
            columns = [*self._household_columns,
                       Column("first_due", lambda: self.tr("Due since"), lambda r: fmt_date(r["first_due"])),
                       Column("open_count", lambda: self.tr("Open"), lambda r: fmt_number(r["open_count"]), True)]
        self._open(title, columns, [asdict(line) for line in lines])

