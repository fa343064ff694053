"""The cyclic garbage collector runs on the GUI thread only, from a timer (see `desktop.collector`).

Python runs a collection on whichever thread happens to allocate when a generation's count passes its threshold;
in the app that is often a job's pool thread, and a collection there frees the Qt objects caught in reference
cycles (closed dialogs, models, a job's signals) on a thread that does not own them: the app crashed with a
segmentation fault. Here automatic collection is switched off and the GUI thread runs what is due every
`INTERVAL_MS`, between two events: the same collections, on the thread Qt objects belong to.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from desktop.collector import collect_if_due, collect_on_one_thread

# Often enough that memory held by cycles is freed about as soon as the automatic collector would free it (a
# young generation's threshold is passed many times a second only during bulk work, when collecting waits anyway).
INTERVAL_MS = 500


def collect_on_gui_thread(owner: QObject) -> QTimer:
    """Switch automatic collection off and run what is due on `owner`'s thread (the GUI thread) from a timer
    parented to `owner`; returned so a test can stop it."""
    collect_on_one_thread()
    timer = QTimer(owner)
    timer.setInterval(INTERVAL_MS)
    timer.timeout.connect(collect_if_due)
    timer.start()
    return timer
