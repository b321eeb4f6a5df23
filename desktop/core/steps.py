"""The fields of each workflow step, and the rules a step must satisfy beyond the state
machine (a notice closes only after its period, 2/3 of those present are representatives,
an approval stays within the township cap …). Every problem is reported at once."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.core import fields as f
from desktop.core.categories import INVESTIGATION_METHODS, PAYMENT_METHODS
from desktop.core.errors import FieldError
from desktop.core.policy import Policy


@dataclass
class CaseFacts:
    """What the rules need to know about a case (built by the store from its projection)."""

    status: str
    program: str
    category: str
    last_on: date  # the date of the latest step: a new step cannot be dated before it
    notice_start: date | None = None
    notice_days: int = 0
    objections: dict[str, str] = field(default_factory=dict)  # id → "open" | "closed"
    approved_fen: int = 0  # what the township (or county) approved
    paid_first_fen: int = 0  # 先行救助 already paid out
    deliberation: str = ""  # the conclusion of the last 评议 (同意 / 不同意), "" if none
    county_decision: dict | None = None  # the county's decision on a referred case
    # what a 低保 approval reckons its monthly amount from (desktop/core/dibao.py)
    household_size: int = 1
    income_fen: int | None = None  # the household's annual income as investigated
    received_on: str = ""
    # an enrolled 低保 household: class, persons, monthly_fen, stopped_month and the review
    # awaiting the township's decision (desktop/core/dibao_review.py); None otherwise
    dibao: dict | None = None


def notice_last_day(start: date, days: int) -> date:
    """A notice of N days starting on `start` ends at the end of day start + N - 1."""
    return start + timedelta(days=days - 1)


def step_date(errors, fields_in, case, today, key="date", label="日期", future_ok=False):
    limit = today + timedelta(days=60) if future_ok else today
    d = f.day(errors, key, fields_in.get(key), today=limit, label=label,
              not_before=case.last_on)
    return f.iso(d) if d else ""


def plain_date(errors, fi, today, *, key="date", label="日期") -> str:
    """A date of a record that is no step of a case (a batch's result notice, a photo)."""
    d = f.day(errors, key, fi.get(key), today=today, label=label)
    return f.iso(d) if d else ""


_RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]{0,39}")


def record_id(errors, key: str, value, label: str, *, required=True) -> str:
    """A notice or objection number: letters, digits and dashes (it names files too)."""
    out = f.text(errors, key, value, required=required, max_len=40, label=label)
    if out and not _RECORD_ID.fullmatch(out):
        errors.append(FieldError(key, f"{label}“{out}”只能由字母、数字和连字符组成。"))
    return out


def dated(errors, fi, case, today, policy) -> dict:
    return {"date": step_date(errors, fi, case, today)}


def refusal(errors, fi, case, today, policy) -> dict:
    return {"date": step_date(errors, fi, case, today),
            "reason": f.text(errors, "reason", fi.get("reason"), required=True, label="理由")}


def investigation(errors, fi, case, today, policy) -> dict:
    investigators = f.text_list(errors, "investigators", fi.get("investigators"),
                                label="调查人")
    if len(set(investigators)) < 2:
        errors.append(FieldError("investigators", "入户调查至少需要 2 名不同的调查人。"))
    elif len(set(investigators)) < len(investigators):
        errors.append(FieldError("investigators", "调查人名单中有重复的人,请每人只写一次。"))
    methods = f.text_list(errors, "methods", fi.get("methods"), label="调查方式")
    if not methods:
        errors.append(FieldError("methods", "请至少选择一种调查方式。"))
    for m in methods:
        if m not in INVESTIGATION_METHODS:
            errors.append(FieldError("methods", f"调查方式应为:{'、'.join(INVESTIGATION_METHODS)}。"))
    return {
        "date": step_date(errors, fi, case, today, label="调查日期"),
        "investigators": investigators,
        "methods": methods,
        "household_income_fen": f.fen(errors, "household_income_fen",
                                      fi.get("household_income_fen"), label="家庭年收入"),
        "household_expenditure_fen": f.fen(errors, "household_expenditure_fen",
                                           fi.get("household_expenditure_fen"),
                                           label="家庭年支出"),
        "findings": f.text(errors, "findings", fi.get("findings"), required=True,
                           max_len=2000, label="调查结论"),
    }


