"""The written notice of every refusal, to the applicant (DOMAIN.md: the applicant is told
in writing, with the reason): 不予受理通知书 and 初审不通过通知书 from the village,
不予批准通知书 from the township (within 3 working days of its decision).

It goes to the applicant alone, so it names them and shows the ID number masked (first 6
and last 4); it says how to seek a remedy, because a refusal without one is not lawful
administration (行政复议法, 行政诉讼法).

Its number (文号) runs per issuing workstation, kind of letter and year: the letter is
the n-th step of its kind that workstation recorded in that year, counted in the order
of its event log. Steps are never removed and later ones come after, so a reprint
carries the same number, and two villages' cases of the same serial no longer share one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from desktop.core.categories import program_label, reason_label
from desktop.core.errors import Refusal
from desktop.core.idnumber import mask_id_number
from desktop.printing import layout as L
from desktop.printing.fonts import check_printable


@dataclass(frozen=True)
class Kind:
    status: str  # the case's state after the refusal
    action: str  # the step that refused it
    title: str
    series: str  # the letter's series within its issuer's 文号
    township: bool  # issued by the township (else by the village committee)


KINDS = (Kind("refused", "refuse", "不予受理通知书", "不予受理", False),
         Kind("rejected_village", "review", "初审不通过通知书", "初审不通过", False),
         Kind("rejected", "reject", "不予批准通知书", "", True))
_REFUSING = "AND json_extract(fields, '$.passed') = 0"  # a review that did not pass


def _kind_of(status: str, case_id: str) -> Kind:
    for kind in KINDS:
        if kind.status == status:
            return kind
    raise Refusal(f"案件 {case_id} 没有不予受理、初审不通过或不批准的决定,不能打印通知书。")


def refusal_facts(db, case_id: str) -> dict:
    """What the letter states, from the case and the step that refused it; refused
    unless the case was refused (不予受理), rejected at the village or by the township."""
    rows = list(db.query("SELECT * FROM applications WHERE id = ?", [case_id]))
    if not rows:
        raise Refusal(f"没有编号为 {case_id} 的案件。")
    row = rows[0]
    kind = _kind_of(row["status"], case_id)
    only = _REFUSING if kind.action == "review" else ""
    step = db.execute(f"SELECT occurred_on, fields, workstation_id, seq FROM history WHERE"
                      f" application_id = ? AND action = ? {only}"
                      f" ORDER BY occurred_on DESC, seq DESC LIMIT 1",
                      [case_id, kind.action]).fetchone()
    if not step:
        raise Refusal(f"案件 {case_id} 没有找到{kind.title}所依据的决定记录。")
    f = json.loads(step[1])
    return {"case_id": case_id, "kind": kind, "name": row["applicant_name"],
            "id_number": mask_id_number(row["applicant_id_number"]),
            "received_on": row["received_on"], "program": program_label(row["program"]),
            "reason_label": reason_label(row["reason"]), "decided_on": step[0],
            "reason": f.get("reason", ""), "county_ref": f.get("county_ref", ""),
            "group": row["group_name"], "serial": letter_serial(db, kind, step[0][:4],
                                                                step[2], step[3])}


def rejection_facts(db, case_id: str) -> dict:
    """The township's 不予批准 facts (kept for its callers)."""
    facts = refusal_facts(db, case_id)
    if facts["kind"].status != "rejected":
        raise Refusal(f"案件 {case_id} 没有不批准的决定,不能打印不予批准通知书。")
    return facts


def letter_serial(db, kind: Kind, year: str, workstation_id: str, seq: int) -> int:
    """The step's place among the same issuer's steps of this kind in the year."""
    only = _REFUSING if kind.action == "review" else ""
    return db.execute(f"SELECT COUNT(*) FROM history WHERE workstation_id = ? AND action = ?"
                      f" AND seq <= ? AND substr(occurred_on, 1, 4) = ? {only}",
                      [workstation_id, kind.action, seq, year]).fetchone()[0]


def letter_number(facts: dict, ws: dict) -> str:
    kind, year = facts["kind"], facts["decided_on"][:4]
    if kind.township:
        return f"{ws['township']}民政〔{year}〕{facts['serial']}号"
    return f"{ws.get('village') or ''}{kind.series}〔{year}〕{facts['serial']}号"


