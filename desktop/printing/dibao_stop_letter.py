"""停保通知书: the township's written notice to a household whose 低保 stops (DOMAIN.md
"Stop (停保)"), in the shape of the 不予批准通知书 (`decision_letter`): the household
named with its ID number masked, the reason, the gradual exit where it applies, and
the remedies (行政复议, 行政诉讼), since a stop is an administrative decision.

Its number runs per township and year in its own series (低保停), counted like the
other letters: the stop decision's place among the township's stop decisions of that
year in its event log, so a reprint carries the same number."""

from __future__ import annotations

import json
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.core import dibao
from desktop.core.dibao_review import STOP_REASONS
from desktop.core.errors import Refusal
from desktop.core.idnumber import mask_id_number
from desktop.core.money import format_yuan
from desktop.printing import layout as L
from desktop.printing.decision_letter import remedies_text, signature_block
from desktop.printing.fonts import check_printable

TITLE = "最低生活保障停保通知书"
_STOPS = "action = 'dibao_decide' AND json_extract(fields, '$.outcome') = 'stop'"


def is_stopped(db, case_id: str) -> bool:
    row = db.execute("SELECT stopped_on FROM dibao_households WHERE case_id = ?",
                     [case_id]).fetchone()
    return bool(row and row[0])


def stop_facts(db, case_id: str) -> dict:
    """What the letter states, from the case, its household and the stop decision."""
    row = db.execute("SELECT a.applicant_name, a.applicant_id_number, a.group_name,"
                     " d.since_month, d.persons FROM applications a JOIN dibao_households d"
                     " ON d.case_id = a.id WHERE a.id = ?", [case_id]).fetchone()
    step = db.execute(f"SELECT occurred_on, fields, workstation_id, seq FROM history"
                      f" WHERE application_id = ? AND {_STOPS} ORDER BY seq DESC LIMIT 1",
                      [case_id]).fetchone()
    if row is None or step is None:
        raise Refusal(f"案件 {case_id} 没有停保决定,不能打印停保通知书。")
    f = json.loads(step[1])
    serial = db.execute(f"SELECT COUNT(*) FROM history WHERE workstation_id = ? AND {_STOPS}"
                        f" AND seq <= ? AND substr(occurred_on, 1, 4) = ?",
                        [step[2], step[3], step[0][:4]]).fetchone()[0]
    return {"case_id": case_id, "name": row[0], "id_number": mask_id_number(row[1]),
            "group": row[2], "since": row[3], "persons": row[4], "decided_on": step[0],
            "serial": serial, "monthly_fen": _last_amount(db, case_id), **f}


def _last_amount(db, case_id: str) -> int:
    """The monthly amount before the stop: of the approval or the last review decision."""
    rows = db.execute("SELECT fields FROM history WHERE application_id = ? AND action IN"
                      " ('approve', 'dibao_decide') ORDER BY seq", [case_id]).fetchall()
    amounts = [json.loads(r[0]).get("amount_fen") for r in rows]
    return next((a for a in reversed(amounts) if a), 0)


def letter_number(facts: dict, ws: dict) -> str:
    return f"{ws['township']}低保停〔{facts['decided_on'][:4]}〕{facts['serial']}号"


def stop_letter_pdf(store, case_id: str, today: date) -> bytes:
    facts, ws = stop_facts(store.db, case_id), store.workstation
    check_printable([("户主姓名", facts["name"]), ("停保理由", facts["reason"]),
                     ("村民小组", facts["group"])])
    story = [L.para(TITLE, L.TITLE), L.para(letter_number(facts, ws), L.SUBTITLE),
             Spacer(0, 4 * mm),
             L.para(f"{facts['name']}（身份证号 {facts['id_number']}）：", L.PLAIN),
             Spacer(0, 2 * mm)]
    story += [L.para(text, L.BODY) for text in _body(facts, ws)]
    story += [Spacer(0, 14 * mm), signature_block(f"{ws['township']}人民政府",
                                                  facts["decided_on"])]
    return L.build_pdf(story, title=TITLE, code=f"案件 {case_id}")


def _body(f: dict, ws: dict) -> list[str]:
    since = f"{f['since'][:4]}年{int(f['since'][5:7])}月"
    return [
        f"你户（案件编号 {f['case_id']}）自{since}起享受最低生活保障，每月保障金 "
        f"{format_yuan(f['monthly_fen'], grouped=True)} 元。经复核审查，{ws['township']}人民政府"
        f"于{L.chinese_date(f['decided_on'])}决定停止你户的最低生活保障。",
        f"停保原因：{STOP_REASONS[f['reason_kind']]}。{f['reason']}",
        _when(f),
        "如今后家庭情况发生变化、符合条件的，可重新提出申请。"
        + remedies_text(ws),
        "特此通知。",
    ]


def _when(f: dict) -> str:
    start = f["from_month"]
    if not f["exit_months"]:
        return f"自{_month(start)}起停发最低生活保障金。"
    last = dibao.add_months(start, f["exit_months"] - 1)
    stop = dibao.add_months(start, f["exit_months"])
    return (f"按照本县低保渐退政策，给予 {f['exit_months']} 个月渐退期：{_month(start)}至"
            f"{_month(last)}每月发放 {format_yuan(f['exit_fen'], grouped=True)} 元，"
            f"自{_month(stop)}起停发。")


def _month(month: str) -> str:
    return f"{month[:4]}年{int(month[5:7])}月"
