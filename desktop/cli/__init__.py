"""`wardbook` command line: the station admin's and the tests' entry point to the core.

Each command group lives in its own module under `desktop.cli.commands` and registers itself through
`register(subparsers)`. Every command takes `--db PATH` and `--lang vi|en`; a `WardbookError` becomes one line
on stderr in the chosen language and exit status 2, so scripts can tell bad input from a crash.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import i18n
from desktop.cli import messages  # noqa: F401  (registers the CLI's messages)
from desktop.cli.context import add_common_options
from desktop.errors import WardbookError

# Each command → the module under desktop.cli.commands that registers it. Only the module of the command being run
# is imported (with --help or an unknown command, all of them): a command's process pays for what it uses, and
# reportlab, openpyxl, the sync's crypto or the demo generator cost a search several times the search itself.
# tests/test_cli_imports.py checks that this table is what the modules register.
COMMANDS = {
    "init": "setup", "demo": "setup", "setting": "setup", "stats": "setup",
    "household": "households",
    "visit": "visits",
    "search": "search",
    "import": "io", "export": "io",
    "user": "security", "audit": "security", "backup": "security", "restore": "security", "retention": "security",
    "person": "security",
    "share": "sync", "enroll": "sync", "sync": "sync",
    "report": "report",
    "commendation": "commendations",
}
COMMAND_MODULES = tuple(f"desktop.cli.commands.{name}" for name in dict.fromkeys(COMMANDS.values()))
# Options of the top-level parser that take a value (see `context.add_common_options`).
_VALUE_OPTIONS = frozenset({"--db", "--lang", "--user", "--key-file"})
EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in the chosen language and with the same exit status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(i18n.tr("cli.usage_error", detail=message), file=sys.stderr)
        raise SystemExit(EXIT_USER_ERROR)


def _command_of(argv: Sequence[str]) -> str | None:
    """The command word of `argv`: its first argument that is neither an option nor an option's value."""
    after_option = False
    for arg in argv:
        if after_option:
            after_option = False
        elif arg in _VALUE_OPTIONS:
            after_option = True
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or with only the command `argv` runs when it names a known one."""
    parser = _Parser(prog="wardbook", description=i18n.tr("cli.description"))
    add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    command = _command_of(argv) if argv is not None and "-h" not in argv and "--help" not in argv else None
    modules = (f"desktop.cli.commands.{COMMANDS[command]}",) if command in COMMANDS else COMMAND_MODULES
    for module_name in modules:
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


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_language_from(args_list))
    parser = build_parser(args_list)
    args = parser.parse_args(args_list)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        return int(args.handler(args) or 0)
    except WardbookError as error:
        print(i18n.tr("cli.error", message=error.message()), file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(i18n.tr("cli.interrupted"), file=sys.stderr)
        return 130
