"""Values in a change from another laptop are checked before anything is written: what this laptop's own write
path would never store (wrong type, beyond SQLite's integers, NaN, not one of the choices) is found row by row,
whatever else the column holds."""

from __future__ import annotations

import pytest

from desktop.store.tables import MAX_TEXT, invalid_rows


def _rows(values: list[object]) -> list[list[object]]:
    return [[f"row-{n}", n + 1, value] for n, value in enumerate(values)]


@pytest.mark.parametrize(("table", "field", "values", "bad"), [
    ("people", "birth_year", [1948, None, 2**70, True, "1990", 1.5, 2001], {2, 3, 4, 5}),
    ("support_items", "quantity", [10.0, 5, float("nan"), float("inf"), "10", 1e16, None], {2, 3, 4, 5}),
    ("visits", "outcome", ["met", "robbed", ["met"], None, "not_home", 1], {1, 2, 5}),
    ("visits", "purposes", ["welfare_check,mediation", "welfare_check,theft", "", None], {1, 2}),
    ("households", "street", ["Lê Lợi", "x" * (MAX_TEXT + 1), {"a": 1}, None], {1, 2}),
    ("households", "street", ["Lê Lợi", "Lê\x01Lợi", "a\x00b", "dãy 2\nnhà sau\tx", "x\ud800", "\x1f"], {1, 2, 4, 5}),
    ("households", "deleted_hlc", [1, 2**64, None], {1}),
])
def test_each_value_a_write_path_would_never_store_is_found(table: str, field: str, values: list[object],
                                                              bad: set[int]) -> None:
    assert set(invalid_rows(table, [field], _rows(values))) == bad


def test_a_clean_column_is_not_looked_at_row_by_row_and_passes() -> None:
    assert invalid_rows("people", ["full_name", "birth_year"],
                        [[f"p{n}", n + 1, "Nguyễn Văn An", 1950 + n % 50] for n in range(1000)]) == {}
