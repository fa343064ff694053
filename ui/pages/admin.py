"""Admin: the ward's users and the ward settings used on documents (issuing body, place, signer)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.store.queries import list_users, ward_stats
from ui.context import AppContext
from ui.language import fmt_number
from ui.models import Column, RowsModel, label_of, text_of
from ui.pages.followups import _table
from ui.widgets import Page

# The keys desktop.reports reads for the document's title and signature blocks.
WARD_SETTINGS = ("report.superior_body", "report.issuing_body", "report.place", "report.signer_post",
                 "report.signer_name")


class AdminPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.users_box = QGroupBox(self)
        self.users = RowsModel(
            [
                Column("username", lambda: self.tr("Username"), text_of("username")),
                Column("full_name", lambda: self.tr("Full name"), text_of("full_name")),
                Column("role", lambda: self.tr("Role"), label_of("role", "role")),
                Column(
                    "active",
                    lambda: self.tr("Active"),
                    lambda row: self.tr("yes") if row.get("active") else self.tr("no"),
                ),
            ],
            self,
        )
        QVBoxLayout(self.users_box).addWidget(_table(self.users_box, self.users))
        self.settings_box = QGroupBox(self)
        form = QFormLayout(self.settings_box)
        self.setting_labels = {key: QLabel(self.settings_box) for key in WARD_SETTINGS}
        self.setting_edits = {
            key: QLineEdit(ctx.store.setting(key) or "", self.settings_box) for key in WARD_SETTINGS
        }
        for key in WARD_SETTINGS:
            form.addRow(self.setting_labels[key], self.setting_edits[key])
        self.save_button = QPushButton(self.settings_box)
        form.addRow("", self.save_button)
        self.stats = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stats)
        layout.addWidget(self.users_box, 1)
        layout.addWidget(self.settings_box)
        self.save_button.clicked.connect(self.save_settings)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Admin")

    def retranslate(self) -> None:
        self.users_box.setTitle(self.tr("Users"))
        self.settings_box.setTitle(self.tr("Ward settings (printed on reports)"))
        names = {
            "report.superior_body": self.tr("Superior body"),
            "report.issuing_body": self.tr("Issuing body"),
            "report.place": self.tr("Place (on the date line)"),
            "report.signer_post": self.tr("Signer's post"),
            "report.signer_name": self.tr("Signer's name"),
        }
        for key, widget in self.setting_labels.items():
            widget.setText(names[key])
        self.save_button.setText(self.tr("Save settings"))
        self.users.retranslate()
        self._show_stats()

    def _show_stats(self) -> None:
        if not hasattr(self, "_stats"):
            return
        s = self._stats
        self.stats.setText(
            self.tr("%1 households · %2 people · %3 visits · %4 open follow-ups · %5 open cases")
            .replace("%1", fmt_number(s["households"]))
            .replace("%2", fmt_number(s["people"]))
            .replace("%3", fmt_number(s["visits"]))
            .replace("%4", fmt_number(s["follow_ups_open"]))
            .replace("%5", fmt_number(s["cases_open"]))
        )

    def refresh(self) -> None:
        self.users.set_rows(list_users(self.ctx.store))
        self._stats = ward_stats(self.ctx.store, self.ctx.today())
        self._show_stats()

    def save_settings(self) -> None:
        for key, edit in self.setting_edits.items():
            self.ctx.store.set_setting(key, edit.text().strip())
