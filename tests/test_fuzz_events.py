"""Forged-but-signed events, fuzzed over the rule book's field specs: an enrolled village
sends a valid step with one field replaced by anything (another type, a huge or negative
number, a control character, a nested object), a field dropped or an unknown one added.
The township either refuses the event, or accepts one that its own officer could have
typed — and its ledger stays readable: the list, the case view and a rebuild that gives
the same tables.

    RELIEF_DESK_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_events.py"""

from __future__ import annotations

import copy
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.rulebook import RULES
from desktop.storage import queries
from tests.forged import chained, deliver, own_events, receipt, signed_bundle
from tests.helpers import ORDINARY_PATH, TODAY, advance, make_application, projection_rows
from tests.sync_world import World

EXAMPLES = int(os.environ.get("RELIEF_DESK_FUZZ_EXAMPLES", "60"))
ODD_TEXT = st.text(alphabet=st.sampled_from(
    ["张", "x", " ", "\x00", "\x1b", "\u202e", "\u200b", "\ud800", "-", "9", "𠮷", "/"]),
    max_size=12)
ANY = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 20, 10 ** 20) | st.floats(allow_nan=False)
    | ODD_TEXT | st.sampled_from(["2099-12-31", "1999-01-01", "2026-12-31", "2026-02-30"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD_TEXT, inner, max_size=3),
    max_leaves=8)
VALID = dict(ORDINARY_PATH)
VILLAGE_STEPS = {"investigate": "received", "deliberate": "investigated",
                 "review": "deliberated", "post_notice": "reviewed", "close_notice": "on_notice"}


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    w = World(tmp_path_factory.mktemp("fuzz-events"))
    work = w.work(w.a)
    w.cases = {}
    for state in set(VILLAGE_STEPS.values()):
        (case_id,) = work.receive_many([make_application()])
        if state != "received":
            advance(work, case_id, state)
        w.cases[state] = case_id
    w.send(w.a, w.township)
    w.accepted = []  # crafted events the township took: later ones chain after them
    yield w
    w.close()


def _mutated(data, fields: dict) -> dict:
    fields = copy.deepcopy(fields)
    how = data.draw(st.sampled_from(["keep", "text", "replace", "replace", "drop", "add"]))
    key = data.draw(st.sampled_from(sorted(fields)))
    if how == "text":  # odd but perhaps acceptable words where words are asked for
        if isinstance(fields[key], str):
            fields[key] = data.draw(st.text(alphabet="张王·x -9𠮷", min_size=1, max_size=8))
    elif how == "replace":
        fields[key] = data.draw(ANY)
    elif how == "drop":
        del fields[key]
    else:
        fields[data.draw(ODD_TEXT)] = data.draw(ANY)
    return fields


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_forged_field_is_refused_or_leaves_a_readable_ledger(world, data):
    code = data.draw(st.sampled_from(["receive", *VILLAGE_STEPS]))
    if code == "receive":
        case_id = f"{world.a.workstation['village_code']}-2026-{data.draw(st.integers(500, 9999)):04d}"
        fields = _mutated(data, receipt(world))
    else:
        case_id = world.cases[VILLAGE_STEPS[code]]
        fields = _mutated(data, VALID[code])
    events = own_events(world.a) + world.accepted
    try:
        crafted = chained(events[-1], RULES[code].event, fields, case_id)
        bundle = signed_bundle(world, events + [crafted])
    except UnicodeEncodeError:
        return  # a lone surrogate cannot even be written into a bundle by the village
    report = deliver(world, bundle)
    if not report.ok:  # refused whole, with a reason
        assert report.error
        return
    if report.refused:
        return
    world.accepted.append(crafted)
    t = world.township
    flt = queries.LedgerFilter()
    assert queries.ledger_count(t.db, flt) >= 1
    for row in queries.ledger_page(t.db, flt, 0, 500):
        queries.describe(row, TODAY, t.policy)
    queries.case_detail(t.db, case_id, TODAY, t.policy)
    before = projection_rows(t.db, parse_json=True)
    t.rebuild()
    assert projection_rows(t.db, parse_json=True) == before
