"""What an import will do, found before anything is written: the households and people of the file, each
matched to the register or new, the problems by row and header, and what the reader decided (notices).

The plan is made by `desktop.io.importer.plan_import` and carried out by `run_import`; the import dialog holds
one between its check and its import.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop import i18n
from desktop.io.reading import Notice


@dataclass(frozen=True)
class Problem:
    row: int  # 1-based row number as the spreadsheet shows it
    column: str
    msg_id: str
    params: dict[str, object] = field(default_factory=dict)
    blocking: bool = True

    def message(self, lang: str | None = None) -> str:
        return i18n.tr("io.problem" if self.column else "io.problem_row", lang, row=self.row, column=self.column,
                       message=i18n.tr(self.msg_id, lang, **self.params))


@dataclass
class PlannedPerson:
    row: int
    fields: dict[str, object]
    is_head: bool
    existing_id: str | None = None  # the register's person this row is (same folded name in the same household)
    changes: dict[str, object] = field(default_factory=dict)  # what the row corrects in that person


@dataclass
class PlannedHousehold:
    key: str
    first_row: int
    fields: dict[str, object]
    area_key: str | None
    people: list[PlannedPerson] = field(default_factory=list)
    existing_id: str | None = None
    changes: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # the household's and its members' "Ghi chú", each once
    rows_seen: set[int] = field(default_factory=set)  # hashes of its rows' cells, to merge a row pasted twice


@dataclass(frozen=True)
class AbsentMember:
    """A person of a household in the file whom the new list no longer names."""

    person_id: str
    full_name: str
    household: str
    row: int


@dataclass
class ImportPlan:
    mapping: dict[int, str]
    headers: list[str]
    households: list[PlannedHousehold]
    problems: list[Problem]
    new_areas: dict[str, str] = field(default_factory=dict)  # area key → name, created by the import
    absent: list[AbsentMember] = field(default_factory=list)
    mark_moved_out: bool = False
    notices: list[Notice] = field(default_factory=list)  # what the reader decided: encoding, sheets, hidden rows

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]


@dataclass(frozen=True)
class ImportResult:
    added_households: int
    merged_households: int
    added_people: int
    skipped_people: int  # already in the register and unchanged
    updated_people: int = 0
    moved_out_people: int = 0
    dry_run: bool = False
    updated_households: int = 0  # of the merged ones, those the list changed
    kept_values: int = 0  # values entered in the app kept over the list's (`matching.keep_entered`)
    kept_households: int = 0  # the households they are in

    def summary(self, lang: str | None = None) -> str:
        # Counts grouped as the language writes them ("3.000 hộ mới"), as the app's lists and the reports do.
        counts = {name: i18n.count(value, lang) for name, value in (
            ("added", self.added_households), ("merged", self.merged_households), ("people", self.added_people),
            ("updated", self.updated_people), ("skipped", self.skipped_people), ("moved", self.moved_out_people))}
        parts = [i18n.tr("io.dry_run_summary" if self.dry_run else "io.summary", lang, **counts)]
        if self.merged_households:
            parts.append(i18n.tr("io.households_to_update" if self.dry_run else "io.households_updated", lang,
                                 updated=i18n.count(self.updated_households, lang)))
        if self.kept_values:
            parts.append(i18n.tr("io.kept_summary", lang, kept=i18n.count(self.kept_values, lang),
                                 households=i18n.count(self.kept_households, lang)))
        return " ".join(parts)


def household_label(planned: PlannedHousehold) -> str:
    """How a message names a household: its code, else its address, else the row where it starts."""
    fields = planned.fields
    address = " ".join(str(fields[name]) for name in ("house_no", "street") if fields.get(name))
    return str(fields.get("code") or address or i18n.tr("io.row_label", row=planned.first_row))
