"""The review's figures as titled tables of raw values: one model for the PDF, the XLSX and the CSV.

Every table the PDF prints comes from here, and the exports write the same rows, so "the same numbers as
data" holds by construction. Values stay raw (int, float, ISO date text); each column says how to show them.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop import i18n
from desktop.register.labels import label
from desktop.reports.compare import change
from desktop.reports.figures import ReviewFigures, mean_days
from desktop.reports.formatting import NO_VALUE, day, number, percent, text
from desktop.reports.indicators import INDICATORS
from desktop.store.tables import CASE_STATUSES


@dataclass(frozen=True)
class Field:
    title: str
    width_mm: float
    # text, int, decimal (always one decimal: "22,0" beside "19,2"), percent, date, ordinal (a row number:
    # 1000, never "1.000"), figure (a key figure: a count "1.486" or a share "85,3", by the value's type),
    # change (a signed difference: "+12", "-3,5"), shown (a figure another report already formatted, printed
    # as it is)
    kind: str = "text"
    missing: str = ""  # what a cell without a value prints: blank, or `NO_VALUE` where a figure had no base

    @property
    def align(self) -> str:
        return "LEFT" if self.kind == "text" else "CENTER" if self.kind == "date" else "RIGHT"

    def show(self, value: object, lang: str | None) -> str:
        """The value as the PDF prints it."""
        if value is None:
            return self.missing
        if value == "":
            return ""
        if self.kind in ("ordinal", "shown"):
            return str(value)
        if self.kind == "int":
            return number(value, lang)  # type: ignore[arg-type]
        if self.kind == "decimal":
            return number(value, lang, 1, keep_zeros=True)  # type: ignore[arg-type]
        if self.kind in ("figure", "change"):
            shown = number(value, lang, 1, keep_zeros=True) if isinstance(value, float) else number(value, lang)  # type: ignore[arg-type]
            return f"+{shown}" if self.kind == "change" and value > 0 else shown  # type: ignore[operator]
        if self.kind == "percent":
            return percent(value, lang)  # type: ignore[arg-type]
        if self.kind == "date":
            try:
                return day(str(value))
            except ValueError:  # a note in a date column ("never visited")
                return text(value)
        return text(value)


@dataclass(frozen=True)
class DataTable:
    key: str
    title: str
    fields: list[Field]
    rows: list[list[object]]
    total: list[object] | None = None


def _t(msg_id: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"reports.{msg_id}", lang, **params)


def summary_table(f: ReviewFigures, lang: str | None) -> DataTable:
    """The key figures (`indicators.INDICATORS`), each with its unit, against the previous period, the same
    period a year earlier and the ward's target where those are known (the first table of the review)."""
    comparison = f.comparison
    fields = [
        Field(_t("col_indicator", lang), 44),
        Field(_t("col_unit", lang), 16),
        Field(_t("col_now", lang), 20, "figure", NO_VALUE),
    ]
    earlier: list[dict[str, float | None]] = []
    if comparison is not None and comparison.previous_values is not None:
        title = "col_previous_year" if f.period.kind == "year" else "col_previous"
        fields += [
            Field(_t(title, lang), 19, "figure", NO_VALUE),
            Field(_t("col_change", lang), 16, "change", NO_VALUE),
        ]
        earlier.append(comparison.previous_values)
    if comparison is not None and comparison.last_year_values is not None:
        fields += [
            Field(_t("col_last_year", lang), 19, "figure", NO_VALUE),
            Field(_t("col_change", lang), 16, "change", NO_VALUE),
        ]
        earlier.append(comparison.last_year_values)
    targets = comparison.targets if comparison is not None else {}
    if targets:
        fields.append(Field(_t("col_target", lang), 16, "figure"))
    _spread(fields, 165)
    rows: list[list[object]] = []
    for indicator in INDICATORS:
        now = indicator.value(f)
        row: list[object] = [_t(f"fact_{indicator.key}", lang), _t(indicator.unit, lang), now]
        for values in earlier:
            row += [values.get(indicator.key), change(now, values.get(indicator.key))]
        if targets:
            row.append(_as_figure(targets.get(indicator.key), indicator.share))
        rows.append(row)
    return DataTable("summary", _t("table_summary", lang), fields, rows)


def _as_figure(value: float | None, share: bool) -> float | int | None:
    """A target shown like its figure: a share with one decimal, a count as a whole number."""
    if value is None or share or not value.is_integer():
        return value
    return int(value)


def _spread(fields: list[Field], total_mm: float) -> None:
    """Give the first column whatever width the others leave of the body's `total_mm`."""
    fields[0] = Field(fields[0].title, total_mm - sum(field.width_mm for field in fields[1:]), fields[0].kind,
                      fields[0].missing)


