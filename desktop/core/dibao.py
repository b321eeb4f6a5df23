"""低保 as a continuing relationship (DOMAIN.md "低保: households under continuing
protection"): the township's approval enrolls the household with a monthly amount set by
the county's method, a start month and a class whose review interval is a setting; the
township then pays every household in payment once a month.

The rules here are read by the rule book: the 低保 part of an approval
(`decision_steps.approval`) and the month's payment record of one village (`month_paid`).
No SQL, no Qt."""

from __future__ import annotations

import re
from datetime import date

from desktop.core import fields as f
from desktop.core.errors import FieldError
from desktop.core.money import format_yuan
from desktop.core.policy import DIBAO_METHODS, Policy
from desktop.core.regions import case_village, code_problem, is_case_id

PROGRAM = "dibao"
CLASSES = {"A": "A类(基本稳定)", "B": "B类(变化较小)", "C": "C类(收入不固定)"}
# A payment record lists one village's households; beyond this it is taken for a forgery
# (a village has some dozens of 低保 households, a whole county some ten thousand).
MAX_HOUSEHOLDS_PER_VILLAGE = 20_000
_MONTH = re.compile(r"(\d{4})-(0[1-9]|1[0-2])")


# -- months ------------------------------------------------------------------------------
def month_of(day: date | str) -> str:
    return (day if isinstance(day, str) else day.isoformat())[:7]


def add_months(month: str, n: int) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    index = year * 12 + mon - 1 + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def months_between(first: str, last: str) -> int:
    """How many months `last` lies after `first` (negative: before)."""
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7])


def month_problem(text) -> str:
    """Why `text` is not a month YYYY-MM ("" when it is; callers end the sentence)."""
    if not isinstance(text, str) or not _MONTH.fullmatch(text):
        return f"月份“{str(text)[:20]}”写得不对,应为{f.MONTH_FORM}"
    return ""


def month_field(errors: list, key: str, value, label: str) -> str:
    problem = month_problem(value)
    if problem:
        errors.append(FieldError(key, f"{label}:{problem}。"))
        return ""
    return value


# -- classes and amounts -------------------------------------------------------------------
def review_months(policy: Policy, dibao_class: str) -> int:
    """The class's review interval (分类管理), a setting of the county."""
    return getattr(policy, f"dibao_review_months_{dibao_class.lower()}")


def next_review(policy: Policy, since: str, dibao_class: str) -> str:
    return add_months(since, review_months(policy, dibao_class))


def level_fen(policy: Policy, dibao_class: str) -> int:
    return getattr(policy, f"dibao_level_{dibao_class.lower()}_fen")


