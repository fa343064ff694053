"""Each household's khu phố is a word of its own in the search index (`desktop.search.index.area_token`): a
search within a khu phố finds exactly that khu phố's matches, whatever a name or address holds and whatever is
typed, and a register from before the column gets it when it is opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from desktop.register.households import add_area, add_household
from desktop.search.index import area_token, rebuild_search_index
from desktop.store import Store
from desktop.store.migrations import MIGRATIONS, _v14_search_by_area, migrate
from desktop.store.queries import HouseholdFilter, find_households, list_household_ids


def test_a_khu_pho_search_finds_its_households_only(store: Store) -> None:
    one, two = add_area(store, "Khu phố 1"), add_area(store, "Khu phố 2")
    here = add_household(store, area_id=one, house_no="5", street="Lê Lợi", head_name="Trần Văn Ba")
    there = add_household(store, area_id=two, house_no="7", street="Lê Lợi", head_name="Trần Văn Bảy")
    nowhere = add_household(store, area_id=None, house_no="9", street="Lê Lợi", head_name="Trần Thị Chín")
    assert set(list_household_ids(store, HouseholdFilter(text="le loi"))) == {here, there, nowhere}
    assert list_household_ids(store, HouseholdFilter(text="le loi", area_id=one)) == [here]
    assert list_household_ids(store, HouseholdFilter(text="tran", area_id=two)) == [there]
    assert find_households(store, HouseholdFilter(text="le loi", area_id="no-such-area")).total == 0
    store.writer.update("households", there, {"area_id": one})  # moved: found in its new khu phố only
    assert list_household_ids(store, HouseholdFilter(text="le loi", area_id=one)) == [there, here]
    assert find_households(store, HouseholdFilter(text="le loi", area_id=two)).total == 0


def test_no_name_or_typed_text_reaches_a_khu_pho_word(store: Store) -> None:
    """A khu phố's word starts with a character typed words are split on, and a query names its column: a
    household whose address holds another khu phố's word is not in that khu phố, and typing the word (with its
    mark or without) finds nothing."""
    one, two = add_area(store, "Khu phố 1"), add_area(store, "Khu phố 2")
    here = add_household(store, area_id=one, house_no="5", street="Lê Lợi", head_name="Trần Văn Ba")
    posing = add_household(store, area_id=two, house_no="6", street=f"{area_token(one)} Lê Lợi",
                           head_name=f"Trần {area_token(one)}")
    assert list_household_ids(store, HouseholdFilter(text="le loi", area_id=one)) == [here]
    assert list_household_ids(store, HouseholdFilter(text="tran", area_id=two)) == [posing]
    for typed in (area_token(one), area_token(one)[1:]):
        assert list_household_ids(store, HouseholdFilter(text=typed)) == []
        assert list_household_ids(store, HouseholdFilter(text=typed, area_id=one)) == []


def test_a_register_from_before_the_khu_pho_word_gets_it_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    migrate(db, target=MIGRATIONS.index(_v14_search_by_area))  # the version before
    with Store.open(tmp_path / "template.db", create=True) as made:  # rows as the app writes them
        one, two = add_area(made, "Khu phố 1"), add_area(made, "Khu phố 2")
        ids = [add_household(made, area_id=area, house_no=str(n), street="Hẻm 4 Bạch Đằng", head_name="Lê Văn Tám")
               for n, area in enumerate([one, two, one, None], start=1)]
        rows = {table: made.conn.execute(f"SELECT * FROM {table}").fetchall()
                for table in ("areas", "households", "people")}
    for table, values in rows.items():
        columns = [row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")]
        db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            [value[:len(columns)] for value in values])
    with db.conn:
        rebuild_search_index(db.conn)  # the documents as that version made them: no khu phố
    db.conn.close()
    with Store.open(path) as upgraded:
        assert dict(upgraded.conn.execute("SELECT household_id, area FROM search_doc")) == {
            ids[0]: area_token(one), ids[1]: area_token(two), ids[2]: area_token(one), ids[3]: ""}
        assert upgraded.conn.execute(
            "INSERT INTO household_fts (household_fts) VALUES ('integrity-check')").fetchall() == []
        assert set(list_household_ids(upgraded, HouseholdFilter(text="bach dang", area_id=one))) == {ids[0], ids[2]}
        assert list_household_ids(upgraded, HouseholdFilter(text="le van tam", area_id=two)) == [ids[1]]
        assert len(list_household_ids(upgraded, HouseholdFilter(text="hem 4"))) == 4
