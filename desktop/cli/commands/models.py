"""`wardbook model add|list|edit`: community models (mô hình) — "khu dân cư an toàn về ANTT", "camera an ninh",
"tổ tự quản"… — with their khu phố, members, status and the day they were recognised."""

from __future__ import annotations

import argparse

from desktop import i18n
from desktop.cli import record_messages  # noqa: F401  (registers the messages used here)
from desktop.cli.context import add_common_options, open_store, print_table
from desktop.register.community_models import (
    add_model,
    edit_model,
    find_model,
    find_model_count,
    list_models,
    model_counts,
    remove_model_count,
)
from desktop.register.households import find_area
from desktop.register.labels import label
from desktop.register.validation import field_name
from desktop.store import Store
from desktop.store.tables import MODEL_KINDS, MODEL_STATUSES
from desktop.text import format_date

# option → the model's field it sets
_OPTIONS = {"name": "name", "kind": "kind", "area": "area_id", "members": "members", "status": "status",
            "recognised": "recognised_on", "stopped": "stopped_on", "notes": "notes"}


def _options(parser: argparse.ArgumentParser, *, new: bool) -> None:
    parser.add_argument("--name", required=new, help="tên mô hình / name")
    parser.add_argument("--kind", required=new, choices=MODEL_KINDS)
    parser.add_argument("--area", help="khu phố: tên hoặc id / area: name or id")
    parser.add_argument("--members", help="số thành viên / members")
    default = "ngày công nhận / the day recognised" if new else "hôm nay / today"
    parser.add_argument("--members-on", help=f"ngày đếm số thành viên / members counted on, dd/mm/yyyy ({default})")
    parser.add_argument("--status", choices=MODEL_STATUSES, default="active" if new else None)
    parser.add_argument("--recognised", help="ngày công nhận / recognised on, dd/mm/yyyy")
    parser.add_argument("--stopped", help="ngày ngừng hoạt động / stopped on, dd/mm/yyyy (status stopped)")
    parser.add_argument("--notes", help="ghi chú / notes")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser("model", help="mô hình ở khu dân cư / community models")
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(command))

    add = actions.add_parser("add", help="ghi mô hình / record a model")
    add_common_options(add)
    _options(add, new=True)
    add.set_defaults(handler=_add)

    listing = actions.add_parser("list", help="danh sách / list")
    add_common_options(listing)
    listing.add_argument("--area", help="khu phố: tên hoặc id / area: name or id")
    listing.add_argument("--status", choices=MODEL_STATUSES)
    listing.set_defaults(handler=_list)

    edit = actions.add_parser("edit", help="sửa mô hình (chỉ đổi điều được ghi) / change a model")
    add_common_options(edit)
    edit.add_argument("model", metavar="MODEL_ID", help="id (hoặc 8 ký tự đầu) / id (or its first 8 characters)")
    _options(edit, new=False)
    edit.set_defaults(handler=_edit)

    counts = actions.add_parser("counts", help="các lần đếm số thành viên / the model's member counts")
    add_common_options(counts)
    counts.add_argument("model", metavar="MODEL_ID", help="id (hoặc 8 ký tự đầu) / id (or its first 8 characters)")
    counts.set_defaults(handler=_counts)

    uncount = actions.add_parser("remove-count", help="xóa một lần đếm ghi nhầm / remove a count entered by mistake")
    add_common_options(uncount)
    uncount.add_argument("count", metavar="COUNT_ID", help="id (hoặc 8 ký tự đầu) / id (or its first 8 characters)")
    uncount.set_defaults(handler=_remove_count)


def _given(args: argparse.Namespace, store: Store) -> dict[str, object]:
    values = {field: getattr(args, option) for option, field in _OPTIONS.items() if getattr(args, option) is not None}
    if values.get("area_id"):
        values["area_id"] = find_area(store, str(values["area_id"]))
    return values


def _add(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        model_id = add_model(store, **_given(args, store), members_on=args.members_on)  # type: ignore[arg-type]
    print(i18n.tr("cli.model_added", id=model_id))
    return 0


def _edit(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        model_id = find_model(store, args.model)
        changed = edit_model(store, model_id, members_on=args.members_on, **_given(args, store))
    if changed:
        names = ", ".join(str(i18n.render(field_name(name))) for name in changed)
        print(i18n.tr("cli.model_updated", id=model_id[:8], fields=names))
    else:
        print(i18n.tr("cli.model_unchanged", id=model_id[:8]))
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        area_id = find_area(store, args.area) if args.area else None
        rows = list_models(store, area_id=area_id, status=args.status)
    if not rows:
        print(i18n.tr("cli.none_found"))
        return 0
    print_table(
        [i18n.tr(f"col.{c}") for c in ("id", "model_name", "model_kind", "area", "model_members", "status",
                                        "recognised")],
        [(str(r["id"])[:8], r["name"], label("model_kind", str(r["kind"])), r["area"] or "",
          "" if r["members"] is None else r["members"], label("model_status", str(r["status"])),
          format_date(r["recognised_on"])) for r in rows],
    )
    return 0


def _counts(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = model_counts(store, find_model(store, args.model))
    if not rows:
        print(i18n.tr("cli.none_found"))
        return 0
    print_table([i18n.tr(f"col.{c}") for c in ("id", "counted_on", "model_members")],
                [(str(r["id"])[:8], format_date(r["counted_on"]), r["members"]) for r in rows])
    return 0


def _remove_count(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        count_id = find_model_count(store, args.count)
        remove_model_count(store, count_id)
    print(i18n.tr("cli.model_count_removed", id=count_id[:8]))
    return 0
