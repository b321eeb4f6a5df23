"""A 低保 month's payment record made elsewhere (issue 15, the rule book's peer checks):
the village takes the township's record only when it lists exactly the village's
households in payment that month, as decided, with their persons and amounts — a forged
or faulty record is refused with the household named, and nothing of it is recorded."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core import dibao
from desktop.dibao.households import paid_in
from desktop.dibao.payments import pay_month
from tests.forged import recorded_and_sent
from tests.test_dibao import dibao_case
from tests.test_dibao_review import enrolled, send

VILLAGE = "430522101201"


def _forge(world, payload: dict, day: date) -> list[str]:
    """The township's payment record made without `pay_month`: the village's refusals."""
    record = dibao.paid_record_id(payload["village_code"], payload["month"])
    return recorded_and_sent(world, world.township, world.a, record, "DibaoMonthPaid",
                             payload, day)


def _payment(household: str, month: str, **line) -> dict:
    households = [{"case_id": household, "persons": 3, "amount_fen": 79_000, **line}]
    return {"month": month, "village_code": VILLAGE, "date": f"{month}-20",
            "households": households,
            "total_fen": sum(h["amount_fen"] for h in households)}


def test_the_true_payment_travels_down_and_is_recorded(world):
    case_id = enrolled(world)  # 3 persons at 790 元 from 2026-12
    pay_month(world.township, "2026-12", date(2026, 12, 31))
    send(world, world.township, world.a, date(2026, 12, 31))  # refusals fail here
    assert paid_in(world.a.db, "2026-12") == {VILLAGE: "2026-12-31"}
    assert _forge(world, _payment(case_id, "2027-01"), date(2027, 1, 20)) == []
    assert paid_in(world.a.db, "2027-01") == {VILLAGE: "2027-01-20"}


@pytest.mark.parametrize("line, extra, why", [
    ({"amount_fen": 99_000}, False, "与核定的(3 人、790.00 元)不符"),
    ({"persons": 5}, False, "与核定的(3 人、790.00 元)不符"),
    ({"case_id": "other"}, False, "不是本村在保的低保户"),  # a household not in payment
    ({}, True, "发放名单却没有列入"),  # a household in payment left out
])
def test_a_forged_payment_is_refused_at_the_village(world, line, extra, why):
    """A refused event holds the writer's later ones: one forgery per world."""
    case_id = enrolled(world)
    if extra:  # a second household in payment, the forgery lists only the first
        second = dibao_case(world, world.a, 600_000)
        world.send(world.a, world.township)
        from desktop.township.decisions import Decisions
        Decisions(world.township, date(2026, 12, 31)).approve(second, 79_000,
                                                               dibao_class="B")
        world.send(world.township, world.a)
    if line.get("case_id") == "other":  # a case of the village that is not 低保 in payment
        (other,) = world.cases_ready(world.a, 1, until="reviewed")
        line = {"case_id": other}
    refused = _forge(world, _payment(case_id, "2027-01", **line), date(2027, 1, 20))
    assert len(refused) == 1 and why in refused[0], refused
    assert paid_in(world.a.db, "2027-01") == {}
