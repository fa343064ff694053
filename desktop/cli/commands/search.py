"""`wardbook search TEXT`: the same accent-insensitive search as the app's search box."""

from __future__ import annotations

import argparse

from desktop.cli.commands.households import print_households
from desktop.cli.context import add_common_options, open_store, whole_number
from desktop.register.validation import MAX_COUNT
from desktop.store.queries import HouseholdFilter, find_households, household_summaries


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = subparsers.add_parser("search", help="tìm hộ / find households (không cần dấu)")
    add_common_options(search)
    search.add_argument("text", nargs="+")
    search.add_argument("--limit", type=whole_number("--limit", 0, MAX_COUNT), default=30)
    search.set_defaults(handler=_search)


def _search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        found = find_households(store, HouseholdFilter(text=" ".join(args.text)), limit=args.limit)
        print_households(household_summaries(store, found.ids), found.total)
    return 0
