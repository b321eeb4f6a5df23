"""`relief-desk rebuild` must reproduce every projection exactly from the event log
(DESIGN.md "The store"). A random history of receipts, valid steps of both sides and
settings changes is recorded, then the projections are rebuilt and compared."""

from __future__ import annotations

import itertools
import math
import tempfile
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.steps import CaseFacts, goes_against, notice_last_day
from desktop.operations.casework import Casework
from desktop.storage import eventlog
from tests.helpers import (
    TODAY,
    TOWNSHIP_ACTIONS,
    advance,
    event_count,
    make_application,
    make_id,
    make_store,
    playing,
    projection_rows,
)

LATE_TODAY = date(2028, 12, 31)  # far enough for any drawn history to stay in the past
_ids = itertools.count(1)


def _day(data, facts: CaseFacts, earliest: date | None = None) -> str:
    start = max(facts.last_on, earliest or facts.last_on)
    return (start + timedelta(days=data.draw(st.integers(0, 3)))).isoformat()


def _text(data) -> str:
    return data.draw(st.sampled_from(["情况属实", "经核实符合条件", "䶮 阿不都热依木·买买提", ""]))


def _fen(data, top: int = 500_000) -> int:
    return data.draw(st.integers(1, top))


def _deliberation(data, facts):
    present = data.draw(st.integers(1, 15))
    reps = data.draw(st.integers(math.ceil(present * 2 / 3), present))
    votes_for = data.draw(st.integers(0, present))
    votes_against = data.draw(st.integers(0, present - votes_for))
    return {"date": _day(data, facts), "meeting_id": f"PY-{next(_ids)}", "present": present,
            "representatives": reps, "votes_for": votes_for, "votes_against": votes_against,
            "votes_abstain": present - votes_for - votes_against,
            "conclusion": "同意" if 2 * votes_for > present else "不同意",  # as the votes say
            "minutes": _text(data)}


def _review(data, facts):
    if data.draw(st.integers(0, 5)):  # most cases pass, so that later steps are reached
        out = {"date": _day(data, facts), "passed": True, "opinion": "符合条件",
               "proposed_fen": _fen(data)}
    else:
        out = {"date": _day(data, facts), "passed": False, "opinion": "不符合条件",
               "reason": "家庭收入超过标准"}
    if goes_against(facts.deliberation, out["passed"]):
        out["against_deliberation_reason"] = "评议后补充了材料"
    return out


def _objection(data, facts):
    last = notice_last_day(facts.notice_start, facts.notice_days)
    first = max(facts.notice_start, facts.last_on)
    if first > last:
        return None
    on = first + timedelta(days=data.draw(st.integers(0, (last - first).days)))
    return {"objection_id": f"YY-{next(_ids)}", "received_on": on.isoformat(),
            "from": data.draw(st.sampled_from(["", "村民"])), "content": "反映家中有车"}


def _resolve(data, facts):
    open_ids = sorted(k for k, v in facts.objections.items() if v == "open")
    if not open_ids:
        return None
    fields = {"objection_id": data.draw(st.sampled_from(open_ids)), "date": _day(data, facts),
              "how_checked": "入户核实", "result": data.draw(st.sampled_from(
                  ["upheld", "dismissed"]))}
    if fields["result"] == "upheld":
        fields["back_to"] = data.draw(st.sampled_from(["investigation", "deliberation"]))
    return fields


def _close_notice(data, facts):
    if any(v == "open" for v in facts.objections.values()):
        return None
    after = notice_last_day(facts.notice_start, facts.notice_days) + timedelta(days=1)
    return {"date": _day(data, facts, earliest=after)}


def _approve(data, facts, cap):
    top = cap if facts.status == "acknowledged" else 2 * cap  # county cap: 6 months, not 3
    amount = _fen(data, top)
    below = {"recovery_note": "差额已追回"} if amount < facts.paid_first_fen else {}
    return {"date": _day(data, facts), "approver": "王审批", "amount_fen": amount,
            **_county_ref(facts), **below}


def _owed(data, facts) -> int:
    """The township pays what was approved less what was paid first (先行救助)."""
    owed = facts.approved_fen - facts.paid_first_fen
    return _fen(data, owed) if owed > 0 else 0


def _county_ref(facts) -> dict:
    """A referred case is decided as the county's decision, with its reference."""
    return {"county_ref": "新民发〔2026〕12号"} if facts.status == "referred" else {}


BUILDERS = {
    "accept": lambda d, f, c: {"date": _day(d, f)},
    "refuse": lambda d, f, c: {"date": _day(d, f), "reason": "不符合受理条件"},
    "investigate": lambda d, f, c: {
        "date": _day(d, f), "investigators": ["刘民生", "村主任"],
        "methods": d.draw(st.sampled_from([["入户调查"], ["入户调查", "邻里访问", "信函索证"]])),
        "household_income_fen": _fen(d), "household_expenditure_fen": _fen(d),
        "findings": "情况属实"},
    "deliberate": lambda d, f, c: _deliberation(d, f),
    "review": lambda d, f, c: _review(d, f),
    "pay_first": lambda d, f, c: {"date": _day(d, f), "amount_fen": _fen(d, c),
                                  "authorised_by": "镇长",
                                  "method": d.draw(st.sampled_from(["现金", "一卡通"]))},
    "post_notice": lambda d, f, c: {"notice_id": f"GS-{next(_ids)}", "start": _day(d, f),
                                    "days": d.draw(st.integers(7, 10)), "board": _text(d)},
    "objection": lambda d, f, c: _objection(d, f),
    "resolve_objection": lambda d, f, c: _resolve(d, f),
    "close_notice": lambda d, f, c: _close_notice(d, f),
    "submit": lambda d, f, c: {"date": _day(d, f)},
    "acknowledge": lambda d, f, c: {"date": _day(d, f)},
    "approve": _approve,
    "reject": lambda d, f, c: {"date": _day(d, f), "approver": "王审批", "reason": "收入超标",
                               **_county_ref(f)},
    "refer": lambda d, f, c: {"date": _day(d, f), "approver": "王审批", "note": _text(d)},
    "return": lambda d, f, c: {"date": _day(d, f), "approver": "王审批", "reason": "补充病历"},
    "post_result": lambda d, f, c: {"date": _day(d, f), "notice_id": f"JG-{next(_ids)}"},
    "pay": lambda d, f, c: {"date": _day(d, f), "amount_fen": _owed(d, f),
                            "method": d.draw(st.sampled_from(["一卡通", "农商银行"]))},
    "file": lambda d, f, c: {"date": _day(d, f), "register": _text(d)},
    "notify_rejection": lambda d, f, c: {"date": _day(d, f), "how": "邮寄送达",
                                         "letter_no": ""},
}


