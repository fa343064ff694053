"""The `wardbook` entry point: with no subcommand (or `gui`, or `--self-test`) it starts the Qt app,
otherwise it runs the core's command line. Qt is imported only when the app starts, so the CLI keeps working
on a headless station PC."""

from __future__ import annotations

import sys
from collections.abc import Sequence

_OPTIONS_WITH_VALUE = {"--db", "--lang", "--user", "--key-file"}


def _words(args: Sequence[str]) -> list[str]:
    """The arguments that are not global options (`--db PATH`, `--lang en`, `--x=y`)."""
    words: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("--"):
            words.append(arg)
    return words


def wants_gui(args: Sequence[str]) -> bool:
    words = _words(args)
    if not words and ("-h" in args or "--help" in args):
        return False  # `wardbook --help`: the commands and their options (the CLI's help), not the window's
    return "--self-test" in args or not words or words[0] == "gui"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--version"]:
        from desktop import __version__

        print(f"wardbook {__version__}")
        return 0
    if wants_gui(args):
        from ui.app import run

        return run([a for a in args if a != "gui"])
    from desktop.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
