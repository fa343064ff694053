"""`wardbook report review|walklist|household`: the PDF reports (and the review's XLSX/CSV) from the shell."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from desktop import files, i18n
from desktop.cli.context import add_common_options, open_store, progress_printer, whole_number
from desktop.errors import WardbookError
from desktop.register.households import find_area
from desktop.register.validation import MAX_DAYS, parse_date
from desktop.reports.export import write_csv, write_xlsx
from desktop.reports.figures import review_figures
from desktop.reports.household_sheet import build_household_sheet
from desktop.reports.periods import Period, date_range, parse_period
from desktop.reports.review import build_review
from desktop.reports.settings import missing_ward_name
from desktop.reports.walklist import WalkFilter, build_walk_list
from desktop.store import Store
from desktop.store.tables import NOTE_SECTIONS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = subparsers.add_parser("report", help="báo cáo PDF / PDF reports")
    actions = report.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(report))

    review = actions.add_parser("review", help="báo cáo sơ kết, tổng kết / periodic review")
    add_common_options(review)
    review.add_argument("--from", dest="start", help="từ ngày / first day, dd/mm/yyyy")
    review.add_argument("--to", dest="end", help="đến ngày / last day, dd/mm/yyyy")
    review.add_argument("--period", help="kỳ / period: 2026-06, 2026-Q2, 2026-H1, 2026")
    review.add_argument("--area", help="khu phố (tên hoặc id); mặc định toàn phường / default: whole ward")
    review.add_argument("--out", type=Path, help="tệp PDF / PDF file")
    review.add_argument("--docx", type=Path, help="tệp Word (DOCX) để chỉnh sửa / editable Word file")
    review.add_argument("--xlsx", type=Path, help="xuất số liệu ra XLSX / also export the figures as XLSX")
    review.add_argument("--csv", type=Path, help="xuất số liệu ra CSV / also export the figures as CSV")
    review.add_argument("--date", help="ngày ký báo cáo / date on the report, dd/mm/yyyy (default: today)")
    review.add_argument(
        "--annex-names",
        action="store_true",
        help="kèm danh sách hộ có họ tên (phụ lục, XLSX, CSV; ghi nhật ký) / add the lists of households by "
        "name (annexes, XLSX, CSV; recorded in the audit log)",
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

    notes = actions.add_parser("notes", help="nội dung báo cáo do lãnh đạo viết / the review's narrative")
    add_common_options(notes)
    notes.add_argument("--period", required=True, help="kỳ / period: 2026-Q2, 2026-H1, 2026")
    notes.add_argument("--area", help="khu phố (tên hoặc id); mặc định toàn phường / default: whole ward")
    notes.add_argument("--section", help="mục / section: " + ", ".join(NOTE_SECTIONS))
    notes.add_argument("--text", help="nội dung (để trống: xóa) / the text (empty: remove it)")
    notes.add_argument("--file", type=Path, help="đọc nội dung từ tệp UTF-8 / read the text from a UTF-8 file")
    notes.set_defaults(handler=_notes)

    sheet = actions.add_parser("household", help="phiếu thông tin hộ / household sheet")
    add_common_options(sheet)
    sheet.add_argument("household", help="mã hộ hoặc id / code or id")
    sheet.add_argument("--out", required=True, type=Path, help="tệp PDF / PDF file")
    sheet.set_defaults(handler=_household)


def _warn_if_no_ward_name(store: Store) -> None:
    """Say, before the report is made, that its heading will name no ward (a dotted line to fill in by hand)."""
    if missing_ward_name(store):
        print(i18n.tr("reports.missing_ward_name"), file=sys.stderr)


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
    if args.out is None and args.docx is None:
        raise WardbookError("reports.cli_out_or_docx")
    issued_on = date.fromisoformat(str(parse_date(args.date))) if args.date else None
    with open_store(args) as store:
        # the open database and the key file in use are known by now
        files.check_outputs([(args.out, "pdf"), (args.docx, "docx"), (args.xlsx, "xlsx"), (args.csv, "csv")])
        _warn_if_no_ward_name(store)
        area_id = find_area(store, args.area) if args.area else None
        notes: list[str] = []  # figures unlike an earlier print of this review as of the same day (`reprint`)
        with files.output_set():  # all the files are this period's, or none is replaced
            figures = build_review(
                store,
                period,
                args.out,
                docx=args.docx,
                area_id=area_id,
                issued_on=issued_on,
                progress=progress_printer(args),
                annex_names=args.annex_names,
                changed=notes.append,
            )
            for path, write in ((args.xlsx, write_xlsx), (args.csv, write_csv)):
                if path:
                    write(figures, path, names=args.annex_names)
        for path in (args.out, args.docx, args.xlsx, args.csv):
            if path:
                print(i18n.tr("reports.cli_written", path=path))
        for note in notes:
            print(note, file=sys.stderr)
    print(
        i18n.tr(
            "reports.cli_review_figures",
            visits=i18n.count(figures.visits),
            visited=i18n.count(figures.households_visited),
            households=i18n.count(figures.households),
            not_visited=i18n.count(len(figures.not_visited)),
            overdue=i18n.count(len(figures.overdue)),
        )
    )
    return 0


def _notes(args: argparse.Namespace) -> int:
    """With --section: write (or with an empty text, remove) one section; without: list the sections, the
    written ones and, for those who may see the figures, the drafts of the others."""
    from desktop.reports.notes import set_note

    if args.section is None:
        if args.text is not None or args.file is not None:
            raise WardbookError("reports.cli_note_text_or_file")
        return _list_notes(args)
    if (args.text is None) == (args.file is None):
        raise WardbookError("reports.cli_note_text_or_file")
    text = args.text if args.file is None else _read_note(args.file)
    with open_store(args) as store:
        note_id = set_note(store, args.period, args.section, text, area=args.area)
    msg = "reports.cli_note_written" if note_id else "reports.cli_note_removed"
    print(i18n.tr(msg, section=args.section, period=parse_period(args.period).code))
    return 0


def _read_note(path: Path) -> str:
    """The text of a note file. An empty one (a failed save, the wrong file) is refused: it would have removed the
    section the team lead wrote; removing takes an explicit empty --text."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise WardbookError("reports.cli_note_unreadable", path=path) from None
    if not text.strip():
        raise WardbookError("reports.cli_note_empty_file", path=path)
    return text


