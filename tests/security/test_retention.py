"""Retention: the admin previews, then purges households that moved out long ago with their people and visits,
leaving no readable trace in the file; a data-subject request exports what is held about one person."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.security import audit, retention
from desktop.security.access import export_person
from desktop.security.permissions import Actor
from desktop.security.session import attach
from desktop.store import Store
from desktop.store.queries import HouseholdFilter, list_household_ids
from tests.security.conftest import data_snapshot

LATER = date(date.today().year + 6, 1, 15)  # six years on: today's move-outs are past a five-year rule


def _move_out(store: Store, count: int) -> list[str]:
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM households WHERE status = 'active' ORDER BY code LIMIT ?", (count,))]
    for household_id in ids:
        store.writer.update("households", household_id, {"status": "moved_out"})
    return ids


def _file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def test_preview_lists_only_households_past_the_rule(demo_store: Store) -> None:
    with pytest.raises(WardbookError) as error:
        retention.preview(demo_store, today=LATER)
    assert error.value.msg_id == "security.no_retention_rule"
    moved = _move_out(demo_store, 5)
    expected = {r[0] for r in demo_store.conn.execute("SELECT id FROM households WHERE status = 'moved_out'")}
    assert set(moved) <= expected
    retention.set_rule(demo_store, 5)
    plan = retention.preview(demo_store, today=LATER)
    assert {h["id"] for h in plan.households} == expected
    people = demo_store.conn.execute(
        f"SELECT COUNT(*) FROM people WHERE household_id IN ({','.join('?' * len(expected))})",
        tuple(expected)).fetchone()[0]
    assert plan.counts["households"] == len(expected) and plan.counts["people"] == people
    assert retention.preview(demo_store, today=date(LATER.year - 2, 1, 15)).households == []


def test_purge_blanks_tombstones_and_leaves_no_trace(demo_store: Store) -> None:
    moved = _move_out(demo_store, 6)
    keep_snapshot = {table: [row for row in rows if moved[0] not in repr(row)]
                     for table, rows in data_snapshot(demo_store.path).items()}
    placeholders = ",".join("?" * len(moved))
    names = {r[0] for r in demo_store.conn.execute(
        f"SELECT full_name FROM people WHERE household_id IN ({placeholders})", moved)}
    elsewhere = {r[0] for r in demo_store.conn.execute(
        f"SELECT full_name FROM people WHERE household_id NOT IN ({placeholders})", moved)}
    unique = names - elsewhere
    assert unique and all(name.encode() in _file_bytes(demo_store.path) for name in unique)
    plan = retention.purge(demo_store, 5, today=LATER)
    assert set(moved) <= {h["id"] for h in plan.households}
    rows = demo_store.conn.execute(
        "SELECT full_name, deleted_hlc FROM people WHERE household_id IS NULL AND id IN "
        "(SELECT row_id FROM field_clock WHERE tbl = 'people')").fetchall()
    assert rows and all(name is None and deleted is not None for name, deleted in rows)
    assert demo_store.conn.execute(
        f"SELECT COUNT(*) FROM visits WHERE household_id IN ({placeholders})", moved).fetchone()[0] == 0
    blob = _file_bytes(demo_store.path)
    assert [name for name in unique if name.encode() in blob] == []
    for name in list(unique)[:3]:
        assert not set(moved) & set(list_household_ids(demo_store, HouseholdFilter(text=name)))
    assert demo_store.conn.execute(
        f"SELECT COUNT(*) FROM search_doc WHERE household_id IN ({placeholders})", moved).fetchone()[0] == 0
    assert demo_store.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'purge'").fetchone()[0] == 1
    assert audit.verify(demo_store) == []
    after = data_snapshot(demo_store.path)
    untouched = next(h for h in keep_snapshot["households"] if h[0] not in {x["id"] for x in plan.households})
    assert untouched in after["households"]


def test_cancelled_purge_changes_nothing(demo_store: Store) -> None:
    _move_out(demo_store, 4)
    before = data_snapshot(demo_store.path)
    with pytest.raises(InterruptedError):
        retention.purge(demo_store, 5, today=LATER, cancelled=lambda: True)
    assert data_snapshot(demo_store.path) == before


def test_data_subject_export(demo_store: Store, accounts: dict[str, Actor], cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    household = demo_store.conn.execute(
        "SELECT h.id, h.street FROM households h "
        "WHERE (SELECT COUNT(*) FROM people p WHERE p.household_id = h.id) >= 2 "
        "AND EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id) LIMIT 1").fetchone()
    person_id, name = demo_store.conn.execute(
        "SELECT id, full_name FROM people WHERE household_id = ? ORDER BY id LIMIT 1", (household[0],)
    ).fetchone()
    others = [r[0] for r in demo_store.conn.execute(
        "SELECT full_name FROM people WHERE household_id = ? AND full_name != ?", (household[0], name))]
    attach(demo_store, accounts["quantri"])
    data = export_person(demo_store, person_id)
    assert data["person"]["full_name"] == name and data["household"]["street"] == household[1]
    visits = demo_store.conn.execute("SELECT COUNT(*) FROM visits WHERE household_id = ?",
                                     (household[0],)).fetchone()[0]
    assert len(data["visits_to_household"]) == visits > 0
    text = json.dumps(data, ensure_ascii=False)
    assert not any(other in text for other in others)
    out = tmp_path / "request.json"
    result = cli("--db", demo_store.path, "person", "export", person_id, "--out", out, user="quantri")
    assert result.code == 0
    assert json.loads(out.read_text("utf-8"))["person"]["id"] == person_id
    exports = demo_store.conn.execute(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target_id = ?", (person_id,)
    ).fetchone()[0]
    assert exports == 2
