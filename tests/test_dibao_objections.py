"""Objections to a 低保变动公示: a villager objects, during the notice's period, to a
change posted for a household; the village records and resolves it; it travels up in
the village's bundle, checked as if typed at the township. While it is open the change
is not paid as changed; upheld, the change is undone and the household goes back to 复核;
dismissed (with a reason), the change is paid as decided."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.errors import Refusal
from desktop.core.policy import Policy
from desktop.core.rulebook import check_recorded
from desktop.core.steps import CaseFacts
from desktop.dibao.change_notices import issue
from desktop.dibao.households import due_reviews, roster
from desktop.dibao.objections import Objections, listed
from desktop.dibao.payments import pay_month
from desktop.dibao.reviews import Reviews
from desktop.storage.notice_queries import all_batches
from desktop.storage.queries import case_history
from desktop.sync.export import export_bundles
from desktop.sync.importer import import_files
from tests.test_dibao_change_notice import _adjusted, _phones
from tests.test_dibao_review import cli, enrolled, household, reopen, send

VILLAGE = "430522101201"


def _amount(store, month: str, case_id: str):
    """What the month's roster pays the household (None: not on it)."""
    rows = [r for r in roster(store, month).rows if r["case_id"] == case_id]
    return rows[0]["amount_fen"] if rows else None


def _adjusted_and_posted(world) -> tuple[str, str]:
    """Enrolled at 790 元 (posted on BD-2027-0001), adjusted to 460 元 from 2027-05 and
    posted on BD-2027-0002 on 2027-05-13."""
    case_id = enrolled(world)
    _phones(world.a)
    issue(world.a, date(2027, 1, 2))
    _adjusted(world, case_id)
    notice_id, _ = issue(world.a, date(2027, 5, 13))
    return case_id, notice_id


def test_an_upheld_objection_undoes_the_change_and_sends_the_household_to_review(world):
    case_id, notice_id = _adjusted_and_posted(world)
    assert _amount(world.township, "2027-05", case_id) == 46_000
    oid = Objections(world.a, date(2027, 5, 15)).record(
        case_id, notice_id, "该户长子并未外出务工,仍在家", who="王某")
    assert oid == "DY-2027-0001"
    send(world, world.a, world.township, date(2027, 5, 15))
    # open: the township pays the amount before the change, and sees the objection
    assert _amount(world.township, "2027-05", case_id) == 79_000
    assert pay_month(world.township, "2027-05", date(2027, 5, 25))["total_fen"] == 79_000
    (seen,) = listed(world.township.db)
    assert (seen["case_id"], seen["status"], seen["from_whom"]) == (case_id, "open", "王某")
    counted = {b["notice_id"]: b for b in all_batches(world.township.db, date(2027, 5, 15))}
    assert (counted[notice_id]["objections"], counted[notice_id]["open_objections"]) == (1, 1)

    Objections(world.a, date(2027, 5, 20)).resolve(case_id, oid, True, "入户核实,长子在家务农")
    send(world, world.a, world.township, date(2027, 5, 20))
    for store in (world.a, world.township):  # the change undone, its 复核 due at once
        assert household(store, case_id)[1:4] == (79_000, "B", "2027-05")
    assert _amount(world.township, "2027-06", case_id) == 79_000
    due = {r["case_id"]: r["urgency"] for r in due_reviews(world.township, date(2027, 6, 1))}
    assert due[case_id] == "recheck"  # shown as sent back by the objection
    lines = [h["summary"] for h in case_history(world.township.db, case_id)]
    assert any("登记低保变动异议" in x and "王某" in x for x in lines), lines
    assert any("异议成立" in x and "重新复核" in x for x in lines), lines
    # a new review decided anew is a new change, paid as decided
    before = world.township.db.execute("SELECT * FROM dibao_objections").fetchall()
    world.township.rebuild()
    assert world.township.db.execute("SELECT * FROM dibao_objections").fetchall() == before
    assert household(world.township, case_id)[1:4] == (79_000, "B", "2027-05")


