"""A password or a key file's passphrase with Vietnamese accents opens whichever way the accents are encoded.

Vietnamese input methods type "ậ" either as one character (NFC) or as "a" with two combining marks (NFD): the same
password typed on another laptop, or with another input method, locked an officer out (and a key file's
passphrase, the whole register). New secrets are kept in the composed form; those an earlier version kept as
typed still open.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from desktop.errors import WardbookError
from desktop.security import passwords, secrets
from desktop.security.passwords import hash_password, verify_password
from desktop.security.secrets import PassphraseFileSecrets

COMPOSED = unicodedata.normalize("NFC", "Mậtkhẩu Phường 2026")
DECOMPOSED = unicodedata.normalize("NFD", COMPOSED)


def test_the_forms_differ_as_a_keyboard_makes_them() -> None:
    assert COMPOSED != DECOMPOSED and COMPOSED.encode() != DECOMPOSED.encode()


@pytest.mark.parametrize(("set_as", "typed"), [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED),
                                                (COMPOSED, COMPOSED), (DECOMPOSED, DECOMPOSED)])
def test_a_password_verifies_whichever_way_its_accents_are_typed(set_as: str, typed: str) -> None:
    stored = hash_password(set_as)
    assert verify_password(typed, stored)
    assert not verify_password(typed + "x", stored) and not verify_password(typed.replace(" ", ""), stored)


def test_a_password_an_earlier_version_hashed_as_typed_still_verifies(monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as earlier:
        earlier.setattr(passwords, "typed_forms", lambda secret: [secret])  # as typed, no normalising
        stored = hash_password(DECOMPOSED)
    assert verify_password(COMPOSED, stored) and verify_password(DECOMPOSED, stored)


@pytest.mark.parametrize(("made_with", "opened_with"), [(COMPOSED, DECOMPOSED), (DECOMPOSED, COMPOSED)])
def test_a_key_file_opens_whichever_way_its_passphrase_is_typed(tmp_path: Path, made_with: str,
                                                               opened_with: str) -> None:
    path = tmp_path / "keys.json"
    PassphraseFileSecrets(path, made_with).set("db-key:x", b"k" * 32)
    assert PassphraseFileSecrets(path, opened_with).get("db-key:x") == b"k" * 32
    with pytest.raises(WardbookError) as wrong:
        PassphraseFileSecrets(path, opened_with + "x")
    assert wrong.value.msg_id == "security.bad_passphrase"


def test_a_key_file_an_earlier_version_made_as_typed_still_opens(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "keys.json"
    with monkeypatch.context() as earlier:
        earlier.setattr(secrets, "typed_forms", lambda secret: [secret])
        PassphraseFileSecrets(path, DECOMPOSED).set("db-key:x", b"k" * 32)
    assert PassphraseFileSecrets(path, COMPOSED).get("db-key:x") == b"k" * 32
    assert PassphraseFileSecrets(path, DECOMPOSED).get("db-key:x") == b"k" * 32
