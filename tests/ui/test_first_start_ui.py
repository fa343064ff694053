"""First start on a computer without a keyring: the key dialog at any size and in plain words, Qt's own file
dialog in Vietnamese, the welcome and first-admin dialogs whose words agree, and a progress dialog while the
demo ward is made."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QProgressDialog,
    QTreeView,
)

from desktop.store import Store
from ui.first_start import FirstStartDialog, make_demo
from ui.keys import FOR_DATABASE, KeyFileDialog
from ui.login import FirstAdminDialog


def _fits(label: QLabel) -> bool:
    """A word-wrapped label is tall enough for its text at its width (nothing cut)."""
    return label.height() >= label.heightForWidth(label.width())


def test_the_key_dialog_lays_out_at_any_size_and_in_plain_words(language, owned, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = KeyFileDialog("", FOR_DATABASE)
    owned.append(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.path.setText(str(tmp_path / "new-keys.json"))  # a new file: the second passphrase row appears
    dialog.resize(150, 90)  # smaller than anything sensible
    QApplication.processEvents()
    assert dialog.again.isVisible()
    for line in (dialog.path, dialog.passphrase, dialog.again):
        assert line.height() >= line.minimumSizeHint().height()
    assert _fits(dialog.explain)
    text = dialog.explain.text()
    assert "Error" not in text and "(" not in text and "--" not in text
    dialog.try_accept()  # passphrases empty and equal: the core refuses an empty one
    assert dialog.error.text()
    dialog.passphrase.setFocus()
    qtbot.keyClicks(dialog.passphrase, "a")
    assert not dialog.error.text(), "an old error stays beside new input"
    dialog.passphrase.clear()
    dialog.path.setText(str(tmp_path))  # a folder, not a file: told in words
    dialog.passphrase.setText("a long passphrase")
    dialog.try_accept()
    assert dialog.error.text() and "Error" not in dialog.error.text()


def test_qt_file_dialog_speaks_vietnamese(language, owned, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = QFileDialog(None, "Chọn tệp", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    owned.append(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QAbstractButton)]
    texts += [button.toolTip() for button in dialog.findChildren(QAbstractButton)]
    tree = dialog.findChild(QTreeView)
    assert tree is not None
    header = tree.model()
    texts += [str(header.headerData(column, Qt.Orientation.Horizontal))
              for column in range(header.columnCount())]
    english = {"&Look in:", "Look in:", "File &name:", "Files of &type:", "Back", "Forward", "Parent Directory",
               "Create New Folder", "Detail View", "List View", "&Open", "Cancel", "Name", "Size", "Type",
               "Date Modified"}
    assert not english & set(texts), english & set(texts)
    assert "&Tìm trong:" in texts and "&Loại tệp:" in texts


def test_welcome_and_first_admin_words_agree(language, owned, qtbot, store: Store) -> None:  # type: ignore[no-untyped-def]
    welcome = FirstStartDialog(Path("/home/can-bo/.local/share/WardBook/wardbook.db"))
    admin = FirstAdminDialog(store)
    owned.extend((welcome, admin))
    welcome.show()
    qtbot.waitExposed(welcome)
    assert welcome.heading.text() == welcome.windowTitle() == "Chào mừng đến với Sổ địa bàn"
    assert _fits(welcome.heading)
    assert welcome.width() >= welcome.demo_button.sizeHint().width()
    skip = admin.skip_button.text().replace("&", "")
    assert f"“{skip}”" in admin.explain.text()


def test_a_progress_dialog_shows_while_the_demo_ward_is_made(language, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())
                return
        QTimer.singleShot(5, look)

    QTimer.singleShot(0, look)
    assert make_demo(tmp_path / "demo.db", 60, interactive=True)
    assert seen and seen[0] == "Đang tạo phường mẫu…"


def test_core_errors_written_for_the_command_line_are_said_in_the_app_s_words(language) -> None:  # type: ignore[no-untyped-def]
    import desktop.sync.messages  # noqa: F401  (the sync catalogue, as a sync would load it)
    from desktop.errors import WardbookError
    from ui.widgets import error_text

    for msg_id, params in (("security.no_keyring", {"reason": "NoKeyringError"}), ("security.no_key_passphrase", {}),
                           ("security.needs_key", {"path": "/x/wardbook.db"}), ("sync.no_share_set", {})):
        error = WardbookError(msg_id, **params)
        assert "--" in error.message() or "WARDBOOK" in error.message() or msg_id == "security.needs_key"
        text = error_text(error)
        assert "--" not in text and "WARDBOOK" not in text and "Error" not in text, text
        assert text != error.message()


def _fill_first_admin(admin: FirstAdminDialog, ward: str) -> None:
    admin.username.setText("quantri")
    admin.full_name.setText("Quản trị phường")
    admin.password.setText("mat khau dai du 1")
    admin.again.setText("mat khau dai du 1")
    admin.ward.setText(ward)


def test_the_first_admin_names_the_ward_printed_on_reports(language, owned, store: Store) -> None:  # type: ignore[no-untyped-def]
    """A register set up in the app never asked for its ward's name: every report printed a dotted line."""
    from desktop.reports.settings import missing_ward_name, ward_name

    admin = FirstAdminDialog(store)
    owned.append(admin)
    assert missing_ward_name(store) and admin.ward.text() == ""
    _fill_first_admin(admin, "Phường Bình Tây\x07")  # a character no report can print: refused, nothing made
    admin.create_button.click()
    assert admin.error.text() and admin.actor is None
    assert store.conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 0
    admin.ward.setText("  Phường Bình Tây ")
    admin.create_button.click()
    assert admin.actor is not None, admin.error.text()
    assert ward_name(store) == "Phường Bình Tây" and not missing_ward_name(store)


def test_a_demo_that_cannot_be_made_is_told_not_dropped(language, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """On a nearly full disk the demo ward failed and the app ended as if the officer had closed the dialog."""
    from tests.safety.conftest import fill_disk, mounted_disk
    from ui.first_start import DemoNotMade, ensure_database

    with mounted_disk(tmp_path / "disk", "3m") as disk:
        path = disk / "ward.db"
        fill_disk(disk, 50_000)
        with pytest.raises(DemoNotMade) as failed:
            ensure_database(path, interactive=False, demo_households=2000, secrets=None)
        left = sorted(entry.name for entry in disk.iterdir())
    assert str(failed.value) == f"Không dùng được {path}: ổ đĩa đã đầy."
    assert left == ["ballast"]
