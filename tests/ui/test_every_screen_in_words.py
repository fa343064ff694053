"""Every word a user sees is a sentence of their language, on every screen: the real main window on the demo ward
is walked in Vietnamese and in English — each page of the navigation, each button on it (the dialogs it opens,
their Save with nothing filled in), a household's page, the import and the audit log — then the common refusals
are provoked (a wrong or locked password, an impossible date, the register busy, a bad file to import or to
define a sweep from, a missing share folder, a bad backup). The team lead's and the officer's windows are walked
too, each in both languages: they see other pages, other buttons and the notes saying how many of others' entries
are left out, and are refused what they reach for anyway (the pages and dialogs not offered them, another
officer's visit and case, the accounts, an import, the sync set-up). Every text on screen is read: labels, buttons,
titles, tooltips, placeholders, table headers and cells, list items, message boxes.

A text is a finding when it holds a field key (`households.street`, `flag_poor`, `questions[1].label`), an id,
an ISO time, a Python exception's name, a command-line flag, a word of the other language (a word of the English
catalogue never used in the Vietnamese one, or a Vietnamese word in English), or is a whole message left
untranslated. What the ward's register holds and what the test typed (names, streets) is data, never a finding.
Screens added later are walked too: the walk follows the navigation and the buttons, not a list of screens."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from desktop import i18n
from tests.security.conftest import PASSWORDS
from tests.ui.test_security_ui import accounts, window_as  # noqa: F401  (fixtures)
from tests.write_lock import another_job_writing
from ui import workers
from ui.main_window import NAV

ROOT = Path(__file__).resolve().parents[2]
MAX_ROWS = 25  # cells read per list: enough to meet every kind of value a column shows
NOT_CLICKED = {"In…", "Print…"}  # the system's print dialog blocks; printing is tested in test_reports_page_input
VIETNAMESE_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")

KEY = re.compile(r"(?<![\w.])(?!e\.g\b)(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|"
                 r"[a-z][a-z0-9_]*(?:\[\d+\])?\.[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)\b")
ID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-|\b[0-9a-f]{12,}\b")
ISO_TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\d{2}:\d{2}:\d{2}")
EXCEPTION = re.compile(r"\b[A-Z]\w*(?:Error|Exception)\b|Traceback|Errno|\bNone\b|sqlite3\.")
FLAG = re.compile(r"(?<![\w-])--[a-z]")
TAG = re.compile(r"<[^>]+>")
PATH = re.compile(r"(^|\s)(/|~/|[A-Za-z]:\\)\S*|\S+\.(pdf|docx|xlsx|csv|json|db|txt)\b")  # file names are data


def _plain(text: str) -> str:
    """A text as read: without rich-text tags and mnemonic marks, its spaces folded."""
    text = re.sub(r"&(?=\w)", "", TAG.sub(" ", text).replace("&nbsp;", " ")).replace("&&", "&")
    return " ".join(text.split())


def _tokens(texts: Iterable[str]) -> set[str]:
    return {token.lower() for text in texts for token in re.findall(r"[^\W\d_]+", text)}


class Judge:
    """What is not a sentence of the user's language, learned from the two catalogues (the Qt one, the core's)."""

    def __init__(self, data: Iterable[str]) -> None:
        english, vietnamese = set(), set()
        for message in ET.parse(ROOT / "resources/translations/wardbook_vi.ts").iter("message"):
            english.add(_plain(message.findtext("source") or ""))
            translation = message.find("translation")
            if translation is not None:
                vietnamese.update(_plain(t) for t in [translation.text or ""] +
                                  [form.text or "" for form in translation.iter("numerusform")] if t)
        for texts in i18n._catalogue.values():
            english.add(_plain(texts["en"]))
            vietnamese.add(_plain(texts["vi"]))
        self.untranslated = {"vi": english - vietnamese, "en": vietnamese - english}
        self.data = {_plain(value) for value in data}
        data_words = _tokens(self.data)
        # English words never written in a Vietnamese text ("questions", "target"), and the other way round
        self.foreign_words = {"vi": _tokens(english) - _tokens(vietnamese) - data_words,
                              "en": {w for w in _tokens(vietnamese) - _tokens(english) - data_words
                                     if set(w) & VIETNAMESE_LETTERS}}

    def findings(self, lang: str, where: str, text: str, is_data: bool) -> list[str]:
        text = _plain(text)
        if not text or text in self.data:
            return []
        probe = PATH.sub(" ", text)
        found = [f"{name} {match.group(0)!r}" for name, pattern in (
            ("key", KEY), ("id", ID), ("ISO time", ISO_TIME), ("exception", EXCEPTION), ("flag", FLAG))
            if (match := pattern.search(probe if pattern is not EXCEPTION else text))]
        foreign = [word for word in re.findall(r"[^\W\d_]+", probe)
                   if len(word) > 2 and word.lower() in self.foreign_words[lang]]
        if foreign:
            found.append(f"words of the other language {foreign[:4]}")
        if not is_data and text in self.untranslated[lang]:
            found.append("untranslated")
        return [f"[{lang}] {where}: {text[:160]!r} — {', '.join(found)}"] if found else []


def _count(method: Callable[..., int]) -> int:
    try:
        return int(method())
    except TypeError:  # a list model's count wants its parent, and its columns are not to be asked: one
        try:
            return int(method(QModelIndex()))
        except TypeError:
            return 1


def _texts(widget: QWidget) -> Iterator[tuple[str, bool]]:
    """(text, is it data?) of one visible widget."""
    yield widget.toolTip(), False
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text(), False
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText(), False
        if widget.isReadOnly():
            yield widget.text(), True
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield widget.placeholderText(), False
        if widget.isReadOnly():
            yield widget.toPlainText(), False
    elif isinstance(widget, QComboBox):
        yield from ((widget.itemText(i), True) for i in range(widget.count()))
    elif isinstance(widget, QGroupBox):
        yield widget.title(), False
    elif isinstance(widget, QTabWidget):
        yield from ((widget.tabText(i), False) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        columns = _count(model.columnCount)
        yield from ((str(model.headerData(c, Qt.Orientation.Horizontal) or ""), False) for c in range(columns))
        for row in range(min(_count(model.rowCount), MAX_ROWS)):
            for column in range(columns):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(model.index(row, column), role)
                    if value is not None:
                        yield str(value), True


def on_screen() -> Iterator[tuple[str, str, bool]]:
    """(where, text, is it data?) of every visible window and its visible widgets."""
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        name = type(top).__name__
        yield name, top.windowTitle(), False
        if isinstance(top, QMessageBox):
            yield from ((name, text, False) for text in (top.text(), top.informativeText(), top.detailedText()))
        if isinstance(top, QMainWindow):
            yield name, top.statusBar().currentMessage(), False
            for action in top.menuBar().actions():
                yield name, action.text(), False
                if action.menu() is not None:
                    yield from ((name, a.text(), False) for a in action.menu().actions() if a.isVisible())
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible():
                yield from ((f"{name}/{type(widget).__name__}", text, data) for text, data in _texts(widget))


def _free_text(store) -> list[str]:  # type: ignore[no-untyped-def]
    """What people typed into the register (names, streets, notes…): any text with a space, a capital or an
    accent. Codes (`moved_out`, `poor`) are lower-case ASCII words and stay findings when shown."""
    values = []
    for (table,) in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for column in [row[1] for row in store.conn.execute(f'PRAGMA table_info("{table}")')]:
            for (value,) in store.conn.execute(f'SELECT DISTINCT "{column}" FROM "{table}" LIMIT 2000'):
                if isinstance(value, str) and (" " in value or not value.isascii() or not value.islower()):
                    values.append(value)
    return values


class Walk:
    """Opens what a user can open and reads what they would read."""

    def __init__(self, window, qtbot, lang: str, tmp: Path) -> None:  # type: ignore[no-untyped-def]
        self.window, self.qtbot, self.lang, self.tmp = window, qtbot, lang, tmp
        # what the walk types is data, and the language menu names each language in itself
        self.typed = ["Cán Bộ ?", "Tiếng Việt", "English"]
        self.judge = Judge(_free_text(window.ctx.store) + self.typed)
        self.found: list[str] = []
        self.read: set[tuple[str, str]] = set()
        self.kept: list[QWidget] = []

    def settle(self) -> None:
        workers.QThreadPool.globalInstance().waitForDone(30_000)
        QApplication.processEvents()
        self.qtbot.wait(5)

    def look(self, step: str) -> None:
        for where, text, is_data in on_screen():
            if (where, text) not in self.read:
                self.read.add((where, text))
                self.found += self.judge.findings(self.lang, f"{step} | {where}", text, is_data)

    def do(self, step: str, action: Callable[[], object], inside: bool = False) -> None:
        """Run `action`, read the screen, close what it opened (after clicking the Save of a dialog it opened
        when `inside`: a form saved with nothing filled in says what is missing)."""
        before = {w for w in QApplication.topLevelWidgets() if w.isVisible()}
        action()
        self.settle()
        self.look(step)
        opened = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]
        if inside:
            for dialog in opened:
                if isinstance(dialog, QDialog) and not isinstance(dialog, QMessageBox):
                    for button in self.buttons(dialog, saves_only=True):
                        if shiboken6.isValid(button):  # a Save may close a dialog deleted on close
                            self.do(f"{step} > {button.text()}", button.click)
        for widget in opened:
            if shiboken6.isValid(widget) and widget.isVisible():
                getattr(widget, "discard", lambda w=widget: w.done(0) if isinstance(w, QDialog) else w.close())()
        self.settle()

    @staticmethod
    def buttons(container: QWidget, saves_only: bool = False) -> list[QAbstractButton]:
        found = [b for b in container.findChildren(QAbstractButton)
                 if b.isVisible() and b.isEnabled() and isinstance(b, (QPushButton, QCheckBox))
                 and _plain(b.text()) not in NOT_CLICKED and b.window() is container.window()]
        return [b for b in found if _plain(b.text()) in ("Lưu", "Save")] if saves_only else found

    def every_button(self, page: QWidget, step: str) -> None:
        for view in page.findChildren(QAbstractItemView):  # buttons acting on a chosen row have one
            if view.isVisible() and view.model() is not None and _count(view.model().rowCount) > 0:
                view.setCurrentIndex(view.model().index(0, 0))
        for button in self.buttons(page):
            if button.isVisible() and button.isEnabled():
                self.do(f"{step} > {_plain(button.text())}", button.click, inside=True)

    def pages(self) -> None:
        window = self.window
        self.settle()
        self.look("start")
        for key in NAV:
            if not window.nav.item(NAV.index(key)).isHidden():
                self.do(key, lambda key=key: window.show_page(key))
                self.every_button(window.page(key), key)
        self.do("household", lambda: window.open_household(window.households.model.household_id(0)))
        self.every_button(window.household, "household")
        self.do("import", window.import_action.trigger)
        self.do("audit log", lambda: window.open_audit().verify())

    def sync_with(self, folder: Path) -> None:
        """Sync now with `folder` as the share, as typed on the Sync page (without sync keys)."""
        window = self.window
        window.show_page("sync")
        page = window.sync
        page.share.setText(str(folder))
        page.share.editingFinished.emit()
        self.qtbot.waitUntil(lambda: page.setup.state != "checking", timeout=30_000)
        page.keys.with_secrets = lambda go: go(None)  # a plain test register: no sync keys
        page.sync_now()
        self.qtbot.waitUntil(lambda: page.progress.worker is None, timeout=30_000)

    def refusals_of_a_role(self) -> None:
        """What an officer or a team lead is refused when they reach for it anyway: the pages and dialogs the
        window does not offer them, another officer's visit and case (refused to an officer only), the accounts;
        and their own Sync page, which a team lead or an officer may run but not set up."""
        from desktop.security import users

        window, store = self.window, self.window.ctx.store
        me = window.ctx.user_id
        others_visit = store.conn.execute("SELECT id FROM visits WHERE officer_id != ? AND deleted_hlc IS NULL",
                                          (me,)).fetchone()[0]
        others_case = store.conn.execute("SELECT id FROM cases WHERE assignee_id != ? AND deleted_hlc IS NULL",
                                         (me,)).fetchone()[0]
        household = window.households.model.household_id(3)
        (self.tmp / "ho.csv").write_text("ho_ten,dia_chi\nA,B\n", encoding="utf-8")

        def import_file() -> None:
            dialog = window.open_import()
            dialog.path.setText(str(self.tmp / "ho.csv"))
            dialog.check_button.click()

        for step, action in (
                ("another officer's visit", lambda: window.open_visit(others_visit)),
                ("another officer's case", lambda: window.cases.open_case(others_case)),
                ("the overview page", lambda: window.show_page("overview")),
                ("the reports page", lambda: window.show_page("reports")),
                ("the admin page", lambda: window.show_page("admin")),
                ("the user accounts", lambda: window.guarded(lambda: users.list_users(store))),
                ("the audit log", lambda: window.open_audit().verify()),
                ("a household's access history", lambda: window.open_audit("households", household)),
                ("an import", import_file),
                ("sync with a missing share folder", lambda: self.sync_with(self.tmp / "no-such-share")),
                ("sync with an empty folder", lambda: self.sync_with(self.tmp)),
        ):
            self.do(step, action)

    def refusals(self) -> None:
        from ui.login import LoginDialog

        window, store, tmp = self.window, self.window.ctx.store, self.tmp

        def log_in(user: str, password: str, times: int = 1) -> None:
            dialog = LoginDialog(store)
            self.kept.append(dialog)
            dialog.open()
            dialog.username.setText(user)
            for _ in range(times):
                dialog.password.setText(password)
                dialog.login_button.click()

        def visit(on: str, follow_up: str = "") -> None:
            dialog = window.new_visit(window.households.model.household_id(3))
            dialog.visited_on.setText(on)
            dialog.purposes["welfare_check"].setChecked(True)
            dialog.follow_up.setText(follow_up)
            dialog.findings.setPlainText("Gặp được chủ hộ")
            dialog._try_save()

        def busy(action: Callable[[], object]) -> Callable[[], None]:
            def held() -> None:
                with another_job_writing(store.path):
                    action()
                    self.look("the register busy")
            return held

        def import_file(name: str, content: bytes) -> None:
            (tmp / name).write_bytes(content)
            dialog = window.open_import()
            dialog.path.setText(str(tmp / name))
            dialog.check_button.click()

        def sweep_from(content: str) -> None:
            (tmp / "dot.json").write_text(content, encoding="utf-8")
            window.show_page("campaigns")
            QFileDialog.getOpenFileName = staticmethod(lambda *_a, **_k: (str(tmp / "dot.json"), ""))
            window.campaigns.define_from_file()

        def add_user(name: str, password: str, again: str) -> None:
            window.show_page("admin")
            dialog = window.admin.users_box.add_user()
            dialog.username.setText(name)
            dialog.password.setText(password)
            dialog.again.setText(again)
            dialog.try_save()

        (tmp / "not-a-folder").write_text("x")
        (tmp / "garbage.db").write_bytes(b"garbage" * 100)
        for step, action in (
                ("wrong password", lambda: log_in("canbo", "wrong-password")),
                ("locked account", lambda: log_in("totruong", "wrong-password", 8)),
                ("an impossible date", lambda: visit("31/02/2026")),
                ("not a date", lambda: visit("abc")),
                ("a visit in the future", lambda: visit("01/01/2030")),
                ("a follow-up before the visit", lambda: visit("20/06/2026", "01/01/2020")),
                ("a required field empty", lambda: visit("")),
                ("the register busy for a visit", busy(lambda: visit("20/06/2026"))),
                ("the register busy for a login", busy(lambda: log_in("canbo", PASSWORDS["canbo"]))),
                ("import of a broken workbook", lambda: import_file("hong.xlsx", b"not a workbook")),
                ("import of unknown columns", lambda: import_file("cot.csv", b"a,b,c\n1,2,3\n")),
                ("import of an unreadable text", lambda: import_file("ma.csv", b"\x00\xff\xfe ,,,\n1,2")),
                ("sync with a missing share folder", lambda: self.sync_with(tmp / "no-such-share")),
                ("sync with a file as the folder", lambda: self.sync_with(tmp / "not-a-folder")),
                ("sync with an empty folder", lambda: self.sync_with(tmp)),
                ("a sweep from a broken file", lambda: sweep_from("{not json")),
                ("a sweep from a file of another shape", lambda: sweep_from('{"name": "x", "questions": "all"}')),
                ("a sweep's question of the wrong kind",
                 lambda: sweep_from('{"name": "x", "questions": [{"label": 5, "kind": "yes_no"}]}')),
                ("passwords that differ", lambda: add_user("canbo9", "mat-khau-dai-9", "mat-khau-khac")),
                ("a username taken", lambda: add_user("canbo", "mat-khau-dai-9", "mat-khau-dai-9")),
                ("a username not allowed", lambda: add_user("Cán Bộ ?", "mat-khau-dai-9", "mat-khau-dai-9")),
                ("restore of a file that is no register", lambda: window.admin.backup_box.restore(tmp / "garbage.db")),
                ("restore of a missing file", lambda: window.admin.backup_box.restore(tmp / "missing.db")),
                ("a report into a folder", lambda: (window.show_page("reports"), window.reports.out.setText(str(tmp)),
                                                    window.reports.generate.click())),
        ):
            self.do(step, action)


@pytest.fixture
def nothing_blocks(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Dialogs that would wait for an answer (exec, the static boxes, file choosers) show and return at once: a
    static box's title and text are kept to be judged, a file chooser is cancelled, and the system's folders are
    the test's."""
    asked: list[str] = []

    def box(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.extend(str(text) for text in args[1:3])
        return QMessageBox.StandardButton.No

    for name in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(box))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: ""))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *_a, **_k: ("", False)))
    for kind in (QDialog, QMessageBox, QInputDialog, QFileDialog):
        monkeypatch.setattr(kind, "exec", lambda self: self.show() or 0)
    # A modal form is let go once its exec returns (`ui.widgets.run_once`): returning at once here, it must stay
    # to be read; the walk closes what it opened itself.
    monkeypatch.setattr(QDialog, "deleteLater", lambda self: None)
    monkeypatch.setenv("HOME", str(tmp_path))  # reports go to the test's Documents/WardBook
    return asked


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("user", ["quantri", "totruong", "canbo1"])
def test_every_screen_speaks_the_users_language(window_as, nothing_blocks, qtbot, tmp_path, user, lang) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    window = window_as(user)
    window.set_language(lang)
    walk = Walk(window, qtbot, lang, tmp_path)
    walk.pages()
    if user == "quantri":
        walk.refusals()
    else:
        walk.refusals_of_a_role()
        refused = {text for _, text in walk.read if re.search("không có quyền|has no right", text)}
        # the accounts and the import to both; another officer's records, the audit log and the Overview's ward
        # figures to the officer too
        assert len(refused) == {"totruong": 2, "canbo1": 5}[user], f"the refusals were not all read: {refused}"
    for text in nothing_blocks:
        walk.found += walk.judge.findings(lang, "a question box", text, False)
    assert len(walk.read) > 1500, "the walk saw too little to judge"
    assert walk.found == [], "\n".join(walk.found)
