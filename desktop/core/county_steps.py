"""The county's step (转县审批 decided at the county, issue 14) and what it binds.

The county decides a referred case: approve within the county cap, reject with a reason,
or return it for more material. Its decision travels to the township, which records it
as its own approve / reject / return citing the county's decision number (文号), and
that step travels on to the village as any township decision does. So the township's
step must say exactly what the county decided: the same decision, the same amount, the
same number — the county checks it again when the township's step reaches it."""

from __future__ import annotations

import re

from desktop.core import fields as f
from desktop.core.assessment_items import check_note, note_place_problem
from desktop.core.editions import came_from
from desktop.core.errors import FieldError
from desktop.core.regions import code_problem
from desktop.core.steps import plain_date, step_date, yuan

DECISIONS = {"approve": "批准", "reject": "不批准", "return": "退回补充"}


def county_decision(errors, fi, case, today, policy) -> dict:
    out = {"date": step_date(errors, fi, case, today, label="决定日期"),
           "decider": f.text(errors, "decider", fi.get("decider"), required=True, max_len=40,
                             label="审批人"),
           "decision": f.choice(errors, "decision", fi.get("decision"), DECISIONS,
                                label="县局决定"),
           "ref": f.text(errors, "ref", fi.get("ref"), required=True, max_len=100,
                         label="县局批复文号")}
    if out["decision"] == "approve":
        out["amount_fen"] = f.fen(errors, "amount_fen", fi.get("amount_fen"), positive=True,
                                  maximum=policy.max_request_fen, label="批准金额")
        if out["amount_fen"] > policy.county_cap_fen:
            errors.append(FieldError("amount_fen", f"超过县级审批上限 {yuan(policy.county_cap_fen)}"
                                                   f" 元。"))
    elif out["decision"]:
        label = "不批准理由" if out["decision"] == "reject" else "退回理由"
        out["reason"] = f.text(errors, "reason", fi.get("reason"), required=True,
                               max_len=2000, label=label)
    for key in ("amount_fen", "reason"):
        if key in fi and key not in out and out["decision"]:
            errors.append(FieldError(key, f"县局{DECISIONS[out['decision']]}时不填写"
                                          f"{'金额' if key == 'amount_fen' else '理由'}。"))
    return out


def as_decided(errors: list, code: str, out: dict, case) -> None:
    """A township step on a case the county decided records that decision as it is."""
    decided = case.county_decision
    if case.status != "county_decided" or not decided:
        return
    if decided["decision"] != code:
        errors.append(FieldError("decision", f"县局的决定是“{DECISIONS[decided['decision']]}”"
                                             f"({decided['ref']}),只能按此登记。"))
        return
    if out.get("county_ref") != decided["ref"]:
        errors.append(FieldError("county_ref", f"县局批复文号应为“{decided['ref']}”。"))
    if code == "approve" and out.get("amount_fen") != decided.get("amount_fen"):
        errors.append(FieldError("amount_fen", f"县局批准的金额是 {yuan(decided['amount_fen'])}"
                                               f" 元,只能按此登记。"))


# -- 抽查: the county's spot-checks of filed cases ------------------------------------------
CHECK_ITEMS = {"identity": "身份与户籍", "household": "家庭成员", "income": "收入与财产",
               "deliberation": "民主评议", "notice": "公示", "amount": "救助金额",
               "payment": "发放到户", "records": "档案材料"}
CHECK_RESULTS = {"ok": "无问题", "minor": "有问题,已整改", "serious": "有问题,需纠正"}


def spot_selected(errors, fi, case, today, policy) -> dict:
    """The case was drawn for the month's spot-check: the draw's seed and the number of
    cases it was drawn from are recorded, so anyone can draw it again."""
    month = f.text(errors, "month", fi.get("month"), required=True, max_len=7, label="抽查月份")
    if month and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        errors.append(FieldError("month", f.month_wrong("抽查月份", month)))
    return {"month": month,
            "seed": f.count(errors, "seed", fi.get("seed"), minimum=0, maximum=2 ** 62,
                            label="随机种子"),
            "drawn_from": f.count(errors, "drawn_from", fi.get("drawn_from"), minimum=1,
                                  maximum=10_000_000, label="抽样范围"),
            "size": f.count(errors, "size", fi.get("size"), minimum=1, maximum=1000,
                            label="抽取件数")}


