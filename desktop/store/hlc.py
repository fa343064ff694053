"""Hybrid logical clock: wall-clock milliseconds plus a counter, packed in one sortable integer.

Laptops' clocks are wrong by minutes and jump back after a dead CMOS battery; an HLC never goes backwards and
stays close to real time, so per-field last-writer-wins orders edits the way people made them. The value is
`ms << 16 | counter`; ties between devices are broken by the device id.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
# How far ahead of this laptop's wall clock a stamp from elsewhere may be. A laptop whose date is wrong by days or
# months still syncs (its files are applied and the laptop named, see `desktop.sync.apply`); a stamp further
# ahead is no clock a person set. Absorbed, it would carry every laptop's clock with it: one near the top of the
# range left no room to count, and every later write on every laptop failed.
MAX_AHEAD_MS = 366 * 24 * 60 * 60 * 1000


def pack(ms: int, counter: int) -> int:
    return (ms << COUNTER_BITS) | counter


def unpack(value: int) -> tuple[int, int]:
    return value >> COUNTER_BITS, value & COUNTER_MASK


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def too_far_ahead(value: int, now_ms: int) -> bool:
    """Whether the stamp `value` is more than `MAX_AHEAD_MS` ahead of the wall clock `now_ms`."""
    return unpack(value)[0] > now_ms + MAX_AHEAD_MS


class HybridClock:
    """Issues strictly increasing HLC values on this device and absorbs the ones it receives."""

    def __init__(self, last: int = 0, now_ms: Callable[[], int] = wall_ms) -> None:
        self.last = last
        # This machine's wall clock. Public so a simulation can give each "laptop" its own skewed clock that
        # jumps back, which is exactly what the HLC must survive.
        self.now_ms = now_ms

    def tick(self) -> int:
        """A new value for a local event: greater than every value seen so far."""
        last_ms, last_counter = unpack(self.last)
        now = self.now_ms()
        if now > last_ms:
            self.last = pack(now, 0)
        elif last_counter < COUNTER_MASK:
            self.last = pack(last_ms, last_counter + 1)
        else:  # counter overflow: borrow the next millisecond rather than repeat a value
            self.last = pack(last_ms + 1, 0)
        return self.last

    def observe(self, remote: int) -> int:
        """Merge a remote value so later local events sort after it; returns the new local value. A value too far
        ahead (`too_far_ahead`) is not absorbed: sync holds back the files that carry one."""
        if remote > self.last and not too_far_ahead(remote, self.now_ms()):
            self.last = remote
        return self.tick()
