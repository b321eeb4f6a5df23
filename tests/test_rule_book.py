"""The attacks of an enrolled village on its township (issue 12), each with a bundle signed
with the village's real keys by the project's own code: every one is refused, and the
township's ledger is exactly as it was. The same rules refuse the same content typed
at the village."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from datetime import date

import pytest

from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.rulebook import RULES, STEPS, check_recorded
from desktop.core.workstation import check_workstation
from desktop.sync.identity import CARD_FORMAT, CARD_VERSION, own_card, read_card
from desktop.sync.importer import import_files
from tests.forged import (
    chained,
    deliver,
    next_case_id,
    own_events,
    receipt,
    signed_bundle,
    with_event,
)
from tests.helpers import TODAY, VILLAGE, advance, make_application, make_id
from tests.sync_world import World, status

LEDGER = ("events", "applications", "members", "case_steps", "objections", "notices",
          "notice_cases")


def ledger(store) -> dict:
    # in the order rows entered the log, or of their key (tables WITHOUT ROWID, 0013)
    return {t: store.db.execute(f"SELECT * FROM {t}" + " ORDER BY rowid" * (t == "events"))
            .fetchall() for t in LEDGER}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    w = World(tmp_path_factory.mktemp("rulebook"))
    work = w.work(w.a)
    w.cases = {}
    for until in ("received", "investigated", "reviewed", "on_notice", "notice_done"):
        (case_id,) = work.receive_many([make_application()])
        if until != "received":
            advance(work, case_id, until)
        w.cases[until] = case_id
    w.send(w.a, w.township)
    yield w
    w.close()


def refused_event(world, data: bytes) -> str:
    """Deliver `data` at the township: the crafted (last) event must be refused, nothing
    of the ledger changed; returns the reason."""
    before = ledger(world.township)
    report = deliver(world, data)
    assert report.ok, report.error
    assert report.new == 0 and len(report.refused) == 1, report.refused
    assert ledger(world.township) == before
    return report.refused[0][2]


def refused_bundle(world, data: bytes) -> str:
    before = ledger(world.township)
    report = deliver(world, data)
    assert not report.ok
    assert ledger(world.township) == before
    return report.error


# -- the application itself ------------------------------------------------------------
def _id_with_x() -> str:
    for day in range(1, 400):
        number = make_id(date(1970, 1, 1).fromordinal(date(1970, 1, 1).toordinal() + day))
        if number.endswith("X"):
            return number
    raise AssertionError("no ID number with X")


def _set(doc: dict, path: str, value) -> dict:
    doc = copy.deepcopy(doc)
    *parents, last = path.split(".")
    target = doc
    for p in parents:
        target = target[p]
    target[last] = value
    return doc


APPLICATION_ATTACKS = [
    ("requested_fen", -500_000, "负数"),
    ("requested_fen", 1.5, "整数"),
    ("requested_fen", 10 ** 15, "上限"),
    ("requested_fen", 10 ** 20, "上限"),
    ("applicant.id_number", "NOT-AN-ID", "身份证"),
    ("program", "lottery", "救助项目"),
    ("household_size", -3, "规范格式"),  # derived from the members: typed, it is recomputed
    ("applicant.name", "张" * 1_000_000, "姓名"),
    ("applicant.name", "张\x1b三", "姓名"),
    ("applicant.name", "张\x00三", "姓名"),
    ("applicant.name", "张\u202e三", "姓名"),  # right-to-left override
    ("applicant.name", "张\u200b三", "姓名"),  # zero-width space
    ("received_on", "2099-12-31", "未来"),
]


@pytest.mark.parametrize("path, value, says", APPLICATION_ATTACKS,
                         ids=[f"{p}={str(v)[:12]!r}" for p, v, _ in APPLICATION_ATTACKS])
def test_an_application_the_officer_could_not_type_is_refused(world, path, value, says):
    doc = _set(receipt(world), path, value)
    reason = refused_event(world, with_event(world, "ApplicationReceived", doc,
                                             next_case_id(world)))
    assert says in reason, reason
    if path != "household_size":
        with pytest.raises((ValidationFailed, Refusal)):  # the same rule at the village
            world.work(world.a).receive(doc)


@pytest.mark.parametrize("spoil", [str.lower, lambda n: "１" + n[1:], lambda n: n + " ",
                                   lambda n: n[:6] + "\u200b" + n[6:]],
                         ids=["lower-x", "full-width", "trailing-space", "zero-width"])
def test_an_id_number_not_in_its_normal_form_cannot_dodge_the_same_id_flag(world, spoil):
    doc = _set(receipt(world), "applicant.id_number", spoil(_id_with_x()))
    reason = refused_event(world, with_event(world, "ApplicationReceived", doc,
                                             next_case_id(world)))
    assert "规范格式" in reason or "身份证" in reason, reason


def test_a_case_number_of_another_form_is_refused(world):
    doc = receipt(world)
    for bad in (f"{VILLAGE['village_code']}-2025-0900",  # the year is not its receipt's
                f"{VILLAGE['village_code']}-2026-x1"):
        reason = refused_event(world, with_event(world, "ApplicationReceived", doc, bad))
        assert "案件编号" in reason


# -- steps -----------------------------------------------------------------------------
def _investigation(**changes) -> dict:
    return {"date": "2026-11-20", "investigators": ["刘民生", "村主任"], "methods": ["入户调查"],
            "household_income_fen": 100, "household_expenditure_fen": 200,
            "findings": "情况属实", **changes}


STEP_ATTACKS = [
    ("received", "InvestigationRecorded", _investigation(date="1999-01-01"), "不能早于"),
    ("received", "InvestigationRecorded", _investigation(date="2099-01-01"), "未来"),
    ("received", "InvestigationRecorded", _investigation(investigators=[]), "调查人"),
    ("received", "InvestigationRecorded",
     _investigation(investigators=["王民生", "王民生"]), "不同的调查人"),
    ("investigated", "Deliberated",
     {"date": "2026-11-20", "meeting_id": "PY-1", "present": 9, "representatives": 1,
      "votes_for": 0, "votes_against": 0, "votes_abstain": 0, "conclusion": "同意",
      "minutes": ""}, "村民代表"),
    ("reviewed", "NoticePosted", {"notice_id": "GS-2026-0900", "start": "2026-11-20",
                                  "days": 0, "board": "村务公开栏"}, "公示天数"),
    ("reviewed", "NoticePosted", {"notice_id": "GS-2026-0900", "start": "2026-11-20",
                                  "days": -5, "board": "村务公开栏"}, "公示天数"),
    ("on_notice", "ObjectionResolved", {"objection_id": "YY-9999", "date": "2026-11-20",
                                        "how_checked": "核实", "result": "dismissed"},
     "没有待处理的异议"),
    ("received", "PaidFirst", {"date": "2026-11-20", "amount_fen": 10 ** 20,
                               "authorised_by": "村主任", "method": "现金"}, "先行救助"),
]


@pytest.mark.parametrize("state, type_, payload, says", STEP_ATTACKS,
                         ids=[f"{t}-{s}" for s, t, _, s in STEP_ATTACKS])
def test_a_step_the_officer_could_not_type_is_refused(world, state, type_, payload, says):
    case_id = world.cases[state]
    reason = refused_event(world, with_event(world, type_, payload, case_id))
    assert says in reason, reason


def test_a_village_cannot_write_a_township_decision_in_a_payload(world):
    case_id = world.cases["notice_done"]
    data = with_event(world, "Approved", {"date": "2026-11-20", "approver": "x",
                                          "amount_fen": 100}, case_id)
    assert "超出发送方的权限" in refused_bundle(world, data)


# -- notice batches: the place named in the payload ----------------------------------------
def test_a_result_notice_under_another_villages_code_is_refused(world):
    other = "430522101202"
    own_record = f"{VILLAGE['village_code']}-JG-2026-0900"
    payload = {"notice_id": "JG-2026-0900", "village_code": other, "program":
               "temporary_relief", "date": "2026-11-20", "days": 7, "board": "村务公开栏"}
    assert "不符" in refused_event(world, with_event(world, "ResultNoticeIssued", payload,
                                                      own_record))
    data = with_event(world, "ResultNoticeIssued", payload, f"{other}-JG-2026-0900")
    assert "超出发送方的权限" in refused_bundle(world, data)


def test_a_photo_named_as_a_path_is_refused(world):
    photo = b"\xff\xd8\xff" + b"x" * 100
    payload = {"notice_id": "GS-2026-01", "village_code": VILLAGE["village_code"],
               "photo_sha256": hashlib.sha256(photo).hexdigest(),
               "file_name": "../../../etc/cron.d/evil", "date": "2026-11-20"}
    events = own_events(world.a)
    crafted = chained(events[-1], "NoticePhotoAttached", payload,
                      f"{VILLAGE['village_code']}-GS-2026-01")
    reason = refused_event(world, signed_bundle(
        world, events + [crafted], attachments={payload["photo_sha256"]: photo}))
    assert "照片文件名" in reason


# -- sequence numbers and acknowledgements ----------------------------------------------
def test_a_gap_in_the_villages_log_is_refused(world):
    events = own_events(world.a)
    last = events[-1]
    gap = dataclasses.replace(chained(last, "Accepted", {"date": "2026-11-20"}),
                              seq=last.seq + 6)
    gap = dataclasses.replace(gap, hash=gap.content_hash())
    reason = refused_bundle(world, signed_bundle(world, events + [gap]))
    assert f"缺少对方第 {last.seq + 1} 号" in reason


def test_an_acknowledgement_of_events_never_sent_is_capped_and_unknown_refusals_ignored(world):
    t_id = world.township.workstation["id"]
    acks = {"workstation_id": t_id, "held_seq": 1_000_000,
            "refused": [{"seq": 5_000_000, "reason": "伪造的拒收"}]}
    report = deliver(world, signed_bundle(world, own_events(world.a), acks=acks))
    assert report.ok and report.peer_refused == []
    (acked,) = world.township.db.execute("SELECT acked_seq FROM peer_acks WHERE peer_id = ?",
                                         [world.a.workstation["id"]]).fetchone()
    (own_last,) = world.township.db.execute(
        "SELECT MAX(seq) FROM events WHERE workstation_id = ?", [t_id]).fetchone()
    assert acked <= (own_last or 0)


# -- identity cards and place names -----------------------------------------------------
@pytest.mark.parametrize("field, value, says", [
    ("village_code", "430522101202-2026", "村代码"),
    ("village_code", "430522101%", "村代码"),
    ("village", "x/../../outside/y", "不允许的字符"),
    ("township_code", "43052210", "乡镇代码"),
])
def test_a_card_with_a_bad_code_or_name_is_refused(world, tmp_path, field, value, says):
    card = {"format": CARD_FORMAT, "version": CARD_VERSION, **own_card(world.a),
            field: value}
    path = tmp_path / "card.json"
    path.write_text(json.dumps(card, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(Refusal, match=says):
        read_card(path)


def test_a_place_name_with_a_path_is_refused_at_set_up():
    with pytest.raises(ValidationFailed) as caught:
        check_workstation({**VILLAGE, "village": "石门/二组"})
    assert [e.path for e in caught.value.errors] == ["village"]


def test_a_village_code_outside_its_township_is_refused_at_set_up():
    with pytest.raises(ValidationFailed):
        check_workstation({**VILLAGE, "village_code": "430522102201"})


# -- the book itself -------------------------------------------------------------------
def test_every_event_type_has_one_entry_and_every_step_its_fields():
    events = [r.event for r in RULES.values()]
    assert len(events) == len(set(events))
    assert all(r.keys and r.sources for r in STEPS.values())


def test_an_event_is_checked_against_the_same_rules_as_the_typed_step():
    facts = world_facts()
    payload = {"date": "2026-11-20", "investigators": ["甲"], "methods": ["入户调查"],
               "household_income_fen": 0, "household_expenditure_fen": 0, "findings": "x"}
    with pytest.raises(Refusal, match="调查人"):
        check_recorded("InvestigationRecorded", "430522101201-2026-0001", payload, facts,
                       role="village", today=TODAY, policy=_policy())


def world_facts():
    from desktop.core.steps import CaseFacts

    return CaseFacts(status="received", program="temporary_relief", category="expenditure",
                     last_on=date(2026, 11, 2))


def _policy():
    from desktop.core.policy import Policy

    return Policy()


def test_the_real_cycle_still_imports(world):
    """The rules refuse forgeries, not the village's own work: its next real bundle goes in."""
    case_id = world.cases["reviewed"]
    world.work(world.a).step(case_id, "post_notice", {
        "notice_id": "GS-2026-0077", "start": "2026-11-20", "days": 7, "board": "村务公开栏"})
    (report,) = import_files(world.township, [world.export(world.a)[0].path], TODAY)
    assert report.ok and report.new >= 1 and not report.refused, report
    assert status(world.township, case_id) == "on_notice"


