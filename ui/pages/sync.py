"""Sync: the share path, the station's set-up (`ui.pages.sync_setup`), Sync now with progress, each laptop's
status, the problems not over yet (what each error counted in the status is, in words) and the conflicts inbox
(the conflicts the logged-in user may see, in words: `desktop.sync.conflict_words.inbox`).

The work is done by `desktop.sync.jobs`: `sync_now` in a worker thread with this laptop's sync key store (the
database's key file, the OS keyring, or a key file asked for in a dialog), `device_status` and
`resolve_conflict`.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.errors import WardbookError
from desktop.security.database import reopen
from desktop.security.secrets import SecretStore
from desktop.sync import jobs
from desktop.sync.conflict_words import inbox
from desktop.sync.problems import explained, is_warning, open_problems
from desktop.sync.share_clock import clock_off_message
from ui import workers
from ui.context import AppContext
from ui.language import fmt_time
from ui.models import Column, RowsModel, number_of, text_of, time_of
from ui.pages.sync_setup import SetupBox, SyncKeyChooser
from ui.progress import JobProgress
from ui.widgets import FieldError, Page, chosen, record_table

SHARE_SETTING = "sync.share"


class SyncPage(Page):
    synced = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 secrets: SecretStore | None = None) -> None:
        """`secrets`: the sync key store to use (tests); by default it is found as the CLI finds it."""
        super().__init__(ctx, parent)
        self.keys = SyncKeyChooser(ctx, self, secrets)
        self._device_loads = 0  # the newest read of the laptops' status; an older one answering late is dropped
        self.devices_loading: workers.Worker | None = None
        self.share_label = QLabel(self)
        self.share = QLineEdit(ctx.store.setting(SHARE_SETTING) or "", self)
        self._syncing_with = ""  # the folder of the sync running (remembered once it worked)
        self.browse = QPushButton(self)
        self.sync_button = QPushButton(self)
        self.sync_button.setObjectName("syncNow")
        self.progress = JobProgress(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = FieldError(self)
        self.setup = SetupBox(ctx, lambda: self.share.text().strip(), self.keys, self)
        self.devices_box = QGroupBox(self)
        self.devices = RowsModel(
            [
                Column(
                    "device_id", lambda: self.tr("Laptop"), lambda row: str(row.get("device_id") or "")[:8]
                ),
                Column("name", lambda: self.tr("Name"), text_of("name")),
                Column(
                    "last_seq", lambda: self.tr("Last changeset"), number_of("last_seq"), align_right=True
                ),
                Column("lag", lambda: self.tr("Behind by"), number_of("lag"), align_right=True),
                Column(
                    "clock_offset", lambda: self.tr("Clock offset (min)"), text_of("clock_offset"), align_right=True
                ),
                Column("errors", lambda: self.tr("Errors"), number_of("errors"), align_right=True),
                Column("last_sync", lambda: self.tr("Last sync"), time_of("last_sync")),
            ],
            self,
        )
        self.devices.alert = lambda row: bool(row.get("errors"))
        self.devices_view = record_table(self.devices_box, self.devices)
        QVBoxLayout(self.devices_box).addWidget(self.devices_view)
        self.devices_box.hide()  # until the share has told the laptops' status
        self.problems_box = QGroupBox(self)
        self.problems = RowsModel(
            [
                Column("at", lambda: self.tr("When"), time_of("at")),
                Column("device", lambda: self.tr("Laptop"), lambda row: str(row.get("device") or "")[:8]),
                Column("file", lambda: self.tr("File"), text_of("file")),
                # In words, in the language chosen now (the rows keep the recorded code).
                Column("kind", lambda: self.tr("What happened"), lambda row: explained(str(row["kind"]))),
            ],
            self,
        )
        self.problems.alert = lambda row: not is_warning(str(row["kind"]))
        self.problems_view = record_table(self.problems_box, self.problems)
        QVBoxLayout(self.problems_box).addWidget(self.problems_view)
        self.conflicts_box = QGroupBox(self)
        self.conflicts = RowsModel(
            [
                Column("detected_at", lambda: self.tr("Detected"), time_of("detected_at")),
                Column("record", lambda: self.tr("Record"), text_of("record")),
                Column("which", lambda: self.tr("Which one"), text_of("which")),
                Column("field", lambda: self.tr("Field"), text_of("field")),
                Column("kept", lambda: self.tr("Value kept"), text_of("kept")),
                Column("lost", lambda: self.tr("Other value"), text_of("lost")),
            ],
            self,
        )
        self.conflicts_view = record_table(self.conflicts_box, self.conflicts)
        self._conflicts_language = ""  # the language the conflicts' words were read in (none read yet)
        self.keep_kept = QPushButton(self.conflicts_box)
        self.keep_lost = QPushButton(self.conflicts_box)
        conflict_buttons = QHBoxLayout()
        conflict_buttons.addWidget(self.keep_kept)
        conflict_buttons.addWidget(self.keep_lost)
        conflict_buttons.addStretch(1)
        conflicts_layout = QVBoxLayout(self.conflicts_box)
        conflicts_layout.addWidget(self.conflicts_view)
        conflicts_layout.addLayout(conflict_buttons)

        share_row = QHBoxLayout()
        share_row.addWidget(self.share_label)
        share_row.addWidget(self.share, 1)
        share_row.addWidget(self.browse)
        share_row.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(share_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.setup, 1)
        layout.addWidget(self.devices_box, 1)
        layout.addWidget(self.problems_box, 1)
        layout.addWidget(self.conflicts_box, 1)

        self.browse.clicked.connect(self._browse)
        self.share.editingFinished.connect(self._share_chosen)
        self.setup.changed.connect(self.refresh)
        self.sync_button.clicked.connect(self.sync_now)
        self.progress.finished.connect(self._finished)
        self.progress.failed.connect(self.error.show_message)
        self.progress.cancelled.connect(lambda: self.status.setText(self.tr(
            "Sync stopped. What was already applied is kept; the next sync goes on from there.")))
        self.keep_kept.clicked.connect(lambda: self._resolve("kept"))
        self.keep_lost.clicked.connect(lambda: self._resolve("lost"))
        self.retranslate()

    def title(self) -> str:
        return self.tr("Sync")

    def retranslate(self) -> None:
        if self._conflicts_language and self._conflicts_language != i18n.current_language():
            self._load_conflicts()  # the records' and values' words come from the core, in its language
        self.share_label.setText(self.tr("Shared folder:"))
        self.share.setPlaceholderText(self.tr(r"e.g. \\station\wardbook, /mnt/share or smb://host/share"))
        self.browse.setText(self.tr("Choose…"))
        self.sync_button.setText(self.tr("Sync now"))
        self.devices_box.setTitle(self.tr("Laptops on the share"))
        self.problems_box.setTitle(
            self.tr("Problems not over yet (%1)").replace("%1", str(self.problems.rowCount()))
        )
        self.conflicts_box.setTitle(
            self.tr("Conflicts to review (%1)").replace("%1", str(self.conflicts.rowCount()))
        )
        self.keep_kept.setText(self.tr("Keep the value kept"))
        self.keep_lost.setText(self.tr("Use the other value"))
        self.devices.retranslate()
        self.problems.retranslate()
        self.conflicts.retranslate()
        self.setup.retranslate()

    def refresh(self) -> None:
        self.setup.refresh()
        self._load_devices()
        self.problems.set_rows([asdict(problem) for problem in open_problems(self.ctx.store)])
        self.problems_box.setVisible(self.problems.rowCount() > 0)
        self._load_conflicts()
        self.retranslate()

    def _share_chosen(self) -> None:
        """Enter, or leaving the field: the folder typed is checked, unless it is the one checked already (focus
        moving on from an unchanged field starts no second wait for a computer that does not answer)."""
        if self.share.text().strip() != self.setup.checked_location:
            self.setup.refresh()

    def _load_devices(self) -> None:
        """Each laptop's status as the remembered share tells it, read in a worker with its own connection: the
        share may answer only at its timeout (its computer off), and opening the page must not wait for it."""
        self._device_loads += 1
        load, store = self._device_loads, self.ctx.store

        def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> tuple[int, list[dict[str, object]]]:
            with reopen(store) as own:  # same key, same logged-in user, same audit hook
                return load, jobs.device_status(own)

        # A bound method, not a lambda: Qt drops it if the page is gone before the worker answers.
        self.devices_loading = workers.start(job, finished=self._devices_loaded, failed=self.error.show_message)

    def _devices_loaded(self, answer: tuple[int, list[dict[str, object]]]) -> None:
        load, rows = answer
        if load != self._device_loads:
            return  # an older read answered after a newer one was asked
        self.devices_loading = None
        self.devices.set_rows(rows)
        self.devices_box.setVisible(self.devices.rowCount() > 0)

    def _load_conflicts(self) -> None:
        self._conflicts_language = i18n.current_language()
        try:
            entries = inbox(self.ctx.store)
        except WardbookError:  # no one logged in yet (accounts just came with a new laptop's first sync)
            entries = []
        self.conflicts.set_rows([asdict(entry) for entry in entries])

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Shared folder"), self.share.text())
        if path:
            self.share.setText(path)
            self.setup.refresh()

    def sync_now(self) -> None:
        self.error.clear_message()
        share = self.share.text().strip()
        if not share:
            self.error.show_message(self.tr("Choose the shared folder first."))
            return
        self.keys.with_secrets(lambda secrets: self._start_sync(share, secrets))

    def _start_sync(self, share: str, secrets: SecretStore) -> None:
        self._syncing_with = share  # remembered once a sync with it worked, not before (another ward's is refused)
        store = self.ctx.store

        def job(progress: workers.Progress, cancelled: workers.Cancelled) -> Any:
            with reopen(store) as own:  # same key, same logged-in user, same audit hook
                try:
                    return jobs.sync_now(own, share, progress=progress, cancelled=cancelled, secrets=secrets)
                except WardbookError as error:
                    return error  # told in words on the GUI thread

        self.status.setText("")
        self.progress.start(job, self.tr("Syncing…"), lock=(self.sync_button,))

    def _finished(self, report: Any) -> None:
        if isinstance(report, WardbookError):
            self.error.show_message(self.setup.explain(report))
            self.setup.refresh()
            return
        self.ctx.store.set_setting(SHARE_SETTING, self._syncing_with)
        last = self.ctx.store.setting(jobs.LAST_SYNC)
        text = self.tr("Synced. Last sync: %1").replace("%1", fmt_time(last) or "—")
        failed = sum(not is_warning(reason) for _, _, reason in getattr(report, "errors", []))
        if failed:
            text += " " + self.tr("%n file(s) could not be applied yet: see the problems below.", "", failed)
        own_refused = getattr(report, "own_refused", 0)
        if own_refused:  # refused by the station: the person who wrote them must know (`desktop.sync.own_refused`)
            text += " " + self.tr("The station did not accept %n of this laptop's change(s): see the problems below.",
                                  "", own_refused)
        restored = getattr(report, "restored", None)
        if restored is not None:  # the database had been restored from an older copy: what came back (core text)
            text += " " + restored.message()
        clock_off = clock_off_message(self.ctx.store)
        if clock_off:  # this laptop's clock is off the station's (core text; the window's bar says it too)
            text += " " + clock_off
        self.status.setText(text)
        self.refresh()
        self.synced.emit()
        self.ctx.households_changed.emit("")
        self.ctx.records_changed.emit()

    def _resolve(self, keep: str) -> None:
        self.error.clear_message()
        index = chosen(self.conflicts_view)
        if not index.isValid():
            return
        try:
            jobs.resolve_conflict(self.ctx.store, self.conflicts.row(index.row())["id"], keep)
        except WardbookError as error:  # e.g. a deleted record cannot come back, or the other value is refused
            self.error.show_message(error.message())
        self.refresh()
