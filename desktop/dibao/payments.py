"""The township's monthly payment of 低保 (一卡通): every household in payment that month,
recorded as paid in one step — one record per village (rulebook `dibao_pay`), all in one
transaction, so the month is paid for every village or for none."""

from __future__ import annotations

from datetime import date
from itertools import groupby

from desktop.core import dibao
from desktop.core.errors import Refusal, ValidationFailed
from desktop.core.money import format_yuan
from desktop.core.rulebook import RULES, check_step
from desktop.dibao.households import in_payment, last_paid_month, paid_in


def pay_month(store, month: str, today: date) -> dict:
    """Record `month` as paid; returns its households, persons and total."""
    if store.workstation["role"] != "township":
        raise Refusal("低保金由乡镇民政办按月发放,只能在乡镇工作站登记。")
    problem = dibao.month_problem(month)
    if problem:
        raise Refusal(f"{problem}。")
    if month > dibao.month_of(today):
        raise Refusal(f"{month} 还没有到,不能登记该月的发放(今天是 {today})。未做任何改动。")
    households = in_payment(store.db, month)
    if not households:
        raise Refusal(f"{month} 没有在保的低保户,无需发放。未做任何改动。")
    villages = {h["village_code"] for h in households}
    already = sorted(on for code, on in paid_in(store.db, month).items() if code in villages)
    if already:
        raise Refusal(f"{month} 的低保金已于 {already[0]} 登记发放,不能重复登记。未做任何改动。")
    records = [_record(village, list(rows), month, today, store.policy)
               for village, rows in groupby(households, key=lambda h: h["village_code"])]
    with store.transaction():
        for case_id, fields in records:
            store.record(actor=store.workstation["officer"], case_id=case_id,
                         type_=RULES["dibao_pay"].event, payload=fields)
    return {"month": month, "villages": len(records), "households": len(households),
            "persons": sum(h["persons"] for h in households),
            "total_fen": sum(h["monthly_fen"] for h in households)}


def _record(village: str, rows: list[dict], month: str, today: date, policy
            ) -> tuple[str, dict]:
    fields = {"month": month, "village_code": village, "date": today.isoformat(),
              "households": [{"case_id": h["case_id"], "persons": h["persons"],
                              "amount_fen": h["monthly_fen"]} for h in rows],
              "total_fen": sum(h["monthly_fen"] for h in rows)}
    try:
        clean = check_step("dibao_pay", fields, None, today=today, policy=policy)
    except ValidationFailed as exc:  # the projection holds what the rules accepted: a bug
        raise RuntimeError(f"dibao_pay {village}: {exc.errors[0].message}") from None
    return dibao.paid_record_id(village, month), clean


def record_problem(db, payload: dict) -> str:
    """Why a village's payment record of a month, made elsewhere, may not be recorded here
    ("" when it may): the same as `pay_month` makes — every household of the village in
    payment that month as held here, each once, with its persons and amount."""
    held = {h["case_id"]: h for h in in_payment(db, payload["month"],
                                                 village=payload["village_code"])}
    month = payload["month"]
    for i, line in enumerate(payload["households"], 1):
        h = held.pop(line["case_id"], None)
        what = f"第 {i} 户(案件 {line['case_id']})"
        if h is None:
            return f"{what}在 {month} 不是本村在保的低保户"
        if (line["persons"], line["amount_fen"]) != (h["persons"], h["monthly_fen"]):
            return (f"{what}的人口或金额({line['persons']} 人、"
                    f"{format_yuan(line['amount_fen'])} 元)与核定的"
                    f"({h['persons']} 人、{format_yuan(h['monthly_fen'])} 元)不符")
    if held:
        return f"案件 {min(held)} 在 {month} 在保,发放名单却没有列入"
    return ""


def start_month_for(db, case_id: str, decided: date, asked: str = "") -> str:
    """The month a newly approved household's payment starts: the one asked for, or the
    decision's month; never a month already paid (that month's roster is closed: the
    household would be missed, and `pay` pays a month for every village at once)."""
    last = last_paid_month(db)
    start = asked or dibao.month_of(decided)
    if last and start <= last:
        if asked:
            raise Refusal(f"本乡镇 {last} 及以前月份的低保金已发放,案件 {case_id} 的保障金只能从 "
                          f"{dibao.add_months(last, 1)} 起。未做任何改动。")
        start = dibao.add_months(last, 1)
    return start


__all__ = ["pay_month", "record_problem", "start_month_for"]
