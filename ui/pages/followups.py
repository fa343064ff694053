"""Visits and follow-ups: what is due today and what is overdue, plus the latest visits of the ward."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.register.visits import complete_follow_up
from desktop.security.session import visible_officer
from desktop.store.queries import count_others_visits, list_visits
from ui.context import AppContext
from ui.date_edit import ask_date
from ui.language import fmt_date
from ui.models import Column, RowsModel, address, date_of, label_of, number_of
from ui.widgets import Page, chosen, hidden_text, record_table

RECENT = 200


class FollowUpsPage(Page):
    open_household = Signal(str)
    open_visit = Signal(str)  # double-click or Enter on a row: the visit's form, to correct or void it
    new_visit = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.boxes: dict[str, QGroupBox] = {}
        self.models: dict[str, RowsModel] = {}
        self.views: dict[str, QTableView] = {}
        self.hidden_notes: dict[str, QLabel] = {}
        self.hidden: dict[str, int] = {"today": 0, "overdue": 0, "recent": 0}
        self._last_list = "today"  # the list the officer chose a row in last: the buttons act on its row
        layout = QVBoxLayout(self)
        actions = QHBoxLayout()
        self.visit_button = QPushButton(self)
        self.done_button = QPushButton(self)
        self.household_button = QPushButton(self)
        self.household_button.setObjectName("openHousehold")
        actions.addWidget(self.visit_button)
        actions.addWidget(self.done_button)
        actions.addWidget(self.household_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        for key in ("today", "overdue", "recent"):
            model = RowsModel(
                [
                    Column("follow_up_due", lambda: self.tr("Due"), date_of("follow_up_due")),
                    Column("address", lambda: self.tr("Address"), address),
                    Column("visited_at", lambda: self.tr("Visited"), date_of("visited_at")),
                    Column(
                        "purposes", lambda: self.tr("Purposes"), label_of("purpose", "purposes", many=True)
                    ),
                    Column("outcome", lambda: self.tr("Outcome"), self._outcome),
                    Column(
                        "support_vnd",
                        lambda: self.tr("Support (VND)"),
                        number_of("support_vnd"),
                        align_right=True,
                    ),
                    Column(
                        "findings", lambda: self.tr("Findings"), lambda row: str(row.get("findings") or "")
                    ),
                ],
                self,
            )
            if key == "overdue":
                model.alert = lambda row: True
            box = QGroupBox(self)
            view = record_table(box, model)
            view.activated.connect(lambda index, m=model: self.open_visit.emit(str(m.row(index.row())["id"])))
            view.selectionModel().currentChanged.connect(lambda _now, _before, k=key: self._chosen_in(k))
            note = QLabel(box)  # for an officer: other officers' entries of this list are left out
            note.setObjectName(f"hiddenEntries_{key}")
            note.setStyleSheet("color: #555; font-style: italic;")
            note.hide()
            column = QVBoxLayout(box)
            column.addWidget(view)
            column.addWidget(note)
            layout.addWidget(box, 1)
            self.boxes[key], self.models[key], self.views[key] = box, model, view
            self.hidden_notes[key] = note
        self.visit_button.clicked.connect(lambda: self.new_visit.emit(""))
        self.done_button.clicked.connect(self._mark_done)
        self.household_button.clicked.connect(self._open_household)
        ctx.records_changed.connect(self.refresh)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Visits & follow-ups")

    def _outcome(self, row: Mapping[str, object]) -> str:
        """The outcome, and whether the visit was voided (it stays listed among the latest, marked)."""
        text = label_of("outcome", "outcome")(row)
        return text + " — " + self.tr("voided") if row.get("voided") else text

    def retranslate(self) -> None:
        self.visit_button.setText(self.tr("New visit"))
        self.done_button.setText(self.tr("Follow-up done…"))
        self.household_button.setText(self.tr("Open household"))
        for model in self.models.values():
            model.retranslate()
        self._show_counts()

    def _show_counts(self) -> None:
        """The lists' titles with their counts, and the notes of other officers' entries left out."""
        counts = {key: model.rowCount() for key, model in self.models.items()}
        self.boxes["today"].setTitle(self.tr("Due today (%1)").replace("%1", str(counts["today"])))
        self.boxes["overdue"].setTitle(self.tr("Overdue (%1)").replace("%1", str(counts["overdue"])))
        self.boxes["recent"].setTitle(self.tr("Latest visits"))
        for key, note in self.hidden_notes.items():
            note.setText(hidden_text(self.hidden[key]))
            note.setVisible(self.hidden[key] > 0)

    def refresh(self) -> None:
        today = self.ctx.today()
        store = self.ctx.store
        mine = visible_officer(store)  # an officer sees only their own visits; leads and admins all
        self.models["today"].set_rows(list_visits(store, due_on=today, officer_id=mine))
        self.models["overdue"].set_rows(list_visits(store, overdue_on=today, officer_id=mine))
        self.models["recent"].set_rows(list_visits(store, limit=RECENT, officer_id=mine))
        self.hidden = {"today": count_others_visits(store, mine, due_on=today),
                       "overdue": count_others_visits(store, mine, overdue_on=today),
                       "recent": count_others_visits(store, mine)}
        self._show_counts()  # the rows were just set: repainting them all again for the language cost a second

    def _chosen_in(self, key: str) -> None:
        self._last_list = key

    def _selected(self, keys: tuple[str, ...]) -> Mapping[str, object] | None:
        """The row chosen in the list used last if it is one of these, else in the first of them that has one."""
        for key in sorted(keys, key=lambda k: k != self._last_list):
            index = chosen(self.views[key])
            if index.isValid():
                return self.models[key].row(index.row())
        return None

    def _open_household(self) -> None:
        row = self._selected(("today", "overdue", "recent"))
        if row and row.get("household_id"):
            self.open_household.emit(str(row["household_id"]))

    def _mark_done(self) -> None:
        row = self._selected(("today", "overdue"))
        if row is None:
            return
        if not ask_date(self, self.tr("Follow-up done"), self.tr("Done on (dd/mm/yyyy):"),
                        fmt_date(self.ctx.today().isoformat()),
                        lambda text: complete_follow_up(self.ctx.store, str(row["id"]), text)):
            return
        self.ctx.records_changed.emit()
        self.ctx.households_changed.emit(str(row.get("household_id") or ""))
