"""The state machine of DOMAIN.md "An application's life": every (status, action) pair is
either the transition the domain describes or a refusal that names the current state, and
a refused step on a real store changes nothing."""

from __future__ import annotations

import pytest

from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.workflow import ACTIONS, allowed_actions, next_status
from desktop.operations.casework import Casework
from tests.helpers import TODAY, event_count, make_application, make_store, projection_rows

# Status labels as DOMAIN.md lists them (the UI shows these, refusals name them).
LABELS = {
    "draft": "草稿", "received": "已受理", "refused": "不予受理", "investigated": "已调查",
    "deliberated": "已评议", "reviewed": "初审通过", "rejected_village": "初审不通过",
    "on_notice": "公示中", "notice_done": "公示期满", "submitted": "已上报",
    "acknowledged": "乡镇已接收", "approved": "批准", "rejected": "不批准",
    "referred": "转县审批", "returned": "退回补充", "result_posted": "结果已公示",
    "paid": "已发放", "filed": "已备案", "paid_first": "先行救助",
    "county_decided": "县局已决定",
}
STATUSES = list(LABELS)
CLOSED = ("refused", "rejected_village", "rejected", "filed")

# (action, side) → {source status: target status}, written from DOMAIN.md's diagram.
VILLAGE, TOWNSHIP, COUNTY = "village", "township", "county"
TRANSITIONS: dict[str, tuple[str, dict[str, str]]] = {
    "accept": (VILLAGE, {"draft": "received"}),
    "refuse": (VILLAGE, {"draft": "refused", "received": "refused"}),
    "investigate": (VILLAGE, {"received": "investigated", "paid_first": "investigated",
                              "returned": "investigated"}),
    "deliberate": (VILLAGE, {"investigated": "deliberated"}),
    "review": (VILLAGE, {"deliberated": "reviewed"}),  # investigated only when skippable
    "pay_first": (VILLAGE, {"received": "paid_first"}),  # emergency only
    "post_notice": (VILLAGE, {"reviewed": "on_notice"}),
    "objection": (VILLAGE, {"on_notice": "on_notice"}),
    "resolve_objection": (VILLAGE, {"on_notice": "on_notice"}),  # dismissed
    "close_notice": (VILLAGE, {"on_notice": "notice_done"}),
    "submit": (VILLAGE, {"notice_done": "submitted"}),
    "post_result": (VILLAGE, {"approved": "result_posted"}),
    "acknowledge": (TOWNSHIP, {"submitted": "acknowledged"}),
    # a referred case: as the county decided it (county_decided), or, for a county
    # without the software, as its written decision says (referred)
    "approve": (TOWNSHIP, {"acknowledged": "approved", "referred": "approved",
                           "county_decided": "approved"}),
    "reject": (TOWNSHIP, {"acknowledged": "rejected", "referred": "rejected",
                          "county_decided": "rejected"}),
    "refer": (TOWNSHIP, {"acknowledged": "referred"}),
    "return": (TOWNSHIP, {"acknowledged": "returned", "referred": "returned",
                          "county_decided": "returned"}),
    "pay": (TOWNSHIP, {"result_posted": "paid"}),
    "file": (TOWNSHIP, {"paid": "filed"}),
    "notify_rejection": (TOWNSHIP, {"rejected": "rejected"}),  # 送达: the case stays closed
    "county_decide": (COUNTY, {"referred": "county_decided"}),  # 转县审批 decided (issue 14)
    "spot_select": (COUNTY, {"filed": "filed"}),  # 抽查: drawn, then checked
    "spot_check": (COUNTY, {"filed": "filed"}),
    # 低保 复核 and its decision: on 低保 cases only (result_posted → result_posted; the
    # table's cases are 急难型, so none here: tests/test_dibao_review.py covers them)
    "dibao_review": (VILLAGE, {}),
    "dibao_decide": (TOWNSHIP, {}),
    # objections to a 低保变动公示: on 低保 households only (tests/test_dibao_objections.py)
    "dibao_objection": (VILLAGE, {}),
    "dibao_resolve_objection": (VILLAGE, {}),
    # the county's check passed on to the village: recorded on import, never offered
    "forward_spot_check": (TOWNSHIP, {"filed": "filed"}),
}
# Fields that decide the target where it depends on them.
FIELDS = {"review": {"passed": True}, "resolve_objection": {"result": "dismissed"}}


