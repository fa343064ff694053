"""`wardbook campaign create|list|show|assign|answer|add-question|retire|progress|results|walklist|report|close`:
door-to-door sweeps.

A sweep's definition comes from a JSON file (`desktop.campaigns.definition.definition_from_json`), so a ward
can share its checklist with another (`campaign show --json` writes one back).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from desktop import files, i18n
from desktop.campaigns import answers, definition, progress
from desktop.cli.context import add_common_options, finite_number, open_store, print_table
from desktop.errors import WardbookError
from desktop.register.labels import label
from desktop.store import Store
from desktop.store.tables import QUESTION_KINDS, SWEEP_STATUSES
from desktop.text import format_date


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser("campaign", help="đợt rà soát / door-to-door sweeps")
    actions = command.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(command))

    def action(name: str, help_text: str, handler: object, campaign: bool = True) -> argparse.ArgumentParser:
        parser = actions.add_parser(name, help=help_text)
        add_common_options(parser)
        if campaign:
            parser.add_argument("campaign", help="tên hoặc id (≥ 4 ký tự đầu) / name or id (≥ 4 first characters)")
        parser.set_defaults(handler=handler)
        return parser

    create = action("create", "lập đợt rà soát từ tệp JSON / define a sweep from a JSON file", _create, False)
    create.add_argument("--from", dest="source", type=Path, required=True, help="tệp JSON / JSON file")
    listing = action("list", "danh sách / list", _list, False)
    listing.add_argument("--open", action="store_true", help="chỉ đợt đang diễn ra / only open sweeps")
    show = action("show", "câu hỏi và phân công / questions and assignments", _show)
    show.add_argument("--json", action="store_true", help="định nghĩa để chia sẻ / the shareable definition")
    assign = action("assign", "phân công địa bàn / assign an area", _assign)
    assign.add_argument("--area", required=True, help="khu phố, tổ: tên hoặc id / area: name or id")
    assign.add_argument("--officer", required=True, help="cán bộ: tên đăng nhập / officer: username")
    answer = action("answer", "ghi kết quả một hộ / record a household", _answer)
    answer.add_argument("household", help="mã hộ hoặc id / household code or id")
    answer.add_argument("--status", required=True, choices=SWEEP_STATUSES)
    answer.add_argument("--set", action="append", default=[], metavar="CODE=VALUE",
                        help="câu trả lời (mã câu hỏi hoặc số thứ tự) / an answer (question code or number)")
    answer.add_argument("--on", help="ngày (dd/mm/yyyy), mặc định hôm nay / day (dd/mm/yyyy), default today")
    answer.add_argument("--note", help="ghi chú / note")
    add = action("add-question", "thêm câu hỏi / add a question", _add_question)
    add.add_argument("--label", required=True, help="câu hỏi / the question")
    add.add_argument("--kind", required=True, choices=QUESTION_KINDS)
    add.add_argument("--code", help="mã câu hỏi / code")
    add.add_argument("--choices", help="các lựa chọn, cách nhau bằng ; / choices, separated by ;")
    add.add_argument("--unit")
    add.add_argument("--low", type=finite_number("low", -1e12, 1e12))
    add.add_argument("--high", type=finite_number("high", -1e12, 1e12))
    add.add_argument("--required", action="store_true")
    add.add_argument("--help-text", dest="help_text", help="hướng dẫn / help text")
    retire = action("retire", "ngừng dùng một câu hỏi (giữ câu trả lời) / retire a question (answers kept)",
                    _retire)
    retire.add_argument("question", help="mã hoặc số thứ tự / code or number")
    prog = action("progress", "tiến độ / progress", _progress)
    prog.add_argument("--by", choices=("area", "officer", "day"), default="area")
    results = action("results", "kết quả ra tệp XLSX / results to an XLSX file", _results)
    results.add_argument("--out", type=Path, required=True)
    walk = action("walklist", "danh sách hộ cần đến (PDF) / walk list of households left (PDF)", _walk_list)
    walk_scope = walk.add_mutually_exclusive_group()
    walk_scope.add_argument("--area", help="khu phố, tổ: tên hoặc id / area: name or id")
    walk_scope.add_argument("--officer", help="cán bộ: tên đăng nhập / officer: username")
    walk.add_argument("--out", type=Path, required=True)
    report = action("report", "báo cáo kết quả (PDF, DOCX) / results report (PDF, DOCX)", _report)
    report.add_argument("--out", type=Path, help="tệp PDF / PDF file")
    report.add_argument("--docx", type=Path, help="tệp Word (DOCX) để chỉnh sửa / editable Word file")
    close = action("close", "kết thúc đợt rà soát / close the sweep", _close)
    close.add_argument("--narrative", help="nhận xét của tổ trưởng / the team lead's narrative")


def _create(args: argparse.Namespace) -> int:
    data = definition.read_definition_file(args.source)
    with open_store(args) as store:
        campaign_id = definition.create_campaign(store, **definition.definition_from_json(data))
        name = definition.load_campaign(store, campaign_id).name
    print(i18n.tr("campaign.cli.created", name=name, id=campaign_id[:8]))
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = definition.list_campaigns(store, open_only=args.open)
    if not rows:
        print(i18n.tr("cli.none_found"))
        return 0
    print_table([i18n.tr(f"campaign.cli.col.{c}") for c in ("id", "name", "dates", "status")],
                [(str(r["id"])[:8], r["name"], f"{format_date(r['starts_on'])} → {format_date(r['ends_on'])}",
                  i18n.tr(f"campaign.status.{r['status']}")) for r in rows])
    return 0


def _campaign(store: Store, args: argparse.Namespace) -> definition.Campaign:
    return definition.load_campaign(store, definition.resolve_campaign(store, args.campaign))


def _show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        campaign = _campaign(store, args)
        areas = dict(store.conn.execute("SELECT id, name FROM areas"))
        officers = dict(store.conn.execute("SELECT id, username FROM users"))
        assigned = definition.assignments(store, campaign.id)
    if args.json:
        print(json.dumps(definition.definition_to_json(campaign, areas), ensure_ascii=False, indent=2))
        return 0
    status = i18n.tr(f"campaign.status.{campaign.status}")
    print(f"{campaign.name} ({campaign.starts_on} → {campaign.ends_on}, {status})")
    print_table([i18n.tr(f"campaign.cli.col.{c}") for c in ("number", "code", "question", "kind", "detail")],
                [(q.position, q.code, q.label + (" *" if q.required else ""),
                  i18n.tr(f"campaign.kind.{q.kind}"), _detail(q)) for q in campaign.questions])
    if assigned:
        print_table([i18n.tr("sweep.col.area"), i18n.tr("sweep.col.officer")],
                    sorted((areas.get(a, a), officers.get(o, o)) for a, o in assigned.items()))
    return 0


def _detail(question: definition.Question) -> str:
    parts = ["; ".join(question.choices)] if question.choices else []
    if question.kind == "number":
        bounds = f"{'' if question.low is None else f'{question.low:g}'}…" \
                 f"{'' if question.high is None else f'{question.high:g}'}"
        parts.append(f"{bounds} {question.unit or ''}".strip())
    if question.retired:
        parts.append(i18n.tr("sweep.col.retired"))
    return ", ".join(parts)


def _assign(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        definition.assign(store, definition.resolve_campaign(store, args.campaign), args.area, args.officer)
    print(i18n.tr("campaign.cli.assigned", area=args.area, officer=args.officer))
    return 0


def _answer(args: argparse.Namespace) -> int:
    given: dict[str, object] = {}
    for item in args.set:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise WardbookError("campaign.cli.bad_set", value=item[:60])
        given[key.strip()] = value
    with open_store(args) as store:
        campaign_id = definition.resolve_campaign(store, args.campaign)
        answers.record(store, campaign_id, args.household, status=args.status, answers=given, on=args.on,
                       note=args.note)
    print(i18n.tr("campaign.cli.recorded", household=args.household, status=label("sweep", args.status)))
    return 0


def _add_question(args: argparse.Namespace) -> int:
    question = definition.Question(
        label=args.label, kind=args.kind, code=args.code or "",
        choices=tuple(c.strip() for c in (args.choices or "").split(";") if c.strip()), unit=args.unit,
        low=args.low, high=args.high, required=args.required, help=args.help_text)
    with open_store(args) as store:
        campaign = _campaign(store, args)
        definition.add_question(store, campaign.id, question)
    print(i18n.tr("campaign.cli.question_added", name=campaign.name))
    return 0


def _retire(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        campaign = _campaign(store, args)
        definition.retire_question(store, campaign.id, args.question)
    print(i18n.tr("campaign.cli.question_retired", question=args.question))
    return 0


def _progress(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        campaign = _campaign(store, args)
        rows = progress.targets(store, campaign)
        names = dict(store.conn.execute("SELECT id, name FROM areas")) if args.by == "area" else \
            dict(store.conn.execute("SELECT id, COALESCE(full_name, username) FROM users"))
    headers = [i18n.tr(f"sweep.state.{state}") for state in progress.STATES]
    if args.by == "day":
        print_table([i18n.tr("campaign.cli.col.day"), i18n.tr("campaign.cli.col.done"),
                     i18n.tr("campaign.cli.col.cumulative"), i18n.tr("campaign.cli.col.planned")],
                    [(format_date(d.on), d.done, d.cumulative, d.planned) for d in progress.per_day(rows, campaign)])
        return 0
    empty = i18n.tr("sweep.no_area" if args.by == "area" else "sweep.unassigned")
    groups = sorted(progress.tallies_by(rows, f"{args.by}_id"), key=lambda t: str(names.get(t.key or "", empty)))
    total = progress.tally(rows)
    print_table([i18n.tr(f"sweep.col.{args.by}"), i18n.tr("campaign.cli.col.total"), *headers],
                [*((names.get(t.key or "", empty), t.total, *t.counts.values()) for t in groups),
                 (i18n.tr("campaign.cli.all"), total.total, *total.counts.values())])
    return 0


def _results(args: argparse.Namespace) -> int:
    from desktop.campaigns.results import write_results_xlsx

    with open_store(args) as store:
        campaign = _campaign(store, args)
        out = write_results_xlsx(store, campaign, args.out)
    print(i18n.tr("campaign.cli.written", path=str(out)))
    return 0


def _walk_list(args: argparse.Namespace) -> int:
    from desktop.campaigns.documents import build_campaign_walk_list

    with open_store(args) as store:
        campaign = _campaign(store, args)
        area = definition.area_id(store, args.area) if args.area else None
        officer = definition.officer_id(store, args.officer) if args.officer else None
        rows = build_campaign_walk_list(store, campaign, args.out, area_id=area, officer_id=officer)
    print(i18n.tr("campaign.cli.walk_list", path=str(args.out), count=len(rows)))
    return 0


def _report(args: argparse.Namespace) -> int:
    if args.out is None and args.docx is None:
        raise WardbookError("campaign.cli.out_or_docx")
    with open_store(args) as store:
        targets = [path for path in (args.out, args.docx) if path is not None]
        # the open database and the key file in use are known by now
        files.check_outputs([(args.out, "pdf"), (args.docx, "docx")])
        campaign = _campaign(store, args)
        with files.output_set():  # both files are of this run, or neither is replaced
            if args.out is not None:
                from desktop.campaigns.documents import build_campaign_report

                build_campaign_report(store, campaign, args.out)
            if args.docx is not None:
                from desktop.campaigns.report_docx import build_campaign_report_docx

                build_campaign_report_docx(store, campaign, args.docx)
    for path in targets:
        print(i18n.tr("campaign.cli.written", path=str(path)))
    return 0


def _close(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        campaign = _campaign(store, args)
        definition.close_campaign(store, campaign.id, args.narrative)
    print(i18n.tr("campaign.cli.closed", name=campaign.name))
    return 0
