"""Screenshots of the main screens for README: `xvfb-run -a python bench/screenshots.py [--lang vi|en]`.

Makes a demo ward in a temporary folder, opens the real main window (under Xvfb, or offscreen when there is no
display), and saves PNGs of Households, a Household page, the Visit form, Reports and Sync to
docs/screenshots/.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
DEMO_END = date(2026, 6, 30)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=("vi", "en"), default="vi")
    parser.add_argument("--households", type=int, default=2000)
    options = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop.demo import DemoSize, generate_demo_ward
    from desktop.store import Store
    from ui.context import AppContext
    from ui.language import LanguageManager
    from ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    language = LanguageManager()
    language.set_language(options.lang)
    OUT.mkdir(parents=True, exist_ok=True)
    suffix = "" if options.lang == "vi" else "-en"
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "demo.db", create=True)
        generate_demo_ward(store, DemoSize(households=options.households, seed=11, end=DEMO_END))
        window = MainWindow(AppContext(store, language, today=lambda: DEMO_END))
        window.resize(1280, 800)
        window.show()

        def settle() -> None:
            for _ in range(20):
                app.processEvents()
                QCoreApplication.sendPostedEvents()

        def shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
            settle()
            path = OUT / f"{name}{suffix}.png"
            widget.grab().save(str(path))
            print(path.relative_to(ROOT))

        while window.households.model.rowCount() == 0:
            app.processEvents()
        page = window.households
        page.search.setText("nguyen van")
        page.search.flush()
        shot(window, "households")
        window.open_household(page.model.household_id(0))
        shot(window, "household")
        dialog = window.new_visit(page.model.household_id(0))
        dialog.purposes["welfare_check"].setChecked(True)
        dialog.purposes["food_support"].setChecked(True)
        dialog.findings.setPlainText("Gia đình khó khăn, đề nghị hỗ trợ gạo.")
        row = dialog.add_support_row()
        row.quantity.setText("10")
        row.unit.setText("kg gạo")
        row.value.setText("150.000")
        dialog.follow_up.setText("14/07/2026")
        dialog.adjustSize()
        shot(dialog, "visit-form")
        dialog.close()
        window.show_page("reports")
        shot(window, "reports")
        window.show_page("sync")
        window.sync.share.setText(r"\\tram\wardbook")
        shot(window, "sync")
        window.show_page("followups")
        shot(window, "followups")
        sweep_screens(window, store, shot)
        window.close()
        store.close()
    return 0


def sweep_screens(window, store, shot) -> None:  # type: ignore[no-untyped-def]
    """A door-to-door sweep half done: the Sweeps page, and the visit form with the sweep's questions."""
    import random
    from datetime import timedelta

    from bench.bench_campaign import QUESTIONS, _value
    from desktop.campaigns import answers, definition

    areas = [row[0] for row in store.conn.execute("SELECT id FROM areas ORDER BY name")]
    officers = [store.writer.insert("users", {"username": f"canbo{n}", "full_name": name, "role": "officer",
                                              "active": 1})
                for n, name in enumerate(("Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Minh Tâm"))]
    campaign_id = definition.create_campaign(
        store, name="Rà soát hộ khó khăn mùa mưa", starts_on="2026-06-15", ends_on="2026-07-14",
        questions=QUESTIONS[:6], assignments=dict(zip(areas, officers, strict=False)))
    campaign = definition.load_campaign(store, campaign_id)
    rng = random.Random(3)
    households = [row[0] for row in store.conn.execute("SELECT id FROM households WHERE status = 'active'")]
    for household_id in rng.sample(households, len(households) // 2):
        status = rng.choices(("reached", "not_home", "refused"), (85, 12, 3))[0]
        given = {q.code: _value(q, rng) for q in campaign.questions} if status == "reached" else {}
        answers.record(store, campaign_id, household_id, status=status, answers=given,
                       on=DEMO_END - timedelta(days=rng.randint(0, 15)))
    window.show_page("campaigns")
    page = window.campaigns
    page.views["area_id"].setCurrentIndex(page.models["area_id"].index(0, 3))
    shot(window, "campaigns")
    untouched = next(h for h in households if answers.household_status(store, campaign_id, h) is None)
    dialog = window.new_visit(untouched)
    dialog.purposes["welfare_check"].setChecked(True)
    dialog.adjustSize()
    shot(dialog, "visit-form-sweep")
    dialog.close()


if __name__ == "__main__":
    sys.exit(main())
