"""Households, their members and the areas (khu phố / tổ dân phố) they belong to."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator

from desktop.errors import WardbookError
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.register.gone import not_found
from desktop.register.validation import (
    MAX_NAME,
    MAX_TEXT,
    check_birth_year,
    check_choice,
    check_text,
    normalise_phone,
    not_in_future,
    parse_date,
    require_text,
)
from desktop.search.folding import fold
from desktop.security.session import authorize
from desktop.store import Store, new_id
from desktop.store.tables import AREA_KINDS, GENDERS
from desktop.text import format_date

MAX_CODE = 40
# Household codes: this laptop's three letters, a dash and its own running number ("KQM-00123"). Letters only
# (no I or O, read as 1 and 0) so a code reads aloud; three of them give 13,824 prefixes, so laptops of one
# station all but never share one, and no laptop needs to ask another for the next number. The demo ward's
# households are "HK-00001"…: two letters, never a laptop's.
CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_DIGITS = 5
# The longest number a laptop's codes are counted from: a laptop gives a few thousand codes in its life, and a
# code beyond this (sent by another laptop, or typed) is no number of this laptop's. Counting one such as
# "HSL-999…9" (25 digits) made SQLite's integer stop at its top, and every new household got the same code.
MAX_CODE_DIGITS = 9
DEMO_PREFIX = "HK"
CODE_PREFIX = "sync.code_prefix"  # setting: the letters the station's roster gave this laptop


def code_prefix(device_id: str) -> str:
    """This laptop's three letters, drawn from its device id (the same on every start)."""
    try:
        number = int(device_id.replace("-", "")[:12] or "0", 16)  # a UUID, as every laptop's device id is
    except ValueError:  # any other id (a roster edited by hand, a test's): letters from its hash
        number = int.from_bytes(hashlib.sha256(device_id.encode("utf-8")).digest()[:6], "big")
    letters = []
    for _ in range(3):
        number, digit = divmod(number, len(CODE_LETTERS))
        letters.append(CODE_LETTERS[digit])
    return "".join(letters)


def format_code(prefix: str, number: int) -> str:
    return f"{prefix}-{number:0{CODE_DIGITS}d}"


def new_codes(store: Store) -> Iterator[str]:
    """The next free codes of this laptop, in order: after the highest number it has used (codes given by hand
    or imported that look like this laptop's are counted too, so no code is given twice). The letters are those
    the station's roster gave this laptop at enrollment (`desktop.sync.station.free_code_prefix`), else its own.

    To give codes, ask for them inside the write transaction that inserts the households (the first number is
    read when first asked for): another process on this database (an import from the command line, a second
    window) may be adding households, and a number read before waiting for its lock was given to two."""
    prefix = store.setting(CODE_PREFIX) or code_prefix(store.device_id)
    row = store.conn.execute(
        "SELECT max(CAST(substr(code, ?) AS INTEGER)) FROM households WHERE code GLOB ? AND length(code) <= ?",
        (len(prefix) + 2, f"{prefix}-[0-9]*", len(prefix) + 1 + MAX_CODE_DIGITS),
    ).fetchone()
    number = int(row[0] or 0)
    while True:
        number += 1
        yield format_code(prefix, number)


def add_area(store: Store, name: str, kind: str = "khu_pho", parent_id: str | None = None,
             ward_name: str | None = None) -> str:
    authorize(store, "register.edit")
    check_choice(kind, AREA_KINDS, "kind")
    return store.writer.insert(
        "areas",
        {"name": require_text(name, "name", MAX_NAME), "kind": kind, "parent_id": parent_id, "ward_name": ward_name},
    )


def find_area(store: Store, name_or_id: str) -> str:
    """The id of the area named `name_or_id` (accent-insensitive) or with that id."""
    wanted = fold(name_or_id)
    for area_id, name in store.conn.execute("SELECT id, name FROM areas WHERE deleted_hlc IS NULL"):
        if area_id == name_or_id or fold(name) == wanted:
            return str(area_id)
    raise WardbookError("register.unknown_area", value=name_or_id)


def resolve_household(store: Store, id_or_code: str, **params: object) -> str:
    """The id of the alive household with this id or code; `params` go with the refusal (the form's `field`)."""
    row = store.conn.execute(
        "SELECT id FROM households WHERE (id = ? OR code = ?) AND deleted_hlc IS NULL LIMIT 1",
        (id_or_code, id_or_code),
    ).fetchone()
    if row is None:
        raise not_found(store, "households", id_or_code, "register.unknown_household", **params)
    return str(row[0])


def _flag_fields(flags: Iterable[str]) -> dict[str, object]:
    chosen = set(flags)
    for flag in chosen:
        check_choice(flag, HOUSEHOLD_FLAGS, "flags")
    return {f"flag_{flag}": int(flag in chosen) for flag in HOUSEHOLD_FLAGS}


def _person_fields(full_name: str, birth_year: int | str | None, gender: str | None, phone: str | None,
                   relation: str | None) -> dict[str, object]:
    return {
        "full_name": require_text(full_name, "full_name", MAX_NAME),
        "birth_year": check_birth_year(birth_year),
        "gender": check_choice(gender, GENDERS, "gender", required=False),
        "phone": normalise_phone(phone),
        "relation_to_head": relation,
    }


