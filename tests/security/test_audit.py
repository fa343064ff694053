"""The audit log: every change and view is logged without personal values, entries cannot be changed through
the app, and `audit verify` detects an edited, removed or reordered entry."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from desktop.errors import WardbookError
from desktop.register.households import add_household, find_area, set_flags
from desktop.security import audit
from desktop.security.access import view_household
from desktop.security.database import open_database
from desktop.store import Store


@pytest.fixture
def logged(tmp_path, demo_db_template):  # type: ignore[no-untyped-def]
    """A demo ward opened the way the app opens it (audit hook installed), with a few logged actions."""
    import shutil

    path = tmp_path / "ward.db"
    shutil.copy(demo_db_template, path)
    store = open_database(path, None)
    area = find_area(store, "Khu phố 1")
    household = add_household(store, area_id=area, house_no="12", street="Pasteur", head_name="Lý Thị Mẫu")
    set_flags(store, household, ["poor"])
    view_household(store, household)
    for _ in range(3):
        audit.record(store, "print", "households", household, {"report": "household_sheet"})
    yield store, household
    store.close()


def _kinds(store: Store) -> set[str]:
    return {problem.kind for problem in audit.verify(store)}


def test_changes_and_views_are_logged_without_personal_values(logged) -> None:  # type: ignore[no-untyped-def]
    store, household = logged
    rows = store.conn.execute(
        "SELECT action, target_table, target_id, detail FROM audit_log ORDER BY seq").fetchall()
    actions = [(action, table) for action, table, _, _ in rows]
    assert ("create", "households") in actions and ("create", "people") in actions
    assert ("change", "households") in actions and ("view", "households") in actions
    change = next(r for r in rows if r[0] == "change")
    assert change[2] == household and '"flag_poor"' in change[3]
    assert not any("Lý Thị Mẫu" in (detail or "") or "Pasteur" in (detail or "") for *_, detail in rows)
    assert audit.verify(store) == []


def test_entries_cannot_be_changed_through_the_app(logged) -> None:  # type: ignore[no-untyped-def]
    store, _ = logged
    entry = str(store.conn.execute("SELECT id FROM audit_log LIMIT 1").fetchone()[0])
    with pytest.raises(ValueError, match="append-only"):
        store.writer.update("audit_log", entry, {"action": "view"})
    with pytest.raises(ValueError, match="append-only"):
        store.writer.delete("audit_log", entry)
    with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
        store.conn.execute("DELETE FROM audit_log WHERE id = ?", (entry,))
    assert audit.verify(store) == []


def test_an_edited_entry_is_detected(logged, raw) -> None:  # type: ignore[no-untyped-def]
    store, _ = logged
    raw(store.path).execute("UPDATE audit_log SET username = 'someone_else' WHERE seq = 3")
    assert "edited" in _kinds(store)


def test_an_edited_entry_with_its_hash_recomputed_breaks_the_link(logged, raw) -> None:  # type: ignore[no-untyped-def]
    store, _ = logged
    row = store.conn.execute("SELECT * FROM audit_log WHERE seq = 2").fetchone()
    columns = [d[0] for d in store.conn.execute("SELECT * FROM audit_log LIMIT 0").description]
    entry = dict(zip(columns, row, strict=True))
    entry["action"] = "view"
    forged = audit.entry_hash(entry)
    raw(store.path).execute("UPDATE audit_log SET action = 'view', hash = ? WHERE seq = 2", (forged,))
    assert _kinds(store) == {"broken_link"}


def test_a_removed_entry_is_detected(logged, raw) -> None:  # type: ignore[no-untyped-def]
    store, _ = logged
    raw(store.path).execute("DELETE FROM audit_log WHERE seq = 4")
    assert {"missing", "broken_link"} <= _kinds(store)


def test_removed_newest_entries_are_detected(logged, raw) -> None:  # type: ignore[no-untyped-def]
    store, _ = logged
    last = store.conn.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0]
    raw(store.path).execute("DELETE FROM audit_log WHERE seq = ?", (last,))
    assert _kinds(store) == {"truncated"}


def test_reordered_entries_are_detected(logged, raw) -> None:  # type: ignore[no-untyped-def]
    store, _ = logged
    conn = raw(store.path)
    conn.execute("UPDATE audit_log SET seq = -1 WHERE seq = 5")
    conn.execute("UPDATE audit_log SET seq = 5 WHERE seq = 6")
    conn.execute("UPDATE audit_log SET seq = 6 WHERE seq = -1")
    assert "edited" in _kinds(store) and "broken_link" in _kinds(store)


def test_cli_verify_reports_tampering(logged, raw, cli) -> None:  # type: ignore[no-untyped-def]
    store, _ = logged
    intact = cli("--db", store.path, "audit", "verify")
    assert intact.code == 0 and "intact" in intact.out
    raw(store.path).execute("UPDATE audit_log SET target_id = NULL WHERE seq = 2")
    broken = cli("--db", store.path, "audit", "verify")
    assert broken.code == 2 and "tampered" in broken.err and "entry edited" in broken.out


def test_cli_list_tells_when_in_ho_chi_minh_city_time(logged, cli) -> None:  # type: ignore[no-untyped-def]
    """Stored in UTC, read as the ward's time: the raw `…T23:30Z` was the day before until 07:00."""
    store, _ = logged
    entries = audit.list_entries(store, limit=3)
    listed = cli("--db", store.path, "audit", "list", "--limit", "3")
    assert listed.code == 0, listed.err
    rows = listed.out.splitlines()[2:]
    assert listed.out.splitlines()[0].startswith("When ")
    for entry, row in zip(entries, rows, strict=True):
        at = datetime.fromisoformat(str(entry["at"]).replace("Z", "+00:00"))
        assert row.startswith(at.astimezone(timezone(timedelta(hours=7))).strftime("%d/%m/%Y %H:%M  ")), row
        assert "T" not in row.split("  ")[0] and "Z" not in row


