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
    cal = calendar or calendar_for(policy)  # refuses a calendar whatever is due
    basis = due_basis(status, received_on=received_on, status_on=status_on,
                      notice_start=notice_start, notice_days=notice_days,
                      paid_first_on=paid_first_on)
    return None if basis is None else due_on_basis(basis, policy, cal)


def due_basis(status: str, *, received_on, status_on, notice_start=None, notice_days: int = 0,
              paid_first_on=None) -> tuple | None:
    """What the next deadline is reckoned from: (kind, the day counted from, the policy
    setting of working days to add — or the notice's own days for its end). The dates
    are passed through untouched (dates or their ISO texts): the projections remember
    the deadline of each basis, which many cases share, where their (status, dates)
    are each their own."""
    paid_first_on = paid_first_on or (status_on if status == "paid_first" else None)
    if paid_first_on and status in PAPERWORK_STATES:
        return ("paperwork", paid_first_on, "paperwork_after_pay_first_days")
    if status == "received":  # from receipt, or from the objection that sent it back
        return ("investigation", status_on, "investigation_start_days")
    if status == "on_notice" and notice_start:
        return ("notice_end", notice_start, notice_days)
    if status in ("investigated", "deliberated", "reviewed", "notice_done", "submitted"):
        return ("case_total", received_on, "case_total_days")
    if status in ("returned", "referred"):
        return ("case_total", received_on, "case_extended_days")
    if status == "acknowledged":
        return ("decision", status_on, "township_decision_days")
    if status == "approved":
        return ("result_notice", status_on, "result_notice_days")
    if status == "rejected":  # the applicant is told in writing, with the reason
        return ("rejection_notice", status_on, "rejection_notice_days")
    return None


def due_on_basis(basis: tuple, policy: Policy, calendar: WorkCalendar | None = None) -> Due:
    """The deadline of a basis (`due_basis`) whose day is a date."""
    kind, start, days = basis
    if kind == "notice_end":
        return Due(notice_last_day(start, days), kind)
    cal = calendar or calendar_for(policy)
    return Due(cal.add_working_days(start, getattr(policy, days)), kind)


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
