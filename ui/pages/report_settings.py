"""Every ward setting a report prints (title block, Kính gửi, signature, recipients, targets), each with the
default it falls back to shown in grey, saved through the core (admins only, audited) with a notice. Closing
with unsaved changes asks first (`GuardedDialog`). Other roles (the team lead who signs the review) see the
settings read-only, with no Save: the core would refuse their change only after they had typed it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.errors import WardbookError
from desktop.reports.indicators import parse_target
from desktop.reports.settings import KEYS, TARGETED, report_settings, ward_name
from desktop.security.access import change_settings
from ui.context import AppContext
from ui.forms.base import GuardedDialog
from ui.widgets import FieldError

MULTILINE = ("report.issuing_body", "report.superior_body", "report.recipients")


class ReportSettingsDialog(GuardedDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        editable = ctx.can("settings.edit")
        defaults = self._defaults()
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        body = QWidget(self)
        form = QFormLayout(body)
        names = self._names()
        for key in KEYS:
            value = ctx.store.setting(key) or ""
            edit: QLineEdit | QPlainTextEdit
            if key in MULTILINE:
                edit = QPlainTextEdit(value, body)
                edit.setPlaceholderText(defaults.get(key, ""))
                edit.setFixedHeight(64)
            else:
                edit = QLineEdit(value, body)
                edit.setPlaceholderText(defaults.get(key, ""))
            edit.setObjectName(key)
            edit.setReadOnly(not editable)
            self.edits[key] = edit
            form.addRow(QLabel(names.get(key, key), body), edit)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.notice = QLabel(self)
        self.error = FieldError(self)
        save = QDialogButtonBox.StandardButton.Save if editable else QDialogButtonBox.StandardButton.NoButton
        self.buttons = QDialogButtonBox(save | QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Empty fields use the default shown in grey.") if editable else self.tr(
            "Only an administrator can change these settings. Reports print them as shown here; an empty field "
            "prints the default shown in grey."), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Ward settings printed on reports"))
        self.resize(640, 560)

    def _defaults(self) -> dict[str, str]:
        """What each setting falls back to when left empty (the report's own defaults)."""
        shown = report_settings(_Blank(self.ctx.store), i18n.current_language())  # type: ignore[arg-type]
        return {
            "report.ward_name": ward_name(_Blank(self.ctx.store)),  # type: ignore[arg-type]
            "report.superior_body": "",
            "report.issuing_body": shown.issuing_body,
            "report.addressee": "",
            "report.symbol": shown.symbol,
            "report.place": shown.place,
            "report.signer_capacity": shown.signer_capacity,
            "report.signer_post": shown.signer_post,
            "report.signer_name": "",
            "report.recipients": "\n".join(shown.recipients),
        }

    def _names(self) -> dict[str, str]:
        names = {
            "report.ward_name": self.tr("Ward name (Phường …)"),
            "report.superior_body": self.tr("Superior body"),
            "report.issuing_body": self.tr("Issuing body (a new line where it should break)"),
            "report.addressee": self.tr("Sent to (Kính gửi)"),
            "report.symbol": self.tr("Symbol after /BC-"),
            "report.place": self.tr("Place (on the date line)"),
            "report.signer_capacity": self.tr("Signing for (TM. / KT.; - for none)"),
            "report.signer_post": self.tr("Signer's post"),
            "report.signer_name": self.tr("Signer's name"),
            "report.recipients": self.tr("Recipients (one per line)"),
        }
        targets = {
            "visits": self.tr("Target: visits"),
            "households_visited": self.tr("Target: households visited"),
            "coverage": self.tr("Target: share of households visited (%)"),
            "support_value": self.tr("Target: support (thousand đồng)"),
            "follow_ups_done": self.tr("Target: follow-ups done"),
            "activities": self.tr("Target: community activities"),
            "attendance": self.tr("Target: attendance"),
        }
        names.update({f"report.target.{key}": targets[key] for key in TARGETED})
        return names

    def save(self) -> None:
        """Save what changed, through the core (admins only, audited), all or nothing; say so, or say why not."""
        self.notice.setText("")
        self.error.clear_message()
        values = {
            key: (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()).strip()
            for key, edit in self.edits.items()
        }
        for key, value in values.items():
            if key.startswith("report.target.") and value and parse_target(value) is None:
                self.error.show_message(self.tr("A target must be a number: %1").replace("%1", value))
                self.edits[key].setFocus()
                return
        changed = {key: value for key, value in values.items() if value != (self.ctx.store.setting(key) or "")}
        try:
            change_settings(self.ctx.store, changed)
        except WardbookError as error:
            self.error.show_message(error.message())
            return
        self.mark_untouched()  # saved: closing now loses nothing
        self.notice.setText(self.tr("Saved.") if changed else self.tr("Nothing to save."))


class _Blank:
    """The store as the report sees it with no setting made: for showing the defaults."""

    def __init__(self, store: object) -> None:
        self._store = store

    def setting(self, _key: str) -> None:
        return None

    def __getattr__(self, name: str) -> object:
        return getattr(self._store, name)
