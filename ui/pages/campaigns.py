"""The Campaign page: how far a door-to-door sweep has come.

Households reached / to retry / not started (and refused, moved away or not found), by khu phố and by
officer; a chart of the households finished per day against an even pace to the sweep's last day; the list of
households behind any figure (choose a cell), each opening its household page. An officer sees their own
assignments and what is left in them. The results workbook and the walk list of the households still to see
are written in the background.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.campaigns import definition, progress
from desktop.campaigns.progress import STATES, Day, Target
from desktop.errors import WardbookError
from desktop.security.database import reopen
from ui import workers
from ui.context import AppContext
from ui.language import fmt_date
from ui.models import Column, RowsModel, date_of, text_of
from ui.progress import JobProgress
from ui.widgets import FieldError, Page, error_text, record_table, sortable, with_chosen_suffix

LIST_LIMIT = 5000  # rows behind a figure shown at once (a whole ward's sweep has 20k)


def _state_label(state: str) -> str:
    return str(i18n.render(i18n.Ref(f"sweep.state.{state}")))


def _state_title(state: str) -> Callable[[], str]:
    return lambda: _state_label(state)


class DayChart(QWidget):
    """Households finished so far, day by day (bars), against the even pace that ends the sweep on time (line)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignChart")
        self.setMinimumHeight(140)
        self.days: list[Day] = []
        self.total = 0
        self.span = 1

    def set_days(self, days: list[Day], total: int, span: int) -> None:
        self.days, self.total, self.span = days, total, max(span, 1)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect()).adjusted(36, 8, -8, -20)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        painter.setPen(QPen(QColor("#888888")))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        painter.drawText(QRectF(0, area.top() - 6, 34, 14), Qt.AlignmentFlag.AlignRight, str(self.total))
        if not self.total:
            painter.end()
            return
        step = area.width() / self.span
        scale = area.height() / self.total
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#2f6ea5"))
        for index, day in enumerate(self.days):
            height = day.cumulative * scale
            painter.drawRect(QRectF(area.left() + index * step + step * 0.15, area.bottom() - height,
                                    max(step * 0.7, 1), height))
        painter.setPen(QPen(QColor("#b3261e"), 2, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.top()))
        painter.setPen(QPen(QColor("#555555")))
        if self.days:
            painter.drawText(QRectF(area.left(), area.bottom() + 2, 120, 16), Qt.AlignmentFlag.AlignLeft,
                             fmt_date(self.days[0].on))
        painter.end()


