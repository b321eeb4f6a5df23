"""复核, its decision and 停保 of an enrolled 低保 household (DOMAIN.md "低保", 动态管理).

The village reviews a household in payment (`dibao_review`): who investigated and
when, the household's persons and annual income now, what changed, and the outcome it
proposes. The review travels up in the village's bundle like an application; the
township decides it (`dibao_decide`): continue, adjust the amount, change the class —
each at the amount the county's method gives for the persons and income the review
found, exactly as at enrollment — or stop. The township may also stop a household with
no review (a death, a move), always with a written reason; where the income rose above
the standard the policy's gradual exit (渐退) keeps paying, at its share, for its months.

A change takes effect from a month (`from_month`): the decision's month or the next
(the operation picks the first month the village has not been paid). No SQL, no Qt."""

from __future__ import annotations

from desktop.core import dibao
from desktop.core import fields as f
from desktop.core.dibao_objection import SUMMARIES as OBJECTION_SUMMARIES
from desktop.core.errors import FieldError
from desktop.core.money import format_yuan
from desktop.core.steps import step_date

OUTCOMES = {"continue": "继续保障", "adjust": "调整保障金", "reclass": "变更分类", "stop": "停保"}
STOP_REASONS = {"income": "家庭收入超过低保标准", "death": "保障对象死亡", "moved": "迁出本地",
                "refused": "无正当理由拒不配合复核", "other": "其他原因"}
REVIEW_KEYS = ("date", "investigators", "household_size", "household_income_fen", "changes",
               "proposed", "proposed_class", "reason", "findings")
DECIDE_KEYS = ("date", "approver", "outcome", "amount_fen", "dibao_class", "from_month",
               "reason_kind", "reason", "exit_months", "exit_fen")


# -- what the case must be ------------------------------------------------------------------
def _household(errors: list, case) -> dict | None:
    """The enrolled household of the case, or None with the reason in `errors`."""
    household = getattr(case, "dibao", None)
    if case.program == dibao.PROGRAM and case.status == "approved":  # its notice is next
        errors.append(FieldError("", dibao.NOTICE_FIRST + "之后才能复核或停保。"))
        return None
    if case.program != dibao.PROGRAM or not household:
        errors.append(FieldError("", "本案不是已纳入低保的家庭,不能复核或停保。"))
        return None
    if household.get("stopped_month"):
        errors.append(FieldError("", f"该户已决定停保(自 {household['stopped_month']} 起不再"
                                     f"发放),不能再复核或决定。"))
        return None
    return household


# -- the village's review ---------------------------------------------------------------------
def review(errors, fi, case, today, policy) -> dict:
    household = _household(errors, case)
    if household and household.get("review"):
        errors.append(FieldError("", f"该户 {household['review']['date']} 的复核还在等乡镇决定,"
                                     f"决定后才能再次复核。"))
    investigators = f.text_list(errors, "investigators", fi.get("investigators"),
                                label="调查人")
    if len(set(investigators)) < 2 or len(set(investigators)) < len(investigators):
        errors.append(FieldError("investigators", "复核入户调查至少需要 2 名不同的调查人。"))
    out = {"date": step_date(errors, fi, case, today, label="复核调查日期"),
           "investigators": investigators,
           "household_size": f.count(errors, "household_size", fi.get("household_size"),
                                     minimum=1, maximum=30, label="现有家庭人口"),
           "household_income_fen": f.fen(errors, "household_income_fen",
                                         fi.get("household_income_fen"), label="现家庭年收入"),
           "changes": f.text(errors, "changes", fi.get("changes"), max_len=2000,
                             label="家庭成员或收入变化"),
           "proposed": f.choice(errors, "proposed", fi.get("proposed"), OUTCOMES,
                                label="复核意见"),
           "proposed_class": f.text(errors, "proposed_class", fi.get("proposed_class"),
                                    max_len=1, label="建议分类"),
           "reason": f.text(errors, "reason", fi.get("reason"), max_len=2000,
                            label="停保理由"),
           "findings": f.text(errors, "findings", fi.get("findings"), required=True,
                              max_len=2000, label="复核结论")}
    proposed, cls = out["proposed"], out["proposed_class"]
    if cls and cls not in dibao.CLASSES:
        errors.append(FieldError("proposed_class", "建议分类应为 A、B 或 C。"))
    if proposed == "reclass" and household and cls in ("", household["class"]):
        errors.append(FieldError("proposed_class", f"建议变更分类时须写明新的分类(现为 "
                                                   f"{household['class']} 类)。"))
    if proposed != "reclass" and cls:
        errors.append(FieldError("proposed_class", "只有建议变更分类时才填写建议分类。"))
    if proposed == "stop" and not out["reason"]:
        errors.append(FieldError("reason", "建议停保须写明理由。"))
    if proposed != "stop" and out["reason"]:
        errors.append(FieldError("reason", "只有建议停保时才填写停保理由。"))
    return out


# -- the township's decision ------------------------------------------------------------------
def decision(errors, fi, case, today, policy) -> dict:
    household = _household(errors, case)
    out = {"date": step_date(errors, fi, case, today, label="决定日期"),
           "approver": f.text(errors, "approver", fi.get("approver"), required=True,
                              max_len=40, label="审批人"),
           "outcome": f.choice(errors, "outcome", fi.get("outcome"), OUTCOMES,
                               label="复核决定")}
    out["from_month"] = dibao.month_field(errors, "from_month", fi.get("from_month"),
                                          "生效月份")
    if out["from_month"] and out["date"]:
        first = dibao.month_of(out["date"])
        if not first <= out["from_month"] <= dibao.add_months(first, 1):
            errors.append(FieldError("from_month", f"生效月份应为决定当月或次月,现在是 "
                                                   f"{out['from_month']}。"))
    if out["outcome"] == "stop":
        _stop(errors, fi, household, policy, out)
    elif out["outcome"]:
        _keep(errors, fi, household, policy, out)
    return out


