"""`wardbook commendation add|list|status`: commendations proposed for a review period, and the decisions."""

from __future__ import annotations

import argparse

from desktop import i18n
from desktop.cli.context import add_common_options, open_store, print_table
from desktop.errors import WardbookError
from desktop.register.labels import label
from desktop.reports.commendations import list_commendations, propose_commendation, set_commendation_status
from desktop.security.users import find_user
from desktop.store import Store
from desktop.store.queries import find_people, id_from_prefix
from desktop.store.tables import COMMENDATION_STATUSES


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser("commendation", help="đề xuất khen thưởng / commendations")
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(command))

    add = actions.add_parser("add", help="đề xuất / propose")
    add_common_options(add)
    add.add_argument("--period", required=True, help="kỳ / period: 2026-06, 2026-Q2, 2026-H1, 2026")
    whom = add.add_mutually_exclusive_group(required=True)
    whom.add_argument("--person", help="người dân: họ tên hoặc id / a resident: name or id")
    whom.add_argument("--officer", help="cán bộ: tên đăng nhập / an officer: username")
    add.add_argument("--reason", required=True, help="thành tích / what for")
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="danh sách / list")
    add_common_options(listing)
    listing.add_argument("--period", help="chỉ những đề xuất thuộc kỳ này / only those within this period")
    listing.set_defaults(handler=_list)

    status = actions.add_parser("status", help="ghi kết quả xét duyệt / record the decision")
    add_common_options(status)
    status.add_argument("commendation", help="id (hoặc 8 ký tự đầu) / id (or its first 8 characters)")
    status.add_argument("status", choices=COMMENDATION_STATUSES)
    status.set_defaults(handler=_status)


def _person(store: Store, name_or_id: str) -> str:
    """A resident by id, or by a name that only one person in the register has."""
    if store.conn.execute("SELECT 1 FROM people WHERE id = ?", (name_or_id,)).fetchone():
        return name_or_id
    found = find_people(store, name_or_id, limit=1000)
    if len(found) != 1:
        raise WardbookError("cli.person_not_unique", name=name_or_id, count=len(found))
    return str(found[0]["id"])


def _add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        officer_id = None
        if args.officer:
            user = find_user(store, args.officer)
            if user is None:
                raise WardbookError("reports.no_such_officer", value=args.officer)
            officer_id = str(user["id"])
        person_id = _person(store, args.person) if args.person else None
        commendation_id = propose_commendation(store, period=args.period, reason=args.reason,
                                               person_id=person_id, officer_id=officer_id)
    print(i18n.tr("cli.commendation_added", id=commendation_id))
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = list_commendations(store, args.period)
    if not rows:
        print(i18n.tr("cli.none_found"))
        return 0
    print_table([i18n.tr(f"col.{c}") for c in ("id", "period", "name", "reason", "status")],
                [(str(r["id"])[:8], r["period"], r["name"], r["reason"], label("commendation_status", str(r["status"])))
                 for r in rows])
    return 0


def _status(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = id_from_prefix(store, "commendations", args.commendation)
        if found is None:
            raise WardbookError("reports.unknown_commendation", value=args.commendation[:40])
        set_commendation_status(store, found, args.status)
    print(i18n.tr("cli.commendation_status", id=args.commendation, status=label("commendation_status", args.status)))
    return 0
