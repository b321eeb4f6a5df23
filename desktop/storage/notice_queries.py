"""Read-only queries over notice batches, shared by the notice list (GUI and command
line), the operations that check a batch before changing it, and the printed sheets."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date

from desktop.core.errors import Refusal
from desktop.core.steps import notice_last_day
from desktop.core.ways import way
from desktop.storage.notice_projections import join_state

KIND_LABELS = {"initial": "初审公示", "result": "结果公示", "change": "低保变动公示"}
STATUS_LABELS = {"scheduled": "未开始", "on_notice": "公示中", "elapsed": "期满待结束",
                 "closed": "已结束", "withdrawn": "已撤回", "posted": "结果公示中",
                 "result_done": "结果公示期满"}
PREFIX = {"initial": "GS", "result": "JG", "change": "BD"}


def next_notice_id(db, kind: str, year: int) -> str:
    """Short codes readable on paper: GS-2026-0007 (初审公示), JG-2026-0003 (结果公示)."""
    prefix = f"{PREFIX[kind]}-{year}-"
    taken = [r[0] for r in db.execute("SELECT notice_id FROM notices WHERE notice_id LIKE ?",
                                      [prefix + "%"])]
    numbers = [int(m.group(1)) for t in taken if (m := re.fullmatch(r".*-(\d{4})", t))]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def next_objection_id(db, year: int) -> str:
    prefix = f"YY-{year}-"
    taken = [r[0] for r in db.execute(
        "SELECT objection_id FROM objections WHERE objection_id LIKE ?", [prefix + "%"])]
    numbers = [int(t[len(prefix):]) for t in taken if t[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:04d}"


def batch(db, notice_id: str, village_code: str | None = None) -> dict:
    """One batch by its id: this village's; at the township, the one village's that has
    it (numbers run per village, so two villages may both have GS-2026-0001: refused as
    ambiguous rather than picking one)."""
    rows = list(db.query("SELECT * FROM notices WHERE notice_id = ? ORDER BY"
                         " village_code = ? DESC", [notice_id.strip(), village_code or ""]))
    if not rows:
        raise Refusal(f"没有编号为 {notice_id} 的公示。请{way('notice_list')}查看公示编号。")
    if len(rows) > 1 and rows[0]["village_code"] != village_code:
        villages = "、".join(r["village_code"] for r in rows)
        raise Refusal(f"公示编号 {notice_id} 在 {villages} 几个村都有(各村分别编号),"
                      f"请在该村的工作站查看或打印。")
    return rows[0]


def batch_cases(db, b: dict, states: tuple[str, ...] | None = None) -> list[dict]:
    sql = "SELECT * FROM notice_cases WHERE village_code = ? AND notice_id = ?"
    params = [b["village_code"], b["notice_id"]]
    if states:
        sql += f" AND state IN ({','.join('?' * len(states))})"
        params += list(states)
    return list(db.query(sql + " ORDER BY position", params))


# What a sheet prints of each row, in the order the hash covers them.
POSTED_FIELDS = ("position", "applicant_name", "group_name", "household_size", "category",
                 "reason", "amount_fen")


def posted_rows(db, b: dict) -> list[dict]:
    """Every row that joined the batch, in its position, as it was copied when posted:
    a case that later left it (an upheld objection) stays on the sheet it was posted on,
    so a reprint is the sheet that hung on the board."""
    return batch_cases(db, b)


def posted_sha256(b: dict, rows: list[dict]) -> str:
    """SHA-256 of the sheet as posted (its code, kind, program, first day and rows):
    printed short on the sheet and listed in `notice list`, so a reprint can be shown to
    be the sheet that was posted."""
    body = {"notice_id": b["notice_id"], "village_code": b["village_code"], "kind": b["kind"],
            "program": b["program"], "start": b["start"],
            "rows": [[r[f] for f in POSTED_FIELDS] for r in rows]}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def county_refs(db, case_ids: list[str]) -> dict[str, str]:
    """Case → the county's reference (批复文号), for the cases whose latest decision was
    the county's (referred, then approved or rejected with a county_ref)."""
    if not case_ids:
        return {}
    rows = db.execute(
        "SELECT application_id, fields FROM history WHERE action IN ('approve', 'reject')"
        f" AND application_id IN ({','.join('?' * len(case_ids))})"
        " ORDER BY occurred_on, recorded_at", case_ids).fetchall()
    latest = {case_id: json.loads(fields or "{}") for case_id, fields in rows}
    return {c: f["county_ref"] for c, f in latest.items() if f.get("county_ref")}


def last_day(b: dict, policy=None) -> date:
    return notice_last_day(date.fromisoformat(b["start"]), period(b, policy))


def period(b: dict, policy=None) -> int:
    """The batch's days; a result notice posted step by step has none: the setting's."""
    return b["days"] or (policy.notice_days(b["program"]) if policy else 7)


