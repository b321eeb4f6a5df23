"""Whether a village step as recorded is already what its check (`steps`) makes of it.

As `application_normal` for the application: an import receives each of a case's steps in
the form the sender's checks produced, and the rule book refuses one that is not. These
predicates are true only where the step's check would return the fields as they are
without an error (its cross-field rules are the check's own functions); where one is
false the check runs and gives the verdict and the messages. Only the steps every case
goes through have one (and the application, `application_normal`): a case's history is
mostly these."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.core import application, application_normal, steps
from desktop.core import fields as f
from desktop.core.categories import INVESTIGATION_METHODS
from desktop.core.policy import Policy
from desktop.core.steps import CaseFacts

_DATED = frozenset(("date",))
_INVESTIGATION = frozenset(("date", "investigators", "methods", "household_income_fen",
                            "household_expenditure_fen", "findings"))
_DELIBERATION = frozenset(("date", "meeting_id", "present", "representatives", "votes_for",
                           "votes_against", "votes_abstain", "conclusion", "minutes"))
_REVIEW = frozenset(("date", "passed", "opinion"))
_NOTICE = frozenset(("notice_id", "start", "days", "board"))


def _step_day(value, case: CaseFacts, today: date) -> bool:
    """As `steps.step_date` keeps it: not before the case's last step, not after today."""
    d = f.normal_day(value)
    return d is not None and case.last_on <= d <= today


def dated(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    return type(fi) is dict and fi.keys() == _DATED and _step_day(fi["date"], case, today)


def close_notice(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    if not dated(fi, case, today, policy) or "open" in case.objections.values():
        return False
    return not case.notice_start or fi["date"] > steps.notice_last_day(
        case.notice_start, case.notice_days).isoformat()


def investigation(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    if type(fi) is not dict or fi.keys() != _INVESTIGATION:
        return False
    people, methods = fi["investigators"], fi["methods"]
    return (_step_day(fi["date"], case, today)
            and f.is_text_list(people) and len(set(people)) == len(people) >= 2
            and f.is_text_list(methods) and methods != []
            and all(m in INVESTIGATION_METHODS for m in methods)
            and f.is_fen(fi["household_income_fen"])
            and f.is_fen(fi["household_expenditure_fen"])
            and f.is_plain_text(fi["findings"], 2000, True))


def deliberation(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    if type(fi) is not dict or fi.keys() != _DELIBERATION:
        return False
    if not (_step_day(fi["date"], case, today) and f.is_plain_text(fi["meeting_id"], 60)
            and f.is_count(fi["present"], minimum=1)
            and all(f.is_count(fi[k]) for k in ("representatives", "votes_for",
                                                "votes_against", "votes_abstain"))
            and f.is_choice(fi["conclusion"], ("同意", "不同意"))
            and f.is_plain_text(fi["minutes"], 5000)):
        return False
    errors: list = []  # the meeting's rules, as the check runs them
    steps.check_meeting(errors, fi, policy)
    steps._conclusion_follows_votes(errors, fi, policy)
    return not errors


def review(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    if type(fi) is not dict or type(fi.get("passed")) is not bool:
        return False
    passed = fi["passed"]
    against = bool(case.deliberation) and steps.goes_against(case.deliberation, passed)
    keys = _REVIEW | {"proposed_fen" if passed else "reason"}
    if fi.keys() != (keys | {"against_deliberation_reason"} if against else keys):
        return False
    return (_step_day(fi["date"], case, today) and f.is_plain_text(fi["opinion"], 2000, True)
            and (f.is_fen(fi["proposed_fen"], positive=True, maximum=policy.max_request_fen)
                 if passed else f.is_plain_text(fi["reason"], required=True))
            and (not against
                 or f.is_plain_text(fi["against_deliberation_reason"], 2000, True)))


def post_notice(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    if type(fi) is not dict or fi.keys() != _NOTICE:
        return False
    start, notice_id, board = f.normal_day(fi["start"]), fi["notice_id"], fi["board"]
    return (f.is_count(fi["days"], minimum=max(1, policy.notice_days(case.program)),
                       maximum=60)
            and start is not None and case.last_on <= start <= today + timedelta(days=60)
            and f.is_plain_text(notice_id, 40, True)
            and steps._RECORD_ID.fullmatch(notice_id) is not None
            and f.is_plain_text(board, 200, True))


# each step's check -> its predicate (the rule book gives a rule the one of its check)
NORMAL_OF = {application.receipt: application_normal.recorded, steps.dated: dated, steps.close_notice: close_notice,
             steps.investigation: investigation, steps.deliberation: deliberation,
             steps.review: review, steps.post_notice: post_notice}
