"""One ranking for every household search (the list, the visit form's picker, `wardbook search`): the typed
name or address whole first, then typed as the start of one, then the rest; the same order whatever the
number of rows asked for, and filters and counts over every match, not over the best few hundred."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import cast

import pytest

from desktop.cli import main
from desktop.demo import DemoSize, generate_demo_ward
from desktop.register.households import add_area, add_household
from desktop.store import Store
from desktop.store.queries import HouseholdFilter, find_households, household_summaries, list_household_ids

END = date(2026, 6, 30)


@pytest.fixture(scope="module")
def big_ward(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """1,200 demo households: common names match far more than the 500 rows a list shows."""
    path = tmp_path_factory.mktemp("big") / "ward.db"
    with Store.open(path, create=True) as store:
        generate_demo_ward(store, DemoSize(households=1200, seed=11, end=END))
        yield store


def test_the_exact_name_comes_first_among_many_similar_ones(store: Store) -> None:
    area = add_area(store, "Khu phố 1")
    wanted = add_household(store, area_id=area, house_no="12", street="Lê Lợi", head_name="Đặng Thị Hòa")
    similar = [add_household(store, area_id=area, house_no=str(n), street="Trần Hưng Đạo", head_name=name)
               for n, name in enumerate(["Đặng Thị Hoài", "Đặng Công Hải", "Đặng Thị Hoàng", "Hòa Thị Đặng",
                                         "Đặng Văn Hòa", "Đặng Thị Hoan"] * 3, start=1)]
    found = list_household_ids(store, HouseholdFilter(text="dang thi hoa"), limit=8)
    assert found[0] == wanted
    ranked = list_household_ids(store, HouseholdFilter(text="dang thi hoa"))
    heads = [row["head"] for row in household_summaries(store, ranked)]
    # then the names that start with what was typed, then those holding the words in another order
    assert heads[1:10] == ["Đặng Thị Hoan", "Đặng Thị Hoàng", "Đặng Thị Hoài"] * 3
    assert heads[10:] == ["Hòa Thị Đặng"] * 3
    assert len(ranked) == 13 and set(ranked) < {wanted, *similar}  # no "Đặng Công Hải", no "Đặng Văn Hòa"
    # an exact address too
    assert list_household_ids(store, HouseholdFilter(text="12 le loi"), limit=1) == [wanted]


@pytest.mark.parametrize("text", ["n", "nguyen", "nguyen van", "thi h", "le", "0"])
def test_the_order_does_not_depend_on_how_many_rows_are_asked_for(big_ward: Store, text: str) -> None:
    everything = list_household_ids(big_ward, HouseholdFilter(text=text))
    for limit in (1, 8, 500):
        assert list_household_ids(big_ward, HouseholdFilter(text=text), limit=limit) == everything[:limit]
    assert find_households(big_ward, HouseholdFilter(text=text), limit=8).total == len(everything)


@pytest.mark.parametrize("rank_from_index_above", [0, 10**9], ids=["ranked-by-index", "ranked-from-documents"])
def test_filters_and_counts_cover_every_match_not_only_the_best_500(
        big_ward: Store, rank_from_index_above: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.store import queries

    monkeypatch.setattr(queries, "RANK_FROM_INDEX_ABOVE", rank_from_index_above)  # each way gives the same answer
    everything = list_household_ids(big_ward, HouseholdFilter(text="n"))
    assert len(everything) > 500
    area = str(big_ward.conn.execute("SELECT id FROM areas ORDER BY name LIMIT 1").fetchone()[0])
    in_area = {row["id"] for row in household_summaries(big_ward, everything) if row["area_id"] == area}
    poor = {row["id"] for row in household_summaries(big_ward, everything) if "poor" in row["flags"]}
    by_area = find_households(big_ward, HouseholdFilter(text="n", area_id=area), limit=500)
    assert by_area.total == len(in_area) > len(in_area & set(everything[:500]))
    assert by_area.ids == [h for h in everything if h in in_area][:500]  # the same order, filtered
    by_flag = find_households(big_ward, HouseholdFilter(text="n", flags=("poor",)), limit=10)
    assert by_flag.total == len(poor) > 10 and by_flag.ids == [h for h in everything if h in poor][:10]
    both = find_households(big_ward, HouseholdFilter(text="n", area_id=area, flags=("poor",)), limit=10)
    assert both.total == len(in_area & poor) > 0 and both.ids == [h for h in everything if h in in_area & poor][:10]
    overdue = set(list_household_ids(big_ward, HouseholdFilter(has_overdue_follow_up=True), today=END))
    both = find_households(big_ward, HouseholdFilter(text="n", has_overdue_follow_up=True), today=END, limit=5)
    assert both.total == len(overdue & set(everything)) and both.ids == [h for h in everything if h in overdue][:5]
    every = find_households(big_ward, HouseholdFilter(text="n", area_id=area, flags=("poor",),
                                                      has_overdue_follow_up=True), today=END)
    assert every.ids == [h for h in everything if h in in_area & poor & overdue] and every.total == len(every.ids)
    not_visited = set(list_household_ids(big_ward, HouseholdFilter(not_visited_days=30), today=END))
    assert list_household_ids(big_ward, HouseholdFilter(text="n", flags=("poor",), not_visited_days=30),
                              today=END) == [h for h in everything if h in poor & not_visited]


def test_a_list_without_text_counts_beyond_its_limit(big_ward: Store) -> None:
    whole = find_households(big_ward, limit=500)
    assert len(whole.ids) == 500 and whole.total == 1200
    assert whole.ids == list_household_ids(big_ward)[:500]


def test_cli_search_ranks_the_same_and_says_how_many_more(big_ward: Store, capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    first = household_summaries(big_ward, list_household_ids(big_ward, HouseholdFilter(text="nguyen"), limit=3))
    total = find_households(big_ward, HouseholdFilter(text="nguyen")).total
    assert main(["--db", str(big_ward.path), "search", "nguyen", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines[2:5]] == [row["code"] for row in first]
    assert lines[5] == f"… và {total - 3} kết quả khác."


def test_filtered_and_unfiltered_searches_split_words_alike(store: Store) -> None:
    """The index splits "12/3A" into 12 and 3a; a filtered search ranks by the same words."""
    area = add_area(store, "Khu phố 2")
    ids = [add_household(store, area_id=area, house_no=house_no, street=street, head_name=head)
           for house_no, street, head in [("12/3A", "Lê Lợi", "Võ Thị Ba"), ("3A", "Hẻm 12", "Lý Văn Tư"),
                                          ("12", "3A Lê Lợi", "Mai Văn Năm"), ("7", "Lê Lợi", "Lê Thị 12_3a")]]
    for text in ("12 3a", "12 3", "le loi 12", "3a"):
        alone = list_household_ids(store, HouseholdFilter(text=text))
        assert list_household_ids(store, HouseholdFilter(text=text, area_id=area)) == alone, text
    # "12" then "3a" as whole words in three households (newest first); in the fourth only in another order
    assert list_household_ids(store, HouseholdFilter(text="12 3a")) == [ids[3], ids[2], ids[0], ids[1]]


@pytest.mark.parametrize("text", ["n", "nguyen", "nguyen van a", "0"])
@pytest.mark.parametrize("filters", [{"area": True}, {"flags": ("poor",)}, {"area": True, "flags": ("poor",)},
                                     {"flags": ("elderly_alone", "disability")}], ids=["area", "flag", "both", "flags"])
def test_a_search_with_a_khu_pho_or_flags_is_answered_by_the_index_alone(
        big_ward: Store, text: str, filters: dict[str, object]) -> None:
    """Each household's khu phố and flags are words of its search document: a keystroke with a khu phố or flags
    chosen is one full-text query, with no household's row read (a page decrypted per household on an encrypted
    register) and no list of the ward's matches gathered to test the chosen households against."""
    area = str(big_ward.conn.execute("SELECT id FROM areas ORDER BY name LIMIT 1").fetchone()[0])
    flt = HouseholdFilter(text=text, area_id=area if filters.get("area") else None,
                          flags=cast(tuple[str, ...], filters.get("flags", ())))
    everything = household_summaries(big_ward, list_household_ids(big_ward, HouseholdFilter(text=text)))
    wanted = [row["id"] for row in everything
              if (flt.area_id is None or row["area_id"] == flt.area_id) and set(flt.flags) <= set(row["flags"])]
    statements: list[str] = []
    big_ward.conn.set_trace_callback(statements.append)
    try:
        found = find_households(big_ward, flt, limit=500)
    finally:
        big_ward.conn.set_trace_callback(None)
    assert (found.ids, found.total) == (wanted[:500], len(wanted))
    assert not [sql for sql in statements if "households" in sql.replace("household_fts", "")], statements


