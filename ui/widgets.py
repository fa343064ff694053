"""Small widgets shared by the pages: the page base class, field error labels, the debounced search box."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableView,
    QWidget,
)

from desktop import files
from desktop.errors import WardbookError
from ui.context import AppContext

SEARCH_DEBOUNCE_MS = 150


def run_once(dialog: QDialog) -> bool:
    """Run a modal `dialog` and let it go once it is answered (its Python attributes stay readable by the caller).

    A dialog made with a parent (to be centred on it and share its language) otherwise stays a hidden child of
    that page until Python's collector happens to find it, if ever (a case's view opened through a day was found
    kept, nine after a hundred operations): a member's or a case's form each time one is added or opened."""
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()


def kind_suffix(path: str | Path) -> str:
    """The extension of `path` when it names a kind of file WardBook writes (".pdf", ".docx", ".xlsx", ".csv"),
    else "": any other dot belongs to the name ("Bao cao so ket 30.06")."""
    suffix = Path(path).suffix.lower()
    return suffix if suffix[1:] in files.KINDS else ""


def with_chosen_suffix(path: str, chosen_filter: str) -> str:
    """`path` as typed in a save dialog, given the extension of the file type chosen there when it has none: Qt's
    own dialog (without the system's) keeps the name as typed, and the core refuses a report or export whose name
    does not say its kind."""
    found = re.search(r"\*(\.\w+)", chosen_filter)
    return path + found.group(1) if path and found and not kind_suffix(path) else path


class Page(QWidget):
    """A screen of the main window: texts are set in `retranslate()`, data reloaded in `refresh()`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Set every visible text again (called on LanguageChange)."""

    def refresh(self) -> None:
        """Reload data from the store (called when the page is shown)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class FieldError(QLabel):
    """The red message under a form field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


class SearchBox(QLineEdit):
    """A line edit that emits `search` ~150 ms after the last keystroke (one query per pause, not per key)."""

    search = Signal(str)

    def __init__(self, parent: QWidget | None = None, delay_ms: int = SEARCH_DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(lambda: self.search.emit(self.text()))
        self.textChanged.connect(lambda _text: self._timer.start())

    def flush(self) -> None:
        """Run the pending search now (Enter, or a test that does not want to wait)."""
        if self._timer.isActive():
            self._timer.stop()
            self.search.emit(self.text())

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.flush()
        super().keyPressEvent(event)


_MNEMONIC_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")


def _split_mnemonic(text: str) -> tuple[str, int | None]:
    """`"F&ollow-up"` → (`"Follow-up"`, 1): the text without its mnemonic mark, and where the mark was
    (`&&` is a literal ampersand and stays)."""
    plain: list[str] = []
    marked: int | None = None
    index = 0
    while index < len(text):
        char = text[index]
        if char == "&" and index + 1 < len(text):
            if text[index + 1] == "&":
                plain.append("&&")
                index += 2
                continue
            if marked is None:
                marked = len("".join(plain))
            index += 1
            continue
        plain.append(char)
        index += 1
    return "".join(plain), marked


def assign_mnemonics(window: QWidget, labels: list[QLabel]) -> None:
    """Give each of `labels` (in reading order) an Alt+letter of its own in `window`, in whatever language its
    text is now: the letter its translator marked when still free, else the first free letter that starts a
    word, else any free letter. Letters are plain a–z (Alt+ấ cannot be typed; digits are the visit form's
    purposes), and those of the window's buttons (Save, Cancel…) are left to them. A label without a buddy, or
    whose text has no free letter, gets none."""
    taken: set[str] = set()
    for button in window.findChildren(QAbstractButton):
        plain, marked = _split_mnemonic(button.text())
        if button.window() is window and marked is not None and marked < len(plain):
            taken.add(plain[marked].lower())
    for label in labels:
        plain, marked = _split_mnemonic(label.text())
        if label.buddy() is None:  # nothing to put the cursor in: no shortcut
            label.setText(plain)
            continue
        starts = [i for i in range(len(plain)) if i == 0 or not plain[i - 1].isalnum()]
        order = ([marked] if marked is not None else []) + starts + list(range(len(plain)))
        chosen = next((i for i in order if i < len(plain) and plain[i].lower() in _MNEMONIC_LETTERS
                       and plain[i].lower() not in taken), None)
        if chosen is not None:
            taken.add(plain[chosen].lower())
            plain = plain[:chosen] + "&" + plain[chosen:]
        label.setText(plain)


def focus_target(widget: QWidget) -> QWidget | None:
    """The field a label's Alt+letter should put the cursor in: the widget, or for a row of several widgets
    (a date with quick buttons, the household picker) its first text field or list. None for a row of
    buttons: a label's shortcut would click the first of them, not choose among them."""
    candidates = [widget, *widget.findChildren(QWidget)]
    for candidate in candidates:
        if candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and not isinstance(candidate, QAbstractButton):
            return candidate
    return None


def record_table(parent: QWidget, model: QAbstractItemModel, *, whole_rows: bool = True,
                 sorting: bool = True) -> QTableView:
    """The app's one kind of list: a row (or, with `whole_rows=False`, a cell) is chosen at a time, alternate
    row colours, columns sized to their content with the last one filling the width, and sorting by a click
    on a header unless the order itself means something (`sorting=False`)."""
    view = QTableView(parent)
    view.setModel(model)
    behaviour = QAbstractItemView.SelectionBehavior
    view.setSelectionBehavior(behaviour.SelectRows if whole_rows else behaviour.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Columns are sized to the rows on screen: Qt otherwise reads the first thousand rows' every cell on each
    # refresh (a team lead's 1,100 overdue follow-ups froze the window a second on every visit saved).
    view.horizontalHeader().setResizeContentsPrecision(0)
    view.horizontalHeader().setStretchLastSection(True)
    if sorting:
        sortable(view)
    return view


def sortable(view: QTableView) -> None:
    """A click on a column header sorts the list by it (again: the other way); until then the list keeps the
    order the core gave it (newest first, most overdue first…)."""
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)


def chosen(view: QAbstractItemView) -> QModelIndex:
    """The row the user chose in a list: its current index when it is also highlighted, else an invalid one.

    Why not `currentIndex()` alone: when a list gets the focus by Tab with nothing chosen (or after a refresh
    cleared the choice), Qt makes its first row current without highlighting it, and a button acting on the
    current row then acted on a record the user never chose."""
    index = view.currentIndex()
    selection = view.selectionModel()
    return index if index.isValid() and selection is not None and selection.isSelected(index) else QModelIndex()


def hidden_text(count: int) -> str:
    """The note an officer reads where other officers' entries are left out of a list: a count beside
    figures (last visit, overdue) that include them explains an empty or short list."""
    text = QCoreApplication.translate("HiddenEntries", "Entries by other officers not shown: %1")
    return text.replace("%1", f"{count:,}".replace(",", "."))


def error_text(error: Exception) -> str:
    """The user-facing text of a core error, in the current language. The few core messages written for the
    command line (they name its options and variables) are said in the app's own words."""
    app_words = {
        "security.no_keyring": QCoreApplication.translate(
            "Errors", "This computer has no password store WardBook can use for its keys. Restart WardBook: it "
            "then offers a key file protected by a passphrase."),
        "security.no_key_passphrase": QCoreApplication.translate("Errors", "The key file needs its passphrase."),
        "security.needs_key": QCoreApplication.translate(
            "Errors", "This register is encrypted and its key is not on this computer (neither in its password "
            "store nor in the key file chosen)."),
        "sync.no_share_set": QCoreApplication.translate("Errors", "Choose the shared folder first."),
    }
    if isinstance(error, WardbookError) and error.msg_id in app_words:
        return app_words[error.msg_id]
    message = getattr(error, "message", None)
    return message() if callable(message) else str(error)


def is_refusal(error: WardbookError) -> bool:
    """Whether the core refused the user's rights (a box titled "Not allowed"), not a record gone or bad input."""
    return error.msg_id.startswith("security.")


def show_error(parent: QWidget | None, error: Exception | str, title: str = "") -> QMessageBox:
    """A warning box with the core's message (or a background job's, already a sentence), opened without blocking
    (a refused action is not a crash, and tests can find and close the box). Returned so callers and tests can
    reach it."""
    text = error if isinstance(error, str) else error_text(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title or "WardBook", text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class SingleQuestion:
    """A `confirm` question asked once at a time: asked again while it is open (Esc pressed twice, the close
    button clicked again), the open one comes forward instead of a second on top of it."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent
        self.box: QMessageBox | None = None  # the question on screen, None once answered

    def ask(self, title: str, text: str, on_yes: Callable[[], object]) -> QMessageBox:
        if self.box is None:
            self.box = confirm(self.parent, title, text, on_yes)
            self.box.finished.connect(self._answered)
        self.box.raise_()
        return self.box

    def _answered(self) -> None:
        self.box = None


def confirm(parent: QWidget, title: str, text: str, on_yes: Callable[[], object]) -> QMessageBox:
    """A Yes/No question opened without blocking; `on_yes` runs only when Yes is clicked (No is the default,
    so Enter never confirms something that cannot be undone)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setObjectName("confirmBox")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: object) -> None:
        if box.standardButton(button) == QMessageBox.StandardButton.Yes:  # type: ignore[arg-type]
            on_yes()

    box.buttonClicked.connect(answered)
    box.open()
    return box
