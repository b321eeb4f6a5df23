"""Objections (异议) to a household's line on a 低保变动公示 (DOMAIN.md "Public notice":
date received, from whom — may be anonymous —, content, how it was checked, result,
date closed).

A villager may object, during the notice's period, to a change posted for a household:
its enrollment, an adjusted amount, a class change or a stop. The village records the
objection (`dibao_objection`) and, once checked, its result (`dibao_resolve_objection`),
both as steps of the household's case: they travel up in the village's bundle like its
reviews and are checked here, typed or imported, against what the ledger holds of the
household (`CaseFacts.dibao`: the notices that posted a line for it and its objections).

What follows is projected (`storage/dibao_projections.py`): while an objection to the
household's latest change is open, the change is not paid — the household is paid what
it was before (nothing, for an enrollment); upheld, the change is undone and the
household's 复核 falls due at once (DOMAIN.md: upheld → re-investigation); dismissed,
with the reason told to whoever objected, the change is paid as decided. No SQL, no Qt."""

from __future__ import annotations

from datetime import date

from desktop.core import dibao
from desktop.core import fields as f
from desktop.core.errors import FieldError
from desktop.core.steps import notice_last_day, record_id, step_date

OBJECT_KEYS = ("objection_id", "notice_id", "received_on", "from", "content")
RESOLVE_KEYS = ("objection_id", "date", "how_checked", "result", "reason")
RESULTS = {"upheld": "异议成立", "dismissed": "异议不成立"}


def _household(errors: list, case) -> dict:
    household = getattr(case, "dibao", None)
    if case is not None and case.program == "dibao" and case.status == "approved":
        errors.append(FieldError("", dibao.NOTICE_FIRST + "之后才能登记或处理对低保变动的异议。"))
        return {}
    if case is None or not household:
        errors.append(FieldError("", "本案不是已纳入低保的家庭,没有可提异议的低保变动。"))
        return {}
    return household


def objected(errors, fi, case, today, policy) -> dict:
    household = _household(errors, case)
    oid = record_id(errors, "objection_id", fi.get("objection_id"), "异议编号")
    if oid and oid in household.get("objections", {}):
        errors.append(FieldError("objection_id", f"异议编号 {oid} 已存在。"))
    notice_id = record_id(errors, "notice_id", fi.get("notice_id"), "变动公示编号")
    posted = household.get("posted", {}).get(notice_id)
    if household and notice_id and posted is None:
        shown = "、".join(sorted(household.get("posted", {}))) or "无"
        errors.append(FieldError("notice_id", f"变动公示 {notice_id} 上没有该户的变动。"
                                              f"公示过该户变动的:{shown}。"))
    received = step_date(errors, fi, case, today, key="received_on", label="收到异议日期")
    received = date.fromisoformat(received) if received else None
    if received and posted:
        start = date.fromisoformat(posted["date"])
        last = notice_last_day(start, posted["days"])
        if not start <= received <= last:
            errors.append(FieldError("received_on", f"异议应在变动公示期内({start} 至 {last})"
                                                    f"提出,收到日期却是 {received}。"))
    return {"objection_id": oid, "notice_id": notice_id,
            "received_on": f.iso(received) if received else "",
            "from": f.text(errors, "from", fi.get("from"), max_len=60, label="异议人"),
            "content": f.text(errors, "content", fi.get("content"), required=True,
                              max_len=2000, label="异议内容")}


def resolved(errors, fi, case, today, policy) -> dict:
    household = _household(errors, case)
    oid = record_id(errors, "objection_id", fi.get("objection_id"), "异议编号")
    objection = household.get("objections", {}).get(oid)
    if household and oid and (objection is None or objection["status"] != "open"):
        waiting = "、".join(k for k, o in household.get("objections", {}).items()
                            if o["status"] == "open") or "无"
        errors.append(FieldError("objection_id", f"该户没有待处理的异议“{oid}”。"
                                                 f"待处理的异议:{waiting}。"))
    out = {"objection_id": oid, "date": step_date(errors, fi, case, today, label="处理日期"),
           "how_checked": f.text(errors, "how_checked", fi.get("how_checked"), required=True,
                                 max_len=2000, label="核查情况"),
           "result": f.choice(errors, "result", fi.get("result"), RESULTS, label="处理结果"),
           "reason": f.text(errors, "reason", fi.get("reason"), max_len=2000,
                            label="不成立的理由")}
    if out["result"] == "dismissed" and not out["reason"]:
        errors.append(FieldError("reason", "异议不成立须写明理由(告知异议人)。"))
    if out["result"] == "upheld" and out["reason"]:
        errors.append(FieldError("reason", "异议成立时不填写不成立的理由:该户的变动暂停,"
                                           "重新复核。"))
    return out


def objection_line(fi: dict) -> str:
    who = fi.get("from") or "匿名"
    return (f"{fi.get('objection_id')},对变动公示 {fi.get('notice_id')},{fi.get('received_on')}"
            f" 收到,异议人:{who};{fi.get('content', '')}")


def resolution_line(fi: dict) -> str:
    if fi.get("result") == "upheld":
        follows = "该户的变动不予执行,按变动前发放,重新复核"
    else:
        follows = f"理由:{fi.get('reason', '')};变动照常执行"
    return (f"{fi.get('objection_id')} {RESULTS.get(fi.get('result'), '')}"
            f"(核查:{fi.get('how_checked', '')});{follows}")


SUMMARIES = {"dibao_objection": objection_line, "dibao_resolve_objection": resolution_line}
