"""The township workstation on cases that came from two villages by bundle: the queue,
every red flag (present in a constructed case, absent in a clean one), decisions and
their refusals (nothing changed), and each decision travelling back to its village."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.core import clock
from desktop.core.errors import Refusal
from desktop.storage.queries import case_history
from desktop.township.decisions import Decisions
from desktop.township.flags import red_flags
from desktop.township.queue import QueueFilter, queue_count, queue_page
from desktop.township.villages import inbox
from tests.helpers import TODAY, make_application, make_id
from tests.sync_world import history, snapshot, status
from tests.township_world import applicant, case_with, deliver, post_result


def codes(world, case_id) -> set[str]:
    t = world.township
    return {f.code for f in red_flags(t.db, [case_id], t.policy)[case_id]}


def test_two_villages_flow_into_one_queue(world):
    a = world.cases_ready(world.a, 2)
    b = world.cases_ready(world.b, 1)
    deliver(world)
    t = world.township
    assert queue_count(t.db, QueueFilter(), TODAY, t.policy) == 3
    rows = queue_page(t.db, QueueFilter(), TODAY, t.policy, 0, 10)
    assert {r["village_name"] for r in rows} == {"石门村", "白水村"}
    only_b = queue_page(t.db, QueueFilter(village="430522101202"), TODAY, t.policy, 0, 10)
    assert [r["id"] for r in only_b] == b
    assert all(r["waiting_days"] == 0 and r["decision_due"].isoformat() > "2027-01-01"
               for r in rows)
    by_amount = queue_page(t.db, QueueFilter(sort="amount", descending=True), TODAY,
                           t.policy, 0, 10)
    assert len(by_amount) == 3 and set(a) < {r["id"] for r in by_amount}
    assert queue_count(t.db, QueueFilter(min_waiting=1), TODAY, t.policy) == 0
    assert queue_count(t.db, QueueFilter(category="emergency"), TODAY, t.policy) == 0
    assert queue_count(t.db, QueueFilter(min_fen=100_001), TODAY, t.policy) == 0
    lines = inbox(t.db, clock.today(), t.policy)  # bundles carry the clock's stamps
    assert [(v.name, v.cases, v.awaiting, v.silent) for v in sorted(lines, key=lambda v: v.code)
            ] == [("石门村", 2, 2, False), ("白水村", 1, 1, False)]
    later = inbox(t.db, clock.today() + timedelta(days=t.policy.village_silent_days), t.policy)
    assert all(v.silent and v.bundles == 1 for v in later)


def test_a_village_that_never_sent_is_marked(world):
    t = world.township
    lines = inbox(t.db, clock.today() + timedelta(days=31), t.policy)
    assert len(lines) == 2 and all(v.silent and v.last_bundle_at == "" for v in lines)


def test_every_red_flag_across_two_villages(world):
    a, b = world.a, world.b
    clean = case_with(world, a)
    same = make_id()
    same_a = case_with(world, a, applicant=applicant(same))
    same_b = case_with(world, b, applicant=applicant(same), reason="education")
    twice = make_id()
    repeat_a = case_with(world, a, applicant=applicant(twice))
    repeat_b = case_with(world, b, applicant=applicant(twice))
    shared = make_id()
    member = {"name": "赵共用", "id_number": shared, "relation": "子女"}
    house_a = case_with(world, a, members=[member])
    house_b = case_with(world, b, members=[{**member, "relation": "兄弟姐妹"}])
    relative = case_with(world, b, officer_relative=True, relative_note="村主任之弟")
    over = case_with(world, a, proposed_fen=200_000)
    b.set_settings({"notice_days_temporary": 5})
    short = case_with(world, b, until="reviewed")
    work = world.work(b)
    work.step(short, "post_notice", {"notice_id": "GS-2026-09", "start": "2026-11-07",
                                     "days": 5, "board": "村务公开栏"})
    work.step(short, "close_notice", {"date": "2026-11-12"})
    deliver(world)
    t = world.township
    objected = same_a  # an open objection cannot leave a village; built here by hand
    t.db["objections"].insert({"application_id": objected, "objection_id": "YY-1",
                               "received_on": "2026-11-08", "from_whom": "", "content": "有房",
                               "status": "open"})
    assert codes(world, clean) == set()
    assert codes(world, same_b) == {"same_id"}
    assert codes(world, same_a) == {"same_id", "open_objection"}
    assert codes(world, repeat_a) == codes(world, repeat_b) == {"same_id", "repeat_reason"}
    assert codes(world, house_a) == codes(world, house_b) == {"two_households"}
    assert codes(world, relative) == {"officer_relative"}
    assert codes(world, over) == {"over_cap"}
    assert codes(world, short) == {"short_notice"}
    (flag,) = red_flags(t.db, [house_a], t.policy)[house_a]
    assert "赵共用" in flag.text and "白水村" in flag.text and house_b in flag.text
    rows = queue_page(t.db, QueueFilter(), TODAY, t.policy, 0, 50)
    assert {r["id"]: len(r["flags"]) for r in rows}[clean] == 0


def test_decision_refusals_change_nothing(world):
    (case_id,) = world.cases_ready(world.a, 1)
    deliver(world)
    t = world.township
    decide = Decisions(t, TODAY)
    before = snapshot(t)
    cases = [(lambda: decide.approve(case_id, 0), "大于 0"),
             (lambda: decide.approve(case_id, -100), "负数"),
             (lambda: decide.approve(case_id, 500_000), "请转县审批"),
             (lambda: decide.reject(case_id, "  "), "理由"),
             (lambda: decide.return_(case_id, ""), "补充"),
             (lambda: decide.pay(case_id, 100, "一卡通"), "不能办理")]
    for attempt, words in cases:
        with pytest.raises(Refusal, match=words):
            attempt()
        assert snapshot(t) == before
    decide.approve(case_id, 100_000)
    after = snapshot(t)
    with pytest.raises(Refusal, match="不能再次决定"):
        decide.reject(case_id, "重复")
    assert snapshot(t) == after


def test_a_case_from_a_village_no_longer_enrolled_is_refused(world):
    (case_id,) = world.cases_ready(world.b, 1)
    deliver(world)
    t = world.township
    t.db["peers"].update(world.b.workstation["id"], {"active": 0})
    before = snapshot(t)
    with pytest.raises(Refusal, match="没有在本乡镇登记"):
        Decisions(t, TODAY).approve(case_id, 100_000)
    assert snapshot(t) == before


def test_every_decision_round_trips_to_its_village(world):
    a1, a2, a3 = world.cases_ready(world.a, 3)
    (b1,) = world.cases_ready(world.b, 1)
    deliver(world)
    t = world.township
    decide = Decisions(t, TODAY)
    decide.approve(a1, 100_000)
    decide.reject(a2, "家庭收入超过标准")
    decide.refer(a3)
    with pytest.raises(Refusal, match="县局批复文号"):
        decide.approve(a3, 500_000)
    decide.approve(a3, 250_000, county_ref="新民发〔2026〕12号")
    decide.return_(b1, "请补充医疗费用票据")
    world.send(t, world.a)
    world.send(t, world.b)
    assert [status(world.a, c) for c in (a1, a2, a3)] == ["approved", "rejected", "approved"]
    assert status(world.b, b1) == "returned"
    assert [h[0] for h in history(world.a, a3)][-3:] == ["acknowledge", "refer", "approve"]
    (summary,) = [h["summary"] for h in case_history(world.a.db, a3) if h["action"] == "approve"]
    assert "新民发〔2026〕12号" in summary
    # the village posts the result; the township pays; payment goes back too
    post_result(world, world.a, a1)
    world.send(world.a, t)
    with pytest.raises(Refusal, match="超过批准金额"):
        decide.pay(a1, 100_001, "一卡通")
    decide.pay(a1, 100_000, "一卡通")
    with pytest.raises(Refusal, match="重复"):
        decide.pay(a1, 100_000, "一卡通")
    world.send(t, world.a)
    assert status(world.a, a1) == "paid"
    assert world.a.db["applications"].get(a1)["paid_fen"] == 100_000


def test_returned_case_comes_back_and_is_decided(world):
    (b1,) = world.cases_ready(world.b, 1)
    deliver(world)
    Decisions(world.township, TODAY).return_(b1, "补充材料")
    world.send(world.township, world.b)
    assert status(world.b, b1) == "returned"
    with pytest.raises(Refusal, match="退回"):
        Decisions(world.township, TODAY).approve(b1, 1000)


def test_only_a_township_decides(world):
    (a1,) = world.cases_ready(world.a, 1)
    with pytest.raises(Refusal, match="乡镇工作站"):
        Decisions(world.a, TODAY).approve(a1, 1000)


def test_applications_make_valid_ids():
    assert make_application()["applicant"]["id_number"] != make_application()[
        "applicant"]["id_number"]
