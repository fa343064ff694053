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
from contextlib import suppress

from desktop import i18n
from desktop.cli import messages  # noqa: F401  (registers the CLI's messages)
from desktop.cli.context import add_common_options, db_path
from desktop.cli.usage import in_words
from desktop.errors import WardbookError
from desktop.failures import environment_error
from desktop.store.connection import DATABASE_ERRORS

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
    "case": "cases", "reintegration": "reintegration", "model": "models",
    "campaign": "campaign",
}
COMMAND_MODULES = tuple(f"desktop.cli.commands.{name}" for name in dict.fromkeys(COMMANDS.values()))
# Options of the top-level parser that take a value (see `context.add_common_options`).
_VALUE_OPTIONS = frozenset({"--db", "--lang", "--user", "--key-file"})
EXIT_USER_ERROR = 2
SHARE_COMMANDS = ("share", "enroll", "sync")
SHARE_DAMAGE = (ValueError, KeyError, TypeError, AttributeError)
ENVIRONMENT_ERRORS: tuple[type[Exception], ...] = (OSError, *DATABASE_ERRORS)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in one line, in the chosen language, with the same exit status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        detail = in_words(" ".join(message.split()))
        print(one_line(i18n.tr("cli.usage_error", detail=detail, help=f"{self.prog} --help")), file=sys.stderr)
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


def one_line(text: str) -> str:
    """`text` with control and invisible formatting characters shown as escapes: a value echoed in a message
    (a name typed with a newline, a right-to-left override) must neither break the line nor disguise it."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def _fail(error: WardbookError) -> int:
    print(one_line(i18n.tr("cli.error", message=error.message())), file=sys.stderr)
    return EXIT_USER_ERROR


def _undecodable(args: Sequence[str]) -> str | None:
    """The first argument that is not valid text (invalid UTF-8 arrives as lone surrogates; a NUL cannot be in
    a file name or a C string), shown safely."""
    for arg in args:
        if any(0xD800 <= ord(ch) <= 0xDFFF or ch == "\0" for ch in arg):
            return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF or ch == "\0" else ch for ch in arg)[:60]
    return None


def _quiet_closed_pipe() -> int:
    """`wardbook search … | head`: the reader left; stop without a traceback, now or when Python flushes."""
    with suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_language_from(args_list))
    try:
        os.getcwd()
    except FileNotFoundError:
        return _fail(WardbookError("env.failed", path=".", cause=i18n.Ref("env.cwd_gone")))
    bad = _undecodable(args_list)
    if bad is not None:
        return _fail(WardbookError("cli.bad_encoding", value=bad))
    args = argparse.Namespace()
    try:
        parser = build_parser(args_list)
        try:
            args = parser.parse_args(args_list)  # a value's check (`type=`) may raise a WardbookError
        except SystemExit as stop:  # a usage error (told already) or --help: a status, for callers in-process
            return int(stop.code or 0)
        if not getattr(args, "handler", None):
            parser.print_help()
            return EXIT_USER_ERROR
        return int(args.handler(args) or 0)
    except WardbookError as error:
        return _fail(error)
    except KeyboardInterrupt:
        print(i18n.tr("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _quiet_closed_pipe()
    except SHARE_DAMAGE:
        # The shared folder is written by other laptops and by people: what cannot be parsed there is damage
        # to report (naming the folder), not a bug of this command. Elsewhere these are bugs: traceback.
        if getattr(args, "command", None) not in SHARE_COMMANDS:
            raise
        return _fail(WardbookError("cli.share_damaged",
                                   path=getattr(args, "share_in_use", None) or getattr(args, "share", None)))
    except ENVIRONMENT_ERRORS as error:
        # The environment's failure (disk full, permission denied…) as one line; a database error names the
        # database, an OS error the file the OS names. Anything else is a bug and keeps its traceback.
        told = environment_error(error, None if isinstance(error, OSError) else db_path(args))
        if told is None:
            raise
        return _fail(told)
