"""Screenshots of the main screens for README.md, taken from the real app on a demo ward.

Runs under Xvfb when `xvfb-run` is there (real X11 rendering, as on a desktop), else offscreen:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python bench/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from desktop.demo import DemoSize, generate_demo_ward
from desktop.store import Store
from ui.main_window import MainWindow
from ui.translation import Translations

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


def grab(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(OUT / f"{name}.png"))
    print("wrote", OUT / f"{name}.png")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    translations = Translations(app)
    translations.switch("vi")
    with tempfile.TemporaryDirectory() as scratch, Store.open(Path(scratch) / "demo.db", create=True) as store:
        generate_demo_ward(store, DemoSize(households=2000, seed=1, end=date.today()))
        window = MainWindow(store, translations)
        window.resize(1360, 800)
        window.show()
        window.households.search.setText("nguyen van")
        window.households.apply_filter()
        window.households.table.selectRow(0)
        grab(window, "households")
        form = window.open_visit_form(window.households.current_id)
        form.purpose_buttons["welfare_check"].setChecked(True)
        form.findings.setText("Sức khỏe ổn định, cần theo dõi thêm.")
        grab(form, "visit-form")
        form.reject()
        window.navigation.setCurrentRow(1)
        grab(window, "follow-ups")
        window.close()


if __name__ == "__main__":
    main()
