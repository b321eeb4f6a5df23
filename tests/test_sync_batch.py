"""Import projects a bundle in one batch and one pass (no savepoint per event), and all
the bundles of one import in one transaction with a savepoint each: the rare event the
projections cannot read, and a bundle refused half-way, must still come out exactly as
the event-by-event import did."""

from __future__ import annotations

import dataclasses

from desktop.storage.eventlog import Event, all_events
from desktop.sync.importer import import_files
from tests.helpers import TODAY, advance, make_application, projection_rows
from tests.sync_world import status
from tests.test_sync_refusals import forge


def _after(prev: Event, type_: str, payload: dict) -> Event:
    """An event chained to `prev` by the same workstation, hashed as the log does."""
    e = Event(prev.workstation_id, prev.seq + 1, prev.hash, "", "2026-12-31T00:00:00+00:00",
              prev.actor, prev.case_id, type_, payload)
    return dataclasses.replace(e, hash=e.content_hash())


def _rebuilt_equal(store) -> bool:
    before = projection_rows(store.db, parse_json=True)
    store.rebuild()
    return projection_rows(store.db, parse_json=True) == before


def test_an_unreadable_event_is_refused_and_those_after_it_held(world):
    work = world.work(world.a)
    (case_id,) = work.receive_many([make_application()])
    advance(work, case_id, "on_notice")
    good = list(all_events(world.a.db))
    # an objection without its content: the rule book refuses it, as it would typed here
    bad = _after(good[-1], "ObjectionRecorded", {"objection_id": "YY-1",
                                                 "received_on": "2026-11-20"})
    later = _after(bad, "ObjectionRecorded", {"objection_id": "YY-2", "content": "反映有车",
                                              "received_on": "2026-11-20"})
    path = world.tmp / "unreadable.rdbundle"
    path.write_bytes(forge(world, good + [bad, later]))

    (report,) = import_files(world.township, [path], TODAY)

    t = world.township
    assert report.ok and (report.new, report.held) == (len(good), 1)
    ((seq, refused_case, reason),) = report.refused
    assert (seq, refused_case) == (bad.seq, case_id) and "请填写异议内容" in reason
    assert status(t, case_id) == "on_notice"
    assert t.db.execute("SELECT MAX(seq) FROM events WHERE workstation_id = ?",
                        [bad.workstation_id]).fetchone()[0] == good[-1].seq
    assert t.db.execute("SELECT seq FROM sync_refusals").fetchall() == [(bad.seq,)]
    assert t.db.execute("SELECT COUNT(*) FROM objections").fetchone()[0] == 0
    assert _rebuilt_equal(t)


def test_a_bundle_refused_on_applying_leaves_the_others_applied(world):
    world.cases_ready(world.a, 2)
    (path,) = [e.path for e in world.export(world.a)]

    first, again = import_files(world.township, [path, path], TODAY)

    t = world.township
    assert first.ok and first.new and "导入过" in again.error
    assert not t.db.conn.in_transaction  # committed
    assert t.db.execute("SELECT COUNT(*) FROM bundles_received").fetchone()[0] == 1
    assert {status(t, c) for c in first.acknowledged} == {"acknowledged"}


def test_imported_projections_equal_a_rebuild(world):
    """Cases received, repeated (一事一次), objected to and acknowledged within one batch."""
    work = world.work(world.a)
    doc = make_application()
    ids = work.receive_many([doc, make_application(applicant=doc["applicant"])])
    advance(work, ids[0], "notice_done")
    advance(work, ids[1], "on_notice")
    work.step(ids[1], "objection", {"objection_id": "YY-9", "received_on": "2026-11-10",
                                    "from": "村民", "content": "反映家中有车"})
    world.cases_ready(world.b, 2)

    reports = world.send(world.a, world.township) + world.send(world.b, world.township)

    t = world.township
    assert all(r.ok and not r.refused for r in reports)
    flags = t.db.execute("SELECT repeat_reason FROM applications WHERE id IN (?, ?)",
                         ids).fetchall()
    assert flags == [(1,), (1,)]
    assert status(t, ids[0]) == "acknowledged"
    assert _rebuilt_equal(t)
