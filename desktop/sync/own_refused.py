"""This laptop's own changes the station refused, told to the person who made them.

A laptop judges its own writes by the grant it last saw in the roster; when the admin lowers its account's role
while it is offline, the files it publishes before it hears of it are judged by the new grant on every other laptop,
and what that role may not do is refused there. The admin's laptop writes the edited fields back
(`desktop.sync.write_back`), so the value typed here quietly gives way to the station's, and a new record (a tip
recorded for another officer's case list, say) stays on this laptop alone: the person who wrote it must be told,
or they believe it reached the ward.

Every laptop screens a file with the same rules and the same signed roster, so this laptop can tell which of its own
published changes were refused without hearing it from anyone: each is judged again here by the grant its file
was judged by. They are kept with the refused changes (`refused_changes`, under this laptop's id, with what was
written), listed among this laptop's sync problems. Each file is judged once, and again only when the roster
gives this laptop a new grant that reaches back to it.

A refused delete is undone here (`Writer.undo_refused_delete`): the record is alive on every other laptop, and
nothing could bring it back here otherwise. A refused new record stays, with its user told: it exists nowhere else,
and removing it would lose what was typed.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.security.rights import UNKNOWN_ROW, RowView, refusal
from desktop.store import Store
from desktop.sync.grants import effective_grants, principal_for
from desktop.sync.screen import Refused, fields_of, keep_refused

_CHECKED = "sync.own_refusals_checked"  # {"grants": this laptop's grants as judged, "seq": the last file judged}


def note_own_refusals(store: Store, roster: dict[str, Any]) -> int:
    """Keep this laptop's published changes that the station refused since last asked; returns how many."""
    me = store.device_id
    grants = effective_grants(roster, me)
    published = int(store.setting("sync.published_seq", "0") or 0)
    start = _first_unjudged(store.setting(_CHECKED), grants, published)
    state = json.dumps({"grants": grants, "seq": published}, sort_keys=True)
    if start > published:
        if store.setting(_CHECKED) != state:
            store.set_setting(_CHECKED, state)
        return 0
    rows = RowView(store)
    by_file: dict[int, list[Refused]] = {}
    # Read as it goes, not fetched whole: the first sync after an upgrade judges every file since the newest grant.
    for seq, table, row_id, op, hlc, fields in store.conn.execute(
            "SELECT published_seq, tbl, row_id, op, hlc, fields FROM outbox WHERE published_seq BETWEEN ? AND ? "
            "ORDER BY seq", (start, published)):
        who = principal_for(roster, me, seq)
        if who is None or who.role == "admin":  # revoked (told as such), or a role nothing the app writes exceeds
            continue
        values = fields_of(fields)
        code = refusal(who, table, op, row_id, values, rows, hlc)
        if code is not None and code != UNKNOWN_ROW:
            by_file.setdefault(seq, []).append(Refused(table, row_id, op, hlc, values, code))
    noted = 0
    with store.transaction():
        known = set(store.conn.execute(
            "SELECT tbl, row_id, hlc FROM refused_changes WHERE device_id = ? AND seq >= ?", (me, start)).fetchall())
        for seq, refused in by_file.items():
            new = [item for item in refused if (item.table, item.row_id, item.hlc) not in known]
            keep_refused(store, me, seq, principal_for(roster, me, seq), new)
            noted += len(new)
            for item in new:  # a refused delete: the record is still there on every other laptop
                if item.op == "delete":
                    store.writer.undo_refused_delete(item.table, item.row_id, item.hlc)
        store.set_setting(_CHECKED, state)
    return noted


def _first_unjudged(checked: str | None, grants: list[dict[str, Any]], published: int) -> int:
    """The first of this laptop's files to judge: the one after the last judged, or, when the grants changed since,
    the first file a new grant covers (the admin's laptop dates a new grant from the file after the last it had
    applied, which may be one this laptop published before it heard of it).

    Never judged yet (a laptop just updated): the files of its newest grant if it ever had another (what its write
    path let through under the old one), else none — under its one grant its own write path refused what the
    station would, and judging years of files by today's records (a visit since given to another officer) would
    tell refusals that never were."""
    if not checked:
        return int(grants[-1].get("from_seq", 1)) if len(grants) > 1 else published + 1
    state = json.loads(checked)
    start = int(state.get("seq", 0)) + 1
    before = state.get("grants") or []
    new = [grant for grant in grants if grant not in before]
    return min([start, *(int(grant.get("from_seq", 1)) for grant in new)])
