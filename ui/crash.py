"""When the app itself fails: the crash log and the error dialog.

A native crash (a segfault inside Qt) kills the process before Python can say anything, so `faulthandler`
writes the Python stacks of every thread to `crash.log` in the data folder: the only trace left of what was
running. A Python exception that escapes a slot is written with its traceback to `errors.log` there and shown
as a dialog in the chosen language; the window stays open and the officer's other work with it (the write
path's transactions already rolled back whatever the failed action had started).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import files
from desktop.errors import WardbookError
from desktop.failures import environment_error
from ui.widgets import show_error

CRASH_LOG = "crash.log"
ERROR_LOG = "errors.log"
_open_logs: list[TextIO] = []  # faulthandler writes to the descriptor when the process dies: keep it open
_error_log: Path | None = None  # where the error hook writes tracebacks, once installed
_register: Path | None = None  # the register the session works on, once the hook is installed


def enable_crash_log(folder: Path) -> Path:
    """Send native crashes' stacks to `folder/crash.log` (0600, appended)."""
    files.private_folder(folder)
    path = folder / CRASH_LOG
    log = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a", encoding="utf-8")
    _open_logs.append(log)
    faulthandler.enable(file=log, all_threads=True)
    return path


def _logger(folder: Path) -> logging.Logger:
    logger = logging.getLogger("wardbook.errors")
    target = str(folder / ERROR_LOG)
    if not any(getattr(h, "baseFilename", None) == target for h in logger.handlers):
        files.private_folder(folder)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        handler = logging.FileHandler(target, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        logger.addHandler(handler)
    logger.propagate = False
    return logger


def install_error_hook(folder: Path, register: Path | None = None) -> None:
    """Every exception that escapes a slot becomes a message box, never a closed window.

    A core refusal (`WardbookError`) and an environment failure (disk full, permission denied) show their
    own message, naming `register` where SQLite names no file; anything else is a bug: its traceback goes to
    `errors.log`, the user reads a plain sentence (no exception text) naming that file.
    """
    global _error_log, _register
    previous = sys.excepthook
    logger = _logger(folder)
    _error_log = folder / ERROR_LOG
    _register = register

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not isinstance(error, Exception):  # KeyboardInterrupt, SystemExit: not ours to keep alive
            previous(kind, error, trace)
            return
        parent = QApplication.activeWindow()
        told = error if isinstance(error, WardbookError) else _environment_told(error)
        if told is not None:
            show_error(parent, told)
            return
        logger.error("Uncaught exception", exc_info=(kind, error, trace))
        box = QMessageBox(QMessageBox.Icon.Critical, "WardBook", _bug_text(folder / ERROR_LOG),
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("crashBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    sys.excepthook = hook


def _bug_text(log: Path | None) -> str:
    if log is None:
        return QCoreApplication.translate(
            "ErrorHook", "WardBook could not finish this action because of an error in the program. What was saved "
            "before is safe; the action itself was not saved.")
    return QCoreApplication.translate(
        "ErrorHook",
        "WardBook could not finish this action because of an error in the program. What was saved before "
        "is safe; the action itself was not saved. The details were written to %1 — please send that "
        "file to the person who supports WardBook.",
    ).replace("%1", str(log))


def job_failure_text(error: Exception) -> str:
    """What the user reads when a background job (a sync, a report, an import) fails with something other than
    a core refusal: the environment's cause in words (a folder gone, a full disk), or, for a bug, the sentence
    of the error dialog with the traceback written to `errors.log` — never the exception's own text."""
    told = _environment_told(error)
    if told is not None:
        return told.message()
    logging.getLogger("wardbook.errors").error("Uncaught exception in a background job", exc_info=error)
    return _bug_text(_error_log)


def _environment_told(error: BaseException) -> WardbookError | None:
    """`error` in words when it is the environment's. SQLite's errors name no file ("database or disk is full"):
    theirs is the register's disk, so the register is named, not "?"; a system error names its own file."""
    return environment_error(error, None if isinstance(error, OSError) else _register)
