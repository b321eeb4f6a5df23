"""The county workstation (issue 14): a third role, the township's relay of the cases the
county holds, and 转县审批 decided at the county — village → township → county →
township → village on real workstations with real bundles."""

from __future__ import annotations

import dataclasses
import json

import pytest

from desktop.core.errors import Refusal
from desktop.county.decisions import CountyDecisions
from desktop.storage.queries import case_history
from desktop.sync.identity import fingerprint, own_card
from desktop.sync.peers import enroll
from desktop.township.decisions import Decisions
from tests import county_world
from tests.forged import deliver, signed_bundle
from tests.helpers import TODAY, make_store
from tests.sync_world import history, snapshot, status
from tests.township_world import case_with, post_result

world = county_world.world  # the fixture: a county, its townships and villages


def _referred(world, amount_fen=200_000) -> str:
    """A case above the township's cap, referred to the county, relayed to it."""
    case_id = case_with(world, world.a, proposed_fen=amount_fen)
    world.up()
    Decisions(world.township, TODAY).refer(case_id)
    world.send(world.township, world.county)
    return case_id


def test_a_referred_case_is_decided_at_the_county_and_reaches_the_village(world):
    case_id = _referred(world)
    county = world.county
    assert status(county, case_id) == "referred"
    # the county holds the village's own log entries, under the village's id and hash
    village_event = world.a.db.execute("SELECT workstation_id, seq, hash FROM events"
                                       " WHERE case_id = ? ORDER BY seq LIMIT 1",
                                       [case_id]).fetchone()
    assert county.db.execute("SELECT workstation_id, seq, hash FROM events WHERE"
                             " workstation_id = ? AND seq = ?",
                             list(village_event[:2])).fetchone() == village_event
    CountyDecisions(county, TODAY).approve(case_id, 180_000)
    ref = json.loads(county.db["applications"].get(case_id)["county_decision"])["ref"]
    assert ref == "新邵县民政局转县审批〔2026〕1号"
    world.down()
    for store in (world.township, world.a):
        row = store.db["applications"].get(case_id)
        assert (row["status"], row["approved_fen"]) == ("approved", 180_000)
    (approval,) = [h for h in case_history(world.a.db, case_id) if h["action"] == "approve"]
    assert ref in approval["summary"]
    # the township's record of it goes up: the county's ledger shows the case approved
    world.send(world.township, world.county)
    assert status(county, case_id) == "approved"
    # result, payment and filing follow the case up to the county
    post_result(world, world.a, case_id)
    world.send(world.a, world.township)
    Decisions(world.township, TODAY).pay(case_id, 180_000, "一卡通")
    world.send(world.township, world.county)
    assert county.db["applications"].get(case_id)["paid_fen"] == 180_000


def test_county_rejection_and_return_travel_down(world):
    rejected = _referred(world)
    returned = case_with(world, world.a, proposed_fen=210_000)
    world.up()
    Decisions(world.township, TODAY).refer(returned)
    world.send(world.township, world.county)
    decide = CountyDecisions(world.county, TODAY)
    decide.reject(rejected, "家庭财产超过规定")
    decide.return_(returned, "请补充住院费用清单")
    world.down()
    assert status(world.a, rejected) == "rejected"
    assert status(world.a, returned) == "returned"
    assert [h[0] for h in history(world.a, returned)][-2:] == ["refer", "return"]


def test_the_township_no_longer_types_the_county_decision(world):
    case_id = _referred(world)
    before = snapshot(world.township)
    with pytest.raises(Refusal, match="由县民政局在其工作站上决定"):
        Decisions(world.township, TODAY).approve(case_id, 180_000, county_ref="假文号")
    assert snapshot(world.township) == before


@pytest.mark.parametrize("attempt, message", [
    (lambda d, c: d.approve(c, 400_000), "县级审批上限"),
    (lambda d, c: d.reject(c, " "), "不批准理由"),
])
def test_the_county_refuses_a_bad_decision_and_changes_nothing(world, attempt, message):
    case_id = _referred(world)
    before = snapshot(world.county)
    with pytest.raises(Refusal, match=message):
        attempt(CountyDecisions(world.county, TODAY), case_id)
    assert snapshot(world.county) == before


