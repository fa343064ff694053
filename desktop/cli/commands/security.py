"""`wardbook user|audit|backup|restore|retention|person` — accounts, audit log, backups and retention.

First run: `wardbook init --admin NAME` (or `wardbook user add-admin NAME` on an existing database) makes the
first admin; from then on every command needs `--user`. New passwords come from a prompt (typed twice) or from
`WARDBOOK_NEW_PASSWORD` in scripts.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import files, i18n
from desktop.cli.context import (
    add_common_options,
    ask_secret,
    db_path,
    log_in,
    open_store,
    print_table,
    progress_printer,
    secret_store,
    whole_number,
)
from desktop.errors import WardbookError
from desktop.register.validation import MAX_COUNT
from desktop.search.folding import fold
from desktop.security import audit, retention, users
from desktop.security.access import write_person_export
from desktop.security.database import backup, open_database, restore
from desktop.security.session import attach, authorize
from desktop.store import Store
from desktop.store.in_use import REPLACE, hold_register
from desktop.store.tables import USER_ROLES
from desktop.text import format_date, format_time

Handler = Callable[[argparse.Namespace], int]


def _sub(actions: Any, name: str, help_text: str, handler: Handler) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser(name, help=help_text)
    add_common_options(parser)
    parser.set_defaults(handler=handler)
    return parser


def _group(subparsers: Any, name: str, help_text: str) -> Any:
    group = subparsers.add_parser(name, help=help_text)
    return group.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(group))


def register(subparsers: Any) -> None:
    user = _group(subparsers, "user", "tài khoản / user accounts")
    first = _sub(user, "add-admin", "tạo quản trị đầu tiên / create the first admin", _add_admin)
    first.add_argument("username")
    first.add_argument("--full-name", default="")
    add = _sub(user, "add", "thêm tài khoản / add an account", _add_user)
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=USER_ROLES)
    add.add_argument("--full-name", default="")
    _sub(user, "list", "danh sách tài khoản / list accounts", _list_users)
    passwd = _sub(user, "passwd", "đổi mật khẩu / change a password", _passwd)
    passwd.add_argument("username", nargs="?")
    role = _sub(user, "role", "đổi vai trò / change a role", _role)
    role.add_argument("username")
    role.add_argument("role", choices=USER_ROLES)
    for name, handler in (("disable", _disable), ("enable", _enable), ("unlock", _unlock)):
        _sub(user, name, f"{name} an account", handler).add_argument("username")

    audit_group = _group(subparsers, "audit", "nhật ký truy cập / audit log")
    _sub(audit_group, "verify", "kiểm tra chuỗi băm / verify the hash chains", _audit_verify)
    listing = _sub(audit_group, "list", "các mục mới nhất / newest entries", _audit_list)
    listing.add_argument("--limit", type=whole_number("--limit", 0, MAX_COUNT), default=50)

    backup_parser = _sub(subparsers, "backup", "sao lưu (mã hoá) / encrypted backup", _backup)
    backup_parser.add_argument("file", type=Path)
    restore_parser = _sub(subparsers, "restore", "khôi phục từ bản sao lưu / restore a backup", _restore)
    restore_parser.add_argument("file", type=Path)

    keep = _group(subparsers, "retention", "thời hạn lưu trữ / retention")
    rule = _sub(keep, "set", "đặt thời hạn / set the rule", _retention_set)
    rule.add_argument("--moved-out-years", type=whole_number("--moved-out-years", 1, 100), required=True)
    for name, handler in (("preview", _retention_preview), ("purge", _retention_purge)):
        parser = _sub(keep, name, f"{name}", handler)
        parser.add_argument("--years", type=whole_number("--years", 1, 100))
        if name == "purge":
            parser.add_argument("--yes", action="store_true")

    person = _group(subparsers, "person", "dữ liệu cá nhân / personal data")
    export = _sub(person, "export", "xuất mọi dữ liệu về một người / data-subject export", _person_export)
    export.add_argument("person", help="id hoặc họ tên / id or full name")
    export.add_argument("--out", type=Path, required=True)


def create_admin(store: Store, username: str, full_name: str) -> None:
    password = ask_secret("WARDBOOK_NEW_PASSWORD", "cli.prompt_new_password", confirm=True)
    actor = users.create_first_admin(store, username, full_name, password)
    attach(store, actor)
    print(i18n.tr("cli.user_added", username=actor.username, role=i18n.tr("security.role.admin")))


def _add_admin(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        create_admin(store, args.username, args.full_name)
    return 0


def _add_user(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        authorize(store, "users.admin")  # before asking for a password nobody may set
        password = ask_secret("WARDBOOK_NEW_PASSWORD", "cli.prompt_new_password", confirm=True)
        users.add_user(store, args.username, args.full_name, args.role, password)
    print(i18n.tr("cli.user_added", username=args.username, role=i18n.tr(f"security.role.{args.role}")))
    return 0


def _list_users(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = users.list_users(store)
    print_table(
        [i18n.tr(f"col.{c}") for c in ("username", "name", "role", "active", "failures")],
        [(u["username"], u["full_name"], i18n.tr(f"security.role.{u['role']}"),
          "✓" if u["active"] and u["can_login"] else "—", u["failures"] or "") for u in rows],
    )
    return 0


def _passwd(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        username = args.username or getattr(args, "user", None)
        if not username:
            raise WardbookError("security.login_required")
        password = ask_secret("WARDBOOK_NEW_PASSWORD", "cli.prompt_new_password", confirm=True)
        users.set_password(store, username, password)
    print(i18n.tr("cli.done"))
    return 0


def _simple(args: argparse.Namespace, action: Callable[[Store], object]) -> int:
    with open_store(args) as store:
        action(store)
    print(i18n.tr("cli.done"))
    return 0


def _role(args: argparse.Namespace) -> int:
    return _simple(args, lambda store: users.set_role(store, args.username, args.role))


def _disable(args: argparse.Namespace) -> int:
    code = _simple(args, lambda store: users.set_active(store, args.username, False))
    print(i18n.tr("cli.user_disabled_laptops"))
    return code


def _enable(args: argparse.Namespace) -> int:
    return _simple(args, lambda store: users.set_active(store, args.username, True))


def _unlock(args: argparse.Namespace) -> int:
    return _simple(args, lambda store: users.unlock(store, args.username))


def _audit_verify(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        problems = audit.verify(store)
        total = int(store.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0])
    if not problems:
        print(i18n.tr("cli.audit_ok", count=total))
        return 0
    print_table([i18n.tr("col.device"), "seq", i18n.tr("col.problem")],
                [(p.device_id, p.seq, i18n.tr(f"cli.audit_{p.kind}")) for p in problems])
    raise WardbookError("cli.audit_broken", count=len(problems))


def _audit_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        entries = audit.list_entries(store, limit=args.limit)
    print_table([i18n.tr(f"col.{c}") for c in ("when", "username", "action", "target")],
                [(format_time(e["at"]), e["username"] or "—", e["action"],
                  f"{e['target_table'] or ''} {e['target_id'] or ''}") for e in entries])
    return 0


def _backup(args: argparse.Namespace) -> int:
    secrets = secret_store(args)
    with open_store(args, secrets=secrets) as store:
        backup(store, args.file, secrets, progress_printer(args))
    print(i18n.tr("cli.backup_done", path=args.file))
    return 0


def _restore(args: argparse.Namespace) -> int:
    """Only an admin of the current database may overwrite it; with no database yet, anyone at the machine."""
    secrets = secret_store(args)
    path = db_path(args)
    with hold_register(path, REPLACE):  # refused before any password is asked while WardBook is open on it
        if path.exists():
            with open_database(path, secrets) as current:
                log_in(current, args)
                authorize(current, "backup")
        kept = restore(path, args.file, secrets, progress_printer(args))
    print(i18n.tr("cli.restore_done", path=path) if kept is None else i18n.tr("cli.restore_done_kept", path=path,
                                                                            kept=kept))
    return 0


def _retention_set(args: argparse.Namespace) -> int:
    return _simple(args, lambda store: retention.set_rule(store, args.moved_out_years))


def _print_plan(plan: retention.PurgePreview) -> None:
    print(i18n.tr("cli.retention_plan", years=plan.years, cutoff=format_date(plan.cutoff)))
    if plan.households:
        print_table([i18n.tr(f"col.{c}") for c in ("code", "address", "moved_out", "last_visit")],
                    [(h["code"], h["address"], format_date(h["moved_out_on"]), format_date(h["last_visit"]) or "—")
                     for h in plan.households])
    print_table(["", ""], [(table, count) for table, count in plan.counts.items()])
    if plan.copies:
        print(i18n.tr("cli.purge_copies", copies=", ".join(plan.copies)))


def _retention_preview(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        _print_plan(retention.preview(store, args.years))
    return 0


def _retention_purge(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if not args.yes:
            _print_plan(retention.preview(store, args.years))
            raise WardbookError("security.confirm_purge")
        plan = retention.purge(store, args.years, progress=progress_printer(args))
    _print_plan(plan)
    print(i18n.tr("cli.purged", count=len(plan.households)))
    return 0


def _find_person(store: Store, text: str) -> str:
    if store.conn.execute("SELECT 1 FROM people WHERE id = ?", (text,)).fetchone():
        return text
    wanted = fold(text)
    ids = [pid for pid, name in store.conn.execute(
        "SELECT id, full_name FROM people WHERE deleted_hlc IS NULL") if fold(name or "") == wanted]
    if len(ids) == 1:
        return str(ids[0])
    if not ids:
        raise WardbookError("register.unknown_person", value=text)
    raise WardbookError("security.ambiguous_person", count=len(ids), value=text, ids=", ".join(ids[:10]))


def _person_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        files.check_target(args.out)
        authorize(store, "subject.export")
        withheld = write_person_export(store, _find_person(store, args.person), args.out)
    print(i18n.tr("cli.exported", path=args.out))
    if withheld:
        print(withheld)
    return 0