def test_a_dismissed_objection_lets_a_stop_take_effect(world):
    case_id = enrolled(world)
    _phones(world.a)
    issue(world.a, date(2027, 1, 2))
    Reviews(world.township, date(2027, 6, 2)).stop(case_id, "迁往外省居住", "moved")
    send(world, world.township, world.a, date(2027, 6, 3))
    notice_id, _ = issue(world.a, date(2027, 6, 3))
    oid = Objections(world.a, date(2027, 6, 5)).record(case_id, notice_id, "该户并未迁走")
    send(world, world.a, world.township, date(2027, 6, 5))
    assert _amount(world.township, "2027-06", case_id) == 79_000  # the stop waits
    assert not roster(world.township, "2027-06").excluded
    with pytest.raises(Refusal, match="须写明理由"):
        Objections(world.a, date(2027, 6, 8)).resolve(case_id, oid, False, "查户籍")
    Objections(world.a, date(2027, 6, 8)).resolve(case_id, oid, False, "查户籍与邻里",
                                                  reason="户籍已迁往外省,邻里证实已搬走")
    send(world, world.a, world.township, date(2027, 6, 8))
    assert _amount(world.township, "2027-06", case_id) is None
    assert [r["case_id"] for r in roster(world.township, "2027-06").excluded] == [case_id]
    lines = [h["summary"] for h in case_history(world.township.db, case_id)]
    assert any("异议不成立" in x and "邻里证实" in x for x in lines), lines


def test_an_objection_to_an_enrollment_holds_its_first_payment(world):
    case_id = enrolled(world)
    _phones(world.a)
    notice_id, _ = issue(world.a, date(2027, 1, 2))
    Objections(world.a, date(2027, 1, 4)).record(case_id, notice_id, "该户有小轿车一辆")
    send(world, world.a, world.township, date(2027, 1, 4))
    assert _amount(world.township, "2027-01", case_id) is None
    (excluded,) = roster(world.township, "2027-01").excluded
    assert excluded["case_id"] == case_id and "异议" in excluded["stop_reason"]


@pytest.mark.parametrize("fields, why", [
    ({"notice_id": "BD-2027-0009"}, "没有该户的变动"),  # no such notice
    ({"received_on": "2027-05-21"}, "应在变动公示期内"),  # after the period
    ({"content": ""}, "请填写异议内容"),
])
def test_an_objection_outside_its_notice_is_refused_nothing_recorded(world, fields, why):
    case_id, notice_id = _adjusted_and_posted(world)
    ask = {"notice_id": notice_id, "content": "有异议", "received_on": "", **fields}
    with pytest.raises(Refusal, match=why):
        Objections(world.a, date(2027, 5, 21)).record(case_id, ask["notice_id"],
                                                       ask["content"], "",
                                                       ask["received_on"])
    assert listed(world.a.db) == []


OBJECTION = {"objection_id": "DY-2027-0001", "notice_id": "BD-2027-0002",
             "received_on": "2027-05-15", "from": "", "content": "该户长子并未外出"}
RESOLUTION = {"objection_id": "DY-2027-0001", "date": "2027-05-20",
              "how_checked": "入户核实", "result": "upheld", "reason": ""}
POSTED = {"BD-2027-0002": {"date": "2027-05-13", "days": 7, "changes": ["adjust"]}}


def _facts(**household) -> CaseFacts:
    base = {"class": "B", "persons": 2, "monthly_fen": 46_000, "stopped_month": None,
            "review": None, "posted": POSTED, "objections": {}}
    return CaseFacts(status="result_posted", program="dibao", category="dibao",
                     last_on=date(2027, 5, 12), dibao={**base, **household})


def _check(event: str, payload: dict, facts) -> None:
    check_recorded(event, f"{VILLAGE}-2026-0001", payload, facts, role="village",
                   today=date(2027, 5, 31), policy=Policy())


