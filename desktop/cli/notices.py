"""Commands of public notices and printed documents (issue 3): `notice …`, `form pdf`,
`register`. Objections go through `relief-desk step APP_ID objection|resolve_objection`.
No Qt here; the work is in desktop.operations.notices and desktop.printing."""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from desktop.core.errors import Refusal
from desktop.core.status import STATUS_LABELS


def add_parsers(sub) -> None:
    """Add this feature's subcommands to the top-level parser's `sub`."""
    from desktop.cli.parts import day as _date

    notice = sub.add_parser("notice", help="张榜公示:建立、列出、结束、打印").add_subparsers(
        dest="notice_command", required=True, parser_class=sub._parser_class)
    create = notice.add_parser("create", help="把初审通过的案件张榜公示,打印公示编号")
    create.add_argument("app_ids", nargs="+", metavar="APP_ID")
    create.add_argument("--start", type=_date, help="公示开始日期(默认今天)")
    create.add_argument("--days", type=int, help="公示天数(默认按设置,7 天)")
    create.add_argument("--board", help="张贴地点(默认 村务公开栏)")
    lst = notice.add_parser("list", help="列出公示:剩余天数、未处理异议、是否已存照片")
    lst.add_argument("--format", choices=("table", "json"), default="table")
    close = notice.add_parser("close", help="公示期满后结束公示")
    close.add_argument("notice_id")
    close.add_argument("--date", type=_date, help="结束日期(默认今天)")
    pdf = notice.add_parser("pdf", help="生成公示 PDF")
    pdf.add_argument("notice_id")
    pdf.add_argument("-o", "--output", required=True, type=Path)
    result = notice.add_parser("result", help="对已批准的案件发布结果公示,打印公示编号")
    result.add_argument("app_ids", nargs="+", metavar="APP_ID")
    result.add_argument("--date", type=_date, help="公示日期(默认今天)")
    result.add_argument("--days", type=int)
    result.add_argument("--board")
    photo = notice.add_parser("photo", help="附上张贴现场的照片")
    photo.add_argument("notice_id")
    photo.add_argument("file", type=Path)
    photo.add_argument("--date", type=_date)
    phones = notice.add_parser("phones", help="设置公示上的异议反映电话")
    phones.add_argument("--village", help="村委会电话")
    phones.add_argument("--township", help="乡镇民政办电话")

    form = sub.add_parser("form", help="打印申请审批表").add_subparsers(
        dest="form_command", required=True, parser_class=sub._parser_class)
    form_pdf = form.add_parser("pdf", help="一个案件的临时救助申请审批表 PDF")
    form_pdf.add_argument("app_id")
    form_pdf.add_argument("-o", "--output", required=True, type=Path)

    register = sub.add_parser("register", help="导出台账(PDF 或 Excel),可按状态、年度、关键字筛选")
    register.add_argument("--format", choices=("pdf", "xlsx"), required=True)
    register.add_argument("-o", "--output", required=True, type=Path)
    register.add_argument("--status")
    register.add_argument("--year", type=int)
    register.add_argument("--search", default="")


@contextmanager
def _store(data_dir):
    from desktop.storage.store import Store

    store = Store.open(data_dir)
    try:
        yield store
    finally:
        store.close()


def notice(args, data_dir, today: date) -> int:
    from desktop.operations.notices import Notices

    with _store(data_dir) as store:
        n = Notices(store, today)
        return _NOTICE[args.notice_command](n, args)


def _create(n, args) -> int:
    print(n.create(args.app_ids, start=args.start, days=args.days, board=args.board))
    return 0


def _result(n, args) -> int:
    print(n.post_results(args.app_ids, on=args.date, days=args.days, board=args.board))
    return 0


def _close(n, args) -> int:
    ids = n.close(args.notice_id, args.date)
    print(f"公示 {args.notice_id} 已结束,{len(ids)} 件案件公示期满:{', '.join(ids)}")
    return 0


def _photo(n, args) -> int:
    digest = n.attach_photo(args.notice_id, args.file, args.date)
    print(f"已附上公示 {args.notice_id} 的张贴照片({digest[:12]}…)")
    return 0


def _phones(n, args) -> int:
    n.set_phones(args.village, args.township)
    p = n.store.policy
    print(f"村委会电话:{p.village_committee_phone or '未设置'}  "
          f"乡镇民政办电话:{p.township_office_phone or '未设置'}")
    return 0


def _pdf(n, args) -> int:
    from desktop.printing.notice_sheet import notice_pdf
    from desktop.printing.output import save_document

    path = save_document(args.output, notice_pdf(n.store, args.notice_id))
    print(f"已生成 {path}")
    return 0


def _list(n, args) -> int:
    from desktop.textout import table

    batches = n.batches()
    if args.format == "json":
        print(json.dumps(batches, ensure_ascii=False, indent=1))
        return 0
    headers = ["公示编号", "类别", "状态", "公示期", "剩余天数", "案件", "未处理异议", "照片"]
    rows = [[b["notice_id"], b["kind_label"], b["status_label"],
             f"{b['start']} 至 {b['last_day']}", str(b["days_left"]), str(b["cases"]),
             str(b["open_objections"]), "已存" if b["photo"] else "未存"] for b in batches]
    print(table(headers, rows))
    print(f"共 {len(batches)} 批公示")
    return 0


_NOTICE = {"create": _create, "result": _result, "close": _close, "photo": _photo,
           "phones": _phones, "pdf": _pdf, "list": _list}


def form(args, data_dir, today: date) -> int:
    from desktop.printing.approval_form import form_pdf
    from desktop.printing.output import save_document

    with _store(data_dir) as store:
        path = save_document(args.output, form_pdf(store, args.app_id, today))
    print(f"已生成 {path}")
    return 0


def register(args, data_dir, today: date) -> int:
    from desktop.printing import register as reg
    from desktop.printing.output import save_document
    from desktop.storage.queries import LedgerFilter

    if args.status and args.status not in STATUS_LABELS:
        raise Refusal(f"没有“{args.status}”这个状态。可用的状态:{'、'.join(STATUS_LABELS)}。")
    flt = LedgerFilter(status=args.status, year=args.year, text=args.search)
    build = reg.register_pdf if args.format == "pdf" else reg.register_xlsx
    with _store(data_dir) as store:
        path = save_document(args.output, build(store, flt, today))
    print(f"已生成 {path}")
    return 0


COMMANDS: dict = {"notice": notice, "form": form, "register": register}


def _selfcheck_notice(ctx) -> str:
    """A notice sheet is posted from the demo cases and rendered with its fonts embedded,
    showing the names and none of the ID numbers."""
    from desktop.cli.selfcheck import pdf_embeds_font
    from desktop.operations.notices import Notices
    from desktop.printing.notice_sheet import notice_pdf

    store = ctx.need_store()
    ready = [r[0] for r in store.db.execute(
        "SELECT id FROM applications WHERE status = 'reviewed' ORDER BY id")]
    if not ready:
        raise RuntimeError("演示数据中没有初审通过的案件")
    notice_id = Notices(store, ctx.today).create(ready[:1])
    out = ctx.scratch / "selfcheck-notice.pdf"
    out.write_bytes(notice_pdf(store, notice_id))
    if not pdf_embeds_font(out):
        raise RuntimeError("公示 PDF 没有嵌入字体")
    return f"{notice_id},{out.stat().st_size // 1024} KB"


SELFCHECKS = [("公示 PDF", _selfcheck_notice)]
