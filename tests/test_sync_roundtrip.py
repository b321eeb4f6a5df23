"""The whole trip: villages A and B → township → decisions → back to A and B."""

from __future__ import annotations

from desktop.sync.importer import describe, import_files
from tests.helpers import TODAY
from tests.sync_world import history, status


def test_round_trip_two_villages(world):
    a1, a2 = world.cases_ready(world.a, 2)
    (b1,) = world.cases_ready(world.b, 1)
    reports = world.send(world.a, world.township) + world.send(world.b, world.township)
    assert all(r.ok and not r.refused for r in reports), reports
    assert status(world.a, a1) == "submitted"  # exporting reported the case
    t = world.township
    assert {status(t, c) for c in (a1, a2, b1)} == {"acknowledged"}
    # the township sees the village's whole history, under the village's own id and seq
    village_steps = [h for h in history(t, a1) if h[1] == world.a.workstation["id"]]
    assert [h[0] for h in village_steps] == ["receive", "investigate", "deliberate", "review",
                                             "post_notice", "close_notice", "submit"]
    assert history(t, a1)[:7] == history(world.a, a1)[:7]

    work = world.work(t)
    work.step(a1, "approve", {"date": TODAY.isoformat(), "approver": "王审批",
                              "amount_fen": 100_000})
    work.step(a2, "reject", {"date": TODAY.isoformat(), "approver": "王审批",
                             "reason": "家庭收入超过标准"})
    work.step(b1, "return", {"date": TODAY.isoformat(), "approver": "王审批",
                             "reason": "缺少诊断证明"})
    (to_a,) = world.send(t, world.a)
    assert to_a.ok and all(r.ok for r in world.send(t, world.b))
    # the village's report names each decision and its cases, not only a count of events
    assert to_a.decided == {"批准": [a1], "不批准": [a2]}
    assert f"乡镇办理:批准 1 件({a1});不批准 1 件({a2})" in describe(to_a)
    assert (status(world.a, a1), status(world.a, a2)) == ("approved", "rejected")
    assert status(world.b, b1) == "returned"
    # a village never receives another village's cases
    assert world.a.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == 2
    assert [h[0] for h in history(world.a, a1)][-2:] == ["acknowledge", "approve"]

    world.work(world.a).step(a1, "post_result", {"date": TODAY.isoformat(),
                                                 "notice_id": "JG-2026-01"})
    assert all(r.ok for r in world.send(world.a, t))
    assert status(t, a1) == "result_posted"
    work.step(a1, "pay", {"date": TODAY.isoformat(), "amount_fen": 100_000, "method": "一卡通"})
    work.step(a1, "file", {"date": TODAY.isoformat(), "register": "2026 年 12 月备案册"})
    world.send(t, world.a)
    assert status(world.a, a1) == "filed"
    assert history(world.a, a1) == history(t, a1)


def test_reimport_and_old_bundles_change_nothing(world):
    world.cases_ready(world.a, 1)
    first = world.export(world.a)[0].path
    world.cases_ready(world.a, 1)
    second = world.export(world.a)[0].path  # carries the first one's events again
    t = world.township
    (r2,) = import_files(t, [second], TODAY)
    assert r2.ok and r2.new > 0
    count = t.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    (r1,) = import_files(t, [first], TODAY)  # older, all known: applied as a no-op
    assert r1.ok and r1.new == 0 and r1.known > 0
    assert "没有新内容" in describe(r1)
    (again,) = import_files(t, [second], TODAY)
    assert not again.ok and "导入过" in again.error
    assert t.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == count


def test_reverse_order_in_one_import(world):
    """Two bundles given newest first: sorted by creation, applied once each."""
    world.cases_ready(world.a, 1)
    p1 = world.export(world.a)[0].path
    world.cases_ready(world.a, 1)
    p2 = world.export(world.a)[0].path
    reports = import_files(world.township, [p2, p1], TODAY)
    assert all(r.ok for r in reports)
    assert sum(r.new for r in reports) == world.a.db.execute(
        "SELECT COUNT(*) FROM events").fetchone()[0]


def test_lost_bundle_is_sent_again(world):
    world.cases_ready(world.a, 1)
    lost = world.export(world.a)[0]
    lost.path.unlink()  # the USB stick is gone
    again = world.export(world.a)[0]
    assert (again.first_seq, again.last_seq) == (lost.first_seq, lost.last_seq)
    assert world.send(world.a, world.township)[0].ok
    # once the township's acknowledgement is home, nothing is sent twice
    world.send(world.township, world.a)
    assert world.export(world.a)[0].events == 0


def test_gap_is_refused_not_applied_out_of_order(world):
    """A township that holds less than the village believes it acknowledged (a restored
    database) refuses the bundle rather than apply events after a hole."""
    from tests.sync_world import snapshot

    world.cases_ready(world.a, 1)
    t_id = world.township.workstation["id"]
    with world.a.transaction():
        world.a.db["peer_acks"].insert({"peer_id": t_id, "acked_seq": 3, "updated_at": ""})
    path = world.export(world.a)[0].path
    before = snapshot(world.township)
    (report,) = import_files(world.township, [path], TODAY)
    assert not report.ok and "第 3 号之后" in report.error
    assert snapshot(world.township) == before


