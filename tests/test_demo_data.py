"""Demo data: reproducible, every state present, valid ID numbers, dates that fit, and
cases the real workflow accepts step by step (a demo the app refuses demonstrates nothing)."""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from datetime import date, timedelta

import pytest

from desktop.core.application import normalise_application
from desktop.core.policy import Policy
from desktop.core.rulebook import advance, check_step
from desktop.core.steps import CaseFacts
from desktop.core.workflow import ACTIONS, next_status
from desktop.demo.data import generate_cases

TODAY = date(2026, 6, 1)
VILLAGE = "430522103201"
ALL_STATUSES = {
    "draft", "received", "refused", "investigated", "deliberated", "reviewed",
    "rejected_village", "on_notice", "notice_done", "submitted", "acknowledged", "approved",
    "rejected", "referred", "returned", "result_posted", "paid", "filed", "paid_first",
}
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CAP_FEN = 3 * 43000


def cases(seed=7, count=60, today=TODAY):
    return generate_cases(seed, count, today, VILLAGE)


def as_json(result) -> str:
    return json.dumps([dataclasses.asdict(c) for c in result], ensure_ascii=False)


def people(case) -> list[dict]:
    return [case.application["applicant"], *case.application["members"]]


def step_day(fields: dict) -> date:
    return date.fromisoformat(fields.get("date") or fields.get("start") or fields["received_on"])


def expected_check(first17: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


def test_same_seed_gives_the_same_cases_and_another_seed_others():
    assert as_json(cases(seed=3)) == as_json(cases(seed=3))
    assert as_json(cases(seed=3)) != as_json(cases(seed=4))


@pytest.mark.parametrize("count", [0, 1, 5, 19, 60])
def test_count_is_respected(count):
    assert len(cases(count=count)) == count


@pytest.mark.parametrize("count", [19, 60])
@pytest.mark.parametrize("seed", [1, 2, 99])
def test_every_status_occurs(count, seed):
    assert {c.target_status for c in cases(seed, count)} == ALL_STATUSES


def test_the_common_states_dominate_a_larger_demo():
    counts = Counter(c.target_status for c in cases(count=200))
    assert counts["filed"] + counts["paid"] + counts["received"] > 3 * counts["refused"]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_id_number_is_valid(seed):
    for case in cases(seed):
        for person in people(case):
            number = person["id_number"]
            assert len(number) == 18 and number[:17].isdigit(), number
            assert number[17] == expected_check(number[:17]), number
            born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
            assert born <= TODAY


def test_id_numbers_are_unique_except_the_household_that_applies_twice():
    result = cases(count=60)
    owners: dict[str, set[int]] = {}
    for i, case in enumerate(result):
        numbers = [p["id_number"] for p in people(case)]
        assert len(numbers) == len(set(numbers))
        for number in numbers:
            owners.setdefault(number, set()).add(i)
    shared = {frozenset(cases_) for cases_ in owners.values() if len(cases_) > 1}
    assert len(shared) == 1 and len(next(iter(shared))) == 2


def test_one_applicant_applies_twice_for_the_same_reason_in_one_year():
    for seed in (1, 5, 8):
        by_person: dict[str, list] = {}
        for case in cases(seed, 19):
            by_person.setdefault(case.application["applicant"]["id_number"], []).append(case)
        twice = [group for group in by_person.values() if len(group) == 2]
        assert len(twice) == 1
        first, second = (c.application for c in twice[0])
        assert first["reason"] == second["reason"]
        assert first["received_on"][:4] == second["received_on"][:4]


def test_sex_in_the_number_fits_the_family():
    for case in cases(count=60):
        applicant_odd = int(case.application["applicant"]["id_number"][16]) % 2
        for m in case.application["members"]:
            if m["relation"] == "配偶":
                assert int(m["id_number"][16]) % 2 != applicant_odd


def test_children_are_born_when_their_parents_could_have_them():
    for case in cases(count=60):
        parent = int(case.application["applicant"]["id_number"][6:10])
        for m in case.application["members"]:
            gap = int(m["id_number"][6:10]) - parent
            if m["relation"] == "子女":
                assert 18 <= gap <= 46, (case.application["applicant"], m)
            if m["relation"] == "孙子女":
                assert gap >= 38


def test_rare_characters_and_a_minority_name_are_included():
    names = {c.application["applicant"]["name"] for c in cases(count=19)}
    assert {"王䶮", "李喆", "陈堃", "张𠮷祥", "阿不都热依木·买买提"} <= names


@pytest.mark.parametrize("today", [TODAY, date(2026, 1, 2), date(2025, 12, 31)])
def test_step_dates_are_in_order_and_never_in_the_future(today):
    for case in cases(count=60, today=today):
        received = date.fromisoformat(case.application["received_on"])
        assert today - timedelta(days=330) <= received <= today
        days = [received] + [step_day(fields) for _, fields in case.steps]
        assert days == sorted(days) and days[-1] <= today, case.steps


def test_amounts_are_integer_fen():
    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v, key)
        elif key.endswith("_fen"):
            assert type(value) is int and value >= 0, (key, value)

    for case in cases(count=60):
        walk(case.application)
        walk([fields for _, fields in case.steps])


def test_township_approvals_stay_within_the_cap_and_referrals_exceed_it():
    for case in cases(count=100):
        codes = [code for code, _ in case.steps]
        for code, fields in case.steps:
            if code == "approve":
                assert fields["amount_fen"] <= CAP_FEN
        if "refer" in codes:
            review = [f for c, f in case.steps if c == "review"][-1]
            assert review["proposed_fen"] > CAP_FEN


def test_an_upheld_objection_sends_one_case_round_again():
    upheld = [c for c in cases(count=19) for code, f in c.steps
              if code == "resolve_objection" and f["result"] == "upheld"]
    assert upheld
    codes = [code for code, _ in upheld[0].steps]
    assert codes.count("post_notice") == 2


def test_pay_first_only_for_emergencies_and_right_after_receipt():
    for case in cases(count=100):
        codes = [code for code, _ in case.steps]
        if "pay_first" in codes:
            assert case.application["category"] == "emergency"
            assert codes.index("pay_first") == 0


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_workflow_accepts_every_case_and_it_ends_in_its_target(seed):
    policy = Policy()
    for case in cases(seed, 60):
        app = normalise_application(case.application, today=TODAY, policy=policy)
        assert app["draft"] == (case.target_status == "draft")
        assert replay(case, app, policy) == case.target_status


def replay(case, app: dict, policy: Policy) -> str:
    """Run the steps through the real state machine and step checks, as the demo command
    will, keeping the facts the checks need."""
    facts = CaseFacts(status="draft" if app["draft"] else "received", program=app["program"],
                      category=app["category"],
                      last_on=date.fromisoformat(app["received_on"]))
    for code, fields in case.steps:
        clean = check_step(code, fields, facts, today=TODAY, policy=policy)
        next_status(facts.status, code, clean, role=ACTIONS[code].role,
                    category=app["category"])
        advance(facts, code, clean)
    return facts.status
