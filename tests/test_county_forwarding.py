"""What the county sends that concerns a village reaches it (issue 14): the township
passes on a 抽查 result of one of the village's cases and the county's 讲评 note about
the village, as the township's word naming the county's event (as an edition of policy
is forwarded); the village shows them, and refuses another village's."""

from __future__ import annotations

import json

import pytest

from desktop.assessment import publish
from desktop.assessment.report import assessment
from desktop.core import assessment_items as kh
from desktop.core.errors import Refusal
from desktop.county import spotcheck
from desktop.operations.casework import Casework
from desktop.storage.eventlog import all_events
from desktop.storage.queries import case_history
from desktop.sync import export
from desktop.sync.peers import peer
from tests import county_world
from tests.forged import chained, deliver, signed_bundle
from tests.helpers import TODAY
from tests.sync_world import snapshot, status
from tests.test_county_spotcheck import CHECK, MONTH, _filed

world = county_world.world  # the fixture: a county, its townships and villages
A, B = "430522101201", "430522101202"


def test_a_spot_check_result_reaches_the_villages_case_timeline(world):
    _filed(world, 2)
    (picked,) = spotcheck.draw(world.county, MONTH, TODAY, seed=7).by_township.values()
    spotcheck.record(world.county, picked[0], CHECK, TODAY)
    world.down()
    assert status(world.a, picked[0]) == "filed"
    (line,) = [h for h in case_history(world.a.db, picked[0])
               if h["action"] == "forward_spot_check"]
    assert line["workstation_id"] == world.township.workstation["id"]
    assert "新邵县民政局有问题,需纠正" in line["summary"]
    assert "发放记录缺签字" in line["summary"] and "补齐签字并说明" in line["summary"]
    fields = line["fields"]  # naming the county's own event
    checked = world.county.db.execute("SELECT workstation_id, seq, hash FROM events WHERE"
                                      " type = 'SpotChecked'").fetchone()
    assert (fields["from_workstation"], fields["from_seq"], fields["from_hash"]) == checked
    # an unchecked draw is not passed on; village B has nothing of A's
    assert not [h for h in case_history(world.a.db, picked[1])
                if h["action"] == "forward_spot_check"]
    assert not world.b.db.execute("SELECT 1 FROM events WHERE type = 'SpotCheckForwarded'"
                                  ).fetchone()
    # the township's word goes up with the case's history, and the county takes it
    (report,) = world.send(world.township, world.county)
    assert report.new and not report.refused and status(world.county, picked[0]) == "filed"
    # passed on once: the township importing nothing new forwards nothing again
    world.down()
    assert len([h for h in case_history(world.a.db, picked[0])
                if h["action"] == "forward_spot_check"]) == 1


def _noted(world, places) -> None:
    """The county, which knows the villages by the township's relay, notes the month."""
    world.send(world.township, world.county)
    publish.note(world.county, MONTH, "石门村公示照片不全,请整改。", TODAY, places)


def test_the_countys_note_about_a_village_reaches_that_village_only(world):
    world.send(world.township, world.county)  # the county knows the villages by it
    before = snapshot(world.county)
    with pytest.raises(Refusal, match="不是本机登记的"):  # a village no township named
        publish.note(world.county, MONTH, "讲评", TODAY, ["430522101299"])
    assert snapshot(world.county) == before
    _noted(world, [A, "430522101"])  # to village A, and to its township
    world.down()
    (note,) = assessment(world.a, MONTH, TODAY).notes
    assert (note["text"], note["by"]) == ("石门村公示照片不全,请整改。", "新邵县民政局 赵县局")
    assert assessment(world.b, MONTH, TODAY).notes == []
    # only the village's is passed on; the township shows the county's note to A once
    forwarded = world.township.db.execute("SELECT case_id FROM events WHERE type ="
                                          " 'CountyNoteForwarded'").fetchall()
    assert forwarded == [(kh.note_id(A, MONTH),)]
    assert len([n for n in assessment(world.township, MONTH, TODAY).notes
                if A in n["to"]]) == 1


def test_a_village_refuses_another_villages_forwarded_note(world):
    """A township bundle to village B carrying the note forwarded to A: refused whole."""
    _noted(world, [A])
    world.send(world.county, world.township)
    township = world.township
    forwarded = township.db.execute("SELECT payload FROM events WHERE type ="
                                    " 'CountyNoteForwarded'").fetchone()[0]
    p = peer(township.db, world.b.workstation["id"])
    events = export.pending_events(township.db, township.workstation["id"], p, 0)
    last = list(all_events(township.db))[-1]
    forged = chained(last, "CountyNoteForwarded", json.loads(forwarded),
                     kh.note_id(A, MONTH))
    before = snapshot(world.b)
    report = deliver(world, signed_bundle(world, events + [forged], sender=township,
                                          recipient=world.b), store=world.b)
    assert "超出发送方的权限" in report.error and "不属于" in report.error
    assert snapshot(world.b) == before


def test_the_county_refuses_a_township_word_that_is_not_its_check(world):
    """The township's 转达 comes back up with the case: the county holds it to what it
    checked (a township could type another result and name the county's event)."""
    _filed(world, 2)
    (picked,) = spotcheck.draw(world.county, MONTH, TODAY, seed=7).by_township.values()
    spotcheck.record(world.county, picked[0], CHECK, TODAY)
    world.down()
    ws, seq, digest, payload = world.county.db.execute(
        "SELECT workstation_id, seq, hash, payload FROM events WHERE type = 'SpotChecked'"
    ).fetchone()
    softer = {**json.loads(payload), "result": "ok", "problems": "", "follow_up": "",
              "county": "新邵县民政局", "from_workstation": ws, "from_seq": seq,
              "from_hash": digest}
    Casework(world.township, TODAY).step(picked[0], "forward_spot_check", softer)
    (report,) = world.send(world.township, world.county)
    assert report.ok, report.error
    (refused,) = report.refused
    assert refused[2] == "乡镇转达的抽查结果与本局的记录不同:核查结论、发现的问题、整改要求"
    held = world.county.db.execute("SELECT payload FROM events WHERE type ="
                                   " 'SpotCheckForwarded'").fetchall()
    assert [json.loads(p)["result"] for (p,) in held] == ["serious"]  # the true word only
