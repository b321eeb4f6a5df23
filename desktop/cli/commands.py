"""What each command-line command does (parsing is in cli.py)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from desktop.core import clock
from desktop.core.errors import Refusal
from desktop.core.rulebook import STEPS
from desktop.core.status import STATUS_LABELS
from desktop.operations.setup import create_workstation
from desktop.paths import default_data_dir
from desktop.storage.store import Store

MAX_INPUT_BYTES = 50 * 1024 * 1024


def run(args) -> int:
    from desktop.safety.passphrase import install_terminal_prompt

    data_dir = args.data_dir or default_data_dir()
    today = args.today or clock.today()
    install_terminal_prompt()
    if args.command == "check-id":
        return check_id(args, today)
    if args.command == "init":
        return init(args, data_dir)
    if args.command == "demo":
        return demo(args, data_dir, today)
    if args.command == "selfcheck":
        from desktop.cli.selfcheck import selfcheck

        return selfcheck(args, data_dir, today)
    from desktop.cli.parts import feature_modules

    for module in feature_modules():
        if args.command in module.COMMANDS:
            return module.COMMANDS[args.command](args, data_dir, today)
    store = Store.open(data_dir, today)  # the policy in force on that day
    try:
        return _with_store(args, store, today)
    finally:
        store.close()


def _with_store(args, store: Store, today: date) -> int:
    from desktop.cli import listing
    from desktop.operations.casework import Casework

    if args.command == "rebuild":
        n = store.rebuild()
        print(f"已由事件日志重建台账:重放 {n} 个事件。")
        return 0
    if args.command == "step":
        fields = read_json(args.json_file) if args.json_file else {}
        if isinstance(fields, dict) and args.action in STEPS \
                and "date" in STEPS[args.action].keys:
            fields.setdefault("date", today.isoformat())
        status = Casework(store, today).step(args.app_id, args.action, fields)
        print(f"{args.app_id}: {STATUS_LABELS[status]} ({status})")
        return 0
    if args.apps_command == "add":
        ids = Casework(store, today).receive_many(read_json(args.file))
        print(f"已登记 {len(ids)} 件申请:{', '.join(ids)}")
        return 0
    if args.apps_command == "list":
        return listing.print_list(store, args, today)
    return listing.print_case(store, args, today)


def with_store(handler):
    """A feature's command handler(args, store, today) as handler(args, data_dir, today):
    the store is opened for it and closed after, whatever happens."""
    def run(args, data_dir, today) -> int:
        store = Store.open(data_dir, today)
        try:
            return handler(args, store, today)
        finally:
            store.close()
    return run


def check_id(args, today: date) -> int:
    from desktop.core.idnumber import parse_id_number

    info = parse_id_number(args.number, today)
    if args.format == "json":
        print(json.dumps({"id_number": info.number, "birth_date": info.birth_date.isoformat(),
                          "sex": info.sex, "region_code": info.region_code},
                         ensure_ascii=False))
    else:
        print(f"{info.number}\n出生日期 {info.birth_date.isoformat()}\n性别 {info.sex}")
    return 0


def init(args, data_dir: Path) -> int:
    identity = {"role": args.role, "county": args.county, "county_code": args.county_code,
                "township": args.township, "township_code": args.township_code,
                "village": args.village, "village_code": args.village_code,
                "officer": args.officer}
    from desktop.core.workstation import check_workstation
    from desktop.safety.passphrase import OFFICER_ENV, obtain
    from desktop.sync.keys import check_new_passphrase

    check_workstation(identity)  # a typing error is said before the passphrase is asked
    secret = check_new_passphrase(obtain(OFFICER_ENV, "请设置本机口令(保护本机密钥,请牢记)",
                                         confirm=True, needed_for="建立工作站"))
    store = create_workstation(data_dir, identity, passphrase=secret)
    ws = store.workstation
    store.close()
    print(f"已建立工作站 {ws['id']}({ws['village'] or ws['township'] or ws['county']}),数据目录 {data_dir}")
    return 0


def demo(args, data_dir: Path, today: date) -> int:
    if args.training:
        return training(args, today)
    from desktop.demo.village import load_demo, open_demo_store

    store = open_demo_store(data_dir)
    try:
        ids = load_demo(store, today=today, seed=args.seed, count=args.applications)
    finally:
        store.close()
    print(f"已加入 {len(ids)} 件演示案件,数据目录 {data_dir}")
    return 0


def training(args, today: date) -> int:
    import os

    from desktop.demo.training import TRAINING_PASSPHRASE, build_training_set, guide
    from desktop.safety.passphrase import OFFICER_ENV

    secret = os.environ.get(OFFICER_ENV)  # as `init` reads it; else the documented one
    stations = build_training_set(args.training, today=today, seed=args.seed,
                                  passphrase=secret or TRAINING_PASSPHRASE)
    print(guide(args.training, stations, passphrase_from_env=bool(secret)))
    return 0


def read_json(source) -> object:
    """A JSON file (or - for standard input), with a clear refusal for every way it fails."""
    from desktop.storage.attachments import read_bounded
    from desktop.textin import parse_json

    name = "标准输入" if str(source) == "-" else str(source)
    raw = read_bounded(source, MAX_INPUT_BYTES)
    if len(raw) > MAX_INPUT_BYTES:
        raise Refusal(f"{name} 超过 50 MB,不是有效的申请数据文件。")
    return parse_json(raw, name, what="有效的 JSON")
