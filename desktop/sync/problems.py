"""What a sync problem means, in words an officer or the admin can act on.

The sync records short codes (`sync_errors.kind`, `ApplyReport.errors`, `InvalidChangeset.reason`): they are
stable, tests and the history rely on them. People are shown the sentence `sync.reason.<code>` instead, in the
app's language; before this, "gap" or "chain" appeared as such inside a Vietnamese sentence, and a clock
warning was printed as "file not valid; not applied" although its data had been applied.

A recorded kind may carry a prefix saying which file it was about (`own_` this laptop's own changeset,
`snapshot_` a snapshot, `roster_` station.json); the reason after it is one of the same codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop import i18n
from desktop.errors import WardbookError
from desktop.register.labels import label
from desktop.security.permissions import can
from desktop.security.rights import REFUSALS
from desktop.security.session import current_actor
from desktop.store import Store
from desktop.sync import messages as _messages  # noqa: F401  (registers the sentences)
from desktop.sync.screen import fields_of, list_refused

PREFIXES = ("own_", "snapshot_", "roster_", "refused_")
REFUSED_SHOWN = 200  # the newest refused changes listed with the problems (all are kept)
# A refused change's kind is `refused_<code>`: its reason reads as the write path's own refusal.
i18n.register({f"sync.reason.{code}": {lang: i18n.tr(f"security.refusal.{code}", lang) for lang in ("vi", "en")}
               for code in REFUSALS})
WARNINGS = frozenset({"clock_future", "waiting"})  # the file was applied; the problem is told, not a failure


def reason_of(kind: str) -> str:
    for prefix in PREFIXES:
        if kind.startswith(prefix):
            return kind[len(prefix):]
    return kind


def explain(kind: str) -> i18n.Ref | str:
    """The sentence for a recorded kind or a bare reason code, as a message parameter; an unknown code (a newer
    release's) as is."""
    msg_id = f"sync.reason.{reason_of(kind)}"
    return i18n.Ref(msg_id) if i18n.has_message(msg_id) else kind


def explained(kind: str) -> str:
    """`explain` in the current language."""
    return str(i18n.render(explain(kind)))


def refused(msg_id: str, reason: str, **params: object) -> WardbookError:
    """An error whose message says why in words (`{why}`) and keeps the code (`reason`) for the record."""
    return WardbookError(msg_id, reason=reason, why=explain(reason), **params)


def is_warning(kind: str) -> bool:
    return kind in WARNINGS


@dataclass(frozen=True)
class Problem:
    at: str
    device: str | None
    file: str
    kind: str
    text: str


def open_problems(store: Store) -> list[Problem]:
    """The problems not over yet, newest first (what the status counts per laptop, one by one), then — for those
    who manage the station's laptops — the changes refused from other laptops, newest first."""
    problems = [Problem(at, device, detail or "", kind, explained(kind)) for at, device, kind, detail in
                store.conn.execute("SELECT at, device_id, kind, detail FROM sync_errors WHERE resolved_at IS NULL "
                                   "ORDER BY id DESC")]
    return problems + (refused_problems(store) if _manages_laptops(store)
                       else refused_problems(store, device=store.device_id))


def _manages_laptops(store: Store) -> bool:
    try:
        return can(current_actor(store), "enrollment")
    except WardbookError:  # nobody logged in
        return False


def refused_problems(store: Store, limit: int = REFUSED_SHOWN, device: str | None = None) -> list[Problem]:
    """Each refused change in words: who (the account its laptop is enrolled for), what, and why; `device`: only
    that laptop's. This laptop's own are told as such (`desktop.sync.own_refused`), with what it wrote."""
    from desktop.sync.changeset import file_name  # the crypto it carries is not needed to open the app

    def sentence(row: dict[str, object]) -> str:
        what = {"change": label("change", str(row["op"])), "record": label("record", str(row["tbl"])),
                "why": i18n.Ref(f"security.refusal.{row['reason']}")}
        if row["device_id"] == store.device_id:
            written = _written(str(row["fields"]))
            return " ".join([i18n.tr("sync.own_refused_change", **what),
                             *([i18n.tr("sync.own_refused_written", written=written)] if written else [])])
        return i18n.tr("sync.refused_change", user=row["username"] or "—", **what)

    return [Problem(str(row["at"]), str(row["device_id"]), file_name(int(str(row["seq"]))), f"refused_{row['reason']}",
                    sentence(row)) for row in list_refused(store, limit, device)]


def _written(fields: str) -> str:
    """What a refused change of this laptop wrote, its values only (the person who typed them knows the fields):
    so nothing typed is lost even where the station's value replaced it."""
    return "; ".join(str(value) for value in fields_of(fields).values() if value not in (None, ""))[:300]