def _keep(errors: list, fi: dict, household, policy, out: dict) -> None:
    """Continue, adjust or change class: at the amount the method gives for what the
    review found, and named for what it changes."""
    for key, label in (("reason_kind", "停保原因"), ("reason", "停保理由"),
                       ("exit_months", "渐退月数"), ("exit_fen", "渐退期保障金")):
        if fi.get(key) not in (None, ""):
            errors.append(FieldError(key, f"{label}只用于停保决定。"))
    out["amount_fen"] = f.fen(errors, "amount_fen", fi.get("amount_fen"), positive=True,
                              maximum=policy.max_request_fen, label="月保障金")
    out["dibao_class"] = f.choice(errors, "dibao_class", fi.get("dibao_class"), dibao.CLASSES,
                                  label="低保分类")
    if errors or household is None:
        return
    found = household.get("review")
    if not found:
        errors.append(FieldError("", "该户没有待决定的复核:请等村里的复核随数据包送到后再决定"
                                     "(不经复核只能停保)。"))
        return
    expected, how = dibao.monthly_amount(policy, out["dibao_class"], found["household_size"],
                                         found["household_income_fen"])
    if not expected:
        errors.append(FieldError("amount_fen", f"{how},已不符合低保条件:请作停保决定。"))
        return
    if out["amount_fen"] != expected:
        errors.append(FieldError("amount_fen", f"按复核核定的家庭人口和收入,每月应为 "
                                               f"{format_yuan(expected)} 元({how}),决定金额"
                                               f"却是 {format_yuan(out['amount_fen'])} 元。"))
        return
    named = outcome_of(household, out["amount_fen"], out["dibao_class"])
    if out["outcome"] != named:
        errors.append(FieldError("outcome", f"决定为“{OUTCOMES[out['outcome']]}”,但金额和分类"
                                            f"说明这是“{OUTCOMES[named]}”。"))


def outcome_of(household: dict, amount_fen: int, dibao_class: str) -> str:
    """What a decision at this amount and class is called."""
    if dibao_class != household["class"]:
        return "reclass"
    return "continue" if amount_fen == household["monthly_fen"] else "adjust"


def _stop(errors: list, fi: dict, household, policy, out: dict) -> None:
    for key, label in (("amount_fen", "月保障金"), ("dibao_class", "低保分类")):
        if fi.get(key) not in (None, ""):
            errors.append(FieldError(key, f"停保决定不填写{label}。"))
    out["reason_kind"] = f.choice(errors, "reason_kind", fi.get("reason_kind"), STOP_REASONS,
                                  label="停保原因")
    out["reason"] = f.text(errors, "reason", fi.get("reason"), required=True, max_len=2000,
                           label="停保理由")
    out["exit_months"] = f.count(errors, "exit_months", fi.get("exit_months"), maximum=60,
                                 label="渐退月数")
    out["exit_fen"] = f.fen(errors, "exit_fen", fi.get("exit_fen"), label="渐退期保障金")
    if errors or household is None:
        return
    months, fen = gradual_exit(policy, out["reason_kind"], household["monthly_fen"])
    if (out["exit_months"], out["exit_fen"]) != (months, fen):
        errors.append(FieldError("exit_months", f"按本县政策,渐退期应为 {months} 个月"
                                                f"{',每月 ' + format_yuan(fen) + ' 元' if months else ''}"
                                                f",记录却是 {out['exit_months']} 个月。"))


def gradual_exit(policy, reason_kind: str, monthly_fen: int) -> tuple[int, int]:
    """The 渐退 months and the monthly amount paid in them: only where the income rose
    above the standard, for the policy's months (0: none), at its share of the amount."""
    months = policy.dibao_exit_months if reason_kind == "income" else 0
    if not months:
        return 0, 0
    share = min(policy.dibao_exit_share_percent, 100)
    return months, max((monthly_fen * share + 50) // 100, 1)


# -- timeline lines ---------------------------------------------------------------------------
def _yuan(fen) -> str:
    return f"{format_yuan(int(fen or 0), grouped=True)} 元"


def review_line(fi: dict) -> str:
    proposed = OUTCOMES.get(fi.get("proposed"), "")
    if fi.get("proposed_class"):
        proposed += f"为 {fi['proposed_class']} 类"
    if fi.get("reason"):
        proposed += f"({fi['reason']})"
    changes = f";变化:{fi['changes']}" if fi.get("changes") else ""
    return (f"调查人 {'、'.join(fi.get('investigators', []))};现家庭人口 "
            f"{fi.get('household_size')} 人,年收入 {_yuan(fi.get('household_income_fen'))}"
            f"{changes};建议{proposed};{fi.get('findings', '')}")


def decision_line(fi: dict) -> str:
    outcome = OUTCOMES.get(fi.get("outcome"), "")
    if fi.get("outcome") == "stop":
        exit_ = (f",渐退 {fi['exit_months']} 个月(每月 {_yuan(fi.get('exit_fen'))})"
                 if fi.get("exit_months") else "")
        return (f"{outcome}:{STOP_REASONS.get(fi.get('reason_kind'), '')},{fi.get('reason')}"
                f";{fi.get('from_month')} 起{exit_}(审批人 {fi.get('approver', '')})")
    return (f"{outcome}:每月 {_yuan(fi.get('amount_fen'))},{fi.get('dibao_class')} 类,"
            f"{fi.get('from_month')} 起(审批人 {fi.get('approver', '')})")


SUMMARIES = {"dibao_review": review_line, "dibao_decide": decision_line,
             **OBJECTION_SUMMARIES}
