"""Admin (admins only): user accounts, the ward settings used on documents (issuing body, place, signer),
backups, retention and personal-data requests — one tab each. The tabs' work lives in `admin_users` and
`admin_data`; the core checks the admin's right on every call."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.security.access import change_settings
from desktop.store.queries import ward_stats
from ui.context import AppContext
from ui.language import fmt_number
from ui.pages.admin_data import BackupBox, RetentionBox, SubjectExportBox
from ui.pages.admin_users import UsersBox
from ui.widgets import Page, show_error

# The keys desktop.reports reads for the document's title and signature blocks.
WARD_SETTINGS = ("report.superior_body", "report.issuing_body", "report.place", "report.signer_post",
                 "report.signer_name")


class AdminPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.tabs = QTabWidget(self)
        self.users_box = UsersBox(ctx, self.tabs)
        self.users = self.users_box.model
        self.settings_box = QGroupBox(self.tabs)
        form = QFormLayout(self.settings_box)
        self.setting_labels = {key: QLabel(self.settings_box) for key in WARD_SETTINGS}
        self.setting_edits = {
            key: QLineEdit(ctx.store.setting(key) or "", self.settings_box) for key in WARD_SETTINGS
        }
        for key in WARD_SETTINGS:
            form.addRow(self.setting_labels[key], self.setting_edits[key])
        self.save_button = QPushButton(self.settings_box)
        self.settings_notice = QLabel(self.settings_box)  # "Saved.": a save that says nothing looks like none
        saving = QHBoxLayout()
        saving.addWidget(self.save_button)
        saving.addWidget(self.settings_notice, 1)
        form.addRow("", saving)
        self.backup_box = BackupBox(ctx)
        self.retention_box = RetentionBox(ctx)
        self.subject_box = SubjectExportBox(ctx)
        data_tab = QWidget(self.tabs)
        data_layout = QVBoxLayout(data_tab)
        data_layout.addWidget(self.backup_box)
        data_layout.addWidget(self.subject_box)
        data_layout.addStretch(1)
        for widget in (self.users_box, self.settings_box, data_tab, self.retention_box):
            self.tabs.addTab(widget, "")
        self.stats = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stats)
        layout.addWidget(self.tabs, 1)
        self.save_button.clicked.connect(self.save_settings)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Admin")

    def retranslate(self) -> None:
        for number, text in enumerate((self.tr("Users"), self.tr("Ward settings"), self.tr("Backup and personal data"),
                                       self.tr("Retention"))):
            self.tabs.setTabText(number, text)
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
        for box in (self.users_box, self.backup_box, self.retention_box, self.subject_box):
            box.retranslate()  # plain child widgets: the page passes the language change on
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
        self.users_box.refresh()
        self.retention_box.refresh()
        self._stats = ward_stats(self.ctx.store, self.ctx.today())
        self._show_stats()

    def save_settings(self) -> None:
        """Through the core, so the changes are checked (admins only) and audited, all or none; then say so."""
        self.settings_notice.clear()
        changed = {key: edit.text().strip() for key, edit in self.setting_edits.items()
                   if edit.text().strip() != (self.ctx.store.setting(key) or "")}
        try:
            change_settings(self.ctx.store, changed)
        except WardbookError as error:
            show_error(self, error, self.tr("Not saved"))
            return
        self.settings_notice.setText(self.tr("Saved.") if changed else self.tr("Nothing to save."))