def deliberation(errors, fi, case, today, policy) -> dict:
    out = {
        "date": step_date(errors, fi, case, today, label="评议日期"),
        "meeting_id": f.text(errors, "meeting_id", fi.get("meeting_id"), max_len=60),
        "present": f.count(errors, "present", fi.get("present"), minimum=1, label="到会人数"),
        "representatives": f.count(errors, "representatives", fi.get("representatives"),
                                   label="村民代表人数"),
        "votes_for": f.count(errors, "votes_for", fi.get("votes_for"), label="赞成票"),
        "votes_against": f.count(errors, "votes_against", fi.get("votes_against"),
                                 label="反对票"),
        "votes_abstain": f.count(errors, "votes_abstain", fi.get("votes_abstain"),
                                 label="弃权票"),
        "conclusion": f.choice(errors, "conclusion", fi.get("conclusion"), ("同意", "不同意"),
                               label="评议结论"),
        "minutes": f.text(errors, "minutes", fi.get("minutes"), max_len=5000, label="会议记录"),
    }
    check_meeting(errors, out, policy)
    _conclusion_follows_votes(errors, out, policy)
    return out


def votes_agree(m: dict, policy: Policy) -> bool:
    """Whether the votes carry the case (同意) under the county's rule."""
    if policy.deliberation_majority_base == "for_against":
        return m["votes_for"] > m["votes_against"]
    if policy.deliberation_majority_base == "present":
        return 2 * m["votes_for"] > m["present"]
    return 2 * m["votes_for"] > m["votes_for"] + m["votes_against"] + m["votes_abstain"]


def _conclusion_follows_votes(errors: list, m: dict, policy: Policy) -> None:
    """A conclusion that contradicts the votes is refused: the villagers' vote is what
    the notice says was deliberated (村民代表民主评议)."""
    if not m["conclusion"]:
        return
    follows = "同意" if votes_agree(m, policy) else "不同意"
    if m["conclusion"] == follows:
        return
    base = policy.deliberation_majority_base
    rule = ("赞成票须多于反对票" if base == "for_against" else
            f"赞成票须超过到会人数({m['present']})的一半" if base == "present" else
            f"赞成票须超过参加表决人数"
            f"({m['votes_for'] + m['votes_against'] + m['votes_abstain']})的一半")
    errors.append(FieldError("conclusion",
                             f"表决结果为赞成 {m['votes_for']}、反对 {m['votes_against']}、"
                             f"弃权 {m['votes_abstain']},{rule},评议结论应为“{follows}”。"
                             f"请核对票数或结论。"))


def check_meeting(errors: list, m: dict, policy: Policy) -> None:
    present, reps = m["present"], m["representatives"]
    needed = math.ceil(present * policy.representatives_share_num
                       / policy.representatives_share_den)
    if reps > present:
        errors.append(FieldError("representatives", "村民代表人数不能多于到会人数。"))
    elif present and reps < needed:
        errors.append(FieldError("representatives",
                                 f"村民代表须占到会人数的 {policy.representatives_share_num}/"
                                 f"{policy.representatives_share_den} 以上:到会 {present} 人,"
                                 f"至少需要 {needed} 名代表。"))
    if m["votes_for"] + m["votes_against"] + m["votes_abstain"] > present:
        errors.append(FieldError("votes_for", "赞成、反对、弃权票合计不能超过到会人数。"))


def review(errors, fi, case, today, policy) -> dict:
    passed = f.flag(errors, "passed", fi.get("passed"), label="是否通过")
    if "passed" not in fi:
        errors.append(FieldError("passed", "请选择初审是否通过。"))
    out = {"date": step_date(errors, fi, case, today, label="初审日期"), "passed": passed,
           "opinion": f.text(errors, "opinion", fi.get("opinion"), required=True,
                             max_len=2000, label="初审意见")}
    if passed:
        out["proposed_fen"] = f.fen(errors, "proposed_fen", fi.get("proposed_fen"),
                                    positive=True, maximum=policy.max_request_fen,
                                    label="拟救助金额")
    else:
        out["reason"] = f.text(errors, "reason", fi.get("reason"), required=True,
                               label="不通过的理由")
    _against_deliberation(errors, fi, case, passed, out)
    return out


def goes_against(deliberation: str, passed: bool) -> bool:
    """A 初审 that passes a case the representatives voted down, or the reverse."""
    return (deliberation == "不同意" and passed) or (deliberation == "同意" and not passed)


def _against_deliberation(errors: list, fi: dict, case, passed: bool, out: dict) -> None:
    """Going against the deliberation needs a written reason (shown on the approval form
    and flagged at the township); otherwise no such reason is recorded."""
    key = "against_deliberation_reason"
    reason = f.text(errors, key, fi.get(key), max_len=2000, label="与评议结论不一致的理由")
    if "passed" not in fi or not case.deliberation:
        if reason:
            errors.append(FieldError(key, "本案没有民主评议结论,无需填写与评议不一致的理由。"))
        return
    if goes_against(case.deliberation, passed):
        if not reason:
            verb = "通过" if passed else "不通过"
            errors.append(FieldError(key, f"村民代表评议结论为“{case.deliberation}”,初审"
                                          f"{verb}与之相反:请写明理由(将印在审批表上,"
                                          f"并提示乡镇)。"))
        out[key] = reason
    elif reason:
        errors.append(FieldError(key, "初审结论与评议结论一致,无需填写不一致的理由。"))


