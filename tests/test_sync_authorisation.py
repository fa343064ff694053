"""Sync trusts no laptop more than its user: an officer's laptop whose holder writes straight into their own
database (they have its key, its sync keys and the core) cannot make the station do what the officer may not.

Each attack below is made on the officer's laptop, published, and applied at the station: the station refuses
it, keeps it in `refused_changes`, reports it in `sync status`, and its accounts and other laptops' audit
entries stay exactly as they were, while the legitimate change in the same file still applies.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from test_sync import samba_url, share  # noqa: F401  (the folder and Samba share fixtures)

from desktop import i18n
from desktop.register.labels import label
from desktop.security import audit, users
from desktop.security.permissions import SETUP
from desktop.security.session import attach
from desktop.store import Store
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.grants import grant_of_user
from desktop.sync.problems import open_problems
from desktop.sync.screen import list_refused
from desktop.sync.station import SyncKeys, approve_device, init_share, request_enrollment
from desktop.sync.status import device_status

PASSWORDS = {"quantri": "admin-password-1", "canbo": "officer-password-1", "canbo2": "officer-password-2"}


class Station:
    """The admin's laptop with the station's accounts, and one officer's laptop enrolled for `canbo`."""

    def __init__(self, folder: Path, station_share: FolderShare) -> None:
        self.share = station_share
        self.admin = Store.open(folder / "station.db", create=True)
        self.admin_keys = SyncKeys(Ed25519PrivateKey.generate())
        admin = users.create_first_admin(self.admin, "quantri", "Quản trị", PASSWORDS["quantri"])
        attach(self.admin, admin)
        audit.install(self.admin)
        self.officer_id = users.add_user(self.admin, "canbo", "Cán bộ", "officer", PASSWORDS["canbo"])
        self.other_officer_id = users.add_user(self.admin, "canbo2", "Cán bộ 2", "officer", PASSWORDS["canbo2"])
        self.household = self.admin.writer.insert("households", {"code": "HK1", "street": "Lê Lợi"})
        init_share(station_share, self.admin.device_id, self.admin_keys, self.admin,
                   grant_of_user(self.admin, "quantri"))
        self.laptop = Store.open(folder / "officer.db", create=True)
        self.laptop_keys = SyncKeys(Ed25519PrivateKey.generate())
        request_enrollment(station_share, self.laptop.device_id, self.laptop_keys, "may-canbo", self.laptop)
        approve_device(station_share, self.laptop.device_id, self.admin_keys, grant_of_user(self.admin, "canbo"))
        self.sync_admin()
        self.sync_laptop()
        attach(self.laptop, users.login(self.laptop, "canbo", PASSWORDS["canbo"]))
        audit.install(self.laptop)

    def sync_admin(self):  # type: ignore[no-untyped-def]
        return sync_once(self.admin, self.share, self.admin_keys)

    def sync_laptop(self):  # type: ignore[no-untyped-def]
        return sync_once(self.laptop, self.share, self.laptop_keys)

    def forge(self, table: str, row_id: str, op: str, fields: dict[str, object]) -> None:
        """What the holder of the laptop can do: put any change into its outbox, as the write path would."""
        hlc = self.laptop.writer.clock.tick()
        self.laptop.conn.execute("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES (?, ?, ?, ?, ?)",
                                 (table, row_id, op, hlc, json.dumps(fields)))
        self.laptop.conn.execute("UPDATE device SET hlc_last = ?", (self.laptop.writer.clock.last,))


def accounts(store: Store) -> list[tuple[object, ...]]:
    return store.conn.execute("SELECT * FROM users ORDER BY id").fetchall()


def foreign_audit(store: Store, device: str) -> list[tuple[object, ...]]:
    return store.conn.execute("SELECT * FROM audit_log WHERE device_id != ? ORDER BY id", (device,)).fetchall()


def colleagues_visit(station: Station, day: str, **fields: object) -> str:
    """A welfare visit of the other officer's, recorded on the admin's laptop."""
    return station.admin.writer.insert("visits", {
        "household_id": station.household, "officer_id": station.other_officer_id, "visited_at": day,
        "purposes": "welfare_check", "outcome": "met", **fields})


def _another_laptop(station: Station, tmp_path: Path, username: str, password: str) -> tuple[Store, SyncKeys]:
    """One more laptop of the station, approved for `username`, synced once and logged in as them."""
    laptop = Store.open(tmp_path / f"{username}.db", create=True)
    keys = SyncKeys(Ed25519PrivateKey.generate())
    request_enrollment(station.share, laptop.device_id, keys, f"may-{username}", laptop)
    approve_device(station.share, laptop.device_id, station.admin_keys, grant_of_user(station.admin, username))
    station.sync_admin()
    sync_once(laptop, station.share, keys)
    attach(laptop, users.login(laptop, username, password))
    return laptop, keys


