"""What every command shares: the `--db`/`--lang`/`--user`/`--key-file` options, opening the store (decrypting
it and logging in), printing tables.

The database key comes from the OS keyring, or from a passphrase-protected key file given with `--key-file`
(or `WARDBOOK_KEY_FILE`; passphrase in `WARDBOOK_KEY_PASSPHRASE` or typed). `WARDBOOK_UNENCRYPTED=1` keeps a
plain database plain, with a warning: that is for development and tests only. Once login accounts exist every
command needs `--user` (or `WARDBOOK_USER`); the password is typed at a prompt or read from
`WARDBOOK_PASSWORD` in scripts.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from desktop import clock, i18n
from desktop.errors import WardbookError
from desktop.failures import register_busy
from desktop.paths import default_db_path
from desktop.register.validation import check_int, check_number
from desktop.security.database import open_database
from desktop.security.key_store import KeyStoreKind, chosen_key_store
from desktop.security.secrets import KeyringSecrets, PassphraseFileSecrets, SecretStore
from desktop.security.session import accounts_exist
from desktop.security.users import login
from desktop.store import Store
from desktop.store.connection import writer_active
from desktop.text import format_date

# How long a command waits for another WardBook job (an import, a sync) to release the register before it gives
# up; a job that long is stuck, not busy.
COMMAND_WAIT_SECONDS = 600


def add_common_options(parser: argparse.ArgumentParser) -> None:
    """`--db`, `--lang`, `--user` and `--key-file`, accepted both before and after the subcommand."""
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=i18n.tr("cli.opt_db"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS, help=i18n.tr("cli.opt_lang"))
    parser.add_argument("--user", default=argparse.SUPPRESS, help=i18n.tr("cli.opt_user"))
    parser.add_argument("--key-file", type=Path, default=argparse.SUPPRESS, help=i18n.tr("cli.opt_key_file"))


def whole_number(field: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse `type=` checked by the core's validation: a bad value is one translated line, exit 2."""

    def convert(text: str) -> int:
        return check_int(text.strip(), field, low=low, high=high)

    return convert


def finite_number(field: str, low: float, high: float) -> Callable[[str], float]:
    """As `whole_number`, for a decimal number (NaN and infinities refused)."""

    def convert(text: str) -> float:
        return check_number(text.strip(), field, low=low, high=high)

    return convert


def db_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "db", None) or default_db_path())


def ask_secret(variable: str, prompt_id: str, *, confirm: bool = False) -> str:
    """A secret from the environment variable, or typed at the terminal (never echoed)."""
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin.isatty():
        raise WardbookError("security.no_password", variable=variable)
    value = getpass.getpass(i18n.tr(prompt_id) + " ")
    if confirm and getpass.getpass(i18n.tr("cli.prompt_again") + " ") != value:
        raise WardbookError("security.password_mismatch")
    return value


def secret_store(args: argparse.Namespace) -> SecretStore | None:
    """Where the database key lives; None only when plain storage was chosen explicitly."""
    choice = chosen_key_store(getattr(args, "key_file", None))
    if choice.kind is KeyStoreKind.KEY_FILE and choice.key_file is not None:
        if choice.passphrase is None and not sys.stdin.isatty():
            raise WardbookError("security.no_key_passphrase")
        passphrase = choice.passphrase or ask_secret("WARDBOOK_KEY_PASSPHRASE", "cli.prompt_passphrase")
        return PassphraseFileSecrets(choice.key_file, passphrase)
    if choice.kind is KeyStoreKind.PLAIN:
        return None
    return KeyringSecrets("db")


def log_in(store: Store, args: argparse.Namespace) -> None:
    """Log the `--user` in; with no user given, allowed only while the database has no login accounts."""
    username = getattr(args, "user", None) or os.environ.get("WARDBOOK_USER")
    if not username:
        if accounts_exist(store):
            raise WardbookError("security.login_required")
        return
    password = ask_secret("WARDBOOK_PASSWORD", "cli.prompt_password")
    wait_for_register(store)
    login(store, username, password)


def wait_for_register(store: Store) -> None:
    """Wait, saying so, while another WardBook job holds the register's write lock.

    Every login writes its audit entry, and the audit log must show who read the register before anything is
    shown: so even a reading command (`stats`) needs the lock once, and it waits for an import or a sync to
    finish instead of failing after SQLite's few seconds. It asks again and again without waiting in SQLite,
    so Ctrl+C stops it at once.
    """
    if not writer_active(store.conn):
        return
    print(i18n.tr("cli.register_busy_waiting", path=store.path), file=sys.stderr)
    give_up = time.monotonic() + COMMAND_WAIT_SECONDS
    while writer_active(store.conn):
        if time.monotonic() > give_up:
            raise register_busy(store.path)
        time.sleep(0.2)


def open_store(args: argparse.Namespace, *, create: bool = False,
               secrets: SecretStore | None = None) -> Store:
    """The decrypted store with the user logged in (or in first-run mode while no account exists)."""
    path = db_path(args)
    secrets = secrets or secret_store(args)
    if secrets is None and create and not path.exists():
        print(i18n.tr("security.unencrypted_warning"), file=sys.stderr)
    store = open_database(path, secrets, create=create)
    try:
        log_in(store, args)
    except BaseException:
        store.close()
        raise
    warn_if_clock_went_back(store)
    return store


def warn_if_clock_went_back(store: Store) -> None:
    """Say on stderr when this computer's date is days before the last time the register was written here (a
    dead CMOS battery): a command's "today" (a visit's default date, overdue, this quarter) would follow it. A
    warning, not a refusal: the officer may know better, and a script that only reads must still run."""
    last_written = clock.clock_went_back(store)
    if last_written is not None:
        print(i18n.tr("cli.clock_went_back", today=format_date(clock.today().isoformat()),
                      last=format_date(last_written.isoformat())), file=sys.stderr)


def _width(text: str) -> int:
    """Display width: East Asian wide characters count double; combining marks count zero."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO | None = None) -> None:
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


def progress_printer(args: argparse.Namespace) -> Callable[[int, int, str], None] | None:
    """A `progress(done, total, what)` callback that redraws one line on a terminal, silent otherwise."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int, what: str) -> None:
        end = "\n" if done >= total else ""
        print("\r" + i18n.tr("cli.progress", done=done, total=total, what=what), end=end, file=sys.stderr)

    return report
