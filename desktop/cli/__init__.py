"""`wardbook` command line: the station admin's and the tests' entry point to the core.

Each command group lives in its own module under `desktop.cli.commands` and registers itself through
`register(subparsers)`. Every command takes `--db PATH` and `--lang vi|en`; a `WardbookError` becomes one line
on stderr in the chosen language and exit status 2, so scripts can tell bad input from a crash.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from desktop import i18n
from desktop.cli import messages  # noqa: F401  (registers the CLI's messages)
from desktop.cli.context import add_common_options, db_path
from desktop.errors import WardbookError
from desktop.failures import environment_error
from desktop.store.connection import DATABASE_ERRORS

COMMAND_MODULES = (
    "desktop.cli.commands.setup",
    "desktop.cli.commands.households",
    "desktop.cli.commands.visits",
    "desktop.cli.commands.search",
    "desktop.cli.commands.io",
    "desktop.cli.commands.security",
    "desktop.cli.commands.sync",
    "desktop.cli.commands.report",
    "desktop.cli.commands.commendations",
)
EXIT_USER_ERROR = 2
ENVIRONMENT_ERRORS: tuple[type[Exception], ...] = (OSError, *DATABASE_ERRORS)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in the chosen language and with the same exit status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(i18n.tr("cli.usage_error", detail=message), file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="wardbook", description=i18n.tr("cli.description"))
    add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def _language_from(argv: Sequence[str]) -> str:
    """Read `--lang` before parsing, so even argparse's own errors come out in the right language."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv) and argv[index + 1] in i18n.LANGUAGES:
            return argv[index + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in i18n.LANGUAGES:
            return arg.split("=", 1)[1]
    return i18n.DEFAULT_LANG


def _fail(error: WardbookError) -> int:
    print(i18n.tr("cli.error", message=error.message()), file=sys.stderr)
    return EXIT_USER_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_language_from(args_list))
    try:
        os.getcwd()
    except FileNotFoundError:
        return _fail(WardbookError("env.failed", path=".", cause=i18n.Ref("env.cwd_gone")))
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        return int(args.handler(args) or 0)
    except WardbookError as error:
        return _fail(error)
    except KeyboardInterrupt:
        print(i18n.tr("cli.interrupted"), file=sys.stderr)
        return 130
    except ENVIRONMENT_ERRORS as error:
        # The environment's failure (disk full, permission denied…) as one line; a database error names the
        # database, an OS error the file the OS names. Anything else is a bug and keeps its traceback.
        told = environment_error(error, None if isinstance(error, OSError) else db_path(args))
        if told is None:
            raise
        return _fail(told)
