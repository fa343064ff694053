"""Refresh the translation sources and build the .qm files: `python -m ui.build_translations`.

`pyside6-lupdate` collects every `tr()` text of `ui/` into `resources/translations/wardbook_vi.ts` (keeping
the translations already made; translators edit the .ts with Qt Linguist) and the texts with a count (`%n`)
into `wardbook_en.ts` (their English singular and plural), then `pyside6-lrelease` compiles
each .ts there, including `qtbase_vi.ts` (Vietnamese for Qt's own buttons and dialogs), into the
.qm the app loads.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
TOOLS = Path(sys.executable).parent


def main() -> int:
    sources = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui").rglob("*.py"))
    # Vietnamese: every text. English is the source language and needs only its plural forms
    # ("1 household", "2 households" from one `%n household(s)`).
    for catalogue, only_plurals in (("wardbook_vi.ts", False), ("wardbook_en.ts", True)):
        subprocess.run(
            [
                str(TOOLS / "pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                "-locations",
                "none",
                *(["-pluralonly", "-target-language", "en"] if only_plurals else []),
                "-ts",
                str(TRANSLATIONS / catalogue),
            ],
            cwd=ROOT,
            check=True,
        )
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        subprocess.run(
            [str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
