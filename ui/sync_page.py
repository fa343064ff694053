"""Sync: the shared folder, Sync now (in the background, with progress), each laptop's status, errors, and the
conflicts inbox where a person picks the value to keep. Everything here calls `desktop.sync`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import WardbookError
from desktop.security.secrets import KeyringSecrets, SecretStore
from desktop.store import Store
from desktop.store.writer import utc_now_iso
from desktop.sync.apply import ApplyReport
from desktop.sync.conflicts import open_conflicts, resolve
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.keystore import load_keys, save_data_keys
from desktop.sync.status import device_status
from ui.rows_model import RowsTableModel
from ui.worker import Worker


class SyncPage(QWidget):
    synced = Signal(object)  # (published, ApplyReport)

    def __init__(self, store: Store, secrets: SecretStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.secrets = secrets or KeyringSecrets(store.device_id)
        self.share_path = QLineEdit(store.setting("sync.share", "") or "")
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.start_sync)
        self.progress = QProgressBar()
        self.progress.setMaximum(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.devices = RowsTableModel()
        self.conflicts = RowsTableModel()
        self._conflict_ids: list[int] = []
        self.devices_view, self.conflicts_view = QTableView(), QTableView()
        for view, model in ((self.devices_view, self.devices), (self.conflicts_view, self.conflicts)):
            view.setModel(model)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.horizontalHeader().setStretchLastSection(True)
        self.keep_button, self.use_other_button = QPushButton(), QPushButton()
        self.keep_button.clicked.connect(lambda: self.resolve_selected(use_other=False))
        self.use_other_button.clicked.connect(lambda: self.resolve_selected(use_other=True))
        self.share_label, self.devices_label, self.conflicts_label = QLabel(), QLabel(), QLabel()
        top = QHBoxLayout()
        top.addWidget(self.share_label)
        top.addWidget(self.share_path, 1)
        top.addWidget(self.sync_button)
        choices = QHBoxLayout()
        choices.addWidget(self.keep_button)
        choices.addWidget(self.use_other_button)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.devices_label)
        layout.addWidget(self.devices_view, 1)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts_view, 1)
        layout.addLayout(choices)
        self.retranslate()

    def retranslate(self) -> None:
        self.share_label.setText(self.tr("Shared folder:"))
        self.share_path.setPlaceholderText(self.tr(r"\\station\wardbook, /mnt/share, a USB stick or smb://…"))
        self.sync_button.setText(self.tr("Sync now"))
        self.devices_label.setText(self.tr("Laptops of the station"))
        self.conflicts_label.setText(self.tr("Conflicts to review (edits made at the same time on two laptops)"))
        self.keep_button.setText(self.tr("Keep current value"))
        self.use_other_button.setText(self.tr("Use the other value"))
        self.devices.set_headers([self.tr("Laptop"), self.tr("Name"), self.tr("Published"), self.tr("Applied here"),
                                  self.tr("Behind"), self.tr("Errors"), self.tr("Conflicts")])
        self.conflicts.set_headers([self.tr("Record"), self.tr("Field"), self.tr("Current value"),
                                    self.tr("Other value"), self.tr("From laptop")])
        self.refresh()

    def refresh(self) -> None:
        conflicts = open_conflicts(self.store)
        self._conflict_ids = [c.id for c in conflicts]
        self.conflicts.set_rows([(f"{c.table} {c.row_id[:8]}", c.field, str(c.kept), str(c.lost), c.lost_device[:8])
                                 for c in conflicts])
        path = self.share_path.text().strip()
        if not path:
            self.devices.set_rows([])
            return
        try:
            rows = device_status(self.store, FolderShare(path))
        except (WardbookError, OSError, ValueError):
            self.devices.set_rows([])
            return
        self.devices.set_rows([(r.device[:8], r.name, str(r.on_share), str(r.applied), str(r.lag), str(r.errors),
                                str(r.conflicts)) for r in rows])

    def start_sync(self) -> None:
        path = self.share_path.text().strip()
        if not path:
            self.message.setText(self.tr("Enter the shared folder first."))
            return
        database, secrets = self.store.path, self.secrets

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> object:
            progress(0, 1, "")
            keys = load_keys(secrets)
            with Store.open(database) as store:  # the worker's own connection: see ui/worker.py
                result = sync_once(store, FolderShare(path), keys)
                store.set_setting("sync.share", path)
            save_data_keys(secrets, keys)
            progress(1, 1, "")
            return result

        worker = Worker(work)
        worker.signals.progress.connect(lambda done, total, _m: self.progress.setValue(done))
        worker.signals.finished.connect(self._done)
        worker.signals.failed.connect(self._failed)
        self.sync_button.setEnabled(False)
        self.message.setText(self.tr("Syncing…"))
        QThreadPool.globalInstance().start(worker)

    def _done(self, result: tuple[int, ApplyReport]) -> None:
        published, report = result
        self.store.set_setting("sync.last_at", utc_now_iso())
        self.sync_button.setEnabled(True)
        text = self.tr("Sync done: %1 file(s) sent, %2 received.").replace("%1", str(published)) \
            .replace("%2", str(sum(report.applied.values())))
        if report.errors:
            text += " " + self.tr("%1 file(s) refused (see Errors).").replace("%1", str(len(report.errors)))
        self.message.setText(text)
        self.refresh()
        self.synced.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self.message.setText(error.message() if isinstance(error, WardbookError) else str(error))

    def resolve_selected(self, use_other: bool) -> None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        if not rows:
            return
        try:
            resolve(self.store, self._conflict_ids[rows[0].row()], use_other)
        except WardbookError as error:
            self.message.setText(error.message())
        self.refresh()
