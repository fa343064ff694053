"""The audit viewer (team leads and admins): the newest entries of who viewed, exported, printed, changed or
deleted what, a filter by record (e.g. one household: "Access history" on its page), and a check of the hash
chains that shows whether any entry was edited, removed or moved.

Listing and verifying are the core's (`desktop.security.audit.list_entries` / `verify`), which check the
right to see the log.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.errors import WardbookError
from desktop.security import audit
from desktop.store.queries import household_summaries
from ui.context import AppContext
from ui.language import fmt_date
from ui.models import Column, RowsModel, text_of
from ui.pages.followups import _table
from ui.widgets import FieldError

LIMIT = 500
TABLES = ("households", "people", "visits", "cases", "users", "settings")


class AuditDialog(QDialog):
    """Newest entries first; `target_table`/`target_id` preset the filter (a household's access history)."""

    def __init__(self, ctx: AppContext, target_table: str | None = None, target_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.ctx = ctx
        self.resize(980, 560)
        self.table = QComboBox(self)
        self.target = QLineEdit(target_id or "", self)
        self.target.setClearButtonEnabled(True)
        self.apply_button = QPushButton(self)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("auditVerify")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.model = RowsModel(
            [
                Column("at", lambda: self.tr("Time (UTC)"), self._time),
                Column("username", lambda: self.tr("User"), lambda row: str(row.get("username") or "—")),
                Column("action", lambda: self.tr("Action"), text_of("action")),
                Column("target", lambda: self.tr("Record"), self._target),
                Column("detail", lambda: self.tr("Detail"), text_of("detail")),
            ],
            self,
        )
        self.view = _table(self, self.model)
        self.verdict = QPlainTextEdit(self)
        self.verdict.setReadOnly(True)
        self.verdict.setMaximumHeight(120)
        self.verdict.hide()
        self.error = FieldError(self)
        row = QHBoxLayout()
        row.addWidget(self.table)
        row.addWidget(self.target, 1)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.verdict)
        self.apply_button.clicked.connect(self.refresh)
        self.target.returnPressed.connect(self.refresh)
        self.table.currentIndexChanged.connect(lambda _i: self.refresh())
        self.verify_button.clicked.connect(self.verify)
        self._fill_tables(target_table)
        self.retranslate()
        self.refresh()

    def _fill_tables(self, chosen: str | None) -> None:
        self.table.blockSignals(True)
        self.table.clear()
        self.table.addItem(self.tr("All records"), None)
        for name in TABLES:
            self.table.addItem(name, name)
        self.table.setCurrentIndex(max(0, self.table.findData(chosen)))
        self.table.blockSignals(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit log"))
        self.target.setPlaceholderText(self.tr("Record id (e.g. a household's), empty for all"))
        self.apply_button.setText(self.tr("Filter"))
        self.verify_button.setText(self.tr("Verify integrity"))
        self.table.setItemText(0, self.tr("All records"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _time(self, row: Mapping[str, Any]) -> str:
        at = str(row.get("at") or "")
        return f"{fmt_date(at)} {at[11:19]}"

    def _target(self, row: Mapping[str, Any]) -> str:
        return f"{row.get('target_table') or ''} {str(row.get('target_id') or '')[:8]}".strip()

    def refresh(self) -> None:
        self.error.clear_message()
        table, target = self.table.currentData(), self.target.text().strip() or None
        try:
            rows = audit.list_entries(self.ctx.store, target_table=table, target_id=target, limit=LIMIT)
        except WardbookError as error:
            self.model.set_rows([])
            self.error.show_message(error.message())
            return
        self.model.set_rows(rows)
        heading = self.tr("%1 newest entries").replace("%1", str(len(rows)))
        if table == "households" and target:
            found = household_summaries(self.ctx.store, [target])
            if found:
                heading = self.tr("Access history of %1 %2 (%3 entries)").replace(
                    "%1", str(found[0]["house_no"] or "")).replace("%2", str(found[0]["street"] or "")).replace(
                    "%3", str(len(rows)))
        self.heading.setText(heading)

    def verify(self) -> list[audit.AuditProblem]:
        """Recompute every chain; show "intact" or each problem (device, entry number, kind)."""
        self.error.clear_message()
        try:
            problems = audit.verify(self.ctx.store)
        except WardbookError as error:
            self.error.show_message(error.message())
            return []
        kinds = {
            "edited": self.tr("entry edited"),
            "missing": self.tr("entry missing"),
            "duplicate": self.tr("entry duplicated or moved"),
            "broken_link": self.tr("chain broken"),
            "truncated": self.tr("newest entries removed"),
        }
        if not problems:
            text = self.tr("Intact: no entry was edited, removed or moved.")
        else:
            lines = [self.tr("%1 problem(s) found:").replace("%1", str(len(problems)))]
            lines += [self.tr("laptop %1, entry %2: %3").replace("%1", p.device_id[:8]).replace(
                "%2", str(p.seq)).replace("%3", kinds.get(p.kind) or _core_kind(p.kind)) for p in problems]
            text = "\n".join(lines)
        self.verdict.setPlainText(text)
        self.verdict.setStyleSheet("" if not problems else "color: #b3261e;")
        self.verdict.show()
        return problems


def _core_kind(kind: str) -> str:
    """A problem kind the dialog has no words of its own for (signed heads), in the core's words."""
    return str(i18n.render(i18n.Ref(f"cli.audit_{kind}")))