def _list_notes(args: argparse.Namespace) -> int:
    from desktop.cli.context import print_table
    from desktop.reports.narrative import drafts, section_title
    from desktop.reports.notes import notes
    from desktop.security.permissions import can
    from desktop.security.session import current_actor

    with open_store(args) as store:
        written = notes(store, args.period, args.area)
        draft: dict[str, str] = {}
        if can(current_actor(store), "reports.view"):
            area_id = find_area(store, args.area) if args.area else None
            draft = drafts(review_figures(store, parse_period(args.period), area_id))
    rows = []
    for section in NOTE_SECTIONS:
        if section in written:
            rows.append((section, section_title(section), i18n.tr("reports.note_written"), written[section]))
        elif draft.get(section):
            rows.append((section, section_title(section), i18n.tr("reports.note_draft"), draft[section]))
    print_table([i18n.tr(f"reports.cli_notes_{key}") for key in ("section", "title", "state", "text")], rows)
    return 0


def _walklist(args: argparse.Namespace) -> int:
    flt = WalkFilter(args.not_visited_days, args.never_visited, args.overdue)
    with open_store(args) as store:
        files.check_target(args.out, "pdf")
        _warn_if_no_ward_name(store)
        lines = build_walk_list(
            store, find_area(store, args.area), args.out, flt=flt, progress=progress_printer(args)
        )
    print(i18n.tr("reports.cli_written_rows", path=args.out, count=i18n.count(len(lines))))
    return 0


def _household(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        files.check_target(args.out, "pdf")
        _warn_if_no_ward_name(store)
        build_household_sheet(store, args.household, args.out, progress=progress_printer(args))
    print(i18n.tr("reports.cli_written", path=args.out))
    return 0