def _random_application(data, people: list[str]) -> dict:
    category, reason = data.draw(st.sampled_from([
        ("emergency", "fire"), ("emergency", "sudden_illness"), ("expenditure", "medical"),
        ("expenditure", "education")]))
    doc = make_application(
        received_on=(date(2025, 1, 2) + timedelta(days=data.draw(st.integers(0, 500))))
        .isoformat(), category=category, reason=reason, draft=data.draw(st.booleans()),
        requested_fen=_fen(data), members=make_application()["members"][:data.draw(
            st.integers(0, 2))])
    if people and data.draw(st.booleans()):  # the same person again: 一事一次
        doc["applicant"]["id_number"] = data.draw(st.sampled_from(people))
    people.append(doc["applicant"]["id_number"])
    return doc


def _steps(work: Casework, case_id: str) -> list[str]:
    codes = []
    for side in ("village", "township"):
        with playing(work.store, side):
            codes += work.allowed_actions(case_id)
    return codes


# Steps that end or divert a case are drawn less often, so that most histories reach the
# township's decisions, payment and filing.
RARE = {"refuse", "reject", "return", "refer"}


def _one_step(data, work: Casework, cases: list[str]) -> bool:
    movable = [(c, code) for c in cases for code in _steps(work, c)
               for _ in range(1 if code in RARE else 4)]
    if not movable:
        return False
    case_id, code = data.draw(st.sampled_from(movable))
    fields = BUILDERS[code](data, work.facts(case_id), work.store.policy.township_cap_fen)
    if fields is None:
        return False
    side = "township" if code in TOWNSHIP_ACTIONS else "village"
    with playing(work.store, side):
        work.step(case_id, code, fields)  # every drawn step is valid: a refusal fails the test
    return True


def _change_deadlines(data, work: Casework) -> None:
    work.store.set_settings(data.draw(st.sampled_from([
        {"investigation_start_days": 5}, {"case_total_days": 20},
        {"holidays": ["2025-10-01", "2025-10-02", "2026-05-01"]},
        {"extra_workdays": ["2025-09-28"], "soon_due_days": 3}])))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data(), skippable=st.booleans())
def test_rebuild_reproduces_every_projection(data, skippable):
    with tempfile.TemporaryDirectory() as tmp:
        store = make_store(tmp)
        try:
            store.set_settings({"deliberation_skippable": skippable})
            work = Casework(store, today=LATE_TODAY)
            cases: list[str] = []
            people: list[str] = []
            for _ in range(data.draw(st.integers(1, 40))):
                kind = data.draw(st.sampled_from(["receive"] + ["step"] * 8 + ["settings"]))
                if not cases or (kind == "receive" and len(cases) < 4):
                    cases.append(work.receive(_random_application(data, people)))
                elif kind == "settings":
                    _change_deadlines(data, work)
                else:
                    _one_step(data, work, cases)
            before = projection_rows(store.db, parse_json=True)
            assert store.rebuild() == event_count(store.db)
            assert projection_rows(store.db, parse_json=True) == before
            assert eventlog.verify_chain(store.db) == []
        finally:
            store.close()


def test_rebuild_of_an_empty_store_is_empty(tmp_path):
    store = make_store(tmp_path)
    assert store.rebuild() == 0
    assert all(rows == [] for rows in projection_rows(store.db).values())
    store.close()


def test_rebuild_repairs_a_damaged_projection(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, today=TODAY)
    case_id = work.receive(make_application())
    advance(work, case_id, "approved")
    before = projection_rows(store.db, parse_json=True)
    store.db.execute("UPDATE applications SET status = 'draft', approved_fen = 1")
    store.db.execute("DELETE FROM case_steps WHERE seq > 2")
    store.db.conn.commit()
    store.rebuild()
    assert projection_rows(store.db, parse_json=True) == before
    store.close()


def test_rebuild_reproduces_the_history_text_exactly(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, today=TODAY)
    advance(work, work.receive(make_application()), "investigated")
    before = projection_rows(store.db)
    store.rebuild()
    assert projection_rows(store.db) == before
    store.close()


def test_rebuild_after_a_change_of_the_cap_reproduces_the_projections(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, today=TODAY)
    case_id = work.receive(make_application(requested_fen=150_000))  # cap 129,000 fen
    assert store.db["applications"].get(case_id)["over_cap"] == 1
    store.set_settings({"dibao_monthly_standard_fen": 60_000})  # cap now 180,000 fen
    before = projection_rows(store.db, parse_json=True)
    store.rebuild()
    assert projection_rows(store.db, parse_json=True) == before
    store.close()


def test_the_id_builder_gives_unique_numbers():
    numbers = {make_id(date(1975, 3, 8)) for _ in range(1500)}
    assert len(numbers) == 1500
