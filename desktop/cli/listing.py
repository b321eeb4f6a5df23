"""`applications list` and `applications show`: the ledger and one case, as text/JSON/CSV."""

from __future__ import annotations

import json
from datetime import date

from desktop.core.errors import Refusal
from desktop.core.money import format_yuan
from desktop.core.status import STATUS_LABELS, status_label
from desktop.storage import queries
from desktop.textout import csv_cell, csv_text, table

LIST_HEADERS = ["编号", "状态", "申请人", "身份证号", "村民小组", "类型", "事由", "申请金额(元)",
                "受理日期", "期限"]
URGENCY = {"overdue": "已超期", "soon": "即将到期", "": ""}


def print_list(store, args, today: date) -> int:
    if args.status and args.status not in STATUS_LABELS:
        raise Refusal(f"没有“{args.status}”这个状态。可用的状态:{'、'.join(STATUS_LABELS)}。")
    flt = queries.LedgerFilter(status=args.status, year=args.year, text=args.search)
    total = queries.ledger_count(store.db, flt)
    rows = [queries.describe(r, today, store.policy)
            for r in queries.ledger_page(store.db, flt, 0, max(total, 1))]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        print(csv_text(list(rows[0].keys()) if rows else ["id"],
                       [[_csv(v) for v in r.values()] for r in rows]), end="")
    else:
        print(table(LIST_HEADERS, [_text_row(r) for r in rows]))
        print(f"共 {total} 件")
    return 0


def _csv(value) -> str:
    return csv_cell(";".join(value) if isinstance(value, list) else value)


def _text_row(r: dict) -> list[str]:
    due = f"{r['due_on']} {URGENCY[r['urgency']]}".strip() if r["due_on"] else ""
    return [r["id"], status_label(r["status"]), r["applicant_name"], r["applicant_id_number"],
            r["group"], r["category_label"], r["reason_label"], format_yuan(r["requested_fen"]),
            r["received_on"], due]


def print_case(store, args, today: date) -> int:
    case = queries.case_detail(store.db, args.app_id, today, store.policy)
    if args.format == "json":
        print(json.dumps(case, ensure_ascii=False, indent=1))
        return 0
    a = case["application"]["applicant"]
    print(f"{case['id']}  {case['status_label']}  {a['name']}({a['sex']},{a['birth_date']})")
    print(f"{case['program_label']} · {case['category_label']} · {case['reason_label']}  "
          f"申请 {format_yuan(case['requested_fen'], grouped=True)} 元  "
          f"家庭人口 {case['household_size']} 人  {case['group']}")
    if case["due_on"]:
        print(f"期限:{case['due_label']} {case['due_on']} {URGENCY[case['urgency']]}")
    for flag in case["flags"]:
        print(f"注意:{queries.FLAG_LABELS[flag]}")
    print("办理记录:")
    for h in case["history"]:
        print(f"  {h['occurred_on']}  {h['actor']}  {h['summary']}")
    return 0
