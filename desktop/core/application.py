"""The application document (申请): applicant, household, members, category, reason,
amount, documents. One schema serves the form, `applications add` and the event log.

`check_application` returns every field error at once; `normalise_application` returns
the document as stored (ID numbers normalised, birth date and sex derived from them,
never typed twice) or raises ValidationFailed."""

from __future__ import annotations

import re
from datetime import date

from desktop.core import fields as f
from desktop.core.categories import (
    CATEGORIES,
    ETHNICITIES,
    HEALTH_STATES,
    HOUSEHOLD_TYPES,
    MARITAL_STATUSES,
    PROGRAM_CATEGORIES,
    PROGRAMS,
    REASON_LABELS,
    REASONS,
    RELATIONS,
    WORK_ABILITIES,
)
from desktop.core.errors import FieldError, ValidationFailed
from desktop.core.idnumber import InvalidIdNumber, parse_id_number
from desktop.core.policy import Policy

TOP_KEYS = ("received_on", "draft", "program", "category", "reason", "reason_detail",
            "requested_fen", "documents_seen", "documents_missing", "officer_relative",
            "relative_note", "applicant", "members", "household")
APPLICANT_KEYS = ("name", "id_number", "ethnicity", "phone", "group", "address",
                  "marital_status", "health", "illness", "disability", "work_ability",
                  "household_type")
MEMBER_KEYS = ("name", "id_number", "relation", "health", "work_ability")
HOUSEHOLD_KEYS = ("annual_income_fen", "income_sources", "annual_expenditure_fen",
                  "expenditure_purposes", "bank_name", "bank_account",
                  "previous_relief_count", "previous_relief_fen")
# Derived fields the store adds; accepted back (a stored document re-validates) but recomputed.
DERIVED_PERSON_KEYS = ("sex", "birth_date")
MAX_MEMBERS = 20

# The keys each part may hold, as sets made once (asked of every part of every receipt)
_TOP_ALLOWED = frozenset(TOP_KEYS + ("household_size",))
_APPLICANT_ALLOWED = frozenset(APPLICANT_KEYS + DERIVED_PERSON_KEYS)
_MEMBER_ALLOWED = frozenset(MEMBER_KEYS + DERIVED_PERSON_KEYS)
_HOUSEHOLD_ALLOWED = frozenset(HOUSEHOLD_KEYS)
# The categories each program offers, with their labels: made once, not per application.
_PROGRAM_CATEGORY_LABELS = {p: {c: CATEGORIES[c] for c in cs}
                            for p, cs in PROGRAM_CATEGORIES.items()}
_PHONE = re.compile(r"^(1\d{10}|0\d{2,3}-?\d{7,8})$")
_ACCOUNT = re.compile(r"^\d{12,25}$")


def check_application(doc, *, today: date, policy: Policy) -> list[FieldError]:
    errors: list[FieldError] = []
    _normalise(errors, doc, today, policy)
    return errors


def normalise_application(doc, *, today: date, policy: Policy, where: str = "") -> dict:
    errors: list[FieldError] = []
    out = _normalise(errors, doc, today, policy)
    if errors:
        raise ValidationFailed(errors, where)
    return out


def receipt(errors: list, doc, case, today: date, policy: Policy) -> dict:
    """The rule book's check of `receive` (a step's signature: no case yet)."""
    try:
        return normalise_application(doc, today=today, policy=policy)
    except ValidationFailed as exc:
        errors.extend(exc.errors)
        return {}


