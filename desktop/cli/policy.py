"""Policy issued from above (issue 14 item 4). No Qt here.

    relief-desk policy show [--format text|json]     the policy in force here, and whence
    relief-desk policy issue FILE.json --effective YYYY-MM-DD
                                     a new edition (township now, county later), sent
                                     down with the next bundle to every place below"""

from __future__ import annotations

import json

from desktop.cli.commands import read_json, with_store
from desktop.core.setting_labels import setting_label
from desktop.core.setting_values import shown_setting
from desktop.operations.editions import policy_report
from desktop.storage.edition_projections import held


def add_parsers(sub) -> None:
    from desktop.cli.parts import Parser as _Parser
    from desktop.cli.parts import day as _date

    pol = sub.add_parser("policy", help="政策:本机施行的版本、发布新版").add_subparsers(
        dest="policy_command", required=True, parser_class=_Parser)
    show = pol.add_parser("show", help="显示本机施行的政策版本、发布机关、施行日期和各项设置")
    show.add_argument("--format", choices=("text", "json"), default="text")
    issue = pol.add_parser("issue", help="发布新版政策(随下一个数据包送达下级工作站)")
    issue.add_argument("file", help="政策内容 JSON 文件,或 - 表示标准输入")
    issue.add_argument("--effective", type=_date, required=True, help="施行日期 YYYY-MM-DD")


def policy(args, store, today) -> int:
    if args.policy_command == "issue":
        from desktop.operations.editions import edition_fields, issue_edition

        settings, version, note = edition_fields(read_json(args.file))
        rid = issue_edition(store, settings, args.effective, today, version=version, note=note)
        print(f"已发布 {_title(store, rid)}。下次导出数据包时送达各下级工作站。")
        return 0
    report = policy_report(store, today)
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(describe(report))
    return 0


def _title(store, rid: str) -> str:
    return next(e.title for e in held(store.db) if e.record_id == rid)


def describe(report: dict) -> str:
    lines = [f"本机施行的政策({report['date']}):"]
    for e in report["in_force"]:
        lines.append(f"  {e['issuer']} 第 {e['version']} 版,自 {e['effective']} 起施行"
                     f"({e['issued']} 发布,记录 {e['record_id']})")
    if not report["in_force"]:
        lines.append("  没有上级发布的政策版本,全部为本机设置。")
    for e in report["upcoming"]:
        lines.append(f"  即将施行:{e['issuer']} 第 {e['version']} 版,自 {e['effective']} 起")
    issuers = {e["record_id"]: f"{e['issuer']}第 {e['version']} 版" for e in report["in_force"]}
    for key, s in report["settings"].items():
        # in words, as the 本机政策 table shows it (元, 是/否, a choice's name); the key
        # last, for the policy file and `--format json`
        label, shown = setting_label(key), shown_setting(key, s["value"])
        if "元" in label:  # (its label names the unit already)
            shown = shown.removesuffix(" 元")
        lines.append(f"  {label}:{shown or '(无)'}"
                     f"  [{issuers.get(s['source'], '本机设置')}]  ({key})")
    return "\n".join(lines)


COMMANDS: dict = {"policy": with_store(policy)}
