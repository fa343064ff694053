"""Records named on the command line by the first characters of their id (`desktop.store.queries.id_from_prefix`):
only a real prefix of one live row's id names it; what SQL's LIKE would treat as a wildcard names nothing."""

from __future__ import annotations

import pytest

from desktop.store import Store
from desktop.store.queries import id_from_prefix


@pytest.fixture
def areas(store: Store) -> list[str]:
    return [store.writer.insert("areas", {"name": name, "kind": "khu_pho"}, row_id=row_id)
            for name, row_id in (("Khu phố 1", "abcd1234-0000-4000-8000-000000000001"),
                                 ("Khu phố 2", "abcd5678-0000-4000-8000-000000000002"))]


def test_a_unique_prefix_names_its_row(store: Store, areas: list[str]) -> None:
    assert id_from_prefix(store, "areas", "abcd1234") == areas[0]
    assert id_from_prefix(store, "areas", "  ABCD5678 ") == areas[1]  # as typed: spaces, capitals
    assert id_from_prefix(store, "areas", areas[1]) == areas[1]


@pytest.mark.parametrize("typed", ["abcd", "%", "_", "________", "abcd%", "ab%4", "", None, "abc", "zzzz"])
def test_wildcards_short_and_shared_prefixes_name_nothing(store: Store, areas: list[str], typed: str | None) -> None:
    assert id_from_prefix(store, "areas", typed) is None


def test_a_wildcard_never_picks_the_only_row(store: Store, areas: list[str]) -> None:
    """With one row left, LIKE '%' would have matched it alone: the command would have changed that row."""
    store.writer.delete("areas", areas[1])
    for typed in ("%", "____%", "abcd____"):
        assert id_from_prefix(store, "areas", typed) is None
    assert id_from_prefix(store, "areas", "abcd") == areas[0]  # now unique
    assert id_from_prefix(store, "areas", "abcd5678") is None  # deleted rows are not named