def _normalise(errors: list, doc, today: date, policy: Policy) -> dict:
    doc = f.as_dict(errors, "申请", doc)
    f.unknown_keys(errors, "", doc, _TOP_ALLOWED)
    received = f.day(errors, "received_on", doc.get("received_on"), today=today,
                     label="受理日期")
    program = f.choice(errors, "program", doc.get("program"), PROGRAMS, label="救助项目")
    category = f.choice(errors, "category", doc.get("category"),
                        _PROGRAM_CATEGORY_LABELS.get(program, CATEGORIES), label="救助类型")
    reason = f.choice(errors, "reason", doc.get("reason"),
                      REASONS.get(category, REASON_LABELS), label="救助事由")
    applicant = _applicant(errors, doc.get("applicant"), today)
    _applicant_of_age(errors, applicant, received or today, policy)
    members = _members(errors, doc.get("members"), today)
    _unique_ids(errors, applicant, members)
    return {
        "received_on": f.iso(received) if received else "",
        "draft": f.flag(errors, "draft", doc.get("draft"), label="草稿"),
        "program": program,
        "category": category,
        "reason": reason,
        "reason_detail": f.text(errors, "reason_detail", doc.get("reason_detail"),
                                max_len=1000, label="情况说明"),
        "requested_fen": f.fen(errors, "requested_fen", doc.get("requested_fen"), positive=True,
                               maximum=policy.max_request_fen, label="申请金额"),
        "documents_seen": f.text_list(errors, "documents_seen", doc.get("documents_seen"),
                                      label="已查验材料"),
        "documents_missing": f.text_list(errors, "documents_missing",
                                         doc.get("documents_missing"), label="缺少材料"),
        "officer_relative": f.flag(errors, "officer_relative", doc.get("officer_relative"),
                                   label="近亲属备案"),
        "relative_note": f.text(errors, "relative_note", doc.get("relative_note"),
                                label="近亲属说明"),
        "applicant": applicant,
        "members": members,
        "household": _household(errors, doc.get("household"), policy),
        "household_size": 1 + len(members),
    }


def _identity(errors: list, path: str, value, today: date) -> dict:
    """ID number normalised, with birth date and sex derived from it."""
    raw = f.text(errors, path, value, required=True, max_len=40, label="身份证号")
    if not raw:
        return {"id_number": "", "sex": "", "birth_date": ""}
    try:
        info = parse_id_number(raw, today)
    except InvalidIdNumber as exc:
        errors.append(FieldError(path, exc.message))
        return {"id_number": raw, "sex": "", "birth_date": ""}
    return {"id_number": info.number, "sex": info.sex, "birth_date": f.iso(info.birth_date)}


def _applicant(errors: list, value, today: date) -> dict:
    p = "applicant"
    a = f.as_dict(errors, p, value)
    if value is None:
        errors.append(FieldError(p, "缺少申请人信息。"))
    f.unknown_keys(errors, p, a, _APPLICANT_ALLOWED)
    phone = f.text(errors, f"{p}.phone", a.get("phone"), max_len=20, label="联系电话")
    if phone and not _PHONE.match(phone):
        errors.append(FieldError(f"{p}.phone", "联系电话应为 11 位手机号或带区号的固定电话。"))
    out = {"name": f.person_name(errors, f"{p}.name", a.get("name"))}
    out.update(_identity(errors, f"{p}.id_number", a.get("id_number"), today))
    out.update({
        "ethnicity": f.choice(errors, f"{p}.ethnicity", a.get("ethnicity"), ETHNICITIES,
                              label="民族", default="汉族"),
        "phone": phone,
        "group": f.text(errors, f"{p}.group", a.get("group"), required=True, max_len=40,
                        label="村民小组"),
        "address": f.text(errors, f"{p}.address", a.get("address"), max_len=200, label="住址"),
        "marital_status": f.choice(errors, f"{p}.marital_status", a.get("marital_status"),
                                   MARITAL_STATUSES, label="婚姻状况", default="已婚"),
        **_health(errors, p, a, "illness" in a or "disability" in a),
        "household_type": f.choice(errors, f"{p}.household_type", a.get("household_type"),
                                   HOUSEHOLD_TYPES, label="家庭类别", default="一般"),
    })
    return out


def _applicant_of_age(errors: list, applicant: dict, on: date, policy: Policy) -> None:
    """An applicant is an adult (setting): a child is listed as a member of the household
    whose guardian applies. Age from the birth date in the ID number, on the 受理 date."""
    if not applicant.get("birth_date"):
        return
    born = date.fromisoformat(applicant["birth_date"])
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    if age < policy.applicant_min_age:
        errors.append(FieldError("applicant.id_number",
                                 f"申请人受理时 {age} 岁,未满 {policy.applicant_min_age} 周岁,"
                                 f"不能作为申请人:请由其监护人作为申请人,"
                                 f"并将该未成年人列为家庭成员。"))


