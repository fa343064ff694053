"""`wardbook share init|approve|revoke|list|snapshot|compact`, `wardbook enroll`, `wardbook sync [status|bootstrap]`.

A new or re-imaged laptop: `wardbook enroll SHARE`, the admin approves it, then `wardbook sync bootstrap` loads
the newest snapshot (written by `wardbook share snapshot` on the admin or station laptop) and `wardbook sync`
applies only the changesets published after it.

Keys live in the OS keyring; with `--key-file FILE` (passphrase from WARDBOOK_KEY_PASSPHRASE or the terminal)
they live in a passphrase-protected file instead — for a station PC with no keyring. Never in plain text.
"""

from __future__ import annotations

import argparse
import socket
import sys

from desktop import i18n
from desktop.cli.context import add_common_options, open_store, print_table, progress_printer, secret_store
from desktop.security.access import change_setting
from desktop.security.key_store import KeyStoreKind, chosen_key_store
from desktop.security.secrets import SecretStore
from desktop.security.session import authorize
from desktop.store import Store
from desktop.sync import setup
from desktop.sync.engine import sync_once
from desktop.sync.folder import FolderShare
from desktop.sync.keystore import load_keys, save_data_keys
from desktop.sync.problems import explain, is_warning, open_problems
from desktop.sync.screen import list_refused
from desktop.sync.share_clock import clock_off_message
from desktop.sync.station import ROSTER_STAND_IN
from desktop.sync.status import device_status, offset_minutes
from desktop.text import format_time


def _secrets(args: argparse.Namespace, store: Store) -> SecretStore:
    """Where this laptop's sync keys live: the key file when one is given (`--key-file` or `WARDBOOK_KEY_FILE`,
    as for the database key), else the OS keyring."""
    named = chosen_key_store(getattr(args, "key_file", None)).kind is KeyStoreKind.KEY_FILE
    key_file = secret_store(args) if named else None
    return setup.sync_key_store(store.device_id, key_file)


def _location(args: argparse.Namespace, store: Store) -> str:
    """The folder this command works on: `--share`, or the one remembered. Kept on `args` too, so that damage met
    there is told naming it (`desktop.cli.main`), also when it was the remembered one."""
    args.share_in_use = setup.require_location(getattr(args, "share", None) or store.setting("sync.share"))
    return str(args.share_in_use)


def _share(args: argparse.Namespace, store: Store) -> FolderShare:
    return FolderShare(_location(args, store))


