"""不予批准通知书: the written notice to an applicant whose case the township rejected
(DOMAIN.md: the applicant is told in writing within 3 working days, with the reason).

It goes to the applicant alone, so it names them and shows the ID number masked (first 6
and last 4); it says how to appeal, because a refusal without a remedy is not lawful
administration (行政复议法, 行政诉讼法)."""

from __future__ import annotations

import json
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.core.categories import program_label, reason_label
from desktop.core.errors import Refusal
from desktop.core.idnumber import mask_id_number
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable


def rejection_facts(db, case_id: str) -> dict:
    """What the letter states, from the case and its rejection step; refused unless the
    case was rejected by the township (or by the county through it)."""
    rows = list(db.query("SELECT * FROM applications WHERE id = ?", [case_id]))
    if not rows:
        raise Refusal(f"没有编号为 {case_id} 的案件。")
    row = rows[0]
    step = db.execute("SELECT occurred_on, fields FROM history WHERE application_id = ? AND"
                      " action = 'reject' ORDER BY occurred_on DESC LIMIT 1",
                      [case_id]).fetchone()
    if row["status"] != "rejected" or not step:
        raise Refusal(f"案件 {case_id} 没有不批准的决定,不能打印不予批准通知书。")
    f = json.loads(step[1])
    return {"case_id": case_id, "name": row["applicant_name"],
            "id_number": mask_id_number(row["applicant_id_number"]),
            "received_on": row["received_on"], "program": program_label(row["program"]),
            "reason_label": reason_label(row["reason"]), "decided_on": step[0],
            "reason": f.get("reason", ""), "county_ref": f.get("county_ref", ""),
            "group": row["group_name"]}


def letter_pdf(store, case_id: str, today: date) -> bytes:
    facts = rejection_facts(store.db, case_id)
    ws = store.workstation
    check_printable([("申请人姓名", facts["name"]), ("不批准理由", facts["reason"]),
                     ("村民小组", facts["group"])])
    title = "不予批准通知书"
    number = f"{ws['township']}民政〔{facts['decided_on'][:4]}〕{case_id.rsplit('-', 1)[-1]}号"
    story = [L.para(title, L.TITLE), L.para(number, L.SUBTITLE), Spacer(0, 4 * mm),
             L.para(f"{facts['name']}（身份证号 {facts['id_number']}）：", L.PLAIN),
             Spacer(0, 2 * mm)]
    story += [L.para(text, L.BODY) for text in _body(facts, ws)]
    story += [Spacer(0, 14 * mm), _signature(ws, facts["decided_on"])]
    return L.build_pdf(story, title=title, code=f"案件 {case_id}")


def _body(f: dict, ws: dict) -> list[str]:
    who = (f"经{ws['county']}民政局审批（批复文号：{f['county_ref']}）" if f["county_ref"]
           else f"经{ws['township']}人民政府审核")
    return [
        f"你（户）于{L.chinese_date(f['received_on'])}以“{f['reason_label']}”为由申请"
        f"{f['program']}（案件编号 {f['case_id']}）。经入户调查、村民代表民主评议、"
        f"村级初审公示，{who}，于{L.chinese_date(f['decided_on'])}决定不予批准。",
        f"不予批准的理由：{f['reason']}",
        "如情况发生变化，可重新提出申请。如对本决定不服，可以自收到本通知书之日起六十日内"
        f"向{ws['county']}人民政府申请行政复议，或者自收到本通知书之日起六个月内依法向人民法院"
        "提起行政诉讼。",
        "特此通知。",
    ]


def _signature(ws: dict, decided_on: str):
    usable = L.usable_width()
    right = [L.para(f"{ws['township']}人民政府（盖章）", L.style(11.5, align="center")),
             Spacer(0, 18 * mm), L.para(L.chinese_date(decided_on), L.style(11.5, align="center"))]
    left = [L.para("经办人（签字）：", L.PLAIN), Spacer(0, 12 * mm),
            L.para("申请人签收：　　　　　　日期：", L.PLAIN)]
    return L.box_table([[left, right]], [usable * 0.5, usable * 0.5],
                       [("VALIGN", (0, 0), (-1, -1), "TOP")], rowHeights=[44 * mm])
