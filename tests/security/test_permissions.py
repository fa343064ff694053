"""Each role on each guarded action, through the core API and through the CLI: the allowed ones succeed, the
others fail with the denial message and change nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop import i18n
from desktop.errors import WardbookError
from desktop.io.exporter import export
from desktop.io.importer import import_file
from desktop.register.activities import add_activity
from desktop.register.cases import add_case
from desktop.register.households import add_household, find_area
from desktop.register.visits import add_visit, open_visit, restore_visit, update_visit, void_visit
from desktop.reports.overview import period_figures
from desktop.reports.periods import parse_period
from desktop.reports.review import build_review
from desktop.reports.walklist import build_walk_list
from desktop.security import audit, retention, users
from desktop.security.access import change_setting, export_person, ward_figures
from desktop.security.database import backup
from desktop.security.permissions import PERMISSIONS, ROLE_PERMISSIONS, Actor
from desktop.security.session import attach, detach, visible_officer
from desktop.store import Store
from desktop.store.queries import list_activities, list_visits
from tests.security.conftest import ROLES, data_snapshot

EVERYONE = {"admin", "team_lead", "officer"}
LEADS = {"admin", "team_lead"}
ADMIN = {"admin"}


def _import_file(folder: Path) -> Path:
    path = folder / "list.csv"
    path.write_text("Họ và tên,Quan hệ với chủ hộ,Năm sinh,Số nhà,Đường,Khu phố\n"
                    "Phạm Văn Nhập,Chủ hộ,1970,12,Lê Lợi,Khu phố 1\n", encoding="utf-8")
    return path


def _person(store: Store) -> str:
    row = store.conn.execute("SELECT id FROM people WHERE deleted_hlc IS NULL ORDER BY id").fetchone()
    return str(row[0])


# name → (roles allowed, core call, CLI arguments, a file the action writes)
CORE: dict[str, tuple[set[str], Callable[[Store, Path], object]]] = {
    "add household": (EVERYONE, lambda s, _: add_household(
        s, area_id=find_area(s, "Khu phố 1"), house_no="9", street="Lê Lợi", head_name="Trần Thị Thử")),
    "ward figures": (LEADS, lambda s, _: ward_figures(s)),
    "overview figures": (LEADS, lambda s, _: period_figures(s, parse_period("2026-Q2"))),
    "audit verify": (LEADS, lambda s, _: audit.verify(s)),
    "add user": (ADMIN, lambda s, _: users.add_user(s, "moi", "Mới", "officer", "new-user-pw-1")),
    "retention rule": (ADMIN, lambda s, _: retention.set_rule(s, 3)),
    "purge": (ADMIN, lambda s, _: retention.purge(s, 1)),
    "data-subject export": (ADMIN, lambda s, _: export_person(s, _person(s))),
    "backup": (ADMIN, lambda s, tmp: backup(s, tmp / "backup.db", None)),
    "add case": (EVERYONE, lambda s, _: add_case(s, kind="dispute", title="Tranh chấp lối đi",
                                                 received_on="02/06/2026")),
    "print review": (LEADS, lambda s, tmp: build_review(s, parse_period("2026-Q2"), tmp / "review.pdf")),
    "print walk list": (EVERYONE, lambda s, tmp: build_walk_list(s, find_area(s, "Khu phố 1"), tmp / "w.pdf")),
    "export": (LEADS, lambda s, tmp: export(s, "households", tmp / "h.csv")),
    "import": (ADMIN, lambda s, tmp: import_file(s, _import_file(tmp))),
    "change setting": (ADMIN, lambda s, _: change_setting(s, "report.place", "Thành phố Hồ Chí Minh")),
}

CLI: dict[str, tuple[set[str], Callable[[Store, Path], list[object]], str | None]] = {
    "household add": (EVERYONE, lambda s, _: ["household", "add", "--area", "Khu phố 1", "--house-no", "9",
                                              "--street", "Lê Lợi", "--head", "Trần Thị Thử"], None),
    "stats": (LEADS, lambda s, _: ["stats"], None),
    "audit verify": (LEADS, lambda s, _: ["audit", "verify"], None),
    "user add": (ADMIN, lambda s, _: ["user", "add", "moi", "--role", "officer"], None),
    "retention purge": (ADMIN, lambda s, _: ["retention", "purge", "--years", "1", "--yes"], None),
    "person export": (ADMIN, lambda s, tmp: ["person", "export", _person(s), "--out", tmp / "p.json"],
                      "p.json"),
    "backup": (ADMIN, lambda s, tmp: ["backup", tmp / "b.db"], "b.db"),
    "report review": (LEADS, lambda s, tmp: ["report", "review", "--period", "2026-Q2", "--out", tmp / "r.pdf"],
                      "r.pdf"),
    "export": (LEADS, lambda s, tmp: ["export", "households", "--out", tmp / "h.csv"], "h.csv"),
    "import": (ADMIN, lambda s, tmp: ["import", _import_file(tmp)], None),
    "setting": (ADMIN, lambda s, _: ["setting", "report.place", "Thành phố Hồ Chí Minh"], None),
}


@pytest.mark.parametrize("role", sorted(EVERYONE))
@pytest.mark.parametrize("action", sorted(CORE))
def test_core_api(action: str, role: str, demo_store: Store, accounts: dict[str, Actor],
                  tmp_path: Path) -> None:
    allowed, call = CORE[action]
    username = next(name for name, r in ROLES.items() if r == role)
    attach(demo_store, accounts[username])
    before = data_snapshot(demo_store.path)
    settings = demo_store.conn.execute("SELECT * FROM settings ORDER BY key").fetchall()
    files = {p.name for p in tmp_path.iterdir()}
    if role in allowed:
        call(demo_store, tmp_path)
        return
    with pytest.raises(WardbookError) as error:
        call(demo_store, tmp_path)
    assert error.value.msg_id == "security.denied"
    assert f"'{username}'" in error.value.message("en") and "has no right to" in error.value.message("en")
    assert data_snapshot(demo_store.path) == before
    assert demo_store.conn.execute("SELECT * FROM settings ORDER BY key").fetchall() == settings
    assert {p.name for p in tmp_path.iterdir()} - files <= {"list.csv"}  # no backup, PDF or export written


@pytest.mark.parametrize("role", sorted(EVERYONE))
@pytest.mark.parametrize("action", sorted(CLI))
def test_cli(action: str, role: str, demo_store: Store, accounts: dict[str, Actor], tmp_path: Path,
             cli) -> None:  # type: ignore[no-untyped-def]
    allowed, arguments, output = CLI[action]
    username = next(name for name, r in ROLES.items() if r == role)
    args = ["--db", demo_store.path, *arguments(demo_store, tmp_path)]
    before = data_snapshot(demo_store.path)
    result = cli(*args, user=username, new_password="new-user-pw-1")
    if role in allowed:
        assert result.code == 0, result.err
        assert output is None or (tmp_path / output).exists()
        return
    assert result.code == 2
    role_name = i18n.tr(f"security.role.{role}", "en")
    assert f"Error: Account '{username}' ({role_name}) has no right to" in result.err
    assert data_snapshot(demo_store.path) == before
    assert output is None or not (tmp_path / output).exists()


def test_role_table_follows_the_design() -> None:
    """DESIGN §7: officer (own work, register) < team lead (+ all records, reports and the commendations they
    propose in them, door-to-door sweeps they define and assign) < admin (+ the rest)."""
    assert ROLE_PERMISSIONS["officer"] == {"register.edit", "sync.run"}
    assert ROLE_PERMISSIONS["team_lead"] - ROLE_PERMISSIONS["officer"] == {
        "records.view_all", "reports.view", "export", "audit.view", "commendations", "community_models",
        "campaigns"}
    assert ROLE_PERMISSIONS["admin"] == set(PERMISSIONS)
    for permission in ("users.admin", "enrollment", "sync.settings", "import", "purge"):
        assert permission not in ROLE_PERMISSIONS["team_lead"]


def test_officer_sees_and_changes_only_own_visits(demo_store: Store, accounts: dict[str, Actor], cli) -> None:  # type: ignore[no-untyped-def]
    household = str(demo_store.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0])
    attach(demo_store, accounts["canbo"])
    own = add_visit(demo_store, household_id=household, visited_on="01/06/2026", purposes=["welfare_check"],
                    outcome="met")
    assert demo_store.conn.execute("SELECT officer_id FROM visits WHERE id = ?", (own,)).fetchone()[0] == \
        accounts["canbo"].user_id
    others = str(demo_store.conn.execute(
        "SELECT id FROM visits WHERE officer_id != ? LIMIT 1", (accounts["canbo"].user_id,)).fetchone()[0])
    with pytest.raises(WardbookError) as error:
        void_visit(demo_store, others, "nhầm")
    assert error.value.msg_id == "security.denied"
    with pytest.raises(WardbookError):
        add_visit(demo_store, household_id=household, visited_on="01/06/2026", purposes=["welfare_check"],
                  outcome="met", officer_id=accounts["totruong"].user_id)
    void_visit(demo_store, own, "ghi nhầm hộ")
    detach(demo_store)
    total = len(list_visits(demo_store, officer_id=None))  # everyone's, said explicitly
    officer = cli("--db", demo_store.path, "visit", "list", "--limit", "100000", user="canbo")
    lead = cli("--db", demo_store.path, "visit", "list", "--limit", "100000", user="totruong")
    assert officer.code == lead.code == 0
    assert len(officer.out.strip().splitlines()) == 2 + 1  # header, rule, the officer's one visit
    assert len(lead.out.strip().splitlines()) == 2 + total


def test_an_officer_corrects_voids_and_restores_only_own_visits_a_team_lead_anyone_s(  # type: ignore[no-untyped-def]
        demo_store: Store, accounts: dict[str, Actor]) -> None:
    officer, lead = accounts["canbo"], accounts["totruong"]
    others = str(demo_store.conn.execute(
        "SELECT id FROM visits WHERE officer_id != ? AND voided = 0 LIMIT 1", (officer.user_id,)).fetchone()[0])
    attach(demo_store, officer)
    before = data_snapshot(demo_store.path)
    for action in (lambda: open_visit(demo_store, others), lambda: restore_visit(demo_store, others),
                   lambda: update_visit(demo_store, others, household_id=None, visited_on="01/06/2026",
                                        purposes=["welfare_check"], outcome="met")):
        with pytest.raises(WardbookError) as error:
            action()
        assert error.value.msg_id == "security.denied"
    assert data_snapshot(demo_store.path) == before
    attach(demo_store, lead)
    visit = open_visit(demo_store, others)
    update_visit(demo_store, others, household_id=str(visit["household_id"]), visited_on="01/06/2026",
                 purposes=["welfare_check"], outcome="met", findings="Tổ trưởng sửa")
    void_visit(demo_store, others, "ghi nhầm")
    restore_visit(demo_store, others)
    after = open_visit(demo_store, others)
    assert (after["findings"], after["voided"], after["officer_id"]) == ("Tổ trưởng sửa", 0, visit["officer_id"])
    detach(demo_store)


def test_an_officer_is_told_how_many_visits_of_other_officers_are_left_out(  # type: ignore[no-untyped-def]
        demo_store: Store, accounts: dict[str, Actor], cli) -> None:
    from desktop.security.access import view_household
    from desktop.store.queries import count_others_visits

    household, code, visits = demo_store.conn.execute(
        "SELECT h.id, h.code, COUNT(*) FROM visits v JOIN households h ON h.id = v.household_id "
        "WHERE v.deleted_hlc IS NULL GROUP BY h.id ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    attach(demo_store, accounts["canbo"])  # an officer with no visit of this household
    detail = view_household(demo_store, household)
    assert detail["visits"] == [] and detail["hidden_visits"] == visits > 0
    officer = visible_officer(demo_store)
    assert count_others_visits(demo_store, officer) == len(list_visits(demo_store, officer_id=None))  # all theirs
    attach(demo_store, accounts["totruong"])  # sees everything: nothing hidden
    assert view_household(demo_store, household)["hidden_visits"] == 0
    detach(demo_store)
    shown = cli("--db", demo_store.path, "household", "show", code, user="canbo")
    assert f"Visits by other officers not shown: {visits}." in shown.out
    assert "not shown" not in cli("--db", demo_store.path, "household", "show", code, user="totruong").out


def test_officer_sees_and_adds_only_own_activities(demo_store: Store, accounts: dict[str, Actor]) -> None:
    officer, lead = accounts["canbo"], accounts["totruong"]
    attach(demo_store, officer)
    own = add_activity(demo_store, kind="meeting", held_on="01/06/2026", topic="Họp tổ dân phố", attendance=30)
    assert demo_store.conn.execute("SELECT officer_id FROM activities WHERE id = ?", (own,)).fetchone()[0] == \
        officer.user_id
    before = data_snapshot(demo_store.path)
    with pytest.raises(WardbookError) as error:
        add_activity(demo_store, kind="meeting", held_on="01/06/2026", topic="Họp thay tổ trưởng",
                     officer_id=lead.user_id)
    assert error.value.msg_id == "security.denied" and data_snapshot(demo_store.path) == before
    assert [row["id"] for row in list_activities(demo_store, officer_id=visible_officer(demo_store))] == [own]
    attach(demo_store, lead)  # a lead enters a colleague's paper notes, and sees everyone's
    entered = add_activity(demo_store, kind="forum", held_on="02/06/2026", topic="Lắng nghe ý kiến",
                           officer_id=officer.user_id)
    everyone = {row["id"] for row in list_activities(demo_store, officer_id=visible_officer(demo_store))}
    assert {own, entered} < everyone
    attach(demo_store, officer)
    assert {row["id"] for row in list_activities(demo_store, officer_id=visible_officer(demo_store))} == \
        {own, entered}
    detach(demo_store)


def test_login_is_required_once_accounts_exist(demo_store: Store, cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("--db", demo_store.path, "stats").code == 0  # demo ward: officers without logins, setup mode
    from tests.security.conftest import add_accounts

    add_accounts(demo_store)
    result = cli("--db", demo_store.path, "stats")
    assert result.code == 2 and "Login required" in result.err
    wrong = cli("--db", demo_store.path, "--user", "quantri", "stats")  # no password in the environment
    assert wrong.code == 2 and "WARDBOOK_PASSWORD" in wrong.err


def test_first_run_creates_an_encrypted_database_and_its_admin(tmp_path: Path, key_file: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "station.db"
    made = cli("--db", path, "init", "--admin", "quantri", "--full-name", "Quản trị",
               new_password="admin-password-1")
    assert made.code == 0 and "Created account quantri (admin)" in made.out
    assert path.read_bytes()[:16] != b"SQLite format 3\x00"
    assert cli("--db", path, "stats").code == 2
    assert cli("--db", path, "stats", user="quantri").code == 0
    again = cli("--db", path, "user", "add-admin", "other", new_password="admin-password-2")
    assert again.code == 2 and "Login required" in again.err
    added = cli("--db", path, "user", "add", "totruong", "--role", "team_lead", user="quantri",
                new_password="lead-password-1")
    assert added.code == 0
    listing = cli("--db", path, "user", "list", user="quantri")
    assert "totruong" in listing.out and "team lead" in listing.out


def test_only_admins_run_station_operations(demo_store: Store, accounts: dict[str, Actor], tmp_path: Path,
                                            cli) -> None:  # type: ignore[no-untyped-def]
    """Snapshots, bootstraps, enrollment and approvals are the admin's; refused before the share is touched."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.sync.folder import FolderShare
    from desktop.sync.snapshot import bootstrap, write_snapshot
    from desktop.sync.station import SyncKeys

    share = FolderShare(tmp_path / "share")
    keys = SyncKeys(Ed25519PrivateKey.generate())
    for username in ("canbo", "totruong"):
        attach(demo_store, accounts[username])
        for action in (write_snapshot, bootstrap):
            with pytest.raises(WardbookError) as error:
                action(demo_store, share, keys)
            assert error.value.msg_id == "security.denied"
        result = cli("--db", demo_store.path, "share", "approve", "abc", "--share", tmp_path / "share",
                     user=username)
        assert result.code == 2 and "has no right to enroll or revoke laptops" in result.err
    assert not (tmp_path / "share").exists()
