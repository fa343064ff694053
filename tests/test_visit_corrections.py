"""A visit recorded wrongly is corrected with the same checks as a new one, or voided with a reason and
restored: the row stays, the figures follow, and the CLI does the same as the app."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.errors import WardbookError
from desktop.register.households import add_area, add_household
from desktop.register.visits import (
    SupportItem,
    add_visit,
    correct_visit,
    open_visit,
    resolve_visit,
    restore_visit,
    update_visit,
    void_visit,
)
from desktop.store import Store
from desktop.store.queries import household_detail, ward_stats


def _household(store: Store) -> str:
    area = add_area(store, "Khu phố 1")
    return add_household(store, area_id=area, house_no="12", street="Lê Lợi", head_name="Đặng Thị Hòa")


def _visit(store: Store, household: str) -> str:
    return add_visit(store, household_id=household, visited_on="05/01/2026", purposes=["food_support"],
                     outcome="met", findings="Cần gạo", follow_up_due="20/01/2026",
                     support=[SupportItem("food", 10, "kg", 200_000), SupportItem("cash", value_vnd=500_000)])


def test_a_visit_is_corrected_field_by_field_and_its_support_replaced(store: Store) -> None:
    household = _household(store)
    visit = _visit(store, household)
    item_ids = [row[0] for row in store.conn.execute("SELECT id FROM support_items ORDER BY created_at, id")]
    outbox = store.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0]
    update_visit(store, visit, household_id=household, visited_on="06/01/2026",
                 purposes=["food_support", "welfare_check"], outcome="met", findings="Cần gạo và thuốc",
                 follow_up_due="21/01/2026", support=[SupportItem("food", 15, "kg", 300_000)])
    opened = open_visit(store, visit)
    assert (opened["visited_at"], opened["purposes"], opened["findings"], opened["follow_up_due"]) == (
        "2026-01-06", "food_support,welfare_check", "Cần gạo và thuốc", "2026-01-21")
    assert opened["support"] == [SupportItem("food", 15.0, "kg", 300_000)]
    # the first item was updated in place, the second tombstoned: both changes go to the outbox for sync
    alive = [row[0] for row in store.conn.execute("SELECT id FROM support_items WHERE deleted_hlc IS NULL")]
    assert alive == [item_ids[0]]
    assert store.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == outbox + 3
    # the timeline says what was given, item by item
    (listed,) = household_detail(store, household)["visits"]  # type: ignore[misc]
    assert listed["support"] == [  # type: ignore[index]
        {"kind": "food", "quantity": 15.0, "unit": "kg", "value_vnd": 300_000, "description": None}]


@pytest.mark.parametrize(("change", "msg_id"), [
    ({"visited_on": "01/01/2099"}, "register.future_visit"),
    ({"follow_up_due": "01/01/2026"}, "register.follow_up_before_visit"),
    ({"purposes": []}, "register.required"),
    ({"support": [SupportItem("food", -1)]}, "register.out_of_range"),
])
def test_a_correction_is_checked_like_a_new_visit_and_changes_nothing_when_refused(
        store: Store, change: dict[str, object], msg_id: str) -> None:
    household = _household(store)
    visit = _visit(store, household)
    before = open_visit(store, visit)
    fields = {"household_id": household, "visited_on": "05/01/2026", "purposes": ["food_support"],
              "outcome": "met", "follow_up_due": None, **change}
    with pytest.raises(WardbookError) as refused:
        update_visit(store, visit, **fields)  # type: ignore[arg-type]
    assert refused.value.msg_id == msg_id
    assert open_visit(store, visit) == before


def test_a_void_keeps_the_visit_out_of_the_figures_and_a_restore_brings_it_back(store: Store) -> None:
    from desktop.security import audit

    audit.install(store)  # as the app and the CLI open a register
    household = _household(store)
    visit = _visit(store, household)
    counted = ward_stats(store)
    with pytest.raises(WardbookError) as refused:
        void_visit(store, visit, "  ")
    assert refused.value.msg_id == "register.void_reason_required"
    void_visit(store, visit, "Ghi nhầm hộ")
    assert store.conn.execute("SELECT voided, void_reason FROM visits WHERE id = ?", (visit,)).fetchone() == (
        1, "Ghi nhầm hộ")
    voided = ward_stats(store)
    assert voided["visits"] == counted["visits"] - 1
    assert voided["follow_ups_open"] == counted["follow_ups_open"] - 1
    with pytest.raises(WardbookError) as refused:  # a voided visit is restored before it is corrected
        update_visit(store, visit, household_id=household, visited_on="05/01/2026", purposes=["welfare_check"],
                     outcome="met")
    assert refused.value.msg_id == "register.visit_voided"
    with pytest.raises(WardbookError) as refused:  # voiding again replaced the first reason
        void_visit(store, visit, "Lý do khác")
    assert refused.value.msg_id == "register.already_voided" and "Ghi nhầm hộ" in refused.value.message("vi")
    assert restore_visit(store, visit) == household
    with pytest.raises(WardbookError) as refused:  # said "restored" of a visit that was never voided
        restore_visit(store, visit)
    assert refused.value.msg_id == "register.not_voided"
    assert ward_stats(store) == counted
    assert store.conn.execute("SELECT voided, void_reason FROM visits WHERE id = ?", (visit,)).fetchone() == (
        0, None)
    changes = [row[0] for row in store.conn.execute(
        "SELECT fields FROM outbox WHERE tbl = 'visits' AND row_id = ? AND op = 'update' ORDER BY rowid", (visit,))]
    assert len(changes) == 2 and "Ghi nhầm hộ" in changes[0]  # void and restore both sync
    audited = store.conn.execute("SELECT action FROM audit_log WHERE target_table = 'visits' AND target_id = ? "
                                 "ORDER BY seq", (visit,)).fetchall()
    assert audited == [("create",), ("change",), ("change",)]  # logged, then voided, then restored


def test_the_cli_edits_voids_and_restores_a_visit_by_the_first_characters_of_its_id(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cli.db"
    with Store.open(path, create=True) as store:
        household = _household(store)
        visit = _visit(store, household)
    assert main(["--db", str(path), "visit", "list"]) == 0
    assert visit[:8] in capsys.readouterr().out
    assert main(["--db", str(path), "visit", "edit", visit[:8], "--findings", "Đã nhận gạo",
                 "--no-support"]) == 0
    assert main(["--db", str(path), "visit", "void", visit[:8], "--reason", "Ghi nhầm"]) == 0
    assert "Đã hủy lượt thăm" in capsys.readouterr().out
    assert main(["--db", str(path), "visit", "list"]) == 0
    assert "đã hủy" in capsys.readouterr().out
    with Store.open(path) as store:
        opened = open_visit(store, visit)
        assert (opened["findings"], opened["support"], opened["purposes"], opened["voided"]) == (
            "Đã nhận gạo", [], "food_support", 1)
        assert resolve_visit(store, visit.upper()[:8]) == visit
    assert main(["--db", str(path), "visit", "restore", visit[:8]]) == 0
    assert main(["--db", str(path), "visit", "void", "zzzzzzzz", "--reason", "x"]) == 2
    assert "Không tìm thấy lượt thăm" in capsys.readouterr().err
    with Store.open(path) as store:
        assert open_visit(store, visit)["voided"] == 0


def test_a_correction_a_void_and_its_restore_reach_the_other_laptops(tmp_path: Path) -> None:
    from desktop.sync.folder import FolderShare
    from tests.test_sync import laptops

    a, b = laptops(tmp_path, FolderShare(tmp_path / "share"), 2)
    household = _household(a.store)
    visit = _visit(a.store, household)
    a.sync()
    b.sync()
    update_visit(a.store, visit, household_id=household, visited_on="05/01/2026", purposes=["food_support"],
                 outcome="met", findings="Đã nhận gạo", support=[SupportItem("food", 15, "kg", 300_000)])
    void_visit(a.store, visit, "Ghi nhầm hộ")
    a.sync()
    b.sync()
    seen = open_visit(b.store, visit)
    assert (seen["findings"], seen["voided"], seen["void_reason"], seen["support"]) == (
        "Đã nhận gạo", 1, "Ghi nhầm hộ", [SupportItem("food", 15.0, "kg", 300_000)])
    assert ward_stats(b.store)["visits"] == 0
    restore_visit(b.store, visit)  # undone on the other laptop: comes back everywhere
    b.sync()
    a.sync()
    assert open_visit(a.store, visit)["voided"] == 0 and ward_stats(a.store)["visits"] == 1
    for laptop in (a, b):
        laptop.store.close()


def test_a_correction_keeps_what_was_corrected_elsewhere_after_the_form_read_the_visit(store: Store) -> None:
    """A form that sent every field it had loaded wrote the old findings back over a correction made meanwhile
    through another connection (the other window, the CLI, a sync)."""
    visit = _visit(store, _household(store))
    seen = open_visit(store, visit)  # the form opens the visit
    with Store.open(store.path) as elsewhere:
        correct_visit(elsewhere, visit, {"findings": "Đã nhận 10 kg gạo"})
    correct_visit(store, visit, {"follow_up_due": "28/01/2026"}, seen)  # the form changed only the date
    opened = open_visit(store, visit)
    assert (opened["findings"], opened["follow_up_due"]) == ("Đã nhận 10 kg gạo", "2026-01-28")
    assert sorted(opened["support"], key=repr) == [  # type: ignore[call-overload]
        SupportItem("cash", value_vnd=500_000), SupportItem("food", 10.0, "kg", 200_000)]


def test_a_field_changed_here_and_elsewhere_is_refused_unless_the_user_chooses_to_overwrite(store: Store) -> None:
    visit = _visit(store, _household(store))
    seen = open_visit(store, visit)
    with Store.open(store.path) as elsewhere:
        correct_visit(elsewhere, visit, {"findings": "Đã nhận 10 kg gạo"})
    with pytest.raises(WardbookError) as refused:
        correct_visit(store, visit, {"findings": "Cần gạo và thuốc", "follow_up_due": "28/01/2026"}, seen)
    assert refused.value.msg_id == "register.visit_changed_meanwhile"
    assert refused.value.params["changed"] == ("findings",)
    opened = open_visit(store, visit)
    assert (opened["findings"], opened["follow_up_due"]) == ("Đã nhận 10 kg gạo", "2026-01-20")  # nothing written
    correct_visit(store, visit, {"findings": "Cần gạo và thuốc", "follow_up_due": "28/01/2026"}, seen,
                  overwrite=True)
    opened = open_visit(store, visit)
    assert (opened["findings"], opened["follow_up_due"]) == ("Cần gạo và thuốc", "2026-01-28")
