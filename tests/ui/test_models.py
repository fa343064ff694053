"""Every item model of the app passes Qt's model tester, and the households model really is lazy."""

from __future__ import annotations

import pytest

from desktop.store.queries import household_detail, household_summaries, list_household_ids, list_visits
from ui.models import ID_ROLE, Column, HouseholdTableModel, RowsModel, date_of, label_of, text_of
from ui.pages.household import timeline_rows


def test_household_model_passes_modeltester(qtmodeltester, demo_store) -> None:  # type: ignore[no-untyped-def]
    model = HouseholdTableModel(lambda ids: household_summaries(demo_store, ids))
    model.set_ids(list_household_ids(demo_store))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 400


def test_household_model_fetches_only_the_blocks_it_shows(qapp, demo_store) -> None:  # type: ignore[no-untyped-def]
    asked: list[int] = []

    def fetch(ids: list[str]) -> list[dict[str, object]]:
        asked.append(len(ids))
        return household_summaries(demo_store, ids)

    model = HouseholdTableModel(fetch)
    ids = list_household_ids(demo_store)
    model.set_ids(ids)
    assert asked == []  # nothing read until a cell is shown
    first = model.index(0, 1).data()
    summary = household_summaries(demo_store, [ids[0]])[0]
    assert first == f"{summary['house_no']} {summary['street']}"
    assert asked == [HouseholdTableModel.BLOCK]
    model.index(5, 3).data()
    assert len(asked) == 1  # same block, no new query
    model.index(399, 0).data()
    assert len(asked) == 2 and asked[1] == 400 - 3 * HouseholdTableModel.BLOCK
    assert model.index(7, 0).data(ID_ROLE) == ids[7]


def test_rows_models_pass_modeltester(qtmodeltester, demo_store) -> None:  # type: ignore[no-untyped-def]
    household_id = list_household_ids(demo_store)[3]
    members = RowsModel(
        [
            Column("full_name", lambda: "Name", text_of("full_name")),
            Column("gender", lambda: "Gender", label_of("gender", "gender")),
        ]
    )
    members.set_rows(household_detail(demo_store, household_id)["people"])
    qtmodeltester.check(members, force_py=True)
    visits = RowsModel(
        [
            Column("visited_at", lambda: "Visited", date_of("visited_at")),
            Column("purposes", lambda: "Purposes", label_of("purpose", "purposes", many=True)),
        ]
    )
    visits.set_rows(list_visits(demo_store, limit=50))
    qtmodeltester.check(visits, force_py=True)
    assert visits.rowCount() == 50
    assert visits.index(0, 0).data().count("/") == 2  # dd/mm/yyyy


PAGE_MODELS = {
    "members": lambda w: w.household.members,
    "timeline": lambda w: w.household.timeline,
    "due_today": lambda w: w.followups.models["today"],
    "overdue": lambda w: w.followups.models["overdue"],
    "recent_visits": lambda w: w.followups.models["recent"],
    "cases": lambda w: w.cases.model,
    "activities": lambda w: w.activities.model,
    "conflicts": lambda w: w.sync.conflicts,
    "users": lambda w: w.admin.users,
}


@pytest.mark.parametrize("name", sorted(PAGE_MODELS))
def test_page_models_pass_modeltester(name, window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """The models as the real pages fill them (one model per tester: the tester watches it to the end)."""
    window.open_household(window.households.model.household_id(0))
    for page in ("followups", "cases", "activities", "sync", "admin"):
        window.show_page(page)
    model = PAGE_MODELS[name](window)
    qtmodeltester.check(model, force_py=True)
    if name in ("members", "timeline", "recent_visits", "cases", "activities", "users"):
        assert model.rowCount() > 0
    if name == "timeline":
        assert model.rowCount() == len(timeline_rows(window.household.detail))
