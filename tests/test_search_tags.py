"""Each household's khu phố and flags are words of their own in the search index (`desktop.search.index`'s
tags): a search within a khu phố or among flagged households finds exactly their matches, whatever a name or
address holds and whatever is typed, and a register from before the tags gets them when it is opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from desktop.register.households import add_area, add_household
from desktop.search.index import area_token, flag_token, rebuild_search_index
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


def test_a_flag_search_finds_the_households_with_every_flag_chosen(store: Store) -> None:
    one, two = add_area(store, "Khu phố 1"), add_area(store, "Khu phố 2")
    poor = add_household(store, area_id=one, house_no="5", street="Lê Lợi", head_name="Trần Văn Ba",
                         flags=("poor",))
    both = add_household(store, area_id=two, house_no="7", street="Lê Lợi", head_name="Trần Văn Bảy",
                         flags=("poor", "elderly_alone"))
    alone = add_household(store, area_id=one, house_no="9", street="Lê Lợi", head_name="Trần Thị Chín",
                          flags=("elderly_alone",))
    add_household(store, area_id=one, house_no="11", street="Lê Lợi", head_name="Trần Văn Mười")
    assert list_household_ids(store, HouseholdFilter(text="le loi", flags=("poor",))) == [both, poor]
    assert list_household_ids(store, HouseholdFilter(text="tran", flags=("poor", "elderly_alone"))) == [both]
    assert list_household_ids(store, HouseholdFilter(text="le", area_id=one, flags=("elderly_alone",))) == [alone]
    assert find_households(store, HouseholdFilter(text="le loi", flags=("disability",))).total == 0
    store.writer.update("households", poor, {"flag_poor": 0, "flag_disability": 1})  # found by its new flags only
    assert list_household_ids(store, HouseholdFilter(text="le loi", flags=("poor",))) == [both]
    assert list_household_ids(store, HouseholdFilter(text="le loi", flags=("disability",))) == [poor]
    store.writer.update("households", both, {"area_id": one})  # a move keeps its flags' words
    assert list_household_ids(store, HouseholdFilter(text="le loi", area_id=one, flags=("poor",))) == [both]
    with pytest.raises(ValueError):
        list_household_ids(store, HouseholdFilter(text="le loi", flags=("no_such_flag",)))


def test_no_name_or_typed_text_reaches_a_tag(store: Store) -> None:
    """A tag starts with a character typed words are split on, and a query names its column: a household whose
    address holds another khu phố's or a flag's word is not in that khu phố or among those households, and typing
    the word (with its mark or without) finds nothing."""
    one, two = add_area(store, "Khu phố 1"), add_area(store, "Khu phố 2")
    here = add_household(store, area_id=one, house_no="5", street="Lê Lợi", head_name="Trần Văn Ba", flags=("poor",))
    posing = add_household(store, area_id=two, house_no="6", street=f"{area_token(one)} Lê Lợi",
                           head_name=f"Trần {area_token(one)} {flag_token('poor')}")
    assert list_household_ids(store, HouseholdFilter(text="le loi", area_id=one)) == [here]
    assert list_household_ids(store, HouseholdFilter(text="le loi", flags=("poor",))) == [here]
    assert list_household_ids(store, HouseholdFilter(text="tran", area_id=two)) == [posing]
    for token in (area_token(one), flag_token("poor")):
        for typed in (token, token[1:]):
            assert list_household_ids(store, HouseholdFilter(text=typed)) == []
            assert list_household_ids(store, HouseholdFilter(text=typed, area_id=one)) == []
            assert list_household_ids(store, HouseholdFilter(text=typed, flags=("poor",))) == []


def test_a_register_from_before_the_tags_gets_them_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    migrate(db, target=MIGRATIONS.index(_v14_search_by_area))  # the version before the khu phố's word
    with Store.open(tmp_path / "template.db", create=True) as made:  # rows as the app writes them
        one, two = add_area(made, "Khu phố 1"), add_area(made, "Khu phố 2")
        ids = [add_household(made, area_id=area, house_no=str(n), street="Hẻm 4 Bạch Đằng", head_name="Lê Văn Tám",
                             flags=flags)
               for n, (area, flags) in enumerate([(one, ("poor",)), (two, ()), (one, ("disability", "poor")),
                                                  (None, ("young_children",))], start=1)]
        rows = {table: made.conn.execute(f"SELECT * FROM {table}").fetchall()
                for table in ("areas", "households", "people")}
    for table, values in rows.items():
        columns = [row[1] for row in db.conn.execute(f"PRAGMA table_info({table})")]
        db.conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                            [value[:len(columns)] for value in values])
    with db.conn:
        rebuild_search_index(db.conn)  # the documents as that version made them: no tags
    db.conn.close()
    with Store.open(path) as upgraded:
        assert dict(upgraded.conn.execute("SELECT household_id, tags FROM search_doc")) == {
            ids[0]: f"{area_token(one)} {flag_token('poor')}", ids[1]: area_token(two),
            ids[2]: f"{area_token(one)} {flag_token('poor')} {flag_token('disability')}",
            ids[3]: flag_token("young_children")}
        assert upgraded.conn.execute(
            "INSERT INTO household_fts (household_fts) VALUES ('integrity-check')").fetchall() == []
        assert set(list_household_ids(upgraded, HouseholdFilter(text="bach dang", area_id=one))) == {ids[0], ids[2]}
        assert list_household_ids(upgraded, HouseholdFilter(text="le van tam", area_id=two)) == [ids[1]]
        assert len(list_household_ids(upgraded, HouseholdFilter(text="hem 4"))) == 4
        assert set(list_household_ids(upgraded, HouseholdFilter(text="hem 4", flags=("poor",)))) == {ids[0], ids[2]}
        assert list_household_ids(upgraded, HouseholdFilter(text="tam", flags=("young_children",))) == [ids[3]]
