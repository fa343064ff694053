"""A sweep across laptops: defined on the team lead's laptop, answered offline on two officers' laptops, synced
through a folder share. Every laptop ends with the same progress and results; an officer's laptop cannot change
the definition (refused when applied, kept for the admin); a question retired after answers keeps them."""

from __future__ import annotations

import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.campaigns import answers, definition, progress, results
from desktop.campaigns.definition import Question
from desktop.security import users
from desktop.security.session import attach
from desktop.store import Store
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.grants import grant_of_user
from desktop.sync.screen import list_refused
from desktop.sync.station import SyncKeys, approve_device, init_share, request_enrollment

PASSWORDS = {"quantri": "admin-password-1", "totruong": "lead-password-1", "canbo1": "officer-password-1",
             "canbo2": "officer-password-2"}
ROLES = {"totruong": "team_lead", "canbo1": "officer", "canbo2": "officer"}


class Laptop:
    def __init__(self, store: Store, keys: SyncKeys, share: FolderShare) -> None:
        self.store, self.keys, self.share = store, keys, share

    def sync(self):  # type: ignore[no-untyped-def]
        return sync_once(self.store, self.share, self.keys)[1]

    def forge(self, table: str, row_id: str, op: str, fields: dict[str, object]) -> None:
        """What the laptop's holder can do: put any change into its outbox, as the write path would."""
        hlc = self.store.writer.clock.tick()
        self.store.conn.execute("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES (?, ?, ?, ?, ?)",
                                (table, row_id, op, hlc, json.dumps(fields)))
        self.store.conn.execute("UPDATE device SET hlc_last = ?", (self.store.writer.clock.last,))


class Ward:
    """The station (admin) with two khu phố of households, and the laptops of a team lead and two officers."""

    def __init__(self, folder: Path) -> None:
        self.share = FolderShare(folder / "share")
        admin = Store.open(folder / "station.db", create=True)
        admin_keys = SyncKeys(Ed25519PrivateKey.generate())
        attach(admin, users.create_first_admin(admin, "quantri", "Quản trị", PASSWORDS["quantri"]))
        self.user_ids = {name: users.add_user(admin, name, name, role, PASSWORDS[name]) for name, role in ROLES.items()}
        for area_name in ("Khu phố 1", "Khu phố 2"):
            area = admin.writer.insert("areas", {"name": area_name, "kind": "khu_pho"})
            for number in range(1, 5):
                admin.writer.insert("households", {"code": f"{area_name[-1]}-{number:03d}", "area_id": area,
                                                   "street": "Nguyễn Trãi", "status": "active"})
        init_share(self.share, admin.device_id, admin_keys, admin, grant_of_user(admin, "quantri"))
        self.admin = Laptop(admin, admin_keys, self.share)
        self.laptops: dict[str, Laptop] = {}
        for name in ROLES:
            store = Store.open(folder / f"{name}.db", create=True)
            keys = SyncKeys(Ed25519PrivateKey.generate())
            request_enrollment(self.share, store.device_id, keys, f"may-{name}", store)
            approve_device(self.share, store.device_id, admin_keys, grant_of_user(admin, name))
            self.laptops[name] = Laptop(store, keys, self.share)
        self.admin.sync()
        for name, laptop in self.laptops.items():
            laptop.sync()
            attach(laptop.store, users.login(laptop.store, name, PASSWORDS[name]))

    def everyone(self) -> list[Laptop]:
        return [self.admin, *self.laptops.values()]

    def sync_all(self, rounds: int = 2) -> None:
        for _ in range(rounds):
            for laptop in self.everyone():
                laptop.sync()


def _household(store: Store, code: str) -> str:
    return str(store.conn.execute("SELECT id FROM households WHERE code = ?", (code,)).fetchone()[0])


def _state(store: Store, campaign_id: str) -> tuple[object, ...]:
    """What a laptop shows of the sweep, whoever is logged in: the whole sweep's progress and results."""
    campaign = definition.load_campaign(store, campaign_id)
    rows = progress.targets(store, campaign, scoped=False)
    tallies = sorted((t.key or "", tuple(t.counts.items())) for t in progress.tallies_by(rows, "officer_id"))
    table = [(r.code, r.target.status, r.target.attempts, tuple(sorted(r.answers.items())))
             for r in results.result_rows(store, campaign, rows)]
    return campaign, tuple(progress.tally(rows).counts.items()), tuple(tallies), tuple(table)