def coverage_table(f: ReviewFigures, lang: str | None) -> DataTable:
    """Per khu phố: households, visited, share, not visited in the period, never visited, with an overdue
    follow-up. Counts only: the households themselves are named in the walk list, not in the review."""
    overdue = f.overdue_by_area
    rows: list[list[object]] = [
        [
            line.name or _t("no_area", lang),
            line.households,
            line.visited,
            line.percent,
            line.households - line.visited,
            line.never_visited,
            overdue.get(line.name, 0),
        ]
        for line in f.coverage
    ]
    return DataTable(
        "coverage",
        _t("table_coverage", lang),
        [
            Field(_t("col_area", lang), 37),
            Field(_t("col_households", lang), 20, "int"),
            Field(_t("col_visited", lang), 21, "int"),
            Field(_t("col_rate", lang), 19, "percent", NO_VALUE),
            Field(_t("col_not_visited", lang), 23, "int"),
            Field(_t("col_never_visited", lang), 22, "int"),
            Field(_t("col_households_overdue", lang), 23, "int"),
        ],
        rows,
        [
            _t("total", lang),
            f.households,
            f.households_visited,
            f.coverage_percent,
            len(f.not_visited),
            f.never_visited,
            len(f.overdue),
        ],
    )


def not_visited_by_officer_table(f: ReviewFigures, lang: str | None) -> DataTable:
    """Households not visited in the period, by the officer whose round last reached them."""
    return DataTable(
        "not_visited_by_officer",
        _t("table_not_visited_by_officer", lang),
        [Field(_t("col_last_officer", lang), 120), Field(_t("col_households", lang), 45, "int")],
        [
            [
                _t("never", lang) if name is None else name or _t("unknown_officer", lang),
                count,
            ]
            for name, count in f.not_visited_by_officer
        ],
        [_t("total", lang), len(f.not_visited)],
    )


def purpose_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "visits_by_purpose",
        _t("table_purpose", lang),
        [Field(_t("col_purpose", lang), 120), Field(_t("col_visits", lang), 45, "int")],
        [[label("purpose", code, lang), count] for code, count in f.visits_by_purpose.items()],
    )


def outcome_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "visits_by_outcome",
        _t("table_outcome", lang),
        [Field(_t("col_outcome", lang), 120), Field(_t("col_visits", lang), 45, "int")],
        [[label("outcome", code, lang), count] for code, count in f.visits_by_outcome.items()],
        [_t("total", lang), f.visits],
    )


def month_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "visits_by_month",
        _t("table_month", lang),
        [Field(_t("col_month", lang), 120), Field(_t("col_visits", lang), 45, "int")],
        [[f"{key[5:7]}/{key[:4]}", count] for key, count in f.visits_by_month],
        [_t("total", lang), f.visits],
    )


def quarter_table(f: ReviewFigures, lang: str | None) -> DataTable:
    """The visits of each quarter the period touches (the tổng kết's table; the months added up)."""
    quarters: dict[str, int] = {}
    for key, count in f.visits_by_month:
        name = _t("quarter_label", lang, roman=("I", "II", "III", "IV")[(int(key[5:7]) - 1) // 3], year=key[:4])
        quarters[name] = quarters.get(name, 0) + count
    return DataTable(
        "visits_by_quarter",
        _t("table_quarter", lang),
        [Field(_t("col_quarter", lang), 120), Field(_t("col_visits", lang), 45, "int")],
        [[name, count] for name, count in quarters.items()],
        [_t("total", lang), f.visits],
    )


def support_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "support",
        _t("table_support", lang),
        [
            Field(_t("col_kind", lang), 40),
            Field(_t("col_unit", lang), 30),
            Field(_t("col_items", lang), 25, "int"),
            Field(_t("col_quantity", lang), 30, "decimal"),
            Field(_t("col_value_vnd", lang), 40, "int"),
        ],
        [
            [label("support", line.kind, lang), line.unit, line.items, line.quantity, line.value_vnd]
            for line in f.support
        ],
        [_t("total", lang), "", sum(line.items for line in f.support), None, f.support_value_vnd],
    )


def follow_up_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "follow_ups",
        _t("table_follow_ups", lang),
        [
            Field(_t("col_follow_ups_total", lang), 41, "int"),
            Field(_t("col_done", lang), 41, "int"),
            Field(_t("col_open", lang), 41, "int"),
            Field(_t("col_overdue", lang), 42, "int"),
        ],
        [[f.follow_ups.total, f.follow_ups.done, f.follow_ups.open, f.follow_ups.overdue]],
    )


def case_table(f: ReviewFigures, lang: str | None) -> DataTable:
    statuses = list(f.cases[0].by_status) if f.cases else list(CASE_STATUSES)
    fields = [Field(_t("col_case_kind", lang), 33)]
    fields += [Field(label("case_status", status, lang), 17, "int") for status in statuses]
    fields += [Field(_t("col_total", lang), 15, "int"), Field(_t("col_mean_days", lang), 32, "decimal")]
    rows: list[list[object]] = [
        [label("case_kind", line.kind, lang), *line.by_status.values(), line.total, line.mean_days]
        for line in f.cases
    ]
    total: list[object] = [
        _t("total", lang),
        *(sum(line.by_status.get(s, 0) for line in f.cases) for s in statuses),
        sum(line.total for line in f.cases),
        mean_days(sum(line.resolution_days for line in f.cases), sum(line.resolved for line in f.cases)),
    ]
    return DataTable("cases", _t("table_cases", lang), fields, rows, total)


