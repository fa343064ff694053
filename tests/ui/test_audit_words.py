"""The audit viewer speaks in words: who, what, which household or member, what was changed, at the ward's time
(Ho Chi Minh City's) — no ids, no stored JSON, no UTC times — in both languages, for the whole log and for one
household's history."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from desktop.security import audit
from desktop.security.access import view_household
from desktop.security.session import attach, detach
from tests.security.conftest import add_accounts
from ui.audit_dialog import AuditDialog

UUID_PART = re.compile(r"\b[0-9a-f]{8}\b|[0-9a-f]{8}-[0-9a-f]{4}")
UTC_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}:\d{2}|Z\b|UTC")


def _cells(dialog: AuditDialog) -> list[list[str]]:
    model = dialog.model
    return [[str(model.data(model.index(r, c))) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_audit_log_is_told_in_words(ctx, language, owned, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = ctx.store
    audit.install(store)  # as the app's open_database does: every change through the write path is logged
    actors = add_accounts(store)
    attach(store, actors["quantri"])
    try:
        household = store.conn.execute("SELECT id, code FROM households ORDER BY code LIMIT 1").fetchone()
        person = store.conn.execute("SELECT id, full_name FROM people WHERE household_id = ? LIMIT 1",
                                    (household[0],)).fetchone()
        view_household(store, household[0])
        store.writer.update("households", household[0], {"street": "Đường Số 9"})
        store.writer.update("people", person[0], {"phone": "0901234567", "occupation": "thợ may"})
        dialog = AuditDialog(ctx)
        owned.append(dialog)
        rows = _cells(dialog)
        assert rows, "no entries"
        for row in rows:
            text = " | ".join(row)
            assert not UUID_PART.search(text), text
            assert "{" not in text and "[" not in text and not UTC_TIME.search(text), text
        change_person, change_household, view = rows[0], rows[1], rows[2]
        assert change_person[1] == "quantri" and change_person[2] == "đã sửa"
        assert person[1] in change_person[3] and household[1] in change_person[3]
        assert "Số điện thoại" in change_person[4] and "Nghề nghiệp" in change_person[4]  # the core's names
        assert change_household[3].startswith(f"Hộ {household[1]}") and "Đường" in change_household[4]
        assert view[2] == "đã xem"
        stored_at = str(dialog.model.row(0)["at"])
        ward_time = datetime.fromisoformat(stored_at.replace("Z", "+00:00")).astimezone(timezone(timedelta(hours=7)))
        assert change_person[0] == ward_time.strftime("%d/%m/%Y %H:%M")  # Ho Chi Minh City's, whatever the laptop's

        language.set_language("en")
        english = _cells(dialog)
        assert english[0][2] == "changed" and english[0][3].startswith("Member ")
        assert "Phone" in english[0][4]
        language.set_language("vi")

        history = AuditDialog(ctx, "households", household[0])
        owned.append(history)
        assert history.heading.text().startswith("Lịch sử truy cập của ")
        assert history.apply_button.isVisible() or not history.isVisible()
        assert {history.model.row(r)["target_id"] for r in range(history.model.rowCount())} == {household[0]}
        history.show_all()
        assert history.model.rowCount() > 2 and history.target_id is None
    finally:
        detach(store)
