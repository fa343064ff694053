"""The household register and the visit log: the business rules on top of the store's write path.

Functions here validate input (raising `WardbookError` with a catalogue message), then write through
`store.writer` in one transaction. The CLI, the Qt app, import and the demo generator all call these, so the
rules are the same everywhere.
"""

from desktop.register import (
    labels,  # noqa: F401  (registers the display names of coded values)
    messages,  # noqa: F401  (registers the register's messages)
)
