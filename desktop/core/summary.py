"""One line of Chinese per step, for the case timeline (全过程公开)."""

from __future__ import annotations

from desktop.core.categories import category_label, reason_label
from desktop.core.county_steps import CHECK_RESULTS, DECISIONS
from desktop.core.dibao_review import SUMMARIES as DIBAO_SUMMARIES
from desktop.core.money import format_yuan
from desktop.core.workflow import ACTIONS


def _yuan(fen) -> str:
    return f"{format_yuan(int(fen or 0), grouped=True)} 元"


def summarize_receipt(doc: dict) -> str:
    a = doc.get("applicant", {})
    kind = "登记草稿" if doc.get("draft") else "受理申请"
    missing = doc.get("documents_missing") or []
    tail = f";缺少材料:{'、'.join(missing)}(已一次性告知)" if missing else ""
    return (f"{kind}:{a.get('name', '')},{category_label(doc.get('category', ''))}·"
            f"{reason_label(doc.get('reason', ''))},申请 {_yuan(doc.get('requested_fen'))},"
            f"家庭人口 {doc.get('household_size', 1)} 人{tail}")


def summarize_step(code: str, f: dict) -> str:
    label = ACTIONS[code].label if code in ACTIONS else code
    detail = _DETAILS.get(code, lambda f: "")(f)
    return f"{label}{':' + detail if detail else ''}"


def _review(f: dict) -> str:
    against = f.get("against_deliberation_reason")
    tail = f";与评议结论不一致,理由:{against}" if against else ""
    if f.get("passed"):
        return f"通过,拟救助 {_yuan(f.get('proposed_fen'))};{f.get('opinion', '')}{tail}"
    return f"不通过:{f.get('reason', '')}{tail}"


def _approve(f: dict) -> str:
    note = f.get("recovery_note")
    if f.get("dibao_class"):  # 低保: a monthly amount, from a month, reviewed by its class
        return (f"纳入低保,每月 {_yuan(f.get('amount_fen'))},{f['dibao_class']} 类,"
                f"{f.get('start_month', '')} 起发放,审批人 {f.get('approver', '')}" + _county(f))
    return (f"批准 {_yuan(f.get('amount_fen'))},审批人 {f.get('approver', '')}" + _county(f)
            + (f";低于先行救助金额,追回或说明:{note}" if note else ""))


def _objection_result(f: dict) -> str:
    if f.get("result") == "upheld":
        back = "重新调查" if f.get("back_to") == "investigation" else "重新评议"
        return f"异议 {f.get('objection_id')} 成立,退回{back};{f.get('how_checked', '')}"
    return f"异议 {f.get('objection_id')} 不成立,继续公示;{f.get('how_checked', '')}"


def _editions(f: dict) -> str:
    """The editions of policy a decision was made under (none before the first)."""
    names = f.get("policy_editions") or []
    return f";依据政策 {'、'.join(map(str, names))}" if names else ""


def _county(f: dict) -> str:
    ref = f.get("county_ref")
    return f";按县民政局决定登记,批复文号 {ref}" if ref else ""


_DETAILS = {
    "refuse": lambda f: f.get("reason", ""),
    "investigate": lambda f: (f"调查人 {'、'.join(f.get('investigators', []))};"
                              f"方式 {'、'.join(f.get('methods', []))};"
                              f"年收入 {_yuan(f.get('household_income_fen'))},"
                              f"年支出 {_yuan(f.get('household_expenditure_fen'))};"
                              f"{f.get('findings', '')}"),
    "deliberate": lambda f: (f"到会 {f.get('present')} 人(代表 {f.get('representatives')} 人),"
                             f"赞成 {f.get('votes_for')}、反对 {f.get('votes_against')}、"
                             f"弃权 {f.get('votes_abstain')},结论:{f.get('conclusion')}"),
    "review": _review,
    "pay_first": lambda f: (f"{_yuan(f.get('amount_fen'))},{f.get('method', '')},"
                            f"批准人 {f.get('authorised_by', '')}"),
    "post_notice": lambda f: (f"批次 {f.get('notice_id')},{f.get('start')} 起 "
                              f"{f.get('days')} 天,{f.get('board', '')}"),
    "objection": lambda f: (f"异议 {f.get('objection_id')},来自 {f.get('from') or '匿名'}:"
                            f"{f.get('content', '')}"),
    "resolve_objection": _objection_result,
    "approve": lambda f: _approve(f) + _editions(f),
    "reject": lambda f: (f"{f.get('reason', '')}(审批人 {f.get('approver', '')}){_county(f)}"
                         + _editions(f)),
    "refer": lambda f: f"{f.get('note', '')}(审批人 {f.get('approver', '')})",
    "return": lambda f: f"{f.get('reason', '')}(审批人 {f.get('approver', '')}){_county(f)}",
    "county_decide": lambda f: (f"{DECISIONS.get(f.get('decision'), '')}"
                                f"{' ' + _yuan(f.get('amount_fen')) if 'amount_fen' in f else ''}"
                                f"{',' + f['reason'] if f.get('reason') else ''},"
                                f"文号 {f.get('ref', '')}(审批人 {f.get('decider', '')})"),
    "spot_select": lambda f: (f"{f.get('month')} 抽查抽中(从 {f.get('drawn_from')} 件中抽 "
                              f"{f.get('size')} 件,随机种子 {f.get('seed')})"),
    "spot_check": lambda f: (f"{CHECK_RESULTS.get(f.get('result'), '')},核查人 "
                             f"{f.get('checker', '')}"
                             f"{';问题:' + f['problems'] if f.get('problems') else ''}"
                             f"{';整改:' + f['follow_up'] if f.get('follow_up') else ''}"),
    "forward_spot_check": lambda f: f"{f.get('county', '')}" + _DETAILS["spot_check"](f),
    "pay": lambda f: f"{_yuan(f.get('amount_fen'))},{f.get('method', '')}",
    "post_result": lambda f: f"批次 {f.get('notice_id', '')}" if f.get("notice_id") else "",
    "file": lambda f: f.get("register", ""),
}
_DETAILS.update(DIBAO_SUMMARIES)
