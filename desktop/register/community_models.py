"""Community models (mô hình): the groups and arrangements residents run for security and order — "khu dân cư
an toàn về ANTT", "camera an ninh", "tổ tự quản", "tổ liên gia an toàn PCCC" — each with its khu phố, its
number of members, its status and the day it was recognised.

A model's status is its latest word; its dates (recognised, stopped) tell what it was on any past day, which is
what a review's cut-off asks (`desktop.reports.outcomes`). Its number of members changes over the years: each
count is kept with the day it was counted (`community_model_counts`), so the review of a past period reads the
count of its cut-off day, and `members` on the model is the latest. Team leads and admins record them (the
ward's assessment, not one officer's work); every role sees them.
"""

from __future__ import annotations

from datetime import date

from desktop import clock
from desktop.errors import WardbookError
from desktop.register import outcome_messages  # noqa: F401  (registers the messages used here)
from desktop.register.labels import label
from desktop.register.validation import (
    MAX_COUNT,
    MAX_NAME,
    MAX_TEXT,
    check_choice,
    check_int,
    check_text,
    field_name,
    not_in_future,
    parse_date,
    require_text,
    required_error,
)
from desktop.security.session import authorize
from desktop.store import RowWrite, Store, new_id
from desktop.store.queries import fetch_dicts, id_from_prefix
from desktop.store.tables import MODEL_KINDS, MODEL_STATUSES
from desktop.text import format_date

_FIELDS = ("name", "kind", "area_id", "members", "status", "recognised_on", "stopped_on", "notes")


def _check_area(store: Store, area_id: str | None) -> str | None:
    if area_id and store.conn.execute("SELECT 1 FROM areas WHERE id = ? AND deleted_hlc IS NULL",
                                      (area_id,)).fetchone() is None:
        raise WardbookError("register.unknown_area", value=area_id, field="area")
    return area_id or None


def _day(value: object, field: str) -> str | None:
    return not_in_future(parse_date(value if value is None or isinstance(value, (str, date)) else str(value),
                                    field=field), field)


def _model_fields(store: Store, values: dict[str, object]) -> dict[str, object]:
    """The checked fields of a model, the same when it is recorded and when it is edited: an active model has
    the day it was recognised, a stopped one the day it stopped, and it cannot stop before it was recognised."""
    status = check_choice(str(values.get("status") or "") or None, MODEL_STATUSES, "status")
    assert status is not None
    members = values.get("members")
    recognised = _day(values.get("recognised_on"), "recognised_on")
    stopped = _day(values.get("stopped_on"), "stopped_on") if status == "stopped" else None
    if status == "active" and recognised is None:
        raise WardbookError("register.model_needs_date", status=label("model_status", status),
                            name=field_name("recognised_on"), field="recognised_on")
    if status == "stopped" and stopped is None:
        raise WardbookError("register.model_needs_date", status=label("model_status", status),
                            name=field_name("stopped_on"), field="stopped_on")
    if recognised and stopped and stopped < recognised:
        raise WardbookError("register.end_before_start", end=format_date(stopped), start=format_date(recognised),
                            field="stopped_on")
    return {
        "name": require_text(str(values.get("name") or ""), "name", MAX_NAME),
        "kind": check_choice(str(values.get("kind") or "") or None, MODEL_KINDS, "kind"),
        "area_id": _check_area(store, str(values.get("area_id") or "") or None),
        "members": None if members is None or str(members).strip() == "" else
        check_int(str(members).strip().replace(".", ""), "members", low=0, high=MAX_COUNT),
        "status": status,
        "recognised_on": recognised,
        "stopped_on": stopped,
        "notes": check_text(str(values["notes"]) if values.get("notes") is not None else None, "notes",
                            limit=MAX_TEXT),
    }


