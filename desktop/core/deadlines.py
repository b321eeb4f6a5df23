"""Which deadline a case is running against now, and when it falls (DOMAIN.md "Deadlines").
Overdue and soon-due cases are shown to the officer without being asked for."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.core.policy import Policy
from desktop.core.steps import notice_last_day
from desktop.core.workcalendar import WorkCalendar

DUE_LABELS = {
    "investigation": "开始入户调查",
    "paperwork": "先行救助后补办手续",
    "notice_end": "公示期结束",
    "case_total": "办结(受理至审批)",
    "decision": "乡镇审批",
    "result_notice": "结果公示",
    "rejection_notice": "书面告知不予批准",
}


PAPERWORK_STATES = frozenset({"paid_first", "received", "investigated", "deliberated",
                              "reviewed"})


@dataclass(frozen=True)
class Due:
    on: date
    kind: str

    @property
    def label(self) -> str:
        return DUE_LABELS.get(self.kind, self.kind)


def calendar_for(policy: Policy) -> WorkCalendar:
    return WorkCalendar(holidays=policy.holidays, extra_workdays=policy.extra_workdays)


def due_for(status: str, *, received_on: date, status_on: date, policy: Policy,
            notice_start: date | None = None, notice_days: int = 0,
            paid_first_on: date | None = None,
            calendar: WorkCalendar | None = None) -> Due | None:
    """The next deadline of a case in `status`, or None when nothing is due from this side.
    After 先行救助 the paperwork (investigation to review) runs against its own deadline."""
    cal = calendar or calendar_for(policy)
    paid_first_on = paid_first_on or (status_on if status == "paid_first" else None)
    if paid_first_on and status in PAPERWORK_STATES:
        return Due(cal.add_working_days(paid_first_on, policy.paperwork_after_pay_first_days),
                   "paperwork")
    if status == "received":  # from receipt, or from the objection that sent it back
        return Due(cal.add_working_days(status_on, policy.investigation_start_days),
                   "investigation")
    if status == "on_notice" and notice_start:
        return Due(notice_last_day(notice_start, notice_days), "notice_end")
    if status in ("investigated", "deliberated", "reviewed", "notice_done", "submitted"):
        # counted only here: the projection of every imported step asks for a deadline
        return Due(cal.add_working_days(received_on, policy.case_total_days), "case_total")
    if status == "returned":
        return Due(cal.add_working_days(received_on, policy.case_extended_days), "case_total")
    if status == "acknowledged":
        return Due(cal.add_working_days(status_on, policy.township_decision_days), "decision")
    if status == "referred":
        return Due(cal.add_working_days(received_on, policy.case_extended_days), "case_total")
    if status == "approved":
        return Due(cal.add_working_days(status_on, policy.result_notice_days), "result_notice")
    if status == "rejected":  # the applicant is told in writing, with the reason
        return Due(cal.add_working_days(status_on, policy.rejection_notice_days),
                   "rejection_notice")
    return None


def urgency(due_on: date | None, today: date, policy: Policy,
            calendar: WorkCalendar | None = None) -> str:
    """"overdue", "soon" or "" for a due date, as the ledger marks it."""
    if due_on is None:
        return ""
    if today > due_on:
        return "overdue"
    cal = calendar or calendar_for(policy)
    if cal.working_days_between(today, due_on) <= policy.soon_due_days:
        return "soon"
    return ""
