"""The files of a revoked laptop that every laptop still applies: those up to its revocation's cut, as they were.

The signed roster marks a revocation by the last file the admin's laptop had applied from that laptop and that
file's hash (`station.revocation_cut`). Its holder keeps the laptop's signing key, so it can still sign any file
under any number; what it cannot do is change the roster. So:

- beyond the cut nothing is applied (`grants.grant_for` gives such a file no grant);
- at or before the cut, a laptop that has not applied those files yet accepts exactly the files the admin's
  laptop accepted: the file at the cut must have the roster's hash, and each earlier one the hash its successor
  names as `prev_hash`. The chain is walked back from the cut to this laptop's cursor before any of them is
  applied, so a file rewritten after the revocation (a laptop that had not read it yet used to apply the new
  version, and differed from the station for good) is refused, not found out one file too late;
- a laptop that had already applied a version the chain does not lead to, or files beyond the cut (before the
  revocation reached it), is told: its data differ from the station's, and only the admin can judge what to do.

Rosters written before the hash was kept mark a revocation by its number only: those files are checked by the
chain from this laptop's cursor, as before.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from desktop.sync.changeset import InvalidChangeset, read_header
from desktop.sync.folder import FolderShare

REPLACED = "replaced"  # a file up to the cut that is not the one the admin's laptop accepted
DIVERGED = "revoked_diverged"  # this laptop applied a version of the revoked laptop's files the station has not
BEYOND = "revoked_beyond"  # this laptop applied files the revoked laptop wrote after its cut


@dataclass(frozen=True)
class Cut:
    seq: int
    hash: str


def cut_of(roster: dict[str, Any], device: str) -> Cut | None:
    """The cut of a revoked device whose revocation carries the hash of its last accepted file; None for a
    device not revoked, or revoked by an older roster (its number only)."""
    revoked = roster.get("devices", {}).get(device, {}).get("revoked")
    if not isinstance(revoked, dict) or not isinstance(revoked.get("after_hash"), str):
        return None
    return Cut(int(revoked.get("after_seq", 0)), revoked["after_hash"])


def standing_problem(cut: Cut, cursor: tuple[int, str]) -> tuple[int, str] | None:
    """(file number, kind) when what this laptop applied (`cursor`: last number and hash) is not what the
    station has up to the cut, as far as the cursor alone tells; None when it is, or cannot be told yet."""
    seq, digest = cursor
    if seq > cut.seq:
        return seq, BEYOND
    if seq == cut.seq and digest != cut.hash:
        return seq, DIVERGED
    return None


class Unaccepted(Exception):
    """A file between this laptop's cursor and the cut is not the one the station accepted (`reason`: `gap`
    when missing, `replaced`, or `revoked_diverged` when this laptop's own last file is not on the chain)."""

    def __init__(self, seq: int, reason: str) -> None:
        super().__init__(reason)
        self.seq = seq
        self.reason = reason


def accepted_hashes(share: FolderShare, device: str, cut: Cut, cursor: tuple[int, str]) -> dict[int, str]:
    """The hash each file after `cursor` up to the cut must have, walked back from the cut; raises Unaccepted
    at the first file that is missing or not on the chain. Each file's bytes are read once more when applied:
    the caller checks them against these hashes then, so a file swapped in between is refused too."""
    hashes: dict[int, str] = {}
    expected = cut.hash
    for seq in range(cut.seq, cursor[0], -1):
        try:
            raw = share.read(device, seq)
        except FileNotFoundError:
            raise Unaccepted(seq, "gap") from None
        except (OSError, InvalidChangeset):
            raise Unaccepted(seq, "unreadable") from None
        if hashlib.sha256(raw).hexdigest() != expected:
            raise Unaccepted(seq, REPLACED)
        hashes[seq] = expected
        expected = str(read_header(raw)[0].get("prev_hash", ""))  # signed: checked when the file is applied
    if expected != cursor[1]:
        raise Unaccepted(cursor[0], DIVERGED)
    return hashes
