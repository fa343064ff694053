"""WardBook core: the household register, its write path, search, sync, reports and security.

Nothing in this package imports Qt, so the station PC can run it headless and the tests need no screen.
"""

__version__ = "0.1.0"
