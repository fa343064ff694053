"""Who may record the outcome records, locally and through sync (the same rules): officers manage the people
they are responsible for in the reintegration register and the outcomes of their own cases; community models
are recorded by team leads and admins. A change an officer's laptop makes beyond that is refused at the station.
An older database gains the new fields and tables, and its tips count as received."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from test_sync import samba_url, share  # noqa: F401  (the folder and Samba share fixtures)
from test_sync_authorisation import Station

from desktop import clock
from desktop.errors import WardbookError
from desktop.register.cases import add_case, update_case
from desktop.register.community_models import add_model, edit_model
from desktop.register.reintegration import add_reintegration, end_reintegration, list_reintegration
from desktop.reports.outcomes import outcome_figures
from desktop.reports.periods import quarter
from desktop.security.session import attach, detach
from desktop.store import Store
from desktop.store.migrations import LATEST, migrate
from desktop.sync.folder import FolderShare
from desktop.sync.screen import list_refused
from tests.security.conftest import add_accounts


@pytest.fixture
def people(store: Store) -> tuple[str, str]:
    home = store.writer.insert("households", {"code": "HK1", "street": "Lê Lợi", "status": "active"})
    return (store.writer.insert("people", {"household_id": home, "full_name": "Võ Văn Năm"}),
            store.writer.insert("people", {"household_id": home, "full_name": "Võ Văn Sáu"}))


def test_officers_manage_their_own_people_and_team_leads_everyones(store: Store, people: tuple[str, str]) -> None:
    actors = add_accounts(store)
    officer, lead = actors["canbo"], actors["totruong"]
    attach(store, officer)
    mine = add_reintegration(store, person_id=people[0], started_on="01/03/2026")
    with pytest.raises(WardbookError) as refused:
        add_reintegration(store, person_id=people[1], started_on="01/03/2026", officer_id=lead.user_id)
    assert refused.value.msg_id == "security.denied"
    attach(store, lead)
    theirs = add_reintegration(store, person_id=people[1], started_on="01/03/2026", officer_id=lead.user_id)
    end_reintegration(store, mine, ended_on="01/05/2026")  # a team lead manages everyone's
    attach(store, officer)
    with pytest.raises(WardbookError):
        end_reintegration(store, theirs, ended_on="01/05/2026")
    assert [row["id"] for row in list_reintegration(store)] == [mine]  # an officer lists only their own
    with pytest.raises(WardbookError) as refused:
        add_model(store, name="Camera hẻm 5", kind="security_camera", recognised_on="01/02/2026")
    assert refused.value.msg_id == "security.denied"
    attach(store, lead)
    model = add_model(store, name="Camera hẻm 5", kind="security_camera", recognised_on="01/02/2026")
    attach(store, officer)
    with pytest.raises(WardbookError):
        edit_model(store, model, members=3)
    detach(store)


def test_an_officer_sets_the_outcome_of_their_own_cases_only(store: Store) -> None:
    actors = add_accounts(store)
    attach(store, actors["totruong"])
    lead_case = add_case(store, kind="tip", title="Tin báo của tổ trưởng", received_on="01/06/2026")
    attach(store, actors["canbo"])
    own = add_case(store, kind="dispute", title="Tranh chấp lối đi", received_on="01/06/2026")
    update_case(store, own, on="05/06/2026", outcome="successful")
    with pytest.raises(WardbookError):
        update_case(store, lead_case, on="05/06/2026", outcome="verified")
    detach(store)


def test_the_station_refuses_what_an_officers_laptop_may_not_record(tmp_path: Path, share: FolderShare) -> None:  # noqa: F811
    station = Station(tmp_path, share)
    admin = station.admin
    person = admin.writer.insert("people", {"household_id": station.household, "full_name": "Đỗ Văn Bảy"})
    neighbour = admin.writer.insert("people", {"household_id": station.household, "full_name": "Đỗ Văn Tám"})
    others = admin.writer.insert("reintegration", {"person_id": person, "started_on": "2026-01-01",
                                                   "officer_id": station.other_officer_id})
    model = add_model(admin, name="Tổ tự quản số 3", kind="self_managed_group", members=8,
                      recognised_on="01/03/2026")
    station.sync_admin()
    station.sync_laptop()
    assert station.laptop.conn.execute("SELECT name FROM community_models WHERE id = ?", (model,)).fetchone() == (
        "Tổ tự quản số 3",)
    assert station.laptop.conn.execute("SELECT counted_on, members FROM community_model_counts WHERE model_id = ?",
                                       (model,)).fetchall() == [("2026-03-01", 8)]  # its count travels with it
    station.forge("community_models", "forged-model", "insert", {"name": "Mô hình giả", "kind": "other",
                                                                  "status": "active"})
    station.forge("community_models", model, "update", {"members": 800})
    station.forge("community_model_counts", "forged-count", "insert", {"model_id": model, "counted_on": "2026-04-01",
                                                                        "members": 800})
    station.forge("reintegration", others, "update", {"ended_on": "2026-02-01"})
    station.forge("reintegration", "taken", "insert", {"person_id": person, "started_on": "2026-02-01",
                                                       "officer_id": station.other_officer_id})
    station.forge("case_events", "bad-outcome", "insert", {"case_id": "c", "new_outcome": "bribed",
                                                          "officer_id": station.officer_id})
    own = add_reintegration(station.laptop, person_id=neighbour, started_on="01/04/2026",
                            officer_id=station.officer_id, notes="Hỗ trợ tìm việc")  # legitimate
    station.sync_laptop()
    _published, report = station.sync_admin()
    assert report.errors == [] and report.refused == 6
    assert {(row["tbl"], row["reason"]) for row in list_refused(admin)} == {
        ("community_models", "no_rights"), ("community_model_counts", "no_rights"), ("reintegration", "not_owner"),
        ("case_events", "bad_value")}
    assert admin.conn.execute("SELECT COUNT(*), MAX(members) FROM community_models").fetchone() == (1, 8)
    assert admin.conn.execute("SELECT COUNT(*), MAX(members) FROM community_model_counts").fetchone() == (1, 8)
    assert admin.conn.execute("SELECT ended_on FROM reintegration WHERE id = ?", (others,)).fetchone() == (None,)
    assert admin.conn.execute("SELECT officer_id, notes FROM reintegration WHERE id = ?", (own,)).fetchone() == (
        station.officer_id, "Hỗ trợ tìm việc")


def test_an_older_database_gains_the_outcome_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(str(path), isolation_level=None))
    migrate(db, target=LATEST - 1)
    db.execute("INSERT INTO households (id, created_at, updated_at, code, status) VALUES ('h1', 'x', 'x', 'HK1', "
               "'active')")
    db.execute("INSERT INTO cases (id, created_at, updated_at, kind, title, household_id, received_on, status) "
               "VALUES ('c1', 'x', 'x', 'tip', 'Tin báo cũ', 'h1', '2026-04-02', 'open')")
    db.conn.close()
    with Store.open(path) as upgraded:
        columns = {row[1] for row in upgraded.conn.execute("PRAGMA table_info(cases)")}
        assert {"tip_status", "mediation_result"} <= columns
        assert upgraded.conn.execute("SELECT tip_status FROM cases").fetchone() == (None,)
        assert outcome_figures(upgraded, quarter(2026, 2)).tips["received"] == 1  # a tip from before: received
        update_case(upgraded, "c1", on="2026-05-01", outcome="verified")
        assert outcome_figures(upgraded, quarter(2026, 2)).tips == {"received": 0, "verified": 1,
                                                                     "forwarded_police": 0, "closed": 0}
        for table in ("reintegration", "community_models"):
            names = [row[1] for row in upgraded.conn.execute(f"PRAGMA table_info({table})")]
            assert {"id", "created_hlc", "created_device", "deleted_hlc"} <= set(names)


def test_a_persons_support_is_in_their_data_and_goes_with_them_when_purged(store: Store,
                                                                             people: tuple[str, str]) -> None:
    """The reintegration register is personal data: a data-subject request shows a person's periods of support,
    and a retention purge of their household takes them too (blanked and tombstoned, as the person)."""
    from datetime import date

    from desktop.security import retention
    from desktop.security.access import export_person

    record = add_reintegration(store, person_id=people[0], started_on="01/03/2026", ended_on="01/06/2026",
                               notes="Hỗ trợ học nghề")  # ended: support still running keeps its household
    assert export_person(store, people[0])["reintegration_support"] == [
        {"started_on": "2026-03-01", "ended_on": "2026-06-01", "notes": "Hỗ trợ học nghề"}]
    assert export_person(store, people[1])["reintegration_support"] == []
    household = store.conn.execute("SELECT household_id FROM people WHERE id = ?", (people[0],)).fetchone()[0]
    store.writer.update("households", household, {"status": "moved_out"})
    retention.set_rule(store, 5)
    later = date(clock.today().year + 6, 1, 15)
    assert retention.preview(store, today=later).counts["reintegration"] == 1
    retention.purge(store, today=later)
    assert store.conn.execute("SELECT person_id, notes, deleted_hlc IS NOT NULL FROM reintegration WHERE id = ?",
                              (record,)).fetchone() == (None, None, 1)
