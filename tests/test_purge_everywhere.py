"""A retention purge reaches every laptop whatever the order of the syncs: a field filled on another laptop that
the admin's laptop never saw filled, and an edit made there after the purge (a later clock), leave no value of the
purged family anywhere once everyone has synced, and no copy in any laptop's bookkeeping.

Laptops here are real register files syncing through a real share folder (`tests.test_sync.Laptop`)."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

from desktop.security import retention
from desktop.store import Store
from desktop.store.tables import SYNCED
from desktop.sync.folder import FolderShare
from desktop.sync.merge import merge_changes
from tests.test_sync import Laptop, content, laptops
from tests.test_sync_authorisation import Station

LONG_AFTER = date(2099, 1, 1)  # the family moved out long before: past a one-year rule
NAME, PHONE = "Đỗ Thị Quákhứ", "0908111222"
EDIT_PHONE, EDIT_NOTES = "0977666555", "Chuyển về quê ngoại"  # written on another laptop, empty on the admin's


def _family(laptop: Laptop) -> tuple[str, str]:
    """A household that moved out, with one member: no notes and no member's phone (yet)."""
    household = laptop.store.writer.insert("households", {"code": "HK-CU", "street": "Hẻm 3", "house_no": "12",
                                                          "phone": PHONE})
    person = laptop.store.writer.insert("people", {"household_id": household, "full_name": NAME})
    laptop.store.writer.update("households", household, {"status": "moved_out"})
    return household, person


def _edit(laptop: Laptop, household: str, person: str) -> None:
    """An officer fills fields the admin's laptop has empty."""
    laptop.store.writer.update("people", person, {"phone": EDIT_PHONE})
    laptop.store.writer.update("households", household, {"notes": EDIT_NOTES})


