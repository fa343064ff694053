"""`wardbook init`, `wardbook demo`, `wardbook stats`."""

from __future__ import annotations

import argparse
import time
from collections.abc import Mapping
from typing import cast

from desktop import i18n
from desktop.cli.context import (
    add_common_options,
    db_path,
    finite_number,
    open_store,
    print_table,
    progress_printer,
    whole_number,
)
from desktop.errors import WardbookError
from desktop.register.validation import MAX_TEXT, check_text
from desktop.security.access import change_setting, ward_figures


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser("init", help="tạo cơ sở dữ liệu mới / create a new database")
    add_common_options(init)
    init.add_argument("--admin", metavar="USERNAME",
                      help="tạo tài khoản quản trị đầu tiên / create the first admin (WARDBOOK_NEW_PASSWORD)")
    init.add_argument("--full-name", default="")
    init.add_argument("--ward", metavar="TÊN", help="tên phường, in trên báo cáo / the ward's name, printed on "
                      "reports (\"Phường Chợ Lớn\")")
    init.set_defaults(handler=_init)

    demo = subparsers.add_parser("demo", help="tạo phường mẫu / generate a demo ward")
    add_common_options(demo)
    demo.add_argument("--households", type=whole_number("--households", 1, 200_000), default=2000)
    demo.add_argument("--visits-per-household", type=finite_number("--visits-per-household", 0, 20), default=2.0)
    demo.add_argument("--seed", type=whole_number("--seed", 0, 2**31), default=1)
    demo.set_defaults(handler=_demo)

    setting = subparsers.add_parser("setting", help="thiết lập của phường / ward settings (report.place…)")
    add_common_options(setting)
    setting.add_argument("key", nargs="?", help="bỏ trống để xem tất cả / omit to list all")
    setting.add_argument("value", nargs="?")
    setting.set_defaults(handler=_setting)

    stats = subparsers.add_parser("stats", help="số liệu tổng hợp / headline figures")
    add_common_options(stats)
    stats.set_defaults(handler=_stats)


def _init(args: argparse.Namespace) -> int:
    from desktop.reports.settings import missing_ward_name  # only init asks about reports' settings

    path = db_path(args)
    existed = path.exists()
    with open_store(args, create=True) as store:
        if args.ward is not None:  # a name that cannot be kept is refused before anything is written
            check_text(args.ward, "report.ward_name", limit=MAX_TEXT)
        if args.admin:
            from desktop.cli.commands.security import create_admin

            create_admin(store, args.admin, args.full_name)
        if args.ward is not None:  # by the admin just made, or by whoever sets up a register with no account yet
            change_setting(store, "report.ward_name", args.ward)
        unnamed = missing_ward_name(store)
    print(i18n.tr("cli.init_exists" if existed else "cli.init_done", path=path))
    if unnamed:
        print(i18n.tr("cli.init_ward_hint"))
    return 0


def _demo(args: argparse.Namespace) -> int:
    from desktop.demo import DemoSize, generate_demo_ward  # the generator's name lists: only for this command

    with open_store(args, create=True) as store:
        existing = int(store.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0])
        if existing:
            raise WardbookError("cli.demo_not_empty", path=str(store.path), count=existing)
        started = time.perf_counter()
        counts = generate_demo_ward(
            store,
            DemoSize(households=args.households, visits_per_household=args.visits_per_household, seed=args.seed),
            progress=progress_printer(args),
        )
    print(i18n.tr("cli.demo_done", households=counts.get("households", 0), people=counts.get("people", 0),
                  visits=counts.get("visits", 0), seconds=time.perf_counter() - started))
    return 0


def _setting(args: argparse.Namespace) -> int:
    """Show the ward settings, one of them, or set one (`wardbook setting report.place "Phường 5"`)."""
    with open_store(args) as store:
        if args.key is not None and args.value is not None:
            change_setting(store, args.key, args.value)
        rows = store.conn.execute(
            "SELECT key, value FROM settings WHERE ? IS NULL OR key = ? ORDER BY key", (args.key, args.key)
        ).fetchall()
    # Sync's and the clock check's bookkeeping are this laptop's own state, not settings of the ward.
    print_table(["", ""], [tuple(row) for row in rows if not str(row[0]).startswith(("sync.", "clock."))])
    return 0


def _stats(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        figures = ward_figures(store)
    counts = cast(Mapping[str, int], figures)  # every figure is a count
    print_table(["", ""], [(i18n.tr(f"stats.{key}"), i18n.count(value)) for key, value in counts.items()])
    return 0
