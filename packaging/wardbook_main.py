"""Entry script frozen by PyInstaller: the same `wardbook` entry point as the installed console script."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