def add_model(
    store: Store,
    *,
    name: str,
    kind: str,
    area_id: str | None = None,
    members: int | str | None = None,
    status: str = "active",
    recognised_on: str | date | None = None,
    stopped_on: str | date | None = None,
    notes: str | None = None,
    members_on: str | date | None = None,
) -> str:
    """Record a community model; returns its id (team leads and admins).

    Its members, when given, are counted on `members_on` — by default the day it was recognised, since a model
    recorded late had them then as far as anyone knows, else today."""
    authorize(store, "community_models")
    fields = _model_fields(store, {"name": name, "kind": kind, "area_id": area_id, "members": members,
                                   "status": status, "recognised_on": recognised_on, "stopped_on": stopped_on,
                                   "notes": notes})
    _check_stopped_given(stopped_on, fields)
    model_id = new_id()
    if members_on is not None and fields["members"] is None:
        raise WardbookError("register.count_needs_members", field="members")
    counted_on = _day(members_on, "members_on") or str(fields["recognised_on"] or clock.today().isoformat())
    _check_count_day(counted_on, fields)
    store.writer.write([RowWrite("community_models", model_id, "insert", fields),
                        *_count(model_id, fields["members"], counted_on)])
    return model_id


def _check_stopped_given(stopped_on: object, fields: dict[str, object]) -> None:
    """A date stopped given for a model that stays active was dropped without a word."""
    if stopped_on not in (None, "") and fields["status"] != "stopped":
        raise WardbookError("register.stopped_needs_status", field="stopped_on")


def _check_count_day(counted_on: str, fields: dict[str, object]) -> None:
    """A model's members are not counted before it was recognised (its first count is the day it was)."""
    recognised = fields.get("recognised_on")
    if recognised and counted_on < str(recognised):
        raise WardbookError("register.count_before_recognised", day=format_date(counted_on),
                            recognised=format_date(recognised), field="members_on")


def _count(model_id: str, members: object, counted_on: str) -> list[RowWrite]:
    """The row keeping a member count with its day (none for a model whose members are not known)."""
    if members is None:
        return []
    return [RowWrite("community_model_counts", new_id(), "insert",
                     {"model_id": model_id, "counted_on": counted_on, "members": members})]


def get_model(store: Store, model_id: str) -> dict[str, object]:
    found = fetch_dicts(store, f"SELECT id, {', '.join(_FIELDS)} FROM community_models "
                               "WHERE id = ? AND deleted_hlc IS NULL", (model_id,))
    if not found:
        raise WardbookError("register.unknown_model", value=model_id[:40])
    return found[0]


def edit_model(store: Store, model_id: str, *, members_on: str | date | None = None,
               **changes: object) -> dict[str, object]:
    """Change some fields of a model (the others keep their values), with the checks of a new one; returns the
    fields that changed, and `members_on` when a count was recorded. Stopping a model:
    `status="stopped", stopped_on=…`.

    A new number of members (or one given with the day it was counted) is also kept as a count of `members_on`
    (by default today), in the same transaction: the periods before it keep the count they had. The model's own
    number is its latest count by day, so a count dated back leaves it as it is; the same count twice is one."""
    authorize(store, "community_models")
    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise ValueError(f"not fields of a community model: {sorted(unknown)}")
    current = get_model(store, model_id)
    if members_on is not None and changes.get("members") in (None, ""):
        raise WardbookError("register.count_needs_members", field="members")
    counted_on = _day(members_on, "members_on") or clock.today().isoformat()
    fields = _model_fields(store, {**current, **changes})
    _check_stopped_given(changes.get("stopped_on"), fields)
    members = fields["members"]
    counts = model_counts(store, model_id)
    if "members" in changes and members is None and counts:
        raise required_error("members")  # the counts say how many: a mistaken one is removed from their list
    count: list[RowWrite] = []
    if "members" in changes and members is not None and (members != current["members"] or members_on):
        _check_count_day(counted_on, fields)
        known = {str(row["counted_on"]): row for row in counts}
        if not known and current["members"] is not None:  # recorded before counts were kept: as of its last change
            known = {_last_changed(store, model_id): {"id": None, "members": current["members"]}}
        same_day = known.get(counted_on)
        if same_day is None or (same_day["id"] is None and same_day["members"] != members):  # (no row: none kept)
            count = _count(model_id, members, counted_on)
        elif same_day["members"] != members:  # one count a day: the later says it
            count = [RowWrite("community_model_counts", str(same_day["id"]), "update", {"members": members})]
        by_day = {day: row["members"] for day, row in known.items()} | {counted_on: members}
        fields["members"] = by_day[max(by_day)]
    change = RowWrite("community_models", model_id, "update", fields)
    store.writer.write([change, *count])
    return {**change.fields, **({"members_on": counted_on} if count else {})}


