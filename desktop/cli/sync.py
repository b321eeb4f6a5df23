"""Commands of sync: identity, enroll, bundle (issue 4). No Qt here.

    relief-desk identity show | identity export -o FILE | identity sheet -o FILE.pdf
    relief-desk enroll FILE [--fingerprint FP] [--replace]
    relief-desk peers
    relief-desk bundle export --to DIR | bundle verify FILE | bundle import FILE…"""

from __future__ import annotations

import errno
import sqlite3
import sys
from pathlib import Path

from desktop.cli.commands import with_store
from desktop.core.errors import Refusal


def add_parsers(sub) -> None:
    from desktop.cli.parts import Parser as _Parser

    ident = sub.add_parser("identity", help="本机身份:指纹、身份文件、身份信息表").add_subparsers(
        dest="identity_command", required=True, parser_class=_Parser)
    ident.add_parser("show", help="显示本机身份和指纹")
    for name, help_text in (("export", "导出身份文件(交给对方登记)"),
                            ("sheet", "生成可打印的身份信息表 PDF")):
        p = ident.add_parser(name, help=help_text)
        p.add_argument("-o", "--output", type=Path, required=True)
    enroll = sub.add_parser("enroll", help="登记对方工作站的身份文件")
    enroll.add_argument("file", type=Path)
    enroll.add_argument("--fingerprint", help="对方身份信息表上的指纹(30 位数字)")
    enroll.add_argument("--replace", action="store_true", help="对方换了密钥时替换原登记")
    sub.add_parser("peers", help="已登记的工作站")
    bun = sub.add_parser("bundle", help="数据包:导出、核对、导入").add_subparsers(
        dest="bundle_command", required=True, parser_class=_Parser)
    exp = bun.add_parser("export", help="导出数据包到文件夹(U 盘)")
    exp.add_argument("--to", type=Path, required=True, dest="to")
    exp.add_argument("--resend", action="store_true",
                     help="重新发送全部事件(不论对方回执到哪里;对方已有的会自动跳过)")
    bun.add_parser("verify", help="核对数据包(不导入)").add_argument("file", type=Path)
    bun.add_parser("import", help="导入数据包").add_argument("files", type=Path, nargs="+")


def identity(args, store, today) -> int:
    from desktop.sync.identity import export_card, fingerprint, own_card, show_fingerprint
    from desktop.sync.sheet import write_sheet

    card = own_card(store)
    if args.identity_command == "export":
        export_card(store, args.output)
        print(f"已导出身份文件 {args.output}")
    elif args.identity_command == "sheet":
        write_sheet(card, args.output, today)
        print(f"已生成身份信息表 {args.output}")
    else:
        print(describe_card(card))
        return 0
    print(f"指纹 {show_fingerprint(fingerprint(card))}")
    return 0


def describe_card(card: dict) -> str:
    from desktop.core.workstation import ROLES
    from desktop.sync.identity import fingerprint, show_fingerprint

    place = "".join(card.get(k) or "" for k in ("county", "township", "village"))
    return (f"工作站 {card['workstation_id']}\n{ROLES[card['role']]} {place}"
            f"({card.get('village_code') or card.get('township_code')})\n"
            f"经办人 {card.get('officer', '')}\n指纹 {show_fingerprint(fingerprint(card))}")


def enroll(args, store, today) -> int:
    from desktop.sync.identity import fingerprint, read_card, typed_fingerprint
    from desktop.sync.peers import check_scope, enroll

    card = read_card(args.file)
    check_scope(store.workstation, card)
    if args.fingerprint:
        typed = typed_fingerprint(args.fingerprint)
    elif sys.stdin.isatty():
        print(describe_card(card))
        answer = input("与对方身份信息表上的指纹逐组核对,完全一致吗?[是/否] ").strip()
        typed = fingerprint(card) if answer in ("是", "y", "Y", "yes") else ""
        if not typed:
            raise Refusal("指纹未确认,未登记。")
    else:
        raise Refusal(f"请先与对方身份信息表上的指纹逐组核对,再用 --fingerprint 给出指纹登记。"
                      f"此文件显示的是:{describe_card(card).splitlines()[-1]}")
    done = enroll(store, card, confirmed_fingerprint=typed, replace=args.replace)
    print(describe_card(card))
    if done.already:
        print("此工作站早已登记,身份未变,无需改动。")
    else:
        if done.replaced:
            print(f"警告:已替换原登记的 {len(done.replaced)} 个工作站;原密钥签名的数据包将不再被接受。")
        print("已登记。")
    return 0


