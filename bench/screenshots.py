"""Screenshots of the main screens for README: `xvfb-run -a python bench/screenshots.py [--lang vi|en|both]`.

Makes a demo ward in a temporary folder, opens the real main window at 1366×768 (a typical ward laptop; under
Xvfb, or offscreen when there is no display), and saves PNGs of the Overview, Households, a Household page,
the Visit form, Reports, the Sync set-up (a station share in a temporary folder, another laptop waiting for
approval) and Follow-ups to docs/screenshots/ (`NAME.png` in Vietnamese, `NAME-en.png` in English).
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
    parser.add_argument("--lang", choices=("vi", "en", "both"), default="both")
    parser.add_argument("--households", type=int, default=2000)
    options = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.language import LanguageManager

    app = QApplication([sys.argv[0]])
    language = LanguageManager()
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("vi", "en") if options.lang == "both" else (options.lang,):
        language.set_language(lang)
        shoot(app, language, "" if lang == "vi" else "-en", options.households)
    return 0


def shoot(app, language, suffix: str, households: int) -> None:  # type: ignore[no-untyped-def]
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from desktop.demo import DemoSize, generate_demo_ward
    from desktop.security.secrets import PassphraseFileSecrets
    from desktop.store import Store
    from desktop.sync import setup
    from ui.context import AppContext
    from ui.main_window import MainWindow

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "demo.db", create=True)
        generate_demo_ward(store, DemoSize(households=households, seed=11, end=DEMO_END))
        window = MainWindow(AppContext(store, language, today=lambda: DEMO_END))
        window.resize(1366, 768)
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

        if window.overview.overview is None:
            loop = QEventLoop()
            window.overview.loaded.connect(loop.quit)
            loop.exec()
        shot(window, "overview")
        while window.households.model.rowCount() == 0:
            app.processEvents()
        window.show_page("households")
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
        share = str(Path(folder) / "tram-wardbook")
        keys = PassphraseFileSecrets(Path(folder) / "admin-keys.json", "screenshot passphrase")
        setup.create_share(store, share, keys)
        with Store.open(Path(folder) / "laptop2.db", create=True) as other:
            setup.ask_to_join(other, share, PassphraseFileSecrets(Path(folder) / "laptop2-keys.json",
                                                                  "screenshot passphrase"), "may-can-bo-2")
        window.sync.keys.secrets = keys
        window.sync.share.setText(share)
        window.show_page("sync")
        window.sync.setup.laptops_view.selectRow(1)
        shot(window, "sync")
        window.show_page("followups")
        shot(window, "followups")
        sweep_screens(window, store, shot)
        window.close()
        shiboken6.delete(window)  # gone before its database closes and before the next language's texts
        store.close()


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