def test_an_objection_from_a_bundle_passes_the_checks_of_one_typed_here():
    opened = {"DY-2027-0001": {"status": "open", "received_on": "2027-05-15",
                               "notice_id": "BD-2027-0002"}}
    _check("DibaoObjectionRecorded", OBJECTION, _facts())
    _check("DibaoObjectionResolved", RESOLUTION, _facts(objections=opened))
    closed = {k: {**v, "status": "closed"} for k, v in opened.items()}
    for event, payload, facts, why in (
            ("DibaoObjectionRecorded", {**OBJECTION, "notice_id": "BD-2027-0001"}, _facts(),
             "没有该户的变动"),
            ("DibaoObjectionRecorded", {**OBJECTION, "received_on": "2027-05-20"}, _facts(),
             "公示期内"),
            ("DibaoObjectionRecorded", OBJECTION, _facts(objections=opened), "已存在"),
            ("DibaoObjectionRecorded", OBJECTION, CaseFacts(
                status="result_posted", program="dibao", category="dibao",
                last_on=date(2027, 5, 12)), "不是已纳入低保的家庭"),
            ("DibaoObjectionResolved", RESOLUTION, _facts(objections=closed), "没有待处理"),
            ("DibaoObjectionResolved", {**RESOLUTION, "result": "dismissed"},
             _facts(objections=opened), "须写明理由"),
            ("DibaoObjectionResolved", {**RESOLUTION, "reason": "x"},
             _facts(objections=opened), "不填写不成立的理由")):
        with pytest.raises(Refusal, match=why):
            _check(event, payload, facts)
    with pytest.raises(Refusal, match="不能由发送方"):
        check_recorded("DibaoObjectionRecorded", f"{VILLAGE}-2026-0001", OBJECTION, _facts(),
                       role="township", today=date(2027, 5, 31), policy=Policy())
    # the dialog's own check of the fields (the window lists the household from its
    # approval): approved, its result notice not posted, the step to take is named
    from desktop.core import dibao_objection

    errors: list = []
    dibao_objection._household(errors, CaseFacts(status="approved", program="dibao",
                                                 category="dibao", last_on=date(2027, 5, 12)))
    assert "结果公示尚未办理" in errors[0].message


def test_a_forged_objection_in_a_bundle_is_refused_at_the_township(world):
    """Written to the village's log without the operation (a faulty or forged program):
    outside the notice's period; the township refuses it and pays as decided."""
    case_id, notice_id = _adjusted_and_posted(world)
    with world.a.transaction():
        world.a.record(actor="伪造", case_id=case_id, type_="DibaoObjectionRecorded",
                       payload={**OBJECTION, "notice_id": notice_id,
                                "received_on": "2027-05-25"})
    folder = world.tmp / "forged-objection"
    folder.mkdir()
    tid = world.township.workstation["id"]
    from desktop.sync.bundle import unpack

    paths = [e.path for e in export_bundles(world.a, folder, date(2027, 5, 25))
             if unpack(e.path.read_bytes(), e.path.name).header["recipient"]
             ["workstation_id"] == tid]
    reports = import_files(world.township, paths, date(2027, 5, 25))
    refused = [reason for r in reports for _, case, reason in r.refused if case == case_id]
    assert len(refused) == 1 and "公示期内" in refused[0], refused
    assert listed(world.township.db) == []
    assert _amount(world.township, "2027-05", case_id) == 46_000


def test_the_command_line_records_lists_and_resolves(world, capsys):
    case_id, notice_id = _adjusted_and_posted(world)
    code, out, err = cli(capsys, world.a, "2027-05-15", "dibao", "objection", "record",
                         case_id, "--notice", notice_id, "--content", "长子仍在家",
                         "--from", "王某")
    assert code == 0 and "DY-2027-0001" in out, err
    code, out, err = cli(capsys, world.a, "2027-05-16", "dibao", "objection", "resolve",
                         case_id, "DY-2027-0001", "--dismissed", " ", "--checked", "查户籍")
    assert code == 2 and "须写明理由" in err and len(err.strip().splitlines()) == 1
    code, out, err = cli(capsys, world.a, "2027-05-16", "dibao", "objection", "list")
    assert code == 0 and "DY-2027-0001" in out and "待处理" in out, err
    code, out, err = cli(capsys, world.a, "2027-05-16", "dibao", "objection", "resolve",
                         case_id, "DY-2027-0001", "--upheld", "--checked", "入户核实")
    assert code == 0 and "重新复核" in out, err
    world.a = reopen(world.a)
    assert listed(world.a.db)[0]["result"] == "upheld"