def peers(args, store, today) -> int:
    from desktop.sync.identity import show_fingerprint
    from desktop.sync.peers import active_peers

    rows = active_peers(store.db)
    if not rows:
        print("尚未登记任何工作站。")
    for p in rows:
        print(f"{p['village'] or p['township']}  {p['village_code'] or p['township_code']}  "
              f"{p['workstation_id']}  指纹 {show_fingerprint(p['fingerprint'])}")
    return 0


def bundle(args, store, today) -> int:
    if args.bundle_command == "export":
        return _export(args, store, today)
    if args.bundle_command == "verify":
        from desktop.sync.inspect import inspect_bundle

        print(inspect_bundle(store, args.file))
        return 0
    from desktop.sync.importer import describe, import_files
    from desktop.sync.verify import NOTHING_CHANGED

    try:
        reports = import_files(store, args.files, today)
    except (OSError, sqlite3.OperationalError) as exc:
        if not disk_full(exc):
            raise
        raise Refusal(f"本机磁盘已满,数据包未导入:请删除不需要的文件(或把旧备份移到 U 盘)、"
                      f"腾出空间后重新导入。{NOTHING_CHANGED}") from None
    for r in reports:
        print(describe(r), file=sys.stdout if r.ok and not r.refused else sys.stderr)
    # a refused event is a refusal too: a script must not take the import as complete
    return 0 if all(r.ok and not r.refused for r in reports) else 2


def disk_full(exc: Exception) -> bool:
    """The disk (or the user's quota) is full: a file write's ENOSPC, SQLite's SQLITE_FULL."""
    if isinstance(exc, sqlite3.OperationalError):
        return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL \
            or "full" in str(exc)
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)


def _export(args, store, today) -> int:
    from desktop.sync.export import export_bundles

    done = export_bundles(store, args.to, today, resend=args.resend)
    if not done:
        print("没有需要发送的新内容,未生成数据包。")
    for e in done:
        rng = f"事件 {e.first_seq}–{e.last_seq}" if e.events else "无新事件(仅回执)"
        print(f"已导出 {e.path}(发给 {e.recipient}:{rng},附件 {e.attachments} 个)")
        if e.submitted:
            print(f"  随包上报案件 {len(e.submitted)} 件:{'、'.join(e.submitted)}")
    return 0


COMMANDS: dict = {"identity": with_store(identity), "enroll": with_store(enroll),
                  "peers": with_store(peers), "bundle": with_store(bundle)}


def _selfcheck_bundle(ctx) -> str:
    """The demo village and a scratch township enroll each other; the village's bundle
    is written, verified and imported at the township."""
    from desktop.operations.setup import create_workstation
    from desktop.sync.export import export_bundles
    from desktop.sync.identity import fingerprint, own_card
    from desktop.sync.importer import import_files
    from desktop.sync.peers import enroll

    village = ctx.need_store()
    ws = village.workstation
    township = create_workstation(ctx.scratch / "township", {
        "role": "township", "county": ws["county"], "county_code": ws["county_code"],
        "township": ws["township"], "township_code": ws["township_code"],
        "officer": "自检"})
    try:
        for me, other in ((village, township), (township, village)):
            card = own_card(other)
            enroll(me, card, confirmed_fingerprint=fingerprint(card))
        usb = ctx.scratch / "usb"
        usb.mkdir()
        (done,) = export_bundles(village, usb, ctx.today)
        (report,) = import_files(township, [done.path], ctx.today)
        if not report.ok or report.refused:
            raise RuntimeError("乡镇导入数据包未成功")
        count = township.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        township.close()
    return f"{done.path.name},乡镇收到 {count} 个事件"


SELFCHECKS = [("数据包", _selfcheck_bundle)]