def test_a_decided_case_is_not_reopened_by_a_village_event(world):
    (a1,) = world.cases_ready(world.a, 1)
    world.send(world.a, world.township)
    world.work(world.township).step(a1, "reject", {"date": TODAY.isoformat(),
                                                   "approver": "王审批", "reason": "不符合"})
    # a faulty village program writes a review on the submitted case, then one more event
    with world.a.transaction():
        world.a.record(actor="x", case_id=a1, type_="Reviewed",
                       payload={"date": TODAY.isoformat(), "passed": True, "opinion": "再审",
                                "proposed_fen": 1})
        world.a.record(actor="x", case_id=a1, type_="NoticeClosed",
                       payload={"date": TODAY.isoformat()})
    (report,) = import_files(world.township, [world.export(world.a)[0].path], TODAY)
    assert report.ok and report.new == 0 and report.held == 2  # 9 and the new submit, 10
    assert "不能办理“初审”" in report.refused[0][2]
    assert status(world.township, a1) == "rejected"
    # the refusal travels back with the township's acknowledgement
    (back,) = world.send(world.township, world.a)
    assert back.peer_refused and back.peer_refused[0][0] == report.refused[0][0]


def test_imported_stores_rebuild_to_the_same_ledger(world):
    from tests.helpers import projection_rows

    (a1,) = world.cases_ready(world.a, 1)
    world.send(world.a, world.township)
    world.work(world.township).step(a1, "approve", {"date": TODAY.isoformat(),
                                                    "approver": "王审批", "amount_fen": 100_000})
    world.send(world.township, world.a)
    for store in (world.township, world.a):
        before = projection_rows(store.db)
        store.rebuild()
        assert projection_rows(store.db) == before


def test_chains_with_designed_gaps_verify(world):
    """The village holds only some of the township's events; that is not damage."""
    from desktop.sync.chains import chain_problems

    world.cases_ready(world.b, 1)
    world.send(world.b, world.township)  # the township acknowledges B's case: its seq 1
    world.cases_ready(world.a, 1)
    world.send(world.a, world.township)
    world.send(world.township, world.a)  # A receives township seq 2 only
    assert chain_problems(world.a.db, world.a.workstation) == []
    assert chain_problems(world.township.db, world.township.workstation) == []
    with world.a.transaction():
        world.a.db.execute("UPDATE event_log SET actor = 'x' WHERE station ="
                           " (SELECT n FROM stations WHERE id = ?)",
                           [world.township.workstation["id"]])
    assert "内容被改动" in chain_problems(world.a.db, world.a.workstation)[0]


def test_notice_batches_and_their_photo_travel_to_the_township(world, tmp_path):
    """A village's batch-level records (photo of the posted sheet, result notice) are its
    own: the township accepts them and receives the photo itself."""
    from desktop.operations.notices import Notices
    from desktop.storage.attachments import attachment_path

    (a1,) = world.cases_ready(world.a, 1)
    photo = tmp_path / "board.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"posted sheet" * 50)
    digest = Notices(world.a, TODAY).attach_photo("GS-2026-01", photo)
    reports = world.send(world.a, world.township)
    assert all(r.ok and not r.refused for r in reports), [describe(r) for r in reports]
    t = world.township
    assert attachment_path(t.path.parent, digest).read_bytes() == photo.read_bytes()
    village = world.a.workstation["village_code"]
    row = t.db.execute("SELECT photo_sha256 FROM notices WHERE village_code = ? AND"
                       " notice_id = 'GS-2026-01'", [village]).fetchone()
    assert row == (digest,)
    world.work(t).step(a1, "approve", {"date": TODAY.isoformat(), "approver": "王审批",
                                       "amount_fen": 100_000})
    world.send(t, world.a)
    result_id = Notices(world.a, TODAY).post_results([a1])
    assert all(r.ok and not r.refused for r in world.send(world.a, t))
    assert status(t, a1) == "result_posted"
    assert t.db.execute("SELECT kind FROM notices WHERE village_code = ? AND notice_id = ?",
                        [village, result_id]).fetchone() == ("result",)


def test_a_long_log_travels_in_several_bundles_applied_in_order(world, monkeypatch):
    """Ten years of a village go out in bundles of at most BUNDLE_EVENTS events: given
    in any order in one import they are applied in order; the later one alone is
    refused (it follows events the township does not hold yet) and changes nothing."""
    from desktop.sync import export
    from tests.sync_world import snapshot

    monkeypatch.setattr(export, "BUNDLE_EVENTS", 4)
    ids = world.cases_ready(world.a, 2)
    parts = world.export(world.a)
    total = world.a.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert len(parts) == -(-total // 4) > 2 and all(p.events <= 4 for p in parts)
    assert [p.first_seq for p in parts] == list(range(1, total + 1, 4))
    assert parts[0].submitted == ids  # reported once, with the first bundle
    before = snapshot(world.township)
    (late,) = import_files(world.township, [parts[1].path], TODAY)
    assert not late.ok and "第 4 号之后" in late.error
    assert snapshot(world.township) == before
    reports = import_files(world.township, [p.path for p in reversed(parts)], TODAY)
    assert all(r.ok and not r.refused for r in reports), reports
    assert sum(r.new for r in reports) == total
    assert {status(world.township, c) for c in ids} == {"acknowledged"}
