"""The households page keeps what its visit filters let through while the user types, and reads it again as soon
as the register changes anywhere: a kept set must never show a household the filters no longer keep."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.demo import DemoSize, generate_demo_ward
from desktop.register.visits import add_visit
from desktop.store import Store
from desktop.store.queries import (
    HouseholdFilter,
    find_households,
    household_summaries,
    list_household_ids,
    visit_filtered_documents,
)
from desktop.store.visit_filter_cache import VisitFilterCache, visit_filter_key

END = date(2026, 6, 30)
OVERDUE = HouseholdFilter(has_overdue_follow_up=True)
NOT_VISITED = HouseholdFilter(not_visited_days=30)
BOTH = HouseholdFilter(has_overdue_follow_up=True, not_visited_days=30)


@pytest.fixture()
def ward(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "ward.db", create=True) as store:
        generate_demo_ward(store, DemoSize(households=400, seed=3, end=END))
        yield store


@pytest.mark.parametrize("text", ["n", "nguyen", "0", "zzz"])
def test_a_search_with_the_kept_set_finds_what_the_list_and_the_search_find(ward: Store, text: str) -> None:
    """The set kept answers as the whole-ward list's SQL does (a second way of reading the same filters), for each
    filter, both together and with a flag, best match first, counted."""
    ranked = list_household_ids(ward, HouseholdFilter(text=text))
    poor = {row["id"] for row in household_summaries(ward, ranked) if "poor" in row["flags"]}
    for visit_filter in (OVERDUE, NOT_VISITED, BOTH, replace(NOT_VISITED, flags=("poor",))):
        passing = set(list_household_ids(ward, replace(visit_filter, text=None), today=END))
        wanted = [h for h in ranked if h in passing and (not visit_filter.flags or h in poor)]
        flt = replace(visit_filter, text=text)
        kept = visit_filtered_documents(ward, flt, END)
        found = find_households(ward, flt, END, limit=20, visit_documents=kept)
        assert (found.ids, found.total) == (wanted[:20], len(wanted)), flt
        assert find_households(ward, flt, END, limit=20) == found  # read at the keystroke: the same
    assert text == "zzz" or any(  # the filters do leave some out, and keep some
        0 < len(list_household_ids(ward, replace(flt, text=text), today=END)) < len(ranked)
        for flt in (OVERDUE, NOT_VISITED))


def test_the_key_changes_with_any_write_the_day_and_the_filters(ward: Store) -> None:
    flt = replace(NOT_VISITED, text="n")
    key = visit_filter_key(ward, flt, END)
    assert key is not None and visit_filter_key(ward, flt, END) == key  # nothing changed: the set is kept
    assert visit_filter_key(ward, replace(flt, text="ng"), END) == key  # typing on: the same set
    assert visit_filter_key(ward, flt, END + timedelta(days=1)) != key
    assert visit_filter_key(ward, replace(flt, not_visited_days=31), END) != key
    assert visit_filter_key(ward, replace(flt, has_overdue_follow_up=True), END) != key
    assert visit_filter_key(ward, HouseholdFilter(text="n"), END) is None  # no visit filter, nothing to keep

    household = list_household_ids(ward, flt, today=END)[0]
    add_visit(ward, household_id=household, visited_on=END, purposes=["welfare_check"], outcome="met")
    after_own_write = visit_filter_key(ward, flt, END)
    assert after_own_write != key  # a write on this connection
    with Store.open(ward.path) as other:  # the app's sync, a second window, the command line
        second = list_household_ids(other, flt, today=END)[0]
        add_visit(other, household_id=second, visited_on=END, purposes=["welfare_check"], outcome="met")
    assert visit_filter_key(ward, flt, END) != after_own_write


def test_a_kept_set_is_never_used_after_a_write(ward: Store) -> None:
    """As the page uses it: the set read at the first keystroke answers the next ones; after a visit logged from
    another connection the key no longer finds it, and the set read again leaves the visited household out."""
    cache = VisitFilterCache()
    flt = replace(NOT_VISITED, text="n")
    key = visit_filter_key(ward, flt, END)
    assert key is not None and cache.documents(key) is None
    cache.keep(key, visit_filtered_documents(ward, flt, END))
    kept = cache.documents(visit_filter_key(ward, replace(flt, text="ng"), END))
    assert kept is not None
    before = find_households(ward, flt, END, limit=500, visit_documents=kept).ids
    visited = before[0]
    with Store.open(ward.path) as other:
        add_visit(other, household_id=visited, visited_on=END, purposes=["welfare_check"], outcome="met")
    key = visit_filter_key(ward, flt, END)
    assert cache.documents(key) is None  # the register changed: read again
    assert key is not None
    cache.keep(key, visit_filtered_documents(ward, flt, END))
    after = find_households(ward, flt, END, limit=500, visit_documents=cache.documents(key)).ids
    assert after == [household for household in before if household != visited]
