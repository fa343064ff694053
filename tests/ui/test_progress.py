"""The job progress panel every long job of the app uses (reports, sync, import, purge): shown while the job
runs, following its progress, cancelling it, and gone when it ends — whatever the way it ends."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop.errors import WardbookError
from ui import workers
from ui.progress import JobProgress


def _panel(qtbot, **options: bool) -> tuple[JobProgress, QPushButton, QWidget]:  # type: ignore[no-untyped-def]
    """A panel on a shown page, with the button that starts the job (the page is returned to keep it alive)."""
    page = QWidget()
    qtbot.addWidget(page)
    start = QPushButton("start", page)
    panel = JobProgress(page, **options)
    layout = QVBoxLayout(page)
    layout.addWidget(start)
    layout.addWidget(panel)
    page.show()
    return panel, start, page


def _waits_for_cancel(reached: threading.Event) -> workers.Job:
    """A job that reports one step of ten, then works until it is cancelled (or gives up after a minute, so a
    broken Cancel fails the test instead of hanging it)."""

    def job(progress: workers.Progress, cancelled: workers.Cancelled) -> str:
        progress(1, 10, "Bước 1")
        reached.set()
        for _ in range(6000):
            if cancelled():
                raise InterruptedError
            time.sleep(0.01)
        return "not cancelled"

    return job


def test_panel_shows_progress_and_cancel_stops_the_job(language, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, start, _page = _panel(qtbot)
    assert panel.isHidden(), "nothing runs yet"
    reached = threading.Event()
    with qtbot.waitSignal(panel.progressed, timeout=10_000) as step:
        worker = panel.start(_waits_for_cancel(reached), "Đang chạy…", lock=(start,))
        assert panel.isVisible() and not start.isEnabled()
        assert panel.bar.maximum() == 0, "busy until the first progress"
    assert step.args == [1, 10, "Bước 1"]
    assert (panel.bar.value(), panel.bar.maximum()) == (1, 10)
    assert panel.message.text() == "Bước 1"
    assert panel.cancel_button.isVisible() and panel.cancel_button.text() == "Hủy"
    assert reached.wait(10)
    outcomes: list[str] = []
    panel.finished.connect(lambda _result: outcomes.append("finished"))
    with qtbot.waitSignal(panel.cancelled, timeout=10_000):
        panel.cancel_button.click()
        assert worker.is_cancelled() and not panel.cancel_button.isEnabled()
        assert panel.message.text() == "Đang hủy…"
    assert outcomes == []
    assert panel.isHidden() and panel.worker is None and start.isEnabled()
    assert panel.message.text() == ""


def test_panel_hands_over_the_result_and_hides(language, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, start, _page = _panel(qtbot, cancellable=False, messages=False)
    assert not panel.cancel_button.isVisibleTo(panel)

    def job(progress: workers.Progress, _cancelled: workers.Cancelled) -> int:
        progress(2, 2, "rows")
        return 42

    seen: list[tuple[int, int, str]] = []
    panel.progressed.connect(lambda *args: seen.append(args))
    with qtbot.waitSignal(panel.finished, timeout=10_000) as done:
        panel.start(job, lock=(start,))
    assert done.args == [42] and seen == [(2, 2, "rows")]
    assert panel.isHidden() and panel.worker is None and start.isEnabled()
    assert panel.message.text() == "", "an internal word is not shown as a message"


def test_a_job_that_ends_despite_a_late_cancel_is_reported_as_done(language, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Cancel pressed as the job commits its last step: the work is done, and the page must say so (telling the
    officer "cancelled" would have them redo an import or a sync that happened)."""
    panel, start, _page = _panel(qtbot)
    asked = threading.Event()

    def job(_progress: workers.Progress, cancelled: workers.Cancelled) -> str:
        for _ in range(6000):  # past the point of no return: the flag is seen, the work is finished anyway
            if cancelled():
                return "committed"
            asked.set()
            time.sleep(0.01)
        return "never cancelled"

    outcomes: list[str] = []
    panel.cancelled.connect(lambda: outcomes.append("cancelled"))
    with qtbot.waitSignal(panel.finished, timeout=20_000) as done:
        panel.start(job, lock=(start,))
        assert asked.wait(10)
        panel.cancel_button.click()
    assert done.args == ["committed"] and outcomes == []


def test_panel_reports_the_core_refusal_and_hides(language, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, start, _page = _panel(qtbot)

    def job(_progress: workers.Progress, _cancelled: workers.Cancelled) -> None:
        raise WardbookError("security.login_required")

    with qtbot.waitSignal(panel.failed, timeout=10_000) as failed:
        panel.start(job, lock=(start,))
    assert failed.args == [WardbookError("security.login_required").message()]
    assert panel.isHidden() and panel.worker is None and start.isEnabled()


def test_cancel_button_follows_the_language(language, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel, _start, _page = _panel(qtbot)
    language.set_language("en")
    qtbot.waitUntil(lambda: panel.cancel_button.text() == "Cancel", timeout=2000)