def _options(parser: argparse.ArgumentParser, *, share_positional: bool = False) -> None:
    add_common_options(parser)
    if share_positional:
        parser.add_argument("share", help="thư mục dùng chung / shared folder")
    else:
        parser.add_argument("--share", help="thư mục dùng chung / shared folder (remembered)")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    share = subparsers.add_parser("share", help="thư mục đồng bộ của trạm / the station sync folder")
    actions = share.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(share))
    init = actions.add_parser("init", help="tạo thư mục đồng bộ / create the station folder")
    _options(init, share_positional=True)
    init.set_defaults(handler=_init)
    approve = actions.add_parser("approve", help="duyệt máy / approve a laptop")
    _options(approve)
    approve.add_argument("device")
    approve.add_argument("--for", dest="for_user", metavar="NAME",
                         help="tài khoản dùng máy này / the account this laptop is for")
    approve.set_defaults(handler=_approve)
    bind = actions.add_parser("bind", help="gắn máy với tài khoản / bind a laptop to an account")
    _options(bind)
    bind.add_argument("device")
    bind.add_argument("--for", dest="for_user", metavar="NAME", required=True,
                      help="tài khoản dùng máy này / the account this laptop is for")
    bind.set_defaults(handler=_bind)
    revoke = actions.add_parser("revoke", help="thu hồi máy / revoke a lost laptop")
    _options(revoke)
    revoke.add_argument("device")
    revoke.set_defaults(handler=_revoke)
    reject = actions.add_parser("reject", help="xoá yêu cầu tham gia / remove a request to join")
    _options(reject)
    reject.add_argument("device")
    reject.set_defaults(handler=_reject)
    snapshot = actions.add_parser("snapshot", help="ghi bản chụp dữ liệu / write a snapshot for new laptops")
    _options(snapshot)
    snapshot.set_defaults(handler=_snapshot)
    compact = actions.add_parser("compact", help="dọn tệp cũ / remove files every laptop has applied")
    _options(compact)
    compact.add_argument("--leave-behind", action="append", default=[], metavar="DEVICE",
                         help="máy vắng lâu, bắt kịp từ bản chụp / a laptop away for long: it catches up from the "
                         "snapshot")
    compact.add_argument("--dry-run", action="store_true", help="chỉ liệt kê / only tell what would go")
    compact.set_defaults(handler=_compact)
    listing = actions.add_parser("list", help="máy và yêu cầu / devices and requests")
    _options(listing)
    listing.set_defaults(handler=_list)

    enroll = subparsers.add_parser("enroll", help="xin tham gia trạm / ask to join the station")
    _options(enroll, share_positional=True)
    enroll.add_argument("--name", default=socket.gethostname())
    enroll.set_defaults(handler=_enroll)

    sync = subparsers.add_parser("sync", help="đồng bộ / sync now")
    _options(sync)
    sync.add_argument("what", nargs="?", choices=["status", "bootstrap", "refused"])
    sync.add_argument("--snapshot", help="bootstrap: id của bản chụp / snapshot id (default: the newest)")
    sync.set_defaults(handler=_sync)


