"""Fit and finish at 1366×768: no column title of the households list is cut, in either language."""

from __future__ import annotations


def test_household_list_titles_are_never_cut(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    table = window.households.table
    header = table.horizontalHeader()
    for lang, last_visit in (("vi", "Lần thăm gần nhất"), ("en", "Last visit")):
        window.set_language(lang)
        qtbot.waitUntil(lambda t=last_visit: t in [str(window.households.model.headerData(c, header.orientation()))
                                                   for c in range(header.count())], timeout=3000)
        for column in range(header.count() - 1):  # the last one stretches
            assert table.columnWidth(column) >= header.sectionSizeHint(column), (lang, column)
    window.set_language("vi")
