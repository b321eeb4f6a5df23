"""The state machine of an application (DOMAIN.md, "An application's life").

Each action is performed by one side (village or township): the single-writer rule.
The target state may depend on the step's fields (a review passes or not; an upheld
objection sends the case back to investigation or deliberation)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from desktop.core.errors import Refusal
from desktop.core.status import Status, status_label

S = Status


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    role: str  # "village" or "township"
    sources: frozenset[Status]
    target: Callable[[dict], Status]


def _fixed(status: Status) -> Callable[[dict], Status]:
    return lambda fields: status


def _review_target(fields: dict) -> Status:
    return S.REVIEWED if fields.get("passed") else S.REJECTED_VILLAGE


def _objection_target(fields: dict) -> Status:
    if fields.get("result") != "upheld":
        return S.ON_NOTICE
    # upheld: re-investigate (back to awaiting investigation) or re-deliberate
    return S.RECEIVED if fields.get("back_to") == "investigation" else S.INVESTIGATED


def _a(code, label, role, sources, target) -> Action:
    return Action(code, label, role, frozenset(sources), target)


ACTIONS: dict[str, Action] = {
    a.code: a
    for a in [
        _a("accept", "受理", "village", [S.DRAFT], _fixed(S.RECEIVED)),
        _a("refuse", "不予受理", "village", [S.DRAFT, S.RECEIVED], _fixed(S.REFUSED)),
        _a("investigate", "入户调查", "village", [S.RECEIVED, S.PAID_FIRST, S.RETURNED],
           _fixed(S.INVESTIGATED)),
        _a("deliberate", "民主评议", "village", [S.INVESTIGATED], _fixed(S.DELIBERATED)),
        # Reviewing straight after investigation is allowed only where policy skips 评议.
        _a("review", "初审", "village", [S.DELIBERATED, S.INVESTIGATED], _review_target),
        _a("pay_first", "先行救助", "village", [S.RECEIVED], _fixed(S.PAID_FIRST)),
        _a("post_notice", "张榜公示", "village", [S.REVIEWED], _fixed(S.ON_NOTICE)),
        _a("objection", "登记异议", "village", [S.ON_NOTICE], _fixed(S.ON_NOTICE)),
        _a("resolve_objection", "处理异议", "village", [S.ON_NOTICE], _objection_target),
        _a("close_notice", "公示期满", "village", [S.ON_NOTICE], _fixed(S.NOTICE_DONE)),
        _a("submit", "上报乡镇", "village", [S.NOTICE_DONE], _fixed(S.SUBMITTED)),
        _a("post_result", "结果公示", "village", [S.APPROVED], _fixed(S.RESULT_POSTED)),
        _a("acknowledge", "乡镇接收", "township", [S.SUBMITTED], _fixed(S.ACKNOWLEDGED)),
        _a("approve", "批准", "township", [S.ACKNOWLEDGED, S.REFERRED], _fixed(S.APPROVED)),
        _a("reject", "不批准", "township", [S.ACKNOWLEDGED, S.REFERRED], _fixed(S.REJECTED)),
        _a("refer", "转县审批", "township", [S.ACKNOWLEDGED], _fixed(S.REFERRED)),
        _a("return", "退回补充", "township", [S.ACKNOWLEDGED], _fixed(S.RETURNED)),
        _a("pay", "发放", "township", [S.RESULT_POSTED], _fixed(S.PAID)),
        _a("file", "备案", "township", [S.PAID], _fixed(S.FILED)),
    ]
}

EMERGENCY_ONLY = frozenset({"pay_first"})


def action(code: str) -> Action:
    try:
        return ACTIONS[code]
    except KeyError:
        known = "、".join(ACTIONS)
        raise Refusal(f"没有“{code}”这个操作。可用的操作:{known}") from None


def allowed_actions(status: str, role: str, *, category: str = "",
                    deliberation_skippable: bool = False) -> list[str]:
    """The actions a workstation of `role` may perform on a case in `status` now."""
    result = []
    for a in ACTIONS.values():
        if a.role != role or Status(status) not in a.sources:
            continue
        if a.code in EMERGENCY_ONLY and category != "emergency":
            continue
        if (a.code == "review" and status == S.INVESTIGATED
                and not deliberation_skippable):
            continue
        result.append(a.code)
    return result


def next_status(status: str, code: str, fields: dict, *, role: str, category: str = "",
                deliberation_skippable: bool = False) -> Status:
    """The state after `code`; refuses a step the state (or the side) does not allow."""
    a = action(code)
    if a.role != role:
        side = "乡镇民政办" if a.role == "township" else "村级民生员"
        raise Refusal(f"“{a.label}”只能由{side}办理,本工作站不能执行。")
    allowed = allowed_actions(status, role, category=category,
                              deliberation_skippable=deliberation_skippable)
    if code not in allowed:
        now = status_label(status)
        can = "、".join(ACTIONS[c].label for c in allowed) or "无"
        raise Refusal(f"案件当前状态为“{now}”,不能办理“{a.label}”。现在可以办理:{can}。")
    return a.target(fields)


# The event each action writes to the log (DESIGN.md names); receipt is its own event.
RECEIVED_EVENT = "ApplicationReceived"
EVENT_TYPES = {
    "accept": "Accepted", "refuse": "Refused", "investigate": "InvestigationRecorded",
    "deliberate": "Deliberated", "review": "Reviewed", "pay_first": "PaidFirst",
    "post_notice": "NoticePosted", "objection": "ObjectionRecorded",
    "resolve_objection": "ObjectionResolved", "close_notice": "NoticeClosed",
    "submit": "Submitted", "acknowledge": "Acknowledged", "approve": "Approved",
    "reject": "Rejected", "refer": "Referred", "return": "Returned",
    "post_result": "ResultPosted", "pay": "Paid", "file": "Filed",
}
