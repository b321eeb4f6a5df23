"""Shared builders for the tests: valid application documents with unique, valid ID
numbers, workstation identities, stores, and a snapshot of the projection tables."""

from __future__ import annotations

import itertools
import json
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from desktop.core.idnumber import check_character
from desktop.storage.store import Store

TODAY = date(2026, 12, 31)

VILLAGE = {
    "role": "village", "county": "新邵县", "county_code": "430522",
    "township": "陈家坊镇", "township_code": "430522101",
    "village": "石门村", "village_code": "430522101201", "officer": "刘民生",
}
TOWNSHIP = {
    "role": "township", "county": "新邵县", "county_code": "430522",
    "township": "陈家坊镇", "township_code": "430522101", "officer": "王审批",
}

_serial = itertools.count(1)


def make_id(birth: date | None = None, *, male: bool = True) -> str:
    """A valid 18-character ID number of 湖南, different on every call: the sequence
    digits count up and the county digits move on every 500 numbers."""
    n = next(_serial)
    birth = birth or date(1960, 1, 1) + timedelta(days=n % 20000)
    region = f"4305{22 + (n // 500) % 70:02d}"
    seq = (n % 500) * 2 + (1 if male else 0)  # odd for men, even for women
    first17 = f"{region}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_character(first17)


def make_application(**overrides) -> dict:
    """A valid 临时救助 (支出型, medical) application with a spouse and a child;
    keyword arguments replace top-level keys."""
    doc = {
        "received_on": "2026-11-02",
        "program": "temporary_relief",
        "category": "expenditure",
        "reason": "medical",
        "reason_detail": "丈夫突发脑梗住院,自付医疗费用较高。",
        "requested_fen": 300_000,
        "documents_seen": ["身份证", "户口簿", "诊断证明"],
        "documents_missing": [],
        "applicant": {
            "name": "张桂英", "id_number": make_id(date(1975, 3, 8), male=False),
            "ethnicity": "汉族", "phone": "13800138000", "group": "第三村民小组",
            "address": "石门村三组 12 号", "marital_status": "已婚", "health": "健康",
            "work_ability": "有劳动能力", "household_type": "一般",
        },
        "members": [
            {"name": "李建国", "id_number": make_id(date(1972, 5, 20)), "relation": "配偶",
             "health": "患病", "work_ability": "无劳动能力"},
            {"name": "李小红", "id_number": make_id(date(2015, 9, 1), male=False),
             "relation": "子女"},
        ],
        "household": {"annual_income_fen": 1_800_000, "income_sources": "务农、零工",
                      "annual_expenditure_fen": 4_500_000, "expenditure_purposes": "医疗",
                      "bank_name": "农商银行", "bank_account": "6231000012345678"},
    }
    doc.update(overrides)
    return doc


def make_store(tmp_path: Path, role: str = "village", **identity) -> Store:
    """A new workstation of `role` in a fresh data directory under tmp_path."""
    ident = dict(VILLAGE if role == "village" else TOWNSHIP, **identity)
    data_dir = Path(tmp_path) / f"data-{role}-{next(_serial)}"
    return Store.create(data_dir, ident)


PROJECTIONS = {
    "applications": "id",
    "members": "application_id, position",
    "history": "workstation_id, seq",
    "objections": "application_id, objection_id",
}


def projection_rows(db, *, parse_json: bool = False) -> dict[str, list[tuple]]:
    """Every row of every projection table, in a fixed order. With parse_json, the
    history `fields` column is compared as JSON (key order ignored)."""
    out = {}
    for table, order in PROJECTIONS.items():
        cols = [c.name for c in db[table].columns]
        rows = []
        for r in db.query(f"SELECT * FROM {table} ORDER BY {order}"):
            if parse_json and table == "history":
                r["fields"] = json.loads(r["fields"])
            rows.append(tuple(json.dumps(r[c], sort_keys=True, ensure_ascii=False)
                              if isinstance(r[c], (dict, list)) else r[c] for c in cols))
        out[table] = rows
    return out


def event_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]