def monthly_amount(policy: Policy, dibao_class: str, persons: int, annual_income_fen: int
                   ) -> tuple[int, str]:
    """The household's monthly amount by the county's method, and how it was reckoned
    (shown when a typed amount differs). 0: the household's income is not below the
    standard, so it is not eligible. Exact fen: (12 × standard × persons − annual
    income) / 12, rounded half up once, never through a float."""
    standard = policy.dibao_monthly_standard_fen
    gap = 12 * standard * persons - annual_income_fen
    if gap <= 0:
        return 0, (f"家庭人均月收入 {format_yuan(annual_income_fen // (12 * persons))} 元"
                   f"不低于低保标准 {format_yuan(standard)} 元")
    if policy.dibao_method == "levels":
        level = level_fen(policy, dibao_class)
        return level * persons, f"{dibao_class} 类每人每月 {format_yuan(level)} 元 × {persons} 人"
    floor = policy.dibao_minimum_per_person_fen * persons
    amount = max((gap + 6) // 12, floor)
    how = (f"标准 {format_yuan(standard)} 元 × {persons} 人 − 家庭月收入 "
           f"{format_yuan((annual_income_fen + 6) // 12)} 元")
    if amount == floor and floor:
        how += f";不足每人 {format_yuan(policy.dibao_minimum_per_person_fen)} 元的按此发放"
    return amount, how


# -- the 低保 part of an approval ------------------------------------------------------------
def enrollment(errors: list, fi: dict, case, policy: Policy, out: dict) -> None:
    """Class, start month and the monthly amount of a 低保 approval, added to `out`.
    The amount must be the one the county's method gives: the approval records what
    the household is owed each month, and every roster and figure is reckoned from it."""
    cls = f.choice(errors, "dibao_class", fi.get("dibao_class"), CLASSES, label="低保分类")
    decided = out["date"] or ""
    start = fi.get("start_month")
    start = month_field(errors, "start_month", start, "保障金起始月份") if start \
        else month_of(decided)
    out["dibao_class"], out["start_month"] = cls, start
    if start and decided and case.received_on:
        first, last = month_of(case.received_on), add_months(month_of(decided), 1)
        if not first <= start <= last:
            errors.append(FieldError("start_month",
                                     f"保障金起始月份应在受理当月({first})到批准次月({last})"
                                     f"之间,现在是 {start}。"))
    if errors or cls not in CLASSES:
        return
    if case.income_fen is None:
        errors.append(FieldError("amount_fen", "本案没有入户调查核定的家庭年收入,无法计算"
                                               "低保金额:请退回村里补充调查。"))
        return
    persons = max(case.household_size, 1)
    expected, how = monthly_amount(policy, cls, persons, case.income_fen)
    if not expected:
        errors.append(FieldError("amount_fen", f"{how},不符合低保条件:请作不批准处理。"))
    elif out["amount_fen"] != expected:
        errors.append(FieldError("amount_fen",
                                 f"按{DIBAO_METHODS[policy.dibao_method]}法每月应为 "
                                 f"{format_yuan(expected)} 元({how}),批准金额却是 "
                                 f"{format_yuan(out['amount_fen'])} 元:请按 "
                                 f"{format_yuan(expected)} 元批准。"))


def not_for_temporary_relief(errors: list, fi: dict) -> None:
    for key, label in (("dibao_class", "低保分类"), ("start_month", "保障金起始月份")):
        if fi.get(key) not in (None, ""):
            errors.append(FieldError(key, f"{label}只用于低保案件,临时救助案件不填写。"))


# -- the month's payment of one village ------------------------------------------------------
def paid_record_id(village_code: str, month: str) -> str:
    """The record id of a village's monthly payment (`<village code>-DB-2026-12`): of the
    village's place, so the township's bundle to that village carries it."""
    return f"{village_code}-DB-{month}"


def month_paid(errors, fi, case, today, policy) -> dict:
    """The township's record that one village's households in payment were paid for a
    month: each household with its persons and amount, in case-number order, and the
    total, which must be their sum."""
    village = f.text(errors, "village_code", fi.get("village_code"), required=True,
                     max_len=12, label="村代码")
    if village and code_problem(village, "village"):
        errors.append(FieldError("village_code", code_problem(village, "village") + "。"))
    out = {"month": month_field(errors, "month", fi.get("month"), "发放月份"),
           "village_code": village,
           "date": f.day(errors, "date", fi.get("date"), today=today, label="发放日期"),
           "households": _households(errors, fi.get("households"), village, policy),
           "total_fen": f.fen(errors, "total_fen", fi.get("total_fen"), positive=True,
                              label="发放合计")}
    out["date"] = out["date"].isoformat() if out["date"] else ""
    if out["month"] and out["date"] and out["date"][:7] < out["month"]:
        errors.append(FieldError("month", f"{out['month']} 的保障金不能在该月之前"
                                          f"({out['date']})登记发放。"))
    paid = sum(h["amount_fen"] for h in out["households"])
    if out["households"] and out["total_fen"] != paid:
        errors.append(FieldError("total_fen", f"发放合计 {format_yuan(out['total_fen'])} 元"
                                              f"与各户金额之和 {format_yuan(paid)} 元不符。"))
    return out


def _households(errors: list, value, village: str, policy: Policy) -> list[dict]:
    if not isinstance(value, list) or not value or len(value) > MAX_HOUSEHOLDS_PER_VILLAGE:
        errors.append(FieldError("households", "发放名单应为 1 户以上的列表。"))
        return []
    out = []
    for i, h in enumerate(value):
        where = f"households[{i}]"
        if not isinstance(h, dict):
            errors.append(FieldError(where, "每一户应为一个对象。"))
            continue
        f.unknown_keys(errors, where, h, ("case_id", "persons", "amount_fen"))
        case_id = h.get("case_id")
        if not isinstance(case_id, str) or not is_case_id(case_id) \
                or case_village(case_id) != village:
            errors.append(FieldError(where, f"案件编号“{str(case_id)[:40]}”不是本村的案件。"))
        out.append({"case_id": case_id if isinstance(case_id, str) else "",
                    "persons": f.count(errors, f"{where}.persons", h.get("persons"),
                                       minimum=1, maximum=100, label="家庭人口"),
                    "amount_fen": f.fen(errors, f"{where}.amount_fen", h.get("amount_fen"),
                                        positive=True, maximum=policy.max_request_fen,
                                        label="月保障金")})
    ids = [h["case_id"] for h in out]
    if ids != sorted(set(ids)):
        errors.append(FieldError("households", "发放名单应按案件编号排列,且每户只出现一次。"))
    return out


# A household is in force once its approval's result notice is posted (a township's
# approval alone is still the village's to post): what the rule book says meanwhile.
NOTICE_FIRST = "该户已批准,但结果公示尚未办理:请先在案件中办理“结果公示”,"
