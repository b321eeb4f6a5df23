"""Whether an application as recorded is already what `normalise_application` makes of it.

An import receives every application in the form the sender's own checks produced, and
the rule book refuses one that is not (`rulebook.check_recorded`). Normalising a
household field by field, to compare the result with what arrived, was a fifth of a
township's import. `is_normal` answers the same question with the fields' predicates
(`fields.is_*`, each true only where its checker would keep the value as it is) and the
schema's own cross-field rules; where it says no, the full normalisation runs and its
verdict and messages are the ones given. So it may say no too often, never yes wrongly:
`tests/test_application_normal.py` holds it to that."""

from __future__ import annotations

from datetime import date

from desktop.core import application as a
from desktop.core import fields as f
from desktop.core.categories import (
    CATEGORIES,
    ETHNICITIES,
    HEALTH_STATES,
    HOUSEHOLD_TYPES,
    MARITAL_STATUSES,
    PROGRAMS,
    REASON_LABELS,
    REASONS,
    RELATIONS,
    WORK_ABILITIES,
)
from desktop.core.idnumber import plain_birth_and_sex
from desktop.core.policy import Policy

# The keys of each part as normalisation writes them: every one, and no other
_TOP = frozenset(a.TOP_KEYS + ("household_size",))
_PERSON = frozenset(("name", "id_number", "sex", "birth_date", "health", "work_ability"))
_APPLICANT = _PERSON | {"ethnicity", "phone", "group", "address", "marital_status",
                        "household_type"}
_APPLICANT_ILL = _APPLICANT | {"illness", "disability"}
_MEMBER = _PERSON | {"relation"}
_HOUSEHOLD = frozenset(a.HOUSEHOLD_KEYS)


def is_normal(doc, *, today: date, policy: Policy) -> bool:
    """True only where `normalise_application(doc, …)` returns a document equal to
    `doc` without an error."""
    if type(doc) is not dict or doc.keys() != _TOP:
        return False
    received = f.normal_day(doc["received_on"])
    members = doc["members"]
    if (received is None or received > today or not _program_normal(doc)
            or type(members) is not list or len(members) > a.MAX_MEMBERS
            or type(doc["household_size"]) is not int
            or doc["household_size"] != 1 + len(members)
            or type(doc["draft"]) is not bool or type(doc["officer_relative"]) is not bool
            or not f.is_plain_text(doc["reason_detail"], 1000)
            or not f.is_plain_text(doc["relative_note"])
            or not f.is_fen(doc["requested_fen"], positive=True,
                            maximum=policy.max_request_fen)
            or not f.is_text_list(doc["documents_seen"])
            or not f.is_text_list(doc["documents_missing"])
            or not _applicant_normal(doc["applicant"], today)
            or not all(_member_normal(m, today) for m in members)
            or not _household_normal(doc["household"], policy)):
        return False
    # Every ID number is a checked one by now (never empty): `_unique_ids` finds nothing
    # exactly where they are all different
    numbers = {m["id_number"] for m in members}
    if len(numbers) != len(members) or doc["applicant"]["id_number"] in numbers:
        return False
    errors: list = []  # the schema's own rule across fields, as normalisation runs it
    a._applicant_of_age(errors, doc["applicant"], received, policy)
    return not errors


def recorded(doc, case, today: date, policy: Policy) -> bool:
    """`is_normal` as the rule book asks it (a step's signature: no case yet)."""
    return is_normal(doc, today=today, policy=policy)


def _program_normal(doc: dict) -> bool:
    program, category = doc["program"], doc["category"]
    return (f.is_choice(program, PROGRAMS)
            and f.is_choice(category, a._PROGRAM_CATEGORY_LABELS.get(program, CATEGORIES))
            and f.is_choice(doc["reason"], REASONS.get(category, REASON_LABELS)))


def _person_normal(p: dict, today: date) -> bool:
    """Name, ID number with what it gives (birth date, sex), health and work ability."""
    # a number `parse_id_number` keeps as it is: plain text of 18 characters already
    return (f.is_plain_name(p["name"]) and f.is_choice(p["health"], HEALTH_STATES)
            and f.is_choice(p["work_ability"], WORK_ABILITIES)
            and plain_birth_and_sex(p["id_number"], today) == (p["birth_date"], p["sex"]))


def _applicant_normal(p, today: date) -> bool:
    if type(p) is not dict or (p.keys() != _APPLICANT and p.keys() != _APPLICANT_ILL):
        return False
    phone = p["phone"]
    return (_person_normal(p, today)
            and f.is_plain_text(phone, 20) and (phone == "" or bool(a._PHONE.match(phone)))
            and f.is_plain_text(p["group"], 40, True) and f.is_plain_text(p["address"], 200)
            and f.is_choice(p["ethnicity"], ETHNICITIES)
            and f.is_choice(p["marital_status"], MARITAL_STATUSES)
            and f.is_choice(p["household_type"], HOUSEHOLD_TYPES)
            and ("illness" not in p or (f.is_plain_text(p["illness"], 100)
                                        and f.is_plain_text(p["disability"], 100))))


def _member_normal(m, today: date) -> bool:
    return (type(m) is dict and m.keys() == _MEMBER and f.is_choice(m["relation"], RELATIONS)
            and _person_normal(m, today))


def _household_normal(h, policy: Policy) -> bool:
    if type(h) is not dict or h.keys() != _HOUSEHOLD:
        return False
    big, account = policy.max_request_fen * 100, h["bank_account"]
    return (f.is_fen(h["annual_income_fen"], maximum=big)
            and f.is_fen(h["annual_expenditure_fen"], maximum=big)
            and f.is_fen(h["previous_relief_fen"], maximum=big)
            and f.is_count(h["previous_relief_count"], maximum=100)
            and f.is_plain_text(h["income_sources"], 200)
            and f.is_plain_text(h["expenditure_purposes"], 200)
            and f.is_plain_text(h["bank_name"], 40)
            and f.is_plain_text(account, 30) and " " not in account
            and (account == "" or bool(a._ACCOUNT.match(account))))