def test_only_the_countys_cases_are_relayed(world):
    ordinary = case_with(world, world.a)
    referred = _referred(world)
    held = {r[0] for r in world.county.db.execute("SELECT id FROM applications")}
    assert held == {referred}
    # the county's relayed chains have gaps by design (the ordinary case's events): the
    # thorough data check knows it, as it knows the township's filtered county chain
    from desktop.safety.checks import check_data_dir

    CountyDecisions(world.county, TODAY).approve(referred, 180_000)
    world.send(world.county, world.township)
    for store in (world.county, world.township, world.a):
        health = check_data_dir(store.path.parent, full=True)
        assert not health.problems, health.problems
    # an ordinary case goes up once filed, with its whole history
    Decisions(world.township, TODAY).approve(ordinary, 100_000)
    world.send(world.township, world.a)
    post_result(world, world.a, ordinary)
    world.send(world.a, world.township)
    decide = Decisions(world.township, TODAY)
    decide.pay(ordinary, 100_000, "一卡通")
    world.work(world.township).step(ordinary, "file", {"date": TODAY.isoformat(),
                                                       "register": "2026 年 12 月备案册"})
    world.send(world.township, world.county)
    assert status(world.county, ordinary) == "filed"
    assert [h[0] for h in history(world.county, ordinary)][:2] == ["receive", "investigate"]


def test_a_lost_relay_is_sent_again_and_an_old_one_changes_nothing(world):
    case_id = case_with(world, world.a, proposed_fen=200_000)
    world.up()
    Decisions(world.township, TODAY).refer(case_id)
    (world.tmp / "lost").mkdir()
    lost = world.export(world.township, world.tmp / "lost")  # never reaches the county
    assert lost
    world.send(world.township, world.county)
    assert status(world.county, case_id) == "referred"
    from desktop.sync.importer import import_files

    old = [e.path for e in lost if "新邵县" in e.path.name]
    (report,) = import_files(world.county, old, TODAY)
    assert report.new == 0 and not report.refused


def test_a_relay_cannot_carry_another_townships_case(world):
    """The township relays an event of a case of another township: the whole bundle is
    refused, nothing changes."""
    other_case = case_with(world, world.a, proposed_fen=200_000)
    world.up()
    Decisions(world.township, TODAY).refer(other_case)
    world.send(world.township, world.county)
    event = next(e for e in _log(world.township) if e.case_id == other_case)
    moved = dataclasses.replace(event, case_id="430522102201" + other_case[12:])
    moved = dataclasses.replace(moved, hash=moved.content_hash())
    before = snapshot(world.county)
    report = deliver(world, signed_bundle(world, [moved], sender=world.township,
                                          recipient=world.county, since=1), world.county)
    assert "超出发送方的权限" in report.error
    assert snapshot(world.county) == before


def test_a_relay_event_signed_as_a_known_workstation_is_refused(world):
    """A township cannot pass off an event as the county's or another township's."""
    case_id = _referred(world)
    event = next(e for e in _log(world.township) if e.case_id == case_id
                 and e.workstation_id == world.a.workstation["id"])
    forged = dataclasses.replace(event, workstation_id=world.other.workstation["id"])
    forged = dataclasses.replace(forged, hash=forged.content_hash())
    report = deliver(world, signed_bundle(world, [forged], sender=world.township,
                                          recipient=world.county, since=99), world.county)
    assert "署名为本机或另一个已登记的工作站" in report.error


def test_enrollment_joins_only_a_county_and_its_own_townships(tmp_path, world):
    elsewhere = make_store(tmp_path, "township", county_code="430523",
                           township_code="430523101", township="别县镇")
    card = own_card(elsewhere)
    with pytest.raises(Refusal, match="不属于本县"):
        enroll(world.county, card, confirmed_fingerprint=fingerprint(card))
    card = own_card(world.county)
    with pytest.raises(Refusal, match="只能登记"):
        enroll(world.a, card, confirmed_fingerprint=fingerprint(card))
    elsewhere.close()


def _log(store):
    from desktop.storage.eventlog import all_events

    return list(all_events(store.db))


