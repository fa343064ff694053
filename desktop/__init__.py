"""WardBook core: the household register, its write path, search, sync, reports and security.

Nothing in this package imports Qt, so the station PC can run it headless and the tests need no screen.
"""


def __getattr__(name: str) -> str:
    """`desktop.__version__`, read from the installed package metadata (pyproject.toml is the one place the
    version is written) only when asked: the lookup costs a visible moment at every start otherwise."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib import metadata  # importing it alone costs ~20 ms at start

    try:
        return metadata.version("wardbook")
    except metadata.PackageNotFoundError:  # running from a source tree that was not installed
        return "0+source"
