"""The installers: the bundle builds and passes its own self-test, the .deb installs and runs, NSIS accepts
the Windows script. Slow (a real PyInstaller build), so it runs once for the whole module."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built() -> dict[str, Path]:
    if shutil.which("dpkg-deb") is None or shutil.which("makensis") is None:
        pytest.skip("needs dpkg-deb and makensis (Debian packages dpkg, nsis)")
    done = subprocess.run([sys.executable, str(ROOT / "build_installer.py")], cwd=ROOT, capture_output=True,
                          text=True, timeout=1200, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    dist = ROOT / "dist"
    return {
        "bundle": dist / "wardbook",
        "deb": next(dist.glob("wardbook_*.deb")),
        "nsis": next(dist.glob("WardBook-*-setup-script-check.exe")),
    }


def test_bundle_reports_its_version(built: dict[str, Path]) -> None:
    import tomllib

    expected = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    out = subprocess.run([str(built["bundle"] / "wardbook"), "--version"], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == f"wardbook {expected}"


def test_bundle_carries_resources_and_leaves_out_unused_qt(built: dict[str, Path]) -> None:
    internal = built["bundle"] / "_internal"
    assert list(internal.rglob("LiberationSerif-Regular.ttf")), "document font missing from the bundle"
    assert list(internal.rglob("DroidSansFallbackFull.ttf")), "fallback font (Chinese names) missing from the bundle"
    assert list(internal.rglob("*.qm")), "translations missing from the bundle"
    assert not list(internal.rglob("libQt6Qml*")) and not list(internal.rglob("libQt6Quick*"))


def test_nsis_script_compiles(built: dict[str, Path]) -> None:
    assert built["nsis"].stat().st_size > 1_000_000


def test_deb_contents(built: dict[str, Path]) -> None:
    listing = subprocess.run(["dpkg-deb", "--contents", str(built["deb"])], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/wardbook/wardbook", "./usr/bin/wardbook", "./usr/share/applications/wardbook.desktop",
                 "./usr/share/icons/hicolor/scalable/apps/wardbook.svg"):
        assert path in listing
    info = subprocess.run(["dpkg-deb", "--info", str(built["deb"])], capture_output=True, text=True,
                          check=True).stdout
    assert "Package: wardbook" in info and "libxcb-cursor0" in info


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("dpkg") is None, reason="installing a .deb needs root")
def test_deb_installs_and_its_binary_passes_the_self_test(built: dict[str, Path], tmp_path: Path) -> None:
    subprocess.run(["dpkg", "-i", str(built["deb"])], check=True, capture_output=True)
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(["/usr/bin/wardbook", "--db", str(tmp_path / "t.db"), "--self-test"], env=env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    finally:
        subprocess.run(["dpkg", "-r", "wardbook"], check=True, capture_output=True)
    assert not Path("/opt/wardbook").exists()