# --- a case's life along the ordinary path --------------------------------------------------
# Received on Monday 2026-11-02; each step dated after the one before; the notice runs
# 7 days from Saturday 2026-11-07 and so ends at the end of Friday 2026-11-13.
ORDINARY_PATH: list[tuple[str, dict]] = [
    ("investigate", {"date": "2026-11-03", "investigators": ["刘民生", "村主任"],
                     "methods": ["入户调查", "邻里访问"], "household_income_fen": 1_800_000,
                     "household_expenditure_fen": 4_500_000, "findings": "情况属实"}),
    ("deliberate", {"date": "2026-11-04", "meeting_id": "PY-2026-11", "present": 9,
                    "representatives": 6, "votes_for": 8, "votes_against": 1,
                    "votes_abstain": 0, "conclusion": "同意", "minutes": "一致认为符合条件"}),
    ("review", {"date": "2026-11-05", "passed": True, "opinion": "符合临时救助条件",
                "proposed_fen": 100_000}),
    ("post_notice", {"notice_id": "GS-2026-01", "start": "2026-11-07", "days": 7,
                     "board": "村务公开栏"}),
    ("close_notice", {"date": "2026-11-14"}),
    ("submit", {"date": "2026-11-16"}),
    ("acknowledge", {"date": "2026-11-17"}),
    ("approve", {"date": "2026-11-18", "approver": "王审批", "amount_fen": 100_000}),
    ("post_result", {"date": "2026-11-20", "notice_id": "JG-2026-01"}),
    ("pay", {"date": "2026-11-23", "amount_fen": 100_000, "method": "一卡通"}),
    ("file", {"date": "2026-11-25", "register": "2026 年 11 月备案册"}),
]
STATUS_AFTER = {"investigate": "investigated", "deliberate": "deliberated",
                "review": "reviewed", "post_notice": "on_notice",
                "close_notice": "notice_done", "submit": "submitted",
                "acknowledge": "acknowledged", "approve": "approved",
                "post_result": "result_posted", "pay": "paid", "file": "filed"}
TOWNSHIP_ACTIONS = {"acknowledge", "approve", "reject", "refer", "return", "pay", "file",
                    "notify_rejection"}


@contextmanager
def playing(store: Store, role: str):
    """Let one store act as the other side for a moment, so that a single store can hold
    a case's whole life (as a township does once it has imported the village's events)."""
    saved = store.workstation["role"]
    store.workstation["role"] = role
    try:
        yield
    finally:
        store.workstation["role"] = saved


def advance(work, case_id: str, until: str) -> None:
    """Walk the case on along ORDINARY_PATH from where it stands until it reaches status
    `until`, acting as whichever side each step belongs to; on a notice sheet of its own
    (GS-2026-<its number>): a posted sheet takes no late-comer."""
    advance_together(work, [case_id], until, sheet=f"GS-2026-{case_id[-4:]}")


def advance_together(work, case_ids: list[str], until: str, sheet: str = "GS-2026-01"
                     ) -> None:
    """Walk the cases on side by side, a step for all before the next, as an officer
    does: they go up on one notice sheet, `sheet`."""
    order = ["received"] + [STATUS_AFTER[code] for code, _ in ORDINARY_PATH]
    for code, fields in ORDINARY_PATH[:order.index(until)]:
        side = "township" if code in TOWNSHIP_ACTIONS else "village"
        if code == "post_notice":
            fields = {**fields, "notice_id": sheet}
        for case_id in case_ids:
            now = work.store.db["applications"].get(case_id)["status"]
            if order.index(now) >= order.index(STATUS_AFTER[code]):
                continue  # already past this step
            with playing(work.store, side):
                work.step(case_id, code, fields)
    for case_id in case_ids:
        assert work.store.db["applications"].get(case_id)["status"] == until


def edit_payloads(conn, old: str, new: str, where: str, params=()) -> int:
    """Replace `old` by `new` in the stored payloads of the events `where` (a condition on
    the view `events`), leaving their hashes: as someone editing the file would, in the
    table under the view (storage/log_schema.py). Returns how many were changed."""
    from desktop.storage.packing import register

    conn = register(getattr(conn, "conn", conn))
    rows = conn.execute(f"SELECT rowid, payload FROM events WHERE {where}", params).fetchall()
    changed = [(p.replace(old, new), n) for n, p in rows if old in p]
    conn.executemany("UPDATE event_log SET payload = ? WHERE n = ?", changed)
    return len(changed)
