"""Hypothesis stateful simulation of a station: three laptops with real SQLite files, their own wrong clocks,
random edits and syncs in random orders through a real folder that misbehaves (tests/sync_faults.py).

After the faults stop and the calm sync rounds:
- every laptop still syncing holds the same synced content;
- that content equals an oracle folded, per field by (HLC, device) last-writer-wins, from every edit any
  laptop committed (each laptop's outbox: the write path puts every local change there with its stamp);
- every committed edit is the winning value, or was knowingly overwritten (a later edit was made on a laptop
  whose copy of that field carried this edit's stamp, or the stamp of a later write of the same value), or is
  recorded as lost in the `conflicts` of both the laptop that made it and the laptop whose value won (a
  revoked laptop, which syncs no more, aside); two deletes of one record are no loss.

What happens to the share besides: one of a laptop's files copied under its next number, a file damaged for
good on the share (its laptop writes it again), the admin revoking the third laptop mid-run (its files published
before stay valid; what it makes after never reaches anyone and is left out of the oracle), and the admin
compacting the share mid-run (sometimes leaving a laptop behind, which then catches up from the base snapshot).
The calm rounds at the end go on until no laptop reports a problem (a damaged file is found by its laptop's
rotating check, a few files per sync), at most `CALM_ROUNDS`.

Laptops have roles, bound to them in the signed roster: laptop 0 is the station admin's, laptops 1 and 2 are
officers'. An officer may record and edit their own visits only (the write path refuses others' locally), and an
officer's laptop also forges changes it may not make straight into its outbox (an account, another device's
audit entry, another officer's visit, a value of the wrong type): every other laptop must refuse each of them
(`refused_changes`; a laptop that caught up from a base snapshot never read them), and none may reach any
laptop's content.

Examples: 40 by default (well under a minute here); WARDBOOK_SIM_EXAMPLES=300 for a longer local run. The same
station also runs on a real Samba share on loopback where one can be started (tests/samba_server.py; as root):
WARDBOOK_SIM_SMB_EXAMPLES, 10 by default. The suite draws the same examples at every run (a red build means
the change broke them, never that a rare case came up by chance); WARDBOOK_SIM_RANDOM=1 draws fresh ones, as a
long local run should (issue 20's note lists what such runs found still open).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import samba_server
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test
from sync_faults import Crash, FaultyTransport

from desktop.errors import WardbookError
from desktop.store import Store
from desktop.store.tables import SYNCED
from desktop.sync.changeset import InvalidChangeset, file_name
from desktop.sync.compaction import compact
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.merge import ALL_FIELDS
from desktop.sync.rebase import behind_base
from desktop.sync.station import SyncKeys, approve_device, init_share, request_enrollment, revoke_device
from desktop.sync.transport import LocalTransport, SmbTransport

DEVICES = 3
REVOCABLE = 2  # the laptop the admin may revoke mid-run
CALM_ROUNDS = 40
START_MS = 1_790_000_000_000
MINUTE = 60_000
Stamp = tuple[int, str]

VALUES: dict[str, dict[str, list[Any]]] = {
    "households": {
        "street": ["Lê Lợi", "Hẻm 12 Trần Hưng Đạo", "Đường Số 3"],
        "phone": ["0901234567", "0283456789", None],
        "flag_poor": [0, 1],
        "notes": ["Cụ ở một mình", "Đã chuyển đi", None],
    },
    "people": {
        "full_name": ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Đức"],
        "birth_year": [1948, 1990, None],
        "phone": ["0912000111", None],
    },
    "visits": {
        "findings": ["ổn định", "cần hỗ trợ gạo", None],
        "outcome": ["met", "not_home", "refused"],
        "follow_up_done_at": ["2026-05-02", None],
    },
}
FAULTS = ["none", "before_rename", "after_rename", "truncate", "flip", "offline", "stale", "shuffle"]


class SMB:
    """Where the run on SMB finds its Samba share (None: the simulation runs on a local folder)."""

    url: str | None = None
    served: Path = Path()


class Laptop:
    """One laptop: its own database file, its keys, and a wall clock the simulation controls."""

    def __init__(self, path: Path, share: FolderShare, clock: Any, device_id: str) -> None:
        self.path = path
        self.share = share
        self.clock = clock
        self.keys = SyncKeys(Ed25519PrivateKey.generate())
        with Store.open(path, create=True) as store:  # a fixed device id, so ties break the same way each replay
            store.conn.execute("UPDATE device SET device_id = ?", (device_id,))
        self.store = self._open()

    def _open(self) -> Store:
        store = Store.open(self.path, create=True)
        store.writer.clock.now_ms = self.clock
        return store

    def restart(self) -> None:
        """After a crash: the process is gone, the next one opens the database file afresh."""
        self.store.close()
        self.store = self._open()

    @property
    def device(self) -> str:
        return self.store.device_id


def content(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(store.conn.execute(f"SELECT id, deleted_hlc, {', '.join(s.fields)} FROM {t}").fetchall(),
                      key=repr) for t, s in SYNCED.items()}


def _user(index: int) -> str:
    return f"user-{index}"


def _grant(index: int) -> dict[str, Any]:
    """Laptop 0 is the station admin's; the others are officers'."""
    return {"from_seq": 1, "user_id": _user(index), "username": f"canbo{index}",
            "role": "admin" if index == 0 else "officer"}


Forgery = Any  # (new id, another officer's visit, an audit entry, a household) -> (table, row id, op, fields) | None
FORGERIES: dict[str, Forgery] = {
    "make_admin": lambda new, visit, entry, household: ("users", new, "insert",
                                                        {"username": "ke-gian", "role": "admin", "active": 1}),
    "foreign_audit": lambda new, visit, entry, household: ("audit_log", new, "insert",
                                                           {"device_id": "device-0", "seq": 99, "action": "login"}),
    "edit_audit": lambda new, visit, entry, household: entry and ("audit_log", entry, "update", {"action": "view"}),
    "others_visit": lambda new, visit, entry, household: visit and ("visits", visit, "update", {"findings": "sửa"}),
    "visit_for_another": lambda new, visit, entry, household: household and (
        "visits", new, "insert", {"household_id": household, "officer_id": "user-0", "outcome": "met"}),
    "wrong_type": lambda new, visit, entry, household: household and ("households", household, "update",
                                                                      {"flag_poor": "có"}),
}


class Station(RuleBasedStateMachine):
    @initialize(seed=st.integers(0, 2**32 - 1))
    def start(self, seed: int) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="wardbook-sim-"))
        if SMB.url is None:
            self.share_root = self.folder / "share"
            inner: Any = LocalTransport(self.share_root)
        else:  # the same station on a real Samba share; the folder behind it is where damage is done
            name = f"sim-{self.folder.name}"
            self.share_root = SMB.served / name
            self.share_root.mkdir()
            inner = SmbTransport(f"{SMB.url}/{name}")
        self.faults = FaultyTransport(inner, random.Random(seed))
        share = FolderShare(self.faults)
        self.now = START_MS
        self.skew = [0] * DEVICES
        self.laptops = [Laptop(self.folder / f"laptop{i}.db", share, self._clock(i), f"device-{i}")
                        for i in range(DEVICES)]
        self.made = 0  # row ids are made here, not random, so Hypothesis can replay an example exactly
        admin = self.laptops[0]
        for index in range(DEVICES):  # the accounts the laptops are enrolled for (no passwords: no login needed)
            grant = _grant(index)
            admin.store.writer.insert("users", {"username": grant["username"], "role": grant["role"], "active": 1},
                                      grant["user_id"])
        init_share(share, admin.device, admin.keys, grant=_grant(0))
        for index, laptop in enumerate(self.laptops[1:], start=1):
            request_enrollment(share, laptop.device, laptop.keys, laptop.path.stem)
            approve_device(share, laptop.device, admin.keys, _grant(index))
        self.forged: set[tuple[str, int]] = set()  # (device, outbox seq) of the changes forged by officers
        self.refused_locally = 0
        # (device, outbox seq) -> the stamps the edited fields carried on that laptop just before the edit.
        self.prior: dict[tuple[str, int], dict[str, Stamp]] = {}
        self.sync_failures = 0
        self.revoked_after: int | None = None  # the last outbox entry of the revoked laptop that reached the share
        self.compactions = 0
        self.caught_up: set[str] = set()  # laptops that caught up from a base snapshot
        area = admin.store.writer.insert("areas", {"name": "Khu phố 1"}, self._new_id("area"))
        for number in ("1", "2"):
            self._write(0, lambda s, n=number: s.writer.insert("households", {
                "code": f"HK{n}", "area_id": area, "house_no": n, "street": "Lê Lợi"}, self._new_id("hh")))
        for _ in range(2):
            for index in range(DEVICES):
                self.sync(index, "none")

    def _new_id(self, kind: str) -> str:
        self.made += 1
        return f"{kind}-{self.made:04d}"

    def _clock(self, index: int) -> Any:
        return lambda: self.now + self.skew[index]

    def _alive(self, index: int, table: str) -> list[str]:
        return [row[0] for row in self.laptops[index].store.conn.execute(
            f"SELECT id FROM {table} WHERE deleted_hlc IS NULL ORDER BY id")]

    def _write(self, index: int, action: Any, table: str | None = None, row_id: str | None = None) -> None:
        """Run one local write and remember, for each outbox entry it made, what the fields carried before."""
        store = self.laptops[index].store
        before: dict[str, Stamp] = {}
        if row_id is not None:
            before = {field: (hlc, device) for field, hlc, device in store.conn.execute(
                "SELECT field, hlc, device_id FROM field_clock WHERE tbl = ? AND row_id = ?", (table, row_id))}
            created = store.conn.execute(f"SELECT created_hlc, created_device FROM {table} WHERE id = ?",
                                         (row_id,)).fetchone()
            if created is not None and created[0] is not None:
                before[ALL_FIELDS] = created
        last = store.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM outbox").fetchone()[0]
        try:
            action(store)
        except WardbookError as error:
            if error.msg_id != "security.write_refused":
                raise
            self.refused_locally += 1  # an officer's edit of another officer's visit: nothing is written
            return
        for (seq,) in store.conn.execute("SELECT seq FROM outbox WHERE seq > ?", (last,)):
            self.prior[(store.device_id, seq)] = before

    # Clocks: time passes for everyone; one laptop's clock is wrong or jumps back (dead CMOS battery).
    @rule(ms=st.integers(0, 5 * MINUTE))
    def time_passes(self, ms: int) -> None:
        self.now += ms

    @rule(index=st.integers(0, DEVICES - 1),
          skew=st.sampled_from([0, -3 * MINUTE, 7 * MINUTE, -24 * 60 * MINUTE, 30 * MINUTE, -1]))
    def clock_is_wrong(self, index: int, skew: int) -> None:
        self.skew[index] = skew

    # Work people do.
    @rule(index=st.integers(0, DEVICES - 1), street=st.sampled_from(VALUES["households"]["street"]))
    def create_household(self, index: int, street: str) -> None:
        self._write(index, lambda s: s.writer.insert("households", {"code": "HK", "street": street},
                                                                self._new_id("hh")))

    @rule(index=st.integers(0, DEVICES - 1), pick=st.integers(0, 20),
          name=st.sampled_from(VALUES["people"]["full_name"]))
    def create_person(self, index: int, pick: int, name: str) -> None:
        households = self._alive(index, "households")
        if households:
            household = households[pick % len(households)]
            self._write(index, lambda s: s.writer.insert("people", {"household_id": household, "full_name": name},
                                                         self._new_id("person")))

    @rule(index=st.integers(0, DEVICES - 1), pick=st.integers(0, 20))
    def record_visit(self, index: int, pick: int) -> None:
        households = self._alive(index, "households")
        if households:
            household = households[pick % len(households)]
            self._write(index, lambda s: s.writer.insert("visits", {
                "household_id": household, "visited_at": "2026-05-01", "purposes": "welfare_check",
                "outcome": "met", "officer_id": _user(index)}, self._new_id("visit")))

    @rule(index=st.integers(0, DEVICES - 1), table=st.sampled_from(sorted(VALUES)), pick=st.integers(0, 20),
          data=st.data())
    def edit(self, index: int, table: str, pick: int, data: st.DataObject) -> None:
        rows = self._alive(index, table)
        if rows:
            row = rows[pick % len(rows)]
            field = data.draw(st.sampled_from(sorted(VALUES[table])))
            value = data.draw(st.sampled_from(VALUES[table][field]))
            self._write(index, lambda s: s.writer.update(table, row, {field: value}), table, row)

    @rule(index=st.integers(0, DEVICES - 1), table=st.sampled_from(sorted(VALUES)), pick=st.integers(0, 20))
    def delete(self, index: int, table: str, pick: int) -> None:
        rows = self._alive(index, table)
        if rows:
            row = rows[pick % len(rows)]
            self._write(index, lambda s: s.writer.delete(table, row), table, row)

    @rule(index=st.integers(1, DEVICES - 1), kind=st.sampled_from(sorted(FORGERIES)), pick=st.integers(0, 20))
    def forge(self, index: int, kind: str, pick: int) -> None:
        """The officer writes a change they may not make straight into their laptop's outbox (they hold its
        database key and the core), as the write path would have stamped it."""
        store = self.laptops[index].store
        visits = [row_id for row_id, officer in store.conn.execute("SELECT id, officer_id FROM visits ORDER BY id")
                  if officer != _user(index)]
        audit = [row[0] for row in store.conn.execute("SELECT id FROM audit_log ORDER BY id")]
        households = self._alive(index, "households")
        change = FORGERIES[kind](self._new_id("forged"), visits[pick % len(visits)] if visits else None,
                                 audit[pick % len(audit)] if audit else None,
                                 households[pick % len(households)] if households else None)
        if change is None:
            return
        table, row_id, op, fields = change
        hlc = store.writer.clock.tick()
        with store.transaction():
            cursor = store.conn.execute("INSERT INTO outbox (tbl, row_id, op, hlc, fields) VALUES (?, ?, ?, ?, ?)",
                                        (table, row_id, op, hlc, json.dumps(fields)))
            store.conn.execute("UPDATE device SET hlc_last = ?", (store.writer.clock.last,))
        self.forged.add((store.device_id, int(cursor.lastrowid or 0)))

    # Syncing, with whatever goes wrong on the way.
    @rule(index=st.integers(0, DEVICES - 1), fault=st.sampled_from(FAULTS), after=st.integers(0, 12))
    def sync(self, index: int, fault: str, after: int = 0) -> None:
        laptop = self.laptops[index]
        if fault in ("before_rename", "after_rename"):
            self.faults.crash = fault
        elif fault in ("truncate", "flip"):
            self.faults.damage = fault
        elif fault == "offline":
            self.faults.offline_after = after
        elif fault == "stale":
            self.faults.stale = True
        elif fault == "shuffle":
            self.faults.shuffle = True
        try:
            self._sync_once(laptop)
        except Crash:
            self.sync_failures += 1
            laptop.restart()
        except (WardbookError, OSError, InvalidChangeset):
            self.sync_failures += 1
        finally:
            self.faults.calm()

    # What happens to the share besides.
    def _device_folder(self, index: int) -> Path:
        return self.share_root / "devices" / self.laptops[index].device

    @rule(index=st.integers(0, DEVICES - 1), pick=st.integers(0, 20))
    def copied_to_next_number(self, index: int, pick: int) -> None:
        """Someone copies one of a laptop's files under its next number (signed by it, but not its file)."""
        folder = self._device_folder(index)
        numbers = sorted(int(path.stem) for path in folder.glob("*.chg")) if folder.exists() else []
        if numbers:
            shutil.copy(folder / file_name(numbers[pick % len(numbers)]), folder / file_name(numbers[-1] + 1))

    @rule(index=st.integers(0, DEVICES - 1), pick=st.integers(0, 20), where=st.integers(0, 2**16))
    def damaged_for_good(self, index: int, pick: int, where: int) -> None:
        """A byte of a file on the share flipped for good (a bad disk, a virus scanner): its laptop writes it again.
        Not a revoked laptop's: it syncs no more, so nobody could repair it."""
        if index == REVOCABLE and self.revoked_after is not None:
            return
        folder = self._device_folder(index)
        paths = sorted(folder.glob("*.chg")) if folder.exists() else []
        if paths:
            path = paths[pick % len(paths)]
            data = bytearray(path.read_bytes())
            data[where % len(data)] ^= 0x20
            path.write_bytes(bytes(data))

    @rule(draw=st.integers(0, 3))
    def revoke(self, draw: int) -> None:
        """The admin revokes the third laptop (lost) once its files on the share are intact, as they are when it
        last synced calmly: a damaged one could never be repaired by it after. Drawn one time in four, so most
        runs keep three laptops working for a while."""
        if self.revoked_after is not None or draw:
            return
        laptop = self.laptops[REVOCABLE]
        self.faults.calm()
        try:
            self._sync_once(laptop)
        except (WardbookError, OSError, InvalidChangeset):
            return
        recorded = dict(laptop.store.conn.execute("SELECT seq, sha256 FROM published_files"))
        folder = self._device_folder(REVOCABLE)
        on_share = {int(path.stem): hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.glob("*.chg")}
        if on_share != {seq: digest for seq, digest in recorded.items() if seq in on_share} or \
                set(recorded) - set(on_share):
            return
        admin = self.laptops[0]
        try:  # the revocation keeps what the admin's laptop has applied: it applies the lost laptop's files first
            self._sync_once(admin)
        except (WardbookError, OSError, InvalidChangeset):
            return
        applied = admin.store.conn.execute("SELECT last_seq FROM applied WHERE device_id = ?",
                                           (laptop.device,)).fetchone()
        if (applied[0] if applied else 0) != int(laptop.store.setting("sync.published_seq", "0") or 0):
            return
        revoke_device(self.laptops[0].share, laptop.device, self.laptops[0].keys, self.laptops[0].store)
        self.revoked_after = laptop.store.conn.execute(  # what its files carried, removed by a compaction or not
            "SELECT COALESCE(MAX(seq), 0) FROM outbox WHERE published_seq IS NOT NULL").fetchone()[0]

    @rule(leave_behind=st.sampled_from([None, 1, REVOCABLE]), draw=st.integers(0, 2))
    def compaction(self, leave_behind: int | None, draw: int) -> None:
        """The admin syncs, then compacts, sometimes leaving a laptop behind (drawn one time in three: a
        compaction at every other step would leave little to compact)."""
        if draw:
            return
        admin = self.laptops[0]
        behind = [] if leave_behind is None or self._revoked(leave_behind) else [self.laptops[leave_behind].device]
        self.faults.calm()
        try:
            self._sync_once(admin)
            compact(admin.store, admin.share, admin.keys, behind)
        except (WardbookError, OSError, InvalidChangeset):
            self.sync_failures += 1
            return
        self.compactions += 1

    def _sync_once(self, laptop: Laptop) -> Any:
        """One sync of `laptop`, noting whether it had to catch up from the base snapshot (it then never reads the
        removed files, nor refuses the forged changes in them: they reach its content no more than anyone's)."""
        if behind_base(laptop.store, json.loads((self.share_root / "station.json").read_text())):
            self.caught_up.add(laptop.device)
        return sync_once(laptop.store, laptop.share, laptop.keys)

    def _revoked(self, index: int) -> bool:
        return index == REVOCABLE and self.revoked_after is not None

    @rule(order=st.permutations(range(DEVICES)))
    def everyone_syncs(self, order: list[int]) -> None:
        for index in order:
            self.sync(index, "none")

    @rule(index=st.integers(0, DEVICES - 1), other=st.integers(0, DEVICES - 1))
    def files_come_again(self, index: int, other: int) -> None:
        """Duplicate delivery: this laptop forgets how far it applied another's files and gets them all again."""
        laptop = self.laptops[index]
        with laptop.store.transaction():
            laptop.store.conn.execute("DELETE FROM applied WHERE device_id = ?", (self.laptops[other].device,))

    def teardown(self) -> None:
        try:
            if hasattr(self, "laptops"):
                self._check()
        finally:
            for laptop in getattr(self, "laptops", []):
                laptop.store.close()
            if hasattr(self, "folder"):
                shutil.rmtree(self.folder, ignore_errors=True)
            if hasattr(self, "share_root"):
                shutil.rmtree(self.share_root, ignore_errors=True)

    def _check(self) -> None:
        self.faults.calm()
        active = [laptop for index, laptop in enumerate(self.laptops) if not self._revoked(index)]
        for round_ in range(CALM_ROUNDS):
            problems = 0
            for laptop in active:
                _, report = self._sync_once(laptop)
                problems += len(report.errors)
            if round_ >= 1 and not problems:
                break
        contents = [content(laptop.store) for laptop in active]
        for other in contents[1:]:
            assert other == contents[0], "laptops differ after the faults stopped and the calm sync rounds"
        edits = self._edits()
        forged = self._forged()
        if os.environ.get("WARDBOOK_SIM_VERBOSE"):
            conflicts = sum(lt.store.conn.execute("SELECT COUNT(*) FROM conflicts").fetchone()[0]
                            for lt in self.laptops)
            print(f"edits={len(edits)} failed_syncs={self.sync_failures} conflicts={conflicts} "
                  f"forged={len(forged)} refused_locally={self.refused_locally} compactions={self.compactions} "
                  f"revoked={self.revoked_after is not None} caught_up={len(self.caught_up)}")
        for laptop in active:
            if laptop.device in self.caught_up:
                continue
            refused = set(laptop.store.conn.execute("SELECT device_id, tbl, row_id, hlc FROM refused_changes"))
            for change in forged:
                assert change[0] == laptop.device or change in refused, f"forged change {change} was not refused"
        winners = _winners(edits)
        assert contents[0] == _oracle(winners), "the laptops agree, but not with last-writer-wins of every edit"
        lost: dict[str, set[tuple[str, str, str, Stamp]]] = {}
        for laptop in active:
            lost[laptop.device] = {(t, r, f, (h, d)) for t, r, f, h, d in laptop.store.conn.execute(
                "SELECT tbl, row_id, field, lost_hlc, lost_device FROM conflicts")}
        knowingly: set[tuple[str, str, str, Stamp]] = set()
        for edit in edits:
            for field in edit["fields"]:
                before = edit["prior"].get(field) or edit["prior"].get(ALL_FIELDS)
                if before is not None:
                    knowingly.add((edit["table"], edit["row"], field, before))
        # (key, value, stamp) of every edit: an edit superseded by a later one of the same value that was then
        # knowingly replaced had its value replaced knowingly (merging the equal value was no conflict).
        written: dict[tuple[str, str, str], list[tuple[Any, Stamp]]] = {}
        for edit in edits:
            for field, value in edit["fields"].items():
                written.setdefault((edit["table"], edit["row"], field), []).append((value, edit["stamp"]))
        for edit in edits:
            for field, value in edit["fields"].items():
                key = (edit["table"], edit["row"], field)
                stamp, winning = winners[(edit["table"], edit["row"])][field]
                lost_edit = (*key, edit["stamp"])
                if stamp == edit["stamp"] or winning == value or lost_edit in knowingly:
                    continue
                if any(same == value and later > edit["stamp"] and (*key, later) in knowingly
                       for same, later in written[key]):
                    continue
                if field == "deleted_hlc" and value is not None and winning is not None:
                    continue  # deleted by two laptops: deleted either way
                missing = [device for device in {edit["stamp"][1], stamp[1]}
                           if device in lost and lost_edit not in lost[device]]
                assert not missing, f"edit {edit} of {field} lost to {winning!r} {stamp}, not in {missing}'s conflicts"

    def _forged(self) -> list[tuple[str, str, str, int]]:
        """(device, table, row id, HLC) of every forged change."""
        return [(laptop.device, table, row_id, hlc) for index, laptop in enumerate(self.laptops)
                for seq, table, row_id, hlc in laptop.store.conn.execute("SELECT seq, tbl, row_id, hlc FROM outbox")
                if (laptop.device, seq) in self.forged and self._reached_share(index, seq)]

    def _reached_share(self, index: int, seq: int) -> bool:
        """Did this outbox entry reach the others? All did, except a revoked laptop's made after it was revoked."""
        return not self._revoked(index) or seq <= (self.revoked_after or 0)

    def _edits(self) -> list[dict[str, Any]]:
        """Every committed local edit of every laptop (forged ones aside), with its (HLC, device) stamp and all the
        fields it set."""
        edits = []
        for index, laptop in enumerate(self.laptops):
            device = laptop.device
            for seq, table, row_id, op, hlc, fields in laptop.store.conn.execute(
                "SELECT seq, tbl, row_id, op, hlc, fields FROM outbox ORDER BY seq"
            ):
                if (device, seq) in self.forged or not self._reached_share(index, seq):
                    continue
                values = json.loads(fields)
                if op == "insert":  # a creation stamps every field, the ones it leaves empty too
                    values = {**dict.fromkeys(SYNCED[table].fields), **values, "deleted_hlc": None}
                edits.append({"table": table, "row": row_id, "op": op, "stamp": (hlc, device), "fields": values,
                              "prior": self.prior.get((device, seq), {})})
        return edits


