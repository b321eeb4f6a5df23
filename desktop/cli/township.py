"""Commands of the township workstation (issue 5). No Qt here.

    relief-desk queue [--village CODE] [--category C] [--format table|json]
    relief-desk inbox
    relief-desk decide APP_ID --approve YUAN | --reject REASON | --refer | --return REASON
                       [--county-ref TEXT] [--note TEXT] [--letter FILE.pdf]
                       [--class A|B|C] [--from YYYY-MM]   (低保: YUAN is the monthly amount)
    relief-desk letter APP_ID -o FILE.pdf
    relief-desk pay APP_ID --amount YUAN --method 一卡通|农商银行|现金 [--date YYYY-MM-DD]
    relief-desk filing export --to DIR [--month YYYY-MM | --from DATE --to-date DATE]
    relief-desk filing verify FILE --card TOWNSHIP-CARD.json [--fingerprint FP]
    relief-desk figures [--month YYYY-MM] [--xlsx FILE.xlsx]"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli.commands import with_store
from desktop.core import clock
from desktop.core.categories import DELIVERY_METHODS, PAYMENT_METHODS, category_label
from desktop.core.county_steps import DECISIONS
from desktop.core.errors import Refusal
from desktop.core.money import format_yuan, parse_yuan
from desktop.core.status import status_label


def add_parsers(sub) -> None:
    from desktop.cli.parts import Parser as _Parser
    from desktop.cli.parts import day as _date

    q = sub.add_parser("queue", help="乡镇审批队列(各村待决定的案件及风险提示)")
    q.add_argument("--village", default="")
    q.add_argument("--category", default="")
    q.add_argument("--format", choices=("table", "json"), default="table")
    sub.add_parser("inbox", help="各村报送情况:最近收到的数据包、长期未报送的村")
    d = sub.add_parser("decide", help="乡镇审批:批准、不批准、转县审批、退回补充")
    how = d.add_mutually_exclusive_group(required=True)
    how.add_argument("--approve", metavar="AMOUNT_YUAN")
    how.add_argument("--reject", metavar="REASON")
    how.add_argument("--refer", action="store_true")
    how.add_argument("--return", dest="return_reason", metavar="REASON")
    d.add_argument("app_id")
    d.add_argument("--county-ref", default="", help="转县审批的案件:县民政局批复文号")
    d.add_argument("--note", default="",
                   help="转县审批的说明;批准金额低于先行救助时:追回或说明")
    d.add_argument("--letter", type=Path, help="不批准时同时生成不予批准通知书 PDF")
    d.add_argument("--class", dest="dibao_class", choices=("A", "B", "C"), default="",
                   help="低保案件:分类(A 类每年复核,B 类半年,C 类每季度;周期为县里的设置)")
    d.add_argument("--from", dest="start_month", default="", metavar="YYYY-MM",
                   help="低保案件:保障金起始月份(默认批准当月)")
    letter = sub.add_parser("letter", help="打印不予受理、初审不通过或不予批准通知书 PDF")
    letter.add_argument("app_id")
    letter.add_argument("-o", "--output", type=Path, required=True)
    sent = sub.add_parser("notified", help="登记不予批准通知书已送达申请人(结束书面告知期限)")
    sent.add_argument("app_id")
    sent.add_argument("--how", required=True, choices=DELIVERY_METHODS)
    sent.add_argument("--letter-no", default="")
    sent.add_argument("--date", type=_date)
    pay = sub.add_parser("pay", help="登记发放(确认到账后)")
    pay.add_argument("app_id")
    pay.add_argument("--amount", required=True, metavar="YUAN")
    pay.add_argument("--method", required=True, choices=PAYMENT_METHODS)
    pay.add_argument("--date", type=_date)
    filing = sub.add_parser("filing", help="向县民政局备案").add_subparsers(
        dest="filing_command", required=True, parser_class=_Parser)
    exp = filing.add_parser("export", help="导出备案登记册(PDF、Excel、签名文件)")
    exp.add_argument("--to", type=Path, required=True, dest="to")
    exp.add_argument("--month", default="")
    exp.add_argument("--from", type=_date, dest="start")
    exp.add_argument("--to-date", type=_date, dest="end")
    ver = filing.add_parser("verify", help="用乡镇身份文件核对备案签名文件")
    ver.add_argument("file", type=Path)
    ver.add_argument("--card", type=Path, required=True)
    ver.add_argument("--fingerprint", default="",
                     help="乡镇身份信息表上的指纹(30 位数字):由本程序逐位核对")
    fig = sub.add_parser("figures", help="各村月度统计(目标管理考核)")
    fig.add_argument("--month", default="")
    fig.add_argument("--xlsx", type=Path)


def queue(args, store, today) -> int:
    from desktop.township.queue import QueueFilter, queue_count, queue_page

    county = store.workstation["role"] == "county"  # the county's queue: referred cases
    flt = QueueFilter(village=args.village, category=args.category,
                      status="referred" if county else "")
    total = queue_count(store.db, flt, today, store.policy)
    rows = queue_page(store.db, flt, today, store.policy, 0, max(total, 1))
    if args.format == "json":
        print(json.dumps([_queue_json(r) for r in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("审批队列是空的:没有待决定的案件。" if not county else
              "没有待县局审批的案件(各乡镇转县审批的案件随乡镇的数据包到达)。")
    for r in rows:
        flags = "、".join(f.label for f in r["flags"])
        print(f"{r['id']}  {r['village_name']}  {r['applicant_name']}  "
              f"{category_label(r['category'])}  {format_yuan(r['amount_fen'])} 元  "
              f"{status_label(r['status'])}  已等 {r['waiting_days']} 个工作日"
              f"(期限 {r['decision_due']}){'  ⚠ ' + flags if flags else ''}")
    return 0


def _queue_json(r: dict) -> dict:
    keys = ("id", "status", "village_code", "village_name", "applicant_name", "category",
            "reason", "amount_fen", "arrived_on", "waiting_days", "urgency")
    out = {k: r[k] for k in keys}
    out["decision_due"] = r["decision_due"].isoformat()
    out["flags"] = [{"code": f.code, "label": f.label, "text": f.text} for f in r["flags"]]
    return out


def inbox(args, store, today) -> int:
    from desktop.township.villages import inbox, received_bundles

    county = store.workstation["role"] == "county"  # its townships, not villages
    villages = inbox(store.db, today, store.policy, "township" if county else "village")
    if not villages:
        print("还没有登记任何乡镇。请用 relief-desk enroll 登记各乡镇的身份文件。" if county
              else "还没有登记任何村。请用 relief-desk enroll 登记各村的身份文件。")
    for v in villages:
        mark = f"  ⚠ 已 {v.silent_days} 天未报送" if v.silent else ""
        print(f"{v.name}({v.code})  最近收到 {v.last_bundle_at or '从未'}  数据包 {v.bundles} 个"
              f"  案件 {v.cases} 件  待决定 {v.awaiting} 件{mark}")
    for b in received_bundles(store.db, 10):
        print(f"  {clock.local_minute(b['imported_at'])}  {b['place']}  {b['file_name']}"
              f"  新事件 {b['new_events']} 个")
    return 0


def decide(args, store, today) -> int:
    if store.workstation["role"] == "county":
        return _county_decide(args, store, today)
    from desktop.dibao.reviews import awaiting_decision
    from desktop.township.decisions import Decisions

    if args.approve is not None and awaiting_decision(store.db, args.app_id):  # 低保复核
        from desktop.cli.dibao import decide_review

        return decide_review(args, store, today)
    work = Decisions(store, today)
    if (args.dibao_class or args.start_month) and args.approve is None:
        raise Refusal("--class 和 --from 只用于批准低保案件(--approve 每月金额)。未做任何改动。")
    if args.approve is not None:
        status = work.approve(args.app_id, parse_yuan(args.approve), args.county_ref,
                              args.note, dibao_class=args.dibao_class,
                              start_month=args.start_month)
    elif args.reject is not None:
        status = work.reject(args.app_id, args.reject, args.county_ref)
    elif args.refer:
        status = work.refer(args.app_id, args.note)
    else:
        status = work.return_(args.app_id, args.return_reason)
    print(f"案件 {args.app_id}:{status_label(status)}。决定将随下一次导出的数据包送回村里。")
    if args.approve is not None and args.dibao_class:
        _print_enrolled(store, args.app_id)
    if status == "rejected" and args.letter:
        _write_letter(store, args.app_id, args.letter, today)
    return 0


def _county_decide(args, store, today) -> int:
    from desktop.county.decisions import CountyDecisions

    if args.refer or args.county_ref or args.note:
        raise Refusal("县民政局的决定只有 --approve 金额、--reject 理由 或 --return 理由。")
    work = CountyDecisions(store, today)
    if args.approve is not None:
        work.approve(args.app_id, parse_yuan(args.approve))
    elif args.reject is not None:
        work.reject(args.app_id, args.reject)
    else:
        work.return_(args.app_id, args.return_reason)
    decided = json.loads(store.db["applications"].get(args.app_id)["county_decision"])
    print(f"案件 {args.app_id}:县局已决定{DECISIONS[decided['decision']]}({decided['ref']})。"
          f"决定将随下一次导出的数据包送到乡镇,由乡镇登记并送回村里。")
    return 0


def _print_enrolled(store, case_id: str) -> None:
    from desktop.dibao.households import enrolled

    for h in enrolled(store.db, case_id):
        print(f"已纳入低保:每月 {format_yuan(h['monthly_fen'], grouped=True)} 元,"
              f"{h['class']} 类,{h['since_month']} 起发放,{h['next_review']} 复核。")


def letter(args, store, today) -> int:
    _write_letter(store, args.app_id, args.output, today)
    return 0


def _write_letter(store, case_id: str, path: Path, today) -> None:
    """At the village: 不予受理 or 初审不通过; at the township: 不予批准 (or 停保)."""
    from desktop.printing.dibao_stop_letter import is_stopped

    if is_stopped(store.db, case_id):
        from desktop.cli.dibao import write_stop_letter

        return write_stop_letter(store, case_id, path, today)
    from desktop.printing.decision_letter import letter_pdf, letter_title
    from desktop.printing.output import save_document

    pdf = letter_pdf(store, case_id, today)
    print(f"已生成{letter_title(store.db, case_id)} {save_document(path, pdf)}")


def notified(args, store, today) -> int:
    from desktop.township.decisions import Decisions

    Decisions(store, today).notify_rejection(args.app_id, args.how, args.letter_no, args.date)
    print(f"案件 {args.app_id}:已登记送达({args.how}),书面告知期限已结束。")
    return 0


def pay(args, store, today) -> int:
    from desktop.township.decisions import Decisions

    Decisions(store, today).pay(args.app_id, parse_yuan(args.amount), args.method, args.date)
    print(f"案件 {args.app_id}:已登记发放 {format_yuan(parse_yuan(args.amount))} 元"
          f"({args.method})。")
    return 0


def filing(args, data_dir, today) -> int:
    """`filing verify` needs no workstation (the county has none): only the card."""
    if args.filing_command == "verify":
        return _verify(args)
    return with_store(_export_filing)(args, data_dir, today)


def _verify(args) -> int:
    from desktop.sync.identity import fingerprint, read_card, show_fingerprint, typed_fingerprint
    from desktop.township.filing_verify import verify_filing

    typed = typed_fingerprint(args.fingerprint) if args.fingerprint else ""
    card = read_card(args.card)
    print(f"身份文件:{card['township']}({card['township_code']})"
          f"  指纹 {show_fingerprint(fingerprint(card))}")
    body = verify_filing(args.file, card, typed)
    t = body["totals"]
    what = (f"{body['township']['township']} 备案登记册 {body['register_no']}"
            f"({body['period']['start']} 至 {body['period']['end']}),{t['cases']} 户,批准 "
            f"{format_yuan(t['approved_fen'], grouped=True)} 元,发放 "
            f"{format_yuan(t['paid_fen'], grouped=True)} 元;PDF 和 Excel 与签名相符。")
    if typed:
        print(f"签名有效,指纹已核对:{what}")
        return 0
    print(f"签名与所给身份文件相符:{what}")
    print("请把上面的指纹与乡镇民政办身份信息表上的指纹逐组核对:一致,才说明这份备案确由该乡镇"
          "签发(也可以用 --fingerprint 给出身份信息表上的指纹,由本程序核对)。")
    return 0


def _export_filing(args, store, today) -> int:
    from desktop.township import filing as f

    period = f.period_of(today, args.month, args.start, args.end)
    done = f.export_filing(store, args.to, period, today)
    t = done.totals
    print(f"备案登记册 {done.register_no}({period.label}):{t['cases']} 户,批准 "
          f"{format_yuan(t['approved_fen'], grouped=True)} 元,发放 "
          f"{format_yuan(t['paid_fen'], grouped=True)} 元;这些案件已备案。")
    for path in done.paths:
        print(f"  已写入 {path}")
    return 0


def figures(args, store, today) -> int:
    from desktop.township.figures import MONEY_COLUMNS, monthly_figures, table_rows

    month = args.month or today.strftime("%Y-%m")
    figs = monthly_figures(store.db, month, store.policy)
    if args.xlsx:
        from desktop.printing.figures_xlsx import figures_xlsx
        from desktop.printing.output import save_document

        save_document(args.xlsx, figures_xlsx(figs, store.workstation["township"]))
        print(f"已导出 {args.xlsx}")
        return 0
    headers, rows = table_rows(figs)
    print("\t".join(headers))
    for row in rows:
        print("\t".join("—" if v is None else format_yuan(v) if j in MONEY_COLUMNS else str(v)
                        for j, v in enumerate(row)))
    return 0


COMMANDS: dict = {name: with_store(fn) for name, fn in (
    ("queue", queue), ("inbox", inbox), ("decide", decide), ("letter", letter),
    ("notified", notified), ("pay", pay), ("figures", figures))} | {"filing": filing}