def test_an_officers_laptop_cannot_take_over_accounts_or_forge_audit_entries(
        tmp_path: Path, share: FolderShare) -> None:  # noqa: F811
    station = Station(tmp_path, share)
    admin_id = station.admin.conn.execute("SELECT id FROM users WHERE username = 'quantri'").fetchone()[0]
    accounts_before = accounts(station.admin)
    audit_before = foreign_audit(station.admin, station.laptop.device_id)
    station.forge("users", station.officer_id, "update", {"role": "admin"})
    station.forge("users", admin_id, "update", {"role": "officer", "password_hash": "chosen-by-the-officer"})
    for user_id in (admin_id, station.officer_id, station.other_officer_id):
        station.forge("users", user_id, "update", {"active": 0})
    station.forge("users", "new-admin", "insert", {"username": "moi", "role": "admin", "active": 1,
                                                   "password_hash": "x"})
    station.forge("audit_log", "made-up-entry", "insert", {"device_id": "another-device", "seq": 1,
                                                            "action": "login", "hash": "0" * 64})
    first_entry = station.admin.conn.execute("SELECT id FROM audit_log LIMIT 1").fetchone()[0]
    station.forge("audit_log", first_entry, "update", {"action": "view"})
    station.forge("households", station.household, "update", {"evil": "x"})
    station.forge("people", "p-wrong-type", "insert", {"household_id": station.household, "full_name": "Lê Văn Tý",
                                                       "birth_year": "nineteen"})
    station.forge("people", "p-huge", "insert", {"household_id": station.household, "birth_year": 2**70})
    station.forge("visits", "v-bad-choice", "insert", {"household_id": station.household, "outcome": "robbed",
                                                       "officer_id": station.officer_id})
    station.forge("new_table", "x", "insert", {"a": 1})
    station.laptop.writer.update("households", station.household, {"phone": "0903123456"})  # legitimate
    station.sync_laptop()

    _published, report = station.sync_admin()  # never raises, whatever the file holds
    assert report.errors == [] and report.refused == 13
    assert accounts(station.admin) == accounts_before
    assert foreign_audit(station.admin, station.laptop.device_id) == audit_before
    assert station.admin.conn.execute("SELECT phone FROM households WHERE id = ?",
                                      (station.household,)).fetchone() == ("0903123456",)
    assert station.admin.conn.execute("SELECT COUNT(*) FROM people").fetchone() == (0,)
    assert station.admin.conn.execute("SELECT COUNT(*) FROM visits").fetchone() == (0,)
    assert {row["reason"] for row in list_refused(station.admin)} == {
        "accounts", "foreign_chain", "append_only", "unknown_field", "bad_value", "unknown_table"}
    assert {row["username"] for row in list_refused(station.admin)} == {"canbo"}
    laptop_row = next(row for row in device_status(station.admin, share) if row.device == station.laptop.device_id)
    assert laptop_row.refused == 13 and laptop_row.user == "canbo"
    assert audit.verify(station.admin) == []  # the officer's own entries arrived in their own chain
    # The station stays out of setup mode and the admin can still log in with their own password.
    assert users.login(station.admin, "quantri", PASSWORDS["quantri"]).role == "admin"
    station.sync_admin()
    assert len(list_refused(station.admin)) == 13  # applied once, refused once


def test_an_officer_cannot_change_another_officers_visit_but_a_team_lead_can(
        tmp_path: Path, share: FolderShare) -> None:  # noqa: F811
    station = Station(tmp_path, share)
    other_visit = colleagues_visit(station, "2026-06-01")
    station.sync_admin()
    station.sync_laptop()
    station.forge("visits", other_visit, "update", {"findings": "sửa hồ sơ của người khác"})
    station.forge("support_items", "item-1", "insert", {"visit_id": other_visit, "kind": "food", "quantity": 5.0})
    station.forge("visits", "stolen", "insert", {"household_id": station.household, "visited_at": "2026-06-02",
                                                "officer_id": station.other_officer_id, "outcome": "met"})
    own = station.laptop.writer.insert("visits", {"household_id": station.household, "visited_at": "2026-06-03",
                                                  "officer_id": station.officer_id, "outcome": "met",
                                                  "purposes": "welfare_check"})
    station.laptop.writer.insert("support_items", {"visit_id": own, "kind": "food", "quantity": 10.0})
    station.sync_laptop()
    _, report = station.sync_admin()
    assert report.refused == 3
    assert station.admin.conn.execute("SELECT findings FROM visits WHERE id = ?", (other_visit,)).fetchone() == (
        None,)
    assert station.admin.conn.execute("SELECT officer_id FROM visits WHERE id = ?", (own,)).fetchone() == (
        station.officer_id,)
    assert station.admin.conn.execute("SELECT COUNT(*) FROM support_items").fetchone() == (1,)
    # Promoted to team lead by the admin, the same laptop's next files may change everyone's records.
    users.set_role(station.admin, "canbo", "team_lead")
    station.sync_admin()  # the admin laptop gives the laptop a new grant in the signed roster
    station.sync_laptop()
    station.forge("visits", other_visit, "update", {"findings": "tổ trưởng bổ sung"})
    station.sync_laptop()
    _, report = station.sync_admin()
    assert report.refused == 0
    assert station.admin.conn.execute("SELECT findings FROM visits WHERE id = ?", (other_visit,)).fetchone() == (
        "tổ trưởng bổ sung",)


