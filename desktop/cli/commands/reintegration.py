"""`wardbook reintegration add|list|end`: the reintegration register (people supported after a sentence)."""

from __future__ import annotations

import argparse
from datetime import date

from desktop import clock, i18n
from desktop.cli import record_messages  # noqa: F401  (registers the messages used here)
from desktop.cli.commands.cases import user_id
from desktop.cli.context import add_common_options, open_store, print_table
from desktop.register.reintegration import (
    add_reintegration,
    end_reintegration,
    find_record,
    list_reintegration,
    resolve_person,
)
from desktop.register.validation import parse_date
from desktop.security.session import visible_officer
from desktop.text import format_date


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser("reintegration", help="hỗ trợ tái hòa nhập / reintegration support")
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(command))

    add = actions.add_parser("add", help="ghi người được hỗ trợ / put a person under support")
    add_common_options(add)
    add.add_argument("--person", required=True, help="họ tên hoặc id / full name or id")
    add.add_argument("--start", help="ngày bắt đầu / start, dd/mm/yyyy (mặc định hôm nay / default today)")
    add.add_argument("--end", help="ngày kết thúc / end, dd/mm/yyyy")
    add.add_argument("--officer", help="cán bộ phụ trách: tên đăng nhập / officer responsible: username")
    add.add_argument("--notes", help="ghi chú (dữ liệu cá nhân) / notes (personal data)")
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="danh sách / list")
    add_common_options(listing)
    listing.add_argument("--current", action="store_true", help="chỉ người đang được hỗ trợ / only those under "
                                                                  "support")
    listing.add_argument("--on", help="vào ngày / on the day, dd/mm/yyyy (với --current)")
    listing.set_defaults(handler=_list)

    end = actions.add_parser("end", help="kết thúc hỗ trợ / end the support")
    add_common_options(end)
    end.add_argument("record", metavar="RECORD_ID", help="id (hoặc 8 ký tự đầu) / id (or its first 8 characters)")
    end.add_argument("--date", help="ngày kết thúc / end, dd/mm/yyyy (mặc định hôm nay / default today)")
    end.add_argument("--notes", help="ghi chú / notes")
    end.set_defaults(handler=_end)


def _add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        record_id = add_reintegration(store, person_id=resolve_person(store, args.person),
                                      started_on=args.start or clock.today(), ended_on=args.end,
                                      officer_id=user_id(store, args.officer), notes=args.notes)
    print(i18n.tr("cli.reintegration_added", id=record_id))
    return 0


def _list(args: argparse.Namespace) -> int:
    on = parse_date(args.on, field="--on")
    with open_store(args) as store:
        rows = list_reintegration(store, current_only=args.current or on is not None,
                                  on=date.fromisoformat(on) if on else None, officer_id=visible_officer(store))
    if not rows:
        print(i18n.tr("cli.none_found"))
        return 0
    print_table(
        [i18n.tr(f"col.{c}") for c in ("id", "person", "address", "started", "ended", "officer_responsible")],
        [(str(r["id"])[:8], r["person"], " ".join(str(p) for p in (r["house_no"], r["street"]) if p),
          format_date(r["started_on"]), format_date(r["ended_on"]), r["officer"] or "") for r in rows],
    )
    return 0


def _end(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        record_id = find_record(store, args.record)
        end_reintegration(store, record_id, ended_on=args.date or clock.today(), notes=args.notes)
    print(i18n.tr("cli.reintegration_ended", id=record_id[:8]))
    return 0
