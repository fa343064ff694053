"""Builds the WardBook installers (PyInstaller bundle, .deb, NSIS script).

Placeholder until the installer issue lands: it only explains itself, so nobody mistakes it for a build.
"""

import sys


def main() -> int:
    print("build_installer.py: installers are not built yet (see the installer issue).", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
