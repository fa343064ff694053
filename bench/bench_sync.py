"""Sync speed, each beside a baseline measured in the same run (DESIGN.md §8):

1. Applying remote changesets carrying ~100k field changes (a first sync), against a raw `executemany` of the same
   rows into the same tables (no checks, clocks, merge or index). Target: throughput ≥ 0.5× the baseline. With
   `--first-sync 10000 50000` also a whole ward's first sync at those sizes (2 visits per household).
2. A sync with nothing new over 50 device folders, against listing those folders. Target: ≤ 50 ms.
3. (No target) a new laptop starting from a snapshot of the same ward instead of applying its changesets.
4. A merge of edits: laptop A edits 3 fields (street, phone, notes) of every household of a ward laptop B already
   has; B applies A's changeset (read, checked, screened, merged, re-indexed), against a raw `executemany` UPDATE
   of the same rows into a copy of B's database. Target: ≤ 5× the baseline. Also the time A's write path took
   to make those edits (local updates), against the same baseline.
   `--statements` also prints where B's apply spends its time, statement by statement (`bench/statement_times.py`).

5. (No target) a year of a ward's work on a station of 4 laptops (generated: each laptop records visits and
   edits households every working day and syncs): the share's size and files, and a fresh laptop's start
   (enrolled, then one `sync`), before and after `share compact` (the admin's base snapshot; the changesets
   every laptop has applied removed), and the idle sync on the compacted share. A 20k-household ward by
   default (1.3 min on a quiet machine, 5 min on a busy one); `--year-households 2000` for a quicker run.

With `--encrypted` every database (the laptops' and the baseline's) is a SQLCipher file, as the app keeps them.

    .venv/bin/python bench/bench_sync.py [--encrypted] [--rounds N] [--snapshot-of WARD_DB] [--merge-rows N]
                                         [--statements] [--first-sync N ...] [--only-first-sync]
                                         [--year-households N] [--year-days N] [--only-year]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bench.statement_times import print_statements, timed_statements
from desktop.demo import DemoSize, generate_demo_ward
from desktop.search.folding import fold_cache_clear
from desktop.security import audit
from desktop.security.users import create_first_admin, login
from desktop.store import RowWrite, Store
from desktop.store.connection import connect
from desktop.store.page_cache import BULK_WRITE_CHANGES, SYNC_CACHE_KIB
from desktop.store.tables import SYNCED
from desktop.sync.apply import apply_all
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.publish import publish
from desktop.sync.station import SyncKeys, approve_device, init_share, request_enrollment

BENCH_PASSWORD = "bench-password-1"  # the generated ward's account: no real one


def field_changes(store: Store) -> int:
    return sum(len(SYNCED[t].fields) * store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
               for t in SYNCED)


def new_key(encrypted: bool) -> bytes | None:
    return os.urandom(32) if encrypted else None


def raw_baseline(source: Store, target: Path, encrypted: bool) -> float:
    rows = {t: source.conn.execute(f"SELECT * FROM {t}").fetchall() for t in SYNCED}
    key = new_key(encrypted)
    Store.open(target, create=True, key=key).close()  # the same tables, made as the app makes them
    conn = connect(target, key)  # the baseline bypasses the write path (and its table guard) on purpose
    try:
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        for table, values in rows.items():
            if values:
                marks = ",".join("?" * len(values[0]))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def bench_apply(scratch: Path, encrypted: bool, rounds: int, households: int = 1700, snapshot: bool = True) -> None:
    """Each round applies the same changeset to a fresh laptop and runs the baseline into a fresh file, so the
    ratio printed is of two medians measured side by side (the machine's noise hits both). The laptop applies it
    as a sync does: read from the share, checked, screened against the sender's rights, inserted, indexed."""
    share = FolderShare(scratch / f"share-{households}")
    with Store.open(scratch / f"a-{households}.db", create=True, key=new_key(encrypted)) as a:
        keys_a = SyncKeys(Ed25519PrivateKey.generate())
        init_share(share, a.device_id, keys_a)
        generate_demo_ward(a, DemoSize(households=households, visits_per_household=2, seed=3))
        changes = field_changes(a)
        roster = share.station()
        publish(a, share, keys_a, roster["station"], 1)
        applies, baselines = [], []
        for round_ in range(rounds):
            baselines.append(raw_baseline(a, scratch / f"raw{households}-{round_}.db", encrypted))
            with Store.open(scratch / f"b{households}-{round_}.db", create=True, key=new_key(encrypted)) as b:
                keys_b = SyncKeys(Ed25519PrivateKey.generate())
                request_enrollment(share, b.device_id, keys_b, f"b{round_}")
                approve_device(share, b.device_id, keys_a)
                keys_b.data_keys[1] = keys_a.data_keys[1]
                fold_cache_clear()  # as in a laptop's fresh process: generating the ward here warmed it
                started = time.perf_counter()
                report = apply_all(b, share, keys_b)
                applies.append(time.perf_counter() - started)
                assert not report.errors, report.errors
                assert b.conn.execute("SELECT count(*) FROM search_doc").fetchone()[0] == households
            for name in (f"raw{households}-{round_}.db", f"b{households}-{round_}.db"):
                for suffix in ("", "-wal", "-shm"):
                    (scratch / f"{name}{suffix}").unlink(missing_ok=True)
        seconds, baseline = statistics.median(applies), statistics.median(baselines)
        ratios = sorted(base / applied for base, applied in zip(baselines, applies, strict=True))
        print(f"apply {changes:,} field changes ({households:,} households, {sum(report.applied.values())} "
              f"changesets), median of {rounds}: {seconds:.2f} s ({changes / seconds:,.0f} fields/s); raw "
              f"executemany of the same rows {baseline:.2f} s; throughput ratio {baseline / seconds:.2f}x (rounds "
              f"{ratios[0]:.2f}x to {ratios[-1]:.2f}x; target >= 0.5x)", flush=True)
        if snapshot:
            bench_snapshot(scratch, share, a, keys_a, seconds, encrypted)


def bench_snapshot(scratch: Path, share: FolderShare, source: Store, source_keys: SyncKeys, applying: float,
                   encrypted: bool) -> None:
    """Time, then Python's peak memory (a second run under tracemalloc), of writing a snapshot and of a new
    laptop starting from it, beside the size of the snapshot file: the file is streamed, never held whole."""
    from desktop.sync.snapshot import bootstrap, snapshot_ids, write_snapshot

    def new_laptop(name: str) -> tuple[Store, SyncKeys]:
        store = Store.open(scratch / f"{name}.db", create=True, key=new_key(encrypted))
        keys = SyncKeys(Ed25519PrivateKey.generate())
        request_enrollment(share, store.device_id, keys, name)
        approve_device(share, store.device_id, source_keys)
        return store, keys

    started = time.perf_counter()
    write_snapshot(source, share, source_keys)
    writing = time.perf_counter() - started
    size = (scratch / "share" / "snapshots" / f"{snapshot_ids(share)[-1]}.snap").stat().st_size
    c, keys_c = new_laptop("c")
    started = time.perf_counter()
    bootstrap(c, share, keys_c)
    loading = time.perf_counter() - started
    c.close()
    d, keys_d = new_laptop("d")
    tracemalloc.start()
    write_snapshot(source, share, source_keys)
    writing_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    bootstrap(d, share, keys_d)
    loading_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    d.close()
    mib = 1 << 20
    print(f"snapshot of the same ward ({size / mib:.1f} MiB): written in {writing:.2f} s, peak Python memory "
          f"{writing_peak / mib:.1f} MiB; a new laptop starts from it in {loading:.2f} s, peak "
          f"{loading_peak / mib:.1f} MiB (applying the changesets: {applying:.2f} s)")


def bench_big_snapshot(scratch: Path, ward: Path) -> None:
    """A snapshot of a copy of a large plain ward (e.g. the 50k-household ward of bench_ui.py): time and Python's
    peak memory of writing it and of a new laptop starting from it."""
    import shutil

    from desktop.sync.snapshot import bootstrap, snapshot_ids, write_snapshot

    copy = scratch / "ward.db"
    shutil.copyfile(ward, copy)
    share = FolderShare(scratch / "big-share")
    mib = 1 << 20
    with Store.open(copy) as source, Store.open(scratch / "big-new.db", create=True) as fresh:
        keys, fresh_keys = SyncKeys(Ed25519PrivateKey.generate()), SyncKeys(Ed25519PrivateKey.generate())
        init_share(share, source.device_id, keys)
        request_enrollment(share, fresh.device_id, fresh_keys, "new")
        approve_device(share, fresh.device_id, keys)
        tracemalloc.start()
        started = time.perf_counter()
        write_snapshot(source, share, keys)
        writing, writing_peak = time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        started = time.perf_counter()
        bootstrap(fresh, share, fresh_keys)
        loading, loading_peak = time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    size = (scratch / "big-share" / "snapshots" / f"{snapshot_ids(share)[-1]}.snap").stat().st_size
    print(f"snapshot of {ward.name} ({size / mib:.0f} MiB): written in {writing:.1f} s, peak Python memory "
          f"{writing_peak / mib:.1f} MiB; a new laptop starts from it in {loading:.1f} s, peak "
          f"{loading_peak / mib:.1f} MiB (times under tracemalloc)")


EDITED = ("street", "phone", "notes")


def raw_update(path: Path, key: bytes | None, edits: list[tuple[str, ...]], cache_kib: int | None) -> float:
    """Seconds of a raw executemany UPDATE of `edits` (values then id) into a copy of the merging laptop's
    database, bypassing the write path on purpose; with `cache_kib`, under the page cache a sync round uses."""
    conn = connect(path, key)
    os.sync()  # as before the merge: no other file's writing to disk under way
    try:
        if cache_kib is not None:
            conn.execute(f"PRAGMA cache_size = {-cache_kib}")
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(f"UPDATE households SET {', '.join(f'{name} = ?' for name in EDITED)} WHERE id = ?", edits)
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def bench_merge(scratch: Path, encrypted: bool, households: int, rounds: int, statements: bool = False) -> None:
    """Each round: a fresh laptop B takes A's ward (first sync), A edits `EDITED` on every household, and B applies
    that changeset (timed) beside the raw baseline into a copy of B's database taken just before (timed).
    With `statements`, the last round's apply is made once more on a copy of B taken before it, each SQL statement
    timed (not counted in the figures)."""
    share = FolderShare(scratch / "merge-share")
    with Store.open(scratch / "merge-a.db", create=True, key=new_key(encrypted)) as a:
        keys_a = SyncKeys(Ed25519PrivateKey.generate())
        init_share(share, a.device_id, keys_a)
        generate_demo_ward(a, DemoSize(households=households, visits_per_household=0, seed=5))
        # A's edits are made as the app makes them: by an account logged in (whose rights the write path checks on
        # every change, beside the laptop's own), each write audited.
        create_first_admin(a, "admin", "Quản trị viên", BENCH_PASSWORD)
        login(a, "admin", BENCH_PASSWORD)
        audit.install(a)
        station = share.station()["station"]
        publish(a, share, keys_a, station, 1)
        ids = [row[0] for row in a.conn.execute("SELECT id FROM households ORDER BY id")]
        merges, baselines, cached_baselines, locals_ = [], [], [], []
        for round_ in range(rounds):
            key = new_key(encrypted)
            with Store.open(scratch / f"merge-b{round_}.db", create=True, key=key) as b:
                keys_b = SyncKeys(Ed25519PrivateKey.generate())
                request_enrollment(share, b.device_id, keys_b, f"mb{round_}")
                approve_device(share, b.device_id, keys_a)
                keys_b.data_keys[1] = keys_a.data_keys[1]
                assert not apply_all(b, share, keys_b).errors
                edits = [(f"Đường số {round_}-{i}", f"09{round_}{i:08d}", f"Ghi chú {round_} {i}", row_id)
                         for i, row_id in enumerate(ids)]
                started = time.perf_counter()
                a.writer.write([RowWrite("households", row_id, "update", dict(zip(EDITED, values, strict=True)))
                                for *values, row_id in edits])
                locals_.append(time.perf_counter() - started)
                publish(a, share, keys_a, station, 1)
                b.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                for copy in ("raw", "raw-cache", "statements"):
                    shutil.copyfile(scratch / f"merge-b{round_}.db", scratch / f"merge-{copy}{round_}.db")
                os.sync()  # writing the baselines' copies to disk is not the merge's work: done before it is timed
                started = time.perf_counter()
                report = apply_all(b, share, keys_b)
                merges.append(time.perf_counter() - started)
                assert not report.errors, report.errors
                assert report.applied, "B applied none of A's edits"
            if statements and round_ == rounds - 1:
                with Store.open(scratch / f"merge-statements{round_}.db", key=key) as copy:
                    started = time.perf_counter()
                    with timed_statements(copy) as times:
                        assert not apply_all(copy, share, keys_b).errors
                    print("B's apply of the last round again, each statement timed:")
                    print_statements(times, time.perf_counter() - started)
            baselines.append(raw_update(scratch / f"merge-raw{round_}.db", key, edits, None))
            cached_baselines.append(raw_update(scratch / f"merge-raw-cache{round_}.db", key, edits, SYNC_CACHE_KIB))
    fields = households * len(EDITED)
    seconds, baseline = statistics.median(merges), statistics.median(baselines)
    ratios = sorted(merged / base for base, merged in zip(baselines, merges, strict=True))
    print(f"merge of edits, {households:,} households x {len(EDITED)} fields, median of {rounds}: {seconds:.2f} s "
          f"({seconds / fields * 1e6:.1f} us per field change); raw executemany UPDATE of the same rows "
          f"{baseline:.3f} s; ratio {seconds / baseline:.1f}x (rounds {ratios[0]:.1f}x to {ratios[-1]:.1f}x; "
          f"target <= 5x)")
    cached = statistics.median(cached_baselines)
    print(f"  (the raw UPDATE with the {SYNC_CACHE_KIB // 1024} MiB page cache the merge uses: {cached:.3f} s; "
          f"the merge is {seconds / cached:.1f}x that)")
    local = statistics.median(locals_)
    print(f"the same edits made on laptop A through the write path (rights, clocks, outbox, audit, search index): "
          f"{local:.2f} s ({local / fields * 1e6:.1f} us per field change); {local / baseline:.1f}x the raw UPDATE "
          f"({local / cached:.1f}x the raw UPDATE with the {SYNC_CACHE_KIB // 1024} MiB cache a write of "
          f"{BULK_WRITE_CHANGES:,}+ changes uses)")


def bench_idle(scratch: Path, devices: int = 50) -> None:
    share = FolderShare(scratch / "idle")
    stores = [Store.open(scratch / f"d{i}.db", create=True) for i in range(devices)]
    keys = [SyncKeys(Ed25519PrivateKey.generate()) for _ in stores]
    init_share(share, stores[0].device_id, keys[0])
    for store, key in zip(stores[1:], keys[1:], strict=True):
        request_enrollment(share, store.device_id, key, "x")
        approve_device(share, store.device_id, keys[0])
    for round_ in range(3):
        for store, key in zip(stores, keys, strict=True):
            store.writer.insert("areas", {"name": f"KP {round_}"})
            sync_once(store, share, key)
    me, my_keys = stores[0], keys[0]
    sync_once(me, share, my_keys)  # now fully up to date
    timings, listings = [], []
    for _ in range(20):
        started = time.perf_counter()
        sync_once(me, share, my_keys)
        timings.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        for device in os.listdir(scratch / "idle" / "devices"):
            os.listdir(scratch / "idle" / "devices" / device)
        listings.append((time.perf_counter() - started) * 1000)
    idle, listing = statistics.median(timings), statistics.median(listings)
    print(f"sync with nothing new, {devices} device folders: median {idle:.1f} ms "
          f"(listing the folders: {listing:.2f} ms; target <= 50 ms)")
    for store in stores:
        store.close()


def _share_size(root: Path) -> tuple[int, int]:
    """(bytes, changeset files) on the share."""
    files = [path for path in root.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), sum(1 for path in files if path.suffix == ".chg")


def bench_year(scratch: Path, encrypted: bool, households: int, days: int, laptops: int = 4) -> None:
    """A year of a ward's changes, then a compaction: see the module docstring (5)."""
    import random
    import uuid

    from desktop.sync.compaction import compact

    root = scratch / "year"
    share = FolderShare(root)
    opened: list[tuple[Store, SyncKeys]] = []

    def join(name: str) -> tuple[Store, SyncKeys]:
        store = Store.open(scratch / f"year-{name}.db", create=True, key=new_key(encrypted))
        keys = SyncKeys(Ed25519PrivateKey.generate())
        if opened:
            request_enrollment(share, store.device_id, keys, name)
            approve_device(share, store.device_id, opened[0][1])
        else:
            init_share(share, store.device_id, keys)
        opened.append((store, keys))
        return store, keys

    started = time.perf_counter()
    admin, admin_keys = join("admin")
    generate_demo_ward(admin, DemoSize(households=households, visits_per_household=0.5, seed=11))
    for number in range(1, laptops):
        join(f"officer{number}")
    for store, keys in opened:
        sync_once(store, share, keys)
    rng = random.Random(11)
    ids = [row[0] for row in admin.conn.execute("SELECT id FROM households ORDER BY id")]
    visits_a_day = max(2, households // 400)  # a 20k ward: 50 visits a day per laptop
    for day in range(days):
        for index, (store, keys) in enumerate(opened):
            batch = [RowWrite("visits", str(uuid.uuid4()), "insert", {
                "household_id": rng.choice(ids), "visited_at": f"2026-{1 + day * 12 // days:02d}-{1 + day % 28:02d}",
                "purposes": "welfare_check", "outcome": "met",
                "findings": f"Thăm ngày {day}, lần {n}"}) for n in range(visits_a_day)]
            batch += [RowWrite("households", rng.choice(ids), "update", {"phone": f"09{day:03d}{index}{n:04d}"})
                      for n in range(visits_a_day // 5 + 1)]
            store.writer.write(batch)
            sync_once(store, share, keys)
    for store, keys in opened:  # everyone has everything, and says so
        sync_once(store, share, keys)
    making = time.perf_counter() - started
    size, files = _share_size(root)
    fresh, fresh_keys = join("fresh-before")
    started = time.perf_counter()
    sync_once(fresh, share, fresh_keys)
    start_before = time.perf_counter() - started
    started = time.perf_counter()
    plan = compact(admin, share, admin_keys)
    compacting = time.perf_counter() - started
    size_after, files_after = _share_size(root)
    late, late_keys = join("fresh-after")
    started = time.perf_counter()
    sync_once(late, share, late_keys)
    start_after = time.perf_counter() - started
    assert late.conn.execute("SELECT COUNT(*) FROM visits").fetchone() == \
        admin.conn.execute("SELECT COUNT(*) FROM visits").fetchone()
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        sync_once(admin, share, admin_keys)
        timings.append((time.perf_counter() - started) * 1000)
    mib = 1 << 20
    print(f"a year ({days} working days) of a {households:,}-household ward, {laptops} laptops "
          f"(made in {making:.0f} s): share {size / mib:.1f} MiB in {files:,} changesets; a fresh laptop's "
          f"first sync {start_before:.2f} s")
    print(f"after `share compact` ({compacting:.2f} s, {len(plan.files):,} changesets removed): share "
          f"{size_after / mib:.1f} MiB in {files_after:,} changesets; a fresh laptop's first sync {start_after:.2f} s "
          f"(from the base snapshot); sync with nothing new {statistics.median(timings):.1f} ms")
    for store, _ in opened:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--encrypted", action="store_true", help="SQLCipher databases, as the app keeps them")
    parser.add_argument("--snapshot-of", type=Path, metavar="WARD_DB",
                        help="also snapshot a copy of this large plain ward database (memory stays flat)")
    parser.add_argument("--rounds", type=int, default=5, help="apply rounds; the median is printed")
    parser.add_argument("--merge-rows", type=int, default=10_000, metavar="N",
                        help="households edited for the merge round (100000 for the budget's size)")
    parser.add_argument("--only-merge", action="store_true", help="run the merge round only")
    parser.add_argument("--statements", action="store_true",
                        help="also time each SQL statement of the merge round's last apply (on a copy, not counted)")
    parser.add_argument("--first-sync", type=int, nargs="+", default=[], metavar="N",
                        help="also a whole ward's first sync at these numbers of households (10000 50000)")
    parser.add_argument("--only-first-sync", action="store_true", help="run the --first-sync rounds only")
    parser.add_argument("--year-households", type=int, default=20_000, metavar="N",
                        help="households of the year-of-changes round (2000 for a quicker run)")
    parser.add_argument("--year-days", type=int, default=250, metavar="N", help="working days of that year")
    parser.add_argument("--only-year", action="store_true", help="run the year-of-changes round only")
    args = parser.parse_args()
    # Every database of a run lives here and goes with it: a 100k merge round alone leaves 3 GB behind.
    with tempfile.TemporaryDirectory(prefix="wardbook-bench-sync-") as folder:
        run(args, Path(folder))


def run(args: argparse.Namespace, scratch: Path) -> None:
    print(f"databases: {'SQLCipher (encrypted)' if args.encrypted else 'plain SQLite'}")
    for households in args.first_sync:
        bench_apply(scratch, args.encrypted, min(args.rounds, 3), households, snapshot=False)
    if args.only_first_sync:
        return
    if args.only_year:
        bench_idle(scratch)
        bench_year(scratch, args.encrypted, args.year_households, args.year_days)
        return
    if not args.only_merge:
        bench_apply(scratch, args.encrypted, args.rounds)
        bench_idle(scratch)
    bench_merge(scratch, args.encrypted, args.merge_rows, min(args.rounds, 3), args.statements)
    if not args.only_merge:
        bench_year(scratch, args.encrypted, args.year_households, args.year_days)
    if args.snapshot_of:
        bench_big_snapshot(scratch, args.snapshot_of)


if __name__ == "__main__":
    main()