def _winners(edits: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, tuple[Stamp, Any]]]:
    """Per row and field, the value with the greatest (HLC, device) stamp."""
    rows: dict[tuple[str, str], dict[str, tuple[Stamp, Any]]] = {}
    for edit in edits:
        row = rows.setdefault((edit["table"], edit["row"]), {})
        for field, value in edit["fields"].items():
            if field not in row or edit["stamp"] > row[field][0]:
                row[field] = (edit["stamp"], value)
    return rows


def _oracle(winners: dict[tuple[str, str], dict[str, tuple[Stamp, Any]]]) -> dict[str, list[tuple[object, ...]]]:
    result: dict[str, list[tuple[object, ...]]] = {table: [] for table in SYNCED}
    for (table, row_id), fields in winners.items():
        value = {field: winner[1] for field, winner in fields.items()}
        result[table].append((row_id, value.get("deleted_hlc"), *(value.get(f) for f in SYNCED[table].fields)))
    return {table: sorted(rows, key=repr) for table, rows in result.items()}


Station.TestCase.settings = settings(
    max_examples=int(os.environ.get("WARDBOOK_SIM_EXAMPLES", "40")),
    stateful_step_count=int(os.environ.get("WARDBOOK_SIM_STEPS", "50")),
    deadline=None,
    derandomize=os.environ.get("WARDBOOK_SIM_RANDOM") != "1",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestStation = Station.TestCase


@pytest.fixture(scope="module")
def samba_share(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    if not samba_server.available():
        pytest.skip("needs Samba's smbd and smbpasswd, as root (Debian samba)")
    with samba_server.samba(tmp_path_factory.mktemp("samba")) as (url, served):
        SMB.url, SMB.served = url, served
        try:
            yield
        finally:
            SMB.url = None


def test_station_on_smb(samba_share: None) -> None:
    run_state_machine_as_test(Station, settings=settings(
        Station.TestCase.settings, max_examples=int(os.environ.get("WARDBOOK_SIM_SMB_EXAMPLES", "10")),
        stateful_step_count=int(os.environ.get("WARDBOOK_SIM_SMB_STEPS", "30"))))
