"""Accent-insensitive, đ-aware search over addresses, phones and member names."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.register.households import add_household, add_person, move_out_person
from desktop.search import fold
from desktop.search.folding import fold_words
from desktop.search.index import match_expression, rebuild_search_index, search_household_ids
from desktop.store import Store


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Nguyễn Văn An", "nguyen van an"),
        ("ĐƯỜNG Đặng Văn Bi", "duong dang van bi"),
        ("Hoà", "hoa"),
        ("Hòa", "hoa"),
        (unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), "nguyen thi anh"),
        ("  Lê\tThị \n Ặn  ", "le thi an"),
        ("Hẻm 123/45A", "hem 123/45a"),
    ],
)
def test_fold(typed: str, folded: str) -> None:
    assert fold(typed) == folded


@given(st.lists(st.sampled_from(["Đặng", "HK-00012", "0903", "ĐƯỜNG", "hòa", "hoà", "Ấp", "12/3A", "\u0301", "Ω", ""]),
                max_size=8),
       st.lists(st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u3000", "\x1f"]), min_size=8, max_size=8))
def test_folding_word_by_word_is_folding_the_whole(words: list[str], spaces: list[str]) -> None:
    """`fold_words` (which indexing uses, ASCII words only lower-cased, the others cached) folds as `fold` does,
    whatever the spaces between words and words that fold to nothing (a lone combining mark)."""
    text = "".join(word + space for word, space in zip(words, spaces, strict=False))
    assert fold_words(text) == fold(text)


@pytest.fixture
def ward(store: Store) -> dict[str, str]:
    ids = {
        "an": add_household(store, area_id=None, house_no="12", street="Đường Lê Văn Sỹ", head_name="Nguyễn Văn An",
                            phone="0903 111 222"),
        "dang": add_household(store, area_id=None, house_no="123/45A", street="Hẻm 5 Nguyễn Trãi",
                              head_name="Đặng Thị Hòa"),
        "anh": add_household(store, area_id=None, house_no="7", street="Bạch Đằng", head_name="Trần Văn Ánh"),
    }
    add_person(store, ids["anh"], "Lê Thị Tuyết", birth_year=1990)
    return ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van an", {"an"}),
        ("Nguyễn Văn An", {"an"}),
        ("duong", {"an"}),
        ("dang", {"dang", "anh"}),  # Đặng Thị Hòa, and Bạch Đằng
        ("dang thi hoa", {"dang"}),
        ("hoa", {"dang"}),
        ("hoà", {"dang"}),
        (unicodedata.normalize("NFD", "Hòa"), {"dang"}),
        ("0903", {"an"}),
        ("123/45", {"dang"}),
        ("tuyet", {"anh"}),
        ("van anh", {"anh"}),
        ("nguy", {"an", "dang"}),
        ("xyz", set()),
    ],
)
def test_search_finds_households(store: Store, ward: dict[str, str], query: str, expected: set[str]) -> None:
    found = set(search_household_ids(store.conn, query))
    assert found == {ward[key] for key in expected}


def test_empty_or_punctuation_query_finds_nothing(store: Store, ward: dict[str, str]) -> None:
    assert match_expression("  ..  ") is None
    assert search_household_ids(store.conn, "") == []
    assert search_household_ids(store.conn, '"') == []


def test_quotes_and_fts_syntax_in_input_are_plain_text(store: Store, ward: dict[str, str]) -> None:
    assert search_household_ids(store.conn, 'an" OR "x') == []
    assert set(search_household_ids(store.conn, "nguyen AND")) == set()


def test_moved_out_members_no_longer_find_the_household(store: Store, ward: dict[str, str]) -> None:
    person = store.conn.execute("SELECT id FROM people WHERE full_name = 'Lê Thị Tuyết'").fetchone()[0]
    move_out_person(store, person, "01/02/2026")
    assert search_household_ids(store.conn, "tuyet") == []


def test_index_stays_equal_to_a_rebuild(demo_store: Store) -> None:
    before = demo_store.conn.execute("SELECT household_id, doc FROM search_doc ORDER BY household_id").fetchall()
    with demo_store.transaction():
        rebuild_search_index(demo_store.conn)
    after = demo_store.conn.execute("SELECT household_id, doc FROM search_doc ORDER BY household_id").fetchall()
    assert before == after
    assert len(after) == 400


def test_search_on_the_demo_ward_matches_a_scan(demo_store: Store) -> None:
    """Every household the FTS finds for a name has that name (folded) among its members, and none is missed."""
    rows = demo_store.conn.execute(
        "SELECT household_id, full_name FROM people WHERE deleted_hlc IS NULL AND moved_out_on IS NULL").fetchall()
    expected = {hid for hid, name in rows if {"thi", "hoa"} <= set(fold(name).split())}
    found = set(search_household_ids(demo_store.conn, "thi hoa", limit=10_000))
    assert expected and expected <= found
    for hid in found - expected:  # others match by prefix (e.g. "thi thu hoa" is in; "hoang" starts with "hoa")
        doc = demo_store.conn.execute("SELECT doc FROM search_doc WHERE household_id = ?", (hid,)).fetchone()[0]
        words = doc.split()
        assert any(w.startswith("thi") for w in words) and any(w.startswith("hoa") for w in words)