def letter_title(db, case_id: str) -> str:
    return refusal_facts(db, case_id)["kind"].title


def letter_pdf(store, case_id: str, today: date) -> bytes:
    facts = refusal_facts(store.db, case_id)
    ws, kind = store.workstation, facts["kind"]
    if not kind.township and ws["role"] != "village":
        raise Refusal(f"{kind.title}由村里出具,请在{case_id[:12]}村的工作站打印。")
    check_printable([("申请人姓名", facts["name"]), ("理由", facts["reason"]),
                     ("村民小组", facts["group"])])
    story = [L.para(kind.title, L.TITLE), L.para(letter_number(facts, ws), L.SUBTITLE),
             Spacer(0, 4 * mm),
             L.para(f"{facts['name']}（身份证号 {facts['id_number']}）：", L.PLAIN),
             Spacer(0, 2 * mm)]
    body = _township_body(facts, ws) if kind.township else _village_body(facts, ws)
    story += [L.para(text, L.BODY) for text in body]
    story += [Spacer(0, 14 * mm), _signature(_issuer(kind, ws), facts["decided_on"])]
    return L.build_pdf(story, title=kind.title, code=f"案件 {case_id}")


def _issuer(kind: Kind, ws: dict) -> str:
    return f"{ws['township']}人民政府" if kind.township else f"{ws.get('village') or ''}村民委员会"


def _remedies(ws: dict, lead: str = "如对本决定不服", since: str = "收到本通知书") -> str:
    return (f"{lead}，可以自{since}之日起六十日内向{ws['county']}人民政府申请行政复议，"
            f"或者自{since}之日起六个月内依法向人民法院提起行政诉讼。")


def _township_body(f: dict, ws: dict) -> list[str]:
    who = (f"经{ws['county']}民政局审批（批复文号：{f['county_ref']}）" if f["county_ref"]
           else f"经{ws['township']}人民政府审核")
    return [
        f"你（户）于{L.chinese_date(f['received_on'])}以“{f['reason_label']}”为由申请"
        f"{f['program']}（案件编号 {f['case_id']}）。经入户调查、村民代表民主评议、"
        f"村级初审公示，{who}，于{L.chinese_date(f['decided_on'])}决定不予批准。",
        f"不予批准的理由：{f['reason']}",
        "如情况发生变化，可重新提出申请。" + _remedies(ws),
        "特此通知。",
    ]


def _village_body(f: dict, ws: dict) -> list[str]:
    applied = (f"你（户）于{L.chinese_date(f['received_on'])}以“{f['reason_label']}”为由申请"
               f"{f['program']}（案件编号 {f['case_id']}）。")
    if f["kind"].action == "refuse":
        decided = f"经审查，于{L.chinese_date(f['decided_on'])}决定不予受理。"
        why, again = "不予受理的理由", "如补齐材料或情况发生变化，可重新提出申请。"
    else:
        decided = (f"经入户调查和村级初审，于{L.chinese_date(f['decided_on'])}决定初审不予通过，"
                   f"不再上报乡镇审批。")
        why, again = "初审不通过的理由", "如情况发生变化，可重新提出申请。"
    return [
        applied + decided,
        f"{why}：{f['reason']}",
        again + f"如对本决定有异议，可以自收到本通知书之日起十五日内向{ws['township']}人民政府"
        f"（民政办）提出，由乡镇人民政府复核。"
        + _remedies(ws, "对复核结果仍不服的", "收到复核结果"),
        "特此通知。",
    ]


def _signature(issuer: str, decided_on: str):
    usable = L.usable_width()
    right = [L.para(f"{issuer}（盖章）", L.style(11.5, align="center")),
             Spacer(0, 18 * mm), L.para(L.chinese_date(decided_on), L.style(11.5, align="center"))]
    left = [L.para("经办人（签字）：", L.PLAIN), Spacer(0, 12 * mm),
            L.para("申请人签收：　　　　　　日期：", L.PLAIN)]
    return L.box_table([[left, right]], [usable * 0.5, usable * 0.5],
                       [("VALIGN", (0, 0), (-1, -1), "TOP")], rowHeights=[44 * mm])


# the shape other written notices to a household share (the 低保 停保通知书)
signature_block = _signature
remedies_text = _remedies
