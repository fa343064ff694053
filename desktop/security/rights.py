"""What one change of a synced row may do, decided by the same rules for a local write and for a change that
arrives from another laptop.

A laptop's holder has its database key, its sync keys and this code: a changeset may come from someone who
edited their own database by hand. So a receiving laptop does not trust a change because its file is signed;
it asks who signed it (the device, bound by the admin-signed roster to a user and a role, see
`desktop.sync.roster`) and whether that role may make this change. The write path asks the same question of
every local change (`LocalRights`), so a script using the core cannot do what the app refuses either.

The rules, per table:
- `areas`, `households`, `people` (the register): every role that may edit the register;
- `visits`, `activities`, `cases`, `case_events` (records with an owner) and `support_items`, `case_events`
  (records under a visit or a case): the owning officer, or a role that sees every officer's records;
- `reintegration` (the reintegration register): the officer responsible, or a role that sees every officer's
  records;
- `commendations`, `community_models` with their member counts (`community_model_counts`), `review_notes` (a
  review's narrative), and the definition of a door-to-door sweep (`campaigns`, `campaign_questions`,
  `campaign_assignments`): team leads and admins; a question that has answers keeps its kind (`answered`);
- a household's status and answers in a sweep (`campaign_results`, `campaign_answers`): the officer assigned
  to the household's area in that sweep (or the one who wrote them), or a role that sees every officer's
  records. An assignment may arrive after the answers it allows (another laptop's file): such a change waits,
  like an edit of a record not here yet, for the files its sender had seen;
- `users` (accounts, roles, `active`, password hashes): admins only, except a user's own password hash;
- `audit_log`: only new entries of the writing device's own chain, never an update or a delete.
A refusal is a short code (`REFUSALS`), told in words by the message `security.refusal.<code>`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop import i18n
from desktop.errors import WardbookError
from desktop.security.permissions import INACTIVE, ROLE_PERMISSIONS, SETUP, Actor, require
from desktop.store.tables import APPEND_ONLY, SYNCED

if TYPE_CHECKING:
    from desktop.store import RowWrite, Store

REGISTER = frozenset({"areas", "households", "people"})
CAMPAIGN_DEFINITIONS = frozenset({"campaigns", "campaign_questions", "campaign_assignments"})
SWEEP_RECORDS = frozenset({"campaign_results", "campaign_answers"})
# Fields beside the owner that a rule needs of a row already here (the sweep and household of an answer).
CONTEXT_FIELDS: dict[str, tuple[str, ...]] = {table: ("campaign_id", "household_id") for table in SWEEP_RECORDS}
# The fields naming the officer a record belongs to; the first one is its owner once it exists.
OWNER_FIELDS: dict[str, tuple[str, ...]] = {
    "visits": ("officer_id",),
    "activities": ("officer_id",),
    "cases": ("assignee_id",),
    "case_events": ("officer_id",),
    "reintegration": ("officer_id",),
    "campaign_results": ("officer_id",),
    "campaign_answers": ("officer_id",),
}
# Records under another record: whoever owns the parent owns them.
PARENTS: dict[str, tuple[str, str]] = {"support_items": ("visit_id", "visits"), "case_events": ("case_id", "cases")}
# An edit of a record this laptop does not have (yet): nothing shows whose it is. Sync waits for the other
# laptops' files the sender had seen, then refuses it as `not_owner` (`desktop.sync.apply`); locally, the
# write path's own "no such record" error says it.
UNKNOWN_ROW = "unknown_row"
REFUSALS = ("unknown_table", "unknown_field", "bad_value", "append_only", "foreign_chain", "no_rights",
            "accounts", "not_owner", "unbound", "answered")

# The writer's own errors, for a local write (it says them better).
_SHAPE = frozenset({"unknown_table", "unknown_field", "append_only", UNKNOWN_ROW})
ENROLLED_AS = "sync.enrolled_as"  # setting: the roster's grant for this laptop (JSON), see `enrolled_as`


@dataclass(frozen=True)
class Principal:
    """Who a change is from: the device that wrote it and the user and role it acts for.

    `user_id` None with role admin is the local setup mode (no account yet) or a station admin laptop enrolled
    before devices were bound to users; a non-admin device with no user may touch only records with no owner.
    """

    device_id: str
    role: str
    user_id: str | None = None
    username: str = ""

    @property
    def permissions(self) -> frozenset[str]:
        return ROLE_PERMISSIONS.get(self.role, frozenset())


def actor_principal(actor: Actor, device_id: str) -> Principal:
    return Principal(device_id, actor.role, actor.user_id, actor.username)


class RowView:
    """Rows as a batch of changes leaves them: the database, overlaid with what earlier changes of the batch wrote
    (a visit and its support items arrive in one file; the items' owner is the visit written just before)."""

    def __init__(self, store: Store) -> None:
        self._conn = store.conn
        self._written: dict[tuple[str, str], dict[str, object]] = {}

    @staticmethod
    def _names(table: str) -> list[str]:
        """The fields the rules read of a `table` row (none: only whether it exists)."""
        return [*OWNER_FIELDS.get(table, ()), *PARENTS.get(table, ())[:1], *CONTEXT_FIELDS.get(table, ())]

    def get(self, table: str, row_id: str) -> dict[str, object] | None:
        key = (table, row_id)
        if key in self._written:
            return self._written[key]
        names = self._names(table)
        if not names:
            return None if self._conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is None \
                else {}
        cursor = self._conn.execute(f"SELECT {', '.join(names)} FROM {table} WHERE id = ?", (row_id,))
        row = cursor.fetchone()
        return None if row is None else dict(zip(names, row, strict=True))

    def rewrites(self, table: str, row_id: str, hlc: int | None, device_id: str) -> bool:
        """Whether inserting `row_id` would change a record already here: one that exists (deleted or not) and was
        not made by this very change (its creation stamp is another). A placeholder (made by an edit that arrived
        before the record's creation, stamped 0) is no record yet: its creation fills it in. (A record created
        earlier in the same batch is not in the database yet: a second creation of it is judged by its fields.)"""
        row = self._conn.execute(f"SELECT created_hlc, created_device FROM {table} WHERE id = ?", (row_id,)).fetchone()
        return row is not None and row[0] != 0 and (row[0], row[1]) != (hlc, device_id)

    def kind_change_answered(self, question_id: str, kind: object) -> bool:
        """Whether giving the question `question_id` the kind `kind` changes the kind of a question with answers."""
        row = self._conn.execute(
            "SELECT q.kind FROM campaign_questions q WHERE q.id = ? AND EXISTS (SELECT 1 FROM campaign_answers a "
            "WHERE a.question_id = q.id AND a.deleted_hlc IS NULL)", (question_id,)).fetchone()
        return row is not None and row[0] != kind

    def assigned(self, user: str, campaign_id: object, household_id: object) -> bool:
        """Whether `user` is the officer assigned, in this sweep, to the household's area (or its parent area)."""
        return self._conn.execute(
            "SELECT 1 FROM households h LEFT JOIN areas a ON a.id = h.area_id JOIN campaign_assignments s "
            "ON s.campaign_id = ? AND s.officer_id = ? AND s.deleted_hlc IS NULL AND s.area_id IN (h.area_id, "
            "a.parent_id) WHERE h.id = ? LIMIT 1", (campaign_id, user, household_id)).fetchone() is not None

    def note(self, table: str, row_id: str, fields: dict[str, object]) -> None:
        # A row whose fields the rules never read is noted without reading it (existing or not, it is noted as
        # these fields): a bulk edit of a ward's households asked the database for each of them, 5 % of the write.
        key = (table, row_id)
        current = (self.get(table, row_id) or {}) if key in self._written or self._names(table) else {}
        self._written[key] = {**current, **fields}


def refusal(who: Principal, table: str, op: str, row_id: str, fields: dict[str, object],
            rows: RowView, hlc: int | None = None) -> str | None:
    """Why `who` may not make this change (a code of `REFUSALS`), or None when it may. `hlc`: the change's stamp,
    for a change from another laptop (an insert that is the same creation again, applied twice, changes nothing).

    An insert carrying the id of a record already here is judged as the edit of that record it would be (the
    merge applies it field by field): an officer's laptop sent "inserts" of other officers' visits, cases and
    reintegration records, which the rule for new records let through, and took them over. Only sync can do
    that: locally the id is unique."""
    if table not in SYNCED:
        return "unknown_table"
    if not fields.keys() <= (SYNCED[table].fields.keys() if op != "delete" else {"deleted_hlc"}):
        return "unknown_field"
    if table in APPEND_ONLY:
        if op != "insert" or (row_id and rows.rewrites(table, row_id, hlc, who.device_id)):
            return "append_only"
        return None if fields.get("device_id") == who.device_id else "foreign_chain"
    rights = who.permissions
    if "register.edit" not in rights:
        return "no_rights"
    if table == "users":
        own_password = op == "update" and fields.keys() <= {"password_hash"} and row_id == who.user_id
        return None if "users.admin" in rights or own_password else "accounts"  # an insert: admins only
    if table == "commendations":
        return None if "commendations" in rights else "no_rights"
    if table in ("community_models", "community_model_counts"):
        return None if "community_models" in rights else "no_rights"
    if table in CAMPAIGN_DEFINITIONS:
        if "campaigns" not in rights:
            return "no_rights"
        if table == "campaign_questions" and op == "update" and "kind" in fields \
                and rows.kind_change_answered(row_id, fields["kind"]):
            return "answered"
        return None
    if table == "review_notes":
        return None if "reports.view" in rights else "no_rights"
    if table in REGISTER or "records.view_all" in rights:
        return None
    if op == "insert" and row_id and rows.rewrites(table, row_id, hlc, who.device_id):
        op = "update"
    if table in SWEEP_RECORDS:
        return _sweep_record(who.user_id, op, current_row(table, op, row_id, rows), fields, rows)
    return _ownership(who.user_id, table, op, row_id, fields, rows)


def current_row(table: str, op: str, row_id: str, rows: RowView) -> dict[str, object] | None:
    return rows.get(table, row_id) if op != "insert" else None


def _sweep_record(user: str | None, op: str, current: dict[str, object] | None, fields: dict[str, object],
                  rows: RowView) -> str | None:
    """An officer's change of a household's status or answer in a sweep: theirs, or of a household in an area
    assigned to them. `UNKNOWN_ROW` when neither shows here (the assignment may be in a file not applied yet)."""
    if op != "insert" and current is None:
        return UNKNOWN_ROW
    if "officer_id" in fields and fields["officer_id"] != user:
        return "not_owner"
    if user is None:
        return "not_owner"
    if current is not None and current.get("officer_id") == user:
        return None
    row = {**(current or {}), **fields}
    return None if rows.assigned(user, row.get("campaign_id"), row.get("household_id")) else UNKNOWN_ROW


def _ownership(user: str | None, table: str, op: str, row_id: str, fields: dict[str, object],
               rows: RowView) -> str | None:
    """Is the record `user`'s before and after the change (for an officer, who sees only their own)? None when it
    is, `not_owner` when it is not, `UNKNOWN_ROW` when the record or its parent is not here to tell."""
    current = rows.get(table, row_id) if op != "insert" else None
    if op != "insert" and current is None:
        return UNKNOWN_ROW
    owners = OWNER_FIELDS.get(table, ())
    if any(fields[name] != user for name in owners if name in fields):
        return "not_owner"
    if current is not None and owners and current.get(owners[0]) != user:
        return "not_owner"
    if table in PARENTS:
        # The parent before and after: a support item or case event moved from another officer's visit or case to
        # one's own left that officer's record (it was let through when only the new parent was looked at).
        link, parent_table = PARENTS[table]
        before = [current.get(link)] if current is not None else []
        for parent_id in {*before, fields.get(link, current.get(link) if current else None)}:
            if not parent_id:
                return "not_owner"
            parent = rows.get(parent_table, str(parent_id))
            if parent is None:
                return UNKNOWN_ROW
            if parent.get(OWNER_FIELDS[parent_table][0]) != user:
                return "not_owner"
    return None


def refused_error(code: str) -> WardbookError:
    return WardbookError("security.write_refused", reason=code, why=i18n.Ref(f"security.refusal.{code}"))


def save_enrolled_as(store: Store, grant: dict[str, object] | None) -> None:
    """Remember whom the roster binds this laptop to (sync does it when it accepts a newer roster)."""
    value = json.dumps(grant, sort_keys=True) if grant else ""
    if (store.setting(ENROLLED_AS) or "") != value:
        store.set_setting(ENROLLED_AS, value)


def enrolled_as(store: Store) -> Principal | None:
    """The user and role the station roster binds this laptop to, as last seen; None when not enrolled."""
    value = store.setting(ENROLLED_AS)
    if not value:
        return None
    grant = json.loads(value)
    return Principal(store.device_id, str(grant.get("role") or INACTIVE), grant.get("user_id") or None,
                     str(grant.get("username") or ""))


class LocalRights:
    """The write path's check of local changes: the logged-in user's rights, and those of the user this laptop
    is enrolled for (a station admin logged in on an officer's laptop could otherwise write what every other
    laptop then refuses), before anything is written. Installed on every `Store` by the store itself."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __call__(self, changes: Iterable[RowWrite]) -> None:
        from desktop.security.session import current_actor  # the session module imports the store

        changes = list(changes)
        device = self._store.device_id
        enrolled: Principal | None = None
        if all(change.table in APPEND_ONLY for change in changes):
            principals = [Principal(device, SETUP.role)]  # audit entries need no login (a failed one is logged)
        else:
            # The role the account has in the database now, read inside the write lock (`current_actor`): an
            # account disabled since the login may write nothing, and says so.
            actor = current_actor(self._store)
            if actor.role == INACTIVE:
                require(actor, "register.edit")
            principals = [actor_principal(actor, device)]
            if principals[0].user_id is None:
                principals = []  # setup mode: no account has ever existed here
            enrolled = enrolled_as(self._store)
            if enrolled is not None:
                principals.append(enrolled)
        for who in principals:
            rows = RowView(self._store)
            for change in changes:
                code = refusal(who, change.table, change.op, change.row_id, change.fields, rows)
                if code == UNKNOWN_ROW and change.table in SWEEP_RECORDS \
                        and (change.op == "insert" or rows.get(change.table, change.row_id) is not None):
                    code = "not_owner"  # here nothing is in flight: the household is not in the officer's areas
                if code == "not_owner" and who is enrolled and who.user_id is None and who.role != "admin":
                    code = "unbound"  # enrolled before laptops were bound to accounts: the admin binds it
                if code is not None and code not in _SHAPE:
                    raise refused_error(code)
                rows.note(change.table, change.row_id, change.fields)