def test_the_county_sees_one_person_in_two_townships(world, tmp_path):
    """Each township sees only its own villages; the county sees both cases of one ID."""
    from desktop.township.flags import red_flags
    from desktop.township.villages import inbox
    from tests.sync_world import introduce
    from tests.township_world import applicant

    east = make_store(tmp_path, "village", township="酿溪镇", township_code="430522102",
                      village="东山村", village_code="430522102201", officer="李东山")
    introduce(east, world.other)
    person = applicant()
    here = case_with(world, world.a, proposed_fen=200_000, applicant=person)
    there = case_with(world, east, proposed_fen=210_000, applicant=person)
    world.up()
    world.send(east, world.other)
    for township, case_id in ((world.township, here), (world.other, there)):
        Decisions(township, TODAY).refer(case_id)
        world.send(township, world.county)
    assert "same_id" not in {f.code for f in red_flags(world.township.db, [here],
                                                       world.township.policy)[here]}
    flags = red_flags(world.county.db, [here, there], world.county.policy)
    assert {"same_id"} <= {f.code for f in flags[here]} & {f.code for f in flags[there]}
    lines = {t.code: t for t in inbox(world.county.db, TODAY, world.county.policy, "township")}
    assert (lines["430522101"].cases, lines["430522101"].awaiting) == (1, 1)
    assert lines["430522102"].name == "酿溪镇" and lines["430522102"].bundles == 1
    east.close()


def test_the_county_refuses_a_township_record_that_differs_from_its_decision(world):
    """The township's record of the county's decision is checked again at the county: an
    amount other than the county's is refused there, and the case stays as decided."""
    case_id = _referred(world)
    CountyDecisions(world.county, TODAY).approve(case_id, 180_000)
    world.send(world.county, world.township)
    log = _log(world.township)
    record = next(e for e in log if e.case_id == case_id and e.type == "Approved")
    before = next(e for e in log if e.workstation_id == record.workstation_id
                  and e.seq == record.seq - 1)
    altered = dataclasses.replace(record, payload={**record.payload, "amount_fen": 250_000},
                                  payload_json="")
    altered = dataclasses.replace(altered, hash=altered.content_hash())
    assert altered.prev_hash == before.hash
    from desktop.sync import relay

    since = relay.held(world.county.db, world.township.workstation["id"])
    report = deliver(world, signed_bundle(world, [altered], sender=world.township,
                                          recipient=world.county, since=since), world.county)
    (refusal,) = report.refused
    assert "县局批准的金额是 1,800.00 元" in refusal[2]
    assert status(world.county, case_id) == "county_decided"


def test_a_county_edition_of_policy_reaches_its_townships(world):
    """The county issues its caps; the township's next import puts them in force there."""
    from desktop.operations.editions import issue_edition

    rid = issue_edition(world.county, {"county_cap_multiple": 8}, TODAY, TODAY)
    assert rid == "430522-POLICY-1"
    world.send(world.county, world.township)
    world.send(world.county, world.other)
    for township in (world.township, world.other):
        assert township.policy.county_cap_multiple == 8
    # the township passes it on to its villages, which take it on the township's word
    world.send(world.township, world.a)
    assert world.a.policy.county_cap_multiple == 8
    forwarded = world.a.db.execute("SELECT record_id, workstation_id FROM policy_editions"
                                   ).fetchone()
    assert forwarded == (rid, world.county.workstation["id"])
    before = snapshot(world.township)
    with pytest.raises(Refusal, match="新邵县民政局"):
        world.township.set_settings({"county_cap_multiple": 7})
    assert snapshot(world.township) == before


def test_a_township_cannot_forward_its_own_edition_as_the_countys(world):
    """A forwarded edition must be the county's: one written as the township's own, or
    under another record id, is refused by the village."""
    from desktop.core.rulebook import check_recorded

    payload = {"edition": {"version": 1, "date": "2026-12-01", "effective": "2026-12-01",
                           "level": "township", "region_code": "430522101",
                           "issuer": "陈家坊镇民政办", "settings": {"holidays": ["2027-01-01"]},
                           "note": ""},
               "from_workstation": "a" * 32, "from_seq": 1, "from_hash": "b" * 64}
    with pytest.raises(Refusal, match="县民政局"):
        check_recorded("PolicyForwarded", "430522101-POLICY-1", payload, 0, role="township",
                       today=TODAY, policy=world.a.policy)
    payload["edition"].update(level="county", region_code="430522", issuer="新邵县民政局",
                              settings={"county_cap_multiple": 9})
    with pytest.raises(Refusal, match="不符"):
        check_recorded("PolicyForwarded", "430522-POLICY-2", payload, 0, role="township",
                       today=TODAY, policy=world.a.policy)
    check_recorded("PolicyForwarded", "430522-POLICY-1", payload, 0, role="township",
                   today=TODAY, policy=world.a.policy)