def test_the_table_covers_every_action_the_software_offers():
    assert set(TRANSITIONS) == set(ACTIONS)


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("code", sorted(TRANSITIONS))
def test_every_status_action_pair(status, code):
    role, moves = TRANSITIONS[code]
    fields = FIELDS.get(code, {})
    if status in moves:
        got = next_status(status, code, fields, role=role, category="emergency")
        assert got == moves[status]
    else:
        with pytest.raises(Refusal) as caught:
            next_status(status, code, fields, role=role, category="emergency")
        assert f"“{LABELS[status]}”" in caught.value.message


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", [VILLAGE, TOWNSHIP])
def test_allowed_actions_lists_exactly_the_permitted_steps(status, role):
    expected = {code for code, (side, moves) in TRANSITIONS.items()
                if side == role and status in moves and not ACTIONS[code].on_import}
    assert set(allowed_actions(status, role, category="emergency")) == expected


@pytest.mark.parametrize("status", CLOSED)
def test_a_closed_case_never_moves_again(status):
    """Only the delivery of a written refusal is recorded on a closed case, and it leaves
    the case where it is."""
    for role in (VILLAGE, TOWNSHIP):
        for code in allowed_actions(status, role, category="emergency",
                                    deliberation_skippable=True):
            assert code == "notify_rejection"
            assert next_status(status, code, {}, role=role).value == status


# --- the side that may act ------------------------------------------------------------------

def test_a_village_workstation_cannot_approve():
    with pytest.raises(Refusal) as caught:
        next_status("acknowledged", "approve", {}, role=VILLAGE)
    assert "乡镇" in caught.value.message


@pytest.mark.parametrize("code", ["acknowledge", "approve", "reject", "refer", "return",
                                  "pay", "file"])
def test_township_decisions_are_refused_to_a_village_in_every_state(code):
    for status in STATUSES:
        with pytest.raises(Refusal):
            next_status(status, code, {}, role=VILLAGE, category="emergency")


def test_a_township_cannot_investigate():
    with pytest.raises(Refusal) as caught:
        next_status("received", "investigate", {}, role=TOWNSHIP)
    assert "村" in caught.value.message
    assert "investigate" not in allowed_actions("received", TOWNSHIP)


def test_an_unknown_action_is_refused_listing_the_known_ones():
    with pytest.raises(Refusal) as caught:
        next_status("received", "approve_everything", {}, role=VILLAGE)
    assert "investigate" in caught.value.message


# --- 先行救助 is for 急难型 only ------------------------------------------------------------

def test_pay_first_is_allowed_for_an_emergency_case():
    assert next_status("received", "pay_first", {}, role=VILLAGE,
                       category="emergency") == "paid_first"
    assert "pay_first" in allowed_actions("received", VILLAGE, category="emergency")


@pytest.mark.parametrize("category", ["expenditure", "dibao", ""])
def test_pay_first_is_refused_for_other_categories(category):
    with pytest.raises(Refusal) as caught:
        next_status("received", "pay_first", {}, role=VILLAGE, category=category)
    assert "已受理" in caught.value.message
    assert "pay_first" not in allowed_actions("received", VILLAGE, category=category)


# --- skipping 评议 ---------------------------------------------------------------------------

def test_review_straight_after_investigation_needs_the_policy():
    with pytest.raises(Refusal) as caught:
        next_status("investigated", "review", {"passed": True}, role=VILLAGE)
    assert "已调查" in caught.value.message
    assert next_status("investigated", "review", {"passed": True}, role=VILLAGE,
                       deliberation_skippable=True) == "reviewed"
    assert "review" in allowed_actions("investigated", VILLAGE, deliberation_skippable=True)


@pytest.mark.parametrize("status", ["investigated", "deliberated"])
def test_a_failed_review_rejects_at_the_village(status):
    assert next_status(status, "review", {"passed": False}, role=VILLAGE,
                       deliberation_skippable=True) == "rejected_village"


# --- objections -------------------------------------------------------------------------------

@pytest.mark.parametrize("fields, target", [
    ({"result": "upheld", "back_to": "investigation"}, "received"),
    ({"result": "upheld", "back_to": "deliberation"}, "investigated"),
    ({"result": "dismissed"}, "on_notice"),
])
def test_resolving_an_objection(fields, target):
    assert next_status("on_notice", "resolve_objection", fields, role=VILLAGE) == target


