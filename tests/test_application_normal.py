"""The import's quick test of an application already in normal form (`is_normal`) never
says yes where the full normalisation refuses the document or changes it: an import
then gives exactly the verdict and the messages it gave before the quick test existed.

    RELIEF_DESK_FUZZ_EXAMPLES=5000 pytest tests/test_application_normal.py"""

from __future__ import annotations

import copy
import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.application import normalise_application
from desktop.core.application_normal import is_normal
from desktop.core.errors import ValidationFailed
from desktop.core.policy import Policy
from tests.helpers import TODAY, make_application, make_id

EXAMPLES = int(os.environ.get("RELIEF_DESK_FUZZ_EXAMPLES", "300"))
POLICY = Policy()
ODD = st.text(alphabet=st.sampled_from(
    ["张", "王", "·", "•", "x", "X", " ", "\u3000", "\t", "\x00", "\u202e", "\u200b", "-",
     "9", "１", "𠮷", "䶮", "\U0002ffff"]), max_size=20)
ANY = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 12, 10 ** 12) | st.floats(allow_nan=False)
    | ODD | st.sampled_from(["2026-11-02", "2026-11-2", "20261102", "2099-12-31", "", "汉族",
                             "配偶", "健康", "13800138000", "6231 0000 1234 5678",
                             make_id(date(2015, 9, 1)), make_id(date(1972, 5, 20))]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ODD, inner, max_size=3),
    max_leaves=8)


def _normal(**overrides) -> dict:
    return normalise_application(make_application(**overrides), today=TODAY, policy=POLICY)


def _verdict(doc):
    """What the full normalisation makes of `doc`: its output, or its errors."""
    try:
        return normalise_application(doc, today=TODAY, policy=POLICY)
    except ValidationFailed as exc:
        return exc


def _holds(doc) -> None:
    if is_normal(doc, today=TODAY, policy=POLICY):
        assert _verdict(doc) == doc


def test_a_recorded_application_is_recognised_as_normal():
    sick = make_application()
    sick["applicant"].update(health="患病", illness="高血压", disability="")
    for doc in (_normal(), normalise_application(sick, today=TODAY, policy=POLICY)):
        assert is_normal(doc, today=TODAY, policy=POLICY)


@pytest.mark.parametrize("change", [
    lambda d: d["applicant"].update(name="张桂英 "),
    lambda d: d["applicant"].update(name="阿不都•买买提"),
    lambda d: d["applicant"].update(name="·张"),
    lambda d: d["applicant"].update(id_number=" " + d["applicant"]["id_number"]),
    lambda d: d["applicant"].update(id_number="11010519491231002x", birth_date="1949-12-31"),
    lambda d: d["applicant"].update(id_number="１" + d["applicant"]["id_number"][1:]),
    lambda d: d["applicant"].update(sex="男"),
    lambda d: d["applicant"].update(ethnicity=""),
    lambda d: d["applicant"].update(phone="12345"),
    lambda d: d["applicant"].update(illness="高血压"),
    lambda d: d["applicant"].update(id_number=make_id(date(2012, 1, 1))),
    lambda d: d["members"][0].update(id_number=d["applicant"]["id_number"]),
    lambda d: d["members"][1].update({k: d["members"][0][k]  # the same person twice
                                      for k in ("id_number", "birth_date", "sex")}),
    lambda d: d["members"][0].update(relation=""),
    lambda d: d["household"].update(bank_account="6231 0000 1234 5678"),
    lambda d: d["household"].update(annual_income_fen=1.0),
    lambda d: d["household"].update(previous_relief_count=True),
    lambda d: d.update(received_on="2026-11-2"),
    lambda d: d.update(received_on="2099-12-31"),
    lambda d: d.update(requested_fen=0),
    lambda d: d.update(household_size=9),
    lambda d: d.update(documents_seen=["身份证", " "]),
    lambda d: d.update(reason_detail="第一行\n第二行 "),
    lambda d: d.update(category="dibao"),
    lambda d: d.pop("draft"),
    lambda d: d.update(extra=1),
])
def test_a_document_normalisation_would_change_or_refuse_is_not_normal(change):
    doc = _normal()
    change(doc)
    assert not is_normal(doc, today=TODAY, policy=POLICY)
    assert _verdict(doc) != doc


def _paths(value, at=()):
    yield at
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*at, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*at, i))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_never_normal_where_normalisation_refuses_or_changes(data):
    doc = copy.deepcopy(_normal())
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(_paths(doc))[1:]))
        *inner, last = path
        parent = doc
        for step in inner:
            parent = parent[step]
        how = data.draw(st.sampled_from(["replace", "replace", "drop", "add"]))
        if how == "replace":
            parent[last] = data.draw(ANY)
        elif how == "drop" and isinstance(parent, dict):
            del parent[last]
        elif isinstance(parent, dict):
            parent[data.draw(ODD)] = data.draw(ANY)
        _holds(doc)
