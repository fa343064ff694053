"""Import of the ward's existing Excel/CSV lists and export of the register, without losing a row."""

from desktop.io import messages  # noqa: F401  (registers the import/export messages)
