"""The two callbacks every long piece of core work takes, so the CLI and the app can follow and stop it:
`progress(done, total, what)` after each step, and `cancelled()`, asked between steps (work that is cancelled
raises InterruptedError or its own WardbookError, and leaves nothing half written)."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