def test_refused_changes_are_told_in_words(tmp_path: Path) -> None:
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    station.forge("users", station.officer_id, "update", {"role": "admin"})
    station.sync_laptop()
    station.sync_admin()
    i18n.set_language("vi")
    (row,) = list_refused(station.admin)
    assert "chỉ quản trị viên" in i18n.tr(f"security.refusal.{row['reason']}")
    (problem,) = open_problems(station.admin)  # no broken file: the laptop's later files apply
    assert problem.kind == "refused_accounts" and problem.file == "000000000001.chg"
    assert problem.text.startswith("Không nhận thay đổi của canbo (sửa Tài khoản): chỉ quản trị viên")


def test_a_snapshot_from_a_laptop_that_is_not_an_admins_is_refused(tmp_path: Path) -> None:
    from desktop.errors import WardbookError
    from desktop.sync.snapshot import bootstrap, write_snapshot

    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    attach(station.laptop, SETUP)  # the holder of the officer's laptop bypasses its login: they have the core
    snapshot = write_snapshot(station.laptop, station.share, station.laptop_keys)
    fresh = Store.open(tmp_path / "fresh.db", create=True)
    keys = SyncKeys(Ed25519PrivateKey.generate())
    request_enrollment(station.share, fresh.device_id, keys, "may-moi", fresh)
    approve_device(station.share, fresh.device_id, station.admin_keys)
    with pytest.raises(WardbookError) as refused:
        bootstrap(fresh, station.share, keys, snapshot)
    assert "admin" in refused.value.message("en")


def test_a_chain_rewritten_with_the_database_key_alone_no_longer_matches_its_signed_head(tmp_path: Path) -> None:
    """Recomputing every hash after an edit keeps the chain intact, but the head signed with the laptop's sync key
    (not in the database) no longer matches; and entries claiming a device the station never had are named."""
    from desktop.security.audit import entry_hash

    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    station.laptop.writer.update("households", station.household, {"phone": "0903000001"})
    station.sync_laptop()  # publishes the laptop's signed head
    device = station.laptop.device_id
    attach(station.laptop, users.login(station.laptop, "quantri", PASSWORDS["quantri"]))  # to read the log
    assert audit.verify(station.laptop) == [] or pytest.fail("intact before the rewrite")
    conn = sqlite3.connect(str(station.laptop.path), isolation_level=None)  # a tool holding the database key
    previous = "0" * 64
    for row_id, seq in conn.execute("SELECT id, seq FROM audit_log WHERE device_id = ? ORDER BY seq",
                                    (device,)).fetchall():
        cursor = conn.execute("SELECT * FROM audit_log WHERE id = ?", (row_id,))
        entry = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
        entry["prev_hash"] = previous
        if seq == 1:
            entry["action"] = "view"  # the rewritten history
        entry["hash"] = previous = entry_hash(entry)
        conn.execute("UPDATE audit_log SET action = ?, prev_hash = ?, hash = ? WHERE id = ?",
                     (entry["action"], entry["prev_hash"], entry["hash"], row_id))
    conn.execute("UPDATE audit_head SET hash = ? WHERE device_id = ?", (previous, device))
    conn.execute("INSERT INTO audit_log (id, created_at, updated_at, device_id, seq, at, action, prev_hash, hash) "
                 "VALUES ('forged', '', '', 'made-up-device', 1, '2026-01-01', 'login', ?, ?)",
                 ("0" * 64, "0" * 64))
    kinds = {(problem.device_id, problem.kind) for problem in audit.verify(station.laptop)}
    assert (device, "rewritten") in kinds and ("made-up-device", "unknown_device") in kinds


