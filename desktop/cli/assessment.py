"""目标管理考核 on the command line (issue 14, item 7). No Qt here.

    relief-desk assessment --month YYYY-MM [--format table|json] [--pdf FILE] [--xlsx FILE]
        the township: its villages and its own line (as published, else as they stand);
        the county: every township and every village from the published reports;
        a village: its own line as the township sent it
    relief-desk assessment publish --month YYYY-MM [--correction]     at the township
    relief-desk assessment note --month YYYY-MM --text TEXT [--to CODE …]
        the month's 讲评, at the county (to its townships, or a village its township passes
        it on to) or the township (to its villages)"""

from __future__ import annotations

import json
from pathlib import Path

from desktop.cli.commands import with_store


def add_parsers(sub) -> None:
    from desktop.cli.parts import Parser as _Parser

    p = sub.add_parser("assessment", help="目标管理考核:月度考核结果、公布与讲评")
    _show_options(p)
    more = p.add_subparsers(dest="kh_command", parser_class=_Parser)
    pub = more.add_parser("publish", help="公布某月的考核(乡镇;随数据包报县、发到各村)")
    pub.add_argument("--month", required=True)
    pub.add_argument("--correction", action="store_true", help="更正已公布的考核(新版本)")
    note = more.add_parser("note", help="记录某月的考核讲评(随数据包发到下级)")
    note.add_argument("--month", required=True)
    note.add_argument("--text", required=True)
    note.add_argument("--to", nargs="*", default=[], metavar="CODE",
                      help="乡镇或村代码(默认:所有已登记的;县局也可写给各乡镇报来的村)")


def _show_options(p) -> None:
    p.add_argument("--month", default="")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--pdf", type=Path)
    p.add_argument("--xlsx", type=Path)


def assessment(args, store, today) -> int:
    from desktop.assessment import publish
    from desktop.core.errors import Refusal

    month = args.month or ""
    if not month:
        raise Refusal("请用 --month 指定考核月份,写作“年-月”,例如 --month 2026-11。")
    if args.kh_command == "publish":
        version = publish.publish(store, month, today, correction=args.correction)
        print(f"{month} 的考核已公布(第 {version} 版),将随下一次导出的数据包报县民政局、发到各村。")
        return 0
    if args.kh_command == "note":
        places = publish.note(store, month, args.text, today, args.to)
        print(f"{month} 的讲评已记录,发往 {len(places)} 处:{'、'.join(places)}"
              f"(随下一次导出的数据包送达)。")
        return 0
    return _show(args, store, today, month)


def _show(args, store, today, month: str) -> int:
    from desktop.assessment.report import assessment as compute
    from desktop.assessment.table import as_text

    a = compute(store, month, today)
    if args.pdf or args.xlsx:
        _save(args, a, today)
    if args.format == "json":
        print(json.dumps(a.as_json(), ensure_ascii=False, indent=1))
    elif not (args.pdf or args.xlsx):
        print("\n".join(as_text(a)))
    return 0


def _save(args, a, today) -> None:
    """The PDF and the workbook asked for: both written, or neither."""
    from desktop.printing.assessment_pdf import assessment_pdf
    from desktop.printing.assessment_xlsx import assessment_xlsx
    from desktop.printing.output import save_document, save_documents

    documents = [(path, make(a, today)) for path, make in
                 ((args.pdf, assessment_pdf), (args.xlsx, assessment_xlsx)) if path]
    if len(documents) == 1:
        save_document(*documents[0])
    else:
        save_documents(documents)
    for path, _ in documents:
        if args.format != "json":
            print(f"已导出 {path}")


COMMANDS: dict = {"assessment": with_store(assessment)}
