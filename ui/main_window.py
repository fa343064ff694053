"""The main window: side navigation, the pages, a language menu and the status bar.

What the logged-in user's role may not do is not offered: the Reports and Admin pages and the import are
hidden for roles without the permission (`AppContext.can`, the core's rule). The core checks again on every
call; a refusal that still happens is shown as a message, not a crash. *Use the system keyring again* is
offered only to a laptop that opened its database with a remembered key file and has a working keyring now.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.clock import clock_went_back
from desktop.errors import WardbookError
from desktop.i18n import tr as core_tr
from desktop.register.visits import restore_visit
from desktop.security import audit
from desktop.security.permissions import INACTIVE
from desktop.security.secrets import PassphraseFileSecrets
from desktop.security.session import current_actor, detach
from desktop.store.queries import household_summaries
from desktop.sync.jobs import LAST_SYNC
from desktop.sync.share_clock import clock_off_message
from ui.clock_warning import ClockWarning
from ui.context import AppContext
from ui.keys import keyring_works, remembered_key_file, use_keyring
from ui.language import fmt_time
from ui.pages.household import HouseholdPage
from ui.pages.households import HouseholdsPage
from ui.pages.overview import OverviewPage
from ui.progress import JobProgress
from ui.widgets import Page, SingleQuestion, confirm, is_refusal, show_error

if TYPE_CHECKING:
    from ui.audit_dialog import AuditDialog
    from ui.forms.people import HouseholdDialog
    from ui.forms.visit import VisitDialog
    from ui.import_dialog import ImportDialog
    from ui.login import LoginDialog
    from ui.pages.admin import AdminPage
    from ui.pages.campaigns import CampaignsPage
    from ui.pages.followups import FollowUpsPage
    from ui.pages.outcomes import OutcomesPage
    from ui.pages.records import ActivitiesPage, CasesPage
    from ui.pages.reports import ReportsPage
    from ui.pages.sync import SyncPage

# The dialogs (forms, import, audit log, login after a logout) are imported when the officer opens one, not
# before the window shows: they are a good part of the start time and many sessions open only some of them.

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
NAV = ("overview", "households", "followups", "cases", "activities", "outcomes", "campaigns", "reports", "sync",
       "admin")
GEOMETRY_SETTING = "window/geometry"  # QSettings key: the main window's size, place and state
# The pages built when first shown (the first pages, Overview and Households, are built with the window).
LATER_PAGES = {
    "followups": ("ui.pages.followups", "FollowUpsPage"),
    "cases": ("ui.pages.records", "CasesPage"),
    "activities": ("ui.pages.records", "ActivitiesPage"),
    "outcomes": ("ui.pages.outcomes", "OutcomesPage"),
    "campaigns": ("ui.pages.campaigns", "CampaignsPage"),
    "reports": ("ui.pages.reports", "ReportsPage"),
    "sync": ("ui.pages.sync", "SyncPage"),
    "admin": ("ui.pages.admin", "AdminPage"),
}


def nav_title(key: str) -> str:
    """A page's name in the navigation, in the current language, without building the page: the same text
    (and translation context) as the page's own `title()`."""
    translate = QCoreApplication.translate
    return {
        "overview": translate("OverviewPage", "Overview"),
        "households": translate("HouseholdsPage", "Households"),
        "followups": translate("FollowUpsPage", "Visits & follow-ups"),
        "cases": translate("CasesPage", "Cases"),
        "activities": translate("ActivitiesPage", "Community activities"),
        "outcomes": translate("OutcomesPage", "Reintegration & models"),
        "campaigns": translate("CampaignsPage", "Sweeps"),
        "reports": translate("ReportsPage", "Reports"),
        "sync": translate("SyncPage", "Sync"),
        "admin": translate("AdminPage", "Admin"),
    }[key]


ACCOUNT_CHECK_MS = 30_000  # how often an open window looks whether its account was disabled or changed