@pytest.mark.parametrize("text", [None, "n", "nguyen van"])
@pytest.mark.parametrize(("visit_filter", "index"), [({"has_overdue_follow_up": True}, "visits_open_follow_up"),
                                                     ({"not_visited_days": 30}, "visits_review_period")],
                         ids=["overdue", "not-visited"])
def test_the_visit_filters_read_the_visits_indexes_alone(big_ward: Store, text: str | None,
                                                          visit_filter: dict[str, object], index: str) -> None:
    """Which households have an overdue follow-up, or a visit lately, is read once per query from an index of the
    visits alone, never by testing each household or match against its visits (a seek per household into the
    visits' index: most of a keystroke on an encrypted 50k ward); a search reads it apart from the full-text query,
    which runs once for the typed words, not once per household the filter keeps."""
    flt = HouseholdFilter(text=text, **visit_filter)  # type: ignore[arg-type]
    statements: list[str] = []
    big_ward.conn.set_trace_callback(statements.append)
    try:
        found = find_households(big_ward, flt, today=END, limit=500)
    finally:
        big_ward.conn.set_trace_callback(None)
    assert found.total > 0
    plans = [detail for sql in statements if "visits" in sql
             for *_, detail in big_ward.conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
    reads = [detail for detail in plans if detail.startswith(("SEARCH v ", "SCAN v "))]
    assert reads and all(f"COVERING INDEX {index} " in detail for detail in reads), plans
    assert not [detail for detail in plans if "CORRELATED" in detail], plans  # once per query, not per household
    if text is not None:
        assert len([sql for sql in statements if "visits" in sql]) == 1, statements  # one read of the visits
        # The full-text query is never given the households the filter keeps: as a constraint on the rowid FTS5
        # ran it once for each of them (37 s for "nguyen" on a 50k ward).
        assert not [sql for sql in statements if "visits" in sql and "household_fts" in sql], statements


def test_matches_are_counted_only_where_a_count_is_shown(big_ward: Store) -> None:
    """The visit form's picker shows 8 rows and no count, and a list holding every match knows its count: neither
    runs the count of every match (most of a first letter's keystroke on a large ward)."""
    def counts_run(action: Callable[[], object]) -> int:
        statements: list[str] = []
        big_ward.conn.set_trace_callback(statements.append)
        try:
            action()
        finally:
            big_ward.conn.set_trace_callback(None)
        return sum("count(" in sql.lower() for sql in statements)

    everything = list_household_ids(big_ward, HouseholdFilter(text="n"))
    assert len(everything) > 500
    assert counts_run(lambda: list_household_ids(big_ward, HouseholdFilter(text="n"), limit=8)) == 0
    assert counts_run(lambda: list_household_ids(big_ward, limit=8)) == 0
    few = list_household_ids(big_ward, HouseholdFilter(text="nguyen van"))
    assert 0 < len(few) < 500
    assert counts_run(lambda: find_households(big_ward, HouseholdFilter(text="nguyen van"), limit=500)) == 0
    assert find_households(big_ward, HouseholdFilter(text="nguyen van"), limit=500).total == len(few)
    assert counts_run(lambda: find_households(big_ward, HouseholdFilter(text="n"), limit=500)) == 1  # shown
    assert find_households(big_ward, HouseholdFilter(text="n"), limit=500).total == len(everything)
