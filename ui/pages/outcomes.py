"""The Reintegration & models page: the reintegration register (people supported after a sentence) and the
ward's community models (mô hình), each a list with its buttons, on two tabs.

An officer sees and manages the people they are responsible for; a team lead or an admin everyone's. Every
role sees the community models; only team leads and admins are offered to record or change them (the core
refuses anyone else, here and through sync).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from desktop.register.community_models import list_models
from desktop.register.labels import label
from desktop.register.reintegration import list_reintegration
from desktop.security.session import visible_officer
from desktop.store.tables import MODEL_STATUSES
from ui.context import AppContext
from ui.models import Column, RowsModel, address, date_of, label_of, number_of, text_of
from ui.widgets import Page, chosen, record_table

if TYPE_CHECKING:
    from ui.forms.community_models import CommunityModelDialog
    from ui.forms.reintegration import ReintegrationDialog

# The forms are imported when the officer opens one, not when the window starts.


class ReintegrationTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.which = QComboBox(self)
        self.which.setObjectName("reintegrationFilter")
        self.count = QLabel(self)
        self.new_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.model = RowsModel(
            [
                Column("person", lambda: self.tr("Person"), text_of("person")),
                Column("birth_year", lambda: self.tr("Born"), text_of("birth_year")),
                Column("address", lambda: self.tr("Address"), address),
                Column("area", lambda: self.tr("Area"), text_of("area")),
                Column("started_on", lambda: self.tr("Support from"), date_of("started_on")),
                Column("ended_on", lambda: self.tr("Until"), date_of("ended_on")),
                Column("officer", lambda: self.tr("Officer responsible"), text_of("officer")),
            ],
            self,
        )
        self.view = record_table(self, self.model)
        top = QHBoxLayout()
        top.addWidget(self.which)
        top.addWidget(self.count, 1)
        top.addWidget(self.edit_button)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.which.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(lambda: self.open_record(None))
        self.edit_button.clicked.connect(lambda: self.open_record(self._selected()))
        self.view.activated.connect(lambda index: self.open_record(self.model.row(index.row())))

    def retranslate(self) -> None:
        self.which.blockSignals(True)
        current = self.which.currentData()
        self.which.clear()
        self.which.addItem(self.tr("Under support now"), "current")
        self.which.addItem(self.tr("Everyone in the register"), "all")
        self.which.setCurrentIndex(max(0, self.which.findData(current)))
        self.which.blockSignals(False)
        self.new_button.setText(self.tr("Add a person…"))
        self.edit_button.setText(self.tr("Correct or end…"))
        self._count()
        self.model.retranslate()

    def _count(self) -> None:
        self.count.setText(self.tr("%1 person(s)").replace("%1", str(self.model.rowCount())))

    def refresh(self) -> None:
        store = self.ctx.store  # an officer sees those they are responsible for
        self.model.set_rows(list_reintegration(store, current_only=self.which.currentData() != "all",
                                               on=self.ctx.today(), officer_id=visible_officer(store)))
        self._count()

    def _selected(self) -> Mapping[str, object] | None:
        index = chosen(self.view)
        return self.model.row(index.row()) if index.isValid() else None

    def open_record(self, record: Mapping[str, object] | None) -> ReintegrationDialog:
        from ui.forms.reintegration import ReintegrationDialog

        dialog = ReintegrationDialog(self.ctx, self, record)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # each record opened makes a new form
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog


class ModelsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status = QComboBox(self)
        self.status.setObjectName("modelStatusFilter")
        self.count = QLabel(self)
        self.new_button = QPushButton(self)
        self.model = RowsModel(
            [
                Column("name", lambda: self.tr("Model"), text_of("name")),
                Column("kind", lambda: self.tr("Kind"), label_of("model_kind", "kind")),
                Column("area", lambda: self.tr("Area"), text_of("area")),
                Column("members", lambda: self.tr("Members"), number_of("members"), align_right=True),
                Column("status", lambda: self.tr("Status"), label_of("model_status", "status")),
                Column("recognised_on", lambda: self.tr("Recognised on"), date_of("recognised_on")),
            ],
            self,
        )
        self.view = record_table(self, self.model)
        top = QHBoxLayout()
        top.addWidget(self.status)
        top.addWidget(self.count, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(lambda: self.open_model(None))
        self.view.activated.connect(lambda index: self.open_model(self.model.row(index.row())))

    def retranslate(self) -> None:
        self.status.blockSignals(True)
        current = self.status.currentData()
        self.status.clear()
        self.status.addItem(self.tr("All models"), None)
        for code in MODEL_STATUSES:
            self.status.addItem(label("model_status", code), code)
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.blockSignals(False)
        self.new_button.setText(self.tr("New model…"))
        self._count()
        self.model.retranslate()

    def _count(self) -> None:
        self.count.setText(self.tr("%1 model(s)").replace("%1", str(self.model.rowCount())))

    def refresh(self) -> None:
        self.new_button.setVisible(self.ctx.can("community_models"))
        self.model.set_rows(list_models(self.ctx.store, status=self.status.currentData()))
        self._count()

    def open_model(self, model: Mapping[str, object] | None) -> CommunityModelDialog | None:
        """The model's form (team leads and admins; others only read the list)."""
        if not self.ctx.can("community_models"):
            return None
        from ui.forms.community_models import CommunityModelDialog

        dialog = CommunityModelDialog(self.ctx, self, model)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog


class OutcomesPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.reintegration = ReintegrationTab(ctx, self.tabs)
        self.models = ModelsTab(ctx, self.tabs)
        self.tabs.addTab(self.reintegration, "")
        self.tabs.addTab(self.models, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.retranslate()

    def title(self) -> str:
        return self.tr("Reintegration & models")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Reintegration support"))
        self.tabs.setTabText(1, self.tr("Community models"))
        self.reintegration.retranslate()
        self.models.retranslate()

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if isinstance(current, (ReintegrationTab, ModelsTab)):
            current.refresh()