def describe(db, b: dict, today: date, policy=None) -> dict:
    """A batch as shown in the notice list and `notice list --format json`."""
    cases = batch_cases(db, b)
    count = {s: sum(1 for c in cases if c["state"] == s) for s in
             ("on_notice", "closed", "withdrawn", "posted")}
    start, last = date.fromisoformat(b["start"]), last_day(b, policy)
    status = _status(b["kind"], count, today, start, last)
    left = {"scheduled": (last - start).days + 1, "on_notice": (last - today).days + 1,
            "posted": (last - today).days + 1}.get(status, 0)
    case_ids, sha = [c["application_id"] for c in cases], posted_sha256(b, cases)
    objections = [(c["objections"], c["open_objections"]) for c in cases]
    if b["kind"] == "change":  # 低保变动公示: its lines, hash and objections are its own
        case_ids, sha = _change_record(db, b)
        objections = db.execute("SELECT 1, status = 'open' FROM dibao_objections WHERE"
                                " village_code = ? AND notice_id = ?",
                                [b["village_code"], b["notice_id"]]).fetchall()
    return {
        "notice_id": b["notice_id"], "village_code": b["village_code"], "kind": b["kind"], "kind_label": KIND_LABELS[b["kind"]],
        "program": b["program"], "start": b["start"], "last_day": last.isoformat(),
        "days": period(b, policy), "board": b["board"] or "", "status": status,
        "status_label": STATUS_LABELS[status], "days_left": left, "cases": len(case_ids),
        "on_notice": count["on_notice"],
        "open_objections": sum(o[1] for o in objections),
        "objections": sum(o[0] for o in objections),
        "photo": bool(b["photo_sha256"]), "photo_on": b["photo_on"],
        "photo_sha256": b["photo_sha256"], "closed_on": b["closed_on"],
        "case_ids": case_ids, "posted_sha256": sha,
    }


def _change_record(db, b: dict) -> tuple[list[str], str]:
    row = db.execute("SELECT payload, hash FROM events WHERE case_id = ?"
                     " AND type = 'DibaoChangeNoticeIssued'",
                     [f"{b['village_code']}-{b['notice_id']}"]).fetchone()
    return [ln["case_id"] for ln in json.loads(row[0])["changes"]] if row else [], \
        row[1] if row else ""


def _status(kind: str, count: dict, today: date, start: date, last: date) -> str:
    if kind in ("result", "change"):
        return "posted" if today <= last else "result_done"
    if count["on_notice"]:
        return "scheduled" if today < start else "on_notice" if today <= last else "elapsed"
    return "closed" if count["closed"] else "withdrawn"


def all_batches(db, today: date, policy=None) -> list[dict]:
    """Every batch, newest first."""
    rows = db.query("SELECT * FROM notices ORDER BY start DESC, notice_id DESC")
    return [describe(db, b, today, policy) for b in rows]


def open_objections(db, b: dict) -> list[tuple[str, str, str]]:
    """(case id, name, objection id) of every objection still open on the batch's cases."""
    rows = db.execute(
        "SELECT nc.application_id, nc.applicant_name, o.objection_id FROM notice_cases nc"
        " JOIN objections o ON o.application_id = nc.application_id AND o.status = 'open'"
        " WHERE nc.village_code = ? AND nc.notice_id = ? AND nc.state = 'on_notice'"
        " ORDER BY nc.position", [b["village_code"], b["notice_id"]]).fetchall()
    return [tuple(r) for r in rows]


def join_problem(db, case_id: str, fields) -> str:
    """Why a case may not be posted on the batch its NoticePosted names ("" when it may):
    a sheet can take more cases only while it is as it was put up — same first day, days
    and board, no photo of it taken, no objection raised, none of its cases ended. Later
    changes go on a new numbered sheet, so a reprint is always the sheet as posted. The
    same check for a step typed here and for one a village's bundle carries."""
    if not isinstance(fields, dict) or not isinstance(fields.get("notice_id"), str):
        return ""  # the field checks name what is missing
    key = (case_id.split("-", 1)[0], fields["notice_id"])
    b, ended, objected = join_state(db, key)
    if b is None:
        return ""
    new_sheet = "请另建一张新的公示(新的批次号)。"
    if b["kind"] != "initial":
        return f"{key[1]} 是{KIND_LABELS[b['kind']]}的编号,不能用作初审公示;{new_sheet}"
    posted = (b["start"], b["days"], b["board"])
    if (fields.get("start"), fields.get("days"), fields.get("board")) != posted:
        return (f"公示 {key[1]} 从 {b['start']} 起公示 {b['days']} 天、张贴于{b['board']},"
                f"加入的案件须与它相同;{new_sheet}")
    why = ("已有张贴照片" if b["photo_count"] else "已有案件收到异议" if objected
           else "已有案件结束公示" if ended else "")
    return f"公示 {key[1]} {why},张贴的公示不能再加入案件;{new_sheet}" if why else ""