class CampaignsPage(Page):
    open_household = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("campaignsPage")
        self.campaign: definition.Campaign | None = None
        self.rows: list[Target] = []
        self.names: dict[str, dict[str, str]] = {"area_id": {}, "officer_id": {}}
        self.households: dict[str, dict[str, Any]] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.choice_label = QLabel(self)
        self.choice = QComboBox(self)
        self.choice.setObjectName("campaignChoice")
        self.choice_label.setBuddy(self.choice)
        self.choice.setMinimumWidth(320)
        self.results_button = QPushButton(self)
        self.walk_button = QPushButton(self)
        self.report_button = QPushButton(self)
        self.report_button.setObjectName("campaignReport")
        self.word_button = QPushButton(self)
        self.word_button.setObjectName("campaignReportWord")
        self.define_button = QPushButton(self)
        self.define_button.setObjectName("campaignDefine")
        top.addWidget(self.choice_label)
        top.addWidget(self.choice, 1)
        for button in (self.results_button, self.walk_button, self.report_button, self.word_button,
                       self.define_button):
            top.addWidget(button)
        layout.addLayout(top)
        self.summary = QLabel(self)
        self.summary.setObjectName("campaignSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 11pt;")
        layout.addWidget(self.summary)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.summary_note = QLabel(self)
        self.summary_note.setObjectName("campaignNote")
        self.job = JobProgress(self)
        self.job.finished.connect(lambda result: self.summary_note.setText(
            self.tr("Written: %1").replace("%1", str(result))))
        self.job.failed.connect(self.error.show_message)
        layout.addWidget(self.job)
        layout.addWidget(self.summary_note)

        split = QSplitter(Qt.Orientation.Vertical, self)
        groups = QWidget(split)
        group_row = QHBoxLayout(groups)
        group_row.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QGroupBox] = {}
        self.models: dict[str, RowsModel] = {}
        self.views: dict[str, QTableView] = {}
        for by in ("area_id", "officer_id"):
            box = QGroupBox(groups)
            model = RowsModel([
                Column("name", (lambda: self.tr("Area")) if by == "area_id" else (lambda: self.tr("Officer")),
                       text_of("name")),
                Column("total", lambda: self.tr("Households"), text_of("total"), align_right=True),
                *(Column(state, _state_title(state), text_of(state), align_right=True) for state in STATES),
            ], box)
            view = record_table(box, model, whole_rows=False, sorting=False)
            view.setObjectName(f"campaignBy_{by}")
            view.selectionModel().currentChanged.connect(lambda now, _before, b=by: self.show_behind(b, now))
            QVBoxLayout(box).addWidget(view)
            group_row.addWidget(box)
            self.boxes[by], self.models[by], self.views[by] = box, model, view
        self.chart_box = QGroupBox(split)
        self.chart = DayChart(self.chart_box)
        self.pace = QLabel(self.chart_box)
        self.pace.setObjectName("campaignPace")
        chart_column = QVBoxLayout(self.chart_box)
        chart_column.addWidget(self.chart)
        chart_column.addWidget(self.pace)
        self.list_box = QGroupBox(split)
        self.list_model = RowsModel([
            Column("code", lambda: self.tr("Code"), text_of("code")),
            Column("address", lambda: self.tr("Address"), text_of("address")),
            Column("head", lambda: self.tr("Head"), text_of("head")),
            Column("status", lambda: self.tr("Status"), text_of("status")),
            Column("attempts", lambda: self.tr("Attempts"), text_of("attempts"), align_right=True),
            Column("last_on", lambda: self.tr("Last attempt"), date_of("last_on")),
        ], self.list_box)
        self.list_view = record_table(self.list_box, self.list_model, whole_rows=False, sorting=False)
        self.list_view.setObjectName("campaignHouseholds")
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        sortable(self.list_view)
        self.list_view.activated.connect(
            lambda index: self.open_household.emit(str(self.list_model.row(index.row())["id"])))
        QVBoxLayout(self.list_box).addWidget(self.list_view)
        split.addWidget(groups)
        split.addWidget(self.chart_box)
        split.addWidget(self.list_box)
        layout.addWidget(split, 1)
        self.behind: tuple[str, str | None, str] | None = None  # the figure whose households are listed
        self.behind_count = 0  # how many households it stands for (the list shows the first LIST_LIMIT)
        self.choice.currentIndexChanged.connect(lambda _i: self.show_campaign())
        self.results_button.clicked.connect(self.save_results)
        self.walk_button.clicked.connect(self.save_walk_list)
        self.report_button.clicked.connect(lambda: self.save_report())
        self.word_button.clicked.connect(lambda: self.save_report(word=True))
        self.define_button.clicked.connect(self.define_from_file)
        ctx.records_changed.connect(self._changed)
        ctx.user_changed.connect(self._apply_role)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Sweeps")

    def retranslate(self) -> None:
        self.choice_label.setText(self.tr("&Sweep"))
        self.results_button.setText(self.tr("Results (Excel)…"))
        self.walk_button.setText(self.tr("Walk list (PDF)…"))
        self.walk_button.setToolTip(self.tr("Households not reached yet, of the khu phố or officer chosen in a table "
                                            "(none chosen: the whole sweep), with boxes to tick and the questions"))
        self.report_button.setText(self.tr("Report (PDF)…"))
        self.word_button.setText(self.tr("Report (Word)…"))
        self.word_button.setToolTip(self.tr("The same report as a Word file, to finish before signing"))
        self.define_button.setText(self.tr("New sweep from a file…"))
        self.boxes["area_id"].setTitle(self.tr("By area"))
        self.boxes["officer_id"].setTitle(self.tr("By officer"))
        self.chart_box.setTitle(self.tr("Households done per day (bars) and the pace to finish on time (line)"))
        for model in (*self.models.values(), self.list_model):
            model.retranslate()
        self._texts()

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def _apply_role(self) -> None:
        """Team leads and admins define sweeps and print their report; every officer follows their own."""
        self.define_button.setVisible(self.ctx.can("campaigns"))
        self.report_button.setVisible(self.ctx.can("reports.view"))
        self.word_button.setVisible(self.ctx.can("reports.view"))

    def refresh(self) -> None:
        """Reload the list of sweeps (open ones first) and the chosen sweep's figures."""
        self._apply_role()
        chosen = self.choice.currentData()
        self.choice.blockSignals(True)
        self.choice.clear()
        sweeps = sorted(definition.list_campaigns(self.ctx.store), key=lambda c: c["status"] != "open")
        for sweep in sweeps:
            state = str(i18n.render(i18n.Ref(f"campaign.status.{sweep['status']}")))
            self.choice.addItem(f"{sweep['name']} ({fmt_date(str(sweep['starts_on']))} – "
                                f"{fmt_date(str(sweep['ends_on']))}, {state})", sweep["id"])
        self.choice.setCurrentIndex(max(0, self.choice.findData(chosen)))
        self.choice.blockSignals(False)
        self.show_campaign()

    def show_campaign(self) -> None:
        campaign_id = self.choice.currentData()
        store = self.ctx.store
        self.campaign = definition.load_campaign(store, campaign_id) if campaign_id else None
        self.rows = progress.targets(store, self.campaign) if self.campaign else []
        self.names = {
            "area_id": dict(store.conn.execute("SELECT id, name FROM areas")),
            "officer_id": dict(store.conn.execute("SELECT id, COALESCE(full_name, username) FROM users")),
        }
        empty = {"area_id": _empty("sweep.no_area"), "officer_id": _empty("sweep.unassigned")}
        for by, model in self.models.items():
            tallies = progress.tallies_by(self.rows, by)
            model.set_rows(sorted(({"key": t.key, "name": self.names[by].get(t.key or "", empty[by]),
                                    "total": t.total, **t.counts} for t in tallies), key=lambda r: r["name"]))
        if self.campaign:
            start, end = date.fromisoformat(self.campaign.starts_on), date.fromisoformat(self.campaign.ends_on)
            self.chart.set_days(progress.per_day(self.rows, self.campaign, self.ctx.today()), len(self.rows),
                                (end - start).days + 1)
        else:
            self.chart.set_days([], 0, 1)
        self.households = {}
        self.behind = None
        self.list_model.set_rows([])
        self.results_button.setEnabled(self.campaign is not None)
        self.walk_button.setEnabled(self.campaign is not None)
        self.report_button.setEnabled(self.campaign is not None)
        self.word_button.setEnabled(self.campaign is not None)
        self._texts()

    def _texts(self) -> None:
        if self.campaign is None:
            self.summary.setText(self.tr("No sweep yet. A team lead defines one (wardbook campaign create)."))
            self.pace.setText("")
        else:
            counts = progress.tally(self.rows).counts
            self.summary.setText(
                self.tr("%1 households: %2 reached, %3 to retry, %4 not started, %5 refused, moved or not found.")
                .replace("%1", str(len(self.rows))).replace("%2", str(counts["reached"]))
                .replace("%3", str(counts["to_retry"])).replace("%4", str(counts["not_started"]))
                .replace("%5", str(counts["other"])))
            left = progress.days_left(self.campaign, self.ctx.today())
            done = counts["reached"] + counts["other"]
            self.pace.setText(self.tr("%n day(s) left; %1 households still to finish.", "", left)
                              .replace("%1", str(len(self.rows) - done)))
        if self.behind is not None:
            by, key, state = self.behind
            name = self.names[by].get(key or "", "")
            what = self.tr("all") if state == "total" else _state_label(state)
            self.list_box.setTitle(self.tr("Households: %1 — %2 (%3)").replace("%1", name or "—")
                                   .replace("%2", what).replace("%3", str(self.behind_count)))
        else:
            self.list_box.setTitle(self.tr("Households (choose a figure above)"))

    def show_behind(self, by: str, index: QModelIndex) -> None:
        """List the households behind the chosen figure (a group's total or one of its states)."""
        if not index.isValid() or self.campaign is None:
            return
        model = self.models[by]
        row = model.row(index.row())
        column = ("name", "total", *STATES)[index.column()]
        state = "total" if column in ("name", "total") else column
        picked = [t for t in self.rows if getattr(t, by) == row["key"] and (state == "total" or t.state == state)]
        self.behind = (by, row["key"], state)
        self.behind_count = len(picked)
        self.list_model.set_rows(self._household_rows(picked[:LIST_LIMIT]))
        self._texts()

    def _household_rows(self, picked: list[Target]) -> list[dict[str, Any]]:
        from desktop.campaigns.results import result_rows

        assert self.campaign is not None
        return [{"id": line.target.household_id, "code": line.code, "address": line.address, "head": line.head,
                 "status": _empty(f"sweep.{line.target.status}") if line.target.status else "",
                 "attempts": line.target.attempts or "", "last_on": line.target.last_on}
                for line in result_rows(self.ctx.store, self.campaign, picked)]

    def _ask(self, title: str, name: str, kind: str) -> Path | None:
        path, chosen = QFileDialog.getSaveFileName(self, title, name, kind)
        path = with_chosen_suffix(path, chosen or kind)
        return Path(path) if path else None

    def save_results(self) -> None:
        """Write the results workbook (one row per household, one column per question) in the background."""
        if self.campaign is None:
            return
        out = self._ask(self.tr("Save results as"), f"{self.campaign.name}.xlsx", "Excel (*.xlsx)")
        if out is None:
            return
        campaign, store = self.campaign, self.ctx.store

        def job(_progress: workers.Progress, cancelled: workers.Cancelled) -> Any:
            from desktop.campaigns.results import write_results_xlsx

            with reopen(store) as reader:
                return write_results_xlsx(reader, campaign, out, cancelled=cancelled)

        self.error.clear_message()
        self.job.start(job, self.tr("Writing…"), lock=(self.results_button, self.walk_button))

    def save_walk_list(self) -> None:
        """The walk list of the households not reached yet, for the khu phố or officer chosen in a table (or the
        whole sweep), written in the background."""
        if self.campaign is None:
            return
        out = self._ask(self.tr("Save walk list as"), f"{self.campaign.name}.pdf", "PDF (*.pdf)")
        if out is None:
            return
        by, key = (self.behind[0], self.behind[1]) if self.behind else (None, None)
        campaign, store = self.campaign, self.ctx.store

        def job(progress_: workers.Progress, cancelled: workers.Cancelled) -> Any:
            from desktop.campaigns.documents import build_campaign_walk_list

            with reopen(store) as reader:
                build_campaign_walk_list(reader, campaign, out, area_id=key if by == "area_id" else None,
                                         officer_id=key if by == "officer_id" else None, progress=progress_,
                                         cancelled=cancelled)
            return out

        self.error.clear_message()
        self.job.start(job, self.tr("Writing…"), lock=(self.results_button, self.walk_button))

    def save_report(self, word: bool = False) -> None:
        """The sweep's report in the Decree 30 layout (coverage, tallies of every question), as PDF or as a Word
        file to finish before signing, in the background."""
        if self.campaign is None:
            return
        if word:
            out = self._ask(self.tr("Save report as"), f"{self.campaign.name}.docx", "Word (*.docx)")
        else:
            out = self._ask(self.tr("Save report as"), f"{self.campaign.name}.pdf", "PDF (*.pdf)")
        if out is None:
            return
        campaign, store = self.campaign, self.ctx.store

        def job(progress_: workers.Progress, cancelled: workers.Cancelled) -> Any:
            from desktop.campaigns.documents import build_campaign_report
            from desktop.campaigns.report_docx import build_campaign_report_docx

            with reopen(store) as reader:
                if word:
                    build_campaign_report_docx(reader, campaign, out, today=self.ctx.today())
                else:
                    build_campaign_report(reader, campaign, out, today=self.ctx.today(), progress=progress_,
                                          cancelled=cancelled)
            return out

        self.error.clear_message()
        self.job.start(job, self.tr("Writing…"),
                       lock=(self.results_button, self.walk_button, self.report_button, self.word_button))

    def define_from_file(self) -> str | None:
        """A sweep from a definition file another ward shared (JSON): checked whole, written whole."""
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Sweep definition"), "", "JSON (*.json)")
        if not path:
            return None
        self.error.clear_message()
        try:
            data = definition.read_definition_file(path)
            campaign_id = definition.create_campaign(self.ctx.store, **definition.definition_from_json(data))
        except WardbookError as error:
            self.error.show_message(error_text(error))
            return None
        self.refresh()
        self.choice.setCurrentIndex(self.choice.findData(campaign_id))
        return campaign_id


def _empty(msg_id: str) -> str:
    return str(i18n.render(i18n.Ref(msg_id)))