def _init(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        station = setup.create_share(store, args.share, _secrets(args, store))
    print(i18n.tr("sync.cli_initialised", path=args.share, station=station[:8]))
    return 0


def _enroll(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        setup.ask_to_join(store, args.share, _secrets(args, store), args.name)
        device = store.device_id
    print(i18n.tr("sync.cli_requested", device=device))
    return 0


def _approve(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        grant = setup.approve(store, _location(args, store), args.device, args.for_user, _secrets(args, store))
    print(i18n.tr("sync.cli_approved_as", device=args.device, user=grant["username"] or "—",
                  role=i18n.tr(f"security.role.{grant['role']}")))
    return 0


def _bind(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        grant = setup.bind(store, _location(args, store), args.device, args.for_user, _secrets(args, store))
    print(i18n.tr("sync.cli_bound", device=args.device, user=grant["username"],
                  role=i18n.tr(f"security.role.{grant['role']}")))
    return 0


def _reject(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        setup.remove_request(store, _location(args, store), args.device)
    print(i18n.tr("sync.cli_request_removed", device=args.device))
    return 0


def _revoke(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        revocation = setup.revoke(store, _location(args, store), args.device, _secrets(args, store))
    print(i18n.tr("sync.cli_revoked", device=args.device, epoch=revocation.epoch))
    if revocation.unsent is not None:
        print(revocation.unsent.message(), file=sys.stderr)
    return 0


def _snapshot(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        snapshot_id = setup.snapshot(store, _location(args, store), _secrets(args, store))
    print(i18n.tr("sync.cli_snapshot", id=snapshot_id))
    return 0


def _compact(args: argparse.Namespace) -> int:
    """Sync first, so the base snapshot holds everything this laptop can have, then compact."""
    from desktop.sync.compaction import compact

    with open_store(args) as store:
        authorize(store, "enrollment")
        secrets = _secrets(args, store)
        keys = load_keys(secrets)
        share = _share(args, store)
        if not args.dry_run:
            sync_once(store, share, keys)
        plan = compact(store, share, keys, args.leave_behind, dry_run=args.dry_run)
        save_data_keys(secrets, keys)
    for device in plan.waiting_for:
        print(i18n.tr("sync.cli_compact_waiting", device=device[:8]))
    if args.dry_run:
        print(i18n.tr("sync.cli_compact_plan", files=len(plan.files)))
    else:
        print(i18n.tr("sync.cli_compacted", id=share.station()["base"]["snapshot"], files=len(plan.files),
                      snapshots=len(plan.snapshots)))
    return 0


def _bootstrap(args: argparse.Namespace, store: Store) -> int:
    snapshot_id = setup.bootstrap_from(store, _location(args, store), _secrets(args, store), args.snapshot)
    print(i18n.tr("sync.cli_bootstrapped", id=snapshot_id))
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = setup.laptops(_location(args, store))
    words = {"admin": "sync.cli_enrolled", "enrolled": "sync.cli_enrolled", "revoked": "sync.cli_revoked_mark",
             "waiting": "sync.cli_pending", "id_taken": "sync.cli_id_taken"}
    print_table(["device", "name", ""], [(row.device, row.name, i18n.tr(words[row.state], name=row.same_as))
                                         for row in rows])
    return 0


def _refused(store: Store) -> int:
    """The changes other laptops were not allowed to make: when, which laptop and account, what, and why."""
    authorize(store, "enrollment")
    print_table([i18n.tr(f"sync.col_{c}") for c in ("at", "device", "user", "record", "why")],
                [(format_time(r["at"]), f"{str(r['device_id'])[:8]}/{r['seq']}", r["username"] or "—",
                  f"{r['op']} {r['tbl']} {str(r['row_id'])[:8]} {r['fields']}"[:90],
                  i18n.tr(f"security.refusal.{r['reason']}")) for r in list_refused(store)])
    return 0


def _sync(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        share = _share(args, store)
        if args.what == "status":
            rows = device_status(store, share)
            print_table([i18n.tr(f"sync.col_{c}") for c in ("device", "name", "user", "on_share", "applied", "lag",
                                                            "clock", "errors", "conflicts", "refused")],
                        [(r.device[:8], r.name, r.user, r.on_share, r.applied, r.lag,
                          offset_minutes(r.clock_offset_ms), r.errors, r.conflicts, r.refused) for r in rows])
            problems = open_problems(store)
            if problems:
                print()
                print(i18n.tr("sync.cli_problems", count=len(problems)))
                for problem in problems:
                    print(f"  {format_time(problem.at)}  {(problem.device or '')[:8]}  {problem.file}: "
                          f"{problem.text}")
            clock_off = clock_off_message(store)
            if clock_off:
                print()
                print(clock_off)
            return 0
        if args.what == "bootstrap":
            return _bootstrap(args, store)
        if args.what == "refused":
            return _refused(store)
        secrets = _secrets(args, store)
        keys = load_keys(secrets)
        report_progress = progress_printer(args)
        published, report = sync_once(store, share, keys, progress=report_progress)
        save_data_keys(secrets, keys)
        if getattr(args, "share", None) and store.setting("sync.share") != setup.remembered(args.share):
            change_setting(store, "sync.share", setup.remembered(args.share))
        if report_progress:
            report_progress(1, 1, "sync")
        roster_damaged = any(problem.kind == ROSTER_STAND_IN for problem in open_problems(store))
        clock_off = clock_off_message(store)
    if report.caught_up_from:
        print(i18n.tr("sync.cli_caught_up", id=report.caught_up_from))
    if report.restored is not None:
        print(report.restored.message())
    print(i18n.tr("sync.cli_done", published=published, applied=sum(report.applied.values())))
    if report.refused:
        print(i18n.tr("sync.cli_refused", count=report.refused))
    if report.own_refused:
        print(i18n.tr("sync.cli_own_refused", count=report.own_refused))
    for device, seq, reason in report.errors:
        message = "sync.file_warning" if is_warning(reason) else "sync.bad_file"
        print(i18n.tr(message, file=f"{device[:8]}/{seq}", why=explain(reason)))
    if roster_damaged:
        print(i18n.tr("sync.cli_roster_damaged", path=share.description))
    if clock_off:
        print(clock_off)
    return 1 if roster_damaged or any(not is_warning(reason) for _, _, reason in report.errors) else 0
