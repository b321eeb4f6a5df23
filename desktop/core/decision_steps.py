"""The fields and rules of the township's steps (decide, refer, return, pay, file, the
refusal delivered): within the caps, a decision once, a payment within what was approved
less what was paid first. Village steps and the shared checkers are in steps.py."""

from __future__ import annotations

from desktop.core import dibao
from desktop.core import fields as f
from desktop.core.categories import DELIVERY_METHODS, PAYMENT_METHODS
from desktop.core.county_steps import as_decided
from desktop.core.editions import decided_under
from desktop.core.errors import FieldError
from desktop.core.steps import step_date, yuan


def decision(errors, fi, case, today, policy, *, note_key: str, note_label: str) -> dict:
    out = {"date": step_date(errors, fi, case, today, label="决定日期"),
           "approver": f.text(errors, "approver", fi.get("approver"), required=True,
                              max_len=40, label="审批人"),
           note_key: f.text(errors, note_key, fi.get(note_key), required=note_key != "note",
                            max_len=2000, label=note_label)}
    return out


def rejection(errors, fi, case, today, policy) -> dict:
    out = decision(errors, fi, case, today, policy, note_key="reason", note_label="不批准理由")
    _county_ref(errors, fi, case, out)
    as_decided(errors, "reject", out, case)
    decided_under(errors, fi, out)
    return out


REFERRED = ("referred", "county_decided")  # states in which the county decides


def _county_ref(errors, fi, case, out: dict) -> None:
    """A referred case is decided by the county: the township records that decision with
    the county's reference (文号; the township's operations require it); a case the
    township decides itself has none."""
    ref = f.text(errors, "county_ref", fi.get("county_ref"), max_len=100, label="县局批复文号")
    if case.status not in REFERRED and ref:
        errors.append(FieldError("county_ref", "只有转县审批的案件才填写县局批复文号。"))
    if ref:
        out["county_ref"] = ref


def approval(errors, fi, case, today, policy) -> dict:
    out = {"date": step_date(errors, fi, case, today, label="批准日期"),
           "approver": f.text(errors, "approver", fi.get("approver"), required=True,
                              max_len=40, label="审批人"),
           "amount_fen": f.fen(errors, "amount_fen", fi.get("amount_fen"), positive=True,
                               maximum=policy.max_request_fen, label="批准金额")}
    if case.program == dibao.PROGRAM:
        # a monthly amount, set by the county's method: the caps are of one-off relief
        dibao.enrollment(errors, fi, case, policy, out)
        _county_ref(errors, fi, case, out)
        return out
    dibao.not_for_temporary_relief(errors, fi)
    if case.status == "acknowledged" and out["amount_fen"] > policy.township_cap_fen:
        errors.append(FieldError("amount_fen",
                                 f"超过乡镇审批上限 {policy.township_cap_fen / 100:.2f} 元,"
                                 f"请转县审批。"))
    if case.status in REFERRED and out["amount_fen"] > policy.county_cap_fen:
        errors.append(FieldError("amount_fen",
                                 f"超过县级审批上限 {policy.county_cap_fen / 100:.2f} 元。"))
    _county_ref(errors, fi, case, out)
    _recovery(errors, fi, case, out)
    as_decided(errors, "approve", out, case)
    decided_under(errors, fi, out)
    return out


def _recovery(errors: list, fi: dict, case, out: dict) -> None:
    """先行救助 counts toward the approval: approving less than was already paid first
    needs a recorded recovery (追回) or a written explanation."""
    note = f.text(errors, "recovery_note", fi.get("recovery_note"), max_len=2000,
                  label="追回或说明")
    first, amount = case.paid_first_fen, out["amount_fen"]
    if first and amount and amount < first:
        if not note:
            errors.append(FieldError("recovery_note",
                                     f"已先行救助 {yuan(first)} 元,批准金额 {yuan(amount)} 元"
                                     f"低于已发放的金额:请写明差额 {yuan(first - amount)} 元"
                                     f"如何追回,或说明理由。"))
        out["recovery_note"] = note
    elif note:
        errors.append(FieldError("recovery_note", "批准金额不低于先行救助金额,无需填写追回说明。"))


def payment(errors, fi, case, today, policy) -> dict:
    out = {"date": step_date(errors, fi, case, today, label="发放日期"),
           # paid in full first (先行救助 ≥ approved): a payment of 0 closes the case
           "amount_fen": f.fen(errors, "amount_fen", fi.get("amount_fen"),
                               positive=case.approved_fen > case.paid_first_fen,
                               maximum=policy.max_request_fen, label="发放金额"),
           "method": f.choice(errors, "method", fi.get("method"), PAYMENT_METHODS,
                              label="发放方式")}
    remainder = case.approved_fen - case.paid_first_fen
    amount = out["amount_fen"]
    if case.paid_first_fen and amount > max(remainder, 0):
        errors.append(FieldError("amount_fen",
                                 f"发放金额 {yuan(amount)} 元超过应发金额 "
                                 f"{yuan(max(remainder, 0))} 元:批准 {yuan(case.approved_fen)}"
                                 f" 元,已先行救助 {yuan(case.paid_first_fen)} 元,只发差额。"))
    elif amount > case.approved_fen:
        errors.append(FieldError("amount_fen",
                                 f"发放金额 {amount / 100:.2f} 元超过批准金额 "
                                 f"{case.approved_fen / 100:.2f} 元,请核对。"))
    return out


def referral(errors, fi, case, today, policy) -> dict:
    return decision(errors, fi, case, today, policy, note_key="note", note_label="说明")


def return_(errors, fi, case, today, policy) -> dict:
    out = decision(errors, fi, case, today, policy, note_key="reason", note_label="退回理由")
    _county_ref(errors, fi, case, out)
    as_decided(errors, "return", out, case)
    return out


def filing(errors, fi, case, today, policy) -> dict:
    return {"date": step_date(errors, fi, case, today),
            "register": f.text(errors, "register", fi.get("register"), max_len=200,
                               label="备案登记册")}


def rejection_notified(errors, fi, case, today, policy) -> dict:
    """不予批准通知书 delivered to the applicant (written notice within the setting's
    working days): ends that deadline."""
    return {"date": step_date(errors, fi, case, today, label="送达日期"),
            "how": f.choice(errors, "how", fi.get("how"), DELIVERY_METHODS, label="送达方式"),
            "letter_no": f.text(errors, "letter_no", fi.get("letter_no"), max_len=60,
                                label="通知书文号")}
