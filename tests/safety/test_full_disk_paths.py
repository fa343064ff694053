"""A disk that fills up at the awkward moments: inside an import's re-indexing, at the register's lock, during a
restore, while a plain register's old copy is shredded. Each ends in one sentence naming the register and the
true cause (never a second error's text, never "?", never "the backup is damaged"), and nothing is lost."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.failures import environment_error
from desktop.security.database import shred
from tests.safety.conftest import Result, demo_ward, fill_disk, mounted_disk

PASSPHRASE = "correct horse battery staple"


def _rows(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}
    finally:
        conn.close()


def _sound(db: Path) -> bool:
    conn = sqlite3.connect(str(db))
    try:
        return conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        conn.close()


def _one_line(result: Result, path: Path, cause: str = "the disk is full") -> None:
    lines = [line for line in result.err.splitlines() if not line.startswith("Warning:")]
    assert result.code == 2, result
    assert lines == [f"Error: Cannot use {path}: {cause}."], result.err


@pytest.fixture(scope="module")
def small_ward(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 households: a register that fits, with room to spare, on the small disks below (tests copy it)."""
    return demo_ward(tmp_path_factory.mktemp("small") / "ward.db", 200, 3)


def _long_list(folder: Path, households: int) -> Path:
    lines = ["Họ và tên,Quan hệ với chủ hộ,Năm sinh,Số nhà,Đường,Khu phố"]
    lines += [f"Hồ Văn Số {n},Chủ hộ,1960,{n},Đường Số 8 {'x' * 200},Khu phố 2" for n in range(1, households + 1)]
    path = folder / "list.csv"
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    return path


@pytest.mark.parametrize("leave", [1_500_000, 3_500_000])
def test_a_disk_filling_while_an_import_reindexes_is_told_as_a_full_disk(
    small_ward: Path, tmp_path: Path, cli: Callable[..., Result], leave: int
) -> None:
    """SQLite rolls the whole transaction back on a full disk, and the search's work table made inside it with
    it: emptying that table afterwards failed with "no such table", shown as a traceback."""
    listing = _long_list(tmp_path, 5000)
    with mounted_disk(tmp_path / "disk", "20m") as disk:
        db = disk / "ward.db"
        shutil.copy(small_ward, db)
        before = _rows(db)
        fill_disk(disk, leave)
        result = cli("--db", db, "import", listing, "--create-areas")
        (disk / "ballast").unlink()
        _one_line(result, db)
        assert _sound(db) and _rows(db) == before
        assert cli("--db", db, "import", listing, "--create-areas").code == 0


def test_a_disk_full_to_the_last_byte_at_the_registers_lock_names_the_register(
    small_ward: Path, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    """A restore takes the register's lock first; its record could not be written: "Cannot use ?" and an empty
    lock file left beside the register."""
    backup = tmp_path / "backup.db"
    shutil.copy(small_ward, backup)
    with mounted_disk(tmp_path / "disk", "12m") as disk:
        db = disk / "ward.db"
        shutil.copy(small_ward, db)
        fill_disk(disk, 0)
        result = cli("--db", db, "restore", backup)
        left = sorted(path.name for path in disk.iterdir())
        (disk / "ballast").unlink()
    _one_line(result, db)
    assert left == ["ballast", "ward.db"]


@pytest.mark.parametrize("leave", [1_000_000, 5_000_000])
def test_a_restore_onto_a_full_disk_does_not_call_the_backup_damaged(
    ward_template: Path, tmp_path: Path, cli: Callable[..., Result], leave: int
) -> None:
    backup = tmp_path / "backup.db"
    with mounted_disk(tmp_path / "disk", "80m") as disk:
        db = disk / "ward.db"
        shutil.copy(ward_template, db)
        assert cli("--db", db, "backup", backup).code == 0
        before = _rows(db)
        fill_disk(disk, leave)
        result = cli("--db", db, "restore", backup)
        (disk / "ballast").unlink()
        _one_line(result, db)
        assert _sound(db) and _rows(db) == before
        assert cli("--db", db, "restore", backup).code == 0  # the very same backup: it never was damaged


def test_shredding_a_file_on_a_nearly_full_disk_does_not_need_room(tmp_path: Path) -> None:
    """The overwrite wrote whole 1 MiB chunks past the file's end: the file grew, a nearly full disk refused, and
    a plain register's old copy stayed (every later open tried again and failed)."""
    with mounted_disk(tmp_path / "disk", "4m") as disk:
        plain = disk / "ward.db.plain-old"
        plain.write_bytes(b"Nguy\xe1\xbb\x85n" * 200_000)  # 1.6 MB, not a whole number of chunks
        fill_disk(disk, 16_384)
        shred(plain)
        assert not plain.exists()


def test_a_register_whose_folder_cannot_be_written_is_not_called_a_read_only_disk(tmp_path: Path) -> None:
    """SQLite says "attempt to write a readonly database" for a file or folder without the right to write as
    for a read-only disk; the first is by far the more common, and the user is sent to the folder's rights."""
    db = tmp_path / "ward.db"
    sqlite3.connect(str(db)).executescript("CREATE TABLE t (x); PRAGMA journal_mode = DELETE;")
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        conn.execute("INSERT INTO t VALUES (1)")
    told = environment_error(raised.value, db)
    assert told is not None
    assert "ổ đĩa" not in told.message("vi")  # "the disk"
    assert told.message("en") == (f"Cannot use {db}: the file or its folder may only be read (check that the folder "
                                  "may be written to).")


def _station(cli: Callable[..., Result], folder: Path, share: Path) -> list[str]:
    station = ["--db", str(folder / "station.db"), "--key-file", str(folder / "station.keys")]
    assert cli("demo", "--households", "300", "--db", station[1]).code == 0
    assert cli("share", "init", share, *station).code == 0
    assert cli("sync", *station).code == 0
    return station


@pytest.mark.parametrize("leave", [0, 200_000])
def test_a_snapshot_onto_a_full_share_names_the_file(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, leave: int
) -> None:
    """Closing the snapshot's file flushed what was buffered and failed a second time, naming no file: that error
    replaced the first one ("Cannot use ?")."""
    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)
    with mounted_disk(tmp_path / "disk", "6m") as disk:
        share = disk / "share"
        station = _station(cli, tmp_path, share)
        fill_disk(disk, leave)
        result = cli("share", "snapshot", *station)
        (disk / "ballast").unlink()
        lines = [line for line in result.err.splitlines() if not line.startswith("Warning:")]
        assert result.code == 2 and len(lines) == 1 and "?" not in lines[0], result
        assert str(share / "snapshots") in lines[0] and "the disk is full" in lines[0]
        assert cli("share", "snapshot", *station).code == 0


