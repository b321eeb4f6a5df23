"""Issue 13, the rules: 先行救助 within its own cap and counted toward the approval (the
township pays only the remainder; approving less needs a recovery note), a conclusion
that follows the votes, a review against the deliberation only with a written reason,
the written-refusal deadline, and an applicant who is of age."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.application import normalise_application
from desktop.core.deadlines import due_for
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.policy import Policy, policy_from_settings
from desktop.core.rulebook import advance, check_recorded, check_step
from desktop.core.steps import CaseFacts
from tests.helpers import ORDINARY_PATH, TODAY, make_application, make_id

POLICY = Policy()  # township cap 3 × 430 = 1,290 元
STEP = dict(ORDINARY_PATH)


def facts(status: str, **kw) -> CaseFacts:
    return CaseFacts(status=status, program="temporary_relief", category="emergency",
                     last_on=date(2026, 11, 2), **kw)


def errors_of(code: str, fields: dict, case: CaseFacts, policy: Policy = POLICY) -> dict:
    with pytest.raises(ValidationFailed) as caught:
        check_step(code, fields, case, today=TODAY, policy=policy)
    return {e.path: e.message for e in caught.value.errors}


def ok(code: str, fields: dict, case: CaseFacts, policy: Policy = POLICY) -> dict:
    return check_step(code, fields, case, today=TODAY, policy=policy)


PAY_FIRST = {"date": "2026-11-03", "amount_fen": 100_000, "authorised_by": "王审批",
             "method": "现金"}
PAY = {"date": "2026-11-23", "amount_fen": 60_000, "method": "一卡通"}
APPROVE = {"date": "2026-11-18", "approver": "王审批", "amount_fen": 100_000}


# --- 先行救助 -------------------------------------------------------------------------------

def test_paying_first_above_its_cap_is_refused_naming_the_cap():
    errors = errors_of("pay_first", dict(PAY_FIRST, amount_fen=500_000), facts("received"))
    assert list(errors) == ["amount_fen"] and "1,290.00" in errors["amount_fen"]
    assert ok("pay_first", dict(PAY_FIRST, amount_fen=129_000), facts("received"))


def test_the_cap_of_paying_first_is_its_own_setting():
    policy = policy_from_settings({"paid_first_cap_fen": 50_000})
    errors = errors_of("pay_first", PAY_FIRST, facts("received"), policy)
    assert "500.00" in errors["amount_fen"]


def test_payment_pays_only_what_was_approved_less_what_was_paid_first():
    case = facts("result_posted", approved_fen=100_000, paid_first_fen=40_000)
    errors = errors_of("pay", dict(PAY, amount_fen=100_000), case)
    assert list(errors) == ["amount_fen"]
    assert all(x in errors["amount_fen"] for x in ("600.00", "1,000.00", "400.00"))
    assert ok("pay", PAY, case)["amount_fen"] == 60_000


def test_a_case_paid_in_full_first_closes_with_a_payment_of_nothing():
    case = facts("result_posted", approved_fen=40_000, paid_first_fen=40_000)
    assert ok("pay", dict(PAY, amount_fen=0), case)["amount_fen"] == 0
    assert "amount_fen" in errors_of("pay", dict(PAY, amount_fen=1), case)


def test_approving_less_than_was_paid_first_needs_a_recovery_note():
    case = facts("acknowledged", paid_first_fen=120_000)
    errors = errors_of("approve", APPROVE, case)
    assert list(errors) == ["recovery_note"] and "200.00" in errors["recovery_note"]
    out = ok("approve", dict(APPROVE, recovery_note="已追回 200 元,收据存档"), case)
    assert out["recovery_note"] == "已追回 200 元,收据存档"
    assert "recovery_note" in errors_of("approve", dict(APPROVE, recovery_note="无"),
                                        facts("acknowledged", paid_first_fen=50_000))


# --- 民主评议 -------------------------------------------------------------------------------

def votes(for_, against, abstain=0, conclusion="同意") -> dict:
    return dict(STEP["deliberate"], present=9, representatives=6, votes_for=for_,
                votes_against=against, votes_abstain=abstain, conclusion=conclusion)


@pytest.mark.parametrize("for_, against, abstain, wrong", [
    (2, 7, 0, "同意"), (4, 1, 4, "同意"), (8, 1, 0, "不同意"), (5, 4, 0, "不同意")])
def test_a_conclusion_that_contradicts_the_votes_is_refused(for_, against, abstain, wrong):
    errors = errors_of("deliberate", votes(for_, against, abstain, wrong), facts("investigated"))
    assert list(errors) == ["conclusion"]
    right = "不同意" if wrong == "同意" else "同意"
    assert f"应为“{right}”" in errors["conclusion"]
    assert ok("deliberate", votes(for_, against, abstain, right), facts("investigated"))


def test_the_majority_rule_is_a_setting():
    policy = policy_from_settings({"deliberation_majority_base": "for_against"})
    assert ok("deliberate", votes(4, 1, 4, "同意"), facts("investigated"), policy)
    with pytest.raises(Refusal):
        policy_from_settings({"deliberation_majority_base": "几乎都同意"})


def test_an_imported_deliberation_against_its_votes_is_refused():
    payload = ok("deliberate", votes(2, 7, 0, "不同意"), facts("investigated"))
    payload["conclusion"] = "同意"
    with pytest.raises(Refusal, match="应为“不同意”"):
        check_recorded("Deliberated", "430522101201-2026-0001", payload, facts("investigated"),
                       role="village", today=TODAY, policy=POLICY)


REVIEW = STEP["review"]
FAIL = {"date": "2026-11-05", "passed": False, "opinion": "不符合", "reason": "收入超标"}


def test_a_review_that_passes_against_a_no_vote_needs_a_reason():
    case = facts("deliberated", deliberation="不同意")
    errors = errors_of("review", REVIEW, case)
    assert list(errors) == ["against_deliberation_reason"] and "不同意" in \
        errors["against_deliberation_reason"]
    out = ok("review", dict(REVIEW, against_deliberation_reason="评议后补充了诊断证明"), case)
    assert out["against_deliberation_reason"] == "评议后补充了诊断证明"


def test_a_review_that_rejects_against_a_yes_vote_needs_a_reason_and_agreeing_needs_none():
    assert "against_deliberation_reason" in errors_of(
        "review", FAIL, facts("deliberated", deliberation="同意"))
    assert "against_deliberation_reason" not in ok("review", REVIEW,
                                                   facts("deliberated", deliberation="同意"))
    errors = errors_of("review", dict(REVIEW, against_deliberation_reason="x"),
                       facts("deliberated", deliberation="同意"))
    assert list(errors) == ["against_deliberation_reason"]


def test_generators_carry_the_last_conclusion_forward():
    case = facts("investigated")
    advance(case, "deliberate", ok("deliberate", votes(2, 7, 0, "不同意"), case))
    assert case.deliberation == "不同意"
    assert "against_deliberation_reason" in errors_of("review", REVIEW, case)


# --- 期限 -----------------------------------------------------------------------------------

def test_the_written_refusal_is_due_three_working_days_after_the_rejection():
    due = due_for("rejected", received_on=date(2026, 11, 2), status_on=date(2026, 11, 20),
                  policy=POLICY)  # a Friday: Monday, Tuesday, Wednesday
    assert (due.on, due.kind, due.label) == (date(2026, 11, 25), "rejection_notice",
                                             "书面告知不予批准")
    later = due_for("rejected", received_on=date(2026, 11, 2), status_on=date(2026, 11, 20),
                    policy=Policy(rejection_notice_days=5))
    assert later.on == date(2026, 11, 27)


# --- 申请人 ---------------------------------------------------------------------------------

def child_applicant(born: date) -> dict:
    doc = make_application(received_on="2026-11-02")
    doc["applicant"] = dict(doc["applicant"], id_number=make_id(born))
    return doc


def test_a_child_is_refused_as_applicant_with_what_to_do():
    with pytest.raises(ValidationFailed) as caught:
        normalise_application(child_applicant(date(2018, 5, 1)), today=TODAY, policy=POLICY)
    (error,) = caught.value.errors
    assert error.path == "applicant.id_number"
    assert "8 岁" in error.message and "监护人" in error.message and "家庭成员" in error.message


def test_the_age_counts_on_the_day_of_receipt_and_is_a_setting():
    sixteen_that_day = child_applicant(date(2010, 11, 2))
    assert normalise_application(sixteen_that_day, today=TODAY, policy=POLICY)
    a_day_short = child_applicant(date(2010, 11, 3))
    with pytest.raises(ValidationFailed, match="15 岁"):
        normalise_application(a_day_short, today=TODAY, policy=POLICY)
    assert normalise_application(a_day_short, today=TODAY,
                                 policy=Policy(applicant_min_age=14))
