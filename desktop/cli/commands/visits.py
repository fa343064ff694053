"""`wardbook visit add|list`."""

from __future__ import annotations

import argparse
from datetime import date

from desktop import i18n
from desktop.cli.context import add_common_options, open_store, print_table, whole_number
from desktop.register.households import resolve_household
from desktop.register.labels import label, labels
from desktop.register.validation import MAX_COUNT, MAX_VND, check_int, check_number
from desktop.register.visits import SupportItem, add_visit
from desktop.security.session import visible_officer
from desktop.store.queries import list_visits
from desktop.store.tables import SUPPORT_KINDS, VISIT_OUTCOMES, VISIT_PURPOSES
from desktop.text import format_date


def _support(text: str) -> SupportItem:
    """`food:10:kg:200000` → kind, quantity, unit, value in VND (trailing parts optional)."""
    parts = text.split(":")
    if parts[0] not in SUPPORT_KINDS:
        raise argparse.ArgumentTypeError(f"{parts[0]} ∉ {', '.join(SUPPORT_KINDS)}")
    quantity = check_number(parts[1], "--support", low=0, high=MAX_COUNT) if len(parts) > 1 and parts[1] else None
    value = check_int(parts[3], "--support", low=0, high=MAX_VND) if len(parts) > 3 and parts[3] else None
    return SupportItem(parts[0], quantity, parts[2] if len(parts) > 2 else None, value)


def register(subparsers: argparse._SubParsersAction) -> None:
    visit = subparsers.add_parser("visit", help="lượt thăm hộ / door-to-door visits")
    actions = visit.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(visit))

    add = actions.add_parser("add", help="ghi lượt thăm / log a visit")
    add_common_options(add)
    add.add_argument("--household", required=True, help="mã hộ hoặc id / code or id")
    add.add_argument("--date", default=date.today().strftime("%d/%m/%Y"), help="dd/mm/yyyy")
    add.add_argument("--purpose", action="append", required=True, choices=VISIT_PURPOSES)
    add.add_argument("--outcome", default="met", choices=VISIT_OUTCOMES)
    add.add_argument("--person-met")
    add.add_argument("--findings")
    add.add_argument("--follow-up", help="hạn theo dõi / follow-up due, dd/mm/yyyy")
    add.add_argument("--support", action="append", default=[], type=_support,
                     help="KIND:QTY:UNIT:VND, ví dụ food:10:kg:200000")
    add.add_argument("--officer")
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="danh sách lượt thăm / list visits")
    add_common_options(listing)
    listing.add_argument("--household")
    listing.add_argument("--overdue", action="store_true", help="chỉ việc theo dõi quá hạn / overdue only")
    listing.add_argument("--limit", type=whole_number("--limit", 0, MAX_COUNT), default=50)
    listing.set_defaults(handler=_list)


def _add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        visit_id = add_visit(
            store, household_id=args.household, visited_on=args.date, purposes=args.purpose, outcome=args.outcome,
            officer_id=args.officer, person_met=args.person_met, findings=args.findings,
            follow_up_due=args.follow_up, support=args.support,
        )
    print(i18n.tr("cli.visit_added", id=visit_id))
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        household_id = resolve_household(store, args.household) if args.household else None
        visits = list_visits(store, household_id=household_id, limit=args.limit,
                             overdue_on=date.today() if args.overdue else None,
                             officer_id=visible_officer(store))
    if not visits:
        print(i18n.tr("cli.none_found"))
        return 0
    print_table(
        [i18n.tr(f"col.{c}") for c in ("date", "address", "purposes", "outcome", "follow_up")],
        [(format_date(v["visited_at"]), f"{v['house_no'] or ''} {v['street'] or ''}".strip(),
          labels("purpose", v["purposes"]),  # type: ignore[arg-type]
          label("outcome", v["outcome"]), format_date(v["follow_up_due"])) for v in visits],  # type: ignore[arg-type]
    )
    return 0