def test_an_edit_that_arrives_before_the_record_it_edits_waits_instead_of_being_refused(tmp_path: Path) -> None:
    """The admin records a visit for the officer; the officer's laptop edits it. A third laptop that gets the edit
    before the admin's file cannot tell whose the visit is yet: the edit waits, and applies once the visit is here."""
    from desktop.sync.changeset import file_name

    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    third = Store.open(tmp_path / "third.db", create=True)
    third_keys = SyncKeys(Ed25519PrivateKey.generate())
    request_enrollment(station.share, third.device_id, third_keys, "may-canbo2", third)
    approve_device(station.share, third.device_id, station.admin_keys, grant_of_user(station.admin, "canbo2"))
    visit = station.admin.writer.insert("visits", {"household_id": station.household, "visited_at": "2026-06-01",
                                                   "officer_id": station.officer_id, "outcome": "met"})
    station.sync_admin()
    station.sync_laptop()
    station.laptop.writer.update("visits", visit, {"findings": "Đã nhận gạo"})
    station.sync_laptop()
    admin_files = tmp_path / "share" / "devices" / station.admin.device_id
    newest = max(admin_files.iterdir())
    newest.rename(newest.with_name("away"))  # the admin's file is not readable here yet (copying, offline…)
    _, report = sync_once(third, station.share, third_keys)
    assert report.refused == 0 and (station.laptop.device_id, 2, "waiting") in report.errors
    attach(third, users.login(third, "canbo2", PASSWORDS["canbo2"]))  # the accounts came with that first sync
    newest.with_name("away").rename(newest)
    _, report = sync_once(third, station.share, third_keys)
    assert report.refused == 0 and report.errors == []
    assert third.conn.execute("SELECT findings FROM visits WHERE id = ?", (visit,)).fetchone() == ("Đã nhận gạo",)
    assert file_name(2) in [p.name for p in (tmp_path / "share" / "devices" / station.laptop.device_id).iterdir()]
    third.close()


def test_a_laptop_enrolled_before_binding_is_told_and_works_once_the_admin_binds_it(tmp_path: Path) -> None:
    """A station upgraded from the release before grants: its officers' laptops have no account in the roster.
    The officer is told why a visit is not written; once the admin binds the laptop, it is written and accepted."""
    from desktop.errors import WardbookError
    from desktop.register.visits import add_visit
    from desktop.sync.station import bind_device

    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    roster = station.share.station()
    del roster["devices"][station.laptop.device_id]["grants"]  # as the previous release wrote it
    from desktop.sync.station import save_roster

    save_roster(station.share, roster, station.admin_keys)
    station.sync_laptop()
    with pytest.raises(WardbookError) as told:
        add_visit(station.laptop, household_id=station.household, visited_on="01/06/2026",
                  purposes=["welfare_check"], outcome="met")
    assert told.value.params["reason"] == "unbound"
    bind_device(station.share, station.laptop.device_id, station.admin_keys, grant_of_user(station.admin, "canbo"),
                station.admin)
    station.sync_laptop()
    visit = add_visit(station.laptop, household_id=station.household, visited_on="01/06/2026",
                      purposes=["welfare_check"], outcome="met")
    station.sync_laptop()
    _, report = station.sync_admin()
    assert report.refused == 0
    assert station.admin.conn.execute("SELECT officer_id FROM visits WHERE id = ?", (visit,)).fetchone() == (
        station.officer_id,)


