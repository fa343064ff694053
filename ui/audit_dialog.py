"""The audit viewer (team leads and admins): the newest entries of who viewed, exported, printed, changed or
deleted what, a filter by kind of record and by one record (a household's "Access history"), and a check of
the hash chains that shows whether any entry was edited, removed or moved.

Everything is in words: the action, the record (a household by its code and address, a member by name…, from
`desktop.security.audit_targets`), what was changed (the fields' names) and the local time; never an id, the
stored JSON or a UTC time. Listing and verifying are the core's (`desktop.security.audit.list_entries` /
`verify`), which check the right to see the log.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.errors import WardbookError
from desktop.security import audit
from desktop.security.audit_targets import describe_targets
from desktop.security.database import reopen
from desktop.store.queries import household_summaries
from ui import workers
from ui.context import AppContext
from ui.models import Column, RowsModel, time_of
from ui.progress import JobProgress
from ui.widgets import FieldError, record_table

LIMIT = 500
TABLES = ("households", "people", "visits", "cases", "activities", "users", "settings")


class AuditDialog(QDialog):
    """Newest entries first; `target_table`/`target_id` preset the filter (a household's access history)."""

    verified = Signal(object)  # the problems found by a verification (none: intact), once shown

    def __init__(self, ctx: AppContext, target_table: str | None = None, target_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.ctx = ctx
        self.resize(980, 560)
        self.table = QComboBox(self)
        self.target_id = target_id  # one record's history; never shown (an id means nothing to a person)
        self.names: dict[tuple[str, str], str] = {}
        self.apply_button = QPushButton(self)  # back to every record's entries
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("auditVerify")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.model = RowsModel(
            [
                Column("at", lambda: self.tr("When"), time_of("at")),
                Column("username", lambda: self.tr("Who"), lambda row: str(row.get("username") or "—")),
                Column("action", lambda: self.tr("Did"), lambda row: self._action(str(row.get("action") or ""))),
                Column("target", lambda: self.tr("Record"), self._target),
                Column("detail", lambda: self.tr("Details"), self._detail),
            ],
            self,
        )
        self.view = record_table(self, self.model)
        self.verdict = QPlainTextEdit(self)
        self.verdict.setReadOnly(True)
        self.verdict.setMaximumHeight(120)
        self.verdict.hide()
        self.error = FieldError(self)
        self.progress = JobProgress(self, cancellable=False, messages=False, reads_only=True)
        self.progress.finished.connect(self._show_verdict)
        self.progress.failed.connect(self.error.show_message)
        row = QHBoxLayout()
        row.addWidget(self.table)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.progress)
        layout.addWidget(self.verdict)
        self.apply_button.clicked.connect(self.show_all)
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
            self.table.addItem(self._table_word(name), name)
        self.table.setCurrentIndex(max(0, self.table.findData(chosen)))
        self.table.blockSignals(False)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit log"))
        self.apply_button.setText(self.tr("Show every record's entries"))
        self.apply_button.setVisible(self.target_id is not None)
        self.verify_button.setText(self.tr("Verify integrity"))
        self.table.setItemText(0, self.tr("All records"))
        for index, name in enumerate(TABLES, start=1):
            self.table.setItemText(index, self._table_word(name))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- words ------------------------------------------------------------------------------------------------

    def _action(self, action: str) -> str:
        return {
            "view": self.tr("viewed"), "export": self.tr("exported"), "print": self.tr("printed"),
            "create": self.tr("added"), "change": self.tr("changed"), "delete": self.tr("deleted"),
            "purge": self.tr("deleted for good"), "import": self.tr("imported"), "login": self.tr("logged in"),
            "login_failed": self.tr("failed to log in"), "logout": self.tr("logged out"),
            "backup": self.tr("backed up the register"), "restore": self.tr("restored a backup"),
            "encrypt": self.tr("encrypted the register"),
        }.get(action, self.tr("other action"))

    def _table_word(self, table: str) -> str:
        return {
            "households": self.tr("Household"), "people": self.tr("Member"), "visits": self.tr("Visit"),
            "support_items": self.tr("Support given"), "activities": self.tr("Activity"), "cases": self.tr("Case"),
            "case_events": self.tr("Case update"), "commendations": self.tr("Commendation"),
            "users": self.tr("Account"), "settings": self.tr("Setting"), "areas": self.tr("Khu phố"),
        }.get(table, self.tr("Record"))

    def _field_word(self, field: str) -> str | None:
        core = f"field.{field}"
        if i18n.has_message(core):
            return str(i18n.render(i18n.Ref(core)))
        return {
            "area_id": self.tr("khu phố"), "head_person_id": self.tr("head of household"),
            "phone": self.tr("phone"), "status": self.tr("status"), "gender": self.tr("gender"),
            "birth_year": self.tr("birth year"), "relation_to_head": self.tr("relation to the head"),
            "id_number": self.tr("ID number"), "occupation": self.tr("occupation"),
            "moved_in_on": self.tr("moved in on"), "moved_out_on": self.tr("moved out on"),
            "purposes": self.tr("purposes"), "outcome": self.tr("outcome"),
            "follow_up_done_at": self.tr("follow-up done"), "voided": self.tr("voided"),
            "void_reason": self.tr("reason for voiding"), "kind": self.tr("kind"), "attendance": self.tr("attendance"),
            "received_on": self.tr("received on"), "source": self.tr("source"), "assignee_id": self.tr("assignee"),
            "due_on": self.tr("due on"), "resolved_on": self.tr("resolved on"), "resolution": self.tr("resolution"),
            "role": self.tr("role"), "password_hash": self.tr("password"), "active": self.tr("active"),
            "officer_id": self.tr("officer"), "household_id": self.tr("household"), "person_id": self.tr("person"),
        }.get(field)

    def _target(self, row: Mapping[str, Any]) -> str:
        table, row_id = str(row.get("target_table") or ""), str(row.get("target_id") or "")
        if not table:
            return "—"
        detail = _detail_of(row)
        count = detail.get("count")
        if not row_id and isinstance(count, int) and count > 1:
            return self.tr("%1: %n record(s)", "", count).replace("%1", self._table_word(table))
        if table == "settings":
            return self.tr("Setting")
        name = self.names.get((table, row_id))
        if name:
            return f"{self._table_word(table)} {name}"
        return self._table_word(table) + (" " + self.tr("(no longer in the register)") if row_id else "")

    def _detail(self, row: Mapping[str, Any]) -> str:
        detail = _detail_of(row)
        parts: list[str] = []
        fields = detail.get("fields")
        if isinstance(fields, list):
            words = [self._field_word(str(field)) for field in fields]
            known = [word for word in words if word]
            if len(known) < len(words):
                known.append(self.tr("%n other field(s)", "", len(words) - len(known)))
            parts.append(self.tr("fields: %1").replace("%1", ", ".join(known)))
        report = detail.get("report")
        if report:
            parts.append({"review": self.tr("periodic review"), "walk_list": self.tr("walk list"),
                          "household_sheet": self.tr("household sheet")}.get(str(report), self.tr("a report")))
        if detail.get("period"):
            parts.append(self.tr("period %1").replace("%1", str(detail["period"])))
        if detail.get("kind") == "data_subject_request":
            parts.append(self.tr("a person's own data, on request"))
        if isinstance(detail.get("rows"), int):
            parts.append(self.tr("%n row(s)", "", int(detail["rows"])))
        if detail.get("file"):
            parts.append(self.tr("file %1").replace("%1", str(detail["file"])))
        if isinstance(detail.get("failures"), int):
            parts.append(self.tr("%n failed attempt(s)", "", int(detail["failures"])))
        if detail.get("username") and not row.get("username"):
            parts.append(self.tr("as %1").replace("%1", str(detail["username"])))
        return "; ".join(parts)

    def show_all(self) -> None:
        self.target_id = None
        self.table.setCurrentIndex(0)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self.error.clear_message()
        table, target = self.table.currentData(), self.target_id
        try:
            rows = audit.list_entries(self.ctx.store, target_table=table, target_id=target, limit=LIMIT)
            self.names = describe_targets(self.ctx.store, ((str(r.get("target_table") or ""),
                                                            str(r.get("target_id") or "")) for r in rows))
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

    def verify(self) -> workers.Worker | None:
        """Recompute every chain in the background (a year of a ward's entries takes seconds); `verified` gives
        the problems once "intact" or each problem (device, entry number, kind) is shown."""
        if self.progress.worker is not None:
            return None
        self.error.clear_message()
        self.verdict.hide()
        store = self.ctx.store

        def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> list[audit.AuditProblem]:
            with reopen(store) as own:  # same key and user: the right to see the log is checked there
                return audit.verify(own)

        return self.progress.start(job, self.tr("Checking every entry…"), lock=(self.verify_button,))

    def _show_verdict(self, problems: list[audit.AuditProblem]) -> None:
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
        self.verified.emit(problems)


def _detail_of(row: Mapping[str, Any]) -> dict[str, Any]:
    """The entry's detail as stored (JSON), read for the words shown; never shown itself."""
    try:
        detail = json.loads(str(row.get("detail") or "{}"))
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


def _core_kind(kind: str) -> str:
    """A problem kind the dialog has no words of its own for (signed heads), in the core's words."""
    return str(i18n.render(i18n.Ref(f"cli.audit_{kind}")))
