"""The import's quick test of a village step already in normal form (`steps_normal`)
never says yes where the step's own check refuses the fields or changes them, whatever
the case: an import then gives exactly the verdict and messages it gave before.

    RELIEF_DESK_FUZZ_EXAMPLES=5000 pytest tests/test_steps_normal.py"""

from __future__ import annotations

import copy
import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import steps, steps_normal
from desktop.core.errors import FieldError
from desktop.core.policy import Policy
from desktop.core.rulebook import RULES
from desktop.core.steps import CaseFacts
from tests.helpers import ORDINARY_PATH, TODAY

EXAMPLES = int(os.environ.get("RELIEF_DESK_FUZZ_EXAMPLES", "400"))
POLICY = Policy()
VALID = {code: fields for code, fields in ORDINARY_PATH}
VALID["review_against"] = {**VALID["review"], "against_deliberation_reason": "家庭确有困难"}
VALID["review_rejected"] = {"date": "2026-11-05", "passed": False, "opinion": "不符合",
                            "reason": "收入超标"}
VALID["refuse"] = {"date": "2026-11-05", "reason": "不属于本村户籍"}
VALID["pay_first"] = {"date": "2026-11-05", "amount_fen": 50_000, "authorised_by": "王审批",
                      "method": "现金"}
VALID["objection"] = {"objection_id": "YY-1", "received_on": "2026-11-10", "from": "村民甲",
                      "content": "家中有车"}
VALID["resolve_objection"] = {"objection_id": "YY-1", "date": "2026-11-14",
                              "how_checked": "入户核实", "result": "dismissed"}
VALID["resolve_upheld"] = {**VALID["resolve_objection"], "result": "upheld",
                           "back_to": "investigation"}
CODES = {"review_against": "review", "review_rejected": "review",
         "resolve_upheld": "resolve_objection"}
ODD = st.text(alphabet=st.sampled_from(["张", "x", " ", "\t", "\n", "\x00", "\u200b", "-",
                                        "9", "同", "意", "G"]), max_size=8)
ANY = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.integers(-10 ** 9, 10 ** 9)
    | st.floats(allow_nan=False) | ODD
    | st.sampled_from(["2026-11-03", "2026-11-3", "20261103", "2026-11-14", "2026-11-15",
                       "2027-01-20", "2099-12-31", "", "同意", "不同意", "刘民生", "入户调查",
                       "村务公开栏", "GS-2026-01", "GS/01", "YY-1", "upheld", "dismissed",
                       "investigation", "现金", 50_000, 10 ** 7]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD, inner, max_size=2),
    max_leaves=6)
FACTS = st.builds(
    CaseFacts, status=st.just("reviewed"), program=st.sampled_from(["temporary_relief",
                                                                    "dibao"]),
    category=st.just("expenditure"),
    last_on=st.sampled_from([date(2026, 11, 1), date(2026, 11, 3), date(2026, 11, 14)]),
    notice_start=st.sampled_from([None, date(2026, 11, 7), date(2026, 11, 9)]),
    notice_days=st.sampled_from([0, 7, 10]),
    objections=st.sampled_from([{}, {"YY-1": "closed"}, {"YY-1": "open"}]),
    deliberation=st.sampled_from(["", "同意", "不同意"]))


def _checked(code: str, fields: dict, case: CaseFacts):
    errors: list[FieldError] = []
    out = RULES[code].check(errors, fields, case, TODAY, POLICY)
    return errors, out


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_never_normal_where_the_check_refuses_or_changes(data):
    name = data.draw(st.sampled_from(sorted(VALID)))
    code = CODES.get(name, name)
    fields, case = copy.deepcopy(VALID[name]), data.draw(FACTS)
    for _ in range(data.draw(st.integers(0, 2))):
        how = data.draw(st.sampled_from(["replace", "replace", "drop", "add"]))
        key = data.draw(st.sampled_from(sorted(fields) or ["date"]))
        if how == "replace":
            fields[key] = data.draw(ANY)
        elif how == "drop":
            fields.pop(key, None)
        else:
            fields[data.draw(ODD)] = data.draw(ANY)
    normal = RULES[code].normal
    if normal is not None and normal(fields, case, TODAY, POLICY):
        errors, out = _checked(code, fields, case)
        assert not errors and out == fields
        assert set(fields) <= set(RULES[code].keys)


def test_every_step_of_an_ordinary_case_is_recognised_as_normal():
    case = CaseFacts(status="received", program="temporary_relief", category="expenditure",
                     last_on=date(2026, 11, 2))
    for code, fields in ORDINARY_PATH[:6]:
        assert RULES[code].normal(fields, case, TODAY, POLICY), code
        if code == "post_notice":
            case.notice_start, case.notice_days = date(2026, 11, 7), 7


def test_a_step_its_check_would_refuse_is_not_normal():
    case = CaseFacts(status="on_notice", program="temporary_relief", category="expenditure",
                     last_on=date(2026, 11, 7), notice_start=date(2026, 11, 7), notice_days=7,
                     deliberation="同意")
    assert not steps_normal.close_notice({"date": "2026-11-13"}, case, TODAY, POLICY)
    case.objections = {"YY-1": "open"}
    assert not steps_normal.close_notice({"date": "2026-11-20"}, case, TODAY, POLICY)
    assert not steps_normal.review(VALID["review_rejected"], case, TODAY, POLICY)  # 理由
    votes = {**VALID["deliberate"], "votes_for": 4, "votes_against": 5}
    assert not steps_normal.deliberation(votes, case, TODAY, POLICY)
    assert not steps_normal.dated({"date": "2026-11-06"}, case, TODAY, POLICY)
    for errors, _ in (_checked("close_notice", {"date": "2026-11-13"}, case),
                      _checked("deliberate", votes, case)):
        assert errors and isinstance(errors[0], FieldError)
    assert steps.dated is not None


def test_a_month_s_other_usual_steps_are_recognised_as_normal():
    """A refusal, 先行救助, an objection and its result: the import's quick path too."""
    case = CaseFacts(status="on_notice", program="temporary_relief", category="expenditure",
                     last_on=date(2026, 11, 2), notice_start=date(2026, 11, 7), notice_days=7)
    for name in ("refuse", "pay_first", "objection"):
        assert RULES[CODES.get(name, name)].normal(VALID[name], case, TODAY, POLICY), name
    case.objections = {"YY-1": "open"}
    assert not steps_normal.objection(VALID["objection"], case, TODAY, POLICY)  # 已存在
    for name in ("resolve_objection", "resolve_upheld"):
        assert RULES["resolve_objection"].normal(VALID[name], case, TODAY, POLICY), name
    case.objections = {"YY-1": "closed"}
    assert not steps_normal.resolve_objection(VALID["resolve_objection"], case, TODAY, POLICY)
    late = {**VALID["objection"], "objection_id": "YY-2", "received_on": "2026-11-14"}
    assert not steps_normal.objection(late, case, TODAY, POLICY)  # after the notice ended
    over = {**VALID["pay_first"], "amount_fen": POLICY.paid_first_limit_fen + 1}
    assert not steps_normal.pay_first(over, case, TODAY, POLICY)
    for name, fields in (("objection", late), ("pay_first", over)):
        errors, _ = _checked(name, fields, case)
        assert errors
