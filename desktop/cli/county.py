"""Commands of the county workstation (issue 14). No Qt here. (`queue` and `decide` are
the township's commands, answered at the county with the county's queue and decisions.)

    relief-desk spot-check draw --month YYYY-MM [--seed N]
    relief-desk spot-check record APP_ID --json FILE
    relief-desk spot-check list --month YYYY-MM [--format table|json]"""

from __future__ import annotations

import json

from desktop.cli.commands import read_json, with_store
from desktop.core.county_steps import CHECK_RESULTS


def add_parsers(sub) -> None:
    from desktop.cli.parts import Parser as _Parser

    sc = sub.add_parser("spot-check", help="县局抽查:每月随机抽取各乡镇已备案的案件并登记核查结果"
                        ).add_subparsers(dest="spot_command", required=True, parser_class=_Parser)
    d = sc.add_parser("draw", help="抽取本月(或指定月份)备案案件")
    d.add_argument("--month", required=True)
    d.add_argument("--seed", type=int, help="随机种子(重抽核对用;默认随机产生并记录)")
    r = sc.add_parser("record", help="登记一件抽查案件的核查结果")
    r.add_argument("app_id")
    r.add_argument("--json", dest="json_file", required=True,
                   help="核查记录 JSON(items、result、problems、follow_up),或 - 表示标准输入")
    s = sc.add_parser("list", help="某月抽中的案件及核查情况")
    s.add_argument("--month", required=True)
    s.add_argument("--format", choices=("table", "json"), default="table")


def spot_check(args, store, today) -> int:
    from desktop.county import spotcheck

    if args.spot_command == "draw":
        done = spotcheck.draw(store, args.month, today, args.seed)
        print(f"{done.month} 抽查已抽取(随机种子 {done.seed},已记录,可重抽核对):")
        for township, ids in sorted(done.by_township.items()):
            print(f"  乡镇 {township}:备案 {done.drawn_from[township]} 件,抽中 {len(ids)} 件:"
                  f"{'、'.join(ids)}")
        return 0
    if args.spot_command == "record":
        spotcheck.record(store, args.app_id, read_json(args.json_file), today)
        print(f"案件 {args.app_id}:核查结果已登记,将随下一次导出的数据包送达乡镇。")
        return 0
    spotcheck.check_month(args.month, today)
    rows = spotcheck.drawn(store.db, args.month)
    if args.format == "json":
        print(json.dumps({"month": args.month, "cases": rows,
                          "townships": spotcheck.figures(store.db, args.month)},
                         ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(f"{args.month} 还没有抽查。")
    for r in rows:
        result = CHECK_RESULTS.get(r["result"], "未核查")
        print(f"{r['case_id']}  {result}{'  ' + r['problems'] if r['problems'] else ''}")
    return 0


COMMANDS: dict = {"spot-check": with_store(spot_check)}
