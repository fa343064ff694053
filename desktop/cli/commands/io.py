"""`wardbook import FILE` and `wardbook export KIND --out FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import files, i18n
from desktop.cli.context import add_common_options, open_store, progress_printer
from desktop.errors import WardbookError
from desktop.io.columns import BY_FIELD
from desktop.io.exporter import EXPORTS, export
from desktop.io.importer import import_file, load_mapping, save_mapping
from desktop.register.households import find_area

EXIT_PROBLEMS = 2
MAX_PROBLEMS_SHOWN = 50


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = subparsers.add_parser("import", help="nhập danh sách hộ từ Excel/CSV / import households")
    add_common_options(importing)
    importing.add_argument("file", type=Path)
    importing.add_argument("--sheet", help="tên hoặc số thứ tự trang / sheet name or number")
    importing.add_argument("--all-sheets", action="store_true",
                           help="đọc mọi trang không ẩn (tên trang là khu phố) / read every visible sheet")
    importing.add_argument("--mapping", type=Path, help="JSON {tiêu đề cột: trường} / saved column mapping")
    importing.add_argument("--save-mapping", type=Path, help="lưu cách ghép cột / save the column mapping")
    importing.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra / check only, write nothing")
    importing.add_argument("--create-areas", action="store_true",
                           help="tạo khu phố chưa có / create the khu phố named in the file")
    importing.add_argument("--area", help="khu phố của các dòng không ghi khu phố / khu phố for rows naming none")
    importing.add_argument("--mark-moved-out", action="store_true",
                           help="đánh dấu chuyển đi người không còn trong danh sách / mark members left out as "
                                "moved out")
    importing.set_defaults(handler=_import)

    exporting = subparsers.add_parser("export", help="xuất ra Excel/CSV / export to XLSX or CSV")
    add_common_options(exporting)
    exporting.add_argument("kind", choices=sorted(EXPORTS))
    exporting.add_argument("--out", type=Path, required=True, help=".xlsx hoặc .csv")
    exporting.add_argument("--area")
    exporting.set_defaults(handler=_export)


def _import(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        mapping = _mapping(args.mapping) if args.mapping else None
        plan, result = import_file(store, args.file, sheet=args.sheet, all_sheets=args.all_sheets,
                                   mapping=mapping, dry_run=args.dry_run,
                                   create_areas=args.create_areas, area=args.area,
                                   mark_moved_out=args.mark_moved_out, progress=progress_printer(args))
    for notice in plan.notices:
        print(notice.message())
    for column, field in sorted(plan.mapping.items()):
        print(i18n.tr("io.mapping_line", header=plan.headers[column],
                      field=BY_FIELD[field].header(i18n.current_language())))
    if args.save_mapping:
        save_mapping(plan, args.save_mapping)
    for problem in plan.problems[:MAX_PROBLEMS_SHOWN]:
        print(problem.message(), file=sys.stderr if problem.blocking else sys.stdout)
    if len(plan.problems) > MAX_PROBLEMS_SHOWN:
        print(i18n.tr("cli.more", count=len(plan.problems) - MAX_PROBLEMS_SHOWN), file=sys.stderr)
    if any(problem.msg_id == "io.unknown_area" for problem in plan.blocking):
        print(i18n.tr("io.hint_create_areas"), file=sys.stderr)
    if plan.blocking:
        print(i18n.tr("cli.error", message=i18n.tr("io.has_problems", count=len(plan.blocking))), file=sys.stderr)
        return EXIT_PROBLEMS
    if result is not None:
        print(result.summary())
    return 0


def _mapping(path: Path) -> dict[str, str]:
    """The saved column mapping; a missing file is the environment's error, anything but a JSON object of
    texts is refused in one line."""
    try:
        mapping = load_mapping(path)
    except (ValueError, AttributeError) as error:
        raise WardbookError("cli.bad_mapping", path=str(path)) from error
    if not all(isinstance(field, str) for field in mapping.values()):
        raise WardbookError("cli.bad_mapping", path=str(path))
    unknown = [field for field in mapping.values() if field not in BY_FIELD]
    if unknown:  # checked before the file is read: an unknown field would be ignored, or fail after the import
        lang = i18n.current_language()
        raise WardbookError("io.unknown_mapping_field", path=str(path), value=unknown[0],
                            fields=", ".join(f"{key} ({column.header(lang)})" for key, column in BY_FIELD.items()))
    return mapping


def _export(args: argparse.Namespace) -> int:
    fmt = args.out.suffix.lower().removeprefix(".")
    with open_store(args) as store:
        files.check_target(args.out, fmt if fmt in ("xlsx", "csv") else None)
        area_id = find_area(store, args.area) if args.area else None
        if fmt not in ("xlsx", "csv"):
            raise WardbookError("io.unknown_format", path=str(args.out))
        count = export(store, args.kind, args.out, lang=i18n.current_language(), area_id=area_id)
    print(i18n.tr("io.exported", count=count, path=args.out))
    return 0
