"""The core stays Qt-free: nothing under desktop/ imports PySide6 or the ui package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = ("PySide6", "ui")


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
            "import_module", "__import__"
        ) and node.args and isinstance(node.args[0], ast.Constant):
            names.append(str(node.args[0].value))
    return names


def _core_files() -> list[Path]:
    return sorted((ROOT / "desktop").rglob("*.py"))


def test_core_files_found() -> None:
    assert len(_core_files()) > 10


@pytest.mark.parametrize("path", _core_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_does_not_import_qt_or_ui(path: Path) -> None:
    bad = [name for name in _imported_modules(path) if name.split(".")[0] in FORBIDDEN]
    assert bad == [], f"{path} imports {bad}"


def test_checker_catches_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nimportlib.import_module('ui.app')\n")
    assert _imported_modules(sample) == ["os", "PySide6.QtCore", "ui.app"]