def pay_first(errors, fi, case, today, policy) -> dict:
    out = {
        "date": step_date(errors, fi, case, today, label="发放日期"),
        "amount_fen": f.fen(errors, "amount_fen", fi.get("amount_fen"), positive=True,
                            maximum=policy.max_request_fen, label="先行救助金额"),
        "authorised_by": f.text(errors, "authorised_by", fi.get("authorised_by"),
                                required=True, max_len=40, label="批准人"),
        "method": f.choice(errors, "method", fi.get("method"), PAYMENT_METHODS,
                           label="发放方式", default="现金"),
    }
    cap = policy.paid_first_limit_fen
    if out["amount_fen"] > cap:
        errors.append(FieldError("amount_fen",
                                 f"先行救助金额 {yuan(out['amount_fen'])} 元超过先行救助上限 "
                                 f"{yuan(cap)} 元;超出部分请按正常程序审批。"))
    return out


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def post_notice(errors, fi, case, today, policy) -> dict:
    days = f.count(errors, "days", fi.get("days", policy.notice_days(case.program)),
                   minimum=1, maximum=60, label="公示天数")
    if days and days < policy.notice_days(case.program):
        errors.append(FieldError("days", f"公示期不得少于 {policy.notice_days(case.program)} 天。"))
    return {
        "notice_id": record_id(errors, "notice_id", fi.get("notice_id"), "公示批次号"),
        "start": step_date(errors, fi, case, today, key="start", label="公示开始日期",
                       future_ok=True),
        "days": days,
        "board": f.text(errors, "board", fi.get("board"), max_len=200,
                        label="张贴地点") or "村务公开栏",
    }


def objection(errors, fi, case, today, policy) -> dict:
    oid = record_id(errors, "objection_id", fi.get("objection_id"), "异议编号")
    if oid in case.objections:
        errors.append(FieldError("objection_id", f"异议编号 {oid} 已存在。"))
    received = step_date(errors, fi, case, today, key="received_on", label="收到异议日期")
    if received and case.notice_start:
        last = notice_last_day(case.notice_start, case.notice_days)
        if not case.notice_start.isoformat() <= received <= last.isoformat():
            errors.append(FieldError("received_on",
                                     f"异议应在公示期内({case.notice_start} 至 {last})提出。"))
    return {"objection_id": oid, "received_on": received,
            "from": f.text(errors, "from", fi.get("from"), max_len=60, label="异议人"),
            "content": f.text(errors, "content", fi.get("content"), required=True,
                              max_len=2000, label="异议内容")}


def resolve_objection(errors, fi, case, today, policy) -> dict:
    oid = record_id(errors, "objection_id", fi.get("objection_id"), "异议编号")
    if oid and case.objections.get(oid) != "open":
        open_ids = "、".join(k for k, v in case.objections.items() if v == "open") or "无"
        errors.append(FieldError("objection_id",
                                 f"没有待处理的异议“{oid}”。待处理的异议:{open_ids}。"))
    result = f.choice(errors, "result", fi.get("result"),
                      {"upheld": "异议成立", "dismissed": "异议不成立"}, label="处理结果")
    out = {"objection_id": oid, "date": step_date(errors, fi, case, today, label="处理日期"),
           "how_checked": f.text(errors, "how_checked", fi.get("how_checked"), required=True,
                                 max_len=2000, label="核查情况"),
           "result": result}
    if result == "upheld":
        out["back_to"] = f.choice(errors, "back_to", fi.get("back_to"),
                                  {"investigation": "重新调查", "deliberation": "重新评议"},
                                  label="退回环节")
    return out


def close_notice(errors, fi, case, today, policy) -> dict:
    out = dated(errors, fi, case, today, policy)
    if case.notice_start:
        last = notice_last_day(case.notice_start, case.notice_days)
        if out["date"] and out["date"] <= last.isoformat():
            errors.append(FieldError("date", f"公示期到 {last} 结束,{last + timedelta(days=1)}"
                                             f" 起才能结束公示。"))
    still_open = [k for k, v in case.objections.items() if v == "open"]
    if still_open:
        errors.append(FieldError("objection_id",
                                 f"还有未处理的异议({'、'.join(still_open)}),请先处理。"))
    return out


def result_posted(errors, fi, case, today, policy) -> dict:
    return {"date": step_date(errors, fi, case, today),
            "notice_id": record_id(errors, "notice_id", fi.get("notice_id"), "结果公示批次号",
                                   required=False)}
