"""低保 at the township (and, for reading, at the village). No Qt here.

    relief-desk dibao list [--month YYYY-MM] [--format table|json]
    relief-desk dibao roster --month YYYY-MM -o FILE.pdf|FILE.xlsx
    relief-desk dibao pay --month YYYY-MM
    relief-desk dibao figures [--month YYYY-MM] [--format table|json]
    relief-desk dibao due [--format table|json]
    relief-desk dibao stop APP_ID --reason TEXT [--kind income|death|moved|refused|other]
                           [--letter FILE.pdf]
    relief-desk dibao public-list -o FILE.pdf            (at the village: the notice board)
    relief-desk dibao change-notice [-o FILE.pdf] [--board TEXT]   (at the village: 变动公示,
                           reprinted with `notice pdf BD-YYYY-NNNN`)
    relief-desk dibao objection record|resolve|list …   (at the village: 变动公示的异议,
                           `cli/dibao_objections.py`)
    relief-desk dibao campaign open --villages CODE… --until YYYY-MM-DD
    relief-desk dibao campaign open --townships CODE… --until YYYY-MM-DD  (at the county)
    relief-desk dibao campaign status [--campaign YYYY-N] [--format table|json]
                                      [--pdf FILE.pdf] [--xlsx FILE.xlsx]
    relief-desk dibao campaign close [--pdf FILE.pdf] [--xlsx FILE.xlsx]

The village's review is the step `dibao_review` (`step APP_ID dibao_review --json FILE`);
the township decides it with `decide APP_ID --approve MONTHLY_YUAN [--class A|B|C]`
(`decide_review` here) or stops the household with `dibao stop`; `letter APP_ID`
prints the 停保通知书.

`list` shows the households in payment in the month (default: this month) with the
month's figures per village below; `figures` the figures alone. Both, the roster's PDF
and its workbook read one roster, so their totals agree."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli import dibao_objections
from desktop.cli.commands import with_store
from desktop.core import dibao
from desktop.core.dibao_review import STOP_REASONS
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan

URGENCY_LABELS = {"overdue": "已逾期", "due": "本月到期", "soon": "即将到期",
                  "pending": "复核待乡镇决定", "campaign": "清理检查待复核",
                  "recheck": "变动异议成立,待重新复核"}


def add_parsers(sub) -> None:
    from desktop.cli.parts import Parser, day

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
    stop = d.add_parser("stop", help="停保(乡镇):写明理由,打印停保通知书;收入超标的按政策渐退")
    stop.add_argument("app_id")
    stop.add_argument("--reason", required=True)
    stop.add_argument("--kind", choices=tuple(STOP_REASONS), default="other",
                      help="停保原因:" + "、".join(f"{k} {v}" for k, v in STOP_REASONS.items()))
    stop.add_argument("--letter", type=Path, help="同时生成停保通知书 PDF")
    change = d.add_parser("change-notice", help="低保变动公示(村):自上次变动公示以来乡镇决定的"
                                                "新纳入、调整、变更分类、停保")
    change.add_argument("-o", "--output", type=Path, help="同时生成公示 PDF")
    change.add_argument("--board", default="", help="张贴地点(默认:村务公开栏)")
    camp = d.add_parser("campaign", help="清理检查:开展、进度、结束汇总").add_subparsers(
        dest="campaign_command", required=True, parser_class=Parser)
    opening = camp.add_parser("open", help="对所选各村开展清理检查(每户一项复核任务)")
    opening.add_argument("--villages", nargs="+", default=[], metavar="CODE")
    opening.add_argument("--townships", nargs="+", default=[], metavar="CODE",
                         help="县局:对所选乡镇的全部村开展")
    opening.add_argument("--until", type=day, required=True, metavar="YYYY-MM-DD")
    for name, text in (("status", "清理检查进度(各村、各复核人员)"), ("close", "结束清理检查并汇总")):
        c = camp.add_parser(name, help=text)
        if name == "status":
            c.add_argument("--campaign", default="", metavar="YYYY-N")
            c.add_argument("--format", choices=("table", "json"), default="table")
        c.add_argument("--pdf", type=Path)
        c.add_argument("--xlsx", type=Path)
    public = d.add_parser("public-list", help="本村低保对象长期公示名单(张贴用 PDF)")
    public.add_argument("-o", "--output", type=Path, required=True)
    dibao_objections.add_parsers(d, Parser)


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
                           "next_review": r["next_review"], "urgency": r["urgency"],
                           "persons": r["persons"], "monthly_fen": r["monthly_fen"]}
                          for r in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("没有到期或即将到期的低保复核。")
    for r in rows:
        print(f"{r['case_id']}  {r['village']}  {r['name']}  {r['class']} 类  "
              f"{r['next_review']} 复核  {URGENCY_LABELS[r['urgency']]}")
    return 0


def stop(args, store, today) -> int:
    from desktop.dibao.reviews import Reviews, decided_text

    done = Reviews(store, today).stop(args.app_id, args.reason, args.kind)
    print(f"案件 {args.app_id}:{decided_text(done)}。决定将随下一次导出的数据包送回村里。")
    if args.letter:
        write_stop_letter(store, args.app_id, args.letter, today)
    return 0


def decide_review(args, store, today) -> int:
    """`decide APP_ID --approve YUAN [--class X]` of a household whose review waits."""
    from desktop.core.money import parse_yuan
    from desktop.dibao.reviews import Reviews, decided_text

    if args.start_month or args.county_ref or args.note or args.letter:
        raise Refusal("复核决定只用 --approve 每月金额和 --class 分类;生效月份为本村尚未发放的"
                      "第一个月。未做任何改动。")
    done = Reviews(store, today).decide(args.app_id, parse_yuan(args.approve),
                                        args.dibao_class)
    print(f"案件 {args.app_id}:{decided_text(done)}。决定将随下一次导出的数据包送回村里。")
    return 0


def write_stop_letter(store, case_id: str, path: Path, today) -> None:
    from desktop.printing.dibao_stop_letter import stop_letter_pdf
    from desktop.printing.output import save_document

    print(f"已生成停保通知书 {save_document(path, stop_letter_pdf(store, case_id, today))}")


def public_list(args, store, today) -> int:
    from desktop.printing.dibao_public_list import public_list_pdf, public_rows
    from desktop.printing.output import save_document

    if store.workstation["role"] != "village":
        raise Refusal("低保对象长期公示名单由村里张贴,请在村级工作站打印。")
    if args.output.suffix.lower() != ".pdf":
        raise Refusal(f"公示名单的文件名应以 .pdf 结尾,现在是“{args.output.name}”。")
    rows = public_rows(store, today)
    if not rows:
        raise Refusal("本村目前没有在保的低保户,公示名单是空的,未生成文件。")
    path = save_document(args.output, public_list_pdf(store, rows, today))
    print(f"已生成本村低保对象公示名单 {path}:{len(rows)} 户 "
          f"{sum(r['persons'] for r in rows)} 人。")
    return 0


def change_notice(args, store, today) -> int:
    from desktop.dibao.change_notices import issue
    from desktop.printing.notice_sheet import notice_pdf
    from desktop.printing.output import save_document

    if args.output is not None and args.output.suffix.lower() != ".pdf":
        raise Refusal(f"变动公示的文件名应以 .pdf 结尾,现在是“{args.output.name}”。")
    notice_id, count = issue(store, today, args.board)
    print(f"已发布低保变动公示 {notice_id}:{count} 项变动。")
    if args.output is not None:
        print(f"已生成 {save_document(args.output, notice_pdf(store, notice_id))}")
    else:
        print(f"打印:relief-desk notice pdf {notice_id} -o 文件.pdf")
    return 0


def campaign(args, store, today) -> int:
    from desktop.dibao import campaigns

    if store.workstation["role"] == "county":
        return county_campaign(args, store, today)
    if args.campaign_command == "open":
        if args.townships or not args.villages:
            raise Refusal("乡镇开展清理检查请用 --villages 列出各村代码(--townships 由县局使用)。"
                          "未做任何改动。")
        number = campaigns.open_campaign(store, args.villages, args.until, today)
        print(f"已开展清理检查 {number}:{len(set(args.villages))} 个村,截止 {args.until}。"
              f"各村在保户的复核任务随下一次导出的数据包送到各村。")
        return 0
    _check_suffixes(args)  # before closing: a refusal changes nothing
    if args.campaign_command == "close":
        c = campaigns.close_campaign(store, today)
    else:
        number = args.campaign or campaigns.latest(store.db)
        if not number:
            raise Refusal("还没有开展过清理检查。")
        c = campaigns.progress(store, number, today)
        if args.format == "json":
            print(json.dumps(_campaign_json(c), ensure_ascii=False, indent=1))
            return 0
    _print_campaign(c)
    _campaign_files(store, c, args, today)
    return 0


def county_campaign(args, store, today) -> int:
    """At the county: open over townships (or villages), close early; progress per
    township as each reported it; the summary as PDF."""
    from desktop.dibao import county_campaigns as cc

    if args.campaign_command == "open":
        if not (args.townships or args.villages):
            raise Refusal("请用 --townships 列出乡镇代码(或用 --villages 列出村代码)。未做任何改动。")
        number, n = cc.open_county_campaign(store, args.townships, args.villages, args.until,
                                            today)
        print(f"已开展清理检查 {number}:{n} 个乡镇,截止 {args.until}。"
              f"随下一次导出的数据包送到各乡镇,由乡镇转达各村。")
        return 0
    if args.xlsx:  # the county's summary is printed for the file
        raise Refusal("县局的清理检查汇总生成 PDF(--pdf),请去掉 --xlsx。未做任何改动。")
    _check_suffixes(args)
    if args.campaign_command == "close":
        c = cc.close_county_campaign(store, today)
        print(f"已结束清理检查 {c.campaign}(截止日期原为 {c.until})。随下一次导出的数据包"
              f"送到各乡镇,由乡镇在各村结束。")
    else:
        number = args.campaign or cc.latest_county(store.db)
        if not number:
            raise Refusal("本县还没有开展过清理检查。")
        c = cc.county_progress(store, number, today)
    if getattr(args, "format", "table") == "json":
        out = _campaign_json(c)
        out["townships"] = out.pop("villages")
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    _print_county_campaign(c)
    if args.pdf is not None:
        from desktop.printing.dibao_county_campaign import summary_pdf
        from desktop.printing.output import save_document

        print(f"已生成清理检查汇总 {save_document(args.pdf, summary_pdf(store, c, today))}")
    return 0


def _print_county_campaign(c) -> None:
    state = f"已于 {c.closed_on} 结束" if c.closed_on else f"进行中,截止 {c.until}"
    print(f"清理检查 {c.campaign}({c.opened_on} 开展,{state})")
    for t in c.villages:
        overdue = f"、逾期未复核 {t.overdue}" if c.closed_on else ""
        told = f"({t.reported_on} 报送)" if t.reported_on else "(尚未报送)"
        print(f"  {t.village}:应复核 {t.households} 户,已复核 {t.reviewed} 户;调整 "
              f"{t.adjusted}、停保 {t.stopped}、新纳入 {t.newly_found}{overdue}{told}")
    overdue = f"、逾期未复核 {c.total('overdue')}" if c.closed_on else ""
    print(f"  合计:应复核 {c.total('households')} 户,已复核 {c.total('reviewed')} 户;调整 "
          f"{c.total('adjusted')}、停保 {c.total('stopped')}、新纳入 {c.total('newly_found')}"
          f"{overdue}")
    print("  (各乡镇的数字由乡镇每次向县局导出数据包时报送。)")


def _campaign_json(c) -> dict:
    from dataclasses import asdict

    return {"campaign": c.campaign, "opened_on": c.opened_on, "until": c.until,
            "closed_on": c.closed_on, "issuer": c.issuer,
            "villages": [asdict(v) for v in c.villages]}


def _print_campaign(c) -> None:
    state = f"已于 {c.closed_on} 结束" if c.closed_on else f"进行中,截止 {c.until}"
    issuer = f"(名义:{c.issuer})" if c.issuer else ""
    print(f"清理检查 {c.campaign}{issuer}({c.opened_on} 开展,{state})")
    for v in c.villages:
        officers = "、".join(f"{k} {n} 户" for k, n in sorted(v.officers.items()))
        print(f"  {v.village}:应复核 {v.households} 户,已复核 {v.reviewed} 户;继续 "
              f"{v.continued}、调整 {v.adjusted}、停保 {v.stopped}、新纳入 {v.newly_found}"
              f"{'(' + officers + ')' if officers else ''}")
    print(f"  合计:应复核 {c.total('households')} 户,已复核 {c.total('reviewed')} 户;继续 "
          f"{c.total('continued')}、调整 {c.total('adjusted')}、停保 {c.total('stopped')}、"
          f"新纳入 {c.total('newly_found')}")


def _check_suffixes(args) -> None:
    for path, suffix in ((args.pdf, ".pdf"), (args.xlsx, ".xlsx")):
        if path is not None and path.suffix.lower() != suffix:
            raise Refusal(f"汇总文件名应以 {suffix} 结尾,现在是“{path.name}”。未做任何改动。")
        if path is not None and not path.parent.is_dir():
            raise Refusal(f"文件夹 {path.parent} 不存在。未做任何改动。")


def _campaign_files(store, c, args, today) -> None:
    from desktop.printing.dibao_campaign import summary_pdf, summary_xlsx
    from desktop.printing.output import save_document

    for path, build in ((args.pdf, summary_pdf), (args.xlsx, summary_xlsx)):
        if path is not None:
            print(f"已生成清理检查汇总 {save_document(path, build(store, c, today))}")


_COMMANDS = {"list": list_, "roster": roster_file, "pay": pay, "figures": figures, "due": due,
             "stop": stop, "public-list": public_list, "campaign": campaign,
             "change-notice": change_notice, "objection": dibao_objections.run}
COMMANDS: dict = {"dibao": with_store(run)}
