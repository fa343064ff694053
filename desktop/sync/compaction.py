"""Compaction of the shared folder: the admin's station makes a new snapshot the base and removes the changesets
(and older snapshots) that no current laptop still needs, so the share stops growing and a retention purge
leaves it (see docs/sync-compaction.md).

What each laptop has applied is read from its acknowledgement, `acks/<device>.json`: its cursors (device → last
changeset number applied; for itself, the last it recorded as published), signed with its own key and written by
its sync only when they moved, so a sync with nothing new writes nothing. A changeset N of device X may go when
every current laptop (enrolled, not revoked, not left behind by the admin) has acknowledged X's file N — X itself
included unless it was revoked, so a file X wrote but never recorded (a crash) stays until X adopts it — and the
new base snapshot holds it. A laptop with no acknowledgement yet (it has not synced since this version) keeps
everything.

The roster (signed by the admin, like every roster change) then names the base snapshot and, per device, the
number up to which its files may be gone ("floors"), before anything is removed: a laptop whose own files are
missing up to its floor does not write them again (`publish.heal_own_files`), and a laptop left behind (its
cursor below a floor) catches up from the base snapshot (`desktop.sync.rebase`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature

from desktop.errors import WardbookError
from desktop.security.session import authorize
from desktop.store import Store
from desktop.sync.changeset import file_name
from desktop.sync.errors import record_error, resolve_errors_of_kind
from desktop.sync.folder import FolderShare
from desktop.sync.grants import is_revoked
from desktop.sync.rebase import floors
from desktop.sync.snapshot import snapshot_ids, snapshot_of
from desktop.sync.station import SyncKeys, pin_roster, public_keys, save_roster, unwrap_all, verified_roster

ACKS = "acks"
ACKED = "sync.acked"  # the acknowledgement this laptop last wrote (its signed part), to write only when it moved
ACK_BLOCKED = "ack_blocked"  # the problem recorded while this laptop's acknowledgement cannot be written
_SET_ASIDE = re.compile(r"^\.bad-(\d{12})\.chg-")


def _signed_part(ack: dict[str, Any]) -> bytes:
    return json.dumps({"device": ack["device"], "applied": ack["applied"]}, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def acknowledge(store: Store, share: FolderShare, keys: SyncKeys) -> bool:
    """Write this laptop's acknowledgement when its cursors moved since the last one (or it is missing from the
    share); True when written.

    Best effort: it comes at the end of a sync whose work is done, and only lets the admin's compaction remove
    files sooner. One that cannot be written (a folder made by hand under its name, a share that refuses
    writing) is recorded as a problem in words (`ACK_BLOCKED`, over once one is written) and tried again at the
    next sync; it used to end every sync of that laptop with a traceback."""
    ack = {"device": store.device_id, "applied": own_cursors(store)}
    signed = _signed_part(ack).decode("utf-8")
    path = f"{ACKS}/{store.device_id}.json"
    if store.setting(ACKED) == signed and share.transport.exists(path):  # removed by hand: written again
        return False
    if not share.has_station():  # the share went away during this sync (unplugged, renamed): nothing written
        return False
    data = json.dumps({**ack, "signature": keys.signing_key.sign(signed.encode("utf-8")).hex()},
                      sort_keys=True).encode("utf-8")
    try:
        _write_ack(share, path, data)
    except OSError:
        record_error(store, None, None, ACK_BLOCKED, path)
        return False
    store.set_setting(ACKED, signed)
    resolve_errors_of_kind(store, ACK_BLOCKED)
    return True


def _write_ack(share: FolderShare, path: str, data: bytes) -> None:
    """Put the acknowledgement at `path`. An empty folder under its name holds nothing anyone could lose, and
    nobody but this laptop writes there: it is removed and the file written (anything else in the way stays, and
    the OSError is the caller's)."""
    share.makedirs(ACKS)
    try:
        share.transport.replace(path, data)
    except OSError:
        share.transport.remove_empty_folder(path)
        share.transport.replace(path, data)


def own_cursors(store: Store) -> dict[str, int]:
    """What this laptop has of each device: the last file applied, and of its own the last it recorded as
    published (a file it wrote but never recorded, because of a crash, must stay: it adopts it at its next sync,
    and would otherwise write that number again with other bytes)."""
    cursors = {device: int(seq) for device, seq in store.conn.execute("SELECT device_id, last_seq FROM applied")}
    cursors[store.device_id] = int(store.setting("sync.published_seq", "0") or 0)
    return cursors


def acknowledgements(share: FolderShare, roster: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Each enrolled laptop's acknowledged cursors; one that is unsigned, signed by another key, or not well
    formed counts as none (so it can only keep files, never make any go)."""
    keys = public_keys(roster)
    found: dict[str, dict[str, int]] = {}
    for name in share.transport.listdir(ACKS):
        device = name.removesuffix(".json")
        if not name.endswith(".json") or device not in keys:
            continue
        try:
            ack = share.small_json(f"{ACKS}/{name}")
            keys[device].verify(bytes.fromhex(str(ack["signature"])), _signed_part(ack))
            applied = ack["applied"]
            if ack["device"] != device or not all(type(seq) is int for seq in applied.values()):
                continue
        except (OSError, ValueError, TypeError, KeyError, AttributeError, InvalidSignature):
            continue
        found[device] = {str(other): seq for other, seq in applied.items()}
    return found


@dataclass
class Plan:
    """What a compaction removes, and why it removes no more."""

    floors: dict[str, int]  # device → its changesets up to this number go
    files: list[tuple[str, int]] = field(default_factory=list)  # (device, number) of the changesets removed
    snapshots: list[str] = field(default_factory=list)  # older snapshots removed
    waiting_for: list[str] = field(default_factory=list)  # current laptops with no acknowledgement yet


def current_laptops(roster: dict[str, Any], leave_behind: Collection[str] = ()) -> list[str]:
    return sorted(device for device in roster.get("devices", {})
                  if not is_revoked(roster, device) and device not in leave_behind)


def plan(store: Store, share: FolderShare, roster: dict[str, Any], base_vv: dict[str, list[Any]],
         leave_behind: Collection[str] = ()) -> Plan:
    """The floors a base snapshot with version vector `base_vv` allows: for each device, the lowest of the
    snapshot's number, every current laptop's acknowledged one and the device's own (unless revoked); this
    laptop's own cursors stand for its acknowledgement. Never below an earlier compaction's floor (those files
    are gone already)."""
    acks = acknowledgements(share, roster)
    acks[store.device_id] = own_cursors(store)
    current = current_laptops(roster, leave_behind)
    waiting = [device for device in current if device not in acks]
    before = floors(roster)
    result = Plan(floors=dict(before), waiting_for=waiting)
    for device in share.device_ids():
        floor = int(base_vv.get(device, [0])[0]) if not waiting else 0
        judges = {*current, device} if device in roster.get("devices", {}) and not is_revoked(roster, device) \
            else set(current)
        for other in judges:
            floor = min(floor, acks.get(other, {}).get(device, 0))
        floor = max(floor, before.get(device, 0))
        if floor:
            result.floors[device] = floor
        result.files += [(device, seq) for seq in share.seqs(device) if seq <= floor]
    return result


def compact(store: Store, share: FolderShare, keys: SyncKeys, leave_behind: Collection[str] = (),
            dry_run: bool = False) -> Plan:
    """Make a new base snapshot and remove what no current laptop needs (admin's laptop only; the caller has
    synced first, so the snapshot holds everything this laptop has). `leave_behind`: laptops the admin takes out
    of the rule (away for months); they catch up from the snapshot when they come back. `dry_run` writes and
    removes nothing and tells what would go (the floors then come from this laptop's cursors)."""
    authorize(store, "enrollment")
    roster = verified_roster(store, share, keys)
    if roster.get("admin_key") != keys.public_hex():
        raise WardbookError("sync.not_admin")
    unknown = [device for device in leave_behind if device not in current_laptops(roster)]
    if unknown or store.device_id in leave_behind:
        raise WardbookError("sync.unknown_device", device=(unknown or [store.device_id])[0])
    unwrap_all(roster, store.device_id, keys)
    if dry_run:
        return plan(store, share, roster, {device: [seq, ""] for device, seq in own_cursors(store).items()},
                    leave_behind)
    header = snapshot_of(store, share, keys, roster)
    result = plan(store, share, roster, header["vv"], leave_behind)
    roster["base"] = {"snapshot": header["id"], "floors": result.floors}
    save_roster(share, roster, keys)
    pin_roster(store, roster)  # the admin's accepted copy is what it puts back if the share's is damaged
    for device, seq in result.files:  # oldest first, so an interruption leaves no hole in what remains
        share.transport.delete(f"devices/{device}/{file_name(seq)}")
    for device, floor in result.floors.items():
        for name in share.transport.listdir(f"devices/{device}"):
            match = _SET_ASIDE.match(name)
            if match and int(match.group(1)) <= floor:
                share.transport.delete(f"devices/{device}/{name}")
    result.snapshots = [old for old in snapshot_ids(share) if old < header["id"]]
    for old in result.snapshots:
        share.transport.delete(f"snapshots/{old}.snap")
    return result