def _holding(store: Store) -> list[str]:
    """Every table.column of the register (bookkeeping and the search index's own tables too) holding a value of
    the family: its name (or the search index's folded term of it), its phones, the notes."""
    needles = (NAME, "Quákhứ", "quakhu", PHONE, EDIT_PHONE, EDIT_NOTES)
    found = set()
    for (table,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        cursor = store.conn.execute(f'SELECT * FROM "{table}"')
        names = [column[0] for column in cursor.description]
        for row in cursor:
            for name, value in zip(names, row, strict=True):
                text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
                if any(needle in text for needle in needles):
                    found.add(f"{table}.{name}")
    return sorted(found)


def _purge(admin: Laptop) -> None:
    assert len(retention.purge(admin.store, years=1, today=LONG_AFTER).households) == 1


def _assert_purged_everywhere(everyone: list[Laptop], household: str, person: str) -> None:
    for _ in range(2):
        for laptop in everyone:
            laptop.sync()
    for laptop in everyone:
        assert _holding(laptop.store) == [], laptop.store.path.name
        assert retention.purged_among(laptop.store, [("households", household), ("people", person)]) == {
            "households": [household], "people": [person]}, laptop.store.path.name
    assert all(content(laptop.store) == content(everyone[0].store) for laptop in everyone)


def test_a_field_filled_elsewhere_before_the_purge_is_blanked_there_by_it(tmp_path: Path) -> None:
    """C fills two fields empty on A; A, not having seen it and with a later clock, purges. The purge reaches C:
    the fields C filled are blanked too, and C scrubs its outbox and conflicts."""
    a, c = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    household, person = _family(a)
    a.sync()
    c.sync()
    _edit(c, household, person)
    a.store.writer.observe(c.store.writer.latest())  # A's clock is past C's edit; A has not seen it
    _purge(a)
    a.sync()
    c.sync()  # publishes the edit, then merges the purge
    assert c.store.conn.execute("SELECT phone, full_name FROM people WHERE id = ?", (person,)).fetchone() \
        == (None, None)
    assert _holding(c.store) == []
    _assert_purged_everywhere([a, c], household, person)


def test_an_edit_reaching_the_admin_after_the_purge_and_a_third_laptop_before_it(tmp_path: Path) -> None:
    """C's edit (older than the purge) reaches D before the purge and A after it."""
    a, c, d = laptops(tmp_path, FolderShare(tmp_path / "share"), 3)
    household, person = _family(a)
    for laptop in (a, c, d):
        laptop.sync()
    _edit(c, household, person)
    c.sync()
    d.sync()  # D has C's values
    assert d.store.conn.execute("SELECT phone FROM people WHERE id = ?", (person,)).fetchone() == (EDIT_PHONE,)
    a.store.writer.observe(c.store.writer.latest())
    _purge(a)  # before A has C's edit
    a.sync()  # A merges C's edit into the purged row: nothing goes in
    assert _holding(a.store) == []
    d.sync()  # the purge reaches D: C's values go
    assert _holding(d.store) == []
    _assert_purged_everywhere([a, c, d], household, person)


def test_an_edit_reaching_a_third_laptop_after_the_purge(tmp_path: Path) -> None:
    """C's edit (older than the purge) reaches A and D after the purge did."""
    a, c, d = laptops(tmp_path, FolderShare(tmp_path / "share"), 3)
    household, person = _family(a)
    for laptop in (a, c, d):
        laptop.sync()
    _edit(c, household, person)
    a.store.writer.observe(c.store.writer.latest())
    _purge(a)
    a.sync()
    d.sync()  # D has the purge
    c.sync()  # C publishes its edit and takes the purge
    d.sync()  # C's edit reaches D's purged row
    assert _holding(d.store) == [] and _holding(c.store) == []
    _assert_purged_everywhere([a, c, d], household, person)


def test_an_edit_stamped_after_the_purge_puts_nothing_back_on_any_laptop(tmp_path: Path) -> None:
    """C's clock is later than the purge's: C edits the family before the purge reaches it, D takes C's edit
    before the purge. Per-field last-writer-wins would keep C's values on C and D; the purge blanks them all the
    same, and C's own bookkeeping (the unsent or sent edit, the conflict) keeps no copy."""
    a, c, d = laptops(tmp_path, FolderShare(tmp_path / "share"), 3)
    household, person = _family(a)
    for laptop in (a, c, d):
        laptop.sync()
    _purge(a)
    c.store.writer.observe(a.store.writer.latest())  # C's clock runs ahead of A's purge
    _edit(c, household, person)
    c.sync()  # C's edit is on the share before the purge
    d.sync()
    assert d.store.conn.execute("SELECT notes FROM households WHERE id = ?", (household,)).fetchone() \
        == (EDIT_NOTES,)
    a.sync()
    d.sync()
    c.sync()
    for laptop in (a, c, d):
        assert _holding(laptop.store) == [], laptop.store.path.name
    _assert_purged_everywhere([a, c, d], household, person)


def test_an_edit_stamped_after_the_purge_and_not_yet_sent_goes_out_blank(tmp_path: Path) -> None:
    """C edits with a later clock and syncs only after the purge is on the share: its edit leaves with no value."""
    a, c, d = laptops(tmp_path, FolderShare(tmp_path / "share"), 3)
    household, person = _family(a)
    for laptop in (a, c, d):
        laptop.sync()
    _purge(a)
    a.sync()
    c.store.writer.observe(a.store.writer.latest())
    _edit(c, household, person)
    c.sync()  # publishes the edit first, then takes the purge
    c.sync()
    assert _holding(c.store) == []
    _assert_purged_everywhere([a, c, d], household, person)


def test_the_purge_stamps_every_field_of_its_rows_in_two_changes_a_row(tmp_path: Path) -> None:
    """The purge's changeset names every field of each row, so it costs a little more than one naming only the
    fields that had a value: still one update and one delete a row, well under 200 bytes a row on the share."""
    a, c = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    count = 300
    households = a.store.writer.insert_many("households", ({"code": f"HK{n:04}", "street": "Lê Lợi",
                                                            "house_no": str(n)} for n in range(count)))
    a.store.writer.insert_many("people", ({"household_id": h, "full_name": f"Người {n}"}
                                          for n, h in enumerate(households)))
    for household in households:
        a.store.writer.update("households", household, {"status": "moved_out"})
    a.sync()
    before = a.store.conn.execute("SELECT MAX(seq) FROM outbox").fetchone()[0]
    started = time.perf_counter()
    plan = retention.purge(a.store, years=1, today=LONG_AFTER)
    took = time.perf_counter() - started
    rows = len(households) * 2
    assert len(plan.households) == count
    entries = a.store.conn.execute("SELECT op, tbl, fields FROM outbox WHERE seq > ? AND tbl != 'audit_log'",
                                   (before,)).fetchall()
    assert sorted(op for op, _, _ in entries) == ["delete"] * rows + ["update"] * rows
    assert all(set(json.loads(fields)) == set(SYNCED[table].fields) for op, table, fields in entries
               if op == "update")
    assert a.store.conn.execute(
        "SELECT COUNT(*) FROM field_clock WHERE tbl = 'people' AND field = 'occupation'").fetchone()[0] == count
    files_before = set((tmp_path / "share").rglob("*.chg"))
    a.sync()
    written = sum(path.stat().st_size for path in set((tmp_path / "share").rglob("*.chg")) - files_before)
    assert 0 < written < rows * 200, written
    assert took < 10, took
    c.sync()
    assert c.store.conn.execute("SELECT COUNT(*) FROM people WHERE deleted_hlc IS NOT NULL AND full_name IS NULL"
                                ).fetchone()[0] == count


def test_a_purge_split_from_its_delete_by_a_file_boundary_still_blanks_a_later_edit(store: Store) -> None:
    """A large purge spans several files, and a row's blanking may end one file with its delete opening the next:
    merged alone, the blanking still wins over a value written here after the purge's stamp (it is not decided
    field by field like an ordinary edit)."""
    household = store.writer.insert("households", {"code": "HK-CU", "street": "Hẻm 3", "phone": PHONE})
    purge_stamp = store.writer.latest() + 1000
    store.writer.observe(purge_stamp + 1000)  # this laptop's clock runs ahead of the admin's
    store.writer.update("households", household, {"notes": EDIT_NOTES})
    blank = dict.fromkeys(SYNCED["households"].fields)
    merge_changes(store, "admin-laptop", [["households", household, "update", purge_stamp, blank]], {},
                  may_purge=True)
    assert store.conn.execute("SELECT phone, notes, code FROM households WHERE id = ?", (household,)).fetchone() \
        == (None, None, None)
    merge_changes(store, "admin-laptop", [["households", household, "delete", purge_stamp + 1, {}]], {},
                  may_purge=True)
    assert retention.purged_among(store, [("households", household)]) == {"households": [household]}
    assert _holding(store) == []


def test_a_change_refused_after_the_purge_keeps_no_value_of_the_purged_row(tmp_path: Path) -> None:
    """An officer's laptop sends a change of the purged person that the station refuses (a value of the wrong type),
    after the purge: the refused change is kept for the admin with its field names, not the person's data."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    admin = station.admin
    person = admin.writer.insert("people", {"household_id": station.household, "full_name": NAME})
    admin.writer.update("households", station.household, {"status": "moved_out", "phone": PHONE})
    station.sync_admin()
    station.sync_laptop()
    assert len(retention.purge(admin, years=1, today=LONG_AFTER).households) == 1
    station.sync_admin()
    station.forge("people", person, "update", {"phone": EDIT_PHONE, "birth_year": "nineteen"})
    station.sync_laptop()
    _published, report = station.sync_admin()
    assert report.refused == 1
    assert [json.loads(fields) for (fields,) in admin.conn.execute("SELECT fields FROM refused_changes")] \
        == [{"phone": None, "birth_year": None}]
    assert _holding(admin) == []


def test_a_whole_row_blanked_by_an_officer_laptop_is_an_edit_not_a_purge(tmp_path: Path) -> None:
    """Only a role that may purge sends a purge. A laptop that forges the same change (every field of a household
    blank, at a stamp older than the admin's edit) is decided field by field: the admin's newer street stays, and the
    household stays live."""
    station = Station(tmp_path, FolderShare(tmp_path / "share"))
    station.forge("households", station.household, "update", dict.fromkeys(SYNCED["households"].fields))
    time.sleep(0.01)  # the admin's edit is stamped after the forged one
    station.admin.writer.update("households", station.household, {"street": "Đường Số 9"})
    station.sync_laptop()
    station.sync_admin()
    assert station.admin.conn.execute("SELECT street FROM households WHERE id = ?", (station.household,)
                                      ).fetchone() == ("Đường Số 9",)
    assert retention.purged_among(station.admin, [("households", station.household)]) == {}
