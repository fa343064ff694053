"""The outcomes of the ward's work for a period and area, beyond counts: what became of the tips, how the
mediations ended, who is under reintegration support, which community models the ward has — one definition of
each figure, and the review section that prints them.

Every figure is taken *as of the cut-off day* (the period's end, or today while it runs) from the rows' own
dates, so a review printed again later shows the same numbers:
- tips and mediations: the cases of that kind received in the period (as the review's table of cases counts
  them), each with the outcome its latest event before the end of the cut-off day gave it — a tip with none is
  "received", a dispute or complaint with none has no result yet (`pending`);
- reintegration: the people under support on the cut-off day (started on or before it, not ended on or
  before it), on the period's first day (`at_start`), and the periods of support that started or ended between
  the period's first day and the cut-off;
- community models: each in the status its dates give it on the cut-off day (stopped when it stopped by then,
  active when recognised by then, else being set up when recorded by then; not yet there otherwise), with the
  members of the active ones (their count on the cut-off day: the latest counted by then; a model first counted
  later has its first count, one never counted the number on its record), and those recognised or stopped within
  the period.
The area (a khu phố) is the household's for a case, the person's household's for reintegration, the model's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from desktop import i18n
from desktop.register.labels import label
from desktop.reports import outcome_messages  # noqa: F401  (registers the section's texts)
from desktop.reports.figures import FORWARDING, cutoff_for, forwarded, share
from desktop.reports.formatting import number
from desktop.reports.formatting import percent as show_percent
from desktop.reports.periods import Period, short_date
from desktop.reports.review_tables import DataTable, Field
from desktop.store.store import Store
from desktop.store.tables import MEDIATION_KINDS, MEDIATION_RESULTS, MODEL_KINDS, MODEL_STATUSES, TIP_STATUSES

PENDING = "pending"  # a dispute or complaint without a mediation result as of the cut-off
MEDIATION_COLUMNS = (PENDING, *MEDIATION_RESULTS)


@dataclass(frozen=True)
class OutcomeFigures:
    period: Period
    area_id: str | None
    cutoff: date
    tips: dict[str, int]  # tip status → tips received in the period, in `TIP_STATUSES` order
    mediations: dict[str, dict[str, int]]  # dispute/complaint → result (`MEDIATION_COLUMNS`) → cases
    reintegration_at_start: int  # people under support on the period's first day
    reintegration_active: int  # people under support on the cut-off day
    reintegration_started: int  # periods of support started between the first day and the cut-off
    reintegration_ended: int  # periods of support ended between the first day and the cut-off
    models: dict[str, dict[str, int]]  # model kind → status (`MODEL_STATUSES`) on the cut-off day → models
    model_members: dict[str, int]  # model kind → members of its models active on the cut-off day
    models_recognised: int  # models recognised between the first day and the cut-off
    models_stopped: int  # models stopped between the first day and the cut-off

    @property
    def tips_total(self) -> int:
        return sum(self.tips.values())

    def mediation_count(self, result: str) -> int:
        return sum(per_kind[result] for per_kind in self.mediations.values())

    @property
    def mediations_total(self) -> int:
        return sum(sum(per_kind.values()) for per_kind in self.mediations.values())

    @property
    def mediations_decided(self) -> int:
        return self.mediations_total - self.mediation_count(PENDING)

    @property
    def mediation_success_percent(self) -> float | None:
        """Mediations that succeeded, as a share of those with a result; None when none had a result yet."""
        return share(self.mediation_count("successful"), self.mediations_decided)

    def models_in(self, status: str) -> int:
        return sum(per_kind[status] for per_kind in self.models.values())


def outcome_figures(store: Store, period: Period, area_id: str | None = None, *,
                    today: date | None = None) -> OutcomeFigures:
    """Every outcome figure for `period` over the ward or one khu phố (`area_id`), as of the cut-off day."""
    cutoff = cutoff_for(period, today)
    start, cut = period.start.isoformat(), cutoff.isoformat()
    after_end, after_cut = (period.end + timedelta(days=1)).isoformat(), (cutoff + timedelta(days=1)).isoformat()
    outcomes = _case_outcomes(store, start, after_end, after_cut, area_id)
    tips = {status: 0 for status in TIP_STATUSES}
    mediations = {kind: dict.fromkeys(MEDIATION_COLUMNS, 0) for kind in MEDIATION_KINDS}
    for kind, status, outcome, count in outcomes:
        shown = FORWARDING[kind] if forwarded(kind, status, outcome) else outcome
        if kind == "tip":
            tips[shown or "received"] += count
        else:
            mediations[kind][shown or PENDING] += count
    at_start, active, started, ended = _reintegration(store, start, cut, area_id)
    models, members, recognised, stopped = _models(store, start, cut, area_id)
    return OutcomeFigures(period, area_id, cutoff, tips, mediations, at_start, active, started, ended, models,
                          members, recognised, stopped)


def _case_outcomes(store: Store, start: str, after_end: str, after_cut: str,
                   area_id: str | None) -> list[tuple[str, str | None, str | None, int]]:
    """(kind, status and outcome as of the cut-off, cases) for the tips, disputes and complaints received in the
    period. Only an outcome of the case's own kind counts (the core sets no other; one arriving by sync is not a
    figure). The status tells a case handed to another body without an outcome saying so (`forwarded`)."""
    area = " AND c.household_id IN (SELECT id FROM households WHERE area_id = ?)" if area_id else ""
    return [(str(kind), status, outcome, int(count)) for kind, status, outcome, count in store.conn.execute(
        f"""
        SELECT kind, status, outcome, COUNT(*) FROM (
            SELECT c.kind AS kind,
                COALESCE((SELECT e.new_status FROM case_events e WHERE e.case_id = c.id AND e.deleted_hlc IS NULL
                    AND e.new_status IS NOT NULL AND e.at < ? ORDER BY e.at DESC, e.created_at DESC LIMIT 1),
                    c.status) AS status,
                (SELECT e.new_outcome FROM case_events e WHERE e.case_id = c.id AND e.deleted_hlc IS NULL
                    AND e.new_outcome IN (SELECT value FROM json_each(CASE c.kind WHEN 'tip' THEN ? ELSE ? END))
                    AND e.at < ? ORDER BY e.at DESC, e.created_at DESC LIMIT 1)
                AS outcome
            FROM cases c
            WHERE c.deleted_hlc IS NULL AND c.kind IN ('tip', 'dispute', 'complaint')
                AND c.received_on >= ? AND c.received_on < ?{area}
        ) GROUP BY kind, status, outcome
        """,
        (after_cut, json.dumps(TIP_STATUSES), json.dumps(MEDIATION_RESULTS), after_cut, start, after_end,
         *((area_id,) if area_id else ())),
    )]


def _reintegration(store: Store, start: str, cut: str, area_id: str | None) -> tuple[int, int, int, int]:
    area = (" AND r.person_id IN (SELECT p.id FROM people p JOIN households h ON h.id = p.household_id "
            "WHERE h.area_id = :area)") if area_id else ""
    row = store.conn.execute(
        f"""
        SELECT
            COUNT(DISTINCT CASE WHEN r.started_on <= :start AND (r.ended_on IS NULL OR r.ended_on > :start)
                THEN r.person_id END),
            COUNT(DISTINCT CASE WHEN r.started_on <= :cut AND (r.ended_on IS NULL OR r.ended_on > :cut)
                THEN r.person_id END),
            COUNT(CASE WHEN r.started_on >= :start AND r.started_on <= :cut THEN 1 END),
            COUNT(CASE WHEN r.ended_on >= :start AND r.ended_on <= :cut THEN 1 END)
        FROM reintegration r WHERE r.deleted_hlc IS NULL{area}
        """,
        {"start": start, "cut": cut, "area": area_id},
    ).fetchone()
    return int(row[0]), int(row[1]), int(row[2]), int(row[3])


def _models(store: Store, start: str, cut: str,
            area_id: str | None) -> tuple[dict[str, dict[str, int]], dict[str, int], int, int]:
    area = " AND m.area_id = :area" if area_id else ""
    rows = store.conn.execute(
        f"""
        SELECT kind, status, COUNT(*), SUM(CASE WHEN status = 'active' THEN COALESCE(members, 0) ELSE 0 END),
            SUM(recognised_on >= :start AND recognised_on <= :cut), SUM(stopped_on >= :start AND stopped_on <= :cut)
        FROM (
            SELECT m.kind, m.recognised_on, m.stopped_on,
                COALESCE(
                    (SELECT c.members FROM community_model_counts c WHERE c.model_id = m.id AND c.deleted_hlc IS NULL
                        AND c.counted_on <= :cut ORDER BY c.counted_on DESC, c.created_hlc DESC LIMIT 1),
                    (SELECT c.members FROM community_model_counts c WHERE c.model_id = m.id AND c.deleted_hlc IS NULL
                        ORDER BY c.counted_on, c.created_hlc LIMIT 1),
                    m.members) AS members,
                CASE WHEN m.stopped_on <= :cut THEN 'stopped'
                     WHEN m.recognised_on <= :cut THEN 'active'
                     WHEN substr(m.created_at, 1, 10) <= :cut THEN 'building' END AS status
            FROM community_models m WHERE m.deleted_hlc IS NULL{area}
        ) WHERE status IS NOT NULL GROUP BY kind, status
        """,
        {"start": start, "cut": cut, "area": area_id},
    ).fetchall()
    models = {kind: dict.fromkeys(MODEL_STATUSES, 0) for kind in MODEL_KINDS}
    members = dict.fromkeys(MODEL_KINDS, 0)
    recognised = stopped = 0
    for kind, status, count, active_members, new, ended in rows:
        models.setdefault(kind, dict.fromkeys(MODEL_STATUSES, 0))[status] = int(count)
        members[kind] = members.get(kind, 0) + int(active_members or 0)
        recognised += int(new or 0)
        stopped += int(ended or 0)
    return models, members, recognised, stopped


def _t(msg_id: str, lang: str | None, **params: object) -> str:
    return i18n.tr(f"reports.{msg_id}", lang, **params)


def outcome_tables(f: OutcomeFigures, lang: str | None = None) -> dict[str, DataTable]:
    """The section's tables as raw values (the PDF prints them; an export can write the same rows)."""
    tips = DataTable(
        "tips", _t("table_tips", lang),
        [Field(_t("col_tip_status", lang), 110), Field(_t("col_tips", lang), 40, "int")],
        [[label("tip_status", status, lang), count] for status, count in f.tips.items()],
        [_t("total", lang), f.tips_total],
    )
    mediation = DataTable(
        "mediation", _t("table_mediation", lang),
        [Field(_t("col_result", lang), 70),
         *(Field(label("case_kind", kind, lang), 30, "int") for kind in f.mediations),
         Field(_t("col_total", lang), 25, "int")],
        [[label("mediation_result", result, lang), *(per_kind[result] for per_kind in f.mediations.values()),
          f.mediation_count(result)] for result in MEDIATION_COLUMNS],
        [_t("total", lang), *(sum(per_kind.values()) for per_kind in f.mediations.values()), f.mediations_total],
    )
    reintegration = DataTable(
        "reintegration", _t("table_reintegration", lang),
        [Field(_t("col_indicator", lang), 120), Field(_t("col_people", lang), 35, "int")],
        [[_t("reint_at_start", lang), f.reintegration_at_start],
         [_t("reint_started", lang), f.reintegration_started],
         [_t("reint_ended", lang), f.reintegration_ended],
         [_t("reint_active", lang), f.reintegration_active]],
    )
    kinds = [kind for kind, per in f.models.items() if kind in MODEL_KINDS or any(per.values())]
    models = DataTable(
        "models", _t("table_models", lang),
        [Field(_t("col_model_kind", lang), 51),  # the columns fit the review's 165 mm of text width
         *(Field(label("model_status", status, lang), 22, "int") for status in MODEL_STATUSES),
         Field(_t("col_total", lang), 18, "int"), Field(_t("col_members", lang), 24, "int")],
        [[label("model_kind", kind, lang), *f.models[kind].values(), sum(f.models[kind].values()),
          f.model_members.get(kind, 0)] for kind in kinds],
        [_t("total", lang), *(f.models_in(status) for status in MODEL_STATUSES),
         sum(f.models_in(status) for status in MODEL_STATUSES), sum(f.model_members.values())],
    )
    return {table.key: table for table in (tips, mediation, reintegration, models)}