def test_viewer_is_for_team_leads_and_admins(logged) -> None:  # type: ignore[no-untyped-def]
    from desktop.security.permissions import Actor
    from desktop.security.session import attach

    store, household = logged
    assert audit.list_entries(store, target_id=household)[0]["action"] == "print"
    attach(store, Actor("x", "canbo", "officer"))
    with pytest.raises(WardbookError):
        audit.list_entries(store)


def test_entries_travel_to_the_station_and_every_chain_verifies_there(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Each laptop's chain reaches the station through the share, where `verify` checks them all."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.register.households import add_area
    from desktop.sync.engine import sync_once
    from desktop.sync.folder import FolderShare
    from desktop.sync.station import SyncKeys, approve_device, init_share, request_enrollment

    share = FolderShare(tmp_path / "share")
    station = open_database(tmp_path / "station.db", None, create=True)
    laptop = open_database(tmp_path / "laptop.db", None, create=True)
    station_keys, laptop_keys = SyncKeys(Ed25519PrivateKey.generate()), SyncKeys(Ed25519PrivateKey.generate())
    init_share(share, station.device_id, station_keys)
    request_enrollment(share, laptop.device_id, laptop_keys, "may-01")
    approve_device(share, laptop.device_id, station_keys)
    area = add_area(laptop, "Khu phố 3")
    household = add_household(laptop, area_id=area, house_no="5", street="Lê Lợi", head_name="Vũ Thị Đi")
    view_household(laptop, household)
    sync_once(laptop, share, laptop_keys)
    sync_once(station, share, station_keys)
    chains = dict(station.conn.execute("SELECT device_id, COUNT(*) FROM audit_log GROUP BY device_id"))
    assert chains[laptop.device_id] == laptop.conn.execute(
        "SELECT COUNT(*) FROM audit_log WHERE device_id = ?", (laptop.device_id,)).fetchone()[0] >= 3
    assert audit.verify(station) == []
    station.close()
    laptop.close()
