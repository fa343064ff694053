"""Benchmarks of the desktop app (DESIGN.md §8), each beside a baseline measured in the same run:

* start to usable main window with 50k households vs a bare PySide6 window: wall time of a fresh process that
  takes the app's real start path (`ui.app`: the key store chosen as at a real start, `open_and_log_in`, the
  main window), with the database key in a passphrase key file and, where a Secret Service can run
  (dbus-daemon and gnome-keyring-daemon), in the OS keyring;
* the Overview's first paint (the first page of team leads and admins): from process start until its figures,
  the review's own for this quarter and the last, are painted; and once the app is up, a new Overview page's
  figures read and painted;
* search keystroke → updated list (the debounced query, model reset and first screen of rows) vs the raw FTS5
  query on the same data;
* memory (RSS) of the app with 50k households vs the bare window.

Run: `python bench/bench_ui.py [--db ward50k.db] [--households 50000] [--runs 5]`. Prints figures. The ward
is a SQLCipher file as the app keeps it, its key in the key file DB.keys.json beside it (passphrase below:
demo data, for the benchmark only).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSPHRASE = "wardbook bench ward (demo data)"
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow(); w.resize(1200, 760); w.show(); app.processEvents()
print("ready", flush=True); sys.stdin.readline()
"""
# The app's start, as ui.app.run takes it (the launcher's import of ui.app; the cyclic collector held back until
# the window is shown, and run from the GUI thread's timer once the application exists; the key store made ready:
# a key file derived on its thread while Qt and the window's code load, the keyring loaded first; open and log in;
# the window), timed to three points: the window shown, the Overview's figures painted and the household list
# filled (whichever comes first).
APP = """
import sys, time
from contextlib import ExitStack
from pathlib import Path
import ui.app
from desktop.collector import collector_paused
starting = ExitStack(); starting.enter_context(collector_paused())
from desktop.security.key_store import chosen_key_store, start_unlocking
key_store = chosen_key_store(); start_unlocking(key_store)
from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication
from ui.app import build_window, load_window_code, open_and_log_in
from ui.keys import app_secrets
from ui.language import LanguageManager
app = QApplication([])
from ui.collection import collect_on_gui_thread
collect_on_gui_thread(app)
language = LanguageManager(); language.set_language("vi")
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
load_window_code()
secrets = app_secrets(settings, interactive=False, choice=key_store)
store = open_and_log_in(Path(sys.argv[1]), secrets, interactive=False, self_test=False)
window = build_window(store, language, secrets=secrets, settings=settings)
window.show()
starting.close()
app.processEvents()
print("shown", flush=True)
loop = QEventLoop()
waiting = {"figures", "overview", "list"}
def done(what):  # each reported when it happens: the list and the Overview are read side by side
    if what in waiting:
        waiting.discard(what)
        if what in ("figures", "overview"):
            window.overview.repaint()
        else:
            window.households.table.viewport().repaint()
        print(what, flush=True)
    if not waiting:
        loop.quit()
window.overview.first_figures.connect(lambda: done("figures"))
window.overview.loaded.connect(lambda: done("overview"))
window.households.loaded.connect(lambda _n: done("list"))
if window.overview.current is not None:
    done("figures")
if window.overview.overview is not None:
    done("overview")
if window.households.model.rowCount():
    done("list")
if waiting:
    loop.exec()
print("ready", flush=True); sys.stdin.readline()
"""
QUERIES = (
    "n",
    "ng",
    "ngu",
    "nguy",
    "nguyen",
    "nguyen v",
    "nguyen van",
    "duong",
    "hem 12",
    "le van sy",
    "tran",
    "pham thi",
    "090",
    "0903",
    "hai ba trung",
    "123",
    "dang",
    "vo van",
    "huynh",
    "cach mang",
)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_once(script: str, *args: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Seconds from process start to each point the child prints ("shown", "overview", "list", "ready"), and its
    RSS once it is ready."""
    child_env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(ROOT),
        **(env or {}),
    }
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env,
        cwd=ROOT,
    )
    assert child.stdout and child.stdin
    times: dict[str, float] = {}
    while "ready" not in times:
        line = child.stdout.readline().strip()
        if not line:
            raise RuntimeError(f"child failed: {child.stderr.read() if child.stderr else ''}")
        times[line] = time.perf_counter() - started
    times["rss"] = rss_mib(child.pid)
    child.stdin.write("\n")
    child.stdin.flush()
    child.wait(timeout=30)
    return times


def key_file(db: Path) -> Path:
    return db.with_name(db.name + ".keys.json")


def ensure_db(path: Path, households: int) -> None:
    """An encrypted demo ward made through the app's own `open_database`, its key in a passphrase key file."""
    if path.exists():
        return
    from desktop.demo import DemoSize, generate_demo_ward
    from desktop.security.database import open_database
    from desktop.security.secrets import PassphraseFileSecrets

    print(f"making an encrypted demo ward of {households:,} households in {path} …", flush=True)
    with open_database(path, PassphraseFileSecrets(key_file(path), PASSPHRASE), create=True) as store:
        generate_demo_ward(store, DemoSize(households=households, seed=3, end=date.today()))  # this quarter has visits


def _median(samples: list[dict[str, float]], point: str) -> float:
    return statistics.median(sample[point] for sample in samples)


def _report(store_name: str, app: list[dict[str, float]], bare_t: float, bare_m: float, runs: int) -> None:
    shown, figures, overview, ready = (_median(app, point) for point in ("shown", "figures", "overview", "list"))
    print(f"[{store_name}] start to main window shown and searchable: {shown * 1000:.0f} ms, bare PySide6 window "
          f"{bare_t * 1000:.0f} ms → ratio {shown / bare_t:.2f}× (target ≤ 3×; median of {runs})")
    print(f"[{store_name}] start to the Overview's figures painted (the review's figures): this quarter "
          f"{figures * 1000:.0f} ms → ratio {figures / bare_t:.2f}×; with the last quarter beside them "
          f"{overview * 1000:.0f} ms → ratio {overview / bare_t:.2f}×")
    print(f"[{store_name}] start to whole-ward list filled: {ready * 1000:.0f} ms → ratio {ready / bare_t:.2f}×")
    memory = _median(app, "rss")
    print(f"[{store_name}] memory (RSS): app {memory:.0f} MiB, bare window {bare_m:.0f} MiB → ratio "
          f"{memory / bare_m:.2f}× (target ≤ 3×)")


def bench_start(db: Path, runs: int) -> None:
    bare = [start_once(BARE) for _ in range(runs)]
    bare_t, bare_m = _median(bare, "ready"), _median(bare, "rss")
    with tempfile.TemporaryDirectory() as scratch:
        settings = str(Path(scratch) / "settings.ini")
        with_file = {"WARDBOOK_KEY_FILE": str(key_file(db)), "WARDBOOK_KEY_PASSPHRASE": PASSPHRASE}
        app = [start_once(APP, str(db), settings, env=with_file) for _ in range(runs)]
        _report("key file", app, bare_t, bare_m, runs)
        keyring_runs = _keyring_starts(db, settings, runs, Path(scratch) / "keyring")
        if keyring_runs is None:
            print("[OS keyring] not measured: no dbus-daemon / gnome-keyring-daemon on this machine")
        else:
            _report("OS keyring", keyring_runs, bare_t, bare_m, runs)


def _keyring_starts(db: Path, settings: str, runs: int, folder: Path) -> list[dict[str, float]] | None:
    """The same start with the key in a real Secret Service (gnome-keyring on a private D-Bus session)."""
    from tests.secret_service import missing_tools, secret_service

    if missing_tools():
        return None
    from desktop.security.database import copy_keys, open_database
    from desktop.security.secrets import KeyringSecrets, PassphraseFileSecrets

    with secret_service(folder):
        source = PassphraseFileSecrets(key_file(db), PASSPHRASE)
        with open_database(db, source) as store:
            copy_keys(store, source, KeyringSecrets("db"))
        env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring",
               "DBUS_SESSION_BUS_ADDRESS": os.environ["DBUS_SESSION_BUS_ADDRESS"]}
        return [start_once(APP, str(db), settings, env=env) for _ in range(runs)]


