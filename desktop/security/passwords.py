"""Password hashing with scrypt (standard library) and a random salt per user.

The stored form `scrypt$<log2 n>$<r>$<p>$<salt>$<hash>` carries its own parameters, so the cost can be raised
later without breaking older hashes. scrypt is memory-hard: guessing the passwords of a stolen `users` table
costs memory as well as time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from itertools import pairwise

from desktop.errors import WardbookError

# OWASP Password Storage Cheat Sheet (2025): scrypt N=2^17, r=8, p=1 at least. Hashes made with N=2^15 before
# carry their parameters and still verify.
LOG2_N, R, P = 17, 8, 1
MIN_LENGTH = 8
_MAXMEM = 256 * 1024 * 1024  # scrypt needs 128·r·N bytes: 128 MiB at N=2^17


def _derive(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=2**log2_n, r=r, p=p, maxmem=_MAXMEM,
                          dklen=32)


def typed_forms(secret: str) -> list[str]:
    """The forms a typed password or passphrase is tried in: its composed form (NFC) first, which is the one
    stored since, then the form typed and the decomposed one (NFD), which an earlier version stored as typed.

    Vietnamese input methods and keyboards type "ậ" either as one character or as "a" with two combining marks;
    the same password typed on another laptop, or with another input method, must still open. Spaces and every
    other character are kept as typed: only the accents' encoding is made one.
    """
    forms = [unicodedata.normalize("NFC", secret)]
    for other in (secret, unicodedata.normalize("NFD", secret)):
        if other not in forms:
            forms.append(other)
    return forms


def check_password_policy(password: str, username: str | None = None) -> None:
    """Refuse a password too short, or one that is the first thing a guesser tries: the account's name (or a
    password containing it), one character repeated (11111111), a run of consecutive digits or letters
    (12345678, abcdefgh, 87654321). Five guesses before a lock are plenty for those; the reason is told in words
    so the user can choose better."""
    typed = unicodedata.normalize("NFC", password)
    if len(typed) < MIN_LENGTH:
        raise WardbookError("security.password_too_short", length=MIN_LENGTH)
    folded = typed.casefold()
    if username and unicodedata.normalize("NFC", username).casefold() in folded:
        raise WardbookError("security.password_has_username")
    if len(set(folded)) == 1:
        raise WardbookError("security.password_one_character")
    steps = {ord(after) - ord(before) for before, after in pairwise(folded)}
    if (steps == {1} or steps == {-1}) and (folded.isdigit() or folded.isalpha()):
        raise WardbookError("security.password_sequence")


def hash_password(password: str) -> str:
    check_password_policy(password)
    salt = os.urandom(16)
    digest = _derive(typed_forms(password)[0], salt, LOG2_N, R, P)
    return "$".join(("scrypt", str(LOG2_N), str(R), str(P), _b64(salt), _b64(digest)))


def verify_password(password: str, stored: str | None) -> bool:
    """True when `password` matches `stored` in any of its `typed_forms` (one try for a password without
    accents); a missing or malformed hash never matches."""
    if not stored:
        return False
    try:
        scheme, log2_n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        return any(hmac.compare_digest(_derive(form, base64.b64decode(salt), int(log2_n), int(r), int(p)), expected)
                   for form in typed_forms(password))
    except (ValueError, TypeError):
        return False


def needs_rehash(stored: str) -> bool:
    """True when `stored` was made with weaker parameters than today's: the next login, which has the
    password in hand, stores it again at today's cost (the only moment that can)."""
    try:
        scheme, log2_n, r, p, _salt, _digest = stored.split("$")
        return scheme != "scrypt" or (int(log2_n), int(r), int(p)) < (LOG2_N, R, P)
    except ValueError:
        return True


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
