"""What every command shares: the `--db`/`--lang` options, opening the store, printing tables."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from desktop import i18n
from desktop.store import Store

APP_NAME = "WardBook"


def default_db_path() -> Path:
    """The database in the user's data folder (e.g. %LOCALAPPDATA%\\WardBook on Windows)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "wardbook.db"


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """`--db` and `--lang`, accepted both before and after the subcommand."""
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=i18n.tr("cli.opt_db"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help=i18n.tr("cli.opt_lang"))


def db_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_db_path())


def open_store(args: argparse.Namespace, *, create: bool = False) -> Store:
    return Store.open(db_path(args), create=create)


def _width(text: str) -> int:
    """Display width: East Asian wide characters count double; combining marks count zero."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], out=None) -> None:  # type: ignore[no-untyped-def]
    """A plain aligned text table (Vietnamese-safe widths)."""
    out = out or sys.stdout
    cells = [[("" if value is None else str(value)) for value in row] for row in rows]
    widths = [max([_width(h)] + [_width(row[i]) for row in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    print(line(list(headers)), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells:
        print(line(row), file=out)


def progress_printer(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """A `progress(done, total, what)` callback that redraws one line on a terminal, silent otherwise."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int, what: str) -> None:
        end = "\n" if done >= total else ""
        print("\r" + i18n.tr("cli.progress", done=done, total=total, what=what), end=end, file=sys.stderr)

    return report
