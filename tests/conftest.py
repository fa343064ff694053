"""Shared fixtures: real SQLite files in tmp folders, and one demo ward made once per test session."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import settings

from desktop import i18n
from desktop.demo import DemoSize, generate_demo_ward
from desktop.store import Store

# Every property test draws the same examples at every run: a red build means the change broke them, never that a
# rare case came up by chance (one did: a merge's test failed a clean clone's run on a case no run had drawn before,
# in code the change had not touched). WARDBOOK_SIM_RANDOM=1 draws fresh ones, as a long local run should.
settings.register_profile("wardbook", derandomize=os.environ.get("WARDBOOK_SIM_RANDOM") != "1")
settings.load_profile("wardbook")

DEMO_END = date(2026, 6, 30)
DEMO_SIZE = DemoSize(households=400, seed=7, end=DEMO_END)


@pytest.fixture(autouse=True)
def _vietnamese_by_default() -> Iterator[None]:
    """Each test starts in the default language, whatever the previous one chose (`--lang en`, the UI menu)."""
    i18n.set_language(i18n.DEFAULT_LANG)
    yield
    i18n.set_language(i18n.DEFAULT_LANG)


@pytest.fixture(autouse=True)
def _plain_cli_databases(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test machine has no OS keyring: CLI tests keep databases plain unless they choose a key store
    (tests/security sets its own). In real use the CLI encrypts and stops when no key store works."""
    monkeypatch.setenv("WARDBOOK_UNENCRYPTED", "1")
    for name in ("WARDBOOK_KEY_FILE", "WARDBOOK_KEY_PASSPHRASE", "WARDBOOK_USER", "WARDBOOK_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def zone_a_day_behind() -> Iterator[date]:
    """The laptop's time zone set so that its date is the day before Ho Chi Minh City's, as on a laptop left on
    UTC before 07:00 or on US Pacific time for most of the working day; yields the ward's today.

    The zone is chosen from the time now (UTC+1 minus the ward's hour), which puts the laptop at about 18:00 of
    the ward's yesterday whatever time the tests run: six hours before its date catches up."""
    ward_now = datetime.now(UTC) + timedelta(hours=7)
    east = 1 - ward_now.hour  # hours east of UTC, -22 to +1
    before = os.environ.get("TZ")
    os.environ["TZ"] = f"LAPTOP{-east:+d}"  # POSIX: the offset is counted west of UTC
    time.tzset()
    try:
        assert date.today() == ward_now.date() - timedelta(days=1)
        yield ward_now.date()
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store on a real file."""
    with Store.open(tmp_path / "ward.db", create=True) as opened:
        yield opened


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo ward database made once; tests get their own copy through `demo_store`."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Store.open(path, create=True) as made:
        generate_demo_ward(made, DEMO_SIZE)
        made.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_store(demo_db_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the demo ward (400 households, a year of visits ending 2026-06-30)."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_db_template, path)
    with Store.open(path) as opened:
        yield opened
