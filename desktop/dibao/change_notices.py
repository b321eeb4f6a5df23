"""低保变动公示 at the village (issue 15 item 5): the changes decided to its households that
no earlier change notice posted, recorded as one notice through the rule book
(`core/dibao_notice.py`), and the check that a notice names only such changes — made
here before recording and at the township on import.

The changes are read from the cases' history, not the household rows: a row holds only
the amount now, a notice must show the amount before each change. "Since the last
notice" means not on any earlier notice, not "decided after its date": a decision dated
before the last notice but brought by a later bundle is still posted."""

from __future__ import annotations

import json
from datetime import date

from desktop.core import dibao_notice as dn
from desktop.core.errors import Refusal
from desktop.core.regions import case_village
from desktop.core.rulebook import check_step
from desktop.core.ways import way
from desktop.storage import notice_queries as nq

_HISTORY = (
    "SELECT h.application_id, h.action, h.fields, h.occurred_on, a.household_size"
    " FROM history h JOIN dibao_households d ON d.case_id = h.application_id"
    " JOIN applications a ON a.id = h.application_id"
    " WHERE d.village_code = ? AND h.action IN ('approve', 'dibao_review', 'dibao_decide')"
    " ORDER BY h.application_id, h.occurred_on, h.recorded_at, h.seq")


def decided_changes(db, village: str) -> list[dict]:
    """Every change decided to the village's households, each with the amount before it,
    in the order decided: enrollment, adjustment, change of class, stop (a review decided
    as "continue" changes nothing the board shows)."""
    lines, held = [], {}
    for case_id, action, fields, on, size in db.execute(_HISTORY, [village]):
        fi = json.loads(fields or "{}")
        h = held.setdefault(case_id, {})
        if action == "approve" and fi.get("dibao_class"):
            h.update(persons=max(size or 1, 1), fen=fi["amount_fen"])
            lines.append(_line(case_id, "new", on, h["persons"], 0, h["fen"],
                               fi["start_month"]))
        elif action == "dibao_review":
            h["found"] = fi["household_size"]
        elif action == "dibao_decide" and h:
            lines.extend(_decided(case_id, h, fi, on))
    return sorted(lines, key=lambda ln: (ln["decided_on"], ln["case_id"]))


def _decided(case_id: str, h: dict, fi: dict, on: str) -> list[dict]:
    if fi["outcome"] == "stop":
        return [_line(case_id, "stop", on, h["persons"], h["fen"], fi["exit_fen"],
                      fi["from_month"], fi["exit_months"])]
    old, h["persons"], h["fen"] = h["fen"], h.pop("found", h["persons"]), fi["amount_fen"]
    if fi["outcome"] == "continue":
        return []
    return [_line(case_id, fi["outcome"], on, h["persons"], old, h["fen"], fi["from_month"])]


def _line(case_id, change, on, persons, old_fen, new_fen, from_month, exit_months=0) -> dict:
    return {"case_id": case_id, "change": change, "decided_on": on, "persons": persons,
            "old_fen": old_fen, "new_fen": new_fen, "from_month": from_month,
            "exit_months": exit_months}


def notice_records(db, village: str) -> dict[str, dict]:
    """Record id → payload of each change notice of the village."""
    rows = db.execute("SELECT case_id, payload FROM events WHERE type = ?", [dn.EVENT])
    return {rid: json.loads(p) for rid, p in rows if case_village(rid) == village}


def unposted(db, village: str) -> list[dict]:
    posted = {dn.line_key(ln) for rec in notice_records(db, village).values()
              for ln in rec["changes"]}
    return [ln for ln in decided_changes(db, village) if dn.line_key(ln) not in posted]


def record_problem(db, record_id: str, payload: dict) -> str:
    """Why a change notice may not be recorded here ("" when it may): each line must be a
    change decided to one of the village's households, posted on no other notice, once."""
    village = payload["village_code"]
    decided = {dn.line_key(ln) for ln in decided_changes(db, village)}
    posted = {dn.line_key(ln) for rid, rec in notice_records(db, village).items()
              if rid != record_id for ln in rec["changes"]}
    seen = set()
    for i, ln in enumerate(payload["changes"], 1):
        key, what = dn.line_key(ln), f"第 {i} 条变动(案件 {ln['case_id']})"
        if key not in decided:
            return f"{what}不是乡镇决定过的低保变动,或金额、人口、月份与决定不符"
        if key in posted or key in seen:
            return f"{what}已在另一张变动公示上公示过"
        seen.add(key)
    return ""


def issue(store, today: date, board: str = "") -> tuple[str, int]:
    """Record the village's change notice of every change not yet posted; returns its id
    and how many changes it lists. Refused, nothing recorded, when there is none, or when
    the sheet could not be printed (no objection phones)."""
    ws, policy = store.workstation, store.policy
    if ws["role"] != "village":
        raise Refusal("低保变动公示由村里张贴,请在村级工作站办理。")
    village = ws["village_code"]
    lines = unposted(store.db, village)
    if not lines:
        raise Refusal("自上次低保变动公示以来,乡镇没有决定新的低保变动(新纳入、调整、"
                      "变更分类、停保),无须公示。")
    if not (policy.village_committee_phone and policy.township_office_phone):
        raise Refusal("变动公示上须写明异议反映电话,请先设置村委会和乡镇民政办电话"
                      f"({way('notice_phones')})。")
    _printable(store, lines)
    notice_id = nq.next_notice_id(store.db, "change", today.year)
    fields = {"notice_id": notice_id, "village_code": village, "date": today.isoformat(),
              "days": policy.notice_days("dibao"), "board": board or "村务公开栏",
              "changes": lines}
    clean = check_step("dibao_change_notice", fields, None, today=today, policy=policy)
    record = f"{village}-{notice_id}"
    problem = dn.place_problem(record, clean) or record_problem(store.db, record, clean)
    if problem:
        raise Refusal(problem)
    with store.transaction():
        store.record(actor=ws["officer"], case_id=record, type_=dn.EVENT, payload=clean)
    return notice_id, len(lines)


def _printable(store, lines: list[dict]) -> None:
    """Told before the notice is recorded: a name the fonts cannot print."""
    from desktop.printing.fonts import check_printable

    ids = sorted({ln["case_id"] for ln in lines})
    names = store.db.execute(f"SELECT id, applicant_name FROM applications WHERE id IN"
                             f" ({','.join('?' * len(ids))})", ids).fetchall()
    check_printable([(f"案件 {case_id} 户主姓名", name) for case_id, name in names])


def notice_record(db, village: str, notice_id: str) -> tuple[dict, str]:
    """The notice's record as posted and its hash (the sheet's 校验码)."""
    row = db.execute("SELECT payload, hash FROM events WHERE case_id = ? AND type = ?",
                     [f"{village}-{notice_id}", dn.EVENT]).fetchone()
    if row is None:
        raise Refusal(f"没有编号为 {notice_id} 的低保变动公示。")
    return json.loads(row[0]), row[1]
