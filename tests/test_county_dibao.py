"""低保 at the county: a household becomes the county's when its township approves it
(the approval reported for 备案), and from then on its whole history and every later
step follow in the township's relay, with the village's 低保变动公示 and the township's
monthly payments — village → township → county on real workstations with real bundles.
The county's ledger, its figures and its cross-township checks then see the household."""

from __future__ import annotations

import dataclasses
from datetime import date

from desktop.dibao.change_notices import issue
from desktop.dibao.households import roster
from desktop.dibao.objections import Objections
from desktop.dibao.payments import pay_month
from desktop.dibao.reviews import Reviews
from desktop.operations.casework import Casework
from desktop.storage.eventlog import all_events
from desktop.storage.queries import LedgerFilter, ledger_first_page
from desktop.sync import relay
from desktop.sync.export import export_bundles
from desktop.sync.importer import import_files
from desktop.township.decisions import Decisions
from desktop.township.flags import red_flags
from tests import county_world
from tests.forged import deliver, signed_bundle
from tests.helpers import TODAY, make_store
from tests.sync_world import _recipient, history, introduce, snapshot, status
from tests.test_dibao import dibao_case
from tests.test_dibao_change_notice import _phones
from tests.test_dibao_review import enrolled, review, send
from tests.township_world import applicant

world = county_world.world  # the fixture: a county, its townships and villages
VILLAGE = "430522101201"
DIBAO_TABLES = ("dibao_households", "dibao_months", "dibao_payments", "dibao_change_lines",
                "dibao_objections")


def _posted_and_paid(world) -> str:
    """A 3-person household of 石门村: applied, approved (B, 790 元 from 2026-12), its
    result posted, December paid, its 新纳入 on the village's 低保变动公示 BD-2026-0001 —
    all back at the township, nothing yet at the county."""
    case_id = enrolled(world)
    pay_month(world.township, "2026-12", TODAY)
    _phones(world.a)
    assert issue(world.a, TODAY) == ("BD-2026-0001", 1)
    send(world, world.a, world.township, TODAY)
    return case_id


def _to_county(world, today: date = TODAY) -> list:
    """The township's bundle to the county, imported there (its paths, to import again)."""
    folder = world.tmp / f"to-county-{today}-{len(list(world.tmp.glob('to-county-*')))}"
    folder.mkdir()
    county = world.county.workstation["id"]
    paths = [e.path for e in export_bundles(world.township, folder, today)
             if _recipient(e.path) == county]
    for report in import_files(world.county, paths, today):
        assert not report.refused and not report.error, report
    assert relay.held(world.county.db, world.township.workstation["id"]) == \
        relay.last_queued(world.township.db, county)
    return paths


def _logged(store, record_id: str) -> list[tuple]:
    return [(e.workstation_id, e.seq, e.hash, e.type) for e in all_events(store.db)
            if e.case_id == record_id]


