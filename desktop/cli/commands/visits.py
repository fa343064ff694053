"""`wardbook visit add|list|edit|void|restore`."""

from __future__ import annotations

import argparse

from desktop import clock, i18n
from desktop.cli.context import add_common_options, open_store, print_table, whole_number
from desktop.register.households import resolve_household
from desktop.register.labels import label, labels
from desktop.register.validation import MAX_COUNT, MAX_VND, check_int, check_number
from desktop.register.visits import (
    SupportItem,
    add_visit,
    correct_visit,
    resolve_visit,
    restore_visit,
    void_visit,
)
from desktop.security.session import visible_officer
from desktop.store.queries import list_visits
from desktop.store.tables import SUPPORT_KINDS, VISIT_OUTCOMES, VISIT_PURPOSES
from desktop.text import format_date


def _support(text: str) -> SupportItem:
    """`food:10:kg:200000` → kind, quantity, unit, value in VND (trailing parts optional)."""
    parts = text.split(":")
    if parts[0] not in SUPPORT_KINDS:
        raise argparse.ArgumentTypeError(i18n.tr("cli.support_kind", kind=parts[0][:40],
                                                 kinds=", ".join(SUPPORT_KINDS)))
    if len(parts) > 4:  # a fifth part was dropped without a word
        raise argparse.ArgumentTypeError(i18n.tr("cli.support_parts", value=text[:80]))
    quantity = check_number(parts[1], "--support", low=0, high=MAX_COUNT) if len(parts) > 1 and parts[1] else None
    value = check_int(parts[3], "--support", low=0, high=MAX_VND) if len(parts) > 3 and parts[3] else None
    return SupportItem(parts[0], quantity, parts[2] if len(parts) > 2 else None, value)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    visit = subparsers.add_parser("visit", help="lượt thăm hộ / door-to-door visits")
    actions = visit.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(visit))

    add = actions.add_parser("add", help="ghi lượt thăm / log a visit")
    add_common_options(add)
    add.add_argument("--household", required=True, help="mã hộ hoặc id / code or id")
    add.add_argument("--date", help="dd/mm/yyyy (mặc định hôm nay / default today)")
    add.add_argument("--purpose", action="append", required=True, choices=VISIT_PURPOSES)
    add.add_argument("--outcome", default="met", choices=VISIT_OUTCOMES)
    add.add_argument("--person-met")
    add.add_argument("--findings")
    add.add_argument("--follow-up", help="hạn theo dõi / follow-up due, dd/mm/yyyy")
    add.add_argument("--support", action="append", default=[], type=_support,
                     help="KIND:QTY:UNIT:VND, ví dụ food:10:kg:200000")
    add.add_argument("--officer")
    add.set_defaults(handler=_add)

    edit = actions.add_parser("edit", help="sửa lượt thăm / correct a visit (chỉ đổi điều được ghi)")
    add_common_options(edit)
    edit.add_argument("visit", metavar="VISIT_ID", help="mã lượt thăm (8 ký tự đầu) / id or its first 8 characters")
    edit.add_argument("--household", help="mã hộ hoặc id / code or id")
    edit.add_argument("--date", help="dd/mm/yyyy")
    edit.add_argument("--purpose", action="append", choices=VISIT_PURPOSES)
    edit.add_argument("--outcome", choices=VISIT_OUTCOMES)
    edit.add_argument("--person-met")
    edit.add_argument("--findings")
    edit.add_argument("--follow-up", help="hạn theo dõi / follow-up due, dd/mm/yyyy ('' để xóa / to clear)")
    edit.add_argument("--support", action="append", type=_support,
                      help="KIND:QTY:UNIT:VND (thay mọi hỗ trợ đã ghi / replaces the support recorded)")
    edit.add_argument("--no-support", action="store_true", help="xóa mọi hỗ trợ đã ghi / remove the support")
    edit.set_defaults(handler=_edit)

    void = actions.add_parser("void", help="hủy lượt thăm ghi nhầm / void a visit recorded by mistake")
    add_common_options(void)
    void.add_argument("visit", metavar="VISIT_ID")
    void.add_argument("--reason", required=True, help="lý do / reason")
    void.set_defaults(handler=_void)

    restore = actions.add_parser("restore", help="khôi phục lượt thăm đã hủy / undo a void")
    add_common_options(restore)
    restore.add_argument("visit", metavar="VISIT_ID")
    restore.set_defaults(handler=_restore)

    listing = actions.add_parser("list", help="danh sách lượt thăm / list visits")
    add_common_options(listing)
    listing.add_argument("--household")
    listing.add_argument("--overdue", action="store_true", help="chỉ việc theo dõi quá hạn / overdue only")
    listing.add_argument("--limit", type=whole_number("--limit", 0, MAX_COUNT), default=50)
    listing.set_defaults(handler=_list)


def _add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        visit_id = add_visit(
            store, household_id=args.household, visited_on=args.date or clock.today(), purposes=args.purpose,
            outcome=args.outcome, officer_id=args.officer, person_met=args.person_met, findings=args.findings,
            follow_up_due=args.follow_up, support=args.support,
        )
    print(i18n.tr("cli.visit_added", id=visit_id))
    return 0


def _edit(args: argparse.Namespace) -> int:
    """Only what is given changes: the rest is the visit as recorded (read and written in one transaction)."""
    given = {
        "household_id": args.household, "visited_on": args.date, "purposes": args.purpose, "outcome": args.outcome,
        "person_met": args.person_met, "findings": args.findings, "follow_up_due": args.follow_up,
        "support": [] if args.no_support else args.support,
    }
    with open_store(args) as store:
        visit_id = resolve_visit(store, args.visit)
        correct_visit(store, visit_id, {name: value for name, value in given.items() if value is not None})
    print(i18n.tr("cli.visit_updated", id=visit_id))
    return 0


def _void(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        visit_id = resolve_visit(store, args.visit)
        void_visit(store, visit_id, args.reason)
    print(i18n.tr("cli.visit_voided", id=visit_id))
    return 0


def _restore(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        visit_id = resolve_visit(store, args.visit)
        restore_visit(store, visit_id)
    print(i18n.tr("cli.visit_restored", id=visit_id))
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        household_id = resolve_household(store, args.household) if args.household else None
        visits = list_visits(store, household_id=household_id, limit=args.limit,
                             overdue_on=clock.today() if args.overdue else None,
                             officer_id=visible_officer(store))
    if not visits:
        print(i18n.tr("cli.none_found"))
        return 0
    print_table(
        [i18n.tr(f"col.{c}") for c in ("id", "date", "address", "purposes", "outcome", "follow_up")],
        [(str(v["id"])[:8], format_date(v["visited_at"]), f"{v['house_no'] or ''} {v['street'] or ''}".strip(),
          labels("purpose", v["purposes"]),
          label("outcome", v["outcome"]) + (f" ({i18n.tr('cli.voided')})" if v["voided"] else ""),
          format_date(v["follow_up_due"])) for v in visits],
    )
    return 0