def test_a_sweep_answered_offline_on_two_laptops_gives_the_same_results_everywhere(tmp_path: Path) -> None:
    ward = Ward(tmp_path)
    lead, first, second = (ward.laptops[name] for name in ("totruong", "canbo1", "canbo2"))
    campaign_id = definition.create_campaign(
        lead.store, name="Rà soát chống lừa đảo", starts_on="2026-06-01", ends_on="2026-06-30",
        questions=[Question("Đã nhận tờ rơi?", "yes_no", code="leaflet", required=True),
                   Question("Số cuộc gọi lạ trong tháng", "number", code="calls", unit="cuộc", low=0, high=100),
                   Question("Kênh bị lừa", "one_choice", code="channel", choices=("Điện thoại", "Zalo", "Khác"))],
        assignments={"Khu phố 1": "canbo1", "Khu phố 2": "canbo2"})
    ward.sync_all(1)

    # Offline: each officer records their own khu phố; the second also answers a question the first answered
    # nowhere (nothing shared), and one household twice (a second attempt after "not at home").
    answers.record(first.store, campaign_id, "1-001", status="reached", on="2026-06-02",
                   answers={"leaflet": "có", "calls": 3, "channel": "Zalo"})
    answers.record(first.store, campaign_id, "1-002", status="not_home", on="2026-06-02")
    answers.record(first.store, campaign_id, "1-002", status="reached", on="2026-06-03", answers={"leaflet": "no"})
    answers.record(second.store, campaign_id, "2-001", status="refused", on="2026-06-02")
    answers.record(second.store, campaign_id, "2-002", status="reached", on="2026-06-04",
                   answers={"leaflet": "yes", "calls": 0})
    # The first officer's laptop tries to rewrite the sweep: the write path refuses, so its holder forges it.
    question_id = definition.load_campaign(first.store, campaign_id).question("calls").id
    first.forge("campaigns", campaign_id, "update", {"name": "Đợt khác", "status": "closed"})
    first.forge("campaign_questions", question_id, "update", {"kind": "text"})
    first.forge("campaign_assignments", definition.derived_id("assignment", campaign_id, "x"), "insert",
                {"campaign_id": campaign_id, "area_id": "x", "officer_id": ward.user_ids["canbo1"]})
    # … and to answer for a household of the other officer's khu phố, in their own name
    other = _household(first.store, "2-004")
    first.forge("campaign_results", answers.result_id(campaign_id, other), "insert", {
        "campaign_id": campaign_id, "household_id": other, "officer_id": ward.user_ids["canbo1"],
        "status": "reached", "attempts": 1, "last_on": "2026-06-02"})
    ward.sync_all()

    states = [_state(laptop.store, campaign_id) for laptop in ward.everyone()]
    assert all(state == states[0] for state in states[1:])
    campaign, totals, _by_officer, table = states[0]
    assert campaign.name == "Rà soát chống lừa đảo" and campaign.status == "open"
    assert campaign.question("calls").kind == "number"
    assert dict(totals) == {"reached": 3, "to_retry": 0, "not_started": 4, "other": 1}
    assert next(row for row in table if row[0] == "1-002")[1:3] == ("reached", 2)
    for laptop in (ward.admin, lead, second):
        refused = list_refused(laptop.store)
        assert {(row["tbl"], row["reason"]) for row in refused} == {
            ("campaigns", "no_rights"), ("campaign_questions", "no_rights"), ("campaign_assignments", "no_rights"),
            ("campaign_results", "not_owner")}

    # The lead retires a question that has answers and adds another: the answers stay in every laptop's results.
    definition.retire_question(lead.store, campaign_id, "calls")
    definition.add_question(lead.store, campaign_id, Question("Có camera an ninh?", "yes_no", code="camera"))
    answers.record(second.store, campaign_id, "2-003", status="reached", on="2026-06-05",
                   answers={"leaflet": "yes"})
    ward.sync_all()
    states = [_state(laptop.store, campaign_id) for laptop in ward.everyone()]
    assert all(state == states[0] for state in states[1:])
    campaign = states[0][0]
    retired = campaign.question("calls")
    assert retired.retired and [q.code for q in campaign.questions][-1] == "camera"
    calls = {row[0]: dict(row[3]).get(retired.id) for row in states[0][3]}
    assert calls["1-001"] == "3" and calls["2-002"] == "0"

    # Khu phố 1 is given to the second officer: they carry on with the first officer's households, everywhere.
    definition.assign(lead.store, campaign_id, "Khu phố 1", "canbo2")
    ward.sync_all(1)
    answers.record(second.store, campaign_id, "1-001", status="reached", on="2026-06-06",
                   answers={"leaflet": "no"})
    ward.sync_all()
    for laptop in ward.everyone():
        assert answers.household_status(laptop.store, campaign_id, _household(laptop.store, "1-001"))[
            "attempts"] == 2
        refused = list_refused(laptop.store)
        if laptop is first:  # the forger's laptop judges its own files by the roster too, and tells its user
            assert {row["device_id"] for row in refused} == {first.store.device_id}
            assert {row["tbl"] for row in refused} == {"campaigns", "campaign_questions", "campaign_assignments"}
        else:
            assert len(refused) == 4
    states = [_state(laptop.store, campaign_id) for laptop in ward.everyone()]
    assert all(state == states[0] for state in states[1:])