# --- through Casework on a real store -----------------------------------------------------

INVESTIGATION = {"date": "2026-11-03", "investigators": ["刘民生", "村主任"],
                 "methods": ["入户调查"], "household_income_fen": 1_800_000,
                 "household_expenditure_fen": 4_500_000, "findings": "情况属实"}


@pytest.fixture
def village(tmp_path):
    store = make_store(tmp_path)
    yield Casework(store, today=TODAY)
    store.close()


@pytest.mark.parametrize("code, fields, error", [
    ("deliberate", {"date": "2026-11-03", "present": 9, "representatives": 6,
                    "votes_for": 9, "votes_against": 0, "votes_abstain": 0,
                    "conclusion": "同意"}, Refusal),  # wrong state
    ("approve", {"date": "2026-11-03", "approver": "王", "amount_fen": 100}, Refusal),
    ("pay_first", {"date": "2026-11-03", "amount_fen": 100, "authorised_by": "王"},
     Refusal),  # expenditure case
    ("investigate", dict(INVESTIGATION, investigators=["刘民生"]), ValidationFailed),
    ("investigate", "not an object", Refusal),
])
def test_a_refused_step_changes_nothing(village, code, fields, error):
    case_id = village.receive(make_application())
    events = event_count(village.db)
    before = projection_rows(village.db)
    with pytest.raises(error):
        village.step(case_id, code, fields)
    assert event_count(village.db) == events
    assert projection_rows(village.db) == before


def test_a_step_on_an_unknown_case_is_refused(village):
    with pytest.raises(Refusal) as caught:
        village.step("430522101201-2026-9999", "investigate", INVESTIGATION)
    assert "430522101201-2026-9999" in caught.value.message


def test_an_allowed_step_moves_the_case_and_records_history(village):
    case_id = village.receive(make_application())
    assert village.step(case_id, "investigate", INVESTIGATION) == "investigated"
    row = village.db["applications"].get(case_id)
    assert (row["status"], row["status_on"]) == ("investigated", "2026-11-03")
    actions = [h["action"] for h in village.db.query(
        "SELECT action FROM history WHERE application_id = ? ORDER BY seq", [case_id])]
    assert actions == ["receive", "investigate"]
    assert village.allowed_actions(case_id) == ["deliberate"]


def test_a_draft_is_accepted_before_anything_else(village):
    case_id = village.receive(make_application(draft=True))
    assert village.db["applications"].get(case_id)["status"] == "draft"
    assert set(village.allowed_actions(case_id)) == {"accept", "refuse"}
    with pytest.raises(Refusal) as caught:
        village.step(case_id, "investigate", INVESTIGATION)
    assert "草稿" in caught.value.message
    assert village.step(case_id, "accept", {"date": "2026-11-02"}) == "received"


def test_an_upheld_objection_sends_the_case_back_and_withdraws_the_notice(village):
    case_id = village.receive(make_application())
    village.step(case_id, "investigate", INVESTIGATION)
    village.step(case_id, "deliberate", {
        "date": "2026-11-04", "present": 9, "representatives": 6, "votes_for": 8,
        "votes_against": 1, "votes_abstain": 0, "conclusion": "同意"})
    village.step(case_id, "review", {"date": "2026-11-05", "passed": True,
                                     "opinion": "符合条件", "proposed_fen": 200_000})
    village.step(case_id, "post_notice", {"notice_id": "GS-2026-01", "start": "2026-11-07",
                                          "days": 7})
    village.step(case_id, "objection", {"objection_id": "YY-1", "received_on": "2026-11-08",
                                        "content": "家中有车"})
    assert village.step(case_id, "resolve_objection", {
        "objection_id": "YY-1", "date": "2026-11-09", "how_checked": "入户核实,车辆属实",
        "result": "upheld", "back_to": "investigation"}) == "received"
    row = village.db["applications"].get(case_id)
    assert row["status"] == "received"
    assert row["notice_id"] is None and row["notice_start"] is None
    objection = village.db["objections"].get((case_id, "YY-1"))
    assert (objection["status"], objection["result"], objection["closed_on"]) == (
        "closed", "upheld", "2026-11-09")
    assert "investigate" in village.allowed_actions(case_id)
