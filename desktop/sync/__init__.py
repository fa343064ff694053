"""Sync through a plain shared folder: immutable signed and encrypted changesets, per-field merge.

See `changeset` for the file format, `publish` and `apply` for the two halves of a sync round.
"""

from desktop.sync import messages  # noqa: F401  (registers the sync messages)