def _health(errors: list, p: str, a: dict, with_illness: bool) -> dict:
    """The health state and work ability; the illness and disability where
    `with_illness` (an applicant that gives either: members carry only the state)."""
    health = f.choice(errors, f"{p}.health", a.get("health"), HEALTH_STATES, label="健康状况",
                      default="健康")
    out = {"health": health}
    if with_illness:
        out["illness"] = f.text(errors, f"{p}.illness", a.get("illness"), max_len=100,
                                label="患病名称")
        out["disability"] = f.text(errors, f"{p}.disability", a.get("disability"),
                                   max_len=100, label="残疾类别和等级")
    out["work_ability"] = f.choice(errors, f"{p}.work_ability", a.get("work_ability"),
                                   WORK_ABILITIES, label="劳动能力", default="有劳动能力")
    return out


def _members(errors: list, value, today: date) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append(FieldError("members", "家庭成员应为列表。"))
        return []
    if len(value) > MAX_MEMBERS:
        errors.append(FieldError("members", f"家庭成员最多 {MAX_MEMBERS} 人。"))
        value = value[:MAX_MEMBERS]
    return [_member(errors, f"members[{i}]", m, today) for i, m in enumerate(value)]


def _member(errors: list, p: str, value, today: date) -> dict:
    m = f.as_dict(errors, p, value)
    f.unknown_keys(errors, p, m, _MEMBER_ALLOWED)
    out = {"name": f.person_name(errors, f"{p}.name", m.get("name"))}
    out.update(_identity(errors, f"{p}.id_number", m.get("id_number"), today))
    out["relation"] = f.choice(errors, f"{p}.relation", m.get("relation"), RELATIONS,
                               label="与户主关系")
    out.update(_health(errors, p, m, False))  # a member's illness is never read or kept
    return out


def _unique_ids(errors: list, applicant: dict, members: list[dict]) -> None:
    seen = {applicant.get("id_number"): "申请人"}
    for i, m in enumerate(members):
        number = m.get("id_number")
        if number and number in seen:
            errors.append(FieldError(f"members[{i}].id_number",
                                     f"身份证号与{seen[number]}重复,同一人不能登记两次。"))
        seen.setdefault(number, f"第 {i + 1} 位家庭成员")


def _household(errors: list, value, policy: Policy) -> dict:
    p = "household"
    h = f.as_dict(errors, p, value)
    f.unknown_keys(errors, p, h, _HOUSEHOLD_ALLOWED)
    account = f.text(errors, f"{p}.bank_account", h.get("bank_account"), max_len=30,
                     label="银行账号").replace(" ", "")
    if account and not _ACCOUNT.match(account):
        errors.append(FieldError(f"{p}.bank_account", "银行账号应为 12 到 25 位数字。"))
    big = policy.max_request_fen * 100
    return {
        "annual_income_fen": f.fen(errors, f"{p}.annual_income_fen",
                                   h.get("annual_income_fen"), required=False, maximum=big,
                                   label="家庭年收入"),
        "income_sources": f.text(errors, f"{p}.income_sources", h.get("income_sources"),
                                 max_len=200, label="收入来源"),
        "annual_expenditure_fen": f.fen(errors, f"{p}.annual_expenditure_fen",
                                        h.get("annual_expenditure_fen"), required=False,
                                        maximum=big, label="家庭年支出"),
        "expenditure_purposes": f.text(errors, f"{p}.expenditure_purposes",
                                       h.get("expenditure_purposes"), max_len=200,
                                       label="支出用途"),
        "bank_name": f.text(errors, f"{p}.bank_name", h.get("bank_name"), max_len=40,
                            label="开户银行"),
        "bank_account": account,
        "previous_relief_count": f.count(errors, f"{p}.previous_relief_count",
                                         h.get("previous_relief_count"), required=False,
                                         maximum=100, label="本年已救助次数"),
        "previous_relief_fen": f.fen(errors, f"{p}.previous_relief_fen",
                                     h.get("previous_relief_fen"), required=False,
                                     maximum=big, label="本年已救助金额"),
    }
