"""WardBook core: the household register, its write path, search, sync, reports and security.

Nothing in this package imports Qt, so the station PC can run it headless and the tests need no screen.
"""

from importlib import metadata

try:
    __version__ = metadata.version("wardbook")  # pyproject.toml is the one place the version is written
except metadata.PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0+source"