def test_an_insert_carrying_the_id_of_a_record_already_here_is_judged_as_the_edit_it_would_be(
        tmp_path: Path) -> None:
    """The merge applies such an "insert" field by field over the record: an officer's laptop took over other
    officers' visits, cases, reintegration records and their case events and support items that way (and moved a
    support item under its own visit by a plain edit: only the new parent was looked at). An audit entry sent
    again under another entry's id stopped the sender's whole stream at every laptop; it is refused instead."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    admin, other = station.admin, station.other_officer_id
    person = admin.writer.insert("people", {"household_id": station.household, "full_name": "Đỗ Văn Bảy"})
    theirs = {
        "visits": admin.writer.insert("visits", {"household_id": station.household, "officer_id": other,
                                                 "visited_at": "2026-06-01", "purposes": "food_support",
                                                 "outcome": "met", "findings": "của cán bộ 2"}),
        "cases": admin.writer.insert("cases", {"kind": "tip", "title": "Tin báo", "received_on": "2026-06-01",
                                               "status": "open", "assignee_id": other, "tip_status": "received"}),
        "reintegration": admin.writer.insert("reintegration", {"person_id": person, "started_on": "2026-01-01",
                                                               "officer_id": other}),
    }
    theirs["case_events"] = admin.writer.insert("case_events", {
        "case_id": theirs["cases"], "at": "2026-06-02", "officer_id": other, "new_outcome": "successful"})
    theirs["support_items"] = admin.writer.insert("support_items", {
        "visit_id": theirs["visits"], "kind": "food", "quantity": 10.0, "unit": "kg", "value_vnd": 200_000})
    first_entry = admin.conn.execute("SELECT id FROM audit_log ORDER BY rowid LIMIT 1").fetchone()[0]
    station.sync_admin()
    station.sync_laptop()
    before = {table: admin.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
              for table, row_id in theirs.items()}
    audit_before = admin.conn.execute("SELECT * FROM audit_log WHERE id = ?", (first_entry,)).fetchone()
    mine = station.laptop.writer.insert("visits", {"household_id": station.household, "officer_id":
                                                   station.officer_id, "visited_at": "2026-06-03",
                                                   "purposes": "food_support", "outcome": "met"})
    station.forge("visits", theirs["visits"], "insert", {"findings": "viết đè", "voided": 1, "void_reason": "x"})
    station.forge("cases", theirs["cases"], "insert", {"assignee_id": station.officer_id, "status": "closed"})
    station.forge("reintegration", theirs["reintegration"], "insert", {"ended_on": "2026-02-01"})
    station.forge("case_events", theirs["case_events"], "insert", {"officer_id": station.officer_id,
                                                                   "new_outcome": "unsuccessful"})
    station.forge("support_items", theirs["support_items"], "insert", {"visit_id": mine, "value_vnd": 1})
    station.forge("support_items", theirs["support_items"], "update", {"visit_id": mine})
    station.forge("audit_log", first_entry, "insert", {"device_id": station.laptop.device_id, "seq": 999,
                                                        "action": "view", "hash": "0" * 64})
    station.laptop.writer.update("households", station.household, {"phone": "0903123456"})  # legitimate
    station.sync_laptop()

    _, report = station.sync_admin()
    assert report.errors == [] and report.refused == 7
    for table, row_id in theirs.items():
        assert admin.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone() == before[table]
    assert admin.conn.execute("SELECT * FROM audit_log WHERE id = ?", (first_entry,)).fetchone() == audit_before
    assert {row["reason"] for row in list_refused(admin)} == {"not_owner", "append_only"}
    assert admin.conn.execute("SELECT phone FROM households WHERE id = ?", (station.household,)).fetchone() == (
        "0903123456",)
    assert admin.conn.execute("SELECT officer_id FROM visits WHERE id = ?", (mine,)).fetchone() == (
        station.officer_id,)  # the officer's own visit of the same file is there


def test_a_stamp_far_in_the_future_waits_and_breaks_no_laptops_clock(tmp_path: Path) -> None:
    """One change stamped near the top of the clock's range, absorbed by every receiving laptop, left no room to
    count: every later write failed, the login included. Such a file waits (told in words) and nothing else
    changes; a laptop a few hours or days fast still syncs (see test_sync_healing)."""
    from desktop.store.hlc import unpack, wall_ms

    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    own = station.laptop.writer.insert("visits", {"household_id": station.household, "officer_id":
                                                  station.officer_id, "visited_at": "2026-06-03", "outcome": "met",
                                                  "purposes": "welfare_check"})
    station.sync_laptop()
    station.sync_admin()
    station.laptop.conn.execute("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES (?, ?, ?, ?, ?)",
                                ("visits", own, "update", 2**63 - 2, json.dumps({"findings": "mãi mãi"})))
    station.sync_laptop()

    _, report = station.sync_admin()
    assert [reason for _device, _seq, reason in report.errors] == ["clock_ahead"]
    assert unpack(station.admin.writer.clock.last)[0] < wall_ms() + 60_000
    assert station.admin.conn.execute("SELECT findings FROM visits WHERE id = ?", (own,)).fetchone() == (None,)
    station.admin.writer.update("households", station.household, {"phone": "0903000111"})  # still writes
    (problem,) = [p for p in open_problems(station.admin) if p.kind == "clock_ahead"]
    assert "một năm" in problem.text
    _, report = station.sync_admin()  # tried again at the next sync, told once
    assert [p.kind for p in open_problems(station.admin)].count("clock_ahead") == 1


def test_a_change_stamped_after_its_files_newest_stamp_is_refused(tmp_path: Path) -> None:
    """A hand-made file claiming an ordinary newest stamp with a row stamped at the top of the range: receiving
    laptops absorb only the claimed stamp, so that row could never be corrected anywhere."""
    from desktop.security.rights import Principal
    from desktop.sync.screen import screen

    store = Store.open(tmp_path / "w.db", create=True)
    who = Principal("device-x", "admin")
    kept, refused = screen(store, who, [["areas", "insert", ["name"], [["a1", 100, "Tổ 1"], ["a2", 2**63 - 1,
                                                                                         "Tổ 2"]]]], newest=100)
    assert kept == [["areas", "insert", ["name"], [["a1", 100, "Tổ 1"]]]]
    assert [(item.row_id, item.reason) for item in refused] == [("a2", "bad_value")]


def test_values_the_write_path_never_stores_are_refused_and_the_review_still_prints(tmp_path: Path) -> None:
    """Dates of another shape, amounts near the top of SQLite's integers, negative counts, periods that do not
    parse: an officer may send them for their own records, and they stopped the review (and the household's page)
    on every laptop. They are refused like any other bad value; the rest of the file applies."""
    from desktop.reports.periods import quarter
    from desktop.reports.review import build_review

    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    own = {"household_id": station.household, "officer_id": station.officer_id, "purposes": "food_support",
           "outcome": "met"}
    station.forge("visits", "v-bad-day", "insert", {**own, "visited_at": "2026-05-0x"})
    station.forge("visits", "v-bad-due", "insert", {**own, "visited_at": "2026-05-02", "follow_up_due": "mai"})
    station.forge("visits", "v-ok", "insert", {**own, "visited_at": "2026-05-03"})
    station.forge("support_items", "s-huge", "insert", {"visit_id": "v-ok", "kind": "food", "value_vnd": 2**62})
    station.forge("support_items", "s-minus", "insert", {"visit_id": "v-ok", "kind": "food", "quantity": -5.0})
    station.forge("support_items", "s-ok", "insert", {"visit_id": "v-ok", "kind": "food", "value_vnd": 200_000})
    station.forge("cases", "c-bad", "insert", {"kind": "tip", "title": "x", "received_on": "2026-04-01",
                                               "resolved_on": "2026-06-3x", "assignee_id": station.officer_id,
                                               "status": "resolved"})
    station.forge("households", station.household, "update", {"flag_poor": 7})
    station.forge("people", "p-old", "insert", {"household_id": station.household, "birth_year": 1066})
    station.sync_laptop()

    _, report = station.sync_admin()
    assert report.errors == [] and report.refused == 7
    assert {row["row_id"] for row in list_refused(station.admin)} >= {"v-bad-day", "s-huge", "c-bad", "p-old"}
    assert station.admin.conn.execute("SELECT id FROM visits").fetchall() == [("v-ok",)]
    assert station.admin.conn.execute("SELECT id FROM support_items").fetchall() == [("s-ok",)]
    build_review(station.admin, quarter(2026, 2), tmp_path / "review.pdf", today=date(2026, 7, 5))
    assert (tmp_path / "review.pdf").stat().st_size > 1000


def test_control_characters_from_another_laptop_are_refused_and_exports_still_work(tmp_path: Path) -> None:
    """The write path never stores a control character; a hand-edited laptop sent one in a street, and every
    laptop that took it in could no longer export the households to Excel (openpyxl refuses the character)."""
    from desktop.io.exporter import export

    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    station.forge("households", station.household, "update", {"street": "Lê\x01Lợi"})
    station.forge("households", "h-nul", "insert", {"code": "HK-NUL", "street": "Hai\x00Bà Trưng"})
    station.forge("households", "h-ok", "insert", {"code": "HK-OK", "street": "Trần Phú\ndãy 2\tnhà sau"})
    station.sync_laptop()

    _, report = station.sync_admin()
    assert report.errors == [] and report.refused == 2
    streets = [row[0] for row in station.admin.conn.execute("SELECT street FROM households")]
    assert "Trần Phú\ndãy 2\tnhà sau" in streets and not any("\x00" in s or "\x01" in s for s in streets if s)
    export(station.admin, "households", tmp_path / "households.xlsx")
    assert (tmp_path / "households.xlsx").stat().st_size > 1000


def test_a_period_or_a_day_of_another_shape_is_no_value_of_the_field() -> None:
    from desktop.store.tables import invalid_rows

    rows = [["n1", 1, "2026-Q2", "lessons", "x"], ["n2", 1, "2026-Q9", "lessons", "x"],
            ["n3", 1, "2026-06-01..2026-06-30", "lessons", "x"], ["n4", 1, "2026-13", "lessons", "x"]]
    assert invalid_rows("review_notes", ["period", "section", "text"], rows) == {1: "period", 3: "period"}
    days = [["c1", 1, "2026-02-28"], ["c2", 1, "2026-02-30"], ["c3", 1, "28/02/2026"], ["c4", 1, "1899-12-31"]]
    assert invalid_rows("community_model_counts", ["counted_on"], days) == {1: "counted_on", 2: "counted_on",
                                                                            3: "counted_on"}


def test_a_refused_change_is_kept_short(tmp_path: Path) -> None:
    """A refused 10 MB text was kept whole in `refused_changes` on every laptop, for every file carrying one."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    station.forge("visits", "v-huge", "insert", {"household_id": station.household, "officer_id": station.officer_id,
                                                 "visited_at": "2026-05-03", "findings": "x" * 1_000_000})
    station.sync_laptop()
    _, report = station.sync_admin()
    assert report.refused == 1
    (kept,) = station.admin.conn.execute("SELECT fields FROM refused_changes WHERE row_id = 'v-huge'").fetchone()
    assert len(kept) < 1_000 and "1,000,000" in json.loads(kept)["findings"]


