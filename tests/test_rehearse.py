"""A rehearsal (storage.db.rehearse) runs an operation with every check it makes and
leaves nothing written: the GUI asks to confirm a step only after it."""

from __future__ import annotations

import pytest
from conftest import TODAY, receive

from desktop.core.errors import Refusal
from desktop.storage.db import rehearse

INVESTIGATION = {"date": TODAY.isoformat(), "investigators": ["甲", "乙"],
                 "methods": ["入户调查"], "household_income_fen": 0,
                 "household_expenditure_fen": 0, "findings": "属实"}


def test_a_rehearsed_step_passes_its_checks_and_writes_nothing(store, casework):
    case_id = receive(casework, 1)[0]
    before = store.db["events"].count
    rehearse(lambda: casework.step(case_id, "investigate", INVESTIGATION))
    assert store.db["events"].count == before
    assert casework.facts(case_id).status == "received"
    casework.step(case_id, "investigate", INVESTIGATION)  # then done for real
    assert casework.facts(case_id).status == "investigated"
    assert store.db["events"].count == before + 1


def test_a_rehearsal_raises_the_steps_refusal(store, casework):
    case_id = receive(casework, 1)[0]
    casework.step(case_id, "refuse", {"date": TODAY.isoformat(), "reason": "不符合条件"})
    before = store.db["events"].count
    with pytest.raises(Refusal):
        rehearse(lambda: casework.step(case_id, "investigate", INVESTIGATION))
    assert store.db["events"].count == before