def _rows(store, table: str) -> list:
    return list(store.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2"))


def test_an_approved_dibao_household_reaches_the_county_with_its_whole_history(world):
    case_id = _posted_and_paid(world)
    assert world.county.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 0
    _to_county(world)
    county, township = world.county, world.township
    assert status(county, case_id) == "result_posted"
    # the same log entries as the township's (the village's under the village's id)
    assert _logged(county, case_id) == _logged(township, case_id)
    actions = [h[0] for h in history(county, case_id)]
    assert actions == [h[0] for h in history(township, case_id)]
    assert actions[0] == "receive" and {"investigate", "deliberate", "review", "post_notice",
                                        "submit", "acknowledge", "approve",
                                        "post_result"} <= set(actions)
    # the village's 低保变动公示 and the township's payment of December, as records
    for record in (f"{VILLAGE}-BD-2026-0001", f"{VILLAGE}-DB-2026-12"):
        assert _logged(county, record) == _logged(township, record) != []
    # projected by the same code as at the township
    for table in DIBAO_TABLES:
        assert _rows(county, table) == _rows(township, table), table
    assert county.db.execute("SELECT households, persons, total_fen FROM dibao_months"
                             ).fetchall() == [(1, 3, 79_000)]
    # the county's ledger lists the household as 低保; its figures count its money
    (row,) = ledger_first_page(county.db, LedgerFilter(), 100)[1]
    assert (row["id"], row["category"], row["status"]) == (case_id, "dibao", "result_posted")
    paid = roster(county, "2026-12")
    assert (paid.households, paid.persons, paid.total_fen) == (1, 3, 79_000)
    assert [v["paid_on"] for v in paid.villages()] == ["2026-12-31"]
    # and rebuilt from its log, the same; the thorough data check finds nothing wrong
    before = {t: _rows(county, t) for t in DIBAO_TABLES}
    county.rebuild()
    assert {t: _rows(county, t) for t in DIBAO_TABLES} == before
    from desktop.safety.checks import check_data_dir

    health = check_data_dir(county.path.parent, full=True)
    assert not health.problems, health.problems


def test_later_reviews_objections_and_stops_follow_the_household(world):
    case_id = _posted_and_paid(world)
    _to_county(world)
    # a review adjusts it from May; its change posted, objected to, the objection dismissed
    day = date(2027, 5, 10)
    Casework(world.a, day).step(case_id, "dibao_review", review())
    send(world, world.a, world.township, day)
    Reviews(world.township, date(2027, 5, 12)).decide(case_id, 46_000)
    send(world, world.township, world.a, date(2027, 5, 12))
    notice_id, _ = issue(world.a, date(2027, 5, 13))
    oid = Objections(world.a, date(2027, 5, 15)).record(case_id, notice_id, "该户长子并未外出")
    Objections(world.a, date(2027, 5, 18)).resolve(case_id, oid, False, "查户籍与邻里",
                                                   reason="户口已迁出,邻里证实在外务工")
    send(world, world.a, world.township, date(2027, 5, 18))
    pay_month(world.township, "2027-05", date(2027, 5, 25))
    _to_county(world, date(2027, 5, 26))
    # then a stop, decided at the township alone
    Reviews(world.township, date(2027, 6, 2)).stop(case_id, "迁往外省居住", "moved")
    _to_county(world, date(2027, 6, 3))
    county, township = world.county, world.township
    assert _logged(county, case_id) == _logged(township, case_id)
    assert [h[0] for h in history(county, case_id)][-5:] == [
        "dibao_review", "dibao_decide", "dibao_objection", "dibao_resolve_objection",
        "dibao_decide"]
    for table in DIBAO_TABLES:
        assert _rows(county, table) == _rows(township, table), table
    assert county.db.execute("SELECT monthly_fen, stop_kind FROM dibao_households"
                             ).fetchone() == (46_000, "moved")
    assert roster(county, "2027-05").total_fen == 46_000


def test_relaying_again_or_an_old_bundle_changes_nothing(world):
    case_id = _posted_and_paid(world)
    (world.tmp / "lost").mkdir()
    lost = [e.path for e in export_bundles(world.township, world.tmp / "lost", TODAY)
            if _recipient(e.path) == world.county.workstation["id"]]
    assert lost  # a stick that never reached the county: the next one carries it all again
    sent = _to_county(world)
    county_id = world.county.workstation["id"]
    queued = relay.last_queued(world.township.db, county_id)
    before = snapshot(world.county), {t: _rows(world.county, t) for t in DIBAO_TABLES}
    # queued again, nothing is added: every event of the household went once
    relay.queue_for_county(world.township.db, county_id)
    assert relay.last_queued(world.township.db, county_id) == queued
    (report,) = import_files(world.county, lost, TODAY)  # the old bundle, found later
    assert report.new == 0 and not report.refused and not report.error, report
    (report,) = import_files(world.county, sent, TODAY)  # the same bundle twice
    assert report.new == 0 and not report.refused
    after = snapshot(world.county)
    for table in ("events", "applications", "history", "objections", "peer_acks"):
        assert after[table] == before[0][table], table
    assert {t: _rows(world.county, t) for t in DIBAO_TABLES} == before[1]
    assert status(world.county, case_id) == "result_posted"


def test_a_household_of_another_township_with_the_same_id_is_flagged_at_the_county(
        world, tmp_path):
    """Each township approves a 低保 household of one ID number: neither sees the other;
    the county, holding both, flags both."""
    east = make_store(tmp_path, "village", township="酿溪镇", township_code="430522102",
                      village="东山村", village_code="430522102201", officer="李东山")
    introduce(east, world.other)
    person = applicant()
    here = dibao_case(world, world.a, 600_000, applicant=person)
    there = dibao_case(world, east, 600_000, applicant=person)
    world.send(world.a, world.township)
    world.send(east, world.other)
    for township, case_id in ((world.township, here), (world.other, there)):
        Decisions(township, TODAY).approve(case_id, 79_000, dibao_class="A")
    assert "same_id" not in {f.code for f in red_flags(world.township.db, [here],
                                                       world.township.policy)[here]}
    _to_county(world)
    world.send(world.other, world.county)
    flags = red_flags(world.county.db, [here, there], world.county.policy)
    assert {"same_id"} <= {f.code for f in flags[here]} & {f.code for f in flags[there]}
    assert there in next(f.text for f in flags[here] if f.code == "same_id")
    east.close()


def test_a_relayed_dibao_record_of_another_townships_village_is_refused(world):
    """The township relays a monthly payment or a 变动公示 moved to a village of another
    township: the whole bundle is refused with one line, nothing changes."""
    _posted_and_paid(world)
    _to_county(world)
    log = list(all_events(world.township.db))
    for record in (f"{VILLAGE}-DB-2026-12", f"{VILLAGE}-BD-2026-0001"):
        event = next(e for e in log if e.case_id == record)
        elsewhere = "430522102201"
        moved = dataclasses.replace(
            event, case_id=record.replace(VILLAGE, elsewhere),
            payload={**event.payload, "village_code": elsewhere}, payload_json="")
        moved = dataclasses.replace(moved, hash=moved.content_hash())
        before = snapshot(world.county)
        since = relay.held(world.county.db, world.township.workstation["id"])
        report = deliver(world, signed_bundle(world, [moved], sender=world.township,
                                              recipient=world.county, since=since),
                         world.county)
        assert "超出发送方的权限" in report.error and "\n" not in report.error
        assert snapshot(world.county) == before


def test_an_upgraded_township_relays_the_households_it_approved_before(world, monkeypatch):
    """Under the last version the relay passed 低保 by, and its mark is past the household:
    opened by this version (migration 0018), the township relays it whole."""
    from desktop.storage.store import Store

    monkeypatch.setattr(relay, "DIBAO_HELD", "SELECT NULL WHERE 0")  # as the last version
    monkeypatch.setattr(relay, "DIBAO_RECORDS", ("-", "-"))
    case_id = _posted_and_paid(world)
    _to_county(world)
    monkeypatch.undo()
    _to_county(world)  # the mark is past the household: nothing of it
    assert world.county.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 0
    with world.township.transaction():
        world.township.db.execute("DELETE FROM _sqlite_migrations WHERE name ="
                                  " '0018_relay_dibao'")
    world.township.close()
    world.township = Store.open(world.township.path.parent)
    _to_county(world)
    assert status(world.county, case_id) == "result_posted"
    assert _logged(world.county, case_id) == _logged(world.township, case_id)
    for table in DIBAO_TABLES:
        assert _rows(world.county, table) == _rows(world.township, table), table
