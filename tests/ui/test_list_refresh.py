"""A list refreshed under the user reads the cells it shows, not every row: the Visits & follow-ups page of a
team lead lists every overdue follow-up of the ward (1,100 on a 10k-household ward), and reading each cell of
each row on every refresh froze the window a second for every visit saved."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex

from ui.models import RowsModel


@pytest.fixture
def rows_read(monkeypatch: pytest.MonkeyPatch) -> set[tuple[int, int]]:
    """The rows (model, row number) whose cells any list's model was asked for."""
    read: set[tuple[int, int]] = set()
    real = RowsModel.data

    def counted(self: RowsModel, index: QModelIndex, role: int = 0) -> Any:
        read.add((id(self), index.row()))
        return real(self, index, role)

    monkeypatch.setattr(RowsModel, "data", counted)
    return read


def test_the_follow_ups_page_refreshes_without_reading_every_row(window, qtbot, rows_read) -> None:  # type: ignore[no-untyped-def]
    window.show_page("followups")
    page = window.followups
    page.refresh()
    qtbot.wait(50)
    rows = sum(model.rowCount() for model in page.models.values())
    assert rows > 150, rows  # enough rows that reading them all is more than reading the visible ones
    rows_read.clear()
    page.refresh()  # what a visit saved anywhere in the app does
    qtbot.wait(50)
    assert len(rows_read) < rows / 2, (len(rows_read), rows)
