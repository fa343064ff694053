"""The set-wise merge of edits decides exactly as merging every change one after another does.

`desktop.sync.merge_set` decides edits of live rows in SQL; `desktop.sync.merge` merges the rest in order. Here
random changesets (edits, repeated fields, deletes, creations of rows missing here, rows deleted here, values
equal to the current ones, stamps tied, seen or not by the sender) are merged both ways into copies of one real
database, and everything the merge writes must come out the same: rows, stamps, conflicts and search index.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.search.index import search_household_ids
from desktop.store import Store
from desktop.sync import merge
from desktop.sync.merge import merge_changes

HOUSEHOLDS = [f"h{i}" for i in range(4)]
PEOPLE = [f"p{i}" for i in range(3)]
TEXT = st.sampled_from(["Lê Lợi", "Hẻm 5", "0903", None])
HLC = st.integers(min_value=1, max_value=40)


def _base(folder: Path) -> Path:
    """A laptop that has households and people from laptop X (stamp 10), edits from Y, one row deleted."""
    path = folder / "base.db"
    with Store.open(path, create=True) as store:
        merge_changes(store, "X", [
            *(["households", h, "insert", 10, {"code": f"HK{h}", "street": "Lê Lợi", "phone": "0903"}]
              for h in HOUSEHOLDS),
            *(["people", p, "insert", 10, {"household_id": "h0", "full_name": f"Nguyễn Văn {p}"}] for p in PEOPLE),
        ], {})
        merge_changes(store, "Y", [["households", "h1", "update", 20, {"street": "Hẻm 5", "notes": "Y"}],
                                   ["people", "p1", "update", 20, {"household_id": "h1"}],
                                   ["households", "h3", "delete", 25, {}]], {"X": 10})
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _change() -> st.SearchStrategy[list[Any]]:
    households = st.tuples(
        st.just("households"), st.sampled_from([*HOUSEHOLDS, "h-new"]),
        st.sampled_from(["update", "update", "update", "insert", "delete"]), HLC,
        st.dictionaries(st.sampled_from(["street", "phone", "notes"]), TEXT, min_size=1))
    people = st.tuples(
        st.just("people"), st.sampled_from([*PEOPLE, "p-new"]), st.sampled_from(["update", "update", "insert"]),
        HLC, st.dictionaries(st.sampled_from(["full_name", "household_id", "moved_out_on"]),
                             st.sampled_from(["Trần Thị Bé", "h0", "h2", None]), min_size=1))
    return st.one_of(households, people).map(
        lambda c: [c[0], c[1], c[2], c[3], {} if c[2] == "delete" else c[4]])


def _state(store: Store) -> dict[str, Any]:
    conn = store.conn
    return {
        "households": conn.execute("SELECT id, created_hlc, created_device, deleted_hlc, code, street, phone, notes "
                                   "FROM households ORDER BY id").fetchall(),
        "people": conn.execute("SELECT id, created_hlc, created_device, deleted_hlc, household_id, full_name, "
                               "moved_out_on FROM people ORDER BY id").fetchall(),
        "clocks": conn.execute("SELECT tbl, row_id, field, hlc, device_id FROM field_clock "
                               "ORDER BY tbl, row_id, field").fetchall(),
        "conflicts": sorted(conn.execute(
            "SELECT tbl, row_id, field, kept_value, kept_hlc, kept_device, lost_value, lost_hlc, lost_device "
            "FROM conflicts")),
        "documents": conn.execute("SELECT household_id, doc FROM search_doc ORDER BY household_id").fetchall(),
        "found": {word: sorted(search_household_ids(conn, word)) for word in ("le loi", "hem", "0903", "be", "hk")},
    }


VV = st.fixed_dictionaries({}, optional={"X": st.sampled_from([5, 10]), "Y": st.sampled_from([10, 20, 30]),
                                         "R": st.sampled_from([10, 30])})


def _merge_every_change_in_order(store: Store, device: str, changes: list[list[Any]], vv: dict[str, int]) -> None:
    """`merge_changes` with nothing decided set-wise: what it does besides deciding (the own losses recorded, a
    purged row's copies scrubbed) is then the same both ways."""
    with mock.patch.object(merge, "split", lambda changes, may_purge=False: ([], changes)):
        merge_changes(store, device, changes, vv)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=st.lists(_change(), max_size=10), second=st.lists(_change(), max_size=10), vv_first=VV, vv_second=VV,
       second_device=st.sampled_from(["R", "S"]))
# A placeholder's unset field (stamp (0, "")) replaced by another laptop's edit: no conflict.
@example(first=[["households", "h-new", "update", 5, {"street": "Hẻm 5"}]],
         second=[["households", "h-new", "update", 6, {"phone": "0903"}]], vv_first={}, vv_second={},
         second_device="S")
# A laptop's older value arriving after its newer one loses without a conflict.
@example(first=[["households", "h0", "update", 30, {"street": "Hẻm 5"}]],
         second=[["households", "h0", "update", 20, {"street": "0903"}]], vv_first={}, vv_second={},
         second_device="R")
# A row created blank and deleted in one file looks purged (deleted, every field blank): both ways scrub its copies.
@example(first=[], second=[["households", "h0", "update", 1, {"street": "Lê Lợi"}],
                           ["households", "h-new", "delete", 1, {}],
                           ["households", "h-new", "insert", 1, {"street": None}]],
         vv_first={}, vv_second={}, second_device="R")
def test_set_wise_and_in_order_merges_write_the_same(first: list[list[Any]], second: list[list[Any]],
                                                     vv_first: dict[str, int], vv_second: dict[str, int],
                                                     second_device: str) -> None:
    """Two changesets, from laptop R then from R or S, each merged twice (idempotence), both ways."""
    folder = Path(tempfile.mkdtemp())
    try:
        base = _base(folder)
        states = []
        for name, merged in (("sets", merge_changes), ("in_order", _merge_every_change_in_order)):
            shutil.copyfile(base, folder / f"{name}.db")
            with Store.open(folder / f"{name}.db") as store:
                for device, changes, vv in (("R", first, vv_first), (second_device, second, vv_second)):
                    merged(store, device, [list(change) for change in changes], vv)
                    merged(store, device, [list(change) for change in changes], vv)
                assert store.conn.execute(
                    "INSERT INTO household_fts (household_fts) VALUES ('integrity-check')").fetchall() == []
                states.append(_state(store))
        assert states[0] == states[1]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
