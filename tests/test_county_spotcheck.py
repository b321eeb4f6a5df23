"""抽查 at the county (issue 14, item 6): a reproducible monthly draw of filed cases per
township, the check form, and the result travelling back to the township."""

from __future__ import annotations

import pytest

from desktop.core.errors import Refusal
from desktop.county import spotcheck
from desktop.storage.queries import case_history
from desktop.township.decisions import Decisions
from tests import county_world
from tests.helpers import TODAY
from tests.sync_world import snapshot, status
from tests.township_world import case_with, post_result

MONTH = f"{TODAY:%Y-%m}"
CHECK = {"items": ["identity", "payment"], "result": "serious", "problems": "发放记录缺签字",
         "follow_up": "补齐签字并说明"}

world = county_world.world  # the fixture: a county, its townships and villages


def _filed(world, n: int) -> list[str]:
    """n cases of village A decided, paid and filed by the township, relayed up."""
    ids = [case_with(world, world.a) for _ in range(n)]
    world.up()
    decide = Decisions(world.township, TODAY)
    for case_id in ids:
        decide.approve(case_id, 100_000)
    world.send(world.township, world.a)
    for case_id in ids:
        post_result(world, world.a, case_id)
    world.send(world.a, world.township)
    work = world.work(world.township)
    for case_id in ids:
        decide.pay(case_id, 100_000, "一卡通")
        work.step(case_id, "file", {"date": TODAY.isoformat(), "register": "12 月备案册"})
    world.send(world.township, world.county)
    return ids


def test_the_draw_is_reproducible_and_once_a_month(world):
    ids = _filed(world, 5)
    done = spotcheck.draw(world.county, MONTH, TODAY)
    (picked,) = done.by_township.values()
    assert len(picked) == 3 and set(picked) <= set(ids)  # the setting's three a township
    # anyone with the ledger and the recorded seed draws the same cases again
    assert spotcheck.sample(ids, done.seed, "430522101", 3) == picked
    assert [r["case_id"] for r in spotcheck.drawn(world.county.db, MONTH)] == picked
    before = snapshot(world.county)
    with pytest.raises(Refusal, match="已经抽取过"):
        spotcheck.draw(world.county, MONTH, TODAY)
    assert snapshot(world.county) == before


def test_a_check_result_reaches_the_township(world):
    _filed(world, 2)
    (picked,) = spotcheck.draw(world.county, MONTH, TODAY, seed=7).by_township.values()
    spotcheck.record(world.county, picked[0], CHECK, TODAY)
    assert spotcheck.figures(world.county.db, MONTH) == {
        "430522101": {"drawn": 2, "checked": 1, "minor": 0, "serious": 1}}
    world.send(world.county, world.township)
    assert status(world.township, picked[0]) == "filed"
    (line,) = [h for h in case_history(world.township.db, picked[0])
               if h["action"] == "spot_check"]
    assert line["workstation_id"] == world.county.workstation["id"]


@pytest.mark.parametrize("change, message", [
    ({"result": "serious", "follow_up": ""}, "整改要求"),
    ({"items": ["identity", "unknown"]}, "核查项目"),
    ({"result": "minor", "problems": ""}, "发现的问题"),
])
def test_a_bad_check_form_is_refused_and_changes_nothing(world, change, message):
    _filed(world, 1)
    (picked,) = spotcheck.draw(world.county, MONTH, TODAY).by_township.values()
    before = snapshot(world.county)
    with pytest.raises(Refusal, match=message):
        spotcheck.record(world.county, picked[0], {**CHECK, **change}, TODAY)
    assert snapshot(world.county) == before


def test_nothing_to_draw_and_a_future_month_are_refused(world):
    with pytest.raises(Refusal, match="没有已备案的案件"):
        spotcheck.draw(world.county, MONTH, TODAY)
    with pytest.raises(Refusal, match="还没有到"):
        spotcheck.draw(world.county, "2027-01", TODAY)
    with pytest.raises(Refusal, match="县民政局工作站"):
        spotcheck.draw(world.township, MONTH, TODAY)