def add_household(
    store: Store,
    *,
    area_id: str | None,
    house_no: str,
    street: str,
    head_name: str,
    head_birth_year: int | str | None = None,
    head_gender: str | None = None,
    phone: str | None = None,
    flags: Iterable[str] = (),
    code: str | None = None,
    notes: str | None = None,
) -> str:
    """Create a household and its head in one transaction; returns the household id."""
    authorize(store, "register.edit")
    household_id, head_id = new_id(), new_id()
    if code is not None:
        code = check_text(code, "code", limit=MAX_CODE, required=True)
    household = {
        "code": code,  # chosen or checked in the transaction below
        "area_id": area_id,
        "house_no": require_text(house_no, "house_no"),
        "street": require_text(street, "street"),
        "head_person_id": head_id,
        "phone": normalise_phone(phone),
        "status": "active",
        "notes": check_text(notes, "notes", limit=MAX_TEXT),
        **_flag_fields(flags),
    }
    head = {"household_id": household_id,
            **_person_fields(head_name, head_birth_year, head_gender, None, "chủ hộ")}
    with store.transaction():  # under the write lock, so no other process gives the same code meanwhile
        household["code"] = _unused_code(store, code) if code is not None else next(new_codes(store))
        store.writer.insert("households", household, row_id=household_id)
        store.writer.insert("people", head, row_id=head_id)
    return household_id


def _unused_code(store: Store, code: str) -> str:
    """`code`, typed by hand, unless an alive household has it already."""
    if store.conn.execute("SELECT 1 FROM households WHERE code = ? AND deleted_hlc IS NULL", (code,)).fetchone():
        raise WardbookError("register.code_taken", code=code)
    return code


def update_household(
    store: Store,
    household_id: str,
    *,
    area_id: str | None,
    house_no: str,
    street: str,
    phone: str | None = None,
) -> dict[str, object]:
    """Correct a household's address, area or phone with the same checks as when adding; returns the fields
    that changed (the write path logs them and re-indexes the household for search).

    Every field is set (a form edits them all at once): pass the current value of any field not being changed.
    """
    authorize(store, "register.edit")
    household_id = resolve_household(store, household_id)
    if area_id is not None:
        area_id = find_area(store, area_id)
    return store.writer.update("households", household_id, {
        "area_id": area_id,
        "house_no": require_text(house_no, "house_no"),
        "street": require_text(street, "street"),
        "phone": normalise_phone(phone),
    })


def add_person(store: Store, household_id: str, full_name: str, *, birth_year: int | str | None = None,
               gender: str | None = None, phone: str | None = None, relation: str | None = None,
               moved_in_on: str | None = None) -> str:
    authorize(store, "register.edit")
    household_id = resolve_household(store, household_id)
    fields = _person_fields(full_name, birth_year, gender, phone, relation)
    fields.update({"household_id": household_id,
                   "moved_in_on": not_in_future(parse_date(moved_in_on, field="moved_in_on"), "moved_in_on")})
    return store.writer.insert("people", fields)


def move_out_person(store: Store, person_id: str, on: str) -> None:
    """A member leaves: kept in the history, no longer listed or searched with the household. The day is one that
    has come, and not before the member moved in: a typo of 2062 for 2026 took the member off the household's page
    while every review went on counting them."""
    authorize(store, "register.edit")
    row = store.conn.execute("SELECT moved_in_on FROM people WHERE id = ? AND deleted_hlc IS NULL",
                             (person_id,)).fetchone()
    if row is None:
        raise not_found(store, "people", person_id, "register.unknown_person")
    moved_out = not_in_future(parse_date(on, required=True, field="moved_out_on"), "moved_out_on")
    assert moved_out is not None
    if row[0] and moved_out < row[0]:
        raise WardbookError("register.moved_out_before_in", moved_out=format_date(moved_out),
                            moved_in=format_date(row[0]), field="moved_out_on")
    # The head leaving a household where others still live: it would go on showing them as its head (on its page,
    # in lists and walk lists) until someone noticed; another member is made head first.
    head = store.conn.execute(
        "SELECT p.full_name FROM households h JOIN people p ON p.id = h.head_person_id WHERE h.head_person_id = ? "
        "AND EXISTS (SELECT 1 FROM people o WHERE o.household_id = h.id AND o.id <> p.id "
        "AND o.deleted_hlc IS NULL AND o.moved_out_on IS NULL)", (person_id,)).fetchone()
    if head is not None:
        raise WardbookError("register.head_moving_out", name=str(head[0] or ""))
    store.writer.update("people", person_id, {"moved_out_on": moved_out})


def set_head(store: Store, household_id: str, person_id: str) -> None:
    authorize(store, "register.edit")
    row = store.conn.execute(
        "SELECT 1 FROM people WHERE id = ? AND household_id = ? AND deleted_hlc IS NULL",
        (person_id, household_id),
    ).fetchone()
    if row is None:
        raise not_found(store, "people", person_id, "register.unknown_person")
    store.writer.update("households", household_id, {"head_person_id": person_id})


def set_flags(store: Store, household_id: str, flags: Iterable[str]) -> None:
    authorize(store, "register.edit")
    store.writer.update("households", household_id, _flag_fields(flags))