def _last_changed(store: Store, model_id: str) -> str:
    return str(store.conn.execute("SELECT substr(updated_at, 1, 10) FROM community_models WHERE id = ?",
                                  (model_id,)).fetchone()[0])


def model_counts(store: Store, model_id: str) -> list[dict[str, object]]:
    """The member counts of a model (`id`, `counted_on`, `members`), oldest first (every role sees them)."""
    authorize(store, "register.edit")
    return fetch_dicts(store, "SELECT id, counted_on, members FROM community_model_counts WHERE model_id = ? "
                              "AND deleted_hlc IS NULL ORDER BY counted_on, created_hlc", (model_id,))


def remove_model_count(store: Store, count_id: str) -> None:
    """Remove a count entered by mistake (a wrong number or day); the model's own number becomes its latest
    remaining count, in the same transaction. Team leads and admins, like the counts themselves."""
    authorize(store, "community_models")
    found = store.conn.execute("SELECT model_id FROM community_model_counts WHERE id = ? AND deleted_hlc IS NULL",
                               (count_id,)).fetchone()
    if found is None:
        raise WardbookError("register.unknown_model_count", value=count_id[:40])
    model = get_model(store, str(found[0]))
    remaining = [row for row in model_counts(store, str(model["id"])) if row["id"] != count_id]
    batch = [RowWrite("community_model_counts", count_id, "delete")]
    latest = remaining[-1]["members"] if remaining else None  # no count left: how many is not known
    if latest != model["members"]:
        batch.append(RowWrite("community_models", str(model["id"]), "update", {"members": latest}))
    store.writer.write(batch)


def list_models(store: Store, *, area_id: str | None = None, status: str | None = None) -> list[dict[str, object]]:
    """The ward's community models with their khu phố's name, by khu phố then name (every role sees them)."""
    authorize(store, "register.edit")
    where = ["m.deleted_hlc IS NULL"]
    params: list[object] = []
    if area_id:
        where.append("m.area_id = ?")
        params.append(area_id)
    if status:
        where.append("m.status = ?")
        params.append(check_choice(status, MODEL_STATUSES, "status"))
    return fetch_dicts(
        store,
        f"SELECT m.id, {', '.join(f'm.{name}' for name in _FIELDS)}, a.name AS area FROM community_models m "
        f"LEFT JOIN areas a ON a.id = m.area_id WHERE {' AND '.join(where)} "
        "ORDER BY a.name IS NULL, a.name, m.name",
        tuple(params),
    )


def find_model(store: Store, prefix: str) -> str:
    """The id of the one model whose id starts with `prefix` (the CLI shows 8 characters)."""
    return _find(store, "community_models", prefix, "register.unknown_model")


def find_model_count(store: Store, prefix: str) -> str:
    """The id of the one member count whose id starts with `prefix`."""
    return _find(store, "community_model_counts", prefix, "register.unknown_model_count")


def _find(store: Store, table: str, prefix: str, unknown: str) -> str:
    found = id_from_prefix(store, table, prefix)
    if found is None:
        raise WardbookError(unknown, value=prefix[:40])
    return found
