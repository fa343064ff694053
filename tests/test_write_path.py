"""The single write path: rows, field clocks, outbox and search index change together or not at all."""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.search.index import search_household_ids
from desktop.store import RowWrite, Store
from desktop.store.connection import DATABASE_ERRORS
from desktop.store.hlc import HybridClock, pack, unpack, wall_ms
from desktop.store.tables import SYNCED

ROOT = Path(__file__).resolve().parents[1]


def _clocks(store: Store, row_id: str, table: str = "households") -> dict[str, int]:
    """A row's stamps: its creation (`*`, kept in the row) and each field changed since (`field_clock`)."""
    clocks = dict(store.conn.execute("SELECT field, hlc FROM field_clock WHERE row_id = ?", (row_id,)).fetchall())
    created = store.conn.execute(f"SELECT created_hlc FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if created is not None and created[0] is not None:
        clocks["*"] = created[0]
    return clocks


def _outbox(store: Store) -> list[tuple[str, str, str, dict[str, object]]]:
    return [(t, r, op, json.loads(f)) for t, r, op, f in
            store.conn.execute("SELECT tbl, row_id, op, fields FROM outbox ORDER BY seq")]


def _snapshot(store: Store) -> dict[str, list[tuple[object, ...]]]:
    tables = [*SYNCED, "field_clock", "outbox", "search_doc"]
    return {t: sorted(store.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


def test_insert_stamps_one_clock_for_all_fields_and_logs_the_change(store: Store) -> None:
    row_id = store.writer.insert("households", {"code": "A1", "house_no": "5", "street": "Lê Lợi"})
    assert list(_clocks(store, row_id)) == ["*"]
    assert _outbox(store) == [("households", row_id, "insert", {"code": "A1", "house_no": "5", "street": "Lê Lợi"})]
    created, updated, deleted = store.conn.execute(
        "SELECT created_at, updated_at, deleted_hlc FROM households WHERE id = ?", (row_id,)).fetchone()
    assert created == updated and created.endswith("Z") and deleted is None


def test_update_stamps_only_the_fields_that_changed(store: Store) -> None:
    row_id = store.writer.insert("households", {"code": "A1", "house_no": "5", "street": "Lê Lợi"})
    changed = store.writer.update("households", row_id, {"house_no": "5", "street": "Trần Phú", "phone": "0903000000"})
    assert changed == {"street": "Trần Phú", "phone": "0903000000"}
    clocks = _clocks(store, row_id)
    assert set(clocks) == {"*", "street", "phone"}
    assert clocks["street"] == clocks["phone"] > clocks["*"]
    assert _outbox(store)[-1] == ("households", row_id, "update", {"street": "Trần Phú", "phone": "0903000000"})


def test_an_update_that_changes_nothing_writes_nothing(store: Store) -> None:
    row_id = store.writer.insert("households", {"code": "A1", "street": "Lê Lợi"})
    before = _snapshot(store)
    assert store.writer.update("households", row_id, {"street": "Lê Lợi"}) == {}
    assert _snapshot(store) == before


def test_delete_is_a_tombstone_with_a_clock(store: Store) -> None:
    row_id = store.writer.insert("households", {"code": "A1", "street": "Đường Lê Lợi"})
    assert search_household_ids(store.conn, "duong") == [row_id]
    store.writer.delete("households", row_id)
    deleted_hlc = store.conn.execute("SELECT deleted_hlc FROM households WHERE id = ?", (row_id,)).fetchone()[0]
    assert deleted_hlc == _clocks(store, row_id)["deleted_hlc"]
    assert _outbox(store)[-1][2] == "delete"
    assert search_household_ids(store.conn, "duong") == []
    with pytest.raises(WardbookError):
        store.writer.update("households", row_id, {"street": "Khác"})


def test_text_is_stored_nfc(store: Store) -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn  Thị   Hoà ")
    row_id = store.writer.insert("people", {"full_name": decomposed})
    stored = store.conn.execute("SELECT full_name FROM people WHERE id = ?", (row_id,)).fetchone()[0]
    assert stored == unicodedata.normalize("NFC", "Nguyễn Thị Hoà")
    assert json.loads(store.conn.execute("SELECT fields FROM outbox").fetchone()[0])["full_name"] == stored


def test_every_kind_of_whitespace_is_collapsed_and_trimmed(store: Store) -> None:
    """Tabs, line breaks, no-break and ideographic spaces, each character Unicode calls whitespace (what the
    regular expression `\\s` matches), in an ASCII text and in a Vietnamese one, and the outbox as stored."""
    spaces = [chr(code) for code in range(0x3001) if re.fullmatch(r"\s", chr(code))]
    assert {" ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u2003", "\u2028", "\u3000"} <= set(spaces)
    ids = store.writer.insert_many("households", [
        {"street": f"{space}Le{space}{space}Loi{space}", "notes": f"{space}Hẻm{space}5 {space}"} for space in spaces])
    rows = store.conn.execute(
        f"SELECT street, notes FROM households WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall()
    assert set(rows) == {("Le Loi", "Hẻm 5")}
    assert {json.loads(fields)["street"] for (fields,) in store.conn.execute("SELECT fields FROM outbox")} == {"Le Loi"}


def test_a_failure_mid_batch_leaves_nothing_behind(store: Store) -> None:
    kept = store.writer.insert("households", {"code": "A0", "street": "Lê Lợi"})
    before = _snapshot(store)
    clock_before = store.conn.execute("SELECT hlc_last FROM device").fetchone()[0]
    batch = [
        RowWrite("households", "new-1", "insert", {"code": "A1", "street": "Đường Mới"}),
        RowWrite("people", "new-p", "insert", {"household_id": "new-1", "full_name": "Trần Văn Bình"}),
        RowWrite("households", kept, "update", {"street": "Hai Bà Trưng"}),
        RowWrite("households", "missing", "update", {"street": "x"}),  # fails: no such row
    ]
    with pytest.raises(WardbookError):
        store.writer.write(batch)
    assert _snapshot(store) == before
    assert store.conn.execute("SELECT hlc_last FROM device").fetchone()[0] == clock_before
    assert search_household_ids(store.conn, "binh") == []


def test_bad_value_type_is_refused_before_anything_is_written(store: Store) -> None:
    with pytest.raises(WardbookError) as caught:
        store.writer.insert_many("people", [{"full_name": "A"}, {"full_name": "B", "birth_year": "abc"}])
    assert caught.value.msg_id == "store.not_a_number"
    assert store.conn.execute("SELECT COUNT(*) FROM people").fetchone()[0] == 0


def test_sqlite_refuses_writes_to_synced_tables_outside_the_write_path(store: Store) -> None:
    row_id = store.writer.insert("households", {"code": "A1"})
    store.writer.insert("visits", {"household_id": row_id, "outcome": "met"})  # the guard acts on rows written
    for sql in (
        "INSERT INTO households (id, created_at, updated_at) VALUES ('x', 'a', 'b')",
        f"UPDATE households SET code = 'B' WHERE id = '{row_id}'",
        "DELETE FROM households",
        "UPDATE visits SET voided = 1",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            store.conn.execute(sql)
    # Bookkeeping tables stay writable (settings, sync cursors…).
    store.set_setting("ward_name", "Phường Demo")
    assert store.setting("ward_name") == "Phường Demo"


@pytest.mark.parametrize("encrypted", [False, True])
def test_the_writers_own_sql_text_is_refused_outside_the_write_path(tmp_path: Path, encrypted: bool) -> None:
    """The statement cache hands back a statement already prepared (and authorised) for the writer: the guard
    must hold on each execution, not only when a statement is prepared (on a plain and an encrypted file)."""
    with Store.open(tmp_path / "ward.db", create=True, key=b"k" * 32 if encrypted else None) as opened:
        spec = SYNCED["households"]
        writer_sql = (f"INSERT INTO households ({', '.join(spec.columns)}) "
                      f"VALUES ({', '.join('?' * len(spec.columns))})")  # exactly as Writer.write builds it
        opened.writer.insert("households", {"code": "A1"})
        values = ("x", "a", "b", None, 1, "d", *[None] * len(spec.fields))
        with pytest.raises(DATABASE_ERRORS, match="not authorized"):
            opened.conn.execute(writer_sql, values)
        with pytest.raises(DATABASE_ERRORS, match="not authorized"):
            opened.conn.executemany(writer_sql, [values])
        assert opened.conn.execute("SELECT COUNT(*) FROM households").fetchone() == (1,)
        assert opened.conn.execute("SELECT COUNT(*) FROM outbox").fetchone() == (1,)
        opened.writer.insert("households", {"code": "A2"})  # the write path itself still writes
        assert opened.conn.execute("SELECT COUNT(*) FROM households").fetchone() == (2,)


_WRITE_SQL = re.compile(r"\b(INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+\[?(\w+)", re.IGNORECASE)


def test_no_other_module_holds_sql_that_writes_synced_tables() -> None:
    """Belt and braces with the authorizer: the only SQL writing synced tables is in the writer."""
    allowed = {ROOT / "desktop/store/writer.py"}
    offenders = []
    for path in [*ROOT.glob("desktop/**/*.py"), *ROOT.glob("ui/**/*.py")]:
        if path in allowed:
            continue
        for match in _WRITE_SQL.finditer(path.read_text("utf-8")):
            if match.group(2) in SYNCED:
                offenders.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert offenders == []


def test_moving_a_person_reindexes_both_households(store: Store) -> None:
    first = store.writer.insert("households", {"code": "A1", "street": "Lê Lợi"})
    second = store.writer.insert("households", {"code": "A2", "street": "Trần Phú"})
    person = store.writer.insert("people", {"household_id": first, "full_name": "Võ Thị Tuyết"})
    assert search_household_ids(store.conn, "tuyet") == [first]
    store.writer.update("people", person, {"household_id": second})
    assert search_household_ids(store.conn, "tuyet") == [second]
    store.writer.delete("people", person)
    assert search_household_ids(store.conn, "tuyet") == []


def test_remote_change_keeps_its_clock_and_is_not_sent_back(store: Store) -> None:
    remote_hlc = pack(1_900_000_000_000, 3)
    store.writer.write([RowWrite("households", "r1", "insert", {"code": "R1"}, hlc=remote_hlc, device_id="dev-b")])
    assert store.conn.execute("SELECT created_hlc, created_device FROM households WHERE id = 'r1'").fetchone() == (
        remote_hlc, "dev-b")
    assert _clocks(store, "r1") == {"*": remote_hlc}
    assert _outbox(store) == []


def test_clock_never_goes_backwards_when_the_wall_clock_does() -> None:
    times = iter([1000, 1000, 900, 900, 1200])
    clock = HybridClock(now_ms=lambda: next(times))
    values = [clock.tick() for _ in range(5)]
    assert values == sorted(values) and len(set(values)) == 5
    assert unpack(values[3]) == (1000, 3)
    assert unpack(values[4]) == (1200, 0)


def test_clock_jumps_past_a_remote_value_and_survives_reopening(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.db", create=True) as store:
        future = pack(unpack(store.writer.clock.tick())[0] + 60_000, 0)
        store.writer.write([RowWrite("areas", "a1", "insert", {"name": "KP1"}, hlc=future, device_id="b")])
        store.writer.clock.observe(future)
        local = store.writer.insert("areas", {"name": "KP2"})
        assert _clocks(store, local, "areas")["*"] > future
    with Store.open(tmp_path / "a.db") as reopened:
        assert reopened.writer.clock.tick() > future


def test_a_write_after_another_connection_moved_the_clock_sorts_after_its_stamps(tmp_path: Path) -> None:
    """The window has the database open while another connection (a CLI command, the app's own sync) writes
    with a clock ahead of the window's (here its wall clock is 20 minutes fast). The officer's correction made
    afterwards in the window is stamped after that write, so it wins on every laptop; and the stored clock
    never goes back."""
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as window:
        household = window.writer.insert("households", {"code": "HK-1", "phone": "0900000000"})
        with Store.open(path) as other:
            other.writer.clock.now_ms = lambda: wall_ms() + 20 * 60_000
            other.writer.update("households", household, {"phone": "0900000111"})
            ahead = _clocks(other, household)["phone"]
        window.writer.update("households", household, {"phone": "02839998888"})
        assert _clocks(window, household)["phone"] > ahead
        assert window.conn.execute("SELECT hlc_last FROM device").fetchone()[0] > ahead
