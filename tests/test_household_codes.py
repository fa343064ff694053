"""One readable household code for every household: this laptop's three letters and its own running number
("KQM-00001"), given by the app's form, `wardbook household add`, the import and (with "HK") the demo; unique
across laptops with no coordination, shown and found by search."""

from __future__ import annotations

import re
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

from desktop.cli import main
from desktop.demo import DemoSize, generate_demo_ward
from desktop.register.households import CODE_LETTERS, add_area, add_household, code_prefix
from desktop.store import Store
from desktop.store.queries import HouseholdFilter, find_households, household_summaries

CODE = re.compile(rf"^[{CODE_LETTERS}]{{3}}-\d{{5}}$")


def _code(store: Store, household_id: str) -> str:
    return str(household_summaries(store, [household_id])[0]["code"])


def test_codes_run_on_from_this_laptops_letters(store: Store) -> None:
    area = add_area(store, "Khu phố 1")
    first = add_household(store, area_id=area, house_no="12", street="Lê Lợi", head_name="Nguyễn Văn An")
    second = add_household(store, area_id=area, house_no="14", street="Lê Lợi", head_name="Trần Thị Bình")
    prefix = code_prefix(store.device_id)
    assert (_code(store, first), _code(store, second)) == (f"{prefix}-00001", f"{prefix}-00002")
    assert CODE.match(_code(store, first))
    # A code typed by hand that looks like this laptop's is counted: the next one is never a duplicate.
    add_household(store, area_id=area, house_no="16", street="Lê Lợi", head_name="Lê Văn Cường",
                  code=f"{prefix}-00041")
    third = add_household(store, area_id=area, house_no="18", street="Lê Lợi", head_name="Phạm Thị Dung")
    assert _code(store, third) == f"{prefix}-00042"


def test_a_code_with_an_endless_number_does_not_make_every_new_code_the_same(store: Store) -> None:
    """Another laptop sent (or an officer typed) a code of this laptop's letters with 25 digits: SQLite's integer
    stopped at its top, and every household made after it got one and the same code."""
    area = add_area(store, "Khu phố 1")
    prefix = code_prefix(store.device_id)
    add_household(store, area_id=area, house_no="1", street="Lê Lợi", head_name="Nguyễn Văn An",
                  code=f"{prefix}-{'9' * 25}")
    made = [_code(store, add_household(store, area_id=area, house_no=str(n), street="Lê Lợi",
                                       head_name=f"Trần Văn Số {n}")) for n in (2, 3, 4)]
    assert made == [f"{prefix}-00001", f"{prefix}-00002", f"{prefix}-00003"]


def test_laptops_draw_different_letters_without_asking_each_other() -> None:
    prefixes = {code_prefix(str(uuid.UUID(int=n * 0x9E3779B97F4A7C15_F39CC0605CEDC834 % 2**128))) for n in range(1, 41)}
    assert all(len(p) == 3 and set(p) <= set(CODE_LETTERS) for p in prefixes)
    assert len(prefixes) >= 38  # 40 laptops, 13,824 prefixes: a shared one is rare (and never on one laptop)
    assert code_prefix("8f2c4e1a-0000-4000-8000-000000000000") == code_prefix("8f2c4e1a-0000-4000-8000-000000000000")


def test_the_code_finds_its_household(store: Store) -> None:
    area = add_area(store, "Khu phố 2")
    ids = [add_household(store, area_id=area, house_no=str(n), street="Nguyễn Trãi", head_name=f"Hộ {n}")
           for n in range(1, 13)]
    for household_id in (ids[0], ids[10]):
        code = _code(store, household_id)
        for typed in (code, code.lower(), code.replace("-", " ")):
            found = find_households(store, HouseholdFilter(text=typed), date(2026, 6, 30), limit=8)
            assert found.ids[0] == household_id, (typed, found.ids[:3])


def test_the_cli_and_the_demo_use_the_scheme(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "ward.db")
    with Store.open(Path(db), create=True) as store:
        add_area(store, "Khu phố 1")
        prefix = code_prefix(store.device_id)
    assert main(["household", "add", "--db", db, "--area", "Khu phố 1", "--house-no", "3", "--street", "Lê Lợi",
                 "--head", "Võ Văn Em"]) == 0
    assert f"{prefix}-00001" in capsys.readouterr().out
    with Store.open(tmp_path / "demo.db", create=True) as demo:
        generate_demo_ward(demo, DemoSize(households=30))
        codes = [row[0] for row in demo.conn.execute("SELECT code FROM households ORDER BY code")]
    assert codes[0] == "HK-00001" and all(re.match(r"^HK-\d{5}$", code) for code in codes)


def test_the_station_gives_a_laptop_other_letters_when_its_own_are_taken() -> None:
    from desktop.sync.station import free_code_prefix

    first, second = "0000aaaa-0000-0000-0000-000000000000", "0000aaaa-0000-0000-0000-ffffffffffff"
    assert code_prefix(first) == code_prefix(second)  # the same twelve hex digits: the same drawn letters
    roster: dict[str, Any] = {"devices": {first: {"code_prefix": code_prefix(first)}}}
    given = free_code_prefix(roster, second)
    assert given != code_prefix(first) and len(given) == 3 and set(given) <= set(CODE_LETTERS)
    roster["devices"]["third"] = {"code_prefix": given}
    assert free_code_prefix(roster, second) not in {code_prefix(first), given}
    assert free_code_prefix({"devices": {}}, second) == code_prefix(second)  # free: its own letters


def test_an_enrolled_laptop_makes_codes_with_the_letters_the_roster_gave_it(tmp_path: Path) -> None:
    from desktop.register.households import new_codes
    from desktop.sync.folder import FolderShare
    from tests.test_sync import laptops

    share = FolderShare(tmp_path / "share")
    admin, officer = laptops(tmp_path, share, 2)
    officer.sync()
    given = share.station()["devices"][officer.store.device_id]["code_prefix"]
    assert next(new_codes(officer.store)).startswith(f"{given}-")
    assert share.station()["devices"][admin.store.device_id]["code_prefix"] != given


def test_any_device_id_gets_letters() -> None:
    """Device ids are UUIDs; an id of another shape (a hand-edited roster) still gets three letters."""
    for device_id in ("device0", "", "Ⅻ-not-hex"):
        assert len(code_prefix(device_id)) == 3 and set(code_prefix(device_id)) <= set(CODE_LETTERS)


def test_two_connections_adding_households_at_once_never_give_the_same_code(tmp_path: Path) -> None:
    """The officer saves the New household form while another process on the same database (an import from the
    command line, a second window) has added a household it has not committed yet: the form waits for the write
    lock, and the code it gives is read after that wait, never the one the other process took meanwhile."""
    path = tmp_path / "ward.db"
    with Store.open(path, create=True) as app, Store.open(path) as other:
        waiting = threading.Event()  # the app asks for the write lock: from here it waits for `other`
        app.conn.set_trace_callback(lambda sql: waiting.set() if sql == "BEGIN IMMEDIATE" else None)
        with ThreadPoolExecutor(1) as form:
            with other.transaction():
                add_household(other, area_id=None, house_no="77", street="Nguyễn Trãi", head_name="Lý Văn Khác")
                saved = form.submit(add_household, app, area_id=None, house_no="15", street="Lê Lợi",
                                    head_name="Phạm Thị Mới")
                assert waiting.wait(60)
            saved.result()
        codes = [row[0] for row in app.conn.execute("SELECT code FROM households ORDER BY house_no")]
    prefix = code_prefix(app.device_id)
    assert codes == [f"{prefix}-00002", f"{prefix}-00001"]