CHECK_FIELDS = {"checked_on": "核查日期", "checker": "核查人", "items": "核查项目",
                "result": "核查结论", "problems": "发现的问题", "follow_up": "整改要求"}


def spot_checked(errors, fi, case, today, policy) -> dict:
    """The check form: items checked, the result, problems found and the follow-up."""
    items = fi.get("items")
    if not isinstance(items, list) or not items or any(i not in CHECK_ITEMS for i in items) \
            or len(set(items)) != len(items):
        errors.append(FieldError("items", f"核查项目应为以下各项中的若干项(不重复):"
                                          f"{'、'.join(CHECK_ITEMS)}。"))
        items = []
    out = {"checked_on": step_date(errors, fi, case, today, key="checked_on", label="核查日期"),
           "checker": f.text(errors, "checker", fi.get("checker"), required=True, max_len=40,
                             label="核查人"),
           "items": [i for i in CHECK_ITEMS if i in items],
           "result": f.choice(errors, "result", fi.get("result"), CHECK_RESULTS,
                              label="核查结论"),
           "problems": f.text(errors, "problems", fi.get("problems"), max_len=2000,
                              label="发现的问题"),
           "follow_up": f.text(errors, "follow_up", fi.get("follow_up"), max_len=2000,
                               label="整改要求")}
    if out["result"] in ("minor", "serious") and not out["problems"]:
        errors.append(FieldError("problems", "核查发现问题时,请写明发现的问题。"))
    if out["result"] == "serious" and not out["follow_up"]:
        errors.append(FieldError("follow_up", "需纠正的问题请写明整改要求(送达乡镇)。"))
    return out


# -- what a township passes on from its county to a village, and tells its county ---------
# A village does not know the county's key: its township, whose signed bundle carries
# the record, vouches for it and names the county's event it came from (as an edition
# of policy is forwarded, core/editions.py).
FROM_KEYS = ("from_workstation", "from_seq", "from_hash")


def _county_name(errors, fi) -> str:
    return f.text(errors, "county", fi.get("county"), required=True, max_len=60,
                  label="县民政局")


def spot_forwarded(errors, fi, case, today, policy) -> dict:
    """A county's 抽查 result of one of the village's cases, as the county recorded it."""
    out = spot_checked(errors, fi, case, today, policy)
    out["county"] = _county_name(errors, fi)
    out.update(came_from(errors, fi))
    return out


def note_forwarded(errors, fi, case, today, policy) -> dict:
    """The county's 讲评 note about a village, with who at the county wrote it."""
    out = check_note(errors, fi, case, today, policy)
    out["county"] = _county_name(errors, fi)
    out["by"] = f.text(errors, "by", fi.get("by"), required=True, max_len=40, label="讲评人")
    out.update(came_from(errors, fi))
    return out


def forwarded_note_place(case_id: str, clean: dict) -> str:
    """A note forwarded to a village is that village's (`<village code>-JP-YYYY-MM`)."""
    problem = note_place_problem(case_id, clean)
    if not problem and case_id[9:12] == "000":
        problem = f"讲评记录 {case_id[:40]} 是给乡镇的,不转发到村"
    return problem


# -- the names of villages, told to the county by their township --------------------------
CARD_SUFFIX = "-CARD"


def card_record(village_code: str) -> str:
    return village_code + CARD_SUFFIX


def village_named(errors, fi, case, today, policy) -> dict:
    """A village's name and officer from the identity card its township enrolled: the
    county enrolls no village, and names them by their township's word."""
    code = f.text(errors, "village_code", fi.get("village_code"), required=True, max_len=12,
                  label="村代码")
    if code and (code_problem(code, "village") or code.endswith("000")):
        errors.append(FieldError("village_code", f"村代码应为 12 位数字(后三位不为 000),"
                                                 f"现在是“{code}”。"))
    return {"village_code": code,
            "village": f.text(errors, "village", fi.get("village"), required=True, max_len=40,
                              label="村名"),
            "officer": f.text(errors, "officer", fi.get("officer"), required=True, max_len=40,
                              label="村级民生员"),
            "date": plain_date(errors, fi, today, label="登记日期")}


def card_place_problem(case_id: str, clean: dict) -> str:
    if case_id != card_record(clean["village_code"]):
        return f"记录 {case_id[:40]} 与其内容所写的村({clean['village_code']})不符"
    return ""