def test_a_team_leads_laptop_cannot_change_the_kind_of_an_answered_question(tmp_path: Path) -> None:
    ward = Ward(tmp_path)
    lead, first = ward.laptops["totruong"], ward.laptops["canbo1"]
    campaign_id = definition.create_campaign(
        lead.store, name="Rà soát nắng nóng", starts_on="2026-06-01", ends_on="2026-06-30",
        questions=[Question("Số quạt", "number", code="fans", low=0, high=10)], assignments={"Khu phố 1": "canbo1"})
    ward.sync_all(1)
    answers.record(first.store, campaign_id, "1-001", status="reached", on="2026-06-02", answers={"fans": 2})
    ward.sync_all(1)
    question_id = definition.load_campaign(lead.store, campaign_id).question("fans").id
    lead.forge("campaign_questions", question_id, "update", {"kind": "yes_no"})
    ward.sync_all()
    for laptop in (ward.admin, first):
        assert definition.load_campaign(laptop.store, campaign_id).question("fans").kind == "number"
        assert [(row["tbl"], row["reason"]) for row in list_refused(laptop.store)] == [
            ("campaign_questions", "answered")]


def test_the_same_answer_written_on_two_laptops_merges_into_one_row(tmp_path: Path) -> None:
    """An answer's id is made from the sweep, the household and the question: the officer and the team lead
    answering the same household offline merge per field into one row, the losing value kept for review."""
    ward = Ward(tmp_path)
    lead, first = ward.laptops["totruong"], ward.laptops["canbo1"]
    campaign_id = definition.create_campaign(
        lead.store, name="Rà soát nắng nóng", starts_on="2026-06-01", ends_on="2026-06-30",
        questions=[Question("Số quạt", "number", code="fans", low=0, high=10),
                   Question("Ghi chú", "text", code="remark")], assignments={"Khu phố 1": "canbo1"})
    ward.sync_all(1)
    answers.record(first.store, campaign_id, "1-003", status="reached", on="2026-06-02",
                   answers={"fans": 1, "remark": "Nhà hướng tây"})
    answers.record(lead.store, campaign_id, "1-003", status="reached", on="2026-06-03", answers={"fans": 2})
    ward.sync_all()
    question = definition.load_campaign(lead.store, campaign_id).question("fans").id
    seen = []
    for laptop in ward.everyone():
        household = _household(laptop.store, "1-003")
        rows = laptop.store.conn.execute("SELECT value FROM campaign_answers WHERE household_id = ? AND "
                                         "question_id = ?", (household, question)).fetchall()
        assert len(rows) == 1
        seen.append((rows[0][0], answers.household_answers(laptop.store, campaign_id, household),
                     answers.household_status(laptop.store, campaign_id, household)))
    assert all(item == seen[0] for item in seen[1:])
    assert len(seen[0][1]) == 2  # the officer's remark stays beside the number, whichever won
    lost = {"1": '"2"', "2": '"1"'}[seen[0][0]]  # the greater clock wins (the two writes may share a millisecond)
    assert all(laptop.store.conn.execute(  # the losing value is kept for review on every laptop
        "SELECT COUNT(*) FROM conflicts WHERE tbl = 'campaign_answers' AND field = 'value' AND lost_value = ?",
        (lost,)).fetchone()[0] == 1 for laptop in ward.everyone())