def test_a_laptop_whose_account_is_disabled_stops_receiving_the_wards_records_until_it_is_enabled_again(
    tmp_path: Path,
) -> None:
    """Disabling an account made its laptop's changes count for nothing, but the laptop went on receiving and
    decrypting every record the station published. Now the admin's next sync starts a data key the laptop does not
    get; enabling the account again gives it the keys it missed, and it catches up."""
    from desktop.errors import WardbookError
    from desktop.sync.station import unwrap_all

    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    users.set_active(station.admin, "canbo", False)
    station.sync_admin()
    after = station.admin.writer.insert("households", {"code": "HK2", "street": "Đường sau khi khóa"})
    station.sync_admin()
    roster = station.share.station()
    epoch = str(roster["epoch"])
    assert epoch not in roster["devices"][station.laptop.device_id]["keys"]
    assert epoch in roster["devices"][station.admin.device_id]["keys"]
    with pytest.raises(WardbookError) as told:
        station.sync_laptop()
    assert told.value.msg_id == "sync.account_disabled"
    assert "khóa" in i18n.tr(told.value.msg_id, "vi", **told.value.params)
    # Even the laptop's holder, with its keys and the core, cannot read what was published after the disable.
    holder_keys = SyncKeys(station.laptop_keys.signing_key, station.laptop_keys.exchange_key)
    unwrap_all(roster, station.laptop.device_id, holder_keys)
    assert int(epoch) not in holder_keys.data_keys
    assert station.laptop.conn.execute("SELECT 1 FROM households WHERE id = ?", (after,)).fetchone() is None

    users.set_active(station.admin, "canbo", True)
    station.sync_admin()
    assert epoch in station.share.station()["devices"][station.laptop.device_id]["keys"]
    station.sync_laptop()
    assert station.laptop.conn.execute("SELECT street FROM households WHERE id = ?", (after,)).fetchone() == (
        "Đường sau khi khóa",)


