"""Roles, what each may do, and the one check every guarded core function makes: `require(actor, permission)`.

The rules live here, in the core, so the Qt app, the CLI and any script obey the same ones. A role's
permissions include those of the roles below it: officer < team lead < admin.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop import i18n
from desktop.errors import WardbookError

# Each permission, with the words that finish "… has no right to {action}" in the denial message.
PERMISSIONS: dict[str, tuple[str, str]] = {
    "register.edit": ("ghi sổ hộ và lượt thăm", "edit the register and visits"),
    "sync.run": ("đồng bộ dữ liệu", "run a sync"),
    "records.view_all": ("xem hồ sơ của cán bộ khác", "see other officers' records"),
    "reports.view": ("xem và in báo cáo, số liệu tổng hợp", "view and print reports and ward figures"),
    "export": ("xuất dữ liệu", "export data"),
    "audit.view": ("xem nhật ký truy cập", "view the audit log"),
    "users.admin": ("quản lý tài khoản", "manage user accounts"),
    "enrollment": ("kết nạp hoặc thu hồi máy", "enroll or revoke laptops"),
    "sync.settings": ("thay đổi cài đặt đồng bộ", "change sync settings"),
    "import": ("nhập dữ liệu từ tệp", "import data from files"),
    "purge": ("xoá vĩnh viễn dữ liệu hết hạn lưu trữ", "purge data past its retention period"),
    "subject.export": ("xuất dữ liệu của một người theo yêu cầu", "export one person's data on request"),
    "backup": ("sao lưu hoặc khôi phục cơ sở dữ liệu", "back up or restore the database"),
    "demo": ("tạo dữ liệu mẫu", "generate demo data"),
    "settings.edit": ("thay đổi cài đặt của phường", "change the ward settings"),
    "commendations": ("đề xuất và ghi kết quả khen thưởng", "propose commendations and record decisions"),
    "community_models": ("ghi nhận mô hình ở khu dân cư", "record community models"),
    "campaigns": ("lập và phân công đợt rà soát", "define and assign door-to-door sweeps"),
}

_OFFICER = frozenset({"register.edit", "sync.run"})
_TEAM_LEAD = _OFFICER | {"records.view_all", "reports.view", "export", "audit.view", "commendations",
                         "community_models", "campaigns"}
_ADMIN = _TEAM_LEAD | {
    "users.admin", "enrollment", "sync.settings", "import", "purge", "subject.export", "backup", "demo",
    "settings.edit",
}
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {"officer": _OFFICER, "team_lead": _TEAM_LEAD, "admin": _ADMIN}

i18n.register({
    f"security.perm.{name}": {"vi": vi, "en": en} for name, (vi, en) in PERMISSIONS.items()
})


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or `SETUP` on a database that has no login accounts yet.

    `SETUP` keeps a fresh or demo database usable exactly as before users existed (first run, tests, the
    demo ward): it may do everything, and the audit log records its entries without a user. The first
    admin account ends that mode for good.
    """

    user_id: str | None
    username: str
    role: str

    @property
    def is_setup(self) -> bool:
        return self.user_id is None


SETUP = Actor(user_id=None, username="", role="admin")
INACTIVE = "inactive"  # the role of an account disabled or deleted (and of its device): it may do nothing


def can(actor: Actor, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    return permission in ROLE_PERMISSIONS.get(actor.role, frozenset())


def require(actor: Actor, permission: str) -> Actor:
    """Return `actor` if it holds `permission`, else raise a WardbookError that says who lacks what."""
    if not can(actor, permission):
        raise WardbookError(
            "security.denied",
            user=actor.username,
            role=i18n.Ref(f"security.role.{actor.role}"),
            action=i18n.Ref(f"security.perm.{permission}"),
        )
    return actor