def outcome_paragraphs(f: OutcomeFigures, lang: str | None = None) -> dict[str, str]:
    """The review's sentence on each kind of work (tips, mediation, reintegration, models), stating its figures;
    each goes before the table of the same key (`outcome_tables`)."""
    cutoff = short_date(f.cutoff)

    def n(value: int) -> str:
        return number(value, lang)

    mediation = (
        _t("outcomes_mediation", lang, total=n(f.mediations_total), successful=n(f.mediation_count("successful")),
           unsuccessful=n(f.mediation_count("unsuccessful")), referred=n(f.mediation_count("referred")),
           pending=n(f.mediation_count(PENDING)), rate=show_percent(f.mediation_success_percent, lang))
        if f.mediations_decided else _t("outcomes_mediation_none", lang, total=n(f.mediations_total)))
    members = sum(f.model_members.values())
    return {
        "tips": _t("outcomes_tips", lang, total=n(f.tips_total), cutoff=cutoff, verified=n(f.tips["verified"]),
                   forwarded=n(f.tips["forwarded_police"]), closed=n(f.tips["closed"]),
                   received=n(f.tips["received"])),
        "mediation": mediation,
        "reintegration": _t("outcomes_reintegration", lang, cutoff=cutoff, active=n(f.reintegration_active),
                            at_start=n(f.reintegration_at_start), started=n(f.reintegration_started),
                            ended=n(f.reintegration_ended)),
        "models": _t("outcomes_models", lang, cutoff=cutoff, active=n(f.models_in("active")), members=n(members),
                     building=n(f.models_in("building")), recognised=n(f.models_recognised),
                     stopped=n(f.models_stopped)),
    }


def outcome_heading(number_label: str, lang: str | None = None) -> str:
    """The section's sub-heading, numbered where the review places it (e.g. "8.")."""
    return f"{number_label} {_t('outcomes_heading', lang)}".strip()
