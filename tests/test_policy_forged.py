"""An edition of policy is checked on import like any event (issue 14 item 4): a forged
one — keys its issuer may not set, a version out of turn, a level not the sender's, a
village issuing, a payload not in normal form — is refused, and a decision keeps the
editions it was decided under."""

from __future__ import annotations

import copy

import pytest

from desktop.operations.editions import issue_edition
from desktop.storage.edition_projections import held
from desktop.storage.queries import case_detail
from tests.forged import chained, deliver, own_events, signed_bundle
from tests.helpers import TODAY
from tests.sync_world import World
from tests.township_world import case_with
from tests.township_world import deliver as villages_deliver


@pytest.fixture
def world(tmp_path):
    w = World(tmp_path)
    issue_edition(w.township, {"holidays": ["2027-01-01"]}, TODAY, TODAY)
    yield w
    w.close()


def first_edition(world):
    (e,) = [e for e in own_events(world.township) if e.type == "PolicyIssued"]
    return e


def from_township(world, payload: dict, case_id: str):
    """The township's real edition, then one crafted after it, sent to village A."""
    real = first_edition(world)
    crafted = chained(real, "PolicyIssued", payload, case_id)
    return deliver(world, signed_bundle(world, [real, crafted], sender=world.township,
                                        recipient=world.a), store=world.a)


def next_payload(world, **changes) -> dict:
    payload = copy.deepcopy(first_edition(world).payload)
    payload.update({"version": 2, **changes})
    return payload


@pytest.mark.parametrize("changes, case_id, says", [
    ({"version": 3}, "430522101-POLICY-3", "政策版本号应为 2"),
    ({"settings": {"township_cap_multiple": 9}}, "430522101-POLICY-2", "不能设定"),
    ({"version": 1, "level": "county", "region_code": "430522",
      "settings": {"case_total_days": 20}}, "430522-POLICY-1",
     "发送方不是县民政局"),
    ({"settings": {"holidays": ["2027-01-02", "2027-01-01"]}}, "430522101-POLICY-2",
     "不是规范格式"),
    ({}, "430522101-POLICY-7", "不符"),
])
def test_a_forged_edition_is_refused_and_the_policy_stays(world, changes, case_id, says):
    report = from_township(world, next_payload(world, **changes), case_id)
    assert report.ok and report.new == 1  # the real edition
    ((_, refused_id, why),) = report.refused
    assert refused_id == case_id and says in why
    assert [e.record_id for e in held(world.a.db)] == ["430522101-POLICY-1"]
    assert world.a.policy.township_cap_multiple == 3


def test_an_edition_for_another_township_is_outside_the_senders_scope(world):
    report = from_township(world, next_payload(world, region_code="430522102"),
                           "430522102-POLICY-2")
    assert not report.ok and "超出发送方的权限" in report.error
    assert held(world.a.db) == []


@pytest.mark.parametrize("case_id", ["430522101-POLICY-1", "430522101201-POLICY-1"])
def test_a_village_issues_no_policy(world, case_id):
    payload = copy.deepcopy(first_edition(world).payload)
    events = own_events(world.a) or []
    prev = events[-1] if events else None
    if prev is None:  # a village with no events yet: one real case first
        case_with(world, world.a, "received")
        prev = own_events(world.a)[-1]
    report = deliver(world, signed_bundle(world, own_events(world.a)
                                          + [chained(prev, "PolicyIssued", payload, case_id)]))
    assert not report.ok and "不能办理“发布政策”" in report.error
    assert held(world.township.db) == [h for h in held(world.township.db)
                                       if h.record_id == "430522101-POLICY-1"]


def test_a_decision_keeps_the_edition_it_was_decided_under_and_travels_with_it(world):
    case_id = case_with(world, world.a, "notice_done")
    villages_deliver(world)
    world.work(world.township).step(case_id, "approve", {
        "date": TODAY.isoformat(), "approver": "王审批", "amount_fen": 100_000})
    (approved,) = [e for e in own_events(world.township) if e.type == "Approved"]
    assert approved.payload["policy_editions"] == ["430522101-POLICY-1"]
    (report,) = world.send(world.township, world.a)
    assert report.ok and not report.refused and report.new == 3  # edition, 接收, 批准
    assert [e.record_id for e in held(world.a.db)] == ["430522101-POLICY-1"]
    assert world.a.policy.holidays[0].isoformat() == "2027-01-01"
    shown = world.a.db.execute("SELECT fields FROM history WHERE application_id = ? AND"
                               " action = 'approve'", [case_id]).fetchone()[0]
    assert "430522101-POLICY-1" in shown
    lines = [h["summary"] for h in case_detail(world.a.db, case_id, TODAY,
                                                world.a.policy)["history"]]
    assert any(x.startswith("批准") and x.endswith(";依据政策 430522101-POLICY-1")
               for x in lines), lines


def test_a_decision_naming_a_made_up_edition_is_refused(world):
    case_id = case_with(world, world.a, "notice_done")
    villages_deliver(world)
    work = world.work(world.township)
    work.step(case_id, "approve", {"date": TODAY.isoformat(), "approver": "王审批",
                                   "amount_fen": 100_000})
    events = [e for e in own_events(world.township)
              if e.workstation_id == world.township.workstation["id"]]
    i = [e.type for e in events].index("Approved")
    bad = chained(events[i - 1], "Approved",
                  {**events[i].payload, "policy_editions": ["石门村-POLICY-1"]}, case_id)
    report = deliver(world, signed_bundle(world, events[:i] + [bad], sender=world.township,
                                          recipient=world.a), store=world.a)
    assert report.ok and [r[1] for r in report.refused] == [case_id]
    assert "政策记录编号" in report.refused[0][2]
