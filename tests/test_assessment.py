"""目标管理考核 (issue 14, item 7) on real workstations: two villages → their township →
the county and back. The township scores its villages from their records, publishes the
month (up to the county with the relay, each village's own line down to it), and the
讲评 notes travel down; the county ranks every township and village, with its own
spot-check item added."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from desktop.assessment import publish, report
from desktop.core.errors import Refusal
from desktop.operations.notices import Notices
from tests.county_world import CountyWorld
from tests.helpers import TODAY, edit_payloads

NOV = "2026-11"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def world(tmp_path, set_clock):
    set_clock(datetime(2026, 12, 31, 9, 0))  # enrolled and sent on TODAY's morning
    w = CountyWorld(tmp_path)
    w.cases_ready(w.a, 2)  # 石门村: two cases through a notice of 2026-11, with its photo
    w.cases_ready(w.b, 1)  # 白水村: one case, its notice's photo never taken
    photo = tmp_path / "posted.png"
    photo.write_bytes(PNG)
    Notices(w.a, TODAY).attach_photo("GS-2026-01", photo)
    w.up()
    yield w
    w.close()


def line(a, name: str) -> dict:
    return next(ln for ln in a.villages + a.townships if ln["name"].endswith(name))


def test_the_township_scores_its_villages_from_their_records(world):
    a = report.assessment(world.township, NOV, TODAY)
    stone, white = line(a, "石门村"), line(a, "白水村")
    # investigations begun the day after receipt; the notices ran their 7 days, one with
    # its photo: 石门村 keeps every point, 白水村 loses the notice's 15
    assert stone["items"]["investigation"] == {"raw": [2, 2], "points": 150}
    assert stone["items"]["notice"] == {"raw": [1, 1], "points": 150}
    assert white["items"]["notice"] == {"raw": [0, 1], "points": 0}
    assert (stone["score"], stone["rank"], white["score"], white["rank"]) == (1000, 1, 850, 2)
    own = a.townships[0]
    assert own["items"]["villages"] == {"raw": 925, "points": 278}  # 30 × 92.5 %
    assert own["score"] == 978 and a.version == 0  # computed, not yet published


def test_published_month_reaches_the_county_and_each_village_its_own_line(world):
    assert publish.publish(world.township, NOV, TODAY) == 1
    publish.note(world.township, NOV, "白水村公示要拍照留存。", TODAY, ["430522101202"])
    world.up()
    county = report.assessment(world.county, NOV, TODAY)
    assert [t["name"] for t in county.townships] == ["陈家坊镇"]
    assert county.unpublished == ["酿溪镇"]
    # the township's own line with the county's spot-check item: nothing checked, full
    # points, the score counted again over 110 points
    own = county.townships[0]
    assert own["items"]["spot_checks"] == {"raw": [0, 0], "points": 100}
    assert own["score"] == (978 + 100) * 100 // 110
    assert [(v["township"], v["name"], v["score"]) for v in county.villages] == [
        ("陈家坊镇", "石门村", 1000), ("陈家坊镇", "白水村", 850)]
    publish.note(world.county, NOV, "陈家坊镇按期公布。", TODAY)
    world.down()
    white = report.assessment(world.b, NOV, TODAY)
    assert [(v["name"], v["score"]) for v in white.villages] == [("白水村", 850)]
    assert [n["text"] for n in white.notes] == ["白水村公示要拍照留存。"]
    stone = report.assessment(world.a, NOV, TODAY)
    assert [v["name"] for v in stone.villages] == ["石门村"] and stone.notes == []
    township = report.assessment(world.township, NOV, TODAY)
    assert township.version == 1
    assert {n["text"] for n in township.notes} == {"陈家坊镇按期公布。", "白水村公示要拍照留存。"}


def test_a_correction_replaces_the_published_month_everywhere(world):
    publish.publish(world.township, NOV, TODAY)
    world.up()
    world.township.set_settings({"assessment_notice": 5})  # the notice item weighs less
    assert publish.publish(world.township, NOV, TODAY, correction=True) == 2
    world.up()
    world.down()
    county = report.assessment(world.county, NOV, TODAY)
    white = line(county, "白水村")
    assert white["items"]["notice"]["points"] == 0 and white["score"] == 944  # 85 of 90
    assert county.townships[0]["version"] == 2
    assert report.assessment(world.b, NOV, TODAY).version == 2


def test_a_long_silence_costs_the_bundles_item(world):
    t = world.township
    t.db.execute("UPDATE peers SET enrolled_at = '2026-10-01T08:00:00' WHERE role = 'village'")
    t.db.execute("UPDATE bundles_received SET imported_at = '2026-10-20T08:00:00'")
    t.db.execute("INSERT INTO bundles_received SELECT 'again', sender_id, created_at,"
                 " '2026-11-25T08:00:00', file_name, 0, 0, 0, report FROM bundles_received"
                 " WHERE sender_id = ?", [world.a.workstation["id"]])
    a = report.assessment(t, NOV, TODAY)
    # 石门村 sent on 10-20 and 11-25: 35 days without a bundle (more than 30)
    assert line(a, "石门村")["items"]["bundles"] == {"raw": 35, "points": 0}
    # 白水村: nothing since 10-20, to the month's end
    assert line(a, "白水村")["items"]["bundles"] == {"raw": 41, "points": 0}


def test_publishing_is_refused_twice_before_the_month_ends_and_below_the_township(world):
    publish.publish(world.township, NOV, TODAY)
    with pytest.raises(Refusal, match="已于 2026-12-31 公布"):
        publish.publish(world.township, NOV, TODAY)
    with pytest.raises(Refusal, match="还没有过完"):
        publish.publish(world.township, "2026-12", TODAY)
    with pytest.raises(Refusal, match="由乡镇民政办公布"):
        publish.publish(world.county, NOV, TODAY)
    with pytest.raises(Refusal, match="村级工作站只能查看"):
        publish.note(world.a, NOV, "好", TODAY)
    with pytest.raises(Refusal, match="不是本机登记的村代码"):
        publish.note(world.township, NOV, "好", TODAY, ["430522102201"])


def test_the_json_is_stable(world, capsys):
    from desktop.cli import main

    t = world.township
    t.close()
    assert main(["--data-dir", str(t.path.parent), "--today", TODAY.isoformat(),
                 "assessment", "--month", NOV, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"month", "place", "level", "published_version", "townships",
                        "villages", "notes", "unpublished"}
    assert [(v["rank"], v["code"], v["score"]) for v in out["villages"]] == [
        (1, "430522101201", 1000), (2, "430522101202", 850)]


def test_the_township_office_is_scored_on_its_decisions_payments_and_referrals(world):
    from desktop.county.decisions import CountyDecisions
    from desktop.township.decisions import Decisions
    from tests.township_world import post_result

    (a1, a2), (b1,) = (sorted(r[0] for r in s.db.execute("SELECT id FROM applications"))
                       for s in (world.a, world.b))
    decide = Decisions(world.township, TODAY)
    decide.approve(a1, 100_000)
    decide.return_(a2, "请补充诊断证明")
    decide.refer(b1)
    world.down()
    post_result(world, world.a, a1)
    world.send(world.a, world.township)
    decide.pay(a1, 100_000, "一卡通")
    dec = report.assessment(world.township, "2026-12", TODAY)
    own = dec.townships[0]["items"]
    # three decisions on the day of receipt; paid the day of the result notice; the
    # referral still waits for the county at the month's end
    assert own["decision"]["raw"] == [3, 3] and own["payment"]["raw"] == [1, 1]
    assert own["referrals"] == {"raw": [0, 1], "points": 0}
    stone = line(dec, "石门村")["items"]
    assert stone["returned"] == {"raw": 1, "points": 50}  # 10 points less 5 a return
    # 上报 happened on export, 2026-12-31: long after the notices ended on 11-14
    assert stone["submission"]["raw"] == [0, 2]
    world.send(world.township, world.county)
    CountyDecisions(world.county, TODAY).approve(b1, 150_000)
    world.send(world.county, world.township)
    own = report.assessment(world.township, "2026-12", TODAY).townships[0]["items"]
    assert own["referrals"] == {"raw": [1, 1], "points": 100}


def test_the_county_adds_its_spot_checks_to_the_township_line(tmp_path, set_clock):
    from datetime import date

    from desktop.county import spotcheck
    from desktop.sync.export import export_bundles
    from desktop.sync.importer import import_files
    from tests.test_county_spotcheck import CHECK, _filed

    # enrolments and bundles are stamped by the clock: the figures below are those of a
    # world set up the day before the month assessed
    set_clock(datetime(2026, 11, 30, 17, 0))
    w = CountyWorld(tmp_path)
    try:
        ids = _filed(w, 3)
        done = spotcheck.draw(w.county, "2026-12", TODAY)
        first, *_ = next(iter(done.by_township.values()))
        spotcheck.record(w.county, first, CHECK, TODAY)  # a serious problem found
        january = date(2027, 1, 4)
        assert publish.publish(w.township, "2026-12", january) == 1
        out = tmp_path / "january"
        out.mkdir()
        sent = [e.path for e in export_bundles(w.township, out, january)
                if e.recipient == "新邵县"]
        (report_,) = import_files(w.county, sent, january)
        assert not report_.refused
        county = report.assessment(w.county, "2026-12", january)
        (own,) = county.townships
        assert own["items"]["spot_checks"] == {"raw": [0, 1], "points": 0}
        published = report.latest(w.township.db, "430522101000-KH-2026-12",
                                   report.REPORTED)["lines"][-1]
        # the published 91.8 of 100 points, and 0 of the county's 10 more: 91.8 / 110
        assert (published["score"], own["score"]) == (918, 835)
        assert len(ids) == 3
    finally:
        w.close()


def test_the_county_store_with_a_relayed_report_passes_its_checks(world):
    """The relay brings the township's report without the township's events before it
    (a gap by design): the county's check takes every chain but its own as filtered,
    and still finds an altered event."""
    import sqlite3

    from desktop.safety.startup import examine

    publish.publish(world.township, NOV, TODAY)
    world.up()
    county = world.county.path.parent
    world.county.close()
    assert examine(county, full=True).health.ok
    conn = sqlite3.connect(county / "relief-desk.sqlite3")
    assert edit_payloads(conn, '"version":1', '"version":2', "type = 'AssessmentReported'")
    conn.commit()
    conn.close()
    assert not examine(county, full=True).health.ok
