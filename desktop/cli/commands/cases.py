"""`wardbook case add|update|list`: cases (tips, disputes, complaints, reintegration support), their timeline
and their outcome — a tip's status, a mediation's result."""

from __future__ import annotations

import argparse

from desktop import clock, i18n
from desktop.cli import record_messages  # noqa: F401  (registers the messages used here)
from desktop.cli.context import add_common_options, open_store, print_table, whole_number
from desktop.errors import WardbookError
from desktop.register.cases import add_case, update_case
from desktop.register.labels import label
from desktop.register.validation import MAX_COUNT
from desktop.security.users import find_user
from desktop.store import Store
from desktop.store.queries import id_from_prefix, list_cases
from desktop.store.tables import CASE_KINDS, CASE_OUTCOMES, CASE_STATUSES
from desktop.text import format_date


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser("case", help="vụ việc / cases")
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(command))

    add = actions.add_parser("add", help="mở vụ việc / open a case")
    add_common_options(add)
    add.add_argument("--kind", required=True, choices=CASE_KINDS)
    add.add_argument("--title", required=True, help="nội dung / what it is about")
    add.add_argument("--received", help="ngày tiếp nhận / received on, dd/mm/yyyy (mặc định hôm nay / default today)")
    add.add_argument("--household", help="mã hộ hoặc id / household code or id")
    add.add_argument("--source", help="nguồn / source")
    add.add_argument("--due", help="hạn xử lý / due on, dd/mm/yyyy")
    add.add_argument("--assignee", help="cán bộ phụ trách: tên đăng nhập / officer: username")
    add.set_defaults(handler=_add)

    update = actions.add_parser("update", help="ghi diễn biến, tình trạng, kết quả / record an event")
    add_common_options(update)
    update.add_argument("case", metavar="CASE_ID", help="id (hoặc 8 ký tự đầu) / id (or its first 8 characters)")
    update.add_argument("--date", help="dd/mm/yyyy (mặc định hôm nay / default today)")
    update.add_argument("--status", choices=CASE_STATUSES)
    update.add_argument("--outcome", choices=CASE_OUTCOMES,
                        help="tin báo / tip: received, verified, forwarded_police, closed; "
                             "hòa giải / mediation: successful, unsuccessful, referred")
    update.add_argument("--note", help="ghi chú / note")
    update.add_argument("--resolution", help="kết quả giải quyết / resolution (resolved, closed)")
    update.set_defaults(handler=_update)

    listing = actions.add_parser("list", help="danh sách vụ việc / list cases")
    add_common_options(listing)
    listing.add_argument("--status", action="append", choices=CASE_STATUSES)
    listing.add_argument("--kind", choices=CASE_KINDS)
    listing.add_argument("--limit", type=whole_number("--limit", 0, MAX_COUNT), default=50)
    listing.set_defaults(handler=_list)


def user_id(store: Store, username: str | None) -> str | None:
    """The account named `username` (None when none is given)."""
    if not username:
        return None
    user = find_user(store, username)
    if user is None:
        raise WardbookError("cli.unknown_user", value=username[:60])
    return str(user["id"])


def _case_id(store: Store, prefix: str) -> str:
    found = id_from_prefix(store, "cases", prefix)
    if found is None:
        raise WardbookError("register.unknown_case", value=prefix[:40])
    return found


def _add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        case_id = add_case(store, kind=args.kind, title=args.title, received_on=args.received or clock.today(),
                           household_id=args.household, source=args.source, due_on=args.due,
                           assignee_id=user_id(store, args.assignee))
    print(i18n.tr("cli.case_added", id=case_id))
    return 0


def _update(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        case_id = _case_id(store, args.case)
        update_case(store, case_id, on=args.date or clock.today(), note=args.note, new_status=args.status,
                    outcome=args.outcome, resolution=args.resolution)
    print(i18n.tr("cli.case_updated", id=case_id[:8]))
    return 0


def _outcome(row: dict[str, object]) -> str:
    if row["kind"] == "tip":
        return label("tip_status", str(row.get("tip_status") or "received"))
    return label("mediation_result", str(row["mediation_result"])) if row.get("mediation_result") else ""


def _list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = [row for row in list_cases(store, statuses=tuple(args.status or ()))
                if not args.kind or row["kind"] == args.kind][:args.limit]
    if not rows:
        print(i18n.tr("cli.none_found"))
        return 0
    print_table(
        [i18n.tr(f"col.{c}") for c in ("id", "received", "case_kind", "case_title", "status", "case_outcome")],
        [(str(r["id"])[:8], format_date(r["received_on"]), label("case_kind", str(r["kind"])), r["title"],
          label("case_status", str(r["status"])), _outcome(r)) for r in rows],
    )
    return 0
