"""Objections to a 低保变动公示, at the village (`dibao objection …`). No Qt here.

    relief-desk dibao objection record APP_ID --notice BD-YYYY-NNNN --content TEXT
                                       [--from NAME] [--received YYYY-MM-DD]
    relief-desk dibao objection resolve APP_ID OBJECTION_ID --checked TEXT
                                        (--upheld | --dismissed REASON)
    relief-desk dibao objection list [--open] [--format table|json]

Upheld: the change is not carried out and the household is reviewed (复核) again;
dismissed: the change is paid as decided, the reason told to whoever objected."""

from __future__ import annotations

import json

from desktop.core.errors import Refusal

STATES = {"open": "待处理", "closed": "已处理"}
RESULTS = {"upheld": "异议成立", "dismissed": "异议不成立"}


def add_parsers(d, parser_class) -> None:
    from desktop.cli.parts import day

    o = d.add_parser("objection", help="对低保变动公示的异议(村):登记、处理、列表").add_subparsers(
        dest="objection_command", required=True, parser_class=parser_class)
    rec = o.add_parser("record", help="登记异议(公示期内收到)")
    rec.add_argument("app_id")
    rec.add_argument("--notice", required=True, metavar="BD-YYYY-NNNN")
    rec.add_argument("--content", required=True)
    rec.add_argument("--from", dest="who", default="", help="异议人(可匿名,不填)")
    rec.add_argument("--received", type=day, metavar="YYYY-MM-DD", help="收到日期(默认今天)")
    res = o.add_parser("resolve", help="处理异议:成立(变动不执行,重新复核)或不成立(写明理由)")
    res.add_argument("app_id")
    res.add_argument("objection_id")
    res.add_argument("--checked", required=True, help="核查情况")
    way = res.add_mutually_exclusive_group(required=True)
    way.add_argument("--upheld", action="store_true")
    way.add_argument("--dismissed", metavar="REASON")
    lst = o.add_parser("list", help="异议及处理结果")
    lst.add_argument("--open", action="store_true", help="只列待处理的")
    lst.add_argument("--format", choices=("table", "json"), default="table")


def run(args, store, today) -> int:
    from desktop.dibao.objections import Objections, listed

    if args.objection_command == "list":
        rows = listed(store.db, open_only=args.open)
        if args.format == "json":
            print(json.dumps(rows, ensure_ascii=False, indent=1))
            return 0
        for r in rows:
            state = RESULTS.get(r["result"], STATES[r["status"]])
            print(f"{r['objection_id']}  {r['case_id']}  {r['name']}  {r['notice_id']}  "
                  f"{r['received_on']}  {state}  {r['content']}")
        print(f"共 {len(rows)} 条异议。")
        return 0
    work = Objections(store, today)
    if args.objection_command == "record":
        received = args.received.isoformat() if args.received else ""
        oid = work.record(args.app_id, args.notice, args.content, args.who, received)
        print(f"已登记异议 {oid}(案件 {args.app_id},变动公示 {args.notice})。"
              f"处理前该户的这项变动暂不执行。")
        return 0
    if args.dismissed is not None and not args.dismissed.strip():
        raise Refusal("异议不成立须写明理由(告知异议人)。未做任何改动。")
    work.resolve(args.app_id, args.objection_id, args.upheld, args.checked,
                 args.dismissed or "")
    print(f"异议 {args.objection_id} 已处理:" + (
        "异议成立,该户的变动不执行,按变动前发放,请重新复核。" if args.upheld
        else "异议不成立,变动照常执行。"))
    return 0
