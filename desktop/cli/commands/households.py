"""`wardbook household add|edit|show|list`."""

from __future__ import annotations

import argparse

from desktop import i18n
from desktop.cli.context import add_common_options, open_store, print_table, whole_number
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.register.households import add_household, find_area, resolve_household, update_household
from desktop.register.labels import label, labels
from desktop.register.validation import MAX_COUNT, MAX_DAYS
from desktop.security.access import view_household
from desktop.store.queries import HouseholdFilter, household_summaries, list_household_ids
from desktop.store.rows import HouseholdSummary
from desktop.text import format_date


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    household = subparsers.add_parser("household", help="sổ hộ / household register")
    actions = household.add_subparsers(dest="action", metavar="ACTION", required=True,
                                       parser_class=type(household))

    add = actions.add_parser("add", help="thêm hộ / add a household")
    add_common_options(add)
    add.add_argument("--area", required=True, help="khu phố (tên hoặc id)")
    add.add_argument("--house-no", required=True)
    add.add_argument("--street", required=True)
    add.add_argument("--head", required=True, help="họ và tên chủ hộ / head of household")
    add.add_argument("--head-birth-year")
    add.add_argument("--head-gender", choices=("male", "female", "other"))
    add.add_argument("--phone")
    add.add_argument("--flag", action="append", default=[], choices=HOUSEHOLD_FLAGS)
    add.add_argument("--code")
    add.add_argument("--notes")
    add.set_defaults(handler=_add)

    change = actions.add_parser("edit", help="sửa địa chỉ, khu phố, điện thoại của hộ / correct a household")
    add_common_options(change)
    change.add_argument("household", help="mã hộ hoặc id / code or id")
    change.add_argument("--area", help="khu phố (tên hoặc id)")
    change.add_argument("--house-no")
    change.add_argument("--street")
    change.add_argument("--phone", help='"" xoá số / "" clears it')
    change.set_defaults(handler=_edit)

    show = actions.add_parser("show", help="xem hộ / show a household")
    add_common_options(show)
    show.add_argument("household", help="mã hộ hoặc id / code or id")
    show.set_defaults(handler=_show)

    listing = actions.add_parser("list", help="danh sách hộ / list households")
    add_common_options(listing)
    listing.add_argument("--area")
    listing.add_argument("--flag", action="append", default=[], choices=HOUSEHOLD_FLAGS)
    listing.add_argument("--not-visited-days", type=whole_number("--not-visited-days", 0, MAX_DAYS))
    listing.add_argument("--overdue", action="store_true", help="có việc theo dõi quá hạn / overdue follow-up")
    listing.add_argument("--limit", type=whole_number("--limit", 0, MAX_COUNT), default=50)
    listing.set_defaults(handler=_list)


def _add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        household_id = add_household(
            store, area_id=find_area(store, args.area), house_no=args.house_no, street=args.street,
            head_name=args.head, head_birth_year=args.head_birth_year, head_gender=args.head_gender,
            phone=args.phone, flags=args.flag, code=args.code, notes=args.notes,
        )
        code = household_summaries(store, [household_id])[0]["code"]
    print(i18n.tr("cli.household_added", code=code, id=household_id))
    return 0


def _edit(args: argparse.Namespace) -> int:
    """Only the options given change; the others keep their current value."""
    with open_store(args) as store:
        household_id = resolve_household(store, args.household)
        code, area_id, house_no, street, phone = store.conn.execute(
            "SELECT code, area_id, house_no, street, phone FROM households WHERE id = ?", (household_id,)
        ).fetchone()
        changed = update_household(
            store, household_id,
            area_id=find_area(store, args.area) if args.area is not None else area_id,
            house_no=args.house_no if args.house_no is not None else house_no,
            street=args.street if args.street is not None else street,
            phone=args.phone if args.phone is not None else phone,
        )
    if changed:
        print(i18n.tr("cli.household_updated", code=code, fields=", ".join(sorted(changed))))
    else:
        print(i18n.tr("cli.household_unchanged", code=code))
    return 0


def print_households(summaries: list[HouseholdSummary], total: int) -> None:
    if not summaries:
        print(i18n.tr("cli.none_found"))
        return
    headers = [i18n.tr(f"col.{c}") for c in ("code", "address", "area", "head", "members", "last_visit", "flags")]
    print_table(headers, [
        (s["code"], f"{s['house_no']} {s['street']}", s["area"], s["head"], s["members"],
         format_date(s["last_visit"]) or "—", labels("flag", list(s["flags"])))
        for s in summaries
    ])
    if total > len(summaries):
        print(i18n.tr("cli.more", count=total - len(summaries)))


def _list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        flt = HouseholdFilter(
            area_id=find_area(store, args.area) if args.area else None, flags=tuple(args.flag),
            not_visited_days=args.not_visited_days, has_overdue_follow_up=args.overdue,
        )
        ids = list_household_ids(store, flt)
        print_households(household_summaries(store, ids[: args.limit]), len(ids))
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        detail = view_household(store, resolve_household(store, args.household))
    print(f"{detail['code']} — {detail['house_no']} {detail['street']}, {detail['area'] or ''}")
    print(f"{i18n.tr('col.head')}: {detail['head']}   {i18n.tr('col.phone')}: {detail['phone'] or '—'}")
    print(f"{i18n.tr('col.flags')}: {labels('flag', list(detail['flags'])) or '—'}")
    print(f"\n{i18n.tr('heading.members')}")
    print_table([i18n.tr("col.name"), i18n.tr("col.birth_year"), i18n.tr("col.relation")],
                [(p["full_name"], p["birth_year"], p["relation_to_head"]) for p in detail["people"]])
    print(f"\n{i18n.tr('heading.visits')}")
    visits = detail["visits"]
    if visits:
        print_table(
            [i18n.tr(f"col.{c}") for c in ("date", "purposes", "outcome", "follow_up", "findings")],
            [(format_date(v["visited_at"]), labels("purpose", v["purposes"]), label("outcome", v["outcome"]),
              format_date(v["follow_up_due"]), v["findings"] or "") for v in visits],
        )
    else:
        print(i18n.tr("cli.none_found"))
    if detail.get("hidden_visits"):
        print(i18n.tr("cli.hidden_visits", count=detail["hidden_visits"]))
    return 0
