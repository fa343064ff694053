"""Retention: the admin previews, then purges households that moved out long ago with their people and visits,
leaving no readable trace in the file; a data-subject request exports what is held about one person."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.cases import add_case, update_case
from desktop.register.households import add_area, add_household
from desktop.register.reintegration import add_reintegration
from desktop.reports.commendations import propose_commendation
from desktop.security import audit, retention
from desktop.security.access import export_person
from desktop.security.permissions import Actor
from desktop.security.session import attach
from desktop.store import Store
from desktop.store.hlc import wall_ms
from desktop.store.queries import HouseholdFilter, list_household_ids
from desktop.store.tables import SYNCED
from desktop.sync.screen import Refused, keep_refused
from tests.security.conftest import data_snapshot

LATER = date(clock.today().year + 6, 1, 15)  # six years on: today's move-outs are past a five-year rule
MARK = "Zzpurgemark"  # written into every record of one household before it is purged
# What any copy of the mark holds: FTS5 stores a term after the prefix it shares with the term before it.
TRACE = b"purgemark"


def _move_out(store: Store, count: int) -> list[str]:
    ids = [r[0] for r in store.conn.execute(
        "SELECT id FROM households WHERE status = 'active' ORDER BY code LIMIT ?", (count,))]
    for household_id in ids:
        store.writer.update("households", household_id, {"status": "moved_out"})
    return ids


def _file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def _traces(store: Store) -> list[str]:
    """The columns of every table (the search index's shadow tables and the sync bookkeeping too) holding the mark."""
    found = set()
    for (table,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        cursor = store.conn.execute(f'SELECT * FROM "{table}"')
        names = [column[0] for column in cursor.description]
        for row in cursor:
            found |= {f"{table}.{name}" for name, value in zip(names, row, strict=True)
                      if TRACE in (value if isinstance(value, bytes) else str(value).encode()).lower()}
    return sorted(found)


def _mark_household(store: Store, admin: Actor) -> tuple[str, str]:
    """A household with a member named by the mark, a tip about it and a dispute naming the member (both with
    events), a commendation and a reintegration record of the member, a change of the member refused from another
    laptop: all mention the mark."""
    attach(store, admin)
    household_id, person_id = store.conn.execute(
        "SELECT household_id, id FROM people WHERE deleted_hlc IS NULL ORDER BY household_id, id LIMIT 1").fetchone()
    store.writer.update("people", person_id, {"full_name": f"Lê Văn {MARK}"})
    today = clock.today()
    tip = add_case(store, kind="tip", title=f"Tin báo: ông {MARK} buôn ma túy", received_on=today,
                   household_id=household_id, source=f"{MARK} Nguyễn")
    update_case(store, tip, on=today, note=f"gặp {MARK} tại nhà", new_status="resolved",
                resolution=f"{MARK} đã chuyển đi")
    dispute = store.writer.insert("cases", {"kind": "dispute", "title": f"{MARK} tranh chấp lối đi",
                                            "person_id": person_id, "received_on": today.isoformat(),
                                            "status": "open", "assignee_id": admin.user_id})
    update_case(store, dispute, on=today, note=f"hòa giải với {MARK}", new_status="closed")
    propose_commendation(store, period=f"{today.year}", reason=f"{MARK} giúp hàng xóm", person_id=person_id)
    add_reintegration(store, person_id=person_id, started_on=today, ended_on=today, notes=f"ra tù {MARK}")
    keep_refused(store, "another-laptop", 1, None,
                 [Refused("people", person_id, "update", 1, {"full_name": f"{MARK} Lê"}, "not_owner")])
    store.writer.update("households", household_id, {"status": "moved_out"})
    return household_id, person_id


def test_a_purge_takes_only_the_households_the_admin_confirmed(demo_store: Store) -> None:
    """Seen: the preview and the question named 2 households, 2 more moved out meanwhile, and 4 were purged."""
    _move_out(demo_store, 2)
    retention.set_rule(demo_store, 5)
    shown = [str(h["id"]) for h in retention.preview(demo_store, today=LATER).households]
    _move_out(demo_store, 2)  # a sync or an edit, while the question was on screen
    before = demo_store.conn.execute("SELECT COUNT(*) FROM households WHERE deleted_hlc IS NULL").fetchone()[0]
    with pytest.raises(WardbookError) as refused:
        retention.purge(demo_store, today=LATER, confirmed=shown)
    assert refused.value.msg_id == "security.purge_changed" and "chưa xoá gì" in refused.value.message("vi")
    assert demo_store.conn.execute(
        "SELECT COUNT(*) FROM households WHERE deleted_hlc IS NULL").fetchone()[0] == before
    again = [str(h["id"]) for h in retention.preview(demo_store, today=LATER).households]
    assert len(again) == len(shown) + 2
    assert len(retention.purge(demo_store, today=LATER, confirmed=again).households) == len(again)


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


def test_a_copy_kept_by_a_restore_is_named_by_the_preview_and_goes_with_the_purge(demo_store: Store) -> None:
    """A restore keeps the register it replaced beside it (`NAME.before-restore-DATE-TIME`): after a purge that
    copy still held every purged household, readable with the same key, and neither the preview nor the purge
    said so."""
    import shutil

    moved = _move_out(demo_store, 3)
    demo_store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    kept = demo_store.path.with_name(demo_store.path.name + ".before-restore-20260101-080000")
    shutil.copyfile(demo_store.path, kept)  # the copy a restore leaves: the whole register as it was
    name = demo_store.conn.execute("SELECT full_name FROM people WHERE household_id = ?", (moved[0],)).fetchone()[0]
    assert name.encode() in kept.read_bytes()
    assert retention.preview(demo_store, 5, today=LATER).copies == [kept.name]
    plan = retention.purge(demo_store, 5, today=LATER)
    assert plan.copies == [kept.name] and not kept.exists()
    assert retention.preview(demo_store, 5, today=LATER).copies == []


def test_purge_takes_the_households_cases_commendations_and_search_terms(
        demo_store: Store, accounts: dict[str, Actor]) -> None:
    household_id, person_id = _mark_household(demo_store, accounts["quantri"])
    assert {"cases.title", "cases.source", "cases.resolution", "case_events.note", "commendations.reason",
            "household_fts_data.block", "outbox.fields", "refused_changes.fields"} <= set(_traces(demo_store))
    cases_alive = demo_store.conn.execute("SELECT COUNT(*) FROM cases WHERE deleted_hlc IS NULL").fetchone()[0]
    cases = [r[0] for r in demo_store.conn.execute(
        "SELECT id FROM cases WHERE household_id = ? OR person_id IN (SELECT id FROM people WHERE household_id = ?)",
        (household_id, household_id))]
    events = demo_store.conn.execute(
        f"SELECT COUNT(*) FROM case_events WHERE case_id IN ({','.join('?' * len(cases))})", cases).fetchone()[0]
    plan = retention.preview(demo_store, 5, today=LATER)
    assert [h["id"] for h in plan.households] == [household_id]
    assert (plan.counts["cases"], plan.counts["case_events"], plan.counts["commendations"]) == (len(cases), events, 1)
    assert len(cases) >= 2 and events >= 3
    assert retention.purge(demo_store, 5, today=LATER).counts == plan.counts
    assert _traces(demo_store) == []
    assert TRACE not in _file_bytes(demo_store.path).lower()
    assert demo_store.conn.execute("SELECT COUNT(*) FROM cases WHERE deleted_hlc IS NULL").fetchone()[0] \
        == cases_alive - len(cases)
    assert demo_store.conn.execute("SELECT deleted_hlc IS NOT NULL FROM commendations WHERE id IN "
                                   "(SELECT row_id FROM field_clock WHERE tbl = 'commendations')").fetchall() \
        == [(1,)]
    assert person_id not in {r[0] for r in demo_store.conn.execute("SELECT person_id FROM cases")}
    assert audit.verify(demo_store) == []


def test_a_household_with_a_case_or_support_still_in_hand_is_kept(demo_store: Store,
                                                                   accounts: dict[str, Actor]) -> None:
    """Moved out long ago and not visited since, but a tip about it arrived after the cutoff, or a case of one of
    its people is still open, or a member is still under reintegration support: the household is not purged."""
    attach(demo_store, accounts["quantri"])
    households = _move_out(demo_store, 4)
    retention.set_rule(demo_store, 5)
    person = {household: demo_store.conn.execute("SELECT id FROM people WHERE household_id = ? LIMIT 1",
                                                 (household,)).fetchone()[0] for household in households}
    today = clock.today()
    add_case(demo_store, kind="tip", title="Tin báo mới", received_on=today, household_id=households[0])
    demo_store.writer.update("cases", add_case(demo_store, kind="dispute", title="Tranh chấp cũ", received_on=today,
                                               household_id=households[1]), {"received_on": "2020-01-01"})
    add_reintegration(demo_store, person_id=person[households[2]], started_on=today)
    closed = add_case(demo_store, kind="complaint", title="Khiếu nại đã xong", received_on=today,
                      household_id=households[3])
    update_case(demo_store, closed, on=today, new_status="closed")
    later_tip = date(LATER.year - 1, 6, 1)  # received after the cutoff (LATER five years back)
    demo_store.writer.update("cases", demo_store.conn.execute(
        "SELECT id FROM cases WHERE title = 'Tin báo mới'").fetchone()[0],
        {"received_on": later_tip.isoformat(), "status": "closed"})
    planned = {h["id"] for h in retention.preview(demo_store, today=LATER).households}
    assert households[3] in planned
    assert not planned & set(households[:3]), [households.index(h) for h in planned & set(households[:3])]


def test_a_move_out_is_dated_by_the_ward_day_not_the_utc_day(store: Store) -> None:
    """Marked moved out at 06:00 on 01/07/2021 in Ho Chi Minh City (23:00 UTC the day before): under a five-year
    rule it did not move out before the cut-off of 01/07/2026, so it is not purged that day, only the next."""
    hcmc = timezone(timedelta(hours=7))

    def at(moment: datetime) -> None:  # this laptop's clock, as the write path reads it
        store.writer.clock.now_ms = lambda: int(moment.timestamp() * 1000)

    at(datetime(2021, 3, 1, 10, tzinfo=hcmc))
    household = add_household(store, area_id=add_area(store, "Khu phố 1"), house_no="9", street="Lê Lợi",
                               head_name="Hộ chuyển đi")
    at(datetime(2021, 7, 1, 6, tzinfo=hcmc))
    store.writer.update("households", household, {"status": "moved_out"})
    assert retention.preview(store, years=5, today=date(2026, 7, 1)).households == []
    (listed,) = retention.preview(store, years=5, today=date(2026, 7, 2)).households
    assert listed["moved_out_on"] == "2021-07-01"


def test_every_table_naming_a_household_person_visit_or_case_is_purged_with_it() -> None:
    references = {"household_id", "person_id", "visit_id", "case_id"}
    assert {(table, column) for table, spec in SYNCED.items() for column in spec.fields.keys() & references} \
        <= {(table, column) for table, column, _ in retention.BELONGS}


def test_cancelled_purge_changes_nothing(demo_store: Store) -> None:
    _move_out(demo_store, 4)
    before = data_snapshot(demo_store.path)
    with pytest.raises(InterruptedError):
        retention.purge(demo_store, 5, today=LATER, cancelled=lambda: True)
    assert data_snapshot(demo_store.path) == before


def test_the_cli_preview_writes_its_dates_dd_mm_yyyy(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """The cut-off in the heading and the move-out day in the table, as every date the officers read."""
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as store:
        store.writer.clock.now_ms = lambda: wall_ms() - 3 * 366 * 86_400_000  # written three years ago
        household = add_household(store, area_id=None, house_no="9", street="Lê Lợi", head_name="Hộ Chuyển Đi")
        store.writer.update("households", household, {"status": "moved_out"})
        plan = retention.preview(store, 2)
    cutoff, moved_out = date.fromisoformat(plan.cutoff), date.fromisoformat(str(plan.households[0]["moved_out_on"]))
    shown = cli("--db", path, "retention", "preview", "--years", "2")
    assert shown.code == 0, shown.err
    assert f"Households moved out before {cutoff:%d/%m/%Y} (2-year rule)" in shown.out
    row = next(line for line in shown.out.splitlines() if "9 Lê Lợi" in line)
    assert f"{moved_out:%d/%m/%Y}" in row and moved_out.isoformat() not in shown.out


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
    if json.loads(out.read_text("utf-8"))["withheld"]:  # whether the demo's visits there hold findings
        assert "may be about someone else" in result.out  # told to whoever exports, not only in the file
    exports = demo_store.conn.execute(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND target_id = ?", (person_id,)
    ).fetchone()[0]
    assert exports == 2