def test_an_edit_refused_at_the_station_is_taken_back_on_the_laptop_that_made_it(tmp_path: Path) -> None:
    """A team lead lowered to officer while their laptop was offline went on changing a colleague's visit: every
    laptop refuses the edit, but the laptop that made it kept its value for good, so the ward's laptops disagreed
    about the record. The admin's laptop now writes its own value back just above the refused stamp."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    visit = colleagues_visit(station, "2026-06-01", findings="ghi nhận ban đầu")
    second_visit = colleagues_visit(station, "2026-06-02")
    users.set_role(station.admin, "canbo", "team_lead")
    station.sync_admin()
    station.sync_laptop()
    users.set_role(station.admin, "canbo", "officer")
    station.sync_admin()  # the laptop's next file is judged as an officer's
    # Offline, the laptop still holds the team lead's grant: its own write path lets these through.
    station.laptop.writer.update("visits", visit, {"findings": "tổ trưởng sửa khi đã bị hạ quyền"})
    station.laptop.writer.delete("visits", second_visit)
    stamp = "SELECT hlc, device_id FROM field_clock WHERE tbl = 'visits' AND row_id = ? AND field = 'findings'"
    refused_stamp = station.laptop.conn.execute(stamp, (visit,)).fetchone()[0]
    own = station.laptop.writer.update("households", station.household, {"phone": "0903123456"})
    assert own == {"phone": "0903123456"}
    _, told = station.sync_laptop()
    # The laptop judges its own file by the grant it now sees, as every other laptop does, and tells its user what
    # the station will not take, with what was written (the station's value will replace it here).
    assert told.own_refused == 2
    i18n.set_language("vi")
    mine = sorted(problem.text for problem in open_problems(station.laptop) if problem.kind.startswith("refused_"))
    assert len(mine) == 2 and all("Trạm không nhận thay đổi của máy này" in text for text in mine)
    assert "tổ trưởng sửa khi đã bị hạ quyền" in mine[0] and "thuộc cán bộ khác" in mine[0]
    assert f"({label('change', 'delete')} Lượt thăm)" in mine[1]
    # The refused delete is undone on the spot: the visit is there on every other laptop.
    assert station.laptop.conn.execute("SELECT deleted_hlc FROM visits WHERE id = ?", (second_visit,)).fetchone() \
        == (None,)
    _, report = station.sync_admin()
    assert report.refused == 2
    station.sync_admin()  # publishes what the admin's laptop wrote back
    assert station.sync_laptop()[1].own_refused == 0  # told once

    def findings(store: Store) -> object:
        return store.conn.execute("SELECT findings FROM visits WHERE id = ?", (visit,)).fetchone()[0]

    assert findings(station.admin) == "ghi nhận ban đầu"
    assert findings(station.laptop) == "ghi nhận ban đầu"  # was: the refused value, on that laptop alone
    for store in (station.admin, station.laptop):
        assert store.conn.execute("SELECT deleted_hlc FROM visits WHERE id = ?", (second_visit,)).fetchone() == (
            None,)
        assert store.conn.execute("SELECT COUNT(*) FROM field_clock WHERE row_id = ? AND field = 'deleted_hlc'",
                                  (second_visit,)).fetchone() == (0,)
    for store in (station.admin, station.laptop):  # the legitimate edit of the same file stays everywhere
        assert store.conn.execute("SELECT phone FROM households WHERE id = ?", (station.household,)).fetchone() == (
            "0903123456",)
    # Written back once: the next rounds find nothing more to take back and the stamps agree on both laptops.
    station.sync_admin()
    station.sync_laptop()
    assert station.admin.conn.execute(stamp, (visit,)).fetchone() == station.laptop.conn.execute(
        stamp, (visit,)).fetchone() == (refused_stamp + 1, station.admin.device_id)  # just above the refused one
    assert station.admin.conn.execute(  # its creation, then the one write-back
        "SELECT op FROM outbox WHERE tbl = 'visits' AND row_id = ? ORDER BY seq", (visit,)).fetchall() == [
        ("insert",), ("update",)]


def test_a_refused_edit_is_not_taken_back_over_a_later_one(tmp_path: Path) -> None:
    """Written back just above the refused stamp, not with the admin's clock: an edit another laptop made after
    the refused one still wins everywhere, as it would have without it; and a field the admin's laptop changed
    since is left as it is."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    visit = colleagues_visit(station, "2026-06-01")
    station.sync_admin()
    station.sync_laptop()
    station.forge("visits", visit, "update", {"findings": "sửa hồ sơ của người khác"})
    refused_stamp = station.laptop.writer.clock.last
    station.sync_laptop()
    station.admin.writer.observe(refused_stamp)
    station.admin.writer.update("visits", visit, {"findings": "quản trị ghi sau"})  # later than the refused edit
    _, report = station.sync_admin()
    assert report.refused == 1
    assert station.admin.conn.execute(  # its creation and the admin's edit: nothing written back
        "SELECT COUNT(*) FROM outbox WHERE tbl = 'visits' AND row_id = ?", (visit,)).fetchone() == (2,)
    station.sync_admin()
    station.sync_laptop()
    assert station.laptop.conn.execute("SELECT findings FROM visits WHERE id = ?", (visit,)).fetchone() == (
        "quản trị ghi sau",)


