"""`wardbook user add` and `wardbook audit verify`.

The acting user logs in with `--user NAME`; the password is asked on the terminal, or read from the
environment variable WARDBOOK_PASSWORD in scripts. A new user's password comes from WARDBOOK_NEW_PASSWORD or is
asked twice. The very first user of a database needs no login and must be the admin.
"""

from __future__ import annotations

import argparse
import getpass
import os

from desktop import i18n
from desktop.cli.context import add_common_options, open_store
from desktop.errors import WardbookError
from desktop.security import audit
from desktop.security.roles import Actor, require
from desktop.security.users import create_user, has_users, login
from desktop.store import Store
from desktop.store.tables import USER_ROLES


def register(subparsers: argparse._SubParsersAction) -> None:
    user = subparsers.add_parser("user", help="người dùng / users")
    actions = user.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(user))
    add = actions.add_parser("add", help="thêm người dùng / add a user")
    add_common_options(add)
    add.add_argument("username")
    add.add_argument("--role", choices=USER_ROLES, required=True)
    add.add_argument("--full-name")
    add.add_argument("--user", help="người thực hiện (admin) / acting admin")
    add.set_defaults(handler=_add_user)

    audit_parser = subparsers.add_parser("audit", help="nhật ký truy cập / audit log")
    audit_actions = audit_parser.add_subparsers(dest="action", metavar="ACTION", required=True,
                                                parser_class=type(audit_parser))
    verify = audit_actions.add_parser("verify", help="kiểm tra chuỗi băm / check the hash chain")
    add_common_options(verify)
    verify.add_argument("--user", required=True)
    verify.set_defaults(handler=_verify)


def acting_user(store: Store, username: str | None) -> Actor:
    """Log in the user named on the command line (password from WARDBOOK_PASSWORD or the terminal)."""
    if not username:
        raise WardbookError("security.login_required")
    password = os.environ.get("WARDBOOK_PASSWORD") or getpass.getpass(f"{username}: ")
    actor = login(store, username, password)
    audit.record(store, actor, "login")
    return actor


def _new_password() -> str:
    password = os.environ.get("WARDBOOK_NEW_PASSWORD")
    if password is None:
        password = getpass.getpass("Mật khẩu mới / new password: ")
        if getpass.getpass("Nhập lại / again: ") != password:
            raise WardbookError("security.bad_login")
    return password


def _add_user(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        actor = acting_user(store, args.user) if has_users(store) else None
        create_user(store, actor, args.username, _new_password(), args.role, args.full_name)
    print(i18n.tr("security.user_added", user=args.username.lower(), role=args.role))
    return 0


def _verify(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        actor = acting_user(store, args.user)
        require(actor, "audit.view")
        breaks = audit.verify(store)
        entries, devices = store.conn.execute("SELECT COUNT(*), COUNT(DISTINCT device_id) FROM audit_log").fetchone()
    for item in breaks:
        print(i18n.tr("security.audit_broken", device=item.device_id[:8], seq=item.seq, reason=item.reason))
    if breaks:
        return 1
    print(i18n.tr("security.audit_ok", entries=entries, devices=devices))
    return 0
