"""Security of the laptop's data: secrets (keys) kept out of the database, users, roles, audit."""

from desktop.security import messages  # noqa: F401  (registers the security messages)
