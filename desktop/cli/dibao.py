"""低保 at the township (and, for reading, at the village). No Qt here.

    relief-desk dibao list [--month YYYY-MM] [--format table|json]
    relief-desk dibao roster --month YYYY-MM -o FILE.pdf|FILE.xlsx
    relief-desk dibao pay --month YYYY-MM
    relief-desk dibao figures [--month YYYY-MM] [--format table|json]
    relief-desk dibao due [--format table|json]

`list` shows the households in payment in the month (default: this month) with the
month's figures per village below; `figures` the figures alone. Both, the roster's PDF
and its workbook read one roster, so their totals agree."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli.commands import with_store
from desktop.core import dibao
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan

URGENCY_LABELS = {"overdue": "已逾期", "due": "本月到期", "soon": "即将到期"}


def add_parsers(sub) -> None:
    from desktop.cli.parts import Parser

    d = sub.add_parser("dibao", help="低保:在保户、月度发放花名册、发放登记、复核到期").add_subparsers(
        dest="dibao_command", required=True, parser_class=Parser)
    lst = d.add_parser("list", help="在保户名单(当月)及各村户数、人数、金额")
    lst.add_argument("--month", default="")
    lst.add_argument("--format", choices=("table", "json"), default="table")
    ros = d.add_parser("roster", help="月度发放花名册:PDF 打印,Excel 交银行")
    ros.add_argument("--month", required=True)
    ros.add_argument("-o", "--output", type=Path, required=True)
    pay = d.add_parser("pay", help="登记当月低保金已发放(所有在保户,一次登记)")
    pay.add_argument("--month", required=True)
    fig = d.add_parser("figures", help="各村当月低保户数、人数、金额")
    fig.add_argument("--month", default="")
    fig.add_argument("--format", choices=("table", "json"), default="table")
    due = d.add_parser("due", help="按分类复核周期到期(或即将到期)的低保户")
    due.add_argument("--format", choices=("table", "json"), default="table")


def _month(args, today) -> str:
    month = args.month or dibao.month_of(today)
    problem = dibao.month_problem(month)
    if problem:
        raise Refusal(f"--month:{problem}。")
    return month


def run(args, store, today) -> int:
    return _COMMANDS[args.dibao_command](args, store, today)


def list_(args, store, today) -> int:
    from desktop.dibao.households import in_payment, roster

    month = _month(args, today)
    rows = in_payment(store.db, month)
    if args.format == "json":
        print(json.dumps([{"case_id": r["case_id"], "name": r["name"],
                           "village_code": r["village_code"], "persons": r["persons"],
                           "monthly_fen": r["monthly_fen"], "class": r["class"],
                           "since": r["since_month"], "next_review": r["next_review"]}
                          for r in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(f"{month} 没有在保的低保户。")
        return 0
    for r in rows:
        print(f"{r['case_id']}  {r['name']}  {r['persons']} 人  每月 "
              f"{format_yuan(r['monthly_fen'], grouped=True)} 元  {r['class']} 类  "
              f"{r['since_month']} 起  {r['next_review']} 复核")
    _print_figures(roster(store, month))
    return 0


def figures(args, store, today) -> int:
    from desktop.dibao.households import roster

    r = roster(store, _month(args, today))
    if args.format == "json":
        print(json.dumps({"month": r.month, "households": r.households, "persons": r.persons,
                          "total_fen": r.total_fen, "villages": r.villages()},
                         ensure_ascii=False, indent=1))
        return 0
    _print_figures(r)
    return 0


def _print_figures(r) -> None:
    for v in r.villages():
        paid = f"已于 {v['paid_on']} 登记发放" if v["paid_on"] else "待发放"
        print(f"{r.month}  {v['village']}:{v['households']} 户 {v['persons']} 人 "
              f"{format_yuan(v['total_fen'], grouped=True)} 元({paid})")
    print(f"{r.month}  合计:{r.households} 户 {r.persons} 人 "
          f"{format_yuan(r.total_fen, grouped=True)} 元")


def roster_file(args, store, today) -> int:
    from desktop.dibao.households import roster
    from desktop.printing.output import save_document

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        raise Refusal(f"花名册的文件名应以 .pdf(打印)或 .xlsx(交银行)结尾,现在是“{args.output.name}”。")
    r = roster(store, _month(args, today))
    if not r.rows:
        raise Refusal(f"{r.month} 没有在保的低保户,花名册是空的,未生成文件。")
    if suffix == ".pdf":
        from desktop.printing.dibao_roster import roster_pdf as build
    else:
        from desktop.printing.dibao_roster import roster_xlsx as build
    path = save_document(args.output, build(store, r, today))
    print(f"已生成 {r.month} 低保发放花名册 {path}:{r.households} 户 {r.persons} 人 "
          f"{format_yuan(r.total_fen, grouped=True)} 元。")
    return 0


def pay(args, store, today) -> int:
    from desktop.dibao.payments import pay_month

    done = pay_month(store, _month(args, today), today)
    print(f"已登记 {done['month']} 低保金发放:{done['villages']} 个村 {done['households']} 户 "
          f"{done['persons']} 人,合计 {format_yuan(done['total_fen'], grouped=True)} 元。"
          f"发放记录将随下一次导出的数据包送到各村。")
    return 0


def due(args, store, today) -> int:
    from desktop.dibao.households import due_reviews

    rows = due_reviews(store, today)
    if args.format == "json":
        print(json.dumps([{"case_id": r["case_id"], "name": r["name"],
                           "village_code": r["village_code"], "class": r["class"],
                           "next_review": r["next_review"], "urgency": r["urgency"]}
                          for r in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("没有到期或即将到期的低保复核。")
    for r in rows:
        print(f"{r['case_id']}  {r['village']}  {r['name']}  {r['class']} 类  "
              f"{r['next_review']} 复核  {URGENCY_LABELS[r['urgency']]}")
    return 0


_COMMANDS = {"list": list_, "roster": roster_file, "pay": pay, "figures": figures, "due": due}
COMMANDS: dict = {"dibao": with_store(run)}
