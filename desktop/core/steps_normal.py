"""Whether a village step as recorded is already what its check (`steps`) makes of it.

As `application_normal` for the application: an import receives each of a case's steps in
the form the sender's checks produced, and the rule book refuses one that is not. These
predicates are true only where the step's check would return the fields as they are
without an error (its cross-field rules are the check's own functions); where one is
false the check runs and gives the verdict and the messages. Only the steps every case
goes through have one, and those of a month's usual events (a refusal, 先行救助, an
objection and its result), and the application (`application_normal`): a case's history
is mostly these."""

from __future__ import annotations

from datetime import date, timedelta

from desktop.core import application, application_normal, steps
from desktop.core import fields as f
from desktop.core.categories import INVESTIGATION_METHODS, PAYMENT_METHODS
from desktop.core.policy import Policy
from desktop.core.steps import CaseFacts

_DATED = frozenset(("date",))
_INVESTIGATION = frozenset(("date", "investigators", "methods", "household_income_fen",
                            "household_expenditure_fen", "findings"))
_DELIBERATION = frozenset(("date", "meeting_id", "present", "representatives", "votes_for",
                           "votes_against", "votes_abstain", "conclusion", "minutes"))
_REVIEW = frozenset(("date", "passed", "opinion"))
_NOTICE = frozenset(("notice_id", "start", "days", "board"))
_SIXTY_DAYS = timedelta(days=60)  # how far ahead a notice may start (steps.post_notice)
_REFUSAL = frozenset(("date", "reason"))
_PAY_FIRST = frozenset(("date", "amount_fen", "authorised_by", "method"))
_OBJECTION = frozenset(("objection_id", "received_on", "from", "content"))
_RESOLVED = frozenset(("objection_id", "date", "how_checked", "result"))
# the choices `steps.resolve_objection` offers (its own literals, by their keys)
_RESULTS = ("upheld", "dismissed")
_BACK_TO = ("investigation", "deliberation")


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
            and start is not None and case.last_on <= start <= today + _SIXTY_DAYS
            and f.is_plain_text(notice_id, 40, True)
            and steps._RECORD_ID.fullmatch(notice_id) is not None
            and f.is_plain_text(board, 200, True))


def refusal(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    return (type(fi) is dict and fi.keys() == _REFUSAL and _step_day(fi["date"], case, today)
            and f.is_plain_text(fi["reason"], required=True))


def pay_first(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    return (type(fi) is dict and fi.keys() == _PAY_FIRST and _step_day(fi["date"], case, today)
            and f.is_fen(fi["amount_fen"], positive=True,
                         maximum=min(policy.max_request_fen, policy.paid_first_limit_fen))
            and f.is_plain_text(fi["authorised_by"], 40, True)
            and f.is_choice(fi["method"], PAYMENT_METHODS))


def _record_id(value) -> bool:
    """As `steps.record_id` keeps it (required)."""
    return f.is_plain_text(value, 40, True) and steps._RECORD_ID.fullmatch(value) is not None


def objection(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    if type(fi) is not dict or fi.keys() != _OBJECTION:
        return False
    oid, received = fi["objection_id"], fi["received_on"]
    if not (_record_id(oid) and oid not in case.objections
            and _step_day(received, case, today) and f.is_plain_text(fi["from"], 60)
            and f.is_plain_text(fi["content"], 2000, True)):
        return False
    return not case.notice_start or (case.notice_start.isoformat() <= received <= steps
                                     .notice_last_day(case.notice_start, case.notice_days)
                                     .isoformat())


def resolve_objection(fi, case: CaseFacts, today: date, policy: Policy) -> bool:
    if type(fi) is not dict:
        return False
    result = fi.get("result")
    upheld = result == "upheld"
    if fi.keys() != (_RESOLVED | {"back_to"} if upheld else _RESOLVED):
        return False
    oid = fi["objection_id"]
    return (_record_id(oid) and case.objections.get(oid) == "open"
            and f.is_choice(result, _RESULTS) and _step_day(fi["date"], case, today)
            and f.is_plain_text(fi["how_checked"], 2000, True)
            and (not upheld or f.is_choice(fi["back_to"], _BACK_TO)))


# each step's check -> its predicate (the rule book gives a rule the one of its check)
NORMAL_OF = {application.receipt: application_normal.recorded, steps.dated: dated, steps.close_notice: close_notice,
             steps.investigation: investigation, steps.deliberation: deliberation,
             steps.review: review, steps.post_notice: post_notice, steps.refusal: refusal,
             steps.pay_first: pay_first, steps.objection: objection,
             steps.resolve_objection: resolve_objection}
