"""The main window: side navigation, the pages, a language menu and a status bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QListWidget, QMainWindow, QSplitter, QStackedWidget, QWidget

from desktop.store import Store
from desktop.text import format_datetime
from ui.follow_ups_page import FollowUpsPage
from ui.households_page import HouseholdsPage
from ui.import_dialog import ImportDialog
from ui.reports_page import ReportsPage
from ui.sync_page import SyncPage
from ui.translation import Translations
from ui.visit_form import VisitForm


class MainWindow(QMainWindow):
    def __init__(self, store: Store, translations: Translations) -> None:
        super().__init__()
        self.store = store
        self.translations = translations
        self.households = HouseholdsPage(store)
        self.follow_ups = FollowUpsPage(store)
        self.reports = ReportsPage(store)
        self.sync = SyncPage(store)
        self.sync.synced.connect(lambda _result: self._data_changed())
        self.households.visit_requested.connect(self.open_visit_form)
        self.pages: list[QWidget] = [self.households, self.follow_ups, self.reports, self.sync]
        self.navigation = QListWidget()
        self.navigation.setMaximumWidth(220)
        self.stack = QStackedWidget()
        for page in self.pages:
            self.stack.addWidget(page)
        self.navigation.addItems(["" for _ in self.pages])
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        splitter = QSplitter()
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)

        self.new_visit_action = QAction(self)
        self.new_visit_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_visit_action.triggered.connect(lambda: self.open_visit_form(self.households.current_id))
        self.addAction(self.new_visit_action)
        self.file_menu = self.menuBar().addMenu("")
        self.import_action = self.file_menu.addAction("")
        self.import_action.triggered.connect(self.open_import)
        self.language_menu = self.menuBar().addMenu("")
        self.vietnamese = self.language_menu.addAction("Tiếng Việt")
        self.english = self.language_menu.addAction("English")
        self.vietnamese.triggered.connect(lambda: self.translations.switch("vi"))
        self.english.triggered.connect(lambda: self.translations.switch("en"))
        self.navigation.setCurrentRow(0)
        self.resize(1280, 760)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        """Qt sends LanguageChange to every window when a translator is swapped: relabel everything."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("WardBook — household register"))
        self.navigation.item(0).setText(self.tr("Households"))
        self.navigation.item(1).setText(self.tr("Follow-ups"))
        self.navigation.item(2).setText(self.tr("Reports"))
        self.navigation.item(3).setText(self.tr("Sync"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.file_menu.setTitle(self.tr("&File"))
        self.import_action.setText(self.tr("Import households from Excel / CSV…"))
        self.households.retranslate()
        self.follow_ups.retranslate()
        self.reports.retranslate()
        self.sync.retranslate()
        self._update_status()

    def _update_status(self) -> None:
        last = self.store.setting("sync.last_at")
        self.statusBar().showMessage(
            self.tr("Database: %1  ·  device %2  ·  last sync: %3").replace("%1", str(self.store.path))
            .replace("%2", self.store.device_id[:8])
            .replace("%3", format_datetime(last) if last else self.tr("never"))
        )

    def open_visit_form(self, household_id: str | None = None) -> VisitForm:
        form = VisitForm(self.store, household_id or None, self)
        form.accepted.connect(self._data_changed)
        form.open()
        return form

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.store, self)
        dialog.imported.connect(self._imported)
        dialog.open()
        return dialog

    def _imported(self, _result: object) -> None:
        self.households.apply_filter()  # new households: the list itself changes, not only its rows
        self._data_changed()

    def _data_changed(self) -> None:
        """After a visit, an import or a sync: lists and the open household show the new state."""
        self.households.model.refresh()
        self.households.show_household(self.households.current_id)
        self.follow_ups.refresh()
        self._update_status()
