"""Roles and what each may do. The checks live in the core so the CLI and the UI obey the same rules.

officer: the register and their own visits and cases; team_lead: + every record of the team and reports;
admin: + users, enrollment, sync settings, import, purge.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.errors import WardbookError

PERMISSIONS: dict[str, frozenset[str]] = {
    "officer": frozenset({"register.edit", "visit.log", "case.own", "view.household"}),
    "team_lead": frozenset({"register.edit", "visit.log", "case.own", "view.household", "case.all",
                            "report.print", "export", "audit.view"}),
    "admin": frozenset({"register.edit", "visit.log", "case.own", "view.household", "case.all", "report.print",
                        "export", "audit.view", "users.manage", "sync.manage", "import", "purge"}),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: the logged-in user (id, username, role)."""

    user_id: str
    username: str
    role: str

    def may(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.role, frozenset())


def require(actor: Actor, permission: str) -> None:
    """Raise a clear error unless `actor` holds `permission`; call it first in every guarded core function."""
    if not actor.may(permission):
        raise WardbookError("security.forbidden", user=actor.username, role=actor.role, permission=permission)
