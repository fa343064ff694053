"""`wardbook restore FILE` takes back only a backup of this register, keeps the database it replaces, and never
leaves the register without an admin: each on real files, plain and encrypted (a key file as key store)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.security.database import is_plain, key_name, open_database
from desktop.security.secrets import PassphraseFileSecrets, SecretStore
from tests.security.conftest import PASSPHRASE, PASSWORDS, Result, add_accounts, data_snapshot

Cli = Callable[..., Result]


@pytest.fixture(params=["plain", "encrypted"])
def secrets(request: pytest.FixtureRequest) -> SecretStore | None:
    """None for a plain database (the autouse `WARDBOOK_UNENCRYPTED=1`), else the key file the CLI uses too."""
    if request.param == "plain":
        return None
    key_file: Path = request.getfixturevalue("key_file")
    return PassphraseFileSecrets(key_file, PASSPHRASE)


def _key(path: Path, secrets: SecretStore | None) -> bytes | None:
    return None if secrets is None else secrets.get(key_name(path))


def _ward_with_admin(cli: Cli, path: Path, secrets: SecretStore | None, seed: int) -> None:
    assert cli("--db", path, "demo", "--households", "7", "--seed", seed).code == 0
    with open_database(path, secrets) as store:
        add_accounts(store)


def _kept_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".before-restore-*"))


def _leftovers(path: Path) -> list[str]:
    """Files beside `path` that a restore may have made (the copy being restored, the kept copy)."""
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name) and p != path)


def test_another_wards_database_is_refused_and_nothing_changes(tmp_path: Path, secrets: SecretStore | None,
                                                               cli: Cli) -> None:
    path, other = tmp_path / "r1.db", tmp_path / "r2.db"
    assert cli("--db", path, "init", "--admin", "quantri", new_password=PASSWORDS["quantri"]).code == 0
    _ward_with_admin(cli, other, secrets, seed=4)  # another ward, with an admin: only its origin is wrong
    before = data_snapshot(path, _key(path, secrets))
    refused = cli("--db", path, "restore", other, user="quantri")
    assert refused.code == 2
    assert refused.err.strip() == f"Error: {other} is not a backup of this register (it is another laptop's or " \
                                  "another ward's database); nothing was restored."
    assert data_snapshot(path, _key(path, secrets)) == before
    assert _leftovers(path) == []
    assert cli("--db", path, "stats").code == 2  # still needs a login


def test_the_exploratory_repro_another_ward_without_accounts_is_refused(tmp_path: Path, cli: Cli) -> None:
    path, other = tmp_path / "r1.db", tmp_path / "r2.db"
    assert cli("--db", path, "init", "--admin", "quantri", new_password=PASSWORDS["quantri"]).code == 0
    assert cli("--db", other, "demo", "--households", "7", "--seed", "4").code == 0
    refused = cli("--db", path, "restore", other, user="quantri")
    assert refused.code == 2 and "is not a backup of this register" in refused.err
    assert cli("--db", path, "stats").code == 2
    assert cli("--db", path, "stats", user="quantri").code == 0


def test_a_backup_of_this_register_comes_back_and_the_replaced_database_is_kept(
        tmp_path: Path, secrets: SecretStore | None, cli: Cli) -> None:
    path, copy = tmp_path / "ward.db", tmp_path / "backup.db"
    _ward_with_admin(cli, path, secrets, seed=1)
    assert cli("--db", path, "backup", copy, user="quantri").code == 0
    before = data_snapshot(path, _key(path, secrets))
    with open_database(path, secrets) as store:  # written after the backup: the restore takes it out
        store.set_setting("report.place", "đã đổi sau khi sao lưu")
    after_backup = data_snapshot(path, _key(path, secrets))
    done = cli("--db", path, "restore", copy, user="quantri")
    assert done.code == 0, done.err
    [kept] = _kept_copies(path)
    assert done.out.strip() == f"Restored {path}; the database it replaced is kept as {kept}."
    assert data_snapshot(path, _key(path, secrets)) == before
    assert is_plain(kept) == (secrets is None) and is_plain(path) == (secrets is None)
    with open_database(kept, secrets) as replaced:  # openable with its own key entry, and nothing missing
        assert replaced.setting("report.place") == "đã đổi sau khi sao lưu"
    assert data_snapshot(kept, _key(kept, secrets)) == after_backup
    with open_database(path, secrets) as restored:
        assert restored.setting("report.place") != "đã đổi sau khi sao lưu"
        assert restored.conn.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'restore'").fetchone()[0] == 1
    assert sorted(p.name for p in tmp_path.glob("ward.db*")) == ["ward.db", kept.name]
    # The kept copy is a database of the same register: a mistaken restore can itself be undone.
    assert cli("--db", path, "restore", kept, user="quantri").code == 0
    assert data_snapshot(path, _key(path, secrets)) == after_backup


def test_a_backup_without_an_active_admin_is_refused(tmp_path: Path, secrets: SecretStore | None,
                                                     cli: Cli) -> None:
    path, copy = tmp_path / "ward.db", tmp_path / "backup.db"
    assert cli("--db", path, "demo", "--households", "7").code == 0
    assert cli("--db", path, "backup", copy).code == 0  # made in setup mode, before any account
    with open_database(path, secrets) as store:
        add_accounts(store)
    before = data_snapshot(path, _key(path, secrets))
    refused = cli("--db", path, "restore", copy, user="quantri")
    assert refused.code == 2
    assert "has no active admin account" in refused.err and "nothing was restored" in refused.err
    assert data_snapshot(path, _key(path, secrets)) == before
    assert _leftovers(path) == []
    assert cli("--db", path, "stats").code == 2 and cli("--db", path, "stats", user="quantri").code == 0


def test_a_backup_goes_onto_a_blank_register_of_a_replacement_laptop(tmp_path: Path, secrets: SecretStore | None,
                                                                     cli: Cli) -> None:
    ward, copy, fresh = tmp_path / "ward.db", tmp_path / "backup.db", tmp_path / "new-laptop.db"
    _ward_with_admin(cli, ward, secrets, seed=2)
    assert cli("--db", ward, "backup", copy, user="quantri").code == 0
    assert cli("--db", fresh, "init").code == 0  # a register made on first start: no record, no account
    assert cli("--db", fresh, "restore", copy).code == 0
    assert data_snapshot(fresh, _key(fresh, secrets)) == data_snapshot(ward, _key(ward, secrets))
    assert len(_kept_copies(fresh)) == 1
    assert cli("--db", fresh, "stats").code == 2 and cli("--db", fresh, "stats", user="quantri").code == 0


def test_a_backup_from_a_newer_version_is_refused_before_the_register_is_touched(tmp_path: Path, cli: Cli) -> None:
    import sqlite3

    from desktop.store.migrations import LATEST

    path, copy = tmp_path / "ward.db", tmp_path / "backup.db"
    _ward_with_admin(cli, path, None, seed=3)
    assert cli("--db", path, "backup", copy, user="quantri").code == 0
    newer = sqlite3.connect(copy)
    newer.execute(f"PRAGMA user_version = {LATEST + 1}")  # as a later WardBook would have left it
    newer.close()
    before = data_snapshot(path)
    refused = cli("--db", path, "restore", copy, user="quantri")
    assert refused.code == 2 and "newer than this app supports" in refused.err
    assert data_snapshot(path) == before and _leftovers(path) == []
    assert cli("--db", path, "stats", user="quantri").code == 0
