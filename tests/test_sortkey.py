"""Vietnamese collation (CLDR vi) and the given-name-first order of people."""

from __future__ import annotations

import random
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from desktop.search import person_sort_key, vi_sort_key

VI_ALPHABET = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")


def test_letters_follow_the_vietnamese_alphabet() -> None:
    shuffled = VI_ALPHABET[:]
    random.Random(3).shuffle(shuffled)
    assert sorted(shuffled, key=vi_sort_key) == VI_ALPHABET


def test_tones_sort_after_the_base_letter_in_cldr_order() -> None:
    tones = ["a", "à", "ả", "ã", "á", "ạ"]
    assert sorted(reversed(tones), key=vi_sort_key) == tones
    # A tone is a secondary difference: the letters decide first.
    assert sorted(["ạc", "ab"], key=vi_sort_key) == ["ab", "ạc"]


def test_d_stroke_is_its_own_letter_after_d() -> None:
    assert sorted(["đa", "dz", "da", "e"], key=vi_sort_key) == ["da", "dz", "đa", "e"]


def test_lower_case_before_upper_case_only_when_all_else_is_equal() -> None:
    assert sorted(["An", "an", "Ăn"], key=vi_sort_key) == ["an", "An", "Ăn"]


def test_people_sort_by_given_name_then_middle_then_family() -> None:
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê An", "Đỗ Văn Ân", "Phạm Thị Ánh", "Nguyễn Văn An", "Bùi Bảo"]
    assert sorted(names, key=person_sort_key) == [
        "Lê An", "Nguyễn Thị An", "Nguyễn Văn An", "Phạm Thị Ánh", "Đỗ Văn Ân", "Bùi Bảo", "Trần Văn Bình",
    ]


@given(st.text(alphabet="aăâdđeêoơôuưAĂĐ àáảãạ", max_size=8))
def test_nfd_and_nfc_input_sort_the_same(text: str) -> None:
    assert vi_sort_key(unicodedata.normalize("NFD", text)) == vi_sort_key(text)


@given(st.lists(st.text(alphabet="abcdđươêàạ ", min_size=1, max_size=6), max_size=8))
def test_sorting_is_a_total_order(words: list[str]) -> None:
    once = sorted(words, key=person_sort_key)
    assert sorted(once, key=person_sort_key) == once
    assert sorted(reversed(words), key=person_sort_key) == sorted(words, key=person_sort_key) or len(
        {person_sort_key(w) for w in words}) < len(set(words))