def test_a_bootstrap_onto_a_full_laptop_disk_names_the_laptops_folder(
    tmp_path: Path, cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The snapshot is decrypted into a file beside the register: its write named no file, and the officer could
    not tell whether the laptop or the share was full."""
    from desktop.security.database import open_database
    from desktop.security.secrets import PassphraseFileSecrets

    monkeypatch.setenv("WARDBOOK_KEY_PASSPHRASE", PASSPHRASE)
    share = tmp_path / "share"
    station = _station(cli, tmp_path, share)
    assert cli("share", "snapshot", *station).code == 0
    with mounted_disk(tmp_path / "disk", "12m") as disk:
        laptop = ["--db", str(disk / "laptop.db"), "--key-file", str(disk / "laptop.keys")]
        assert cli("init", *laptop).code == 0
        assert cli("enroll", share, "--name", "may-moi", *laptop).code == 0
        with open_database(disk / "laptop.db", PassphraseFileSecrets(disk / "laptop.keys", PASSPHRASE)) as store:
            device = store.device_id
        assert cli("share", "approve", device, *station).code == 0
        fill_disk(disk, 200_000)
        result = cli("sync", "bootstrap", *laptop)
        (disk / "ballast").unlink()
        _one_line(result, disk)
        assert cli("sync", "bootstrap", *laptop).code == 0


def _before_search_without_sizes(ward: Path, copy: Path) -> Path:
    """A copy of `ward` as the version before migration 17 left it: its full-text table keeps each document's
    size (the table that migration drops and makes again over every document)."""
    from desktop.store.migrations import MIGRATIONS, _v17_search_without_column_sizes

    shutil.copy(ward, copy)
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        conn.execute("DROP TABLE household_fts")
        conn.execute("CREATE VIRTUAL TABLE household_fts USING fts5(doc, tags, content='search_doc', "
                     "content_rowid='id', tokenize='unicode61 remove_diacritics 0', prefix='1 2 3')")
        conn.execute("INSERT INTO household_fts (household_fts) VALUES ('rebuild')")
        conn.execute(f"PRAGMA user_version = {MIGRATIONS.index(_v17_search_without_column_sizes)}")
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return copy


@pytest.mark.parametrize("leave", [0, 400_000])
def test_an_upgrade_that_remakes_the_search_index_on_a_full_disk_leaves_the_register_as_it_was(
    ward_template: Path, tmp_path: Path, cli: Callable[..., Result], leave: int
) -> None:
    """Migration 17 makes the whole full-text table again at the first open by the new version, on every laptop of
    a ward: a disk too full for it must leave the register at the version before, whole and searchable, with one
    sentence naming it, and the next open with room upgrades it. With no room at all the open fails before the
    migration; with 400 kB (this ward's index is 0.5 MB) the migration runs and its commit fails."""
    old = _before_search_without_sizes(ward_template, tmp_path / "old.db")
    with mounted_disk(tmp_path / "disk", "40m") as disk:
        db = disk / "ward.db"
        shutil.copy(old, db)
        before = _rows(db)
        found_before = cli("--db", old, "search", "nguyen").out
        fill_disk(disk, leave)
        result = cli("--db", db, "search", "nguyen")
        (disk / "ballast").unlink()
        _one_line(result, db)
        assert _sound(db) and _rows(db) == before
        conn = sqlite3.connect(str(db))
        try:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == 16
            assert conn.execute("SELECT count(*) FROM household_fts WHERE household_fts MATCH 'nguyen'").fetchone()[0]
        finally:
            conn.close()
        upgraded = cli("--db", db, "search", "nguyen")
        assert upgraded.code == 0 and upgraded.out == found_before and found_before
