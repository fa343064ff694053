"""Build WardBook for installation: a PyInstaller one-folder bundle, then a .deb (Linux) and the NSIS
installer (Windows; on Linux the NSIS script is compiled as a check of the script).

    python build_installer.py                # bundle + self-test + .deb + NSIS check (Linux) / installer (Windows)
    python build_installer.py --bundle-only  # just the bundle and its self-test

Everything lands in `dist/`. The bundle's own `--self-test` must pass before any installer is made, so a broken
build never reaches a ward laptop. The version comes from pyproject.toml.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "wardbook"
DEB_DEPENDS = (
    "libglib2.0-0, libgl1, libegl1, libfontconfig1, libxkbcommon0, libdbus-1-3, libxkbcommon-x11-0, "
    "libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1, libxcb-randr0, libxcb-render-util0, "
    "libxcb-shape0, libxcb-xkb1, libx11-xcb1"
)


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def executable(bundle: Path = BUNDLE) -> Path:
    return bundle / ("wardbook.exe" if os.name == "nt" else "wardbook")


def run(command: list[str], **kwargs: object) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, **kwargs)  # type: ignore[call-overload]


def build_bundle() -> Path:
    """PyInstaller one-folder bundle from packaging/wardbook.spec."""
    if os.name == "nt":
        make_ico()
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(DIST), "--workpath", str(BUILD), str(ROOT / "packaging" / "wardbook.spec")])
    return BUNDLE


def make_ico() -> Path:
    """Windows wants an .ico: render the SVG icon with Qt (imported only here, at build time)."""
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance() or QGuiApplication([])
    target = ROOT / "resources" / "icons" / "wardbook.ico"
    QIcon(str(ROOT / "resources" / "icons" / "wardbook.svg")).pixmap(256, 256).save(str(target), "ICO")
    del app
    return target


def self_test(binary: Path) -> None:
    """Run the built app's `--self-test` offscreen on a fresh database; fail the build if it fails."""
    with tempfile.TemporaryDirectory() as scratch:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        run([str(binary), "--version"], env=env)
        run([str(binary), "--db", str(Path(scratch) / "selftest.db"), "--self-test"], env=env, timeout=300)


def build_deb(bundle: Path) -> Path:
    """A .deb that puts the bundle in /opt/wardbook with a launcher, a desktop entry and an icon."""
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    package = DIST / f"wardbook_{version()}_{arch}.deb"
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "root"
        shutil.copytree(bundle, root / "opt" / "wardbook", symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        os.symlink("/opt/wardbook/wardbook", root / "usr" / "bin" / "wardbook")
        applications = root / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        shutil.copy(ROOT / "packaging" / "linux" / "wardbook.desktop", applications)
        icons = root / "usr" / "share" / "icons" / "hicolor" / "scalable" / "apps"
        icons.mkdir(parents=True)
        shutil.copy(ROOT / "resources" / "icons" / "wardbook.svg", icons)
        size_kib = sum(f.stat().st_size for f in root.rglob("*") if f.is_file() and not f.is_symlink()) // 1024
        (root / "DEBIAN").mkdir()
        (root / "DEBIAN" / "control").write_text(
            f"Package: wardbook\nVersion: {version()}\nArchitecture: {arch}\nMaintainer: WardBook team\n"
            f"Installed-Size: {size_kib}\nDepends: {DEB_DEPENDS}\nSection: misc\nPriority: optional\n"
            "Description: WardBook (Sổ địa bàn) - household register and field log for ward officers\n"
            " Offline-first register of households, visits, cases and community activities,\n"
            " with sync through a shared folder and official review reports.\n",
            "utf-8",
        )
        run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(package)])
    return package


def build_nsis(bundle: Path, *, check_only: bool) -> Path:
    """Compile packaging/windows/wardbook.nsi. On Linux the payload is the Linux bundle: a check of the script."""
    makensis = shutil.which("makensis")
    if makensis is None:
        raise SystemExit("makensis not found: install NSIS (Debian: apt-get install nsis)")
    suffix = "-script-check" if check_only else ""
    outfile = DIST / f"WardBook-{version()}-setup{suffix}.exe"
    command = [makensis, "-V2", f"-DVERSION={version()}", f"-DPAYLOAD={bundle}", f"-DOUTFILE={outfile}"]
    ico = ROOT / "resources" / "icons" / "wardbook.ico"
    if ico.exists():
        command.append(f"-DICON={ico}")
    run([*command, str(ROOT / "packaging" / "windows" / "wardbook.nsi")])
    return outfile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle-only", action="store_true", help="build and self-test the bundle only")
    parser.add_argument("--skip-bundle", action="store_true", help="reuse dist/wardbook from an earlier build")
    args = parser.parse_args()
    bundle = BUNDLE if args.skip_bundle else build_bundle()
    self_test(executable(bundle))
    if args.bundle_only:
        return 0
    if platform.system() == "Linux":
        print("built", build_deb(bundle))
        print("checked", build_nsis(bundle, check_only=True))
    elif platform.system() == "Windows":
        print("built", build_nsis(bundle, check_only=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
