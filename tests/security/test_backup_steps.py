"""A backup copies the register a step at a time: it tells its progress, can be stopped leaving no file, and
is the register as it was when it began even while another connection writes (a sync, a visit saved meanwhile):
on real files, plain and encrypted (a key file as key store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.security import database
from desktop.security.database import backup, key_name, open_database
from desktop.security.secrets import PassphraseFileSecrets, SecretStore
from desktop.store import Store
from tests.security.conftest import PASSPHRASE, Result, data_snapshot


@pytest.fixture(params=["plain", "encrypted"])
def secrets(request: pytest.FixtureRequest) -> SecretStore | None:
    if request.param == "plain":
        return None
    key_file: Path = request.getfixturevalue("key_file")
    return PassphraseFileSecrets(key_file, PASSPHRASE)


@pytest.fixture
def ward(tmp_path: Path, cli: Callable[..., Result], secrets: SecretStore | None,
         monkeypatch: pytest.MonkeyPatch) -> Path:
    """A demo ward of some hundred pages, copied 16 pages a step (a large ward's copy in few steps)."""
    path = tmp_path / "ward.db"
    assert cli("--db", path, "demo", "--households", "60").code == 0
    monkeypatch.setattr(database, "BACKUP_STEP_PAGES", 16)
    return path


def _key(path: Path, secrets: SecretStore | None) -> bytes | None:
    return None if secrets is None else secrets.get(key_name(path))


def test_the_copy_tells_its_progress_step_by_step(ward: Path, secrets: SecretStore | None, tmp_path: Path) -> None:
    copy = tmp_path / "sao-luu.db"
    before = data_snapshot(ward, _key(ward, secrets))
    seen: list[tuple[int, int]] = []
    with open_database(ward, secrets) as store:
        backup(store, copy, secrets, lambda done, total, _message: seen.append((done, total)))
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1] > 0
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    assert data_snapshot(copy, _key(copy, secrets)) == before


def test_a_cancelled_backup_leaves_no_file(ward: Path, secrets: SecretStore | None, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    copy = tmp_path / "usb" / "sao-luu.db"
    steps: list[int] = []
    with open_database(ward, secrets) as store, pytest.raises(InterruptedError):
        backup(store, copy, secrets, lambda done, _total, _message: steps.append(done), lambda: len(steps) >= 2)
    assert len(steps) == 2
    assert list(copy.parent.iterdir()) == []  # neither the copy nor its temporary file


def test_writes_meanwhile_neither_restart_the_copy_nor_reach_it(ward: Path, secrets: SecretStore | None,
                                                                tmp_path: Path) -> None:
    """Between two steps SQLite lets go of the source; a write by another connection then made it start over."""
    copy = tmp_path / "sao-luu.db"
    key = _key(ward, secrets)
    before = data_snapshot(ward, key)
    seen: list[int] = []
    with open_database(ward, secrets) as store, Store.open(ward, key=key) as other:
        def step(done: int, _total: int, _message: str) -> None:
            seen.append(done)
            if len(seen) <= 5:  # bounded: a copy that starts over at each write would otherwise never end
                other.set_setting("written_during_backup", str(len(seen)))

        backup(store, copy, secrets, step)
    assert seen == sorted(seen), "the copy started over"
    assert data_snapshot(copy, _key(copy, secrets)) == before
    with Store.open(copy, key=_key(copy, secrets)) as copied:
        assert copied.setting("written_during_backup") is None
    with Store.open(ward, key=key) as now:
        assert now.setting("written_during_backup") == "5"


def test_a_restore_tells_its_two_copies_as_per_mille_of_the_whole(ward: Path, secrets: SecretStore | None,
                                                                  tmp_path: Path) -> None:
    from desktop.security.database import restore

    copy = tmp_path / "sao-luu.db"
    with open_database(ward, secrets) as store:
        backup(store, copy, secrets)
    seen: list[int] = []
    kept = restore(ward, copy, secrets, lambda done, total, _message: seen.append(done) if total == 1000 else None)
    assert kept is not None and kept.exists()
    assert seen == sorted(seen) and seen[-1] == 1000
    assert any(done < 500 for done in seen) and any(500 < done < 1000 for done in seen)  # both copies told


def test_a_damaged_backup_is_refused_before_anything_is_replaced(ward: Path, secrets: SecretStore | None,
                                                                 tmp_path: Path) -> None:
    """Seen: a backup with pages zeroed on its stick was restored over a good register, which then failed."""
    from desktop.errors import WardbookError
    from desktop.security.database import restore

    copy = tmp_path / "sao-luu.db"
    with open_database(ward, secrets) as store:
        backup(store, copy, secrets)
    raw = bytearray(copy.read_bytes())
    page = 4096
    raw[page * 20: page * 28] = bytes(page * 8)  # eight pages in the middle zeroed
    copy.write_bytes(bytes(raw))
    before = ward.read_bytes()
    with pytest.raises(WardbookError) as refused:
        restore(ward, copy, secrets)
    assert refused.value.msg_id == "security.backup_damaged" and "malformed" not in refused.value.message("vi")
    assert ward.read_bytes() == before and not list(tmp_path.glob("ward.db.before-restore-*"))
    assert not list(tmp_path.glob("ward.db.restoring*"))


def test_the_register_itself_an_empty_file_or_none_is_no_backup(ward: Path, secrets: SecretStore | None,
                                                                tmp_path: Path) -> None:
    from desktop.errors import WardbookError
    from desktop.security.database import check_restore, restore

    empty, zeros = tmp_path / "empty.db", tmp_path / "zeros.db"
    empty.write_bytes(b"")
    zeros.write_bytes(bytes(8192))
    with open_database(ward, secrets) as store:
        for source, msg_id in ((ward, "security.restore_self"), (empty, "security.not_a_backup"),
                               (zeros, "security.not_a_backup"), (tmp_path / "none.db", "security.backup_missing")):
            with pytest.raises(WardbookError) as refused:
                check_restore(store, source, secrets)
            assert refused.value.msg_id == msg_id, source
            assert "wardbook " not in refused.value.message("vi")  # no command to type in the app
    with pytest.raises(WardbookError) as refused:
        restore(ward, ward, secrets)
    assert refused.value.msg_id == "security.restore_self"
