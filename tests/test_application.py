"""The application document: what normalise_application derives, each kind of bad input
reported at the right field path, and `receive_many` being all-or-nothing."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from desktop.core.application import normalise_application
from desktop.core.errors import ValidationFailed
from desktop.core.idnumber import check_character
from desktop.core.policy import Policy
from desktop.operations.casework import Casework
from tests.helpers import TODAY, event_count, make_application, make_id, make_store

POLICY = Policy()


def normalise(doc: dict) -> dict:
    return normalise_application(doc, today=TODAY, policy=POLICY)


def error_paths(doc: dict) -> list[str]:
    with pytest.raises(ValidationFailed) as caught:
        normalise(doc)
    return [e.path for e in caught.value.errors]


def test_sex_birth_date_and_household_size_come_from_the_document():
    doc = make_application()
    doc["applicant"]["id_number"] = make_id(date(1975, 3, 8), male=False)
    doc["members"][0]["id_number"] = make_id(date(1972, 5, 20), male=True)
    out = normalise(doc)
    assert (out["applicant"]["sex"], out["applicant"]["birth_date"]) == ("女", "1975-03-08")
    assert (out["members"][0]["sex"], out["members"][0]["birth_date"]) == ("男", "1972-05-20")
    assert out["household_size"] == 3


def test_sex_and_birth_date_typed_by_hand_are_replaced_by_those_of_the_id():
    doc = make_application()
    doc["applicant"].update(id_number=make_id(date(1980, 1, 2), male=True),
                            sex="女", birth_date="1999-09-09")
    out = normalise(doc)
    assert (out["applicant"]["sex"], out["applicant"]["birth_date"]) == ("男", "1980-01-02")


def test_the_id_number_is_normalised():
    doc = make_application()
    doc["members"][1]["id_number"] = "  11010519491231002x "
    out = normalise(doc)
    assert out["members"][1]["id_number"] == "11010519491231002X"
    assert (out["members"][1]["sex"], out["members"][1]["birth_date"]) == ("女", "1949-12-31")


def test_a_single_person_household_has_size_one():
    out = normalise(make_application(members=[]))
    assert out["household_size"] == 1


def test_a_stored_document_validates_again_unchanged():
    out = normalise(make_application())
    assert normalise(copy.deepcopy(out)) == out


def _set(path: str, value):
    """A mutator setting e.g. "applicant.name" or "members[1].id_number"."""
    def mutate(doc):
        target = doc
        parts = path.replace("[", ".").replace("]", "").split(".")
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        target[parts[-1]] = value
    return mutate


def _bad_check_character(doc):
    number = doc["applicant"]["id_number"]
    doc["applicant"]["id_number"] = number[:17] + ("0" if number[17] != "0" else "1")


def _duplicate_member_id(doc):
    doc["members"][1]["id_number"] = doc["applicant"]["id_number"]


def _duplicate_between_members(doc):
    doc["members"][1]["id_number"] = doc["members"][0]["id_number"]


FUTURE_BIRTH = "430522" + "20270101" + "001"
FUTURE_BIRTH_ID = FUTURE_BIRTH + check_character(FUTURE_BIRTH)  # valid but for the date
BAD = {
    "empty name": (_set("applicant.name", "  "), "applicant.name"),
    "name with digits": (_set("applicant.name", "张3"), "applicant.name"),
    "wrong check character": (_bad_check_character, "applicant.id_number"),
    "15-digit applicant id": (_set("applicant.id_number", "430522750308006"),
                              "applicant.id_number"),
    "invalid member id": (_set("members[1].id_number", "430522201509010100"),
                          "members[1].id_number"),
    "15-digit member id": (_set("members[1].id_number", "430522150901010"),
                           "members[1].id_number"),
    "birth date in the future": (_set("applicant.id_number", FUTURE_BIRTH_ID),
                                 "applicant.id_number"),
    "negative amount": (_set("requested_fen", -100), "requested_fen"),
    "zero amount": (_set("requested_fen", 0), "requested_fen"),
    "absurd amount": (_set("requested_fen", POLICY.max_request_fen + 1), "requested_fen"),
    "float amount": (_set("requested_fen", 1500.0), "requested_fen"),
    "amount as text": (_set("requested_fen", "1500"), "requested_fen"),
    "unknown top-level field": (_set("amount_yuan", 15), "amount_yuan"),
    "unknown applicant field": (_set("applicant.age", 51), "applicant.age"),
    "unknown member field": (_set("members[0].age", 54), "members[0].age"),
    "category not of the program": (_set("program", "dibao"), "category"),
    "reason not of the category": (_set("reason", "fire"), "reason"),
    "unknown program": (_set("program", "housing"), "program"),
    "duplicate id of applicant and member": (_duplicate_member_id, "members[1].id_number"),
    "duplicate id between members": (_duplicate_between_members, "members[1].id_number"),
    "received in the future": (_set("received_on", "2027-01-01"), "received_on"),
    "received on no real date": (_set("received_on", "2026-02-30"), "received_on"),
    "bad phone": (_set("applicant.phone", "12345"), "applicant.phone"),
    "missing village group": (_set("applicant.group", ""), "applicant.group"),
    "unknown relation": (_set("members[0].relation", "邻居"), "members[0].relation"),
    "bad bank account": (_set("household.bank_account", "62310000abc"),
                         "household.bank_account"),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_reported_at_its_field(name):
    mutate, path = BAD[name]
    doc = make_application()
    mutate(doc)
    assert error_paths(doc) == [path]


def test_the_15_digit_id_message_asks_for_the_18_digit_number():
    doc = make_application()
    doc["members"][1]["id_number"] = "430522150901010"
    with pytest.raises(ValidationFailed) as caught:
        normalise(doc)
    assert "18" in caught.value.errors[0].message
    assert "members[1].id_number" in caught.value.message


def test_a_future_birth_date_message_says_so():
    doc = make_application()
    doc["applicant"]["id_number"] = FUTURE_BIRTH_ID
    with pytest.raises(ValidationFailed) as caught:
        normalise(doc)
    assert "晚于今天" in caught.value.errors[0].message


def test_every_error_is_reported_at_once():
    doc = make_application(requested_fen=-1, received_on="2027-01-01")
    doc["applicant"]["name"] = ""
    assert set(error_paths(doc)) == {"requested_fen", "received_on", "applicant.name"}


def test_a_landline_with_area_code_is_a_valid_phone():
    doc = make_application()
    doc["applicant"]["phone"] = "0739-3612345"
    assert normalise(doc)["applicant"]["phone"] == "0739-3612345"


def test_the_largest_allowed_amount_is_accepted():
    out = normalise(make_application(requested_fen=POLICY.max_request_fen))
    assert out["requested_fen"] == POLICY.max_request_fen


# --- receive_many -------------------------------------------------------------------------

def test_receive_many_is_all_or_nothing(tmp_path):
    store = make_store(tmp_path)
    work = Casework(store, today=TODAY)
    docs = [make_application(), make_application(), make_application()]
    docs[1]["applicant"]["name"] = "王二妹"
    docs[1]["applicant"]["id_number"] = "430522750308006"
    with pytest.raises(ValidationFailed) as caught:
        work.receive_many(docs)
    message = caught.value.message
    assert "第 2 条" in message and "王二妹" in message
    assert "applicant.id_number" in message
    assert event_count(store.db) == 0
    assert store.db["applications"].count == 0
    assert store.db["members"].count == 0

    docs[1]["applicant"]["id_number"] = make_id(male=False)
    ids = work.receive_many(docs)
    assert ids == [f"430522101201-2026-{n:04d}" for n in (1, 2, 3)]
    assert store.db["applications"].count == 3
    store.close()


def test_receive_many_refuses_an_empty_list_and_a_non_list(tmp_path):
    from desktop.core.errors import Refusal
    store = make_store(tmp_path)
    work = Casework(store, today=TODAY)
    for bad in ([], {"applicant": {}}):
        with pytest.raises(Refusal):
            work.receive_many(bad)
    assert event_count(store.db) == 0
    store.close()