def bench_overview(db: Path, rounds: int) -> None:
    """A new Overview page in a running app: its figures read in the worker and painted, against the same core
    call made directly (no Qt), and beside the whole review computed twice (what the page avoids)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QMainWindow

    from desktop.reports.figures import review_figures
    from desktop.reports.overview import previous_period, ward_overview
    from desktop.security.database import open_database
    from desktop.security.secrets import PassphraseFileSecrets
    from ui.context import AppContext
    from ui.language import LanguageManager
    from ui.pages.overview import OverviewPage

    app = QApplication.instance() or QApplication([])
    language = LanguageManager()
    language.set_language("vi")
    with open_database(db, PassphraseFileSecrets(key_file(db), PASSPHRASE)) as store:
        ctx = AppContext(store, language)
        paint: list[float] = []
        raw: list[float] = []
        whole: list[float] = []
        for _ in range(rounds):
            started = time.perf_counter()
            page = OverviewPage(ctx)
            holder = QMainWindow()
            holder.setCentralWidget(page)
            holder.resize(1366, 720)
            holder.show()
            page.refresh()
            loop = QEventLoop()
            page.loaded.connect(loop.quit)
            loop.exec()
            page.repaint()
            paint.append(time.perf_counter() - started)
            period = page._chosen_period()
            started = time.perf_counter()
            ward_overview(store, period)
            raw.append(time.perf_counter() - started)
            started = time.perf_counter()
            review_figures(store, period)
            review_figures(store, previous_period(period))
            whole.append(time.perf_counter() - started)
            holder.close()
            holder.deleteLater()
        print(f"Overview page, figures read and painted: median {statistics.median(paint) * 1000:.0f} ms; the core's "
              f"ward_overview alone: {statistics.median(raw) * 1000:.0f} ms → ratio "
              f"{statistics.median(paint) / statistics.median(raw):.2f}× (median of {rounds}); the whole review "
              f"twice, as before: {statistics.median(whole) * 1000:.0f} ms")
        app.processEvents()


def bench_search(db: Path, rounds: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.search.index import search_household_ids
    from desktop.security.database import open_database
    from desktop.security.secrets import PassphraseFileSecrets
    from ui.app import build_window
    from ui.language import LanguageManager

    app = QApplication.instance() or QApplication([])
    language = LanguageManager()
    language.set_language("vi")
    store = open_database(db, PassphraseFileSecrets(key_file(db), PASSPHRASE))
    window = build_window(store, language)
    window.show()
    window.show_page("households")
    page = window.households
    while page.model.rowCount() == 0:
        app.processEvents()
    visible = 30
    ui_times: list[float] = []
    raw_times: list[float] = []
    for _ in range(rounds):
        for text in QUERIES:
            started = time.perf_counter()
            search_household_ids(store.conn, text, limit=500)
            raw_times.append(time.perf_counter() - started)
            page.search.setText(text)
            started = time.perf_counter()
            page.search.flush()  # what the 150 ms debounce timer fires
            for row in range(min(visible, page.model.rowCount())):
                page.model.index(row, 1).data()  # the rows the view paints first
            app.processEvents()
            ui_times.append(time.perf_counter() - started)

    def ms(values: list[float], q: float) -> float:
        return sorted(values)[min(len(values) - 1, int(q * len(values)))] * 1000

    print(
        f"search keystroke → updated list ({len(ui_times)} searches, after the {150} ms debounce): "
        f"median {statistics.median(ui_times) * 1000:.1f} ms, p99 {ms(ui_times, 0.99):.1f} ms "
        f"(target median ≤ 50 ms); raw FTS5 query on the same data: median "
        f"{statistics.median(raw_times) * 1000:.1f} ms, p99 {ms(raw_times, 0.99):.1f} ms"
    )
    window.close()
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("/tmp/wardbook-bench-ui-50k-encrypted.db"))
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only-start", action="store_true", help="the start and memory figures only")
    options = parser.parse_args()
    ensure_db(options.db, options.households)
    from desktop.security.database import open_database
    from desktop.security.secrets import PassphraseFileSecrets
    from desktop.store.queries import ward_stats

    with open_database(options.db, PassphraseFileSecrets(key_file(options.db), PASSPHRASE)) as store:
        stats = ward_stats(store, date.today())
    print(f"ward: {stats['households']:,} households, {stats['people']:,} people, {stats['visits']:,} visits "
          "(SQLCipher, encrypted)")
    bench_start(options.db, options.runs)
    if options.only_start:
        return 0
    bench_overview(options.db, rounds=3)
    bench_search(options.db, rounds=3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
