"""The demo ward generator: deterministic from a seed, realistic in shape, written through the write path."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from desktop.demo import DemoSize, generate_demo_ward
from desktop.store import Store
from desktop.store.tables import SYNCED

END = date(2026, 3, 31)


def _content(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Business columns of every synced table (timestamps and clocks depend on when it ran)."""
    with Store.open(path) as store:
        return {
            table: sorted(store.conn.execute(f"SELECT id, {', '.join(spec.fields)} FROM {table}").fetchall(),
                          key=repr)
            for table, spec in SYNCED.items()
        }


def _make(path: Path, seed: int) -> dict[str, int]:
    with Store.open(path, create=True) as store:
        return generate_demo_ward(store, DemoSize(households=150, seed=seed, end=END))


def test_same_seed_same_ward(tmp_path: Path) -> None:
    _make(tmp_path / "a.db", 11)
    _make(tmp_path / "b.db", 11)
    _make(tmp_path / "c.db", 12)
    assert _content(tmp_path / "a.db") == _content(tmp_path / "b.db")
    assert _content(tmp_path / "a.db") != _content(tmp_path / "c.db")


def test_demo_ward_shape(demo_store: Store) -> None:
    one = demo_store.conn.execute
    households = one("SELECT COUNT(*) FROM households").fetchone()[0]
    people = one("SELECT COUNT(*) FROM people").fetchone()[0]
    assert households == 400
    assert 2.5 <= people / households <= 5
    # Every household has its head among its members.
    assert one("SELECT COUNT(*) FROM households h JOIN people p ON p.id = h.head_person_id "
               "AND p.household_id = h.id").fetchone()[0] == households
    # Visits fall in the year before the end date, follow-ups after their visit.
    first, last = one("SELECT MIN(visited_at), MAX(visited_at) FROM visits").fetchone()
    assert first >= "2025-07-01" and last <= "2026-06-30"
    assert one("SELECT COUNT(*) FROM visits WHERE follow_up_due <= visited_at").fetchone()[0] == 0
    # House numbers look like the ward's: 12, 12A, 123/45, 123/45A.
    numbers = [row[0] for row in one("SELECT house_no FROM households")]
    assert all(re.fullmatch(r"\d+[A-D]?(/\d+[A-D]?)?", n) for n in numbers)
    assert any("/" in n for n in numbers)
    # Some households were never visited: the coverage gap the reports must show.
    never = one("SELECT COUNT(*) FROM households h WHERE NOT EXISTS "
                "(SELECT 1 FROM visits v WHERE v.household_id = h.id)").fetchone()[0]
    assert 0 < never < households / 3
    # Everything went through the write path: one outbox entry per row.
    rows = sum(one(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in SYNCED)
    assert one("SELECT COUNT(*) FROM outbox").fetchone()[0] == rows


def test_cancelled_generation_leaves_an_empty_database(tmp_path: Path) -> None:
    calls = iter([False, True])
    with Store.open(tmp_path / "x.db", create=True) as store:
        try:
            generate_demo_ward(store, DemoSize(households=4500, end=END), cancelled=lambda: next(calls))
        except InterruptedError:
            pass
        else:
            raise AssertionError("generation was not cancelled")
        assert store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 0
        assert store.conn.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0