# The permission a page needs to be offered at all (the others are every role's work).
PAGE_PERMISSION = {"overview": "reports.view", "reports": "reports.view", "admin": "users.admin"}


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self._quitting = False  # the officer chose to stop the running jobs and quit
        self._quit_question = SingleQuestion(self)
        self.setWindowIcon(QIcon(str(ICONS / "wardbook.svg")))
        self._place()
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(232)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #1f3b57; color: #e8eef5; border: none; font-size: 11pt; }"
            "QListWidget#navigation::item { padding: 9px 6px; }"
            "QListWidget#navigation::item:selected { background: #2f6ea5; color: white; }"
        )
        self.stack = QStackedWidget(self)
        self.overview = OverviewPage(ctx)
        self.households = HouseholdsPage(ctx)
        self.household = HouseholdPage(ctx)
        self._built: dict[str, Page] = {"overview": self.overview, "households": self.households}
        for key in NAV:
            item = QListWidgetItem(QIcon(str(ICONS / f"{key}.svg")), "", self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.stack.addWidget(self.overview)
        self.stack.addWidget(self.households)
        self.stack.addWidget(self.household)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        column = QVBoxLayout()
        column.setSpacing(0)
        self.clock_warning = ClockWarning(clock_went_back(ctx.store), ctx.today, self,
                                          share_clock=lambda: clock_off_message(ctx.store))
        column.addWidget(self.clock_warning)
        column.addWidget(self.stack, 1)
        row.addLayout(column, 1)
        self.setCentralWidget(central)

        self.db_label, self.user_label, self.sync_label = QLabel(self), QLabel(self), QLabel(self)
        # After a void, "Undo" in the status bar restores the visit (the cheap undo of the last correction).
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoVoid")
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_void)
        self._voided_visit: str | None = None
        self.statusBar().addPermanentWidget(self.undo_button)
        for label in (self.db_label, self.user_label, self.sync_label):
            self.statusBar().addPermanentWidget(label)

        self.file_menu = self.menuBar().addMenu("")
        self.new_visit_action = QAction(self)
        self.new_visit_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_visit_action.triggered.connect(lambda: self.new_visit(self._current_household()))
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.open_import)
        self.audit_action = QAction(self)
        self.audit_action.triggered.connect(lambda: self.open_audit())
        self.keyring_action = QAction(self)
        self.keyring_action.triggered.connect(lambda: self.use_keyring_again())
        self.keyring_action.setVisible(  # probed once: a keyring call may ask to unlock it
            remembered_key_file(ctx.secrets, ctx.settings) is not None and keyring_works() is None)
        self.logout_action = QAction(self)
        self.logout_action.triggered.connect(lambda: self.log_out())
        self.login_dialog: LoginDialog | None = None
        for action in (self.new_visit_action, self.find_action, self.import_action, self.audit_action,
                       self.keyring_action, self.logout_action, self.quit_action):
            self.file_menu.addAction(action)
        self.language_menu = self.menuBar().addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in (("vi", "Tiếng Việt"), ("en", "English")):  # each language named in itself
            action = QAction(name, self, checkable=True)
            action.setChecked(lang == ctx.language.lang)
            action.triggered.connect(lambda _c=False, code=lang: self.set_language(code))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

        self.nav.currentRowChanged.connect(self._show_nav)
        self.overview.open_household.connect(self.open_household)
        self.overview.open_area.connect(self.show_area)
        self.households.open_household.connect(self.open_household)
        self.households.new_household.connect(self.new_household)
        self.households.new_visit.connect(self.new_visit)
        self.household.open_visit.connect(self.open_visit)
        self.household.back.connect(lambda: self.show_page("households"))
        self.household.new_visit.connect(self.new_visit)
        self.household.new_case.connect(self._new_case_for)
        self.household.open_case.connect(self._open_case)
        self.household.access_history.connect(lambda household_id: self.open_audit("households", household_id))
        ctx.user_changed.connect(self.apply_role)
        # An admin may disable the account or change its role while this window is open (through sync, the
        # command line or another laptop): it is looked at after each sync or save, and every half minute.
        ctx.records_changed.connect(self.check_account)
        self.account_timer = QTimer(self)
        self.account_timer.setInterval(ACCOUNT_CHECK_MS)
        self.account_timer.timeout.connect(self.check_account)
        self.account_timer.start()
        self.retranslate()
        self.apply_role()
        self.show_page(self.start_page())

    # --- pages built when first shown ---------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page `key` of the navigation, built the first time it is asked for: most sessions open a few of
        them, and building (and importing) the others at start cost a visible part of the start's budget."""
        built = self._built.get(key)
        if built is None:
            module_name, class_name = LATER_PAGES[key]
            built = getattr(import_module(module_name), class_name)(self.ctx)
            self._built[key] = built
            self.stack.addWidget(built)
            self._connect(key, built)
        return built

    def _connect(self, key: str, page: Any) -> None:
        if key == "followups":
            page.open_household.connect(self.open_household)
            page.open_visit.connect(self.open_visit)
            page.new_visit.connect(self.new_visit)
        elif key == "campaigns":
            page.open_household.connect(self.open_household)
        elif key == "admin":
            page.backup_box.restore_requested.connect(self._restore_and_close)
        elif key == "sync":
            page.synced.connect(self._status)
            page.synced.connect(self.clock_warning.refresh)  # the sync measured the clock again

    @property
    def followups(self) -> FollowUpsPage:
        return cast("FollowUpsPage", self.page("followups"))

    @property
    def cases(self) -> CasesPage:
        return cast("CasesPage", self.page("cases"))

    @property
    def activities(self) -> ActivitiesPage:
        return cast("ActivitiesPage", self.page("activities"))

    @property
    def outcomes(self) -> OutcomesPage:
        return cast("OutcomesPage", self.page("outcomes"))

    @property
    def campaigns(self) -> CampaignsPage:
        return cast("CampaignsPage", self.page("campaigns"))

    @property
    def reports(self) -> ReportsPage:
        return cast("ReportsPage", self.page("reports"))

    @property
    def sync(self) -> SyncPage:
        return cast("SyncPage", self.page("sync"))

    @property
    def admin(self) -> AdminPage:
        return cast("AdminPage", self.page("admin"))

    # --- size and place ------------------------------------------------------------------------------------
    def _place(self) -> None:
        """Where the officer left the window (size, place, maximised) on this computer; the first time, as large
        as the screen allows up to 1200×760 (a 1366×768 laptop keeps its status bar in view)."""
        settings = self.ctx.settings
        saved = settings.value(GEOMETRY_SETTING) if settings is not None else None
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        available = self.screen().availableGeometry()
        # the title bar and frame are outside the size set here: leave them room
        self.resize(min(1200, available.width() - 16), min(760, available.height() - 48))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Quitting while a job writes the register or a file (a sync, an import, a report…) is asked about
        first; Yes stops it as its Cancel button would, and the app waits for it to stop before it ends
        (`ui.workers.stop_all`). Jobs that only read for the screen are dropped without asking. Behind the login
        after a logout the window is hidden: closing the login there quits without asking (a No would leave the
        app running with nothing on screen), the jobs stopped as with Yes."""
        writing = self.writing_jobs()
        if writing and not self.isVisible():
            self._quitting = True
        if writing and not self._quitting:
            event.ignore()
            self._quit_question.ask(self.tr("Quit WardBook"), self.tr(
                "A job is still running (a sync, an import, a report…). Stop it and quit? It stops as with its "
                "Cancel button: what it has not done can be done again later."), self._stop_and_quit)
            return
        for panel in writing:
            panel.cancel()
        if self.ctx.settings is not None:
            self.ctx.settings.setValue(GEOMETRY_SETTING, self.saveGeometry())
        super().closeEvent(event)

    def writing_jobs(self) -> list[JobProgress]:
        """The progress panels of this window (its pages and dialogs) whose job writes and still runs."""
        return [panel for panel in self.findChildren(JobProgress) if panel.writing]

    def _stop_and_quit(self) -> None:
        self._quitting = True
        self.close()  # which stops them

    # --- navigation ----------------------------------------------------------------------------------------
    def _show_nav(self, row: int) -> None:
        if row >= 0:
            page = self.page(NAV[row])
            self.stack.setCurrentWidget(page)
            self.guarded(page.refresh)

    def guarded(self, action: Callable[[], object]) -> bool:
        """Run a UI action; a refusal of the core (no right, login needed, a record deleted meanwhile, bad input)
        becomes a message."""
        try:
            action()
        except WardbookError as error:
            show_error(self, error, self.tr("Not allowed") if is_refusal(error) else "")
            return False
        return True

    # --- who is logged in ----------------------------------------------------------------------------------
    def apply_role(self) -> None:
        """Offer only what the current role may do, and show who is logged in."""
        for row, key in enumerate(NAV):
            permission = PAGE_PERMISSION.get(key)
            self.nav.item(row).setHidden(permission is not None and not self.ctx.can(permission))
        self.import_action.setVisible(self.ctx.can("import"))
        self.audit_action.setVisible(self.ctx.can("audit.view"))
        self.logout_action.setVisible(self.ctx.user_name is not None)
        current = self.nav.currentRow()
        if current >= 0 and self.nav.item(current).isHidden():
            self.show_page("households")
        self.household.apply_role()
        self._status()

    def check_account(self) -> None:
        """Follow what an admin did to the logged-in account since the login: a disabled or deleted account, or one
        whose password was changed since, is logged out at once (the login dialog says why), a changed role shows
        what the new role allows, and the page on screen is read again under it (a team lead made officer no longer
        sees everyone's cases). The core already refuses the old rights (`current_actor`); this keeps the window
        from showing them."""
        if self.ctx.user_id is None:
            return
        try:
            actor = current_actor(self.ctx.store)
        except WardbookError as error:
            if error.msg_id == "security.session_ended":  # a password reset after a leak: whoever knew the old one
                self.log_out(error.message())              # must not keep the window
            return
        if actor.role == INACTIVE:
            self.log_out(core_tr("security.logged_out_disabled", user=actor.username))
        elif actor.role != self.ctx.role:
            self.ctx.set_actor(actor)
            shown = self.stack.currentWidget()  # a list read under the old role may show others' records
            if isinstance(shown, Page):
                self.guarded(shown.refresh)

    def log_out(self, reason: str | None = None) -> LoginDialog:
        """Detach the user and hide the window behind the login dialog, which shows `reason` when the logout was
        not the user's own; closing that dialog quits."""
        from ui.login import LoginDialog

        store = self.ctx.store
        audit.record(store, "logout", "users", self.ctx.user_id)
        detach(store)
        for dialog in self.findChildren(QDialog):
            getattr(dialog, "discard", dialog.close)()  # a filled form is dropped at logout, not asked about
        self._forget_session()
        self.ctx.set_actor(None)
        self.hide()
        dialog = LoginDialog(store)
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        dialog.rejected.connect(self.close)
        self.login_dialog = dialog
        if reason:
            dialog.error.show_message(reason)
        dialog.open()
        return dialog

    def _forget_session(self) -> None:
        """Leave nothing of this session to the next user of the laptop: the Undo of a void (an officer clicking
        it was refused, a team lead restored the previous officer's voided visit unasked), the status bar's last
        message, and what was searched and filtered on the households list (who was looked for)."""
        self._offer_undo(None)
        self.statusBar().clearMessage()
        page = self.households
        filters = (page.search, page.area, page.flag, page.not_visited, page.overdue)
        for widget in filters:
            widget.blockSignals(True)  # the list is read again at the next login, not while nobody is in
        page.search.clear()
        page.area.setCurrentIndex(0)
        page.flag.setCurrentIndex(0)
        page.not_visited.setChecked(False)
        page.overdue.setChecked(False)
        for widget in filters:
            widget.blockSignals(False)

    def _logged_in(self, dialog: LoginDialog) -> None:
        self.login_dialog = None
        self.ctx.set_actor(dialog.actor)
        self.show()
        self.show_page(self.start_page())
        self.ctx.records_changed.emit()
        self.ctx.households_changed.emit("")  # the households list without the previous user's search
        dialog.deleteLater()

    def start_page(self) -> str:
        """Team leads and admins start on the Overview, officers on their households. The households list is
        read in the background either way, so it is there at the first click."""
        if self.ctx.can("reports.view"):
            self.guarded(self.households.refresh)
            return "overview"
        return "households"

    def show_area(self, area_id: str) -> None:
        """The households of one khu phố (a bar of the Overview's chart)."""
        self.show_page("households")
        self.households.area.setCurrentIndex(max(0, self.households.area.findData(area_id)))

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(NAV.index(key))
        self._show_nav(NAV.index(key))

    def open_household(self, household_id: str) -> None:
        if not household_id:
            return
        if self.guarded(lambda: self.household.show_household(household_id)):
            self.stack.setCurrentWidget(self.household)

    def focus_search(self) -> None:
        self.show_page("households")
        self.households.search.setFocus()
        self.households.search.selectAll()

    def _current_household(self) -> str:
        if self.stack.currentWidget() is self.household:
            return self.household.household_id or ""
        return self.households.current_id() or "" if self.stack.currentWidget() is self.households else ""

    # --- forms ---------------------------------------------------------------------------------------------
    def new_visit(self, household_id: str = "") -> VisitDialog:
        from ui.forms.visit import VisitDialog

        dialog = VisitDialog(self.ctx, household_id or None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a day of visits must not keep every form
        dialog.recorded.connect(lambda message: self._visit_recorded(dialog, message))
        dialog.open()
        return dialog

    def open_visit(self, visit_id: str) -> VisitDialog | None:
        """A recorded visit in its form, to correct, void or restore (None when the core refuses to open it)."""
        from ui.forms.visit import VisitDialog

        opened: list[VisitDialog] = []
        if not visit_id or not self.guarded(lambda: opened.append(VisitDialog(self.ctx, parent=self,
                                                                                visit_id=visit_id))):
            return None
        dialog = opened[0]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recorded.connect(lambda message: self._visit_recorded(dialog, message))
        dialog.open()
        return dialog

    def _visit_recorded(self, dialog: VisitDialog, message: str) -> None:
        self.statusBar().showMessage(message, 6000)
        self._offer_undo(dialog.visit_id if dialog.voided_now and not dialog.isVisible() else None)
        self._records_changed(dialog.picker.household_id or "")

    def _records_changed(self, household_id: str) -> None:
        self.ctx.records_changed.emit()
        self.ctx.households_changed.emit(household_id)
        if self.stack.currentWidget() is self.household and household_id == self.household.household_id:
            self.household.refresh()

    def _offer_undo(self, voided_visit: str | None) -> None:
        self._voided_visit = voided_visit
        self.undo_button.setVisible(voided_visit is not None)

    def undo_void(self) -> None:
        """Restore the visit voided last (the status bar's Undo)."""
        visit_id = self._voided_visit
        household: list[str | None] = []
        if visit_id is None or not self.guarded(lambda: household.append(restore_visit(self.ctx.store, visit_id))):
            return
        self._offer_undo(None)
        self.statusBar().showMessage(self.tr("Visit restored."), 6000)
        self._records_changed(household[0] or "")

    def new_household(self) -> HouseholdDialog:
        from ui.forms.people import HouseholdDialog

        dialog = HouseholdDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._household_saved(dialog))
        dialog.open()
        return dialog

    def _household_saved(self, dialog: HouseholdDialog) -> None:
        self.ctx.households_changed.emit("")
        if dialog.saved_id and household_summaries(self.ctx.store, [dialog.saved_id]):
            self.open_household(dialog.saved_id)

    def _new_case_for(self, household_id: str) -> None:
        self.cases.new_case(household_id or None)
        self.household.refresh()

    def _open_case(self, case_id: str) -> None:
        self.cases.open_case(case_id)
        self.household.refresh()

    # --- language and status -------------------------------------------------------------------------------
    def open_import(self) -> ImportDialog:
        from ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx.store, self)
        dialog.imported.connect(lambda _result: self.ctx.households_changed.emit(""))
        dialog.open()
        return dialog

    def open_audit(self, target_table: str | None = None, target_id: str | None = None) -> AuditDialog:
        """The audit viewer, optionally filtered to one record (a household's access history)."""
        from ui.audit_dialog import AuditDialog

        dialog = AuditDialog(self.ctx, target_table, target_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def use_keyring_again(self) -> QMessageBox | None:
        """Ask, then keep the database key in the OS keyring again instead of the remembered key file."""
        key_file = remembered_key_file(self.ctx.secrets, self.ctx.settings)
        settings = self.ctx.settings
        if key_file is None or settings is None:
            return None
        return confirm(self, self.tr("System keyring"), self.tr(
            "Keep the database key in this computer's system keyring again, instead of the key file %1?\n\n"
            "The key is copied into the keyring and checked before WardBook forgets the key file; from the next "
            "start no passphrase is asked. The key file stays where it is, still protected by its passphrase: "
            "keep it as a spare copy of the key, or delete it.").replace("%1", str(key_file.path)),
            lambda: self._use_keyring(key_file, settings))

    def _use_keyring(self, key_file: PassphraseFileSecrets, settings: QSettings) -> None:
        try:
            self.ctx.secrets = use_keyring(self.ctx.store, key_file, settings)
        except WardbookError as error:
            show_error(self, error, self.tr("System keyring"))
            return
        self.keyring_action.setVisible(False)
        self.statusBar().showMessage(self.tr("The database key is now kept in the system keyring."), 15_000)

    def _restore_and_close(self, source: str) -> None:
        """A restore replaces the open file: the app closes, restores (ui.app) and asks to be started again."""
        self.ctx.pending_restore = Path(source)
        self.close()

    def set_language(self, lang: str) -> None:
        self.ctx.language.set_language(lang)
        self.language_actions[lang].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("WardBook — Ward register"))
        for row, key in enumerate(NAV):
            self.nav.item(row).setText(nav_title(key))
        self.file_menu.setTitle(self.tr("&File"))
        self.new_visit_action.setText(self.tr("New &visit"))
        self.find_action.setText(self.tr("&Find a household"))
        self.import_action.setText(self.tr("&Import households from Excel / CSV…"))
        self.logout_action.setText(self.tr("Log &out"))
        self.audit_action.setText(self.tr("&Audit log…"))
        self.keyring_action.setText(self.tr("Use the system &keyring again…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.undo_button.setText(self.tr("Undo void"))
        self.language_menu.setTitle(self.tr("&Language"))
        self._status()

    def _status(self) -> None:
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.ctx.db_path.name))
        self.db_label.setToolTip(str(self.ctx.db_path))
        if self.ctx.user_name:
            who = f"{self.ctx.user_name} ({core_tr(f'security.role.{self.ctx.role}')})"
        else:
            who = self.tr("(no login)")
        self.user_label.setText(self.tr("User: %1").replace("%1", who))
        last = self.ctx.store.setting(LAST_SYNC)
        self.sync_label.setText(
            self.tr("Last sync: %1").replace("%1", fmt_time(last) if last else self.tr("never"))
        )
