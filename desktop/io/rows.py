"""One row of a list as the register's fields: each cell read by its column's field, checked, and each
problem recorded with the row number and the header as the file writes it (the clerk looks for that header).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from desktop.errors import WardbookError
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.io.cells import DateCell, ErrorCell
from desktop.io.columns import BY_FIELD, normalise_header
from desktop.io.plan import ImportPlan, Problem
from desktop.io.values import birth_year, mark, spreadsheet_id_number, spreadsheet_phone
from desktop.register.validation import MAX_ADDRESS, MAX_NAME, check_text
from desktop.search.folding import fold_words as fold

HEAD_RELATIONS = {"chu ho", "head", "head of household", "ch"}  # a head's relation, folded (the import's too)
DATE_FIELDS = {"birth_year", "birth_year_male", "birth_year_female"}
ALLEY_WORDS = {"hem", "ngo", "kiet", "ngach"}
TO_WORDS = {"to", "to dan pho", "tdp", "to so"}
# A household's address and the relations repeat row after row (its members'), folded once each.
_fold_repeated = lru_cache(maxsize=4096)(fold)

GENDERS = {"nam": "male", "male": "male", "m": "male", "nu": "female", "female": "female", "f": "female",
           "khac": "other", "other": "other"}


class RowReader:
    """Turns one spreadsheet row into typed fields, recording each problem with its row and the file's header."""

    def __init__(self, plan: ImportPlan, mapping: dict[int, str], headers: list[str]) -> None:
        self.plan = plan
        self.headers = headers
        self._columns = {mapped: column for column, mapped in mapping.items()}
        self._heads_at: dict[str, list[str]] = {}  # address → folded names of the heads it has had, in order
        # The fields a file may give otherwise than in one column of their own, each with how it is read: decided
        # once per file, as `value` runs for every field of every row.
        self._put_together: dict[str, Callable[[list[str]], str]] = {}
        if "family_name" in self._columns or "middle_name" in self._columns:
            self._put_together["full_name"] = self._full_name
        if "alley" in self._columns:
            self._put_together["street"] = self._street
        if "household_code" not in self._columns and "full_name" in self._columns:
            self._put_together["household_code"] = self._household_at_address
        if "area" in self._columns and normalise_header(self.header("area")) in TO_WORDS:
            self._put_together["area"] = self._to_number

    def has(self, name: str) -> bool:
        return name in self._columns

    def column(self, name: str) -> int | None:
        return self._columns.get(name)

    def header(self, name: str) -> str:
        """The column as the file names it (the clerk looks for that header), else the register's own header."""
        column = self._columns.get(name)
        if column is None and name == "street":
            column = self._columns.get("alley")
        return self.headers[column] if column is not None else BY_FIELD[name].vi

    def value(self, row: list[str], name: str) -> str:
        """What the row says for `name`: the cell of its column (cells come tidy from the reader), or "" when
        the file has none; a name or a street the file splits over columns is put together first."""
        put_together = self._put_together.get(name)
        return self._cell(row, name) if put_together is None else put_together(row)

    def _to_number(self, row: list[str]) -> str:
        """A tổ's number (a mapping chose the Tổ column as the area) is no khu phố's."""
        cell = self._cell(row, "area")
        return f"Tổ dân phố {int(cell)}" if cell.isdigit() else cell

    def _household_at_address(self, row: list[str]) -> str:
        """Without a code column the rows of one address are one household, unless a second "Chủ hộ" row
        names another head there (a landlord's and a tenant's households at one house number): each head
        starts a household, and the rows below it are its members. The first household of an address keeps
        no tag, so it groups as before; the others get one that only the import's grouping sees (`text`
        reads the household code from the file's cells alone). Rows are read in the file's order."""
        address = _fold_repeated(" | ".join(self._cell(row, name) for name in ("area", "house_no", "street")))
        heads = self._heads_at.setdefault(address, [])
        relation, head_name = _fold_repeated(self._cell(row, "relation")), self._cell(row, "head_name")
        if relation in HEAD_RELATIONS or head_name:  # a member's row without a head's name starts nothing
            name = fold(self.value(row, "full_name"))
            if (relation in HEAD_RELATIONS or (name and name == fold(head_name))) and name not in heads:
                heads.append(name)
        return f"\x1f{address}#{len(heads)}" if len(heads) > 1 else ""

    def _cell(self, row: list[str], name: str) -> str:
        """The cell as the officer saw it: a date cell outside a birth-year column is read back in its number
        format ("12/3" in a house-number column) when that is certain, else left a date (refused by `checked`)."""
        column = self._columns.get(name)
        cell = row[column] if column is not None and column < len(row) else ""
        if type(cell) is not str and isinstance(cell, DateCell) and cell.shown is not None \
                and name not in DATE_FIELDS:
            return cell.shown
        return cell

    def _full_name(self, row: list[str]) -> str:
        """Family, middle and given name joined with one space. Beside them a full-name column wins when
        filled; without one (`desktop.io.layout` then reads the given name's column as the name) the parts
        are the name."""
        parts = [self._cell(row, part) for part in ("family_name", "middle_name")]
        if "given_name" in self._columns:
            return self._cell(row, "full_name") or _joined([*parts, self._cell(row, "given_name")])
        return _joined([*parts, self._cell(row, "full_name")])

    def _street(self, row: list[str]) -> str:
        """The hẻm and the road as the app writes them ("Hẻm 45 Lê Lợi"): a bare hẻm number gets the word its
        column is headed with (Hẻm, Ngõ, Kiệt), and a hẻm cell that already names the road is not doubled."""
        alley, road = self._cell(row, "alley"), self._cell(row, "street")
        if alley and alley[0].isdigit():
            heading = self.headers[self._columns["alley"]].strip()
            alley = f"{heading if normalise_header(heading) in ALLEY_WORDS else 'Hẻm'} {alley}"
        if alley and road and fold(alley).endswith(fold(road)):
            road = ""
        return _joined([alley, road])

    def problem(self, number: int, column: str, msg_id: str, blocking: bool = True, **params: object) -> None:
        self.plan.problems.append(Problem(number, self.header(column), msg_id, params, blocking))

    def checked(self, number: int, name: str, parse: Callable[[str], object], text: str) -> object:
        """`parse(text)`, or None with the problem recorded. An Excel error value ("#N/A" of a lookup that
        found nothing) and a date Excel made of a text are refused whatever the column: stored, they would
        pass for the officer's data."""
        if isinstance(text, ErrorCell):
            self.problem(number, name, "io.excel_error", value=str(text))
            return None
        if isinstance(text, DateCell) and name not in DATE_FIELDS:
            self.problem(number, name, "io.date_in_text", value=str(text))
            return None
        try:
            return parse(text)
        except WardbookError as error:
            self.plan.problems.append(Problem(number, self.header(name), error.msg_id, error.params))
            return None

    def text(self, number: int, row: list[str], name: str, limit: int) -> str | None:
        """A text cell checked like a typed one (length, control characters), so no import stores a value the
        app's forms would refuse and the reports could not print; empty is None."""
        value = self._cell(row, name) if name == "household_code" else self.value(row, name)
        if not value:
            return None
        checked = self.checked(number, name, lambda text: check_text(text, name, limit=limit), value)
        return checked if isinstance(checked, str) else None

    def person(self, number: int, row: list[str], name_field: str) -> dict[str, object]:
        gender_text = fold(self.value(row, "gender"))
        if gender_text and gender_text not in GENDERS:
            self.problem(number, "gender", "io.bad_choice", value=self.value(row, "gender"), choices="Nam, Nữ")
        year_field, gender = "birth_year", GENDERS.get(gender_text) or self._marked_gender(number, row)
        for split, split_gender in (("birth_year_male", "male"), ("birth_year_female", "female")):
            if self.value(row, split):  # the form's "Năm sinh" over "Nam" | "Nữ": the column tells the gender
                year_field, gender = split, gender or split_gender
        return {
            "full_name": self.text(number, row, name_field, MAX_NAME) or "",
            "birth_year": self.checked(number, year_field, birth_year, self.value(row, year_field)),
            "gender": gender,
            "phone": self.checked(number, "phone", spreadsheet_phone, self.value(row, "phone")),
            "relation_to_head": self.text(number, row, "relation", MAX_NAME),
            "occupation": self.text(number, row, "occupation", MAX_NAME),
            "id_number": self.checked(number, "id_number", spreadsheet_id_number, self.value(row, "id_number")),
        }

    def _marked_gender(self, number: int, row: list[str]) -> str | None:
        """ "Giới tính" over "Nam" | "Nữ": the gender whose column is ticked; both ticked is refused."""
        marked = [gender for split, gender in (("gender_male", "male"), ("gender_female", "female"))
                  if self.checked(number, split, mark, self.value(row, split))]
        if len(marked) > 1:
            self.problem(number, "gender_female", "io.two_genders")
        return marked[0] if len(marked) == 1 else None

    def household(self, number: int, row: list[str]) -> dict[str, object]:
        fields: dict[str, object] = {
            "code": self.text(number, row, "household_code", MAX_NAME),
            "house_no": self.text(number, row, "house_no", MAX_ADDRESS),
            "street": self.text(number, row, "street", MAX_ADDRESS),
            "phone": self.checked(number, "household_phone", spreadsheet_phone,
                                  self.value(row, "household_phone")),
            "status": "active",
        }
        for flag in HOUSEHOLD_FLAGS:
            column = f"flag_{flag}"
            fields[column] = self.checked(number, column, mark, self.value(row, column)) or 0
        return fields


def _joined(parts: list[str]) -> str:
    """The filled parts joined with one space; a part that is an Excel error or a date Excel made of a text
    is returned alone, so `RowReader.checked` refuses it as it would in a column of its own."""
    refused = next((part for part in parts if isinstance(part, (ErrorCell, DateCell))), None)
    return refused if refused is not None else " ".join(part for part in parts if part)