def activity_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "activities_by_kind",
        _t("table_activities", lang),
        [
            Field(_t("col_activity_kind", lang), 85),
            Field(_t("col_sessions", lang), 35, "int"),
            Field(_t("col_attendance", lang), 45, "int"),
        ],
        [[label("activity", line.kind, lang), line.count, line.attendance] for line in f.activities_by_kind],
        [_t("total", lang), sum(line.count for line in f.activities_by_kind), f.attendance],
    )


def officer_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "officers",
        _t("table_officers", lang),
        [
            Field(_t("col_officer", lang), 57),
            Field(_t("col_visits", lang), 24, "int"),
            Field(_t("col_households_visited", lang), 28, "int"),
            Field(_t("col_activities", lang), 28, "int"),
            Field(_t("col_cases", lang), 28, "int"),
        ],
        [
            [
                line.name or _t("unknown_officer", lang),
                line.visits,
                line.households,
                line.activities,
                line.cases,
            ]
            for line in f.officers
        ],
        [
            _t("total", lang),
            sum(line.visits for line in f.officers),
            None,
            sum(line.activities for line in f.officers),
            sum(line.cases for line in f.officers),
        ],
    )


def commendation_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "commendations",
        _t("table_commendations", lang),
        [
            Field(_t("col_no", lang), 12, "ordinal"),
            Field(_t("col_name", lang), 50),
            Field(_t("col_reason", lang), 75),
            Field(_t("col_status", lang), 28),
        ],
        [[index, line.name, line.reason, label("commendation_status", line.status, lang)]
         for index, line in enumerate(f.commendations, start=1)],
    )


NAMED = frozenset({"not_visited", "overdue"})  # tables that name residents


def not_visited_table(f: ReviewFigures, lang: str | None) -> DataTable:
    never = _t("never", lang)
    return DataTable(
        "not_visited",
        _t("annex_not_visited", lang),
        [
            Field(_t("col_no", lang), 10, "ordinal"),
            Field(_t("col_code", lang), 19),
            Field(_t("col_address", lang), 55),
            Field(_t("col_area", lang), 19),
            Field(_t("col_head", lang), 37),
            Field(_t("col_last_visit", lang), 25, "date"),
        ],
        [
            [
                index,
                line.code,
                f"{line.house_no} {line.street}".strip(),
                line.area,
                line.head,
                line.last_visit or never,
            ]
            for index, line in enumerate(f.not_visited, start=1)
        ],
    )


def overdue_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "overdue",
        _t("annex_overdue", lang),
        [
            Field(_t("col_no", lang), 10, "ordinal"),
            Field(_t("col_code", lang), 19),
            Field(_t("col_address", lang), 53),
            Field(_t("col_area", lang), 19),
            Field(_t("col_head", lang), 37),
            Field(_t("col_first_due", lang), 19, "date"),
            Field(_t("col_open_count", lang), 8, "int"),
        ],
        [
            [
                index,
                line.code,
                f"{line.house_no} {line.street}".strip(),
                line.area,
                line.head,
                line.first_due,
                line.open_count,
            ]
            for index, line in enumerate(f.overdue, start=1)
        ],
    )


def activity_list_table(f: ReviewFigures, lang: str | None) -> DataTable:
    return DataTable(
        "activities",
        _t("annex_activities", lang),
        [
            Field(_t("col_no", lang), 13, "ordinal"),
            Field(_t("col_date", lang), 22, "date"),
            Field(_t("col_activity_kind", lang), 28),
            Field(_t("col_topic", lang), 60),
            Field(_t("col_area", lang), 24),
            Field(_t("col_attendance", lang), 18, "int"),
        ],
        [
            [index, line.held_on, label("activity", line.kind, lang), line.topic, line.area, line.attendance]
            for index, line in enumerate(f.activities, start=1)
        ],
    )


def review_tables(f: ReviewFigures, lang: str | None = None) -> dict[str, DataTable]:
    """All tables of the review, by key, in the order the report prints them; the lists of households by name
    (`NAMED`) only when the figures name them (`ReviewFigures.names`)."""
    tables = [
        summary_table(f, lang),
        coverage_table(f, lang),
        not_visited_by_officer_table(f, lang),
        month_table(f, lang),
        quarter_table(f, lang),
        purpose_table(f, lang),
        outcome_table(f, lang),
        support_table(f, lang),
        follow_up_table(f, lang),
        case_table(f, lang),
        activity_table(f, lang),
        officer_table(f, lang),
        commendation_table(f, lang),
        *((not_visited_table(f, lang), overdue_table(f, lang)) if f.names else ()),
        activity_list_table(f, lang),
    ]
    from desktop.reports.outcomes import outcome_tables  # built on this module's DataTable

    tables += outcome_tables(f.outcomes, lang).values()
    return {table.key: table for table in tables}
