"""`wardbook report review|walklist|household`: the PDF reports (and the review's XLSX/CSV) from the shell."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from desktop import files, i18n
from desktop.cli.context import add_common_options, open_store, progress_printer, whole_number
from desktop.errors import WardbookError
from desktop.register.households import find_area
from desktop.register.validation import MAX_DAYS, parse_date
from desktop.reports.export import write_csv, write_xlsx
from desktop.reports.household_sheet import build_household_sheet
from desktop.reports.periods import Period, date_range, parse_period
from desktop.reports.review import build_review
from desktop.reports.walklist import WalkFilter, build_walk_list


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg,unused-ignore]
    report = subparsers.add_parser("report", help="báo cáo PDF / PDF reports")
    actions = report.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(report))

    review = actions.add_parser("review", help="báo cáo sơ kết, tổng kết / periodic review")
    add_common_options(review)
    review.add_argument("--from", dest="start", help="từ ngày / first day, dd/mm/yyyy")
    review.add_argument("--to", dest="end", help="đến ngày / last day, dd/mm/yyyy")
    review.add_argument("--period", help="kỳ / period: 2026-06, 2026-Q2, 2026-H1, 2026")
    review.add_argument("--area", help="khu phố (tên hoặc id); mặc định toàn phường / default: whole ward")
    review.add_argument("--out", required=True, type=Path, help="tệp PDF / PDF file")
    review.add_argument("--xlsx", type=Path, help="xuất số liệu ra XLSX / also export the figures as XLSX")
    review.add_argument("--csv", type=Path, help="xuất số liệu ra CSV / also export the figures as CSV")
    review.add_argument("--date", help="ngày ký báo cáo / date on the report, dd/mm/yyyy (default: today)")
    review.add_argument(
        "--annex-names",
        action="store_true",
        help="kèm phụ lục danh sách hộ (có họ tên, ghi nhật ký) / add the annexes listing households by name "
        "(recorded in the audit log)",
    )
    review.set_defaults(handler=_review)

    walk = actions.add_parser("walklist", help="danh sách hộ cần thăm / walk list")
    add_common_options(walk)
    walk.add_argument("--area", required=True, help="khu phố (tên hoặc id)")
    walk.add_argument("--not-visited-days", type=whole_number("--not-visited-days", 0, MAX_DAYS),
                      help="chưa thăm trong N ngày / not visited in N days")
    walk.add_argument("--never-visited", action="store_true", help="chưa từng được thăm / never visited")
    walk.add_argument("--overdue", action="store_true", help="có việc theo dõi quá hạn / overdue follow-up")
    walk.add_argument("--out", required=True, type=Path, help="tệp PDF / PDF file")
    walk.set_defaults(handler=_walklist)

    sheet = actions.add_parser("household", help="phiếu thông tin hộ / household sheet")
    add_common_options(sheet)
    sheet.add_argument("household", help="mã hộ hoặc id / code or id")
    sheet.add_argument("--out", required=True, type=Path, help="tệp PDF / PDF file")
    sheet.set_defaults(handler=_household)


def _period(args: argparse.Namespace) -> Period:
    if args.period:
        if args.start or args.end:
            raise WardbookError("reports.cli_period_or_range")
        return parse_period(args.period)
    if not (args.start and args.end):
        raise WardbookError("reports.cli_period_or_range")
    start, end = parse_date(args.start, required=True), parse_date(args.end, required=True)
    return date_range(date.fromisoformat(str(start)), date.fromisoformat(str(end)))


def _review(args: argparse.Namespace) -> int:
    period = _period(args)
    issued_on = date.fromisoformat(str(parse_date(args.date))) if args.date else None
    with open_store(args) as store:
        for out in (args.out, args.xlsx, args.csv):
            if out:
                files.check_target(out)  # the open database and the key file in use are known by now
        area_id = find_area(store, args.area) if args.area else None
        figures = build_review(
            store,
            period,
            args.out,
            area_id=area_id,
            issued_on=issued_on,
            progress=progress_printer(args),
            annex_names=args.annex_names,
        )
        print(i18n.tr("reports.cli_written", path=args.out))
        for path, write in ((args.xlsx, write_xlsx), (args.csv, write_csv)):
            if path:
                write(figures, path)
                print(i18n.tr("reports.cli_written", path=path))
    print(
        i18n.tr(
            "reports.cli_review_figures",
            visits=figures.visits,
            visited=figures.households_visited,
            households=figures.households,
            not_visited=len(figures.not_visited),
            overdue=len(figures.overdue),
        )
    )
    return 0


def _walklist(args: argparse.Namespace) -> int:
    flt = WalkFilter(args.not_visited_days, args.never_visited, args.overdue)
    with open_store(args) as store:
        files.check_target(args.out)
        lines = build_walk_list(
            store, find_area(store, args.area), args.out, flt=flt, progress=progress_printer(args)
        )
    print(i18n.tr("reports.cli_written_rows", path=args.out, count=len(lines)))
    return 0


def _household(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        files.check_target(args.out)
        build_household_sheet(store, args.household, args.out, progress=progress_printer(args))
    print(i18n.tr("reports.cli_written", path=args.out))
    return 0
