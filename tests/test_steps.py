"""The rules a step must satisfy beyond the state machine: two investigators, 2/3 of
those present are representatives, a notice closes only after its period and with its
objections answered, dates run forward and never into the future, the township cap."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.errors import ValidationFailed
from desktop.core.policy import Policy
from desktop.core.rulebook import check_step
from desktop.core.steps import CaseFacts, notice_last_day
from desktop.operations.casework import Casework
from tests.helpers import (
    ORDINARY_PATH,
    TODAY,
    advance,
    event_count,
    make_application,
    make_store,
    playing,
    projection_rows,
)

POLICY = Policy()
STEP = dict(ORDINARY_PATH)


def facts(status: str, last_on: date = date(2026, 11, 2), **kw) -> CaseFacts:
    return CaseFacts(status=status, program="temporary_relief", category="expenditure",
                     last_on=last_on, **kw)


def errors_of(code: str, fields: dict, case: CaseFacts, *, today: date = TODAY,
              policy: Policy = POLICY) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        check_step(code, fields, case, today=today, policy=policy)
    return {e.path: e.message for e in caught.value.errors}


# --- 入户调查 --------------------------------------------------------------------------------

@pytest.mark.parametrize("investigators", [[], ["刘民生"], ["刘民生", "  "]])
def test_an_investigation_needs_two_investigators(investigators):
    fields = dict(STEP["investigate"], investigators=investigators)
    errors = errors_of("investigate", fields, facts("received"))
    assert list(errors) == ["investigators"]
    assert "2" in errors["investigators"]


def test_two_investigators_are_enough():
    out = check_step("investigate", STEP["investigate"], facts("received"), today=TODAY,
                     policy=POLICY)
    assert out["investigators"] == ["刘民生", "村主任"]


def test_an_unknown_investigation_method_is_refused():
    fields = dict(STEP["investigate"], methods=["电话询问"])
    assert list(errors_of("investigate", fields, facts("received"))) == ["methods"]


# --- 民主评议 --------------------------------------------------------------------------------

def meeting(present, representatives, votes=(1, 0, 0)) -> dict:
    return dict(STEP["deliberate"], present=present, representatives=representatives,
                votes_for=votes[0], votes_against=votes[1], votes_abstain=votes[2])


@pytest.mark.parametrize("present, needed", [(9, 6), (10, 7), (3, 2), (1, 1), (31, 21)])
def test_representatives_must_be_two_thirds_of_those_present(present, needed):
    case = facts("investigated")
    errors = errors_of("deliberate", meeting(present, needed - 1), case)
    assert list(errors) == ["representatives"]
    assert str(needed) in errors["representatives"]
    out = check_step("deliberate", meeting(present, needed), case, today=TODAY, policy=POLICY)
    assert out["representatives"] == needed


def test_the_share_of_representatives_is_a_setting():
    policy = Policy(representatives_share_num=1, representatives_share_den=2)
    out = check_step("deliberate", meeting(9, 5), facts("investigated"), today=TODAY,
                     policy=policy)
    assert out["present"] == 9
    assert list(errors_of("deliberate", meeting(9, 4), facts("investigated"),
                          policy=policy)) == ["representatives"]


def test_more_representatives_than_present_is_refused():
    assert "representatives" in errors_of("deliberate", meeting(9, 10), facts("investigated"))


def test_votes_cannot_exceed_those_present():
    errors = errors_of("deliberate", meeting(9, 6, (6, 3, 1)), facts("investigated"))
    assert list(errors) == ["votes_for"]
    out = check_step("deliberate", meeting(9, 6, (5, 3, 1)), facts("investigated"),
                     today=TODAY, policy=POLICY)
    assert (out["votes_for"], out["votes_against"], out["votes_abstain"]) == (5, 3, 1)


def test_nobody_present_is_refused():
    assert "present" in errors_of("deliberate", meeting(0, 0), facts("investigated"))


# --- 公示 -------------------------------------------------------------------------------------

def on_notice(**kw) -> CaseFacts:
    return facts("on_notice", last_on=date(2026, 11, 7), notice_start=date(2026, 11, 7),
                 notice_days=7, **kw)


def test_a_seven_day_notice_from_7_november_ends_on_the_13th():
    assert notice_last_day(date(2026, 11, 7), 7) == date(2026, 11, 13)


def test_a_notice_cannot_close_on_its_last_day():
    errors = errors_of("close_notice", {"date": "2026-11-13"}, on_notice())
    assert list(errors) == ["date"]
    assert "2026-11-13" in errors["date"] and "2026-11-14" in errors["date"]


def test_a_notice_closes_the_day_after_its_last_day():
    out = check_step("close_notice", {"date": "2026-11-14"}, on_notice(), today=TODAY,
                     policy=POLICY)
    assert out == {"date": "2026-11-14"}


def test_a_notice_cannot_close_while_an_objection_is_open():
    case = on_notice(objections={"YY-1": "closed", "YY-2": "open"})
    errors = errors_of("close_notice", {"date": "2026-11-20"}, case)
    assert list(errors) == ["objection_id"]
    assert "YY-2" in errors["objection_id"] and "YY-1" not in errors["objection_id"]


def test_a_notice_shorter_than_the_setting_is_refused():
    case = facts("reviewed", last_on=date(2026, 11, 5))
    fields = dict(STEP["post_notice"], days=5)
    assert list(errors_of("post_notice", fields, case)) == ["days"]


def test_a_dibao_notice_follows_its_own_setting():
    policy = Policy(notice_days_dibao=10)
    case = CaseFacts(status="reviewed", program="dibao", category="dibao",
                     last_on=date(2026, 11, 5))
    fields = {"notice_id": "GS-1", "start": "2026-11-07"}
    out = check_step("post_notice", fields, case, today=TODAY, policy=policy)
    assert out["days"] == 10


def test_an_objection_outside_the_notice_period_is_refused():
    fields = {"objection_id": "YY-1", "received_on": "2026-11-14", "content": "有车"}
    assert list(errors_of("objection", fields, on_notice())) == ["received_on"]


def test_an_objection_id_is_not_reused():
    fields = {"objection_id": "YY-1", "received_on": "2026-11-08", "content": "有车"}
    case = on_notice(objections={"YY-1": "closed"})
    assert list(errors_of("objection", fields, case)) == ["objection_id"]


def test_only_an_open_objection_can_be_resolved():
    fields = {"objection_id": "YY-1", "date": "2026-11-09", "how_checked": "核实",
              "result": "dismissed"}
    assert "objection_id" in errors_of("resolve_objection", fields,
                                       on_notice(objections={"YY-1": "closed"}))


def test_an_upheld_objection_must_say_where_the_case_goes_back_to():
    fields = {"objection_id": "YY-1", "date": "2026-11-09", "how_checked": "核实",
              "result": "upheld"}
    assert list(errors_of("resolve_objection", fields,
                          on_notice(objections={"YY-1": "open"}))) == ["back_to"]


def test_closing_a_notice_on_a_real_store(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, today=date(2026, 11, 13))
    case_id = work.receive(make_application())
    advance(work, case_id, "on_notice")
    with pytest.raises(ValidationFailed) as caught:
        work.step(case_id, "close_notice", {"date": "2026-11-13"})
    assert "2026-11-14" in caught.value.message
    assert store.db["applications"].get(case_id)["status"] == "on_notice"

    work.today = date(2026, 11, 14)
    work.step(case_id, "objection", {"objection_id": "YY-1", "received_on": "2026-11-12",
                                     "from": "", "content": "家中新建住房"})
    with pytest.raises(ValidationFailed) as caught:
        work.step(case_id, "close_notice", {"date": "2026-11-14"})
    assert "YY-1" in caught.value.message
    work.step(case_id, "resolve_objection", {"objection_id": "YY-1", "date": "2026-11-14",
                                             "how_checked": "住房为危房改造", "result": "dismissed"})
    assert work.step(case_id, "close_notice", {"date": "2026-11-14"}) == "notice_done"
    store.close()


# --- dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["investigate", "close_notice", "submit"])
def test_a_step_dated_before_the_previous_step_is_refused(code):
    case = on_notice() if code == "close_notice" else facts("received", date(2026, 11, 20))
    if code == "close_notice":
        case.last_on = date(2026, 11, 20)
    fields = dict(STEP[code], date="2026-11-19")
    errors = errors_of(code, fields, case)
    assert "date" in errors and "2026-11-20" in errors["date"]


def test_a_step_on_the_day_of_the_previous_step_is_accepted():
    fields = dict(STEP["investigate"], date="2026-11-02")
    assert check_step("investigate", fields, facts("received"), today=TODAY,
                      policy=POLICY)["date"] == "2026-11-02"


@pytest.mark.parametrize("code", ["investigate", "deliberate", "review", "approve"])
def test_a_step_dated_in_the_future_is_refused(code):
    fields = dict(STEP[code], date="2026-11-21")
    errors = errors_of(code, fields, facts("acknowledged"), today=date(2026, 11, 20))
    assert list(errors) == ["date"]


def test_a_notice_may_be_posted_to_start_in_the_next_days():
    fields = dict(STEP["post_notice"], start="2026-11-23")
    out = check_step("post_notice", fields, facts("reviewed"), today=date(2026, 11, 20),
                     policy=POLICY)
    assert out["start"] == "2026-11-23"


def test_an_unknown_step_field_is_refused():
    fields = dict(STEP["submit"], comment="尽快")
    assert list(errors_of("submit", fields, facts("notice_done"))) == ["comment"]


# --- the township cap --------------------------------------------------------------------

CAP = POLICY.township_cap_fen  # 3 × 430 元 = 1,290 元


def approval(amount: int) -> dict:
    return {"date": "2026-11-18", "approver": "王审批", "amount_fen": amount}


def test_the_default_township_cap_is_three_months_of_dibao():
    assert CAP == 3 * 43_000


def test_approving_over_the_cap_from_acknowledged_is_refused():
    errors = errors_of("approve", approval(CAP + 1), facts("acknowledged"))
    assert list(errors) == ["amount_fen"]
    assert "转县审批" in errors["amount_fen"]
    out = check_step("approve", approval(CAP), facts("acknowledged"), today=TODAY,
                     policy=POLICY)
    assert out["amount_fen"] == CAP


def test_a_referred_case_may_be_approved_over_the_township_cap():
    county = {"county_ref": "新民发〔2026〕12号"}
    out = check_step("approve", {**approval(CAP + 1), **county}, facts("referred"),
                     today=TODAY, policy=POLICY)
    assert out["amount_fen"] == CAP + 1


def test_a_county_decision_stays_within_the_county_cap():
    county = {"county_ref": "新民发〔2026〕12号"}
    errors = errors_of("approve", {**approval(POLICY.county_cap_fen + 1), **county},
                       facts("referred"))
    assert "县级审批上限" in errors["amount_fen"]


def test_the_cap_follows_the_settings():
    policy = Policy(dibao_monthly_standard_fen=60_000)
    out = check_step("approve", approval(CAP + 1), facts("acknowledged"), today=TODAY,
                     policy=policy)
    assert out["amount_fen"] == CAP + 1


def test_a_township_store_refuses_an_approval_over_the_cap(tmp_path):
    store = make_store(tmp_path, role="township")
    work = Casework(store, today=TODAY)
    with playing(store, "village"):  # as if imported from the village's bundle
        case_id = work.receive(make_application())
    advance(work, case_id, "acknowledged")
    assert "approve" in work.allowed_actions(case_id)
    events, before = event_count(store.db), projection_rows(store.db)
    with pytest.raises(ValidationFailed) as caught:
        work.step(case_id, "approve", approval(CAP + 1))
    assert "amount_fen" in caught.value.message
    assert (event_count(store.db), projection_rows(store.db)) == (events, before)
    assert work.step(case_id, "refer", {"date": "2026-11-18", "approver": "王审批"}) == "referred"
    assert work.step(case_id, "approve", approval(CAP + 1)) == "approved"
    assert store.db["applications"].get(case_id)["approved_fen"] == CAP + 1
    store.close()


def test_a_malformed_objection_id_is_a_field_error():
    fields = {"objection_id": ["YY-1"], "date": "2026-11-09", "how_checked": "核实",
              "result": "dismissed"}
    errors = errors_of("resolve_objection", fields, on_notice(objections={"YY-1": "open"}))
    assert "objection_id" in errors