def test_the_command_line_says_an_event_was_refused_with_exit_2(world, capsys):
    from desktop.cli import main

    doc = _set(receipt(world), "requested_fen", 10 ** 20)
    path = world.tmp / "amount.rdbundle"
    path.write_bytes(with_event(world, "ApplicationReceived", doc, next_case_id(world)))
    t = world.township
    t.close()
    try:
        code = main(["--data-dir", str(t.path.parent), "--today", TODAY.isoformat(),
                     "bundle", "import", str(path)])
        err = capsys.readouterr().err
        assert code == 2 and "拒收" in err and "上限" in err
    finally:
        world.township = type(t).open(t.path.parent)



def test_a_case_joining_a_sheet_after_one_of_it_ended_is_refused(world):
    """The same rule as typed (issue 13 item 4): a village's bundle cannot hang a case on
    a sheet whose notice has already ended for one of its cases."""
    ended = world.cases["notice_done"]
    sheet = world.township.db.execute("SELECT notice_id, start, days, board FROM notice_cases"
                                      " JOIN notices USING (village_code, notice_id) WHERE"
                                      " application_id = ?", [ended]).fetchone()
    fields = dict(zip(("notice_id", "start", "days", "board"), sheet, strict=True))
    work = world.work(world.a)
    (late,) = work.receive_many([make_application()])
    advance(work, late, "reviewed")
    world.send(world.a, world.township)
    assert "已有案件结束公示" in refused_event(world, with_event(world, "NoticePosted", fields,
                                                             late))
    with pytest.raises(Refusal, match="已有案件结束公示"):
        world.work(world.a).step(late, "post_notice", fields)


def test_a_late_comer_in_the_same_bundle_as_the_sheets_end_is_refused(world):
    """The case that ended and the one joining after it arrive in one bundle: the check
    sees the sheet as projected so far in the import, not the table before it."""
    work = world.work(world.a)
    ended, late = work.receive_many([make_application(), make_application()])
    advance(work, ended, "notice_done")
    advance(work, late, "reviewed")
    sheet = world.a.db.execute("SELECT notice_id, start, days, board FROM notices JOIN"
                               " notice_cases USING (village_code, notice_id) WHERE"
                               " application_id = ?", [ended]).fetchone()
    fields = dict(zip(("notice_id", "start", "days", "board"), sheet, strict=True))
    report = deliver(world, with_event(world, "NoticePosted", fields, late))
    assert report.ok, report.error
    assert [r[2] for r in report.refused] == [
        f"公示 {fields['notice_id']} 已有案件结束公示,张贴的公示不能再加入案件;"
        "请另建一张新的公示(新的批次号)。"]
    assert status(world.township, ended) == "notice_done"
    assert status(world.township, late) == "reviewed"