def test_two_admins_who_lowered_each_other_offline_end_with_the_same_accounts_on_every_laptop(
        tmp_path: Path) -> None:
    """Reported by a tester: each of two admins lowered the other to team lead while offline; the station kept
    one change (the other came from a laptop no longer an admin's, and was refused), but the laptop that made the
    refused one kept it and showed no admin at all. The admin's laptop now writes the refused field back."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    users.add_user(station.admin, "quantri2", "Quản trị 2", "admin", "admin-password-2")
    station.sync_admin()
    second, second_keys = _another_laptop(station, tmp_path, "quantri2", "admin-password-2")
    audit.install(second)

    users.set_role(station.admin, "quantri2", "team_lead")  # on the station's admin laptop
    users.set_role(second, "quantri", "team_lead")  # at the same time, offline, on the second admin's
    station.sync_admin()  # the second laptop's next file is judged as a team lead's
    _, told = sync_once(second, station.share, second_keys)
    assert told.own_refused == 1  # its holder is told, in words, among its sync problems
    assert [row["reason"] for row in list_refused(second)] == ["accounts"]
    _, report = station.sync_admin()
    assert report.refused == 1
    station.sync_admin()
    sync_once(second, station.share, second_keys)
    station.sync_laptop()

    def roles(store: Store) -> dict[str, str]:
        return dict(store.conn.execute("SELECT username, role FROM users WHERE username LIKE 'quantri%'").fetchall())

    assert roles(station.admin) == {"quantri": "admin", "quantri2": "team_lead"}
    assert roles(second) == roles(station.admin)  # was: no admin at all on the second laptop
    assert roles(station.laptop) == roles(station.admin)


def test_an_edit_concurrent_with_a_refused_one_is_written_back_or_its_loss_recorded_on_its_laptop(
        tmp_path: Path) -> None:
    """Found by the station's simulation: a refused edit was written back as its file was applied, and published
    after the rest of the round; another laptop's edit of the same field, older than the refused one and applied
    later in that round, lost to the write-back, and its laptop recorded no loss (the file claimed it seen). The
    write-back comes once the round's files are applied: here it carries that edit's value."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    second, second_keys = _another_laptop(station, tmp_path, "canbo2", PASSWORDS["canbo2"])
    # The admin's round applies the laptops' files in their folders' order (by device id): the first laptop's
    # refused edit, then the other's legitimate one, stamped before it.
    forger, honest = sorted([(station.laptop, station.laptop_keys), (second, second_keys)],
                            key=lambda laptop: laptop[0].device_id)
    honest[0].writer.update("households", station.household, {"phone": "0909000111"})
    hlc = max(forger[0].writer.clock.tick(), honest[0].writer.clock.last + 1)
    forger[0].writer.observe(hlc)
    forger[0].conn.execute("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES (?, ?, ?, ?, ?)",
                           ("households", station.household, "update", forger[0].writer.clock.tick(),
                            json.dumps({"phone": 12345})))  # a value of the wrong type: refused everywhere
    sync_once(forger[0], station.share, forger[1])
    sync_once(honest[0], station.share, honest[1])
    _, report = station.sync_admin()
    assert report.refused == 1
    station.sync_admin()
    for store, keys in (forger, honest, forger, honest):
        sync_once(store, station.share, keys)
    phones = {store.conn.execute("SELECT phone FROM households WHERE id = ?", (station.household,)).fetchone()[0]
              for store in (station.admin, station.laptop, second)}
    assert phones == {"0909000111"}  # before: every laptop ended with the old phone, the edit lost on its own
