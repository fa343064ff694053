"""Admin → the data itself: encrypted backup and restore, the retention rule with its purge, and the export of
everything held about one person (a data-subject request).

The work is the core's (`desktop.security.database`, `.retention`, `.access`), which checks the admin's right
and writes the audit entries. A purge removes data for good on every laptop, so the admin always sees the
preview first and confirms a question that names how much goes; it then runs in a worker with progress.
A restore replaces the open database, so it happens after the window closes (see `ui.app`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.security import retention
from desktop.security.access import write_person_export
from desktop.security.database import backup, check_restore, reopen
from desktop.security.session import authorize
from desktop.store.queries import find_people
from ui import workers
from ui.context import AppContext
from ui.language import fmt_number
from ui.models import Column, RowsModel, date_of, text_of
from ui.progress import JobProgress
from ui.widgets import FieldError, confirm, record_table, show_error, with_chosen_suffix


class BackupBox(QGroupBox):
    """Back up to a file (encrypted with the same key) or restore one (the app closes to do it)."""

    restore_requested = Signal(str)  # the backup file; the window closes and the app restores it
    backed_up = Signal(str)  # the backup file, once written whole

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.backup_button, self.restore_button = QPushButton(self), QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        # A ward's register is hundreds of megabytes and a USB stick is slow: the copy runs in the background
        # with its progress, and Cancel leaves no file behind.
        self.progress = JobProgress(self, messages=False)
        self.progress.finished.connect(self._backed_up)
        self.progress.failed.connect(lambda message: show_error(self, message, self.tr("Backup")))
        self.progress.cancelled.connect(lambda: self.status.setText(self.tr("Backup cancelled: no file was written.")))
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.backup_button.clicked.connect(lambda: self.back_up())
        self.restore_button.clicked.connect(lambda: self.restore())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backup"))
        self.backup_button.setText(self.tr("Back up to a file…"))
        self.restore_button.setText(self.tr("Restore a backup…"))

    def back_up(self, path: Path | None = None) -> bool:
        """Start the backup to `path` (asked for when None); False when none was started. `backed_up` follows
        once the file is written whole."""
        if path is None:
            chosen, _f = QFileDialog.getSaveFileName(self, self.tr("Back up to"), str(
                self.ctx.db_path.with_name("wardbook-backup.db")), self.tr("WardBook backups (*.db)"))
            if not chosen:
                return False
            path = Path(chosen)
        store, secrets, target = self.ctx.store, self.ctx.secrets, path

        def job(progress: workers.Progress, cancelled: workers.Cancelled) -> str:
            with reopen(store) as own:  # same key and the admin's session: the backup is checked and audited
                backup(own, target, secrets, progress, cancelled)
            return str(target)

        self.status.clear()
        self.progress.start(job, self.tr("Writing the backup…"), lock=(self.backup_button, self.restore_button))
        return True

    def _backed_up(self, path: str) -> None:
        self.status.setText(self.tr("Backup written: %1 (encrypted with this register's key).").replace("%1", path))
        self.backed_up.emit(path)

    def restore(self, path: Path | None = None) -> Any:
        try:
            authorize(self.ctx.store, "backup")
        except WardbookError as error:
            return show_error(self, error, self.tr("Restore"))
        if path is None:
            chosen, _f = QFileDialog.getOpenFileName(self, self.tr("Restore from"), str(self.ctx.db_path.parent),
                                                     self.tr("WardBook backups (*.db)"))
            if not chosen:
                return None
            path = Path(chosen)
        source = path
        try:
            check_restore(self.ctx.store, source, self.ctx.secrets)  # refused now, not after the app has closed
        except WardbookError as error:
            return show_error(self, error, self.tr("Restore"))
        return confirm(self, self.tr("Restore"), self.tr(
            "Replace the whole register by the backup %1?\n\nEverything written since that backup leaves the "
            "register, which is kept as it is now in a copy beside it. WardBook closes to restore it; start it "
            "again afterwards.").replace("%1", str(source)),
            lambda: self.restore_requested.emit(str(source)))


class RetentionBox(QGroupBox):
    """The rule (years after moving out), the preview of what it removes, and the confirmed purge."""

    purged = Signal(object)  # the PurgePreview of what went

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: retention.PurgePreview | None = None
        self.years_label = QLabel(self)
        self.years = QSpinBox(self)
        self.years.setRange(1, 100)
        self.years.setValue(5)
        self.save_button, self.preview_button, self.purge_button = QPushButton(self), QPushButton(self), \
            QPushButton(self)
        self.purge_button.setEnabled(False)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = RowsModel(
            [
                Column("code", lambda: self.tr("Code"), text_of("code")),
                Column("address", lambda: self.tr("Address"), text_of("address")),
                Column("moved_out_on", lambda: self.tr("Moved out"), date_of("moved_out_on")),
                Column("last_visit", lambda: self.tr("Last visit"), date_of("last_visit")),
            ],
            self,
        )
        self.view = record_table(self, self.model)
        self.progress = JobProgress(self, cancellable=False, messages=False)
        row = QHBoxLayout()
        for widget in (self.years_label, self.years, self.save_button, self.preview_button, self.purge_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.progress)
        self.save_button.clicked.connect(self.save_rule)
        self.preview_button.clicked.connect(self.preview)
        self.purge_button.clicked.connect(self.ask_purge)
        self.progress.finished.connect(self._done)
        self.progress.failed.connect(self.summary.setText)
        self.progress.cancelled.connect(lambda: self.summary.setText(self.tr("Cancelled.")))
        self.years.valueChanged.connect(lambda _v: self._forget_plan())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Retention of households that moved out"))
        self.years_label.setText(self.tr("Keep for (years after moving out):"))
        self.save_button.setText(self.tr("Save rule"))
        self.preview_button.setText(self.tr("Preview"))
        self.purge_button.setText(self.tr("Purge…"))
        self.model.retranslate()

    def refresh(self) -> None:
        current = retention.rule(self.ctx.store)
        if current:
            self.years.blockSignals(True)
            self.years.setValue(current)
            self.years.blockSignals(False)

    def _forget_plan(self) -> None:
        self.plan = None
        self.model.set_rows([])
        self.purge_button.setEnabled(False)
        self.summary.setText("")

    def save_rule(self) -> bool:
        try:
            retention.set_rule(self.ctx.store, self.years.value())
        except WardbookError as error:
            show_error(self, error, self.tr("Not saved"))
            return False
        self.summary.setText(self.tr("Rule saved: %1 years.").replace("%1", str(self.years.value())))
        return True

    def preview(self) -> retention.PurgePreview | None:
        try:
            plan = retention.preview(self.ctx.store, self.years.value(), today=self.ctx.today())
        except WardbookError as error:
            show_error(self, error, self.tr("Retention"))
            return None
        self.plan = plan
        self.model.set_rows(plan.households)
        self.purge_button.setEnabled(bool(plan.households))
        self.summary.setText(self._describe(plan, self.tr(
            "Moved out before %1: %2 household(s), %3 people, %4 visits, %5 cases would be purged.")))
        return plan

    def _describe(self, plan: retention.PurgePreview, text: str) -> str:
        counts = plan.counts
        said = (text.replace("%1", plan.cutoff[8:10] + "/" + plan.cutoff[5:7] + "/" + plan.cutoff[:4])
                .replace("%2", fmt_number(len(plan.households))).replace("%3", fmt_number(counts.get("people", 0)))
                .replace("%4", fmt_number(counts.get("visits", 0))).replace("%5", fmt_number(counts.get("cases", 0))))
        if plan.copies:  # a copy a restore kept still holds these households: it goes with them
            said += " " + self.tr("The copies earlier restores kept beside the register hold them too and are "
                                  "deleted with them: %1.").replace("%1", ", ".join(plan.copies))
        return said

    def ask_purge(self) -> Any:
        plan = self.plan
        if plan is None or not plan.households:
            return None
        return confirm(self, self.tr("Purge for good"), self._describe(plan, self.tr(
            "Permanently delete %2 household(s) that moved out before %1, with %3 people, %4 visits and %5 cases "
            "about them, on every laptop? This cannot be undone.")), self.start_purge)

    def start_purge(self) -> None:
        plan = self.plan
        if plan is None:
            return
        store, years, today = self.ctx.store, plan.years, self.ctx.today()
        confirmed = [str(household["id"]) for household in plan.households]  # what the question named

        def job(progress: workers.Progress, cancelled: workers.Cancelled) -> retention.PurgePreview:
            with reopen(store) as own:  # same key and the admin's session: the purge is checked and audited
                return retention.purge(own, years, today=today, progress=progress, cancelled=cancelled,
                                       confirmed=confirmed)

        self.purge_button.setEnabled(False)  # until the next preview
        self.progress.start(job, lock=(self.preview_button,))

    def _done(self, plan: retention.PurgePreview) -> None:
        self._forget_plan()
        self.summary.setText(self.tr("Purged: %1 household(s).").replace("%1", fmt_number(len(plan.households))))
        self.ctx.households_changed.emit("")
        self.ctx.records_changed.emit()
        self.purged.emit(plan)


class SubjectExportBox(QGroupBox):
    """Type a name, pick the person, save everything held about them as JSON (the export is audited)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.name = QLineEdit(self)
        self.find_button = QPushButton(self)
        self.people = QComboBox(self)
        self.export_button = QPushButton(self)
        self.export_button.setEnabled(False)
        self.error = FieldError(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.find_button)
        pick = QHBoxLayout()
        pick.addWidget(self.people, 1)
        pick.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(pick)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        self.name.returnPressed.connect(self.search)
        self.find_button.clicked.connect(self.search)
        self.export_button.clicked.connect(lambda: self.export())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Personal data request (export everything about one person)"))
        self.name.setPlaceholderText(self.tr("Full name, accents optional"))
        self.find_button.setText(self.tr("Find"))
        self.export_button.setText(self.tr("Export as JSON…"))

    def search(self) -> int:
        self.error.clear_message()
        self.people.clear()
        for person in find_people(self.ctx.store, self.name.text()):
            text = f"{person['full_name']} ({person['birth_year'] or '?'}) — {person['house_no']} {person['street']}"
            if person["moved_out_on"]:
                text += " — " + self.tr("moved out")
            self.people.addItem(text, person["id"])
        self.export_button.setEnabled(self.people.count() > 0)
        if not self.people.count():
            self.error.show_message(self.tr("Nobody with that name."))
        return self.people.count()

    def export(self, path: Path | None = None) -> Path | None:
        person_id = self.people.currentData()
        if not person_id:
            return None
        if path is None:
            chosen, kind = QFileDialog.getSaveFileName(self, self.tr("Export as"), str(
                self.ctx.db_path.with_name("du-lieu-ca-nhan.json")), "JSON (*.json)")
            if not chosen:
                return None
            path = Path(with_chosen_suffix(chosen, kind))
        try:
            withheld = write_person_export(self.ctx.store, str(person_id), path)
        except WardbookError as error:
            self.error.show_message(error.message())
            return None
        saved = self.tr("Saved: %1").replace("%1", str(path))
        self.status.setText(f"{saved}\n{withheld}" if withheld else saved)
        return path
