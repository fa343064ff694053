"""A community model (mô hình): recording a new one, or changing one (its members, its status and dates).

The day its members were counted is asked beside their number: a review of a past period prints the count of
its cut-off day (`desktop.register.community_models`). A model's earlier counts are listed, and one entered by
mistake (a wrong number or day) can be removed, after a question."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QWidget

from desktop.errors import WardbookError
from desktop.register.community_models import add_model, edit_model, get_model, model_counts, remove_model_count
from desktop.store.queries import list_areas
from desktop.store.tables import MODEL_KINDS, MODEL_STATUSES
from ui.context import AppContext
from ui.date_edit import DateEdit
from ui.forms.base import FormDialog
from ui.forms.cases import _fill
from ui.language import fmt_date
from ui.widgets import confirm

FIELDS = ("name", "kind", "area", "members", "members_on", "status", "recognised_on", "stopped_on", "notes")


class CommunityModelDialog(FormDialog):
    """New (`model` None) or a model as the list shows it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 model: Mapping[str, object] | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("communityModelForm")
        self.setMinimumWidth(520)
        self.model = model
        self.model_id = str(model["id"]) if model is not None else None
        given = model or {}
        self.name = QLineEdit(str(given.get("name") or ""), self)
        self.kind = QComboBox(self)
        self.area = QComboBox(self)
        self.area.addItem("", None)
        for row in list_areas(ctx.store):
            self.area.addItem(str(row["name"]), row["id"])
        self.area.setCurrentIndex(max(0, self.area.findData(given.get("area_id"))))
        members = given.get("members")
        self.members = QLineEdit("" if members is None else str(members), self)
        self.members_on = DateEdit("", self)
        self.status = QComboBox(self)
        self.recognised_on = DateEdit(fmt_date(given.get("recognised_on")), self)
        self.stopped_on = DateEdit(fmt_date(given.get("stopped_on")), self)
        self.notes = QLineEdit(str(given.get("notes") or ""), self)
        self.counts = QListWidget(self)  # a list, not a field: choosing a count changes nothing to save
        self.counts.setMaximumHeight(self.fontMetrics().height() * 5)
        self.remove_count = QPushButton(self)
        self.remove_count.clicked.connect(self._ask_remove_count)
        for name in FIELDS:
            self.add_field(name, getattr(self, name))
        if model is not None:
            counts = QWidget(self)
            beside = QHBoxLayout(counts)
            beside.setContentsMargins(0, 0, 0, 0)
            beside.addWidget(self.counts, 1)
            beside.addWidget(self.remove_count, 0, Qt.AlignmentFlag.AlignTop)
            self.add_field("counts", counts)
            self.counts.itemSelectionChanged.connect(self._enable_remove)  # listed by retranslate(), below
        self.retranslate()
        self.kind.setCurrentIndex(max(0, self.kind.findData(given.get("kind"))))
        self.status.setCurrentIndex(max(0, self.status.findData(given.get("status") or "active")))
        self.name.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Community model") if self.model else self.tr("New community model"))
        _fill(self.kind, "model_kind", MODEL_KINDS)
        _fill(self.status, "model_status", MODEL_STATUSES)
        for name, text in (
            ("name", self.tr("Name")),
            ("kind", self.tr("Kind")),
            ("area", self.tr("Area")),
            ("members", self.tr("Members")),
            ("members_on", self.tr("Members counted on")),
            ("status", self.tr("Status")),
            ("recognised_on", self.tr("Recognised on")),
            ("stopped_on", self.tr("Stopped on")),
            ("notes", self.tr("Notes")),
            ("counts", self.tr("Member counts")),
        ):
            if name in self._labels:
                self.set_label(name, text)
        self.remove_count.setText(self.tr("Remove this count…"))
        if self.model_id is not None:
            self._fill_counts()  # each count's line is in the language
        self.name.setPlaceholderText(self.tr("e.g. Khu dân cư an toàn về ANTT khu phố 3"))
        self.stopped_on.setPlaceholderText(self.tr("dd/mm/yyyy, when it stopped"))
        self.members_on.setPlaceholderText(self.tr("dd/mm/yyyy; empty: today") if self.model else
                                           self.tr("dd/mm/yyyy; empty: the day it was recognised"))

    def _fill_counts(self) -> None:
        """The model's counts, latest first, as "dd/mm/yyyy: n"."""
        self.counts.clear()
        assert self.model_id is not None  # the counts are listed for a model that exists
        for count in reversed(model_counts(self.ctx.store, self.model_id)):
            item = QListWidgetItem(self.tr("%1: %2 members").replace("%1", fmt_date(count["counted_on"]))
                                   .replace("%2", str(count["members"])))
            item.setData(Qt.ItemDataRole.UserRole, count["id"])
            self.counts.addItem(item)
        self._enable_remove()

    def _enable_remove(self) -> None:
        self.remove_count.setEnabled(bool(self.counts.selectedItems()) and self.ctx.can("community_models"))

    def _ask_remove_count(self) -> None:
        chosen = self.counts.selectedItems()
        if not chosen:
            return
        item = chosen[0]
        confirm(self, self.tr("Remove a member count"),
                self.tr("Remove the count “%1”? Reviews of the periods it covered will show the count before it.")
                .replace("%1", item.text()),
                lambda: self._remove_count(str(item.data(Qt.ItemDataRole.UserRole))))

    def _remove_count(self, count_id: str) -> None:
        untouched = not self.is_filled()
        try:
            remove_model_count(self.ctx.store, count_id)
        except WardbookError as error:
            self.show_error(error)
            return
        assert self.model_id is not None
        members = get_model(self.ctx.store, self.model_id)["members"]
        self.members.setText("" if members is None else str(members))  # the latest remaining count
        self._fill_counts()
        if untouched:  # the removal is saved: closing the form now loses nothing
            self.mark_untouched()

    def field_for_error(self, error):
        if error.params.get("field") == "area_id":
            return "area"
        return super().field_for_error(error)

    def save(self) -> str | None:
        fields = {"name": self.name.text(), "kind": self.kind.currentData(), "area_id": self.area.currentData(),
                  "members": self.members.text(), "status": self.status.currentData(),
                  "recognised_on": self.recognised_on.text(),
                  # a date stopped left in the field of a model made active again is not the model's any more
                  "stopped_on": self.stopped_on.text() if self.status.currentData() == "stopped" else None,
                  "notes": self.notes.text().strip() or None}
        members_on = self.members_on.text().strip() or None
        if self.model_id is not None:
            edit_model(self.ctx.store, self.model_id, members_on=members_on, **fields)
            return self.model_id
        return add_model(self.ctx.store, members_on=members_on, **fields)
